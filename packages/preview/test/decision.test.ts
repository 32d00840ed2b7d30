import { describe, expect, test } from 'vitest';
import { renderDocument } from '../src/index.js';
import { parseText } from './load.js';

describe('decision details in the report header', () => {
    test('Swedish and English wording, under the title', async () => {
        const doc = await parseText('plan p "Verksamhetsplan 2026" { beslutad av kommunstyrelsen 2025-12-10 § 123, dnr KS 2025/456\n år 2026 }');
        const sv = renderDocument(doc, { lang: 'sv', mode: 'fragment' });
        expect(sv).toMatch(/<h1 class="doc-title">Verksamhetsplan 2026<\/h1><p class="doc-decision"[^>]*>Beslutad av kommunstyrelsen 2025-12-10 § 123, dnr KS 2025\/456<\/p>/);
        const en = renderDocument(doc, { lang: 'en', mode: 'fragment' });
        expect(en).toContain('>Adopted by kommunstyrelsen 2025-12-10 § 123, ref. KS 2025/456</p>');
    });
    test('a plan without decision details has no decision line', async () => {
        const doc = await parseText('plan p "P" { år 2026 }');
        expect(renderDocument(doc, { lang: 'sv', mode: 'fragment' })).not.toContain('doc-decision');
    });
});
