// The follow-up report as the council receives it (`vplan render --period P`), opened as its readers
// open it: the .docx unzipped and its XML read, the PDF's pages counted and read with poppler
// (pdfinfo, pdftotext), the Markdown as text. The example is examples/uppfoljning (T1 ready, T2 draft).
import { beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { docx, pageText, paragraphs, pdfPages } from './read-documents.js';
import { ensureBuilt, ROOT, vplan } from './helpers.js';

beforeAll(() => ensureBuilt(), 240_000);

const PLAN = path.join(ROOT, 'examples/uppfoljning/omsorg-2026.vplan');
const DECISION = 'Beslutad av omsorgsnämnden 2025-11-20 § 87, dnr ON 2025/112';

function out(name: string): string {
    return path.join(mkdtempSync(path.join(tmpdir(), 'vplan-fu-doc-')), name);
}

function render(period: string, file: string, ...extra: string[]): void {
    const r = vplan(['render', PLAN, '--period', period, '--as-of', '2026-05-15', '-o', file, ...extra]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
}

/** Word headings as the navigation pane lists them: "1 Avvikelser". */
function headings(xml: string): string[] {
    return [...xml.matchAll(/<w:p>(?:(?!<\/w:p>)[\s\S])*?<w:pStyle w:val="Heading(\d)"\/>[\s\S]*?<\/w:p>/g)].map(m => `${m[1]} ${paragraphs(m[0]).join('')}`);
}

/** Every table: its rows, each row the text of its cells, and whether the first row repeats as a header. */
function tables(xml: string): { rows: string[][]; headerRepeats: boolean }[] {
    return [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map(t => {
        const rows = [...t[0].matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)];
        return {
            rows: rows.map(r => [...r[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map(c => paragraphs(c[0]).join('\n'))),
            headerRepeats: /<w:tblHeader\/>/.test(rows[0]?.[0] ?? '')
        };
    });
}

describe('render --period --format docx', () => {
    test('T1 in Swedish: A4, cover with the decision and "Klar för rapport", headings for the navigation pane, tables with repeating header rows, status in words', () => {
        const file = out('t1.docx');
        render('T1', file);
        const parts = docx(file);
        const doc = parts['word/document.xml'];
        expect(doc).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
        const body = paragraphs(doc);
        expect(body.slice(0, 4)).toEqual(['Verksamhetsplan Omsorg 2026 (exempel)', 'Uppföljning T1', DECISION, 'Klar för rapport']);
        const h = headings(doc);
        // Deviations first (red, then yellow), then goal fulfilment, indicators per unit, activities by progress.
        expect(h.filter(x => x.startsWith('1 '))).toEqual(['1 Avvikelser', '1 Måluppfyllelse', '1 Indikatorer per enhet', '1 Aktiviteter och uppdrag']);
        const deviations = h.slice(h.indexOf('1 Avvikelser') + 1, h.indexOf('1 Måluppfyllelse')).filter(x => x.startsWith('2 '));
        expect(deviations).toEqual([
            '2 Personalkontinuitet, antal personal under 14 dagar', '2 Sjukfrånvaro särskilt boende', '2 Nöjdhet hemtjänst', '2 Fallskador per 1000 boendedagar'
        ]);
        expect(h).toContain('3 Analys');
        expect(h).toContain('3 Åtgärder');
        expect(body).toContain('Rekrytera till de två vakanta tjänsterna före sommaren.');
        expect(body).toContain('Analys saknas.');
        expect(body).toContain('Status: Röd · ↗ försämras — Utfall 9,4 % ligger inom röd över 8,5 (2026-T1)');
        const all = tables(doc);
        expect(all.every(t => t.headerRepeats)).toBe(true);
        expect(doc).toContain('<w:cantSplit/>');
        const units = all.filter(t => t.rows[0][0] === 'Indikator');
        expect(units.map(t => t.rows[0])).toEqual([
            ['Indikator', 'Utfall', 'Status', 'Utveckling', 'Analys'], ['Indikator', 'Utfall', 'Status', 'Utveckling', 'Analys']
        ]);
        const rows = units.flatMap(t => t.rows.slice(1));
        expect(rows.find(r => r[0] === 'Sjukfrånvaro särskilt boende')!.slice(0, 4)).toEqual(['Sjukfrånvaro särskilt boende', '9,4 %', 'Röd', '↗ försämras']);
        expect(rows.find(r => r[0] === 'Nöjdhet hemtjänst')!.slice(0, 3)).toEqual(['Nöjdhet hemtjänst', '88 (2025)', 'Gul']);
        const council = all.find(t => t.rows[0][1] === 'Måluppfyllelse')!;
        expect(council.rows[1]).toEqual(['Trygg och värdig omsorg genom livet', 'delvis uppfyllt', '0', '2', '1', '0']);
        // Activity progress with the comment, and the overdue one marked as of --as-of.
        const started = all.find(t => t.rows[0][0] === 'Aktivitet eller uppdrag' && t.rows.some(r => r[0].startsWith('Införa fasta team')))!;
        expect(started.rows[1]).toEqual(['Införa fasta team i varje hemtjänstgrupp', '2026-04-30\nförsenad mot sista datum', 'Klart i östra området, västra väntar på rekrytering.']);
        expect(h).toContain('2 Påbörjad (2)');
        // "Sida N av M" footers and the running header with title and decision.
        const footer = Object.entries(parts).find(([n, x]) => /^word\/footer\d+\.xml$/.test(n) && x.includes('NUMPAGES'))?.[1];
        expect(paragraphs(footer!).join('')).toMatch(/^Sida\s*av\s*$/);
        const header = Object.entries(parts).filter(([n]) => /^word\/header\d+\.xml$/.test(n)).map(([, x]) => paragraphs(x).join('')).join('|');
        expect(header).toContain(`Verksamhetsplan Omsorg 2026 (exempel): Uppföljning T1\t${DECISION}`);
    });

    test('T2 is a draft, says so, and lists what changed since T1; --deviations-only keeps only the deviations', () => {
        const file = out('t2.docx');
        render('T2', file);
        const doc = docx(file)['word/document.xml'];
        expect(paragraphs(doc)).toContain('Utkast');
        expect(paragraphs(doc)).not.toContain('Klar för rapport');
        expect(headings(doc)).toContain('1 Förändringar sedan T1');
        expect(paragraphs(doc)).toContain('Personalkontinuitet, antal personal under 14 dagar: Röd → Gul');
        const only = out('t2-avvikelser.docx');
        render('T2', only, '--deviations-only');
        const h = headings(docx(only)['word/document.xml']);
        expect(h.filter(x => x.startsWith('1 '))).toEqual(['1 Avvikelser']);
        expect(h).toContain('2 Sjukfrånvaro särskilt boende');
        // In English when asked: headings, the draft mark and the table's words.
        const en = out('t2-en.docx');
        render('T2', en, '--lang', 'en');
        const xml = docx(en)['word/document.xml'];
        expect(headings(xml).filter(x => x.startsWith('1 '))).toEqual(['1 Deviations', '1 Goal fulfilment', '1 Indicators per unit', '1 Activities and assignments', '1 Changes since T1']);
        expect(paragraphs(xml)).toContain('Draft');
        expect(tables(xml).find(t => t.rows[0][0] === 'Indicator')!.rows[0]).toEqual(['Indicator', 'Outcome', 'Status', 'Trend', 'Analysis']);
    });
});

describe('render --period --format pdf', () => {
    test('T1: A4, a cover with the decision, the title and decision in the running header, "Sida N av M", no blank page', () => {
        const file = out('t1.pdf');
        render('T1', file);
        const pages = pdfPages(file);
        expect(pages).toBeGreaterThanOrEqual(3);
        const cover = pageText(file, 1).join(' ');
        expect(cover).toContain('Uppföljning T1');
        expect(cover).toContain(DECISION);
        expect(cover).toContain('Klar för rapport');
        expect(cover).not.toMatch(/Sida \d/);
        let text = '';
        for (let p = 2; p <= pages; p++) {
            const lines = pageText(file, p);
            expect(lines[0], `page ${p}`).toMatch(/^Verksamhetsplan Omsorg 2026 \(exempel\): Uppföljning\s+Beslutad av omsorgsnämnden/);
            expect(lines.at(-1), `page ${p}`).toBe(`Sida ${p} av ${pages}`);
            // Something between the running header (two lines) and the footer.
            expect(lines.length, `page ${p} is blank`).toBeGreaterThan(3);
            text += lines.join('\n') + '\n';
        }
        const at = (s: string) => { const i = text.indexOf(s); expect(i, s).toBeGreaterThan(-1); return i; };
        expect(at('Avvikelser')).toBeLessThan(at('Måluppfyllelse'));
        expect(at('Måluppfyllelse')).toBeLessThan(at('Indikatorer per enhet'));
        expect(at('Indikatorer per enhet')).toBeLessThan(at('Aktiviteter och uppdrag'));
        expect(text).toMatch(/Sjukfrånvaro särskilt boende\s+Röd\s+↗ Försämras/);
        expect(text).toContain('9,4 %');
        expect(text).toContain('Analys saknas.');
        expect(text).toMatch(/senast 2026-04-30 försenad mot sista\s+datum/);
    }, 120_000);
});

describe('render --period --format md', () => {
    test('T2 as GitHub Markdown: draft, deviations with analysis and actions, tables with status as mark and word, changes', () => {
        const r = vplan(['render', PLAN, '--period', 'T2', '--format', 'md', '--as-of', '2026-09-01']);
        expect(r.stderr).toBe('');
        expect(r.code).toBe(0);
        const md = r.stdout;
        expect(md.split('\n').slice(0, 6)).toEqual([
            '# Uppföljning T2', '', '**Verksamhetsplan Omsorg 2026 (exempel)**  ', `${DECISION}  `, '**Utkast**', ''
        ]);
        const at = (s: string) => { const i = md.indexOf(s); expect(i, s).toBeGreaterThan(-1); return i; };
        expect(at('## Avvikelser')).toBeLessThan(at('## Måluppfyllelse'));
        expect(at('## Måluppfyllelse')).toBeLessThan(at('## Indikatorer per enhet'));
        expect(at('## Aktiviteter och uppdrag')).toBeLessThan(at('## Förändringar sedan T1'));
        expect(md).toContain('### Sjukfrånvaro särskilt boende\n\n🔴 Röd · ↘ Förbättras');
        expect(md).toContain('#### Åtgärder\n\n- Tidig kontakt med företagshälsovården vid upprepad korttidsfrånvaro.');
        expect(md).toContain('| Sjukfrånvaro särskilt boende | 9,1 % | 🔴 Röd | ↘ Förbättras |');
        expect(md).toContain('| Trygg och värdig omsorg genom livet | ');
        expect(md).toContain('- Personalkontinuitet, antal personal under 14 dagar: 🔴 Röd → 🟡 Gul');
        expect(md).toContain('- Införa fasta team i varje hemtjänstgrupp: Påbörjad → Klar');
        expect(md).toContain('  Alla grupper har fasta team sedan juni.');
    });

    test('English when asked; a folder gets <plan>-<period>.md, .docx and .pdf as it gets .html', () => {
        const en = vplan(['render', PLAN, '--period', 'T1', '-o', '-', '--format', 'md', '--lang', 'en']).stdout;
        expect(en).toContain('# Follow-up T1');
        expect(en).toContain('**Ready for the report**');
        expect(en).toContain('## Deviations');
        expect(en).toContain('Adopted by omsorgsnämnden 2025-11-20 § 87, ref. ON 2025/112');
        for (const format of ['md', 'docx']) {
            const dir = path.dirname(out('x'));
            const r = vplan(['render', path.dirname(PLAN), '--period', 'T1', '--format', format, '-o', dir + '/']);
            expect(r.code).toBe(0);
            expect(readdirSync(dir)).toEqual([`omsorg-2026-t1.${format}`]);
        }
    });

    test('a period the plan does not have: one line, exit 2, in every format', () => {
        const r = vplan(['render', PLAN, '--period', 'T3', '--format', 'md', '--lang', 'en']);
        expect(r.code).toBe(2);
        expect(r.stdout).toBe('');
        expect(r.stderr.trim().split('\n')).toHaveLength(1);
        expect(r.stderr).toContain('has no follow-up period T3 (it has: T1, T2, annual)');
    });
});
