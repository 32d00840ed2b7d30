import { beforeAll, describe, expect, test } from 'vitest';
import { expectHover } from 'langium/test';
import type { InlayHint } from 'vscode-languageserver';
import { createServices, KOMMUN_EN, KOMMUN_SV, PLAN_EN, PLAN_SV, workspace, type Services } from './fixtures.js';

/** Puts the hover marker at the first occurrence of `needle` (plus `shift` characters). */
function mark(text: string, needle: string, shift = 1): string {
    const at = text.indexOf(needle);
    if (at < 0) throw new Error(`no ${needle}`);
    return text.slice(0, at + shift) + '<|>' + text.slice(at + shift);
}

describe('hover', () => {
    let s: Services;
    beforeAll(async () => {
        s = await createServices();
        await workspace(s, { 'kommun.vplan': KOMMUN_SV, 'kommun-en.vplan': KOMMUN_EN, 'omsorg.vplan': PLAN_SV });
    });

    test('on an indicator id: title, source with Kolada link, bands, outcomes with status, goal, roles (Swedish)', async () => {
        s.Vplan.i18n.Locale.preference = 'sv';
        const text = mark(PLAN_SV.replace('omsorg2026', 'omsorg2026b').replace('helhetssynSabo', 'helhetssyn2'), 'helhetssyn2');
        await expectHover(s.Vplan)({
            text, index: 0, disposeAfterCheck: true,
            hover: new RegExp([
                '\\*\\*Helhetssyn särskilt boende\\*\\* · `helhetssyn2`',
                'Senaste status: 🔴 röd',
                'Källa: Kolada, KPI \\[U23471\\]\\(https://www\\.kolada\\.se/verktyg/fri-sokning/\\?kpis=U23471\\) \\(publiceras v 24\\)',
                'Gränser: .*82',
                '- 2024: 67 — 🔴 röd',
                '- 2025: 62 — 🔴 röd',
                'Övergripande mål: Välfärd och välbefinnande genom livet',
                'Ansvarig: Enhetschef särskilt boende · Rapporterar: Handläggare'
            ].join('[\\s\\S]*'))
        });
    });

    test('Kolada\'s title and description from the KPI cache; how old it is when old; a note when not fetched', async () => {
        s.Vplan.i18n.Locale.lang = 'sv';
        const text = mark(PLAN_SV.replace('omsorg2026', 'omsorg2026c').replace('helhetssynSabo', 'helhetssyn3'), 'helhetssyn3');
        await expectHover(s.Vplan)({ text, index: 0, disposeAfterCheck: true, hover: /_Koladas beskrivning är inte hämtad \(vplan kolada meta\)_/ });
        const fetched = new Date(Date.now() - 40 * 86_400_000).toISOString();
        s.Vplan.kolada.Kpis.set({ kpis: { U23471: { id: 'U23471', title: 'Brukarbedömning särskilt boende äldreomsorg - helhetssyn, andel (%)', description: 'Andel brukare som är nöjda.', fetched } } });
        try {
            await expectHover(s.Vplan)({
                text, index: 0, disposeAfterCheck: true,
                hover: new RegExp('KPI \\[U23471\\]\\(https://www\\.kolada\\.se/verktyg/fri-sokning/\\?kpis=U23471\\)[\\s\\S]*'
                    + 'I Kolada: \\*\\*Brukarbedömning särskilt boende äldreomsorg - helhetssyn, andel \\\\\\(%\\\\\\)\\*\\* · '
                    + `_hämtat ${fetched.slice(0, 10)} \\(40 dagar sedan: kör vplan kolada meta för att uppdatera\\)_\n\n> Andel brukare som är nöjda\\.`)
            });
        } finally {
            s.Vplan.kolada.Kpis.set(undefined);
        }
    });

    test('a rank indicator names the Kolada group its rank is fetched from', async () => {
        s.Vplan.i18n.Locale.preference = 'sv';
        const text = mark(`jämförelsegrupp hoverGrupp "Jämförbara kommuner" { kolada "G124026" }
plan hoverRank "R" { år 2026 indikator rangHover "Kostnad" {
  källa kolada kpi "N15006" riktning lägre grön 25 % bästa gul 26–50 % bästa jämfört med hoverGrupp
  utfall 2025: 14 % bästa } }`, 'rangHover');
        await expectHover(s.Vplan)({ text, index: 0, disposeAfterCheck: true, hover: /Jämförs med: Jämförbara kommuner \(Kolada G124026\)[\s\S]*- 2025: 14 % bästa — 🟢 grön/ });
    });

    test('on an indicator title and in English', async () => {
        s.Vplan.i18n.Locale.preference = 'en';
        const text = mark(PLAN_EN, '"Overall view"', 3);
        await expectHover(s.Vplan)({
            text, index: 0, disposeAfterCheck: true,
            hover: /\*\*Overall view\*\*[\s\S]*Latest status: 🟢 green[\s\S]*↘ worsening[\s\S]*- 2025: 85 — 🟢 green[\s\S]*Overarching goal: Welfare through life[\s\S]*Responsible: Unit manager · Reports: Case officer/
        });
        s.Vplan.i18n.Locale.preference = 'sv';
    });

    test('on a reference to an indicator in another file (a restatement)', async () => {
        s.Vplan.i18n.Locale.preference = 'sv';
        await expectHover(s.Vplan)({
            text: `plan x "X" {\n  indikator egen "Egen" {\n    återger <|>helhetssynSabo\n  }\n}`, index: 0, disposeAfterCheck: true,
            hover: /\*\*Helhetssyn särskilt boende\*\* · `helhetssynSabo`[\s\S]*- 2025: 62 — 🔴 röd/
        });
    });

    test('on a role reference: its title and where it is used, across files', async () => {
        s.Vplan.i18n.Locale.preference = 'sv';
        const text = `plan x "X" {\n  enhet u "U" {\n    indikator k "K" {\n      ansvarig <|>enhetschefSabo\n    }\n  }\n}`;
        await expectHover(s.Vplan)({
            text, index: 0, disposeAfterCheck: true,
            hover: /Roll \*\*Enhetschef särskilt boende\*\* · `enhetschefSabo`[\s\S]*Används 2 gånger:[\s\S]*omsorg\.vplan:15\]\(file:\/\/\/ws\/omsorg\.vplan#L15\) — Helhetssyn särskilt boende/
        });
    });

    test('on a goal declaration and a source, in English', async () => {
        s.Vplan.i18n.Locale.preference = 'en';
        await expectHover(s.Vplan)({
            text: `goal <|>lonely "Nobody uses me"`, index: 0, disposeAfterCheck: true,
            hover: /Goal \*\*Nobody uses me\*\* · `lonely`[\s\S]*Not used anywhere yet\./
        });
        await expectHover(s.Vplan)({
            text: `plan q "Q" { indicator a "A" { source <|>kolada } }`, index: 0, disposeAfterCheck: true,
            hover: /Source \*\*Kolada\*\* · `kolada`[\s\S]*Used \d+ times:/
        });
        s.Vplan.i18n.Locale.preference = 'sv';
    });

    test('nothing on a keyword or on prose', async () => {
        await expectHover(s.Vplan)({ text: `mål a "A"\npl<|>an p "P" { avsnitt "S" """hej <|>där""" }`, index: 0, disposeAfterCheck: true, hover: undefined });
        await expectHover(s.Vplan)({ text: `mål a "A"\nplan p "P" { avsnitt "S" """hej <|>där""" }`, index: 0, disposeAfterCheck: true, hover: undefined });
    });
});

