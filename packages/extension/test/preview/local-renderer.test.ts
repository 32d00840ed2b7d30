import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { createLocalRenderer } from '../../src/preview/local-renderer.js';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../preview/test/fixtures/all');
const PLAN = readFileSync(path.join(FIXTURES, 'plan.vplan'), 'utf8');
const SHARED = readFileSync(path.join(FIXTURES, 'shared.vplan'), 'utf8');

describe('the extension-host fallback renderer', () => {
    test('renders the editor text with references into the other plan files', async () => {
        const r = createLocalRenderer(async () => [{ uri: 'file:///w/shared.vplan', text: SHARED }]);
        const result = await r.render('file:///w/plan.vplan', PLAN, 3, { language: 'sv', fallback: 'sv', dashboard: true });
        expect(result.errors).toEqual([]);
        expect(result.version).toBe(3);
        // Titles resolved from the shared file: organisation, goal and role.
        expect(result.html).toContain('Demo kommun · Omsorg');
        expect(result.html).toContain('Välfärd och välbefinnande genom livet');
        expect(result.html).toContain('<dd>Enhetschef</dd>');
        expect(result.html).toContain('class="dashboard"');
        const without = await r.render('file:///w/plan.vplan', PLAN, 4, { language: 'en', fallback: 'en', dashboard: false });
        expect(without.html).not.toContain('class="dashboard"');
        const sourceLine = PLAN.split('\n').findIndex(l => l.includes('källa kolada kpi "U23471"'));
        expect(without.html).toContain(`<dt data-line="${sourceLine}">Source</dt>`);
    });

    test('reports syntax errors with their lines and follows a changed shared file', async () => {
        const r = createLocalRenderer(async () => [{ uri: 'file:///w/shared.vplan', text: SHARED }]);
        const broken = PLAN.replace('  år 2026\n', '  år 2026\n  enhet {\n');
        const result = await r.render('file:///w/plan.vplan', broken, 1, { language: 'sv', fallback: 'sv', dashboard: true });
        expect(result.errors.length).toBeGreaterThan(0);
        expect(result.errors[0].line).toBe(3);
        r.updateFile({ uri: 'file:///w/shared.vplan', text: SHARED.replace('"Enhetschef"', '"Enhetschef äldreomsorg"') });
        const again = await r.render('file:///w/plan.vplan', PLAN, 2, { language: 'sv', fallback: 'sv', dashboard: true });
        expect(again.html).toContain('<dd>Enhetschef äldreomsorg</dd>');
    });
});
