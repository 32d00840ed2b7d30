import {
    isAnswerValue, isBaseline, isColorValue, isComparison, isNoData, isNumberValue, isOutcome, isPending, type Baseline, type Indicator,
    type Outcome
} from '../generated/ast.js';
import type { Localized } from '../i18n/lang.js';
import { localizedNumber, parseNumber } from './numbers.js';
import { comparePeriods } from './periods.js';
import { outcomeOutOfScale, scaleText } from './scale.js';
import {
    bandText, bandsText, contains, isEmpty, readThresholds, restatedIndicator, type BetterDirection, type BandColor,
    type IndicatorThresholds, type NormalBand, type SeriesThresholds
} from './thresholds.js';
import { trendBetween, trendByRank } from './trend.js';
import { STATUS_WORD, STATUSES, statusRank, type Status, type Trend } from './vocabulary.js';

export interface OutcomeAssessment {
    outcome: Outcome;
    /** As written: '2025', '2025-T1'. */
    period: string;
    series?: string;
    /** The value as written: '7,06', 'iu', 'ja', '93 %'. */
    display: string;
    /** The year (period) the figure is for when the plan says so: `utfall 2025: 73 (2024)` → '2024'. */
    refersTo?: string;
    /** The value as every surface shows it: with its year annotation, '73 (2024)'. */
    shown: string;
    /** The period the figure is for (the annotation, else the period): what trends and charts place it at. */
    dataPeriod: string;
    value?: number;
    status: Status;
    reason: Localized;
    /** The band the value falls in, when exactly one. */
    band?: NormalBand;
    /** Bands the value falls in when it is in more than one. */
    bands?: NormalBand[];
    /** Why it cannot be assessed: in a gap between bands, in two bands, outside every band… */
    undefinedBecause?: 'gap' | 'two-bands' | 'outside' | 'out-of-scale' | 'no-thresholds' | 'no-series' | 'wrong-kind' | 'contradictory';
    /** For relative-change thresholds: the change in % and what it was measured from. */
    change?: { percent: number; from: number; fromPeriod?: string };
}

export interface SeriesAssessment {
    series?: string;
    seriesTitle?: string;
    /** Chronological. */
    outcomes: OutcomeAssessment[];
    latest?: OutcomeAssessment;
    trend?: Trend;
    bandsText: Localized;
    thresholds?: SeriesThresholds;
}

export interface IndicatorAssessment {
    indicator: Indicator;
    /** The latest outcome's status, the worst across series. */
    status: Status;
    /** The outcome that decides the status (the latest of the worst series). */
    latest?: OutcomeAssessment;
    reason: Localized;
    trend?: Trend;
    series: SeriesAssessment[];
    thresholds: IndicatorThresholds;
}

export interface StatusCounts {
    green: number;
    yellow: number;
    red: number;
    'no-data': number;
    pending: number;
    undefined: number;
}

const COLOR_RANK: Record<BandColor, number> = { green: 0, yellow: 1, red: 2 };

const NO_DATA_REASON: Record<string, Localized> = {
    iu: { sv: 'Ingen uppgift (iu)', en: 'No data (iu)' },
    '-': { sv: 'Uppgift saknas (-)', en: 'Data missing (-)' },
    '.': { sv: 'Uppgiften är inte tillämplig (.)', en: 'Not applicable (.)' },
    '..': { sv: 'Uppgiften är skyddad eller för osäker (..)', en: 'Data suppressed (..)' }
};

export function countStatuses(assessments: Iterable<IndicatorAssessment>): StatusCounts {
    // Keys worst first, as every list shows them.
    const counts = Object.fromEntries(STATUSES.map(s => [s, 0])) as unknown as StatusCounts;
    for (const a of assessments) counts[a.status]++;
    return counts;
}

/**
 * A text made when first read: validation reads statuses of thousands of outcomes but the words of
 * few, so numbers and bands are formatted only for what is shown.
 */
