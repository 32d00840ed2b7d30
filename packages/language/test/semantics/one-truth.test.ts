import { AstUtils, type LangiumDocument } from 'langium';
import { setTextDocument } from 'langium/test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import {
    assessIndicator, comparedWithText, isIndicator, overarchingGoals, STATUS_MARK, STATUS_WORD, STATUSES, statusCount,
    statusRank, type Indicator
} from '../../src/index.js';
import { createServices, reset, workspace, type Services } from '../lsp/fixtures.js';

function indicatorNamed(documents: LangiumDocument[], name: string): Indicator {
    for (const d of documents) {
        const found = AstUtils.streamAllContents(d.parseResult.value).find(n => isIndicator(n) && n.name === name);
        if (found) return found as Indicator;
    }
    throw new Error(`no indicator ${name}`);
}

describe('the vocabulary', () => {
    test('every status has one word per language, one mark, and a place in the worst-first order', () => {
        expect(STATUSES).toEqual(['red', 'yellow', 'undefined', 'green', 'pending', 'no-data']);
        for (const s of STATUSES) {
            expect(STATUS_WORD[s].sv).toBeTruthy();
            expect(STATUS_WORD[s].en).toBeTruthy();
            expect(STATUS_MARK[s]).toBeTruthy();
        }
        expect(new Set(Object.values(STATUS_MARK)).size).toBe(STATUSES.length);
        expect(statusRank('red')).toBeLessThan(statusRank('yellow'));
        expect(statusRank('undefined')).toBeLessThan(statusRank('green'));
        expect(STATUS_WORD['no-data'].sv).toBe('ingen uppgift');
        expect(statusCount('green', 3, 'sv')).toBe('3 gröna');
        expect(statusCount('red', 1, 'sv')).toBe('1 röd');
    });
});

describe('one truth', () => {
    let services: Services;
    beforeAll(async () => { services = await createServices(); });
    afterEach(async () => { await reset(services); });

    test('an outcome outside the scale is never coloured: cannot be assessed, with the reason', async () => {
        const docs = await workspace(services, {
            'plan.vplan': `plan p "P" { år 2025\n  enhet u "U" {\n    indikator i "I" {\n      maxvärde 100\n      grön 80 eller högre\n      gul 60–79\n      utfall 2024: 70\n      utfall 2025: 105\n    }\n  }\n}\n`
        });
        const a = assessIndicator(indicatorNamed(docs, 'i'));
        expect(a.status).toBe('undefined');
        expect(a.latest?.undefinedBecause).toBe('out-of-scale');
        expect(a.reason.sv).toBe('Utfall 105 ligger utanför skalan (max 100) och kan inte bedömas (2025)');
        expect(a.reason.en).toContain('outside the scale');
        // The validator calls it an error, on the same outcome.
        const codes = (docs[0].diagnostics ?? []).map(d => [d.code, d.severity]);
        expect(codes).toContainEqual(['outcome-out-of-scale', 1]);
    });

    test('two-step restatement: editing the bands at the end of the chain changes the status at its start', async () => {
        const c = (bands: string) => `plan kc "KC" { år 2025\n  enhet k "K" {\n    indikator c "C" {\n      ${bands}\n      utfall 2025: 70\n    }\n  }\n}\n`;
        const docs = await workspace(services, {
            'c.vplan': c('grön 60 eller högre\n      gul 50–59'),
            'b.vplan': `plan kb "KB" { år 2025\n  enhet k "K" {\n    indikator b "B" {\n      återger c\n    }\n  }\n}\n`,
            'a.vplan': `plan ka "KA" { år 2025\n  enhet k "K" {\n    indikator a "A" {\n      återger b\n      utfall 2025: 70\n    }\n  }\n}\n`
        });
        const a = indicatorNamed(docs, 'a');
        expect(assessIndicator(a).status).toBe('green');
        // Edit C's bands in its file, as the editor does: the document is re-parsed, the others relinked.
        const uri = docs[0].uri;
        const [oldC, oldA] = [docs[0].parseResult.value, docs[2].parseResult.value];
        const textDocuments = services.shared.workspace.LangiumDocuments;
        setTextDocument(services.shared, TextDocument.create(uri.toString(), 'vplan', 2, c('grön 80 eller högre\n      gul 60–79\n      röd under 60')));
        await services.shared.workspace.DocumentBuilder.update([uri], []);
        expect(textDocuments.getDocument(uri)?.parseResult.value).not.toBe(oldC);
        // The same node A (its file was not touched) now reads C's new bands two steps away.
        expect(textDocuments.getDocument(docs[2].uri)?.parseResult.value).toBe(oldA);
        const after = assessIndicator(a);
        expect(after.status).toBe('yellow');
        expect(after.reason.sv).toContain('gul 60–79');
    });

    test('goal attribution: restatements and goal chains, one rule', async () => {
        const docs = await workspace(services, {
            'kommun.vplan': `mål m1 "Välfärd"\nmål m2 "Effektivitet"\n`,
            'kf.vplan': `plan kf "KF" { år 2025\n  enhet kf "KF" {\n    indikator kfNojd "Nöjdhet" {\n      bidrar till m1\n      grön 80 eller högre\n    }\n  }\n}\n`,
            'enhet.vplan': `mål enhetsmal "Enhetens mål" { bidrar till m2 }\nplan e "E" { år 2025\n  enhet e "E" {\n    indikator nojd "Nöjdhet" {\n      återger kfNojd\n      utfall 2025: 85\n    }\n    indikator egen "Egen" {\n      bidrar till enhetsmal\n      grön 1 eller högre\n      utfall 2025: 2\n    }\n  }\n}\n`
        });
        expect(overarchingGoals(indicatorNamed(docs, 'nojd')).map(g => g.name)).toEqual(['m1']);
        // A unit goal that contributes to a council goal counts for the council goal, not as its own.
        expect(overarchingGoals(indicatorNamed(docs, 'egen')).map(g => g.name)).toEqual(['m2']);
    });

    test('"compared with" says what the assessment compares with', async () => {
        const docs = await workspace(services, {
            'plan.vplan': `plan p "P" { år 2025\n  enhet u "U" {\n    indikator i "I" {\n      jämfört med nuläge\n      grön öka med 5 %\n      nuläge 2023: 100\n      utfall 2025: 110\n    }\n    indikator j "J" {\n      jämfört med föregående\n      grön öka med 5 %\n      utfall 2024: 100\n      utfall 2025: 110\n    }\n  }\n}\n`
        });
        expect(comparedWithText(indicatorNamed(docs, 'i'))).toEqual({ sv: 'nuläget (2023)', en: 'the baseline (2023)' });
        expect(comparedWithText(indicatorNamed(docs, 'j'))?.sv).toBe('föregående utfall');
    });

    test('a year annotation is kept: shown with the value, and the period the figure is for', async () => {
        const docs = await workspace(services, {
            'plan.vplan': `plan p "P" { år 2025\n  enhet u "U" {\n    indikator i "I" {\n      grön 70 eller högre\n      röd under 70\n      riktning högre\n      utfall 2024: 19 (2023)\n      utfall 2025: 6 (2024)\n    }\n  }\n}\n`
        });
        const a = assessIndicator(indicatorNamed(docs, 'i'));
        expect(a.latest?.shown).toBe('6 (2024)');
        expect(a.latest?.dataPeriod).toBe('2024');
        expect(a.series[0].outcomes.map(o => o.dataPeriod)).toEqual(['2023', '2024']);
        expect(a.reason.sv).toContain('(2025, avser 2024)');
    });
});
