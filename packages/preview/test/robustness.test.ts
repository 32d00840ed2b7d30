import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { renderDocument, renderMarkdownDocument } from '../src/index.js';
import { FIXTURES, REPO, textParser } from './load.js';

/** While typing, the preview renders half-written plans: whatever the parser recovered must render. */
describe('half-written plans', () => {
    const sources = [
        path.join(FIXTURES, 'all/plan.vplan'),
        path.join(REPO, 'examples/norsjo/aktiviteter-2025.vplan')
    ];
    test.each(sources.map(s => [path.basename(s), s]))('every prefix of %s renders without throwing', async (_name, file) => {
        const text = readFileSync(file, 'utf8');
        const shared = readFileSync(path.join(FIXTURES, 'all/shared.vplan'), 'utf8');
        // Cut at many places, also inside keywords, strings and numbers.
        const step = Math.max(7, Math.floor(text.length / 90));
        const parseText = await textParser([shared]);
        let rendered = 0;
        for (let cut = 1; cut < text.length; cut += step) {
            const doc = await parseText(text.slice(0, cut));
            const html = renderDocument(doc, { lang: 'sv', mode: 'fragment' });
            expect(html.startsWith('<div class="vplan-doc"')).toBe(true);
            renderMarkdownDocument(doc, { lang: 'en' });
            rendered++;
        }
        expect(rendered).toBeGreaterThan(60);
    }, 120000);

    test('every cut inside the assignments (amounts, follow-up, effects) renders', async () => {
        const text = readFileSync(path.join(FIXTURES, 'all/plan.vplan'), 'utf8');
        const shared = readFileSync(path.join(FIXTURES, 'all/shared.vplan'), 'utf8');
        const start = text.indexOf('budgetuppdrag');
        const parseText = await textParser([shared]);
        for (let cut = start; cut < text.length; cut += 3) {
            const doc = await parseText(text.slice(0, cut));
            expect(() => renderDocument(doc, { lang: 'sv', mode: 'page' })).not.toThrow();
            expect(() => renderMarkdownDocument(doc, { lang: 'sv' })).not.toThrow();
        }
    }, 120000);

    test('a line deleted anywhere still renders', async () => {
        const lines = readFileSync(path.join(FIXTURES, 'all/plan.vplan'), 'utf8').split('\n');
        const parseText = await textParser();
        for (let i = 0; i < lines.length; i++) {
            const doc = await parseText([...lines.slice(0, i), ...lines.slice(i + 1)].join('\n'));
            expect(() => renderDocument(doc, { lang: 'en', mode: 'page' })).not.toThrow();
        }
    }, 120000);
});
