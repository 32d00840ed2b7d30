// The documents a council receives, opened as their readers open them: the .docx unzipped and its
// XML read, the PDF's pages counted and its text read with poppler (pdfinfo, pdftotext).
import { beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ensureBuilt, ROOT, vplan } from './helpers.js';
import { docx, pageText, paragraphs, pdfPages } from './read-documents.js';

beforeAll(() => ensureBuilt(), 240_000);

const OMSORG = path.join(ROOT, 'examples/norsjo/omsorg-2026.vplan');
const AKTIVITETER = path.join(ROOT, 'examples/norsjo/aktiviteter-2025.vplan');
const SCHOOL = path.join(ROOT, 'examples/english/school-2026.vplan');

function out(name: string): string {
    return path.join(mkdtempSync(path.join(tmpdir(), 'vplan-doc-')), name);
}

/** Rows of every table: the text of each cell. */
function tables(xml: string): string[][][] {
    return [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map(t =>
        [...t[0].matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map(r =>
            [...r[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map(c => paragraphs(c[0]).join('\n'))));
}

describe('vplan render --format docx', () => {
    test('Norsjö 2026: A4, headings as written, a contents field, "Sida N av M", the seven-column indicator tables', () => {
        const file = out('omsorg.docx');
        const r = vplan(['render', OMSORG, '-o', file, '--lang', 'sv']);
        expect(r.stderr).toBe('');
        expect(r.code).toBe(0);
        expect(readdirSync(path.dirname(file))).toEqual(['omsorg.docx']);
        const parts = docx(file);
        const doc = parts['word/document.xml'];
        // A4 portrait.
        expect(doc).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
        // The plan's headings, numbered as the plan writes them, as Word headings.
        const headings = [...doc.matchAll(/<w:p>(?:(?!<\/w:p>)[\s\S])*?<w:pStyle w:val="Heading(\d)"\/>[\s\S]*?<\/w:p>/g)]
            .map(m => `${m[1]} ${paragraphs(m[0]).join('')}`);
        expect(headings).toContain('1 1 Inledning');
        expect(headings).toContain('2 2.1 Det kommunala uppdraget');
        expect(headings).toContain('2 5.2 Äldreomsorgen');
        // A contents field that Word fills in on opening, with an entry per heading already there.
        expect(doc).toMatch(/TOC \\h \\o &quot;1-3&quot;/);
        expect(parts['word/settings.xml']).toMatch(/<w:updateFields(?: w:val="true")?\/>/);
        // Footer with page fields.
        const footers = Object.entries(parts).filter(([n]) => /^word\/footer\d+\.xml$/.test(n)).map(([, x]) => x);
        const footer = footers.find(f => f.includes('NUMPAGES'));
        expect(footer).toBeDefined();
        expect(footer).toMatch(/PAGE/);
        expect(paragraphs(footer!).join('')).toMatch(/^Sida\s*av\s*$/);
        const header = Object.entries(parts).filter(([n]) => /^word\/header\d+\.xml$/.test(n)).map(([, x]) => paragraphs(x).join('')).join('|');
        expect(header).toContain('Verksamhetsplan Omsorg 2026');
        // The indicator tables in the documents' columns, with the status column vplan adds.
        const all = tables(doc);
        const indicatorTables = all.filter(t => t[0][0] === 'Indikator');
        expect(indicatorTables.length).toBeGreaterThanOrEqual(8);
        expect(indicatorTables[0][0]).toEqual(['Indikator', 'Hämtas från', 'Grön', 'Gul', 'Utfall 2024', 'Utfall 2025', 'Övergripande mål', 'Status']);
        const nattfasta = indicatorTables.flat().find(row => row[0].startsWith('Nattfasta'));
        expect(nattfasta).toEqual([
            'Nattfasta, särskilt boende för äldre och korttidsboende, timmar', 'Patientsäkerhetsberättelse',
            '11 eller lägre', '11–12', '12,08', '12,64', 'Välfärd och välbefinnande genom livet', 'Röd\nförsämras'
        ]);
        // Rows are never split across pages, and the header row repeats.
        expect(doc).toContain('<w:cantSplit/>');
        expect(doc).toContain('<w:tblHeader/>');
        // Prose keeps its lists.
        expect(parts['word/numbering.xml']).toBeDefined();
        expect(doc).toMatch(/<w:numPr><w:ilvl w:val="0"\/><w:numId w:val="\d+"\/><\/w:numPr>/);
    });

    test('--no-status leaves the status column out', () => {
        const file = out('omsorg.docx');
        expect(vplan(['render', OMSORG, '-o', file, '--lang', 'sv', '--no-status']).code).toBe(0);
        const first = tables(docx(file)['word/document.xml']).find(t => t[0][0] === 'Indikator')!;
        expect(first[0].at(-1)).toBe('Övergripande mål');
    });

    test('the 2025 plan: activity, budget, control and mission tables in its own columns', () => {
        const file = out('aktiviteter.docx');
        expect(vplan(['render', AKTIVITETER, '-o', file, '--lang', 'sv']).code).toBe(0);
        const heads = tables(docx(file)['word/document.xml']).map(t => t[0].join(' | '));
        expect(heads).toContain('Mål | Indikator | Aktiviteter | Prestationer – det som ska mätas | Hur ofta det ska mätas | Ansvarig för genomförande | Ansvarig för rapportering | Resultat T1/T2/Helår');
        expect(heads).toContain('Budgetuppdrag | Aktiviteter | Hur ofta det ska mätas | Ansvarig för genomförande | Ansvarig för rapportering');
        expect(heads).toContain('Kontrollområde | Aktiviteter | Ansvarig för genomförande | Ansvarig för rapportering');
        expect(heads).toContain('Uppdrag | Förväntade effekter | Aktiviteter | Ansvarig för genomförande | Ansvarig för rapportering');
    });

    test('the decision details are on the cover and in the running header; English labels', () => {
        const file = out('school.docx');
        expect(vplan(['render', SCHOOL, '-o', file, '--lang', 'en']).code).toBe(0);
        const parts = docx(file);
        expect(paragraphs(parts['word/document.xml'])).toContain('Adopted by Board of Education 2025-12-10 § 42, ref. BUN 2025/17');
        const headers = Object.entries(parts).filter(([n]) => /^word\/header\d+\.xml$/.test(n)).map(([, x]) => paragraphs(x).join(''));
        expect(headers.some(h => h.includes('Operational Plan Education 2026') && h.includes('BUN 2025/17'))).toBe(true);
        expect(tables(parts['word/document.xml']).some(t => t[0][0] === 'Indicator' && t[0].includes('Overarching goal'))).toBe(true);
    });

    test('without -o a Word document is refused with one line, exit 2', () => {
        const r = vplan(['render', OMSORG, '--format', 'docx']);
        expect(r.code).toBe(2);
        expect(r.stdout).toBe('');
        expect(r.stderr).toBe('vplan: --format docx writes a file: give -o <file.docx> or -o <folder>/\n');
    });
});

describe('vplan render --format pdf', () => {
    test('Norsjö 2026: A4, a cover, the title in the running header, "Sida N av M", no blank page, no heading left alone at a page end', () => {
        const file = out('omsorg.pdf');
        const r = vplan(['render', OMSORG, '-o', file, '--lang', 'sv']);
        expect(r.stderr).toBe('');
        expect(r.code).toBe(0);
        const pages = pdfPages(file);
        expect(pages).toBeGreaterThan(5);
        const cover = pageText(file, 1);
        expect(cover).toContain('Verksamhetsplan Omsorg');
        expect(cover.join(' ')).not.toMatch(/Sida \d/);
        const source = readFileSync(OMSORG, 'utf8');
        const headings = new Set([...source.matchAll(/^\s*(?:avsnitt|enhet \w+) "([^"]+)"/gm)].map(m => m[1]));
        for (let p = 2; p <= pages; p++) {
            const lines = pageText(file, p);
            // The contents page lists the headings; it is checked for its footer only.
            if (lines[1] === 'Innehåll') {
                expect(lines.at(-1)).toBe(`Sida ${p} av ${pages}`);
                continue;
            }
            expect(lines[0], `page ${p}`).toBe('Verksamhetsplan Omsorg 2026');
            expect(lines.at(-1), `page ${p}`).toBe(`Sida ${p} av ${pages}`);
            // Something between header and footer: no blank page.
            expect(lines.length, `page ${p}`).toBeGreaterThan(4);
            // The last line of the body is not a section or unit heading.
            expect(headings.has(lines.at(-2)!), `page ${p} ends with the heading ${lines.at(-2)}`).toBe(false);
        }
    }, 120_000);

    test('the decision details on the cover and in the header', () => {
        const file = out('school.pdf');
        expect(vplan(['render', SCHOOL, '--format', 'pdf', '-o', file, '--lang', 'en']).code).toBe(0);
        const pages = pdfPages(file);
        expect(pageText(file, 1).join(' ')).toContain('Adopted by Board of Education 2025-12-10 § 42, ref. BUN 2025/17');
        const second = pageText(file, 2);
        expect(second[0]).toMatch(/^Operational Plan Education 2026\s+Adopted by Board of Education 2025-12-10 § 42, ref\. BUN 2025\/17$/);
        expect(second.at(-1)).toBe(`Page 2 of ${pages}`);
    }, 120_000);

    test('without a browser: one line saying what to install, exit 2, no file', () => {
        const file = out('x.pdf');
        const r = vplan(['render', OMSORG, '-o', file, '--lang', 'sv'], { env: { VPLAN_CHROMIUM: '/nonexistent/chromium' } });
        expect(r.code).toBe(2);
        expect(r.stderr).toBe('vplan: VPLAN_CHROMIUM=/nonexistent/chromium är ingen körbar fil: ange Chromium, Chrome eller Edge\n');
        expect(readdirSync(path.dirname(file))).toEqual([]);
    });
});
