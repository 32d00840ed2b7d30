// One truth: for every indicator of the examples, of generated plans and of mutated plans, every
// surface says the same status, reason, goals and year, in Swedish and in English. The surfaces as
// users meet them: hover, inlay hint and the status request of the language server; the preview's
// HTML and the Markdown export; `vplan status --format json` run as a process.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { GrammarUtils, URI, AstUtils, type LangiumDocument } from 'langium';
import { clearDocuments } from 'langium/test';
import { NodeFileSystem } from 'langium/node';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
    assessIndicator, createVplanServices, isIndicator, isPlan, overarchingGoals, statusLabel, statusTitle, STATUS_MARK,
    type Document, type Indicator, type Lang
} from '@vplan/language';
import { statusCountsOf } from '../../packages/language/src/lsp/status-request.js';
import { renderDocument, renderMarkdownDocument } from '@vplan/preview';
import { ensureBuilt, vplan } from '../../packages/cli/test/helpers.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const LANGS: Lang[] = ['sv', 'en'];

/** Plans no example has: every way an outcome can fail to be assessed, chains of restatements and goals, annotations. */
const GENERATED: Record<string, string> = {
    'kommun.vplan': `mål m1 "Välfärd"\nmål m2 "Effektivitet"\nroll r "Chef"\nkälla kolada "Kolada"\n`,
    'kf.vplan': `plan kf "Kommunfullmäktige 2025" { år 2025
  enhet kf "KF" {
    indikator kfNojd "Nöjdhet" { bidrar till m1 maxvärde 100 grön 80 eller högre gul 60–79 röd < 60 utfall 2025: 85 }
    indikator kfMellan "Mellanled" { återger kfNojd }
  }
}
`,
    'enhet.vplan': `mål enhetsmal "Enhetens mål" { bidrar till m2 }
plan e "Enhetsplan 2025" { år 2025 uppföljning T1, årsbokslut
  enhet a "Äldreomsorg" {
    indikator skalfel "Utanför skalan" { bidrar till m1 maxvärde 100 grön 80 eller högre gul 60–79 röd < 60 utfall 2024: 70 utfall 2025: 105 }
    indikator glapp "I glappet" { bidrar till enhetsmal grön 7,0 eller lägre gul 7,1–7,5 utfall 2025: 7,06 }
    indikator band "Utanför banden" { grön 10–20 gul 21–30 röd 31–40 utfall 2025: 50 }
    indikator sort "Fel sort" { grön 80 eller högre utfall 2025: ja }
    indikator kedja "Två steg" { återger kfMellan utfall 2025: 55 }
    indikator ar "Årtal" { grön 70 eller högre röd < 70 riktning högre utfall 2024: 19 (2023) utfall 2025: 6 (2024) }
    indikator saknas "Ingen uppgift" { grön 70 eller högre utfall 2025: iu (2024) }
    indikator vantas "Väntas" { grön 70 eller högre utfall 2025: väntas v 12 mäts månatlig }
    indikator nulage "Mot nuläget" { jämfört med nuläge grön öka med 5 % röd minska med 5 % nuläge 2023: 100 utfall 2025: 110 }
  }
}
`
};

/** The examples with every numeric 2025 outcome tripled: values pushed across bands and beyond scales. */
function mutated(text: string): string {
    return text.replace(/((?:utfall|outcome) 2025(?:-\w+)?(?: \w+)?: )(\d+(?:[,.]\d+)?)/g, (_, head: string, n: string) => {
        const value = Number(n.replace(',', '.')) * 3;
        return head + (n.includes(',') ? String(value).replace('.', ',') : String(value));
    });
}

function writeFolder(root: string, files: Record<string, string>): string {
    mkdirSync(root, { recursive: true });
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(root, name), text);
    return root;
}

function folderFiles(folder: string): Record<string, string> {
    return Object.fromEntries(readdirSync(folder).filter(f => f.endsWith('.vplan')).map(f => [f, readFileSync(path.join(folder, f), 'utf8')]));
}