export function lazyText(make: () => Localized): Localized {
    return new LazyText(make);
}

class LazyText implements Localized {
    private made: Localized | undefined;
    constructor(private readonly make: () => Localized) {}
    get sv(): string { return (this.made ??= this.make()).sv; }
    get en(): string { return (this.made ??= this.make()).en; }
    toJSON(): Localized { return { sv: this.sv, en: this.en }; }
}

// ------------------------------------------------------------------ cache

interface Cached {
    /** Every indicator the assessment read, in the order of the restatement chain. */
    chain: Indicator[];
    result: IndicatorAssessment;
}

const cache = new WeakMap<Indicator, Cached>();

/**
 * The indicators an assessment reads: the indicator and every indicator along its restatement
 * chain (A restates B restates C: bands and outcomes may come from any of them).
 */
export function restatementChain(indicator: Indicator): Indicator[] {
    const chain = [indicator];
    for (let next = restatedIndicator(indicator); next && !chain.includes(next); next = restatedIndicator(next)) chain.push(next);
    return chain;
}

/**
 * Status, trend and reason of an indicator and each of its series. Pure; cached per AST node and
 * keyed on the whole restatement chain: a re-parse gives new nodes, so an edit anywhere along the
 * chain (another file's bands two steps away) gives a new key and a fresh assessment.
 */
export function assessIndicator(indicator: Indicator): IndicatorAssessment {
    const chain = restatementChain(indicator);
    const hit = cache.get(indicator);
    if (hit && sameChain(hit.chain, chain)) return hit.result;
    const result = computeAssessment(indicator);
    cache.set(indicator, { chain, result });
    return result;
}

