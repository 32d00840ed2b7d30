// What a status and a trend *are* and what they are called: the one definition every surface uses
// (hover, inlay hints, diagnostics, the status request, the status bar, the preview, Markdown, the
// CLI). Imports types only, so the VS Code client can bundle it without Langium.
import type { Lang, Localized } from '../i18n/lang.js';

/** The status of an outcome or an indicator. */
export type Status = 'green' | 'yellow' | 'red' | 'no-data' | 'pending' | 'undefined';

/**
 * Every status, worst first: the order lists, tables and legends show them in, and the order that
 * decides which series gives an indicator its status (a known colour beats "cannot be assessed",
 * which beats an outcome still to come).
 */
export const STATUSES: readonly Status[] = ['red', 'yellow', 'undefined', 'green', 'pending', 'no-data'];

/** The colours a band can have, worst first. */
export const COLOR_STATUSES: readonly Status[] = ['red', 'yellow', 'green'];

/** The status's place in STATUSES: lower is worse. */
export function statusRank(status: Status): number {
    const i = STATUSES.indexOf(status);
    return i < 0 ? STATUSES.length : i;
}

/** Whether a status asks for attention: red, yellow, or cannot be assessed (worse than green). */
export function isDeviation(status: Status): status is 'red' | 'yellow' | 'undefined' {
    return statusRank(status) < statusRank('green');
}

/** The status's word, lower case as it reads inside a sentence. */
export const STATUS_WORD: Readonly<Record<Status, Localized>> = {
    green: { sv: 'grön', en: 'green' },
    yellow: { sv: 'gul', en: 'yellow' },
    red: { sv: 'röd', en: 'red' },
    'no-data': { sv: 'ingen uppgift', en: 'no data' },
    pending: { sv: 'väntas', en: 'pending' },
    undefined: { sv: 'kan inte bedömas', en: 'cannot be assessed' }
};

/** Plural forms for counts ("3 gröna"); the same word where the language has no plural of it. */
const STATUS_PLURAL: Readonly<Record<Status, Localized>> = {
    green: { sv: 'gröna', en: 'green' },
    yellow: { sv: 'gula', en: 'yellow' },
    red: { sv: 'röda', en: 'red' },
    'no-data': { sv: 'ingen uppgift', en: 'no data' },
    pending: { sv: 'väntas', en: 'pending' },
    undefined: { sv: 'kan inte bedömas', en: 'cannot be assessed' }
};

/** A coloured mark per status; colour is never the only carrier: the word goes with it. */
export const STATUS_MARK: Readonly<Record<Status, string>> = {
    green: '🟢', yellow: '🟡', red: '🔴', 'no-data': '⚪', pending: '⏳', undefined: '❔'
};

/** The heading over a status column. */
export const STATUS_HEADING: Localized = { sv: 'Måluppfyllelse', en: 'Target fulfilment' };

/** The change between the two latest outcomes, judged by the direction that is better. */
export type Trend = 'improving' | 'worsening' | 'unchanged';

export const TRENDS: readonly Trend[] = ['worsening', 'unchanged', 'improving'];

export const TREND_WORD: Readonly<Record<Trend, Localized>> = {
    improving: { sv: 'förbättras', en: 'improving' },
    worsening: { sv: 'försämras', en: 'worsening' },
    unchanged: { sv: 'oförändrad', en: 'unchanged' }
};

const TREND_PLURAL: Readonly<Record<Trend, Localized>> = {
    improving: { sv: 'förbättras', en: 'improving' },
    worsening: { sv: 'försämras', en: 'worsening' },
    unchanged: { sv: 'oförändrade', en: 'unchanged' }
};

/** A count of trends says better or worse, not up or down: a plus, a minus or an equals sign. */
export const TREND_MARK: Readonly<Record<Trend, string>> = { improving: '+', worsening: '−', unchanged: '=' };

/**
 * Which way the figure behind a trend moved. The arrow follows the value (↘ for a falling
 * sick-leave figure) while the trend's word and colour say whether that is better or worse.
 */
export type Movement = 'up' | 'down' | 'flat';

export const MOVEMENT_ARROW: Readonly<Record<Movement, string>> = { up: '↗', down: '↘', flat: '→' };

/** What a movement is read from: a trend and its series' values (an assessment, a view, one series). */
export interface TrendSource {
    trend?: Trend;
    series: readonly { trend?: Trend; outcomes: readonly { value?: number }[] }[];
}

/**
 * The movement of the series that decides the trend: its last two values. Yes/no series have no
 * values and move as the colour did.
 */
export function trendMovement(source: TrendSource): Movement | undefined {
    if (!source.trend) return undefined;
    const series = source.series.find(s => s.trend === source.trend) ?? source.series[0];
    const values = (series?.outcomes ?? []).filter(o => o.value !== undefined).map(o => o.value!);
    if (values.length >= 2) {
        const [a, b] = values.slice(-2);
        return b > a ? 'up' : b < a ? 'down' : 'flat';
    }
    return source.trend === 'improving' ? 'up' : source.trend === 'worsening' ? 'down' : 'flat';
}

/** The arrow of a trend ('' without one): "↘" beside "förbättras" for a falling sick-leave figure. */
export function movementArrow(source: TrendSource): string {
    const move = trendMovement(source);
    return move ? MOVEMENT_ARROW[move] : '';
}

/** The heading over a trend column. */
export const TREND_HEADING: Localized = { sv: 'Utveckling', en: 'Trend' };

export function statusWord(status: Status, lang: Lang): string {
    return (STATUS_WORD[status] ?? STATUS_WORD.undefined)[lang];
}

/** The word with a capital first letter, for a badge or a column. */
export function statusTitle(status: Status, lang: Lang): string {
    return capitalize(statusWord(status, lang));
}

export function statusMark(status: Status): string {
    return STATUS_MARK[status] ?? STATUS_MARK.undefined;
}

/** "🔴 röd" */
export function statusLabel(status: Status, lang: Lang): string {
    return `${statusMark(status)} ${statusWord(status, lang)}`;
}

export function trendWord(trend: Trend, lang: Lang): string {
    return TREND_WORD[trend]?.[lang] ?? trend;
}

export function trendTitle(trend: Trend, lang: Lang): string {
    return capitalize(trendWord(trend, lang));
}


/** "3 gröna", "1 försämras". */
export function statusCount(kind: Status | Trend, n: number, lang: Lang): string {
    const forms = kind in STATUS_WORD
        ? [STATUS_WORD[kind as Status], STATUS_PLURAL[kind as Status]]
        : [TREND_WORD[kind as Trend], TREND_PLURAL[kind as Trend]];
    return `${n} ${(n === 1 ? forms[0] : forms[1])[lang]}`;
}

/** The statuses a summary shows: the three colours always, the others when some indicator has them. */
export function summaryStatuses(counts: Readonly<Record<Status, number>>): Status[] {
    return STATUSES.filter(s => COLOR_STATUSES.includes(s) || counts[s] > 0);
}

/** "Indikatorer: 1 röd, 2 gula, 5 gröna, 1 väntas": the status bar's words for a screen reader. */
export function countsSummary(counts: Readonly<Record<Status, number>>, lang: Lang): string {
    const noun = lang === 'sv' ? 'Indikatorer' : 'Indicators';
    return `${noun}: ${summaryStatuses(counts).map(s => statusCount(s, counts[s], lang)).join(', ')}`;
}

function capitalize(text: string): string {
    return text.charAt(0).toLocaleUpperCase('sv') + text.slice(1);
}
