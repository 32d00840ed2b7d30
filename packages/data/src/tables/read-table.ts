// A spreadsheet or CSV file as rows of cells. Reading the formats is the libraries' job:
// read-excel-file for .xlsx (maintained, pure JavaScript, reads a file or buffer into sheets of
// typed cells) and csv-parse for .csv (the csv project's parser: quotes, BOM, line endings).
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import readXlsxFile from 'read-excel-file/node';
import type { Localized } from '@vplan/language';

export type Cell = string | number | boolean | Date | null;

export interface Table {
    /** The sheet read (.xlsx), or undefined for CSV. */
    sheet?: string;
    rows: Cell[][];
}

/** A table that cannot be read: the reason, in Swedish and English. */
export class TableError extends Error {
    constructor(readonly file: string, readonly reason: Localized) {
        super(`${file}: ${reason.en}`);
    }
}

export async function readTable(file: string, options: { sheet?: string } = {}): Promise<Table> {
    const ext = path.extname(file).toLowerCase();
    if (ext === '.csv' || ext === '.tsv' || ext === '.txt') {
        if (options.sheet !== undefined) throw new TableError(file, { sv: '--sheet gäller bara .xlsx-filer', en: '--sheet applies to .xlsx files only' });
        return { rows: csvRows(file, await fs.readFile(file, 'utf8')) };
    }
    if (ext === '.xlsx') return xlsxTable(file, options.sheet);
    throw new TableError(file, { sv: 'okänt filformat (läser .xlsx och .csv)', en: 'unknown file format (reads .xlsx and .csv)' });
}

/** CSV as Swedish spreadsheets save it (semicolons, decimal commas) or as the rest of the world does. */
export function csvRows(file: string, text: string): Cell[][] {
    const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
    const delimiter = [';', '\t', ','].find(d => firstLine.includes(d)) ?? ',';
    try {
        return parseCsv(text, { delimiter, bom: true, relax_column_count: true, skip_empty_lines: true, trim: true }) as string[][];
    } catch (err) {
        const e = err as { message?: string; lines?: number };
        const where = e.lines ? { sv: `rad ${e.lines}: `, en: `line ${e.lines}: ` } : { sv: '', en: '' };
        const detail = (e.message ?? String(err)).split('\n')[0];
        throw new TableError(file, { sv: `${where.sv}kan inte läsas som CSV (${detail})`, en: `${where.en}cannot be read as CSV (${detail})` });
    }
}

async function xlsxTable(file: string, sheet: string | undefined): Promise<Table> {
    const bytes = await fs.readFile(file); // a missing file is the caller's input problem, not a format error
    let sheets: { sheet: string; data: Cell[][] }[];
    try {
        sheets = (await readXlsxFile(bytes)) as unknown as { sheet: string; data: Cell[][] }[];
    } catch (err) {
        const detail = (err as Error)?.message?.split('\n')[0] ?? String(err);
        throw new TableError(file, { sv: `kan inte läsas som .xlsx (${detail})`, en: `cannot be read as .xlsx (${detail})` });
    }
    if (sheets.length === 0) throw new TableError(file, { sv: 'arbetsboken har inga blad', en: 'the workbook has no sheets' });
    if (sheet === undefined) return { sheet: sheets[0].sheet, rows: sheets[0].data };
    const n = /^\d+$/.test(sheet) ? Number(sheet) : NaN;
    const found = sheets.find(s => s.sheet === sheet) ?? (n >= 1 && n <= sheets.length ? sheets[n - 1] : undefined);
    if (!found) {
        const names = sheets.map(s => `"${s.sheet}"`).join(', ');
        throw new TableError(file, { sv: `inget blad "${sheet}" (bladen: ${names})`, en: `no sheet "${sheet}" (sheets: ${names})` });
    }
    return { sheet: found.sheet, rows: found.data };
}
