import { describe, expect, test } from 'vitest';
import * as path from 'node:path';
import { readFileSync } from 'node:fs';
import { validate } from './helpers.js';

const root = path.resolve(__dirname, '../../../..');
const plans = ['omsorg-2026.vplan', 'aktiviteter-2025.vplan'].map(f => readFileSync(path.join(root, 'examples/norsjo', f), 'utf8'));
const catalogue = readFileSync(path.join(root, 'examples/norsjo/kommun.vplan'), 'utf8');

/** Langium turns an exception in a check into a diagnostic with this text: none may appear. */
function crashes(diagnostics: { message: unknown }[]): string[] {
    return diagnostics.map(d => String(d.message)).filter(m => m.startsWith('An error occurred during validation'));
}

describe('checks on half-written plans', () => {
    test('every checked prefix of the Norsjö plans validates without a check failing', async () => {
        for (const text of plans) {
            const step = 97;
            for (let end = 0; end <= text.length; end += step) {
                const v = await validate([text.slice(0, end), catalogue], end % 2 ? 'sv' : 'en');
                expect(crashes(v.diagnostics), `prefix of ${end} characters`).toEqual([]);
                // Every vplan diagnostic keeps its code even in a broken file.
                for (const d of v.diagnostics) expect(d.code ?? (d.data as { code?: string })?.code, String(d.message)).toBeTruthy();
            }
        }
    }, 300_000);

    test('lines removed here and there validate without a check failing', async () => {
        const lines = plans[0].split('\n');
        for (let seed = 1; seed <= 60; seed++) {
            const kept = lines.filter((_, i) => (i * 7919 + seed * 104729) % 13 !== 0);
            const v = await validate([kept.join('\n'), catalogue]);
            expect(crashes(v.diagnostics), `seed ${seed}`).toEqual([]);
        }
    }, 300_000);
});
