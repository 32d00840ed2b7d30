import { describe, expect, test } from 'vitest';
import * as path from 'node:path';
import { NodeFileSystem } from 'langium/node';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { LangiumDocument } from 'langium';
import { createVplanCoreServices } from '../../src/index.js';
import { loadWorkspace } from '../../src/node/index.js';

const root = path.resolve(__dirname, '../../../..');

async function load(folder: string, lang: 'sv' | 'en' = 'sv') {
    const services = createVplanCoreServices(NodeFileSystem);
    services.Vplan.i18n.Locale.preference = lang;
    const { documents, problems } = await loadWorkspace(services, [folder]);
    expect(problems).toEqual([]);
    const byFile = (name: string) => documents.find(d => d.uri.path.endsWith(`/${name}`))!;
    return { documents, byFile };
}

/** The 1-based line of the first line containing `needle` after the line containing `after`. */
function lineOf(doc: LangiumDocument, needle: string, after?: string): number {
    const lines = doc.textDocument.getText().split('\n');
    const start = after ? lines.findIndex(l => l.includes(after)) : 0;
    expect(start, `anchor ${after}`).toBeGreaterThanOrEqual(0);
    const i = lines.findIndex((l, n) => n >= start && l.includes(needle));
    expect(i, `line with ${needle}`).toBeGreaterThanOrEqual(0);
    return i + 1;
}

function find(doc: LangiumDocument, code: string, line: number): Diagnostic | undefined {
    return (doc.diagnostics ?? []).find(d => d.code === code && d.range.start.line + 1 === line);
}

describe('the real Norsjö plans', () => {
    test('the validator finds their real defects at the right lines', async () => {
        const { byFile } = await load(path.join(root, 'examples/norsjo'));
        const omsorg = byFile('omsorg-2026.vplan');
        const akt = byFile('aktiviteter-2025.vplan');
        const text = (d: Diagnostic | undefined, doc: LangiumDocument) => d ? doc.textDocument.getText(d.range) : undefined;

        // Nattfasta: green 11 or lower, yellow 11–12 share 11.
        const overlap = find(omsorg, 'band-overlap', lineOf(omsorg, 'gul 11–12', 'indikator nattfasta'));
        expect(text(overlap, omsorg)).toBe('gul 11–12');
        expect(overlap!.message).toContain('delar 11');

        // Sjukfrånvaro: 7,06 (2025) in the gap between ≤ 7,0 and 7,1–7,5.
        const gap = find(omsorg, 'band-gap', lineOf(omsorg, 'gul 7,1–7,5', 'indikator sjukfranvaroOmsorg'));
        expect(gap?.message).toContain('7,01–7,09');
        const inGap = find(omsorg, 'outcome-in-gap', lineOf(omsorg, 'utfall 2025: 7,06', 'indikator sjukfranvaroOmsorg'));
        expect(inGap?.severity).toBe(DiagnosticSeverity.Error);
        expect(text(inGap, omsorg)).toBe('7,06');

        // HVB: green "1,4 eller högre" with the yellow band 1,5–3,5 above it.
        const conflict = find(omsorg, 'direction-conflict', lineOf(omsorg, 'grön 1,4 eller högre', 'indikator placeradeHvb'));
        expect(text(conflict, omsorg)).toBe('grön 1,4 eller högre');

        // The council's two indicators restated in 5.2 with other yellow bands.
        const sabo = find(omsorg, 'restated-thresholds-differ', lineOf(omsorg, 'gul 74–81', 'återger kfHelhetssynSarskiltBoende'));
        expect(sabo?.message).toContain('kfHelhetssynSarskiltBoende');
        const htj = find(omsorg, 'restated-thresholds-differ', lineOf(omsorg, 'gul 84–94', 'återger kfHelhetssynHemtjanst'));
        expect(htj?.message).toContain('kfHelhetssynHemtjanst');

        // The 2025 plan's "andel heltidsanställda" has no frequency.
        const freq = find(akt, 'missing-frequency', lineOf(akt, 'indikator heltidsanstallda2025'));
        expect(text(freq, akt)).toBe('heltidsanstallda2025');
        expect(akt.diagnostics!.filter(d => d.code === 'missing-frequency')).toHaveLength(1);

        // The goal spelled two ways.
        expect(find(akt, 'goal-title-mismatch', lineOf(akt, 'bidrar till valfard', 'indikator helhetssynSarskiltBoende2025'))).toBeDefined();

        // Nothing unresolved, nothing declared twice, no parse error.
        for (const doc of [omsorg, akt, byFile('kommun.vplan')]) {
            const codes = (doc.diagnostics ?? []).map(d => String(d.code ?? (d.data as { code?: string })?.code));
            expect(codes).not.toContain('unresolved-reference');
            expect(codes).not.toContain('duplicate-id');
            expect(codes).not.toContain('parsing-error');
            expect(codes).not.toContain('lexing-error');
        }
    });

    test('the corrected copies give no error and no warning', async () => {
        const { documents } = await load(path.join(root, 'packages/language/test/fixtures/norsjo-corrected'));
        expect(documents).toHaveLength(3);
        const serious = documents.flatMap(d => (d.diagnostics ?? [])
            .filter(x => x.severity === DiagnosticSeverity.Error || x.severity === DiagnosticSeverity.Warning)
            .map(x => `${path.basename(d.uri.path)}:${x.range.start.line + 1} ${x.code} ${x.message}`));
        expect(serious).toEqual([]);
        // The monthly indicators without outcomes remain, as hints.
        const hints = documents.flatMap(d => (d.diagnostics ?? []).filter(x => x.severity === DiagnosticSeverity.Hint));
        expect(hints.map(h => h.code)).toEqual(['stale-monthly-indicator', 'stale-monthly-indicator']);
    });
});
