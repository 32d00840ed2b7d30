import { beforeAll, describe, expect, test } from 'vitest';
import type { LangiumDocument } from 'langium';
import { expectFindReferences, expectGoToDefinition, expectHighlight, expectWorkspaceSymbols } from 'langium/test';
import { SymbolKind, type TextEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createServices, KOMMUN_SV, workspace, type Services } from './fixtures.js';

// A plan where a series and a role share the id `htj`: rename and references must keep them apart.
const PLAN = `plan omsorg "Omsorg" {
  år 2026
  uppföljning T1, T2
  enhet u "U" {
    indikator kontinuitet "Personalkontinuitet" {
      serie htj "Hemtjänst"
      serie sabo "SÄBO"
      grön htj 13 eller färre
      gul htj 14-15
      utfall 2025 htj: 16
      ansvarig htj, enhetschefSabo
      rapporterar handlaggare
    }
    budgetuppdrag "Skor" {
      uppföljning T2
      ansvarig htj
      rapporterar htj
    }
  }
}
`;

function apply(text: string, edits: TextEdit[] | undefined): string {
    return TextDocument.applyEdits(TextDocument.create('file:///x', 'vplan', 1, text), edits ?? []);
}

describe('navigation', () => {
    test('go to definition of a role in another file, and of a local series', async () => {
        const s = await createServices();
        await workspace(s, { 'kommun.vplan': KOMMUN_SV });
        // Across files: the range is in kommun.vplan, so check the target URI and range directly.
        const doc = (await workspace(s, { 'p.vplan': PLAN }))[0];
        const offset = PLAN.indexOf('ansvarig htj, enhetschefSabo') + 'ansvarig htj, '.length + 2;
        const links = await s.Vplan.lsp.DefinitionProvider!.getDefinition(doc, { textDocument: { uri: doc.uri.toString() }, position: doc.textDocument.positionAt(offset) });
        expect(links?.[0].targetUri).toBe('file:///ws/kommun.vplan');
        expect(links?.[0].targetSelectionRange.start.line).toBe(KOMMUN_SV.split('\n').findIndex(l => l.includes('roll enhetschefSabo')));
        // Within the file: `grön htj` goes to the series, not the role of the same name.
        await expectGoToDefinition(s.Vplan)({
            text: `plan p "P" { indikator i "I" { serie <|htj|> "H"\n grön <|>htj 13 eller färre } }`,
            index: 0, rangeIndex: 0, disposeAfterCheck: true
        });
    });

    test('find references and highlights keep a series and a role of the same name apart', async () => {
        const s = await createServices();
        await workspace(s, { 'kommun.vplan': KOMMUN_SV });
        await expectFindReferences(s.Vplan)({
            text: `plan p "P" { indikator i "I" { serie <|htj|> "H"\n grön <|h<|>tj|> 13 eller färre\n utfall 2025 <|htj|>: 14\n ansvarig htj } }`,
            includeDeclaration: true, disposeAfterCheck: true
        });
        await expectHighlight(s.Vplan)({
            text: `plan p "P" { indikator i "I" { serie <|htj|> "H"\n grön <|h<|>tj|> 13 eller färre\n ansvarig htj\n rapporterar htj } }`,
            index: 0, rangeIndex: [0, 1], disposeAfterCheck: true
        });
        await expectHighlight(s.Vplan)({
            text: `plan p "P" { indikator i "I" { serie htj "H"\n grön htj 13 eller färre\n ansvarig <|h<|>tj|>\n rapporterar <|htj|> } }`,
            index: 0, rangeIndex: [0, 1], disposeAfterCheck: true
        });
    });

    test('workspace symbols find goals, roles and indicators in every file', async () => {
        const s = await createServices();
        await workspace(s, { 'kommun.vplan': KOMMUN_SV, 'p.vplan': PLAN });
        await expectWorkspaceSymbols(s.shared)({
            query: 'kontinuitet',
            assert: symbols => {
                expect(symbols.map(x => x.name)).toContain('kontinuitet');
                expect(symbols.find(x => x.name === 'kontinuitet')?.kind).toBe(SymbolKind.Number);
            }
        });
        await expectWorkspaceSymbols(s.shared)({
            query: 'enhetschef',
            assert: symbols => expect(symbols.map(x => x.name)).toContain('enhetschefSabo')
        });
    });
});

