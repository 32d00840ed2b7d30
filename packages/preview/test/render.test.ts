import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { AstUtils } from 'langium';
import MarkdownIt from 'markdown-it';
import { describe, expect, test } from 'vitest';
import {
    assessIndicator, countStatuses, isIndicator, isSection, isSourceRef, isUnit, STATUSES, statusTitle, type Indicator
} from '@vplan/language';
import { renderDocument, renderMarkdownDocument } from '../src/index.js';
import { exampleFolders } from './examples.js';
import { FIXTURES, loadPlans, parseText } from './load.js';

/** Unescapes what the renderer escapes, to compare rendered text with the source's. */
function escapeLike(text: string): string {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** The rendered indicator cards, by their data-line. */
function articles(html: string): Map<number, string> {
    const out = new Map<number, string>();
    const re = /<article class="indicator[^"]*" data-line="(\d+)"[\s\S]*?<\/article>/g;
    for (const m of html.matchAll(re)) out.set(Number(m[1]), m[0]);
    return out;
}

const folders = exampleFolders();

test('the examples and the fixtures are found', () => {
    expect(folders.some(f => f.includes(`${path.sep}examples${path.sep}norsjo`))).toBe(true);
    expect(folders.some(f => f.startsWith(FIXTURES))).toBe(true);
});

