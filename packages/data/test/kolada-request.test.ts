// The language server's answer to "Fetch outcomes from Kolada" (vplan/koladaPull), against the
// Kolada stand-in on 127.0.0.1: edits as LSP ranges for the version read, a clear line offline.
import { afterEach, describe, expect, test } from 'vitest';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { EmptyFileSystem, type LangiumDocument } from 'langium';
import { parseHelper } from 'langium/test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createVplanCoreServices, type Document } from '@vplan/language';
import { koladaPullFor } from '../src/server/index.js';
import { fixture, startStandIn, type StandIn } from './kolada-stand-in.js';

const services = createVplanCoreServices(EmptyFileSystem).Vplan;
const parse = parseHelper<Document>(services);

const PLAN = `organisation norsjo "Norsjö kommun" { kolada 2417 }
källa kolada "Kolada"
plan omsorg "Omsorg" {
  organisation norsjo
  år 2026
  indikator sabo "Helhetssyn särskilt boende" {
    källa kolada kpi "U23471"
    grön 82 eller högre
    utfall 2024: 66 // gammalt
  }
}
`;

let standIn: StandIn | undefined;
afterEach(async () => {
    await standIn?.close();
    standIn = undefined;
});

describe('vplan/koladaPull', () => {
    test('the changes and the edits for the version read; applied, they make the plan agree with Kolada', async () => {
        standIn = await startStandIn(fixture('norsjo'));
        // The request refreshes the KPI cache on the way: a temporary one, never the user's.
        process.env.VPLAN_CACHE_DIR = mkdtempSync(path.join(tmpdir(), 'vplan-kpi-'));
        const doc: LangiumDocument<Document> = await parse(PLAN);
        const result = await koladaPullFor(doc, standIn.url, 'sv');
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        expect(result.version).toBe(doc.textDocument.version);
        expect(result.asked).toBe(1);
        expect(result.changes.map(c => `${c.line}: ${c.kind} ${c.period}: ${c.before ? c.before + ' → ' : ''}${c.after}`)).toEqual([
            '8: change 2024: utfall 2024: 66 → utfall 2024: 67',
            '9: add 2025: utfall 2025: 63'
        ]);
        const after = TextDocument.applyEdits(TextDocument.create('file:///x.vplan', 'vplan', 1, PLAN), result.edits);
        expect(existsSync(path.join(process.env.VPLAN_CACHE_DIR, 'kolada-kpi.json'))).toBe(true);
        expect(after).toBe(PLAN.replace('    utfall 2024: 66 // gammalt\n', '    utfall 2024: 67 // gammalt\n    utfall 2025: 63\n'));
    });

    test('Kolada unreachable: one line naming the URL and the reason, in the plan\'s language', async () => {
        const closed = await startStandIn(fixture('norsjo'));
        const url = closed.url;
        await closed.close();
        const doc: LangiumDocument<Document> = await parse(PLAN);
        const result = await koladaPullFor(doc, url, 'sv');
        expect(result).toEqual({ ok: false, reason: 'unreachable', message: `${url}/data/kpi/U23471/municipality/2417/year/2024,2025,2026: anslutningen nekades (ECONNREFUSED)` });
    });

    test('rank bands: the rank among the Kolada group as an edit; an unknown group is a note', async () => {
        const row = (municipality: string, value: number | null) =>
            ({ kpi: 'N15006', municipality, period: 2025, values: [{ gender: 'T' as const, count: 1, status: '', value }] });
        standIn = await startStandIn({
            kpis: [],
            // Higher is better here: 2417's 70 is behind 80, level with 70 (a tie), ahead of 60; 2503 has no figure.
            data: [row('2501', 80), row('2502', 70), row('2503', null), row('2504', 60), row('2417', 70)],
            municipality_groups: [{ id: 'G42', title: 'Liknande kommuner', members: ['2501', '2502', '2503', '2504'].map(id => ({ id })) }]
        });
        process.env.VPLAN_CACHE_DIR = mkdtempSync(path.join(tmpdir(), 'vplan-kpi-'));
        const text = `organisation norsjoRank "Norsjö kommun" { kolada 2417 }
group similarRank "Similar municipalities" { kolada "G42" }
group unknownRank "Unknown group" { kolada "G43" }
plan ifo "IFO" {
  organisation norsjoRank
  year 2026
  indicator satisfaction "Satisfaction" {
    source kolada kpi "N15006"
    direction higher
    green 25 % best
    yellow 26–50 % best
    compared with similarRank
  }
  indicator other "Other" { source kolada kpi "N15006" direction higher green 25 % best compared with unknownRank }
}
`;
        const doc: LangiumDocument<Document> = await parse(text);
        const result = await koladaPullFor(doc, standIn.url, 'en');
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        // 2nd (shared with 2502) of the 4 with a figure: 50 %.
        expect(result.changes.map(c => `${c.line}: ${c.kind} ${c.period}: ${c.after}`)).toEqual(['12: add 2025: outcome 2025: 50 % best']);
        expect(result.notes).toEqual(['Kolada has no municipality group G43 (comparison group Unknown group).']);
        const after = TextDocument.applyEdits(TextDocument.create('file:///x.vplan', 'vplan', 1, text), result.edits);
        expect(after).toBe(text.replace('    compared with similarRank\n', '    compared with similarRank\n    outcome 2025: 50 % best\n'));
    });

    test('a plan with syntax errors is not touched', async () => {
        const doc: LangiumDocument<Document> = await parse(PLAN.replace('grön 82 eller högre', 'grön 82 eller'));
        expect(await koladaPullFor(doc, 'http://127.0.0.1:9/v3', 'en')).toEqual({ ok: false, reason: 'syntax', message: 'The plan has syntax errors; correct them first.' });
    });
});
