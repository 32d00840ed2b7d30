/** A period an outcome is reported for: a year, a tertial, a quarter, a half-year or a month. */
export interface ParsedPeriod {
    text: string;
    year: number;
    /** 'year' for a whole year, else the kind of sub-period. */
    kind: 'year' | 'tertial' | 'quarter' | 'half' | 'month' | 'interim';
    /** Number of the sub-period within the year (T2 → 2, 2025-03 → 3); 0 for a year. */
    index: number;
    /** Month (1–12) in which the period ends: what orders periods in time. */
    endMonth: number;
}

const memo = new Map<string, ParsedPeriod | undefined>();

/** Reads '2025', '2025-T1', '2025-Q2', '2025-H1', '2025-03'. */
export function parsePeriod(text: string): ParsedPeriod | undefined {
    const known = memo.get(text);
    if (known !== undefined || memo.has(text)) return known;
    const parsed = readPeriod(text);
    if (memo.size >= 10_000) memo.clear();
    memo.set(text, parsed ? Object.freeze(parsed) : undefined);
    return parsed;
}

function readPeriod(text: string): ParsedPeriod | undefined {
    const t = text.trim();
    let m = /^(\d{4})$/.exec(t);
    if (m) return { text: t, year: Number(m[1]), kind: 'year', index: 0, endMonth: 12 };
    m = /^(\d{4})-([TQH])(\d)$/.exec(t);
    if (m) {
        const index = Number(m[3]);
        const kind = m[2] === 'T' ? 'tertial' : m[2] === 'Q' ? 'quarter' : 'half';
        const months = kind === 'tertial' ? 4 : kind === 'quarter' ? 3 : 6;
        const count = 12 / months;
        if (index < 1 || index > count) return undefined;
        return { text: t, year: Number(m[1]), kind, index, endMonth: index * months };
    }
    // The interim report (delår) of a plan's follow-up: up to August, as municipalities close it.
    m = /^(\d{4})-interim$/.exec(t);
    if (m) return { text: t, year: Number(m[1]), kind: 'interim', index: 0, endMonth: 8 };
    m = /^(\d{4})-(\d{2})$/.exec(t);
    if (m) {
        const month = Number(m[2]);
        if (month < 1 || month > 12) return undefined;
        return { text: t, year: Number(m[1]), kind: 'month', index: month, endMonth: month };
    }
    return undefined;
}

/** A number that orders periods in time; a whole year comes after its sub-periods. */
export function periodOrder(period: ParsedPeriod): number {
    return period.year * 1000 + period.endMonth * 10 + (period.kind === 'year' ? 5 : period.kind === 'month' ? 0 : period.kind === 'interim' ? 2 : 1);
}

export function comparePeriods(a: string, b: string): number {
    const pa = parsePeriod(a);
    const pb = parsePeriod(b);
    if (!pa || !pb) return (pa ? 1 : 0) - (pb ? 1 : 0) || a.localeCompare(b);
    return periodOrder(pa) - periodOrder(pb);
}
