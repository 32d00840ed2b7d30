import { beforeAll, describe, expect, test } from 'vitest';
import { expectFoldings, expectSymbols, highlightHelper, expectSemanticToken } from 'langium/test';
import { SemanticTokenTypes, SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import { createServices, KOMMUN_SV, workspace, type Services } from './fixtures.js';

const PLAN = `plan omsorg "Verksamhetsplan Omsorg" {
  år 2026
  avsnitt "1 Inledning" """
    Syftet är att
    planera.
    """ {
    enhet aldre "Äldreomsorgen" {
      mål "Kompetensförsörjning"
      indikator sjuk "Sjukfrånvaro" {
        grön <= 7
        utfall 2025: 7,06
        aktivitet "Följ upp"
      }
      kontrollområde "Läkemedel" {
        ansvarig enhetschefSabo
      }
    }
  }
  budgetuppdrag skor "Arbetsskor" { belopp 150 tkr }
  uppdrag "Demensteam" { ansvarig handlaggare }
}
`;

const KIND_NAMES = Object.fromEntries(Object.entries(SymbolKind).map(([name, value]) => [value, name]));

function outline(symbols: DocumentSymbol[], depth = 0): string[] {
    return symbols.flatMap(s => [`${'  '.repeat(depth)}${s.name} [${s.detail ?? ''}] ${KIND_NAMES[s.kind]}`, ...outline(s.children ?? [], depth + 1)]);
}

describe('outline and structure', () => {
    let s: Services;
    beforeAll(async () => {
        s = await createServices();
        await workspace(s, { 'kommun.vplan': KOMMUN_SV });
    });

    test('document symbols: plan → sections → units → goals, indicators, activities, assignments', async () => {
        await expectSymbols(s.Vplan)({
            text: PLAN, disposeAfterCheck: true,
            assert: symbols => expect(outline(symbols)).toEqual([
                'Verksamhetsplan Omsorg [omsorg] Module',
                '  1 Inledning [] Namespace',
                '    Äldreomsorgen [aldre] Package',
                '      Kompetensförsörjning [] Key',
                '      Sjukfrånvaro [sjuk] Number',
                '        Följ upp [] Event',
                '      Läkemedel [] Interface',
                '  Arbetsskor [skor] Struct',
                '  Demensteam [] Object'
            ])
        });
    });

    test('the shared catalogue lists goals and roles by title', async () => {
        await expectSymbols(s.Vplan)({
            text: KOMMUN_SV, disposeAfterCheck: true,
            assert: symbols => {
                expect(symbols.find(x => x.detail === 'valfard')).toMatchObject({ name: 'Välfärd och välbefinnande genom livet', kind: SymbolKind.Key });
                expect(symbols.find(x => x.detail === 'handlaggare')).toMatchObject({ name: 'Handläggare', kind: SymbolKind.Constant });
            }
        });
    });

    test('folding: blocks and the Markdown prose of a section', async () => {
        await expectFoldings(s.Vplan)({
            text: PLAN, disposeAfterCheck: true,
            assert: foldings => {
                const lines = PLAN.split('\n');
                const at = (needle: string) => lines.findIndex(l => l.includes(needle));
                const starts = foldings.map(f => `${f.startLine}-${f.endLine}`);
                // The plan, the section, the prose on its own, the unit, the indicator.
                expect(starts).toContain(`${at('plan omsorg')}-${lines.length - 3}`);
                expect(starts).toContain(`${at('"""')}-${at('planera.')}`);
                expect(starts).toContain(`${at('enhet aldre')}-${at('ansvarig enhetschefSabo') + 1}`);
                expect(starts).toContain(`${at('indikator sjuk')}-${at('aktivitet "Följ upp"')}`);
            }
        });
    });

    test('semantic tokens: ids, references, numbers, status words, prose', async () => {
        const tokens = await highlightHelper(s.Vplan)(
            `plan p "P" { indikator <|sjuk|> "S" {\n grön <= <|7|>\n <|gul|> <= 8\n utfall <|2025|>: <|7,06|>\n ansvarig <|handlaggare|>\n text <|"""hej"""|>\n } }`
        );
        expectSemanticToken(tokens, { rangeIndex: 0, tokenType: SemanticTokenTypes.variable });
        expectSemanticToken(tokens, { rangeIndex: 1, tokenType: SemanticTokenTypes.number });
        expectSemanticToken(tokens, { rangeIndex: 2, tokenType: 'statusYellow' as SemanticTokenTypes });
        expectSemanticToken(tokens, { rangeIndex: 3, tokenType: SemanticTokenTypes.number });
        expectSemanticToken(tokens, { rangeIndex: 4, tokenType: SemanticTokenTypes.number });
        expectSemanticToken(tokens, { rangeIndex: 5, tokenType: SemanticTokenTypes.type });
        expectSemanticToken(tokens, { rangeIndex: 6, tokenType: 'prose' as SemanticTokenTypes });
        // The legend declares the extra types.
        const legend = s.Vplan.lsp.SemanticTokenProvider!.semanticTokensOptions.legend.tokenTypes;
        expect(legend).toEqual(expect.arrayContaining(['statusGreen', 'statusYellow', 'statusRed', 'prose']));
    });
});