function sameChain(a: readonly Indicator[], b: readonly Indicator[]): boolean {
    return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** The threshold model of an indicator (the same one the assessment uses). */
export function thresholdsOf(indicator: Indicator): IndicatorThresholds {
    return assessIndicator(indicator).thresholds;
}

// ------------------------------------------------------------------ computing

function seriesName(ref: { ref?: { name: string }; $refText?: string } | undefined): string | undefined {
    if (!ref) return undefined;
    return ref.ref?.name ?? ref.$refText;
}

function displayOf(outcome: Outcome | Baseline): string {
    const text = outcome.value?.$cstNode?.text;
    return (text ?? '').replace(/\s+/g, ' ').trim();
}

function numericValue(o: Outcome | Baseline): { value: number; decimals: number; unit?: string } | undefined {
    if (!isNumberValue(o.value)) return undefined;
    const n = parseNumber(o.value.value?.value ?? '');
    return n ? { ...n, unit: o.value.value.unit } : undefined;
}

function computeAssessment(indicator: Indicator): IndicatorAssessment {
    const thresholds = readThresholds(indicator);
    const ownOutcomes = (indicator.members ?? []).filter(isOutcome);
    const source = ownOutcomes.length === 0 && thresholds.bandsFrom !== indicator ? thresholds.bandsFrom : indicator;
    const outcomes = (source === indicator ? ownOutcomes : (source.members ?? []).filter(isOutcome))
        .slice()
        .sort((a, b) => comparePeriods(a.period ?? '', b.period ?? ''));
    const baselines = [...(indicator.members ?? []), ...(thresholds.bandsFrom.members ?? [])].filter(isBaseline);

    // Series: those with thresholds, then those only outcomes name.
    const keys: (string | undefined)[] = thresholds.series.map(s => s.series);
    for (const o of outcomes) {
        const s = seriesName(o.series);
        if (!keys.includes(s)) keys.push(s);
    }
    if (keys.length === 0) keys.push(undefined);
    // An outcome of a named series without bands of its own takes the indicator's common bands, never
    // those of another series (the bands of "htj" say nothing about "sabo"); an outcome that names no
    // series takes the only series there is.
    const modelFor = (key: string | undefined): SeriesThresholds | undefined =>
        thresholds.series.find(s => s.series === key)
        ?? (key !== undefined ? thresholds.series.find(s => s.series === undefined) : undefined)
        ?? (key === undefined && thresholds.series.length === 1 ? thresholds.series[0] : undefined);
    const unnamedHasBands = thresholds.series.some(s => s.series === undefined && s.bands.length > 0);

    const series: SeriesAssessment[] = [];
    for (const key of keys) {
        const model = modelFor(key);
        const mine = outcomes.filter(o => seriesName(o.series) === key);
        if (key === undefined && mine.length === 0 && keys.length > 1 && !unnamedHasBands) continue;
        const base = baselines.find(b => seriesName(b.series) === key) ?? baselines.find(b => !b.series);
        const assessed: OutcomeAssessment[] = [];
        let previous: { value: number; period: string } | undefined;
        for (const o of mine) {
            const a = assessOutcome(o, key, model, thresholds, previous, base);
            assessed.push(a);
            if (a.value !== undefined) previous = { value: a.value, period: a.period };
        }
        const decl = model?.seriesDecl ?? (indicator.members ?? []).find(m => m.$type === 'SeriesDecl' && (m as { name?: string }).name === key) as { title?: string } | undefined;
        series.push({
            series: key,
            seriesTitle: decl?.title ?? key,
            outcomes: assessed,
            latest: assessed[assessed.length - 1],
            trend: seriesTrend(assessed, model, thresholds),
            bandsText: model ? lazyText(() => bandsText(model)) : { sv: 'inga gränsvärden', en: 'no thresholds' },
            thresholds: model
        });
    }

    const withLatest = series.filter(s => s.latest);
    if (withLatest.length === 0) {
        return {
            indicator, status: 'no-data', thresholds, series,
            reason: { sv: 'Inget utfall ännu', en: 'No outcome yet' }
        };
    }
    const worst = withLatest.reduce((w, s) => (statusRank(s.latest!.status) < statusRank(w.latest!.status) ? s : w));
    const latest = worst.latest!;
    const prefix = withLatest.length > 1 && worst.seriesTitle
        ? { sv: `${worst.seriesTitle}: `, en: `${worst.seriesTitle}: ` } : { sv: '', en: '' };
    const when = latest.refersTo
        ? { sv: `${latest.period}, avser ${latest.refersTo}`, en: `${latest.period}, for ${latest.refersTo}` }
        : { sv: latest.period, en: latest.period };
    return {
        indicator, status: latest.status, latest, thresholds, series, trend: worst.trend,
        reason: lazyText(() => ({ sv: `${prefix.sv}${latest.reason.sv} (${when.sv})`, en: `${prefix.en}${latest.reason.en} (${when.en})` }))
    };
}

function assessOutcome(
    outcome: Outcome, series: string | undefined, model: SeriesThresholds | undefined, thresholds: IndicatorThresholds,
    previous: { value: number; period: string } | undefined, baseline: Baseline | undefined
): OutcomeAssessment {
    const display = displayOf(outcome);
    const refersTo = outcome.refersTo || undefined;
    const base = {
        outcome, period: outcome.period ?? '', series, display, refersTo,
        shown: refersTo ? `${display} (${refersTo})` : display,
        dataPeriod: refersTo ?? outcome.period ?? ''
    };
    const v = outcome.value;
    if (isNoData(v)) {
        return { ...base, status: 'no-data', reason: NO_DATA_REASON[v.mark as string] ?? NO_DATA_REASON.iu };
    }
    if (isPending(v)) {
        const week = v.week?.number;
        return {
            ...base, status: 'pending',
            reason: week ? { sv: `Utfallet väntas v ${week}`, en: `Outcome expected week ${week}` } : { sv: 'Utfallet väntas', en: 'Outcome pending' }
        };
    }
    if (isColorValue(v)) {
        const color = v.color as BandColor;
        const word = STATUS_WORD[color] ?? STATUS_WORD.undefined;
        return { ...base, status: color, reason: { sv: `Angiven som ${word.sv} i planen`, en: `Stated as ${word.en} in the plan` } };
    }
    if (!model || model.bands.length === 0) {
        const numeric = numericValue(outcome);
        const noSeries = thresholds.series.some(s => s.bands.length > 0);
        return {
            ...base, value: numeric?.value, status: 'undefined', undefinedBecause: noSeries ? 'no-series' : 'no-thresholds',
            reason: noSeries
                ? { sv: 'Utfallet anger ingen serie som har gränsvärden och kan inte bedömas', en: 'The outcome names no series with thresholds and cannot be assessed' }
                : { sv: 'Indikatorn saknar gränsvärden; utfallet kan inte bedömas', en: 'The indicator has no thresholds; the outcome cannot be assessed' }
        };
    }
    if (isAnswerValue(v)) {
        const answer = (v.answer as string) === 'no' ? 'no' : 'yes';
        const word = answer === 'no' ? { sv: 'nej', en: 'no' } : { sv: 'ja', en: 'yes' };
        if (model.kind !== 'yes-no') {
            return {
                ...base, status: 'undefined', undefinedBecause: 'wrong-kind',
                reason: { sv: `Svaret ${word.sv} kan inte jämföras med numeriska gränsvärden`, en: `The answer ${word.en} cannot be compared with numeric thresholds` }
            };
        }
        const hits = model.bands.filter(b => b.answer === answer);
        return classify(base, undefined, hits, model, { sv: `Svar ${word.sv}`, en: `Answer ${word.en}` });
    }
    const numeric = numericValue(outcome);
    if (!numeric) {
        return { ...base, status: 'undefined', undefinedBecause: 'wrong-kind', reason: { sv: 'Utfallet kan inte läsas som ett tal', en: 'The outcome cannot be read as a number' } };
    }
    const unit = numeric.unit === '%' ? ' %' : numeric.unit ? ` ${numeric.unit}` : '';
    const label = lazyText(() => {
        const shown = localizedNumber(numeric.value, numeric.decimals);
        return { sv: `Utfall ${shown.sv}${unit}`, en: `Outcome ${shown.en}${unit}` };
    });
    // A value the indicator cannot take is an error in the plan (outcome-out-of-scale), not a colour.
    if (outcomeOutOfScale(outcome, thresholds)) {
        return {
            ...base, value: numeric.value, status: 'undefined', undefinedBecause: 'out-of-scale',
            reason: lazyText(() => {
                const scale = scaleText(thresholds);
                return {
                    sv: `${label.sv} ligger utanför skalan (${scale.sv}) och kan inte bedömas`,
                    en: `${label.en} is outside the scale (${scale.en}) and cannot be assessed`
                };
            })
        };
    }
    if (model.kind === 'yes-no') {
        return {
            ...base, value: numeric.value, status: 'undefined', undefinedBecause: 'wrong-kind',
            reason: { sv: `${label.sv} kan inte jämföras med gränsvärden som är ja/nej`, en: `${label.en} cannot be compared with yes/no thresholds` }
        };
    }
    if (model.kind === 'relative-change') {
        const fromBaseline = thresholds.compareWith === 'baseline' || !previous;
        const ref = fromBaseline && baseline ? numericValue(baseline) : undefined;
        const from = fromBaseline ? (ref ? { value: ref.value, period: baseline?.period } : undefined) : previous;
        if (!from || from.value === 0) {
            return {
                ...base, value: numeric.value, status: 'no-data',
                reason: { sv: `${label.sv}: inget tidigare värde att jämföra förändringen med`, en: `${label.en}: no earlier value to measure the change from` }
            };
        }
        const percent = ((numeric.value - from.value) / Math.abs(from.value)) * 100;
        const rounded = Math.round(percent * 10) / 10;
        const p = localizedNumber(rounded, 1);
        const sign = rounded > 0 ? '+' : '';
        const changeLabel = {
            sv: `${label.sv}: förändring ${sign}${p.sv} % från ${from.period ?? 'nuläget'}`,
            en: `${label.en}: change ${sign}${p.en} % from ${from.period ?? 'the baseline'}`
        };
        const hits = model.bands.filter(b => b.interval && !isEmpty(b.interval) && contains(b.interval, rounded));
        const result = classify(base, rounded, hits, model, changeLabel);
        return { ...result, value: numeric.value, change: { percent: rounded, from: from.value, fromPeriod: from.period } };
    }
    // A declared precision says how values are compared: with "decimaler 1", 7,06 counts as 7,1.
    const compared = thresholds.precisionSource === 'declared' && numeric.decimals > model.precision
        ? roundTo(numeric.value, model.precision) : numeric.value;
    const hits = model.bands.filter(b => b.interval && !isEmpty(b.interval) && contains(b.interval, compared));
    const shownLabel = compared === numeric.value ? label : lazyText(() => {
        const r = localizedNumber(compared, model.precision);
        return { sv: `${label.sv} (avrundat ${r.sv})`, en: `${label.en} (rounded ${r.en})` };
    });
    return { ...classify(base, compared, hits, model, shownLabel), value: numeric.value };
}

/**
 * The status a value would get against a series' bands (a relative change is given as the change
 * in %). For "what if" displays and tests; outcomes go through assessIndicator.
 */
export function statusOfValue(model: SeriesThresholds, value: number): Pick<OutcomeAssessment, 'status' | 'band' | 'bands' | 'undefinedBecause' | 'reason'> {
    if (model.bands.length === 0) {
        return { status: 'undefined', undefinedBecause: 'no-thresholds', reason: { sv: 'Inga gränsvärden', en: 'No thresholds' } };
    }
    if (model.kind === 'yes-no') {
        return { status: 'undefined', undefinedBecause: 'wrong-kind', reason: { sv: 'Gränsvärdena är ja/nej', en: 'The thresholds are yes/no' } };
    }
    const hits = model.bands.filter(b => b.interval && !isEmpty(b.interval) && contains(b.interval, value));
    const label = lazyText(() => {
        const shown = localizedNumber(value, model.precision);
        return { sv: `Värdet ${shown.sv}`, en: `The value ${shown.en}` };
    });
    const r = classify({} as Outcome as never, value, hits, model, label);
    return { status: r.status, band: r.band, bands: r.bands, undefinedBecause: r.undefinedBecause, reason: r.reason };
}

/** Half away from zero, as people round. */
function roundTo(value: number, decimals: number): number {
    const f = Math.pow(10, decimals);
    return Math.sign(value) * Math.round(Math.abs(value) * f + 1e-9) / f;
}

function classify(
    base: Pick<OutcomeAssessment, 'outcome' | 'period' | 'series' | 'display' | 'refersTo' | 'shown' | 'dataPeriod'>, value: number | undefined,
    hits: NormalBand[], model: SeriesThresholds, label: Localized
): OutcomeAssessment {
    // Bands that contradict their direction ("grön 1,4 eller högre" with "gul 1,5–3,5" above it)
    // cannot say whether a value is good: a colour here would be a guess.
    if (model.contradictory && model.kind !== 'yes-no') {
        return {
            ...base, value, status: 'undefined', undefinedBecause: 'contradictory',
            reason: lazyText(() => ({
                sv: `${label.sv} kan inte bedömas: banden motsäger sin riktning (${bandsText(model).sv})`,
                en: `${label.en} cannot be assessed: the bands contradict their direction (${bandsText(model).en})`
            }))
        };
    }
    const colors = new Set(hits.map(h => h.color));
    if (colors.size === 1) {
        const band = hits[0];
        return {
            ...base, value, status: band.color, band,
            reason: lazyText(() => {
                const text = bandText(band);
                return { sv: `${label.sv} ligger inom ${text.sv}`, en: `${label.en} is within ${text.en}` };
            })
        };
    }
    if (colors.size > 1) {
        return {
            ...base, value, status: 'undefined', bands: hits, undefinedBecause: 'two-bands',
            reason: lazyText(() => {
                const texts = hits.map(h => bandText(h));
                return {
                    sv: `${label.sv} ligger i flera band (${texts.map(t => t.sv).join(' och ')}) och kan inte bedömas`,
                    en: `${label.en} is in more than one band (${texts.map(t => t.en).join(' and ')}) and cannot be assessed`
                };
            })
        };
    }
    if (value !== undefined) {
        const numeric = model.bands.filter(b => b.interval && !isEmpty(b.interval));
        const below = numeric.filter(b => b.interval!.hi && b.interval!.hi.value <= value)
            .sort((a, b) => b.interval!.hi!.value - a.interval!.hi!.value)[0];
        const above = numeric.filter(b => b.interval!.lo && b.interval!.lo.value >= value)
            .sort((a, b) => a.interval!.lo!.value - b.interval!.lo!.value)[0];
        if (below && above) {
            return {
                ...base, value, status: 'undefined', undefinedBecause: 'gap', bands: [below, above],
                reason: lazyText(() => {
                    const a = bandText(below), b = bandText(above);
                    return {
                        sv: `${label.sv} ligger i glappet mellan ${a.sv} och ${b.sv} och kan inte bedömas`,
                        en: `${label.en} falls in the gap between ${a.en} and ${b.en} and cannot be assessed`
                    };
                })
            };
        }
    }
    return {
        ...base, value, status: 'undefined', undefinedBecause: 'outside',
        reason: lazyText(() => {
            const all = bandsText(model);
            return { sv: `${label.sv} ligger utanför alla band (${all.sv}) och kan inte bedömas`, en: `${label.en} is outside every band (${all.en}) and cannot be assessed` };
        })
    };
}

function seriesTrend(outcomes: OutcomeAssessment[], model: SeriesThresholds | undefined, thresholds: IndicatorThresholds): Trend | undefined {
    if (model?.kind === 'yes-no') {
        const ranked = outcomes.filter(o => o.status === 'green' || o.status === 'yellow' || o.status === 'red');
        if (ranked.length < 2) return undefined;
        const [p, l] = ranked.slice(-2);
        return trendByRank(COLOR_RANK[p.status as BandColor], COLOR_RANK[l.status as BandColor]);
    }
    // Contradictory bands leave the direction unknown, so no change can be called better or worse.
    if (model?.contradictory) return undefined;
    const direction: BetterDirection | undefined = model?.direction
        ?? ((thresholds.explicitDirection?.better as string) === 'lower' ? 'lower' : thresholds.explicitDirection ? 'higher' : undefined);
    if (!direction) return undefined;
    const numeric = outcomes.filter(o => o.value !== undefined);
    if (numeric.length < 2) return undefined;
    const [p, l] = numeric.slice(-2);
    return trendBetween(p.value!, l.value!, direction, model?.precision ?? thresholds.precision);
}

/**
 * What an indicator's bands compare with, in words, as the assessment does it: a comparison group,
 * the baseline (with its year), or the previous outcome. Undefined when the plan says nothing.
 */
export function comparedWithText(indicator: Indicator): Localized | undefined {
    const t = thresholdsOf(indicator);
    if (!t.compareWith) return undefined;
    if (t.compareWith === 'group') {
        const comparison = [...(indicator.members ?? []), ...(t.bandsFrom.members ?? [])].find(isComparison);
        const title = comparison?.group?.ref?.title ?? comparison?.group?.$refText ?? '';
        return { sv: title, en: title };
    }
    if (t.compareWith === 'baseline') {
        const baseline = [...(indicator.members ?? []), ...(t.bandsFrom.members ?? [])].find(isBaseline);
        const year = baseline?.period ? ` (${baseline.period})` : '';
        return { sv: `nuläget${year}`, en: `the baseline${year}` };
    }
    return { sv: 'föregående utfall', en: 'the previous outcome' };
}
