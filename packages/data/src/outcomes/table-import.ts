// Outcomes from a table (a spreadsheet from HR, the patient-safety report, the citizen survey):
// columns indicator (id or exact title), period and value; each row matched to an indicator of the
// plan, and the planner asked for the minimal edits, exactly as for Kolada. Rows that match nothing
// are reported with the nearest indicator, and none of the table is written while any row is wrong.
import { AstUtils, type LangiumDocument } from 'langium';
import { closestName, isIndicator, parseNumber, parsePeriod, type Document, type Indicator, type Localized } from '@vplan/language';
import { hasSeries, planIndicatorOutcomes, type Figure, type OutcomeChange } from './planner.js';
import type { Cell, Table } from '../tables/read-table.js';

/** Header words per column, Swedish and English, lower case. */
const HEADERS = {
    indicator: ['indikator', 'indicator', 'id', 'indikator-id', 'indicator id', 'mått', 'measure'],
    period: ['period', 'år', 'year', 'tid'],
    value: ['värde', 'value', 'utfall', 'outcome', 'resultat', 'result']
} as const;

export interface RowProblem {
    /** 1-based row number as the spreadsheet shows it. */
    row: number;
    message: Localized;
}

export interface TableImport {
    changes: OutcomeChange[];
    problems: RowProblem[];
    /** Rows matched to an indicator. */
    matched: number;
}

export function importTable(document: LangiumDocument<Document>, table: Table): TableImport {
    const problems: RowProblem[] = [];
    const rows = table.rows;
    const headerAt = rows.findIndex(r => r.some(c => c !== null && String(c).trim() !== ''));
    const header = headerAt >= 0 ? rows[headerAt].map(c => (c === null ? '' : String(c).trim().toLowerCase())) : [];
    const column = (names: readonly string[]) => header.findIndex(h => names.includes(h));
    const cols = { indicator: column(HEADERS.indicator), period: column(HEADERS.period), value: column(HEADERS.value) };
    if (cols.indicator < 0 || cols.period < 0 || cols.value < 0) {
        return {
            changes: [], matched: 0, problems: [{
                row: headerAt + 1,
                message: {
                    sv: 'tabellen behöver en rubrikrad med kolumnerna indikator, period och värde',
                    en: 'the table needs a header row with the columns indicator, period and value'
                }
            }]
        };
    }
    const indicators = AstUtils.streamAllContents(document.parseResult.value).filter(isIndicator).toArray();
    const byId = new Map(indicators.map(i => [i.name, i]));
    const byTitle = new Map<string, Indicator[]>();
    for (const i of indicators) {
        const key = normalTitle(i.title ?? '');
        byTitle.set(key, [...(byTitle.get(key) ?? []), i]);
    }
    const wanted = new Map<Indicator, Map<string, { figure: Figure; row: number }>>();
    let matched = 0;
    for (let r = headerAt + 1; r < rows.length; r++) {
        const row = rows[r];
        const rowNo = r + 1;
        const name = cellText(row[cols.indicator]);
        const periodCell = row[cols.period];
        const valueCell = row[cols.value];
        if (!name && cellText(periodCell) === '' && cellText(valueCell) === '') continue;
        const problem = (sv: string, en: string) => problems.push({ row: rowNo, message: { sv, en } });
        const indicator = byId.get(name) ?? single(byTitle.get(normalTitle(name)));
        if (!indicator) {
            if (byTitle.get(normalTitle(name))?.length) {
                problem(`"${name}" är titeln på flera indikatorer; skriv id:t`, `"${name}" is the title of several indicators; write the id`);
                continue;
            }
            const near = nearest(name, indicators);
            const hint = near ? { sv: ` — menade du ${near.name} "${near.title}"?`, en: ` — did you mean ${near.name} "${near.title}"?` } : { sv: '', en: '' };
            problem(`ingen indikator "${name}" i planen${hint.sv}`, `no indicator "${name}" in the plan${hint.en}`);
            continue;
        }
        if (hasSeries(indicator)) {
            problem(`indikatorn ${indicator.name} har serier; tabellens totaler skrivs inte in i den`, `indicator ${indicator.name} has series; the table's totals are not written into it`);
            continue;
        }
        const period = periodOf(periodCell);
        if (!period) {
            problem(`"${cellText(periodCell)}" är ingen period (2025, 2025-T1, 2025-03 …)`, `"${cellText(periodCell)}" is not a period (2025, 2025-T1, 2025-03 …)`);
            continue;
        }
        const figure = figureOf(valueCell);
        if (!figure) {
            problem(`"${cellText(valueCell)}" är inget värde (ett tal med decimalkomma eller -punkt, eller iu)`, `"${cellText(valueCell)}" is not a value (a number with a decimal comma or point, or iu)`);
            continue;
        }
        const forIndicator = wanted.get(indicator) ?? new Map<string, { figure: Figure; row: number }>();
        const earlier = forIndicator.get(period);
        if (earlier && !sameFigure(earlier.figure, figure)) {
            problem(`${indicator.name} ${period} har redan ett annat värde på rad ${earlier.row}`, `${indicator.name} ${period} already has another value in row ${earlier.row}`);
            continue;
        }
        forIndicator.set(period, { figure, row: rowNo });
        wanted.set(indicator, forIndicator);
        matched++;
    }
    const text = document.textDocument.getText();
    const changes: OutcomeChange[] = [];
    for (const [indicator, figures] of wanted) {
        changes.push(...planIndicatorOutcomes(indicator, text, new Map([...figures].map(([p, f]) => [p, f.figure])), { precision: 'source' }));
    }
    changes.sort((a, b) => a.edit.start - b.edit.start);
    return { changes, problems, matched };
}

