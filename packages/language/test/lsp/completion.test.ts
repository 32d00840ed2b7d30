import { beforeAll, describe, expect, test } from 'vitest';
import { expectCompletion } from 'langium/test';
import { InsertTextFormat, type CompletionItem, type CompletionList } from 'vscode-languageserver';
import { createServices, KOMMUN_EN, KOMMUN_SV, workspace, type Services } from './fixtures.js';

const labels = (list: CompletionList) => list.items.map(i => i.label);
const keywordLabels = (list: CompletionList) => list.items.filter(i => i.detail === 'Keyword').map(i => i.label);

describe('completion', () => {
    let sv: Services;
    beforeAll(async () => {
        sv = await createServices();
        await workspace(sv, { 'kommun.vplan': KOMMUN_SV, 'kommun-en.vplan': KOMMUN_EN });
    });

    test('offers Swedish keywords in a Swedish file, valid at the cursor only', async () => {
        await expectCompletion(sv.Vplan)({
            text: `plan p "P" {\n  år 2026\n  enhet u "U" {\n    indikator i "I" {\n      <|>\n    }\n  }\n}`,
            index: 0,
            assert: list => {
                const kws = keywordLabels(list);
                expect(kws).toContain('källa');
                expect(kws).toContain('grön');
                expect(kws).toContain('utfall');
                expect(kws).toContain('ansvarig');
                expect(kws).not.toContain('source');
                expect(kws).not.toContain('green');
                expect(kws).not.toContain('outcome');
                // Not valid inside an indicator.
                expect(kws).not.toContain('enhet');
                expect(kws).not.toContain('år');
            }
        });
    });

    test('offers English keywords in an English file', async () => {
        await expectCompletion(sv.Vplan)({
            text: `plan p "P" {\n  year 2026\n  unit u "U" {\n    indicator i "I" {\n      source kolada\n      <|>\n    }\n  }\n}`,
            index: 0,
            assert: list => {
                const kws = keywordLabels(list);
                expect(kws).toContain('green');
                expect(kws).toContain('responsible');
                expect(kws).not.toContain('grön');
                expect(kws).not.toContain('ansvarig');
            }
        });
    });

    test('falls back to the display language in a file without keywords, and obeys the setting', async () => {
        sv.Vplan.i18n.Locale.preference = 'en';
        await expectCompletion(sv.Vplan)({
            text: `<|>`, index: 0,
            assert: list => {
                expect(keywordLabels(list)).toContain('goal');
                expect(keywordLabels(list)).not.toContain('mål');
            }
        });
        sv.Vplan.i18n.Locale.preference = 'sv';
        await expectCompletion(sv.Vplan)({
            text: `<|>`, index: 0,
            assert: list => {
                expect(keywordLabels(list)).toContain('mål');
                expect(keywordLabels(list)).not.toContain('goal');
            }
        });
        const forced = await createServices({ completion: { keywordLanguage: 'en' } });
        await expectCompletion(forced.Vplan)({
            text: `mål a "A"\nroll b "B"\n<|>`, index: 0,
            assert: list => {
                expect(keywordLabels(list)).toContain('goal');
                expect(keywordLabels(list)).not.toContain('mål');
            }
        });
    });

    test('offers roles from other files with their titles', async () => {
        await expectCompletion(sv.Vplan)({
            text: `plan p "P" {\n  enhet u "U" {\n    indikator i "I" {\n      ansvarig <|>\n    }\n  }\n}`,
            index: 0,
            assert: list => {
                const item = list.items.find(i => i.label === 'enhetschefSabo');
                expect(item?.detail).toBe('Enhetschef särskilt boende');
                expect(labels(list)).toContain('handlaggare');
                expect(labels(list)).toContain('officer');
                // Only roles: no goals or sources.
                expect(labels(list)).not.toContain('valfard');
                expect(labels(list)).not.toContain('kolada');
            }
        });
    });

    test('offers goals, sources, comparison groups and local series', async () => {
        const text = `plan p "P" {\n  enhet u "U" {\n    indikator i "I" {\n      serie htj "Hemtjänst"\n      serie sabo "SÄBO"\n      bidrar till <|>\n      källa <|>\n      jämfört med <|>\n      grön <|>\n    }\n  }\n  indikator j "J" { serie annan "Annan" }\n}`;
        await expectCompletion(sv.Vplan)({ text, index: 0, assert: list => {
            expect(list.items.find(i => i.label === 'valfard')?.detail).toBe('Välfärd och välbefinnande genom livet');
            expect(labels(list)).not.toContain('handlaggare');
        } });
        await expectCompletion(sv.Vplan)({ text, index: 1, assert: list => {
            expect(list.items.find(i => i.label === 'kolada')?.detail).toBe('Kolada');
        } });
        await expectCompletion(sv.Vplan)({ text, index: 2, assert: list => {
            expect(list.items.find(i => i.label === 'jamforbara')?.detail).toBe('Jämförbara kommuner');
        } });
        await expectCompletion(sv.Vplan)({ text, index: 3, assert: list => {
            expect(list.items.find(i => i.label === 'htj')?.detail).toBe('Hemtjänst');
            expect(labels(list)).toContain('sabo');
            // Series of another indicator are not visible here.
            expect(labels(list)).not.toContain('annan');
        } });
    });

    test('offers a whole indicator as a snippet in the file\'s keyword language', async () => {
        const check = (lang: 'sv' | 'en') => (list: CompletionList) => {
            const snippet = list.items.find((i: CompletionItem) => i.insertTextFormat === InsertTextFormat.Snippet
                && i.label === (lang === 'sv' ? 'indikator' : 'indicator'));
            expect(snippet).toBeDefined();
            const body = snippet!.textEdit!.newText;
            if (lang === 'sv') {
                expect(body).toMatch(/^indikator \$\{1:id\} "\$\{2:Titel\}" \{/);
                expect(body).toContain('grön ${6:80} eller högre');
                expect(body).toContain('gul ${7:70–79}');
                // The plan's year, not a fixed one.
                expect(body).toContain('utfall ${8:2025}');
                expect(body).toMatch(/ansvarig \$\{11\|[^|]*enhetschefSabo/);
                expect(body).not.toContain('green');
            } else {
                expect(body).toMatch(/^indicator \$\{1:id\} "\$\{2:Title\}" \{/);
                expect(body).toContain('green ${6:80} or higher');
                expect(body).not.toContain('grön');
            }
        };
        await expectCompletion(sv.Vplan)({ text: `plan p "P" {\n  år 2026\n  enhet u "U" {\n    <|>\n  }\n}`, index: 0, assert: check('sv') });
        await expectCompletion(sv.Vplan)({ text: `plan p "P" {\n  year 2026\n  unit u "U" {\n    <|>\n  }\n}`, index: 0, assert: check('en') });
    });

    test('offers snippets for activities, assignments and units where they are valid', async () => {
        await expectCompletion(sv.Vplan)({
            text: `plan p "P" {\n  år 2026\n  <|>\n}`, index: 0,
            assert: list => {
                const snippets = list.items.filter(i => i.insertTextFormat === InsertTextFormat.Snippet).map(i => i.label);
                expect(snippets).toEqual(expect.arrayContaining(['enhet', 'budgetuppdrag', 'kontrollområde', 'uppdrag', 'indikator']));
                // An activity is not a member of a plan.
                expect(snippets).not.toContain('aktivitet');
                const budget = list.items.find(i => i.label === 'budgetuppdrag' && i.insertTextFormat === InsertTextFormat.Snippet)!;
                expect(budget.textEdit!.newText).toContain('belopp ${6:150} tkr');
                expect(budget.textEdit!.newText).toContain('rapporterar ${5|');
            }
        });
        await expectCompletion(sv.Vplan)({
            text: `plan p "P" {\n  år 2026\n  enhet u "U" {\n    indikator i "I" {\n      <|>\n    }\n  }\n}`, index: 0,
            assert: list => {
                const activity = list.items.find(i => i.label === 'aktivitet' && i.insertTextFormat === InsertTextFormat.Snippet);
                expect(activity?.textEdit?.newText).toMatch(/senast \$\{4:2026-10-31\}/);
            }
        });
    });

    test('offers the plan\'s years and follow-up periods after `utfall`', async () => {
        await expectCompletion(sv.Vplan)({
            text: `plan p "P" {\n  år 2026\n  uppföljning T1, T2, helår\n  enhet u "U" {\n    indikator i "I" {\n      utfall 2024: 67\n      utfall <|>\n    }\n  }\n}`,
            index: 0,
            assert: list => {
                const l = labels(list);
                expect(l).toEqual(expect.arrayContaining(['2026', '2025', '2024', '2026-T1', '2026-T2']));
                // 'helår' is not a period a year can be suffixed with.
                expect(l.some(x => x.includes('helår'))).toBe(false);
            }
        });
    });
});

describe('completion right after a number or a word', () => {
    let sv: Services;
    beforeAll(async () => {
        sv = await createServices();
        await workspace(sv, { 'kommun.vplan': KOMMUN_SV });
    });
    const inIndicator = (line: string) => `plan p "P" {\n  år 2026\n  uppföljning T1, T2\n  enhet u "U" {\n    indikator i "I" {\n      ${line}\n    }\n  }\n}`;
    const insertsAtCursor = (list: CompletionList) => list.items.filter(i => i.textEdit && 'range' in i.textEdit
        && i.textEdit.range.start.character === i.textEdit.range.end.character).map(i => i.label);

    test('nothing is offered that Enter would glue to the number being typed (6,5tkr, 6,5aktivitet)', async () => {
        for (const line of ['utfall 2025: 6,5<|>', 'grön >= 8<|>', 'gul 74–8<|>']) {
            await expectCompletion(sv.Vplan)({ text: inIndicator(line), index: 0, assert: list => expect(insertsAtCursor(list), line).toEqual([]) });
        }
    });
    test('after a space the same place offers units, `bästa` and the next members; a year being typed is still completed', async () => {
        await expectCompletion(sv.Vplan)({
            text: inIndicator('utfall 2025: 6,5 <|>'), index: 0,
            assert: list => expect(labels(list)).toEqual(expect.arrayContaining(['tkr', 'bästa', 'ansvarig']))
        });
        await expectCompletion(sv.Vplan)({
            text: inIndicator('utfall 20<|>'), index: 0,
            assert: list => expect(labels(list)).toEqual(expect.arrayContaining(['2026', '2026-T1']))
        });
        await expectCompletion(sv.Vplan)({
            text: inIndicator('ansv<|>'), index: 0,
            assert: list => expect(labels(list)).toContain('ansvarig')
        });
    });
});

describe('completion parses only around the cursor', () => {
    test('offers exactly what a parse of the whole text before the cursor offers, at every token of the examples', async () => {
        const { readdirSync, readFileSync } = await import('node:fs');
        const { join } = await import('node:path');
        const dir = join(__dirname, '../../../../examples');
        const s = await createServices();
        const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter(f => f.endsWith('.vplan')).sort();
        const docs = await workspace(s, Object.fromEntries(files.map(f => [f.replace(/\//g, '_'), readFileSync(join(dir, f), 'utf8')])));
        const provider = s.Vplan.lsp.CompletionProvider as unknown as { windowed: boolean; getCompletion: (...args: unknown[]) => Promise<CompletionList> };
        let compared = 0;
        for (const doc of docs) {
            const text = doc.textDocument.getText();
            // Every 11th token boundary, and just after each token (the cursor at the end of a word).
            const boundaries = [...text.matchAll(/\s+/g)].filter((_, i) => i % 11 === 0).flatMap(m => [m.index!, m.index! + m[0].length]);
            for (const offset of boundaries) {
                const params = { textDocument: { uri: doc.uri.toString() }, position: doc.textDocument.positionAt(offset) };
                provider.windowed = true;
                const windowed = (await provider.getCompletion(doc, params)).items.map(i => `${i.label}:${i.kind}`).sort();
                provider.windowed = false;
                const full = (await provider.getCompletion(doc, params)).items.map(i => `${i.label}:${i.kind}`).sort();
                expect(windowed, `${doc.uri.path} at ${JSON.stringify(text.slice(Math.max(0, offset - 30), offset))}|`).toEqual(full);
                compared++;
            }
        }
        provider.windowed = true;
        expect(compared).toBeGreaterThan(300);
    }, 120_000);
});

describe('concurrent completion requests', () => {
    test('each is answered for its own document and keyword language', async () => {
        const s = await createServices();
        const [sv, en] = await workspace(s, {
            'sv.vplan': 'plan p "P" {\n  år 2026\n  enhet u "U" {\n    indikator i "I" {\n      \n    }\n  }\n}\n',
            'en.vplan': 'plan q "Q" {\n  year 2026\n  unit u "U" {\n  }\n}\n'
        });
        const provider = s.Vplan.lsp.CompletionProvider!;
        const [a, b] = await Promise.all([
            provider.getCompletion(sv, { textDocument: { uri: sv.uri.toString() }, position: { line: 4, character: 6 } }),
            provider.getCompletion(en, { textDocument: { uri: en.uri.toString() }, position: { line: 3, character: 2 } })
        ]);
        // Keywords, and the block keywords offered as their templates.
        const kws = (list: CompletionList | undefined) => (list?.items ?? [])
            .filter(i => i.detail === 'Keyword' || i.insertTextFormat === InsertTextFormat.Snippet).map(i => i.label);
        expect(kws(a)).toContain('grön');
        expect(kws(a)).not.toContain('indicator');
        expect(kws(b)).toContain('indicator');
        expect(kws(b)).not.toContain('grön');
        expect(kws(b)).not.toContain('indikator');
    });
});

describe('completion as a strategist meets it', () => {
    test('a new file in a Swedish workspace completes in Swedish, whatever the display language', async () => {
        const s = await createServices();
        await workspace(s, { 'kommun.vplan': KOMMUN_SV });
        s.Vplan.i18n.Locale.lang = 'en';
        await expectCompletion(s.Vplan)({
            text: `<|>`, index: 0,
            assert: list => {
                expect(keywordLabels(list)).toContain('mål');
                expect(keywordLabels(list)).not.toContain('goal');
            }
        });
        // `för` inside `organisation { }` offers `förvaltning`.
        await expectCompletion(s.Vplan)({
            text: `organisation o "O" {\n  för<|>\n}`, index: 0,
            assert: list => expect(labels(list)).toContain('förvaltning')
        });
    });

    test('no two items with the same label: `upp` offers uppdrag once, as its template', async () => {
        const s = await createServices();
        await workspace(s, { 'kommun.vplan': KOMMUN_SV });
        await expectCompletion(s.Vplan)({
            text: `plan p "P" {\n  år 2026\n  upp<|>\n}`, index: 0,
            assert: list => {
                const all = labels(list);
                expect(all.filter(l => l === 'uppdrag')).toHaveLength(1);
                expect(all).toContain('uppföljning');
                expect(new Set(all).size).toBe(all.length);
                const mission = list.items.find(i => i.label === 'uppdrag')!;
                expect(mission.insertTextFormat).toBe(InsertTextFormat.Snippet);
            }
        });
    });

    test('an activity template takes its deadline from the plan\'s year', async () => {
        const s = await createServices();
        await expectCompletion(s.Vplan)({
            text: `plan p "P" {\n  år 2031\n  enhet u "U" {\n    <|>\n  }\n}`, index: 0,
            assert: list => {
                const activity = list.items.find(i => i.label === 'aktivitet' && i.insertTextFormat === InsertTextFormat.Snippet);
                expect(activity?.textEdit?.newText).toContain('senast ${4:2031-10-31}');
            }
        });
    });
});
