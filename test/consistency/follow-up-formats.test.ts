// One truth across the follow-up report's four formats: for examples/uppfoljning at T1 and T2, the
// HTML page, the Markdown, the Word document and the PDF (each written by `vplan render --period` run
// as a process, each read as its reader reads it) give every indicator the status that
// `vplan status --period --format json` gives it, and list the deviations in the same order.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { STATUSES, statusTitle, type Status } from '@vplan/language';
import { ensureBuilt, vplan } from '../../packages/cli/test/helpers.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FOLDER = path.join(ROOT, 'examples/uppfoljning');
const PLAN = path.join(FOLDER, 'omsorg-2026.vplan');
/** The report's status words (Swedish plan) back to the status they stand for. */
const BY_WORD = new Map(STATUSES.map(s => [statusTitle(s, 'sv'), s] as const));
const WORDS = [...BY_WORD.keys()].sort((a, b) => b.length - a.length).join('|');

interface Truth { title: string; status: Status }

let tmp: string;
beforeAll(() => {
    ensureBuilt();
    tmp = mkdtempSync(path.join(tmpdir(), 'vplan-fu-formats-'));
}, 240_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function rendered(period: string, format: string): string {
    const file = path.join(tmp, `${period}.${format}`);
    const r = vplan(['render', PLAN, '--period', period, '--as-of', '2026-09-01', '-o', file]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    return file;
}

function between(text: string, from: string, to: string): string {
    const start = text.indexOf(from);
    expect(start, from).toBeGreaterThan(-1);
    const end = text.indexOf(to, start);
    return text.slice(start, end < 0 ? undefined : end);
}

/** Titles in the order they first appear in a text. */
function order(text: string, titles: string[]): string[] {
    return titles.filter(t => text.includes(t)).sort((a, b) => text.indexOf(a) - text.indexOf(b));
}

const fromHtml = (file: string) => {
    const html = readFileSync(file, 'utf8');
    const table = between(html, 'class="per-unit"', 'class="activities-by-progress"');
    const statuses = new Map([...table.matchAll(/<tr data-indicator="\w+" data-status="([\w-]+)"><th scope="row">([^<]+)<\/th>/g)].map(m => [m[2], m[1] as Status]));
    return { statuses, deviations: between(html, 'id="avvikelser"', 'id="maluppfyllelse"') };
};

const fromMarkdown = (file: string) => {
    const md = readFileSync(file, 'utf8');
    const table = between(md, '## Indikatorer per enhet', '## Aktiviteter och uppdrag');
    const statuses = new Map([...table.matchAll(new RegExp(`^\\| ([^|]+?) \\| [^|]* \\| \\S+ (${WORDS}) \\|`, 'gm'))].map(m => [m[1], BY_WORD.get(m[2])!]));
    return { statuses, deviations: between(md, '## Avvikelser', '## Måluppfyllelse') };
};

const fromDocx = (file: string) => {
    const xml = strFromU8(unzipSync(new Uint8Array(readFileSync(file)))['word/document.xml']);
    const cellText = (c: string) => [...c.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map(t => t[1]).join('');
    const statuses = new Map<string, Status>();
    for (const t of xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)) {
        const rows = [...t[0].matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map(r => [...r[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map(c => cellText(c[0])));
        if (rows[0]?.join('|') !== 'Indikator|Utfall|Status|Utveckling|Analys') continue;
        for (const row of rows.slice(1)) statuses.set(row[0], BY_WORD.get(row[2])!);
    }
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map(t => t[1]).join('\n');
    // After the contents field, which lists the headings too.
    const body = text.slice(text.lastIndexOf('Avvikelser'));
    return { statuses, deviations: between(body, 'Avvikelser', 'Måluppfyllelse') };
};

/** The PDF's text: a table row starts with the first word of its indicator's title and carries the status word. */
const fromPdf = (file: string, truth: Truth[]) => {
    const r = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    const text = r.stdout;
    const lines = between(text, 'Indikatorer per enhet', 'Aktiviteter och uppdrag').split('\n').map(l => l.trim());
    const statuses = new Map<string, Status>();
    let from = 0;
    for (const { title } of truth) {
        const first = title.split(' ')[0];
        const i = lines.findIndex((l, k) => k >= from && l.startsWith(`${first} `) && new RegExp(`\\s(${WORDS})(?:\\s|$)`).test(l));
        if (i < 0) continue;
        statuses.set(title, BY_WORD.get(new RegExp(`\\s(${WORDS})(?:\\s|$)`).exec(lines[i])![1])!);
        from = i + 1;
    }
    // The deviations' headings: the first line of each title, in the order they come.
    const deviations = between(text.slice(text.indexOf('Avvikelser')), 'Avvikelser', 'Måluppfyllelse').replace(/\s+/g, ' ');
    return { statuses, deviations };
};

describe('the follow-up report says the same in HTML, Markdown, Word and PDF', () => {
    for (const period of ['T1', 'T2']) {
        test(`examples/uppfoljning at ${period}: each indicator's status, and the deviations' order`, () => {
            const r = vplan(['status', FOLDER, '--period', period, '--format', 'json']);
            expect(r.code).toBe(0);
            const truth: Truth[] = (JSON.parse(r.stdout) as { plans: { indicators: Truth[] }[] }).plans[0].indicators;
            expect(truth.length).toBe(4);
            const expected = new Map(truth.map(t => [t.title, t.status]));
            const deviations = truth.filter(t => ['red', 'yellow', 'undefined'].includes(t.status))
                .sort((a, b) => STATUSES.indexOf(a.status) - STATUSES.indexOf(b.status)).map(t => t.title);
            expect(deviations.length).toBeGreaterThan(0);
            const formats = {
                html: fromHtml(rendered(period, 'html')),
                md: fromMarkdown(rendered(period, 'md')),
                docx: fromDocx(rendered(period, 'docx')),
                pdf: fromPdf(rendered(period, 'pdf'), truth)
            };
            for (const [format, found] of Object.entries(formats)) {
                expect(found.statuses, `${format} at ${period}`).toEqual(expected);
                const titles = truth.map(t => format === 'pdf' ? t.title.split(' ').slice(0, 2).join(' ') : t.title);
                const wanted = deviations.map(d => format === 'pdf' ? d.split(' ').slice(0, 2).join(' ') : d);
                expect(order(found.deviations, titles), `${format} deviations at ${period}`).toEqual(wanted);
            }
        }, 180_000);
    }
});
