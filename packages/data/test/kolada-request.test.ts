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

    test('a plan with syntax errors is not touched', async () => {
        const doc: LangiumDocument<Document> = await parse(PLAN.replace('grön 82 eller högre', 'grön 82 eller'));
        expect(await koladaPullFor(doc, 'http://127.0.0.1:9/v3', 'en')).toEqual({ ok: false, reason: 'syntax', message: 'The plan has syntax errors; correct them first.' });
    });
});
