import { describe, expect, test } from 'vitest';
import type { LangiumDocument } from 'langium';
import type { CodeAction, Diagnostic } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createServices, KOMMUN_EN, KOMMUN_SV, workspace } from './fixtures.js';

const codeOf = (d: Diagnostic) => (d.data as { code?: string } | undefined)?.code ?? d.code;

/**
 * Builds the plan with the shared catalogue, asks for the quick fixes of the first diagnostic with
 * `code`, applies the one whose title matches, and rebuilds: returns the new text and diagnostics.
 */
async function fix(plan: string, code: string, title: RegExp, options: { lang?: 'sv' | 'en'; kommun?: string } = {}) {
    const s = await createServices();
    s.Vplan.i18n.Locale.preference = options.lang ?? 'sv';
    const [, doc] = await workspace(s, { 'kommun.vplan': options.kommun ?? KOMMUN_SV, 'plan.vplan': plan });
    const diagnostic = (doc.diagnostics ?? []).find(d => codeOf(d) === code);
    expect(diagnostic, `no ${code} in ${JSON.stringify(doc.diagnostics?.map(codeOf))}`).toBeDefined();
    const actions = (await s.Vplan.lsp.CodeActionProvider!.getCodeActions(doc, {
        textDocument: { uri: doc.uri.toString() }, range: diagnostic!.range, context: { diagnostics: [diagnostic!] }
    })) as CodeAction[];
    const action = actions.find(a => title.test(a.title));
    expect(action, `no action ${title} among ${actions.map(a => a.title).join(' | ')}`).toBeDefined();
    const edits = action!.edit!.changes![doc.uri.toString()];
    const text = TextDocument.applyEdits(TextDocument.create('file:///x', 'vplan', 1, plan), edits);
    const s2 = await createServices();
    const [, after] = await workspace(s2, { 'kommun.vplan': options.kommun ?? KOMMUN_SV, 'plan.vplan': text });
    return { text, after, remaining: (after.diagnostics ?? []).filter(d => codeOf(d) === code), action: action! };
}

function expectClean(result: { after: LangiumDocument; remaining: Diagnostic[] }) {
    expect(result.after.parseResult.parserErrors).toEqual([]);
    expect(result.after.parseResult.lexerErrors).toEqual([]);
    expect(result.remaining).toEqual([]);
}

const plan = (indicator: string, extra = '') => `plan p "P" {\n  år 2026\n  enhet u "U" {\n    indikator i "I" {\n${indicator}\n      ansvarig handlaggare\n      rapporterar handlaggare\n      mäts årligen\n    }\n${extra}  }\n}\n`;

