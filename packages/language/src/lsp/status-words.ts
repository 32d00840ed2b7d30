import type { Lang } from '../i18n/lang.js';
import { STATUS_WORD } from '../semantics/index.js';

/** The statuses the semantics module assigns, and the trend directions. */
export type StatusName = 'green' | 'yellow' | 'red' | 'no-data' | 'pending' | 'undefined';
export type TrendName = 'improving' | 'worsening' | 'unchanged';

/** A coloured mark for each status: colour is never the only carrier, the word always follows. */
const MARKS: Record<StatusName, string> = {
    green: '🟢', yellow: '🟡', red: '🔴', 'no-data': '⚪', pending: '⏳', undefined: '❔'
};

const TREND_ARROWS: Record<TrendName, string> = { improving: '↑', worsening: '↓', unchanged: '→' };
const TREND_WORDS: Record<TrendName, Record<Lang, string>> = {
    improving: { sv: 'förbättras', en: 'improving' },
    worsening: { sv: 'försämras', en: 'worsening' },
    unchanged: { sv: 'oförändrad', en: 'unchanged' }
};

export function statusMark(status: StatusName): string {
    return MARKS[status] ?? '❔';
}

export function statusWord(status: StatusName, lang: Lang): string {
    return STATUS_WORD[status]?.[lang] ?? status;
}

/** "🔴 röd" */
export function statusLabel(status: StatusName, lang: Lang): string {
    return `${statusMark(status)} ${statusWord(status, lang)}`;
}

export function trendArrow(trend: TrendName | undefined): string {
    return trend ? TREND_ARROWS[trend] ?? '' : '';
}

export function trendWord(trend: TrendName, lang: Lang): string {
    return TREND_WORDS[trend]?.[lang] ?? trend;
}
