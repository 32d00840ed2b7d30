// Reading the documents vplan writes as their readers do: a .docx unzipped and its XML read, a PDF's
// pages counted and its text read with poppler (pdfinfo, pdftotext).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { expect } from 'vitest';

/** The XML parts of a .docx (and its .rels), by name. */
export function docx(file: string): Record<string, string> {
    const parts = unzipSync(new Uint8Array(readFileSync(file)));
    return Object.fromEntries(Object.entries(parts).filter(([name]) => name.endsWith('.xml') || name.endsWith('.rels')).map(([name, bytes]) => [name, strFromU8(bytes)]));
}

/** The text of the paragraphs of an XML fragment, one string per paragraph. */
export function paragraphs(xml: string): string[] {
    return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map(p => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map(t => t[1]).join(''));
}

/** A PDF's page count, after checking that its pages are A4. */
export function pdfPages(file: string): number {
    const info = spawnSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info.status).toBe(0);
    expect(info.stdout).toMatch(/Page size:\s+59[45](\.\d+)? x 84[12](\.\d+)? pts \(A4\)/);
    return Number(/Pages:\s+(\d+)/.exec(info.stdout)![1]);
}

/** The non-empty lines of one page, trimmed, as laid out. */
export function pageText(file: string, page: number): string[] {
    const r = spawnSync('pdftotext', ['-f', String(page), '-l', String(page), '-layout', file, '-'], { encoding: 'utf8' });
    return r.stdout.split('\n').map(l => l.trim()).filter(Boolean);
}
