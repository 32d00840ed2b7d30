import type { Lang, Localized } from '../i18n/lang.js';

/** A number as the author wrote it: its value and how many decimals were written. */
export interface ParsedNumber {
    value: number;
    decimals: number;
}

/**
 * Reads a number as plans write it: decimal comma or point ("7,06", "7.06"), spaces grouping
 * thousands ("1 330"), a minus sign ("-5", also the typographic "−"). Anything else is undefined.
 */
export function parseNumber(text: string): ParsedNumber | undefined {
    // Plans repeat the same few numbers thousands of times.
    const known = memo.get(text);
    if (known !== undefined || memo.has(text)) return known;
    const parsed = readNumber(text);
    if (memo.size >= 10_000) memo.clear();
    memo.set(text, parsed);
    return parsed;
}

const memo = new Map<string, ParsedNumber | undefined>();

function readNumber(text: string): ParsedNumber | undefined {
    // A minus sign or an en dash (escaped: the CLI's bundle stays ASCII, see esbuild.mjs).
    const trimmed = text.trim().replace(/^[\u2212\u2013]/, '-');
    // Spaces only group thousands: "1 330", not "7 ,06".
    const match = /^(-?)(\d{1,3}(?:[ \u00A0\u202F]\d{3})+|\d+)(?:[.,](\d+))?$/.exec(trimmed);
    if (!match) return undefined;
    const decimals = match[3]?.length ?? 0;
    const value = Number(`${match[1]}${match[2].replace(/[ \u00A0\u202F]/g, '')}${match[3] ? '.' + match[3] : ''}`);
    if (!Number.isFinite(value)) return undefined;
    // -0 would print as "-0"
    return Object.freeze({ value: value === 0 ? 0 : value, decimals });
}

/** A number for a reader: decimal comma and space-grouped thousands in Swedish, a point in English. */
export function formatNumber(value: number, decimals: number, lang: Lang): string {
    const fixed = Math.abs(value).toFixed(Math.max(0, Math.min(decimals, 10)));
    const [int, frac] = fixed.split('.');
    const grouped = int.length > 4 || (lang === 'sv' && int.length > 3)
        ? int.replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'sv' ? '\u00A0' : ',')
        : int;
    const sign = value < 0 && Number(fixed) !== 0 ? '-' : '';
    return sign + grouped + (frac ? (lang === 'sv' ? ',' : '.') + frac : '');
}

/** The same number in both languages. */
export function localizedNumber(value: number, decimals: number): Localized {
    return { sv: formatNumber(value, decimals, 'sv'), en: formatNumber(value, decimals, 'en') };
}

/** Value in units of the precision (7,06 at 2 decimals → 706), tolerant of binary rounding. */
export function toUnits(value: number, decimals: number): number {
    return value * Math.pow(10, decimals);
}

const EPSILON = 1e-7;

/** The smallest multiple of 10^-decimals strictly above (or, when !strict, at or above) value. */
export function gridAbove(value: number, decimals: number, strict: boolean): number {
    const u = toUnits(value, decimals);
    return strict ? Math.floor(u + EPSILON) + 1 : Math.ceil(u - EPSILON);
}

/** The largest multiple of 10^-decimals strictly below (or, when !strict, at or below) value. */
export function gridBelow(value: number, decimals: number, strict: boolean): number {
    const u = toUnits(value, decimals);
    return strict ? Math.ceil(u - EPSILON) - 1 : Math.floor(u + EPSILON);
}

export function fromUnits(units: number, decimals: number): number {
    return Number((units / Math.pow(10, decimals)).toFixed(decimals));
}