describe('rename', () => {
    let s: Services;
    let kommun: LangiumDocument;
    let plan: LangiumDocument;
    beforeAll(async () => {
        s = await createServices();
        [kommun, plan] = await workspace(s, { 'kommun.vplan': KOMMUN_SV, 'p.vplan': PLAN });
    });

    async function rename(document: LangiumDocument, needle: string, shift: number, newName: string) {
        const offset = document.textDocument.getText().indexOf(needle) + shift;
        return s.Vplan.lsp.RenameProvider!.rename(document, {
            textDocument: { uri: document.uri.toString() }, position: document.textDocument.positionAt(offset), newName
        });
    }

    test('renaming a role in the shared file updates every reference in every file and nothing else', async () => {
        const edit = await rename(kommun, 'roll htj', 6, 'hemtjanstchef');
        const changes = edit!.changes!;
        const newKommun = apply(KOMMUN_SV, changes['file:///ws/kommun.vplan']);
        const newPlan = apply(PLAN, changes['file:///ws/p.vplan']);
        expect(newKommun).toContain('roll hemtjanstchef "Hemtjänstens chef"');
        // The three role references changed…
        expect(newPlan).toContain('ansvarig hemtjanstchef, enhetschefSabo');
        expect(newPlan.match(/ansvarig hemtjanstchef\n/g)).toHaveLength(1);
        expect(newPlan).toContain('rapporterar hemtjanstchef');
        // …and the series of the same name did not.
        expect(newPlan).toContain('serie htj "Hemtjänst"');
        expect(newPlan).toContain('grön htj 13 eller färre');
        expect(newPlan).toContain('utfall 2025 htj: 16');
        // Exactly the declaration plus three references.
        expect(changes['file:///ws/kommun.vplan']).toHaveLength(1);
        expect(changes['file:///ws/p.vplan']).toHaveLength(3);
        // The renamed workspace still links: no reference lost.
        const s2 = await createServices();
        const docs = await workspace(s2, { 'kommun.vplan': newKommun, 'p.vplan': newPlan });
        const unresolved = docs.flatMap(d => d.references).filter(r => r.error);
        expect(unresolved.map(r => r.$refText)).toEqual([]);
    });

    test('renaming a series touches the series only', async () => {
        const edit = await rename(plan, 'grön htj', 6, 'hemtjanst');
        const newPlan = apply(PLAN, edit!.changes!['file:///ws/p.vplan']);
        expect(newPlan).toContain('serie hemtjanst "Hemtjänst"');
        expect(newPlan).toContain('grön hemtjanst 13');
        expect(newPlan).toContain('gul hemtjanst 14-15');
        expect(newPlan).toContain('utfall 2025 hemtjanst: 16');
        expect(newPlan).toContain('ansvarig htj, enhetschefSabo');
        expect(edit!.changes!['file:///ws/kommun.vplan']).toBeUndefined();
    });

    test('refuses invalid ids with a clear message, in the display language', async () => {
        s.Vplan.i18n.Locale.preference = 'sv';
        await expect(rename(kommun, 'roll htj', 6, 'hemtjänst chef')).rejects.toThrow(/kan inte vara ett id/);
        await expect(rename(kommun, 'roll htj', 6, '2chef')).rejects.toThrow(/börjar med en bokstav/);
        await expect(rename(kommun, 'roll htj', 6, 'grön')).rejects.toThrow(/nyckelord/);
        await expect(rename(kommun, 'roll htj', 6, 'handlaggare')).rejects.toThrow(/redan/);
        s.Vplan.i18n.Locale.preference = 'en';
        await expect(rename(kommun, 'roll htj', 6, 'a-b')).rejects.toThrow(/cannot be an id/);
        // Swedish letters are fine in ids.
        const ok = await rename(kommun, 'roll htj', 6, 'hemtjänstchef');
        expect(ok?.changes?.['file:///ws/p.vplan']).toHaveLength(3);
    });

    test('prepareRename offers the id under the cursor', async () => {
        const range = await s.Vplan.lsp.RenameProvider!.prepareRename(plan, {
            textDocument: { uri: plan.uri.toString() }, position: plan.textDocument.positionAt(PLAN.indexOf('handlaggare') + 3)
        });
        expect(range && plan.textDocument.getText(range)).toBe('handlaggare');
    });

});