describe('inline status', () => {
    async function hints(s: Services, uri: string): Promise<InlayHint[]> {
        const document = s.shared.workspace.LangiumDocuments.getDocument((await import('langium')).URI.parse(uri))!;
        const end = document.textDocument.positionAt(document.textDocument.getText().length);
        return (await s.Vplan.lsp.InlayHintProvider!.getInlayHints(document, {
            textDocument: { uri }, range: { start: { line: 0, character: 0 }, end }
        })) ?? [];
    }

    test('after each indicator title, in the display language', async () => {
        const s = await createServices();
        await workspace(s, { 'kommun.vplan': KOMMUN_SV, 'omsorg.vplan': PLAN_SV });
        s.Vplan.i18n.Locale.preference = 'sv';
        const sv = await hints(s, 'file:///ws/omsorg.vplan');
        expect(sv).toHaveLength(1);
        expect(sv[0].label).toBe('🔴 röd 62 ↘');
        // Right after the closing quote of the title.
        const line = PLAN_SV.split('\n').findIndex(l => l.includes('indikator helhetssynSabo'));
        expect(sv[0].position).toEqual({ line, character: PLAN_SV.split('\n')[line].indexOf('" {') + 1 });
        s.Vplan.i18n.Locale.preference = 'en';
        expect((await hints(s, 'file:///ws/omsorg.vplan'))[0].label).toBe('🔴 red 62 ↘');
    });

    test('one part per series', async () => {
        const s = await createServices();
        await workspace(s, { 'p.vplan': `plan p "P" { indikator k "K" {\n serie htj "Hemtjänst" serie sabo "SÄBO"\n grön htj 13 eller färre\n gul htj 14-15\n grön sabo 1,3 eller färre\n gul sabo 1,4..1,7\n utfall 2024 htj: 14\n utfall 2025 htj: 16\n utfall 2025 sabo: 1,2\n } }` });
        s.Vplan.i18n.Locale.preference = 'sv';
        const [hint] = await hints(s, 'file:///ws/p.vplan');
        // The arrow follows the figure (14 → 16 rose) although fewer is better: the colour says worse.
        expect(hint.label).toMatch(/^htj 🔴 16 ↗ · sabo 🟢 1,2$/);
    });

    test('off when vplan.inlineStatus.enabled is false', async () => {
        const s = await createServices({ inlineStatus: { enabled: false } });
        await workspace(s, { 'kommun.vplan': KOMMUN_SV, 'omsorg.vplan': PLAN_SV });
        expect(await hints(s, 'file:///ws/omsorg.vplan')).toEqual([]);
    });
});