function single<T>(list: T[] | undefined): T | undefined {
    return list?.length === 1 ? list[0] : undefined;
}

function normalTitle(text: string): string {
    return text.replace(/\s+/g, ' ').trim().toLocaleLowerCase('sv');
}

function cellText(cell: Cell | undefined): string {
    if (cell === null || cell === undefined) return '';
    if (cell instanceof Date) return cell.toISOString().slice(0, 10);
    return String(cell).trim();
}

/** The nearest indicator by id or by title, when close enough to be a typo. */
function nearest(written: string, indicators: Indicator[]): Indicator | undefined {
    const byName = closestName(written, indicators.map(i => i.name));
    if (byName) return indicators.find(i => i.name === byName);
    const titles = new Map(indicators.map(i => [normalTitle(i.title ?? ''), i]));
    const byTitle = closestName(normalTitle(written), titles.keys());
    return byTitle ? titles.get(byTitle) : undefined;
}

/** 2025 (a number cell or text), 2025-T1, 2025-03; a date cell is its month. */
function periodOf(cell: Cell | undefined): string | undefined {
    if (typeof cell === 'number') return Number.isInteger(cell) && parsePeriod(String(cell)) ? String(cell) : undefined;
    if (cell instanceof Date) return cell.toISOString().slice(0, 7);
    const text = cellText(cell).toUpperCase();
    return text && parsePeriod(text) ? text : undefined;
}

/** A number cell, a number written with a decimal comma or point (a trailing % allowed), or iu / no data. */
function figureOf(cell: Cell | undefined): Figure | undefined {
    if (typeof cell === 'number') return Number.isFinite(cell) ? { kind: 'number', value: cell } : undefined;
    const text = cellText(cell);
    if (/^(iu|i\.u\.|no-data|no data|n\/a)$/i.test(text)) return { kind: 'no-data' };
    const n = parseNumber(text.replace(/\s*%$/, ''));
    return n ? { kind: 'number', value: n.value } : undefined;
}

function sameFigure(a: Figure, b: Figure): boolean {
    return a.kind === b.kind && (a.kind === 'no-data' || (b.kind === 'number' && a.value === b.value));
}