const unescapeMd = (s: string) => s.replace(/\\([\\`*_{}[\]()#+\-.!|<>])/g, '$1');
const unescapeHtml = (s: string) => s.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

interface Cli { plans: { path: string; indicators: { name: string; status: string; reason: string; goals: string[]; latest: { period: string; value: string; year: string } | null }[] }[] }

let tmp: string;
const folders: Record<string, string> = {};

beforeAll(() => {
    ensureBuilt();
    tmp = mkdtempSync(path.join(tmpdir(), 'vplan-one-truth-'));
    folders['examples/norsjo'] = path.join(ROOT, 'examples/norsjo');
    folders['examples/english'] = path.join(ROOT, 'examples/english');
    folders.generated = writeFolder(path.join(tmp, 'generated'), GENERATED);
    const norsjo = folderFiles(folders['examples/norsjo']);
    folders['mutated norsjo'] = writeFolder(path.join(tmp, 'mutated'), Object.fromEntries(Object.entries(norsjo).map(([f, t]) => [f, mutated(t)])));
}, 240_000);

afterAll(() => { if (tmp) rmSync(tmp, { recursive: true, force: true }); });

describe.each(['examples/norsjo', 'examples/english', 'generated', 'mutated norsjo'])('%s', name => {
    test.each(LANGS)('every surface agrees on status, reason, goals and year (%s)', async lang => {
        const folder = folders[name];
        const services = createVplanServices(NodeFileSystem);
        const configuration = services.shared.workspace.ConfigurationProvider;
        await configuration.initialized({});
        // As VS Code sends the `vplan.language` setting.
        configuration.updateConfiguration({ settings: { vplan: { language: lang } } });
        await new Promise(resolve => setTimeout(resolve, 0));
        expect(services.Vplan.i18n.Locale.preference).toBe(lang);
        const factory = services.shared.workspace.LangiumDocumentFactory;
        const documents: LangiumDocument<Document>[] = Object.entries(folderFiles(folder)).map(([file, text]) => {
            const doc = factory.fromString<Document>(text, URI.file(path.join(folder, file)));
            services.shared.workspace.LangiumDocuments.addDocument(doc);
            return doc;
        });
        await services.shared.workspace.DocumentBuilder.build(documents, { validation: true });
        const cli = JSON.parse(vplan(['status', folder, '--format', 'json', '--lang', lang], { cwd: folder }).stdout) as Cli;
        let checked = 0;
        for (const document of documents) {
            if (!document.parseResult.value.elements.some(isPlan)) continue;
            const indicators = AstUtils.streamAllContents(document.parseResult.value).filter(isIndicator).toArray() as Indicator[];
            const request = statusCountsOf(document, lang);
            const html = renderDocument(document, { lang, mode: 'fragment' });
            const markdown = renderMarkdownDocument(document, { lang });
            const text = document.textDocument;
            const hints = await services.Vplan.lsp.InlayHintProvider!.getInlayHints(document, {
                textDocument: { uri: document.uri.toString() },
                range: { start: { line: 0, character: 0 }, end: text.positionAt(text.getText().length) }
            }) ?? [];
            const cliPlan = cli.plans.find(p => path.resolve(folder, p.path) === document.uri.fsPath);
            expect(cliPlan, `${document.uri.fsPath} in vplan status`).toBeDefined();
            for (const indicator of indicators) {
                const a = assessIndicator(indicator);
                const reason = a.reason[lang];
                const goals = overarchingGoals(indicator);
                const where = `${path.basename(document.uri.fsPath)} ${indicator.name} (${lang})`;

                // The status request (status bar, summary).
                const entry = request.indicators.find(e => e.name === indicator.name && e.line === indicator.$cstNode!.range.start.line);
                expect(entry, where).toMatchObject({ status: a.status, reason });

                // Hover: the status in words, the reason, the goals.
                const nameNode = GrammarUtils.findNodeForProperty(indicator.$cstNode, 'name')!;
                const hover = await services.Vplan.lsp.HoverProvider!.getHoverContent(document, {
                    textDocument: { uri: document.uri.toString() }, position: nameNode.range.start
                });
                const hoverText = unescapeMd(String((hover?.contents as { value: string }).value));
                expect(hoverText, where).toContain(`${statusLabel(a.status, lang)} — ${reason}`);
                for (const g of goals) expect(hoverText, where).toContain(g.title);
                if (a.latest) expect(hoverText, where).toContain(`${a.latest.period}: ${a.latest.shown}`);

                // Inlay hint: the status and the latest value with its year annotation.
                const titleEnd = GrammarUtils.findNodeForProperty(indicator.$cstNode, 'title')!.range.end;
                const hint = hints.find(h => h.position.line === titleEnd.line && h.position.character === titleEnd.character);
                expect(hint, where).toBeDefined();
                const label = String(hint!.label);
                if (a.series.length <= 1) {
                    expect(label.startsWith(statusLabel(a.status, lang)), `${where}: ${label}`).toBe(true);
                    if (a.latest) expect(label, where).toContain(a.latest.shown);
                } else {
                    expect(label, where).toContain(STATUS_MARK[a.status]);
                }

                // The preview: the card's status, reason and goals.
                const start = html.indexOf(`data-indicator="${indicator.name}"`, html.indexOf(`data-line="${indicator.$cstNode!.range.start.line}" data-indicator="${indicator.name}"`) - 40);
                expect(start, where).toBeGreaterThan(0);
                const card = html.slice(html.lastIndexOf('<article', start), html.indexOf('</article>', start));
                expect(card, where).toContain(`class="indicator status-${a.status}"`);
                expect(card, where).toContain(`data-status="${a.status}"`);
                expect(unescapeHtml(/<p class="ind-reason">(.*?)<\/p>/s.exec(card)?.[1] ?? ''), where).toBe(reason);
                const chips = [...card.matchAll(/<span class="goal-chip"[^>]*>(.*?)<\/span>/g)].map(m => unescapeHtml(m[1]));
                expect(chips, where).toEqual(goals.map(g => g.title));
                if (a.latest) expect(unescapeHtml(card), where).toContain(a.latest.shown);

                // `vplan status --format json`.
                const listed = cliPlan!.indicators.filter(i => i.name === indicator.name);
                expect(listed, where).toHaveLength(1);
                expect(listed[0], where).toMatchObject({ status: a.status, reason, goals: goals.map(g => g.name) });
                expect(listed[0].latest?.year ?? null, where).toBe(a.latest?.dataPeriod ?? null);
                checked++;
            }
            // Markdown: per title (titles may repeat), the same statuses and goals.
            for (const title of new Set(indicators.map(i => i.title))) {
                const cell = `| ${title.replace(/([\\`*_[\]<>#|!~])/g, '\\$1').replace(/&/g, '&amp;')} |`;
                const rows = markdown.split('\n').filter(l => l.startsWith(cell)).map(r => r.split(' | '));
                const same = indicators.filter(i => i.title === title);
                expect(rows.map(r => r[4].split(' ').slice(0, 2).join(' ')).sort(), title)
                    .toEqual(same.map(i => `${STATUS_MARK[assessIndicator(i).status]} ${statusTitle(assessIndicator(i).status, lang).split(' ')[0]}`).sort());
                expect(rows.map(r => unescapeMd(r[5].replace(/ \|$/, ''))).sort(), title)
                    .toEqual(same.map(i => overarchingGoals(i).map(g => g.title).join(', ')).sort());
            }
        }
        expect(checked).toBeGreaterThan(3);
        await clearDocuments(services.shared);
    }, 120_000);
});

describe('the generated plans say what the issue asks', () => {
    test('an impossible outcome is never coloured; goal counts agree; chains and annotations survive', () => {
        const report = JSON.parse(vplan(['status', folders.generated, '--format', 'json', '--lang', 'sv'], { cwd: folders.generated }).stdout);
        const plan = report.plans.find((p: { name: string }) => p.name === 'e');
        const by = Object.fromEntries(plan.indicators.map((i: { name: string }) => [i.name, i]));
        for (const name of ['skalfel', 'glapp', 'band', 'sort']) expect(by[name].status, name).toBe('undefined');
        expect(by.skalfel.reason).toContain('utanför skalan');
        // Two steps of restatement reach the council's bands and goal.
        expect(by.kedja).toMatchObject({ status: 'red', goals: ['m1'] });
        // A unit goal counts for the council goal it contributes to.
        expect(by.glapp.goals).toEqual(['m2']);
        expect(report.goals.map((g: { name: string }) => g.name).sort()).toEqual(['m1', 'm2']);
        expect(by.ar.latest).toEqual({ period: '2025', value: '6 (2024)', year: '2024' });
        expect(by.saknas.latest).toEqual({ period: '2025', value: 'iu (2024)', year: '2024' });
    });
});