describe('quick fixes', () => {
    test('flip a direction: "eller högre" ⇄ "eller lägre"', async () => {
        // "higher is better" green with the yellow band above it: the words of green are the slip.
        const r = await fix(plan('      grön 1,3 eller högre\n      gul 1,4–1,7'), 'direction-conflict', /Ändra till/);
        expect(r.text).toContain('grön 1,3 eller lägre');
        expectClean(r);
    });

    test('close a gap by extending the yellow band to meet green', async () => {
        const r = await fix(plan('      decimaler 2\n      grön 7,0 eller lägre\n      gul 7,1–7,5'), 'band-gap', /Ändra till/);
        expect(r.text).not.toContain('gul 7,1–7,5');
        expectClean(r);
    });

    test('convert range bands to gapless cut points, keeping the colour words as written', async () => {
        const r = await fix(plan('      decimaler 1\n      grön 65 eller högre\n      gul 49–64'), 'band-gap', /brytpunkter/);
        expect(r.text).toContain('grön >= 65');
        expect(r.text).toContain('gul >= 49');
        expectClean(r);
        const en = await fix(plan('      precision 2\n      green 7,0 or lower\n      yellow 7,1–7,5').replace('år 2026', 'year 2026'), 'band-gap', /cut points/, { lang: 'en' });
        expect(en.text).toContain('green <= 7,0');
        expect(en.text).toContain('yellow <= 7,5');
        expectClean(en);
    });

    test('rank bands against a Kolada group without riktning: add riktning lägre or högre, in the file\'s keywords', async () => {
        const kommun = `${KOMMUN_SV}\njämförelsegrupp jmfKolada "Jämförbara kommuner" { kolada "G124026" }\n`;
        const rank = plan('      källa kolada kpi "N15006"\n      grön 25 % bästa\n      jämfört med jmfKolada');
        const lower = await fix(rank, 'rank-direction-missing', /Lägg till "riktning lägre" \(ett lägre värde är bättre\)/, { kommun });
        expect(lower.text).toContain('      riktning lägre\n');
        expectClean(lower);
        const higher = await fix(rank, 'rank-direction-missing', /riktning högre/, { kommun });
        expect(higher.text).toContain('      riktning högre\n');
        expectClean(higher);
    });

    test('use the suggested name for an unresolved reference', async () => {
        const r = await fix(plan('      grön >= 82').replace('ansvarig handlaggare', 'ansvarig handlagare'), 'unresolved-reference', /handlaggare/);
        expect(r.text).toContain('ansvarig handlaggare');
        expectClean(r);
    });

    test('add a missing ansvarig line to an activity without a block, in Swedish', async () => {
        const r = await fix(plan('      grön >= 82', '    mål "Kompetens" {\n      aktivitet "Utbilda personalen"\n    }\n'), 'missing-responsible', /Lägg till "ansvarig handlaggare"/);
        expect(r.text).toContain('aktivitet "Utbilda personalen" {\n        ansvarig handlaggare\n      }');
        expectClean(r);
    });

    test('add a missing reports line to an assignment, in English', async () => {
        const text = `plan p "P" {\n  year 2026\n  unit u "U" {\n    budget "Shoes" {\n      amount 150 tkr\n      responsible officer\n    }\n  }\n}\n`;
        const r = await fix(text, 'missing-reporter', /Add "reports officer"/, { lang: 'en', kommun: KOMMUN_EN });
        expect(r.text).toContain('      responsible officer\n      reports officer\n    }');
        expectClean(r);
    });

    test('align a restated indicator\'s bands with the council\'s', async () => {
        const r = await fix(plan('      grön >= 82\n      gul >= 74', `    indikator egen "Egen" {\n      återger i\n      grön >= 82\n      gul >= 70\n      ansvarig handlaggare\n      rapporterar handlaggare\n      mäts årligen\n    }\n`),
            'restated-thresholds-differ', /gul >= 74/);
        expect(r.text.match(/gul >= 74/g)).toHaveLength(2);
        expectClean(r);
    });

    test('use the declared goal title', async () => {
        const r = await fix(plan('      bidrar till valfard "Välfärd genom livet"\n      grön >= 82'), 'goal-title-mismatch', /Använd målets titel/);
        expect(r.text).toContain('bidrar till valfard "Välfärd och välbefinnande genom livet"');
        expectClean(r);
    });

    test('offers nothing for a diagnostic without a clear fix, and never throws', async () => {
        const s = await createServices();
        const [doc] = await workspace(s, { 'x.vplan': 'plan p "P" { år 2026 }' });
        const actions = await s.Vplan.lsp.CodeActionProvider!.getCodeActions(doc, {
            textDocument: { uri: doc.uri.toString() },
            range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
            context: { diagnostics: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: 'x', code: 'band-gap', data: { code: 'band-gap' } }] }
        });
        expect(actions).toEqual([]);
    });
});

describe('Fetch outcomes from Kolada', () => {
    test('offered on an indicator with a KPI id (as the editor command, in the display language); not elsewhere', async () => {
        const s = await createServices();
        s.Vplan.i18n.Locale.lang = 'sv';
        const text = plan('      källa kolada kpi "U23471"\n      grön 82 eller högre', '    indikator egen "Egen" {\n      grön 5\n    }\n');
        const [, doc] = await workspace(s, { 'kommun.vplan': KOMMUN_SV, 'plan.vplan': text });
        const at = async (needle: string) => {
            const position = doc.textDocument.positionAt(text.indexOf(needle));
            return (await s.Vplan.lsp.CodeActionProvider!.getCodeActions(doc, {
                textDocument: { uri: doc.uri.toString() }, range: { start: position, end: position }, context: { diagnostics: [] }
            })) ?? [];
        };
        expect(await at('grön 82')).toEqual([{ title: 'Hämta utfall från Kolada', command: 'vplan.fetchKoladaOutcomes', arguments: [doc.uri.toString()] }]);
        expect(await at('grön 5')).toEqual([]);
        expect(await at('år 2026')).toEqual([]);
        s.Vplan.i18n.Locale.lang = 'en';
        expect((await at('U23471')).map(a => a.title)).toEqual(['Fetch outcomes from Kolada']);
    });
});