describe.each(folders.map(f => [path.relative(path.resolve(FIXTURES, '../../../..'), f), f]))('%s', (_name, folder) => {
    test('every plan renders with its sections, units, status badges and one chart per indicator', async () => {
        const docs = await loadPlans(folder);
        expect(docs.length).toBeGreaterThan(0);
        for (const doc of docs) {
            expect(doc.parseResult.parserErrors, doc.uri.toString()).toEqual([]);
            const source = doc.textDocument.getText().split(/\r?\n/);
            const html = renderDocument(doc, { lang: 'sv', mode: 'page' });
            const root = doc.parseResult.value;
            const all = AstUtils.streamAllContents(root).toArray();

            // Sections and units: each has its heading, anchored, with its title.
            for (const section of all.filter(isSection)) {
                const line = section.$cstNode!.range.start.line;
                expect(html).toContain(`">${escapeLike(section.title)}</h`);
                expect(html).toMatch(/id="section-[^"]+">/);
                expect(html).toContain(`<section class="section" data-line="${line}">`);
            }
            for (const unit of all.filter(isUnit)) {
                expect(html).toContain(`id="unit-${unit.name}">${escapeLike(unit.title)}</h`);
            }

            // Status badges: per status, as many as the semantics module counts.
            const indicators = all.filter(isIndicator);
            const expected = countStatuses(indicators.map(assessIndicator));
            const badges = [...html.matchAll(/<span class="badge badge-[\w-]+" data-status="([\w-]+)"/g)].map(m => m[1]);
            for (const status of STATUSES) {
                expect(badges.filter(b => b === status).length, `${status} badges in ${doc.uri.path}`).toBe(expected[status]);
            }
            expect(badges.length).toBe(indicators.length);

            // One chart per indicator, its marks the statuses of its outcomes.
            expect([...html.matchAll(/<svg class="sparkline"/g)].length).toBe(indicators.length);
            const cards = articles(html);
            for (const indicator of indicators) {
                const line = indicator.$cstNode!.range.start.line;
                expect(source[line]).toMatch(/\b(indikator|indicator)\b/);
                const card = cards.get(line);
                expect(card, `card of ${indicator.name}`).toBeDefined();
                const assessment = assessIndicator(indicator);
                expect(card).toContain(`data-status="${assessment.status}"`);
                const svg = /<svg class="sparkline"[\s\S]*?<\/svg>/.exec(card!)![0];
                expect(svg).toContain(`<title>`);
                expect(svg).toMatch(/role="img" aria-label="[^"]+"/);
                const outcomes = assessment.series.flatMap(s => s.outcomes);
                for (const status of STATUSES) {
                    const marks = [...svg.matchAll(new RegExp(`class="mark mark-${status}[ "]`, 'g'))].length;
                    expect(marks, `${status} marks of ${indicator.name}`).toBe(outcomes.filter(o => o.status === status).length);
                }
                if (assessment.trend) expect(card).toContain(`data-trend="${assessment.trend}"`);
                else expect(card).not.toContain('data-trend=');
            }

            // Kolada: a KPI links to Kolada's search for it.
            for (const ref of all.filter(isSourceRef).filter(r => r.kpi)) {
                expect(html).toContain(`href="https://www.kolada.se/verktyg/fri-sokning/?kpis=${encodeURIComponent(ref.kpi!)}"`);
            }
        }
    });

    test('labels follow the lang option; the fragment is the page body', async () => {
        for (const doc of await loadPlans(folder)) {
            const hasIndicators = AstUtils.streamAllContents(doc.parseResult.value).some(isIndicator);
            const en = renderDocument(doc, { lang: 'en', mode: 'fragment' });
            const sv = renderDocument(doc, { lang: 'sv', mode: 'page' });
            expect(en).not.toMatch(/^<!DOCTYPE/);
            expect(en).toContain('lang="en"');
            expect(sv).toContain('<html lang="sv">');
            expect(sv).toContain(renderDocument(doc, { lang: 'sv', mode: 'fragment' }));
            if (hasIndicators) {
                expect(en).toContain('>Overview</h2>');
                expect(en).toMatch(/<dt data-line="\d+">Target levels<\/dt>/);
                expect(en).not.toContain('Målnivåer');
                expect(sv).toMatch(/<dt data-line="\d+">Målnivåer<\/dt>/);
            }
        }
    });

    test('the Markdown output holds the plan and every indicator with its status', async () => {
        for (const doc of await loadPlans(folder)) {
            const md = renderMarkdownDocument(doc, { lang: 'sv' });
            const indicators = AstUtils.streamAllContents(doc.parseResult.value).filter(isIndicator).toArray() as Indicator[];
            expect(md).toMatch(/^# \S/);
            const words = Object.fromEntries(STATUSES.map(s => [s, statusTitle(s, 'sv')])) as Record<string, string>;
            // Indicators may share a title (a unit restating the council's): compare per title, as multisets.
            const titles = new Set(indicators.map(i => i.title));
            for (const title of titles) {
                const cell = `| ${title.replace(/([\\`*_[\]<>#|!~])/g, '\\$1').replace(/&/g, '&amp;')} |`;
                const rows = md.split('\n').filter(l => l.startsWith(cell));
                const expected = indicators.filter(i => i.title === title).map(i => words[assessIndicator(i).status]).sort();
                const found = rows.map(r => r.split(' | ')[4]).map(c => Object.values(words).find(w => c.includes(w))).sort();
                expect(found, title).toEqual(expected);
            }
        }
    });
});

describe('prose', () => {
    test('keeps its headings under the section title and its lines for scroll sync', async () => {
        const file = path.join(FIXTURES, 'all/plan.vplan');
        const docs = await loadPlans(path.dirname(file));
        const doc = docs.find(d => d.uri.fsPath === file)!;
        const html = renderDocument(doc, { lang: 'sv', mode: 'fragment' });
        const source = readFileSync(file, 'utf8').split('\n');
        const headingLine = source.findIndex(l => l.trim() === '# Bakgrund');
        // "1 Inledning" is an h2 in the plan: its prose's "#" becomes an h3.
        expect(html).toContain(`<h3 data-line="${headingLine}">Bakgrund</h3>`);
        const listLine = source.findIndex(l => l.trim() === '- Äldreomsorg');
        expect(html).toContain(`<ul data-line="${listLine}">`);
        expect(html).toContain('<a href="https://www.example.org" rel="noopener noreferrer">https://www.example.org</a>');
    });

    test('links other than http(s) and mailto are not links', async () => {
        const doc = await parseText(`plan p "P" { avsnitt "A" """
            [ok](https://example.org) [mail](mailto:a@example.org) [js](javascript:alert(1)) [rel](../x.html) [file](file:///etc/passwd) ![img](https://example.org/x.png)
            """ }`);
        const html = renderDocument(doc, { lang: 'en', mode: 'fragment' });
        expect(html).toContain('<a href="https://example.org"');
        expect(html).toContain('<a href="mailto:a@example.org"');
        const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map(m => m[1]);
        expect(hrefs.every(h => /^(https?:|mailto:|#)/.test(h))).toBe(true);
        expect(html).not.toContain('<img');
        // Every external link, the image shown as a link included, opens without a referrer or opener.
        const external = [...html.matchAll(/<a href="(?:https?:|mailto:)[^>]*>/g)].map(m => m[0]);
        expect(external).toHaveLength(3);
        for (const a of external) expect(a).toContain('rel="noopener noreferrer"');
        expect(html).toContain('<a href="https://example.org/x.png" rel="noopener noreferrer">img</a>');
    });
});

describe('anchors', () => {
    const plan = (gap: string) => `plan p "P" {${gap}
  avsnitt "1 Inledning" """Text."""${gap}
  avsnitt "2 Utgångspunkter" {${gap}
    avsnitt "Mål & vägar" """x"""
    enhet hem "Hemtjänst" { }
  }
  avsnitt "2 Utgångspunkter" """dubblett"""
  avsnitt "3 Övrigt"
}
`;
    const ids = (html: string) => [...html.matchAll(/ id="([^"]+)"/g)].map(m => m[1]).filter(id => /^(section|unit)/.test(id));

    test('come from titles and ids, are unique, and do not move when lines do', async () => {
        const before = renderDocument(await parseText(plan('')), { lang: 'sv', mode: 'page' });
        const after = renderDocument(await parseText(plan('\n\n\n')), { lang: 'sv', mode: 'page' });
        expect(ids(before)).toEqual([
            'section-1-inledning', 'section-2-utgångspunkter', 'section-mål-vägar', 'unit-hem', 'section-2-utgångspunkter-2', 'section-3-övrigt'
        ]);
        expect(ids(after)).toEqual(ids(before));
        // Every link of the contents leads to a heading of the page.
        const targets = [...before.matchAll(/href="#([^"]+)"/g)].map(m => m[1]);
        expect(targets.length).toBeGreaterThan(0);
        for (const t of targets) expect(ids(before)).toContain(t);
    });
});

describe('prose in the Markdown output', () => {
    test('raw HTML and script links stay text even for a renderer that allows HTML; code, autolinks and links stay', async () => {
        const doc = await parseText(`plan p "P" { avsnitt "A" """
            Hej <script>alert(1)</script> och <img src=x onerror="alert(2)"> <!-- kommentar -->
            [js](javascript:alert(3)) [data]( data:text/html,<b>x</b>) [ok](https://example.org) [rel](bilaga.md)
            Kod: \`<b>fet</b>\` och <https://kolada.se>

            \`\`\`
            <div>i ett kodblock</div>
            \`\`\`
            <style>body { display: none }</style>
            """ }`);
        const md = renderMarkdownDocument(doc, { lang: 'sv' });
        // What a permissive downstream renderer (raw HTML on, every link scheme) makes of it.
        const permissive = new MarkdownIt({ html: true, linkify: false });
        permissive.validateLink = () => true;
        const html = permissive.render(md);
        expect(html).not.toMatch(/<(script|img|style)\b/);
        expect(html).not.toContain('<!--');
        expect(html).not.toMatch(/href="(javascript|data):/);
        expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
        expect(html).toContain('<code>&lt;b&gt;fet&lt;/b&gt;</code>');
        expect(html).toContain('<a href="https://kolada.se">https://kolada.se</a>');
        expect(html).toContain('<a href="https://example.org">ok</a>');
        expect(html).toContain('<a href="bilaga.md">rel</a>');
        expect(html).toContain('<pre><code>&lt;div&gt;i ett kodblock&lt;/div&gt;');
    });
});

describe('a file without a plan', () => {
    test('lists the shared goals, roles and sources', async () => {
        const doc = await parseText(`organisation x "X kommun"
            mål a "Mål A"
            roll r "Rollen"
            källa k "Källan" { url "https://example.org" }`);
        const html = renderDocument(doc, { lang: 'sv', mode: 'fragment' });
        expect(html).toContain('X kommun');
        expect(html).toContain('Mål A');
        expect(html).toContain('Rollen');
        expect(html).toContain('Källan');
    });
});

describe('direction of a rank indicator', () => {
    test('riktning is the value\'s: "högre värde är bättre" beside the rank bands; a plain indicator keeps "högre är bättre"', async () => {
        const doc = await parseText(`jämförelsegrupp jmf "Jämförbara kommuner" { kolada "G1" }
plan p "P" { år 2026
  indikator rang "Nöjdhet" { riktning högre  grön 25 % bästa  jämfört med jmf }
  indikator vanlig "Andel" { riktning högre  grön 80 }
}`);
        const html = renderDocument(doc, { lang: 'sv', mode: 'fragment' });
        const cards = [...articles(html).values()];
        expect(cards[0]).toContain('högre värde är bättre');
        expect(cards[1]).toContain('högre är bättre');
        expect(cards[1]).not.toContain('värde är bättre');
        expect(renderDocument(doc, { lang: 'en', mode: 'fragment' })).toContain('a higher value is better');
    });
});
