import type { AstNode } from 'langium';
import {
    isBand, isBaseline, isComparison, isCutPoint, isDirection, isLevel, isMeasureUnit, isNumberValue, isOpenBound,
    isOutcome, isPrecision, isRangeBand, isRankBand, isRelativeChange, isRestatement, isScale, isSeriesDecl,
    isShareOfYes, isYesNo, type Band, type CutPoint, type Direction, type Indicator, type SeriesDecl
} from '../generated/ast.js';
import type { Localized } from '../i18n/lang.js';
import { fromUnits, gridAbove, gridBelow, localizedNumber, parseNumber } from './numbers.js';
import { STATUS_WORD } from './vocabulary.js';

export type BandColor = 'green' | 'yellow' | 'red';
export type BetterDirection = 'higher' | 'lower';

/** One end of an interval. */
export interface Bound {
    value: number;
    /** Decimals as written, for showing the number back. */
    decimals: number;
    inclusive: boolean;
}

/** An interval of the measured quantity; a missing end is unbounded. */
export interface Interval {
    lo?: Bound;
    hi?: Bound;
}

/**
 * What the numbers of a series' bands measure: the value itself, a share of "yes" answers, the
 * relative change (in %) from the previous outcome or the baseline, the rank percentile among a
 * comparison group (lower is better), or a yes/no answer.
 */
export type ThresholdKind = 'numeric' | 'share-of-yes' | 'relative-change' | 'rank' | 'yes-no';

export interface NormalBand {
    color: BandColor;
    /** The band as written; undefined for the red that is implied below (or above) the worst band. */
    band?: Band;
    implied: boolean;
    kind: ThresholdKind;
    /** As written, before nesting: "grön >= 82" is [82, ∞). */
    written?: Interval;
    /** What the band covers: "gul >= 74" under "grön >= 82" is [74, 82). */
    interval?: Interval;
    /** For yes/no bands. */
    answer?: 'yes' | 'no';
    /** Cut points, open bounds, levels and relative changes: one-sided, nested by construction. */
    oneSided: boolean;
    /** The unit written with the numbers ("%"), if any. */
    unit?: string;
}

export type DirectionSource = 'explicit' | 'words' | 'order' | 'kind' | 'assumed';

/** The thresholds of one series (or of the whole indicator, when it has no series). */
export interface SeriesThresholds {
    /** Series name; undefined when the bands apply to the indicator as a whole. */
    series?: string;
    seriesDecl?: SeriesDecl;
    kind: ThresholdKind;
    /** Decimals this series is compared at. */
    precision: number;
    direction?: BetterDirection;
    directionSource?: DirectionSource;
    /** The bands contradict their own direction: no value of this series can be assessed. */
    contradictory?: boolean;
    /** Stated bands and the implied red, ordered from best to worst colour. */
    bands: NormalBand[];
}

export type ThresholdProblem =
    | { code: 'band-overlap'; series?: string; first: Band; second: Band; overlap: Interval; decimals: number }
    | {
        code: 'band-gap'; series?: string; below: NormalBand; above: NormalBand;
        /** First and last uncovered value at the precision. */
        from: number; to: number; decimals: number;
    }
    | {
        code: 'direction-conflict'; series?: string; direction: BetterDirection; directionSource: DirectionSource;
        /** The band that lies on the wrong side. */
        band: Band;
        /** What it conflicts with: a better-coloured band or the declared direction. */
        against: Band | Direction;
    }
    | { code: 'mixed-kinds'; series?: string; band: Band; kind: ThresholdKind; expected: ThresholdKind };

/** The threshold model of an indicator: every kind of threshold normalised to ordered intervals. */
export interface IndicatorThresholds {
    indicator: Indicator;
    /** The indicator whose bands these are: itself, or the one it restates when it states none. */
    bandsFrom: Indicator;
    /** Decimals values are compared at (declared, else the most written). */
    precision: number;
    precisionSource: 'declared' | 'written';
    scale?: { min?: number; max: number; node: AstNode };
    /** '%' when the indicator's measure or its thresholds are percentages. */
    percent: boolean;
    explicitDirection?: Direction;
    compareWith?: 'previous' | 'baseline' | 'group';
    series: SeriesThresholds[];
    problems: ThresholdProblem[];
}

const COLOR_RANK: Record<BandColor, number> = { green: 0, yellow: 1, red: 2 };

// ------------------------------------------------------------------ intervals

export function contains(interval: Interval, value: number): boolean {
    const { lo, hi } = interval;
    if (lo && (value < lo.value || (value === lo.value && !lo.inclusive))) return false;
    if (hi && (value > hi.value || (value === hi.value && !hi.inclusive))) return false;
    return true;
}

export function isEmpty(interval: Interval): boolean {
    const { lo, hi } = interval;
    if (!lo || !hi) return false;
    return lo.value > hi.value || (lo.value === hi.value && !(lo.inclusive && hi.inclusive));
}

export function intersect(a: Interval, b: Interval): Interval | undefined {
    const lo = maxLo(a.lo, b.lo);
    const hi = minHi(a.hi, b.hi);
    const result = { lo, hi };
    return isEmpty(result) ? undefined : result;
}

/** a ⊆ b */
export function isSubset(a: Interval, b: Interval): boolean {
    const i = intersect(a, b);
    return !!i && sameBound(i.lo, a.lo) && sameBound(i.hi, a.hi);
}

function sameBound(x?: Bound, y?: Bound): boolean {
    if (!x || !y) return !x && !y;
    return x.value === y.value && x.inclusive === y.inclusive;
}

function maxLo(x?: Bound, y?: Bound): Bound | undefined {
    if (!x) return y;
    if (!y) return x;
    if (x.value !== y.value) return x.value > y.value ? x : y;
    return x.inclusive ? y : x;
}

function minHi(x?: Bound, y?: Bound): Bound | undefined {
    if (!x) return y;
    if (!y) return x;
    if (x.value !== y.value) return x.value < y.value ? x : y;
    return x.inclusive ? y : x;
}

// ------------------------------------------------------------------ reading bands

interface WrittenSpec {
    kind: ThresholdKind;
    interval?: Interval;
    answer?: 'yes' | 'no';
    oneSided: boolean;
    /** Direction the words themselves state ("eller högre", ">=", "öka"), seen from this band's colour. */
    words?: BetterDirection;
    /** A number that stands for the band when the direction is read from the order of the numbers. */
    representative?: number;
    /** A bare level ("grön 82"): its interval depends on the direction. */
    level?: { value: number; decimals: number };
    unit?: string;
}

function num(text: string | undefined): { value: number; decimals: number } | undefined {
    return text === undefined ? undefined : parseNumber(text);
}

/** One comparison: ">= 82", "minst 82", "under 70" (the words are normalised to symbols). */
function cutInterval(op: string, text: string | undefined): { interval: Interval; upward: boolean; value: number } | undefined {
    const n = num(text);
    if (!n) return undefined;
    const upward = op === '>=' || op === '>';
    const bound: Bound = { ...n, inclusive: op === '>=' || op === '<=' };
    return { interval: upward ? { lo: bound } : { hi: bound }, upward, value: n.value };
}

/** A cut point, or two joined by "och" (">= 74 och < 82", as a nested band is printed). */
function readCut(spec: CutPoint): Pick<WrittenSpec, 'interval' | 'words' | 'representative' | 'oneSided' | 'unit'> | undefined {
    const first = cutInterval(spec.op as string, spec.value?.value);
    if (!first) return undefined;
    if (!spec.op2) {
        return {
            oneSided: true, interval: first.interval, words: first.upward ? 'higher' : 'lower',
            representative: first.value, unit: spec.value.unit
        };
    }
    const second = cutInterval(spec.op2 as string, spec.value2?.value);
    if (!second) return undefined;
    const both = intersect(first.interval, second.interval);
    if (!both) return undefined;
    return {
        oneSided: !(both.lo && both.hi), interval: both,
        words: both.lo && both.hi ? undefined : first.upward ? 'higher' : 'lower',
        representative: (first.value + second.value) / 2, unit: spec.value.unit ?? spec.value2?.unit
    };
}

/** "74–81", "5,1 %–8 %": both ends inclusive, in either order. */
function rangeInterval(from: string | undefined, to: string | undefined): { interval: Interval; representative: number } | undefined {
    const a = num(from);
    const b = num(to);
    if (!a || !b) return undefined;
    const [lo, hi] = a.value <= b.value ? [a, b] : [b, a];
    return { interval: { lo: { ...lo, inclusive: true }, hi: { ...hi, inclusive: true } }, representative: (lo.value + hi.value) / 2 };
}

function readSpec(band: Band): WrittenSpec | undefined {
    const spec = band.spec;
    if (!spec) return undefined;
    if (isCutPoint(spec)) {
        const cut = readCut(spec);
        return cut ? { kind: 'numeric', ...cut } : undefined;
    }
    if (isOpenBound(spec)) {
        const n = num(spec.value?.value);
        if (!n) return undefined;
        const upward = (spec.bound as string) === 'higher';
        const bound: Bound = { ...n, inclusive: true };
        return {
            kind: 'numeric', oneSided: true, interval: upward ? { lo: bound } : { hi: bound },
            words: upward ? 'higher' : 'lower', representative: n.value, unit: spec.value.unit
        };
    }
    if (isRangeBand(spec)) {
        const range = rangeInterval(spec.from, spec.to?.value);
        if (!range) return undefined;
        return { kind: spec.best ? 'rank' : 'numeric', oneSided: false, ...range, unit: spec.to.unit ?? spec.fromUnit };
    }
    if (isRankBand(spec)) {
        const n = num(spec.value?.value);
        if (!n) return undefined;
        // "25 % bästa": among the best 25 %, a rank percentile of at most 25.
        return {
            kind: 'rank', oneSided: true, interval: { hi: { ...n, inclusive: true } },
            words: 'lower', representative: n.value, unit: spec.value.unit
        };
    }
    if (isLevel(spec)) {
        const n = num(spec.value?.value);
        if (!n) return undefined;
        return { kind: 'numeric', oneSided: true, level: n, representative: n.value, unit: spec.value.unit };
    }
    if (isShareOfYes(spec)) {
        const answer = (spec.answer as string) === 'no' ? 'no' as const : 'yes' as const;
        if (spec.cut) {
            const cut = readCut(spec.cut);
            return cut ? { kind: 'share-of-yes', ...cut, answer } : undefined;
        }
        if (spec.from !== undefined) {
            const range = rangeInterval(spec.from, spec.share?.value);
            return range ? { kind: 'share-of-yes', oneSided: false, ...range, unit: spec.share?.unit ?? spec.fromUnit, answer } : undefined;
        }
        const n = num(spec.share?.value);
        if (!n) return undefined;
        return { kind: 'share-of-yes', oneSided: true, level: n, representative: n.value, unit: spec.share?.unit, answer };
    }
    if (isRelativeChange(spec)) {
        const up = (spec.change as string) === 'increase';
        if (spec.from !== undefined) {
            // "öka med 5–9 %" is a change of +5 to +9 %, "minska med 5–9 %" one of −9 to −5 %.
            const range = rangeInterval(spec.from, spec.value?.value);
            if (!range) return undefined;
            const flip = (b: Bound): Bound => ({ ...b, value: b.value === 0 ? 0 : -b.value });
            const { lo, hi } = range.interval;
            return {
                kind: 'relative-change', oneSided: false, unit: spec.value.unit ?? spec.fromUnit,
                interval: up ? range.interval : { lo: flip(hi!), hi: flip(lo!) },
                representative: up ? range.representative : -range.representative
            };
        }
        const n = num(spec.value?.value);
        if (!n) return undefined;
        const value = up ? n.value : -n.value;
        const bound: Bound = { value: value === 0 ? 0 : value, decimals: n.decimals, inclusive: true };
        return {
            kind: 'relative-change', oneSided: true, interval: up ? { lo: bound } : { hi: bound },
            words: up ? 'higher' : 'lower', representative: value, unit: spec.value.unit
        };
    }
    if (isYesNo(spec)) {
        return { kind: 'yes-no', oneSided: false, answer: (spec.answer as string) === 'no' ? 'no' : 'yes' };
    }
    return undefined;
}

/** Words seen from a colour: a red "< 74" says higher is better, like a green ">= 82". */
function wordsFor(color: BandColor, words: BetterDirection): BetterDirection {
    return color === 'red' ? (words === 'higher' ? 'lower' : 'higher') : words;
}

function levelInterval(color: BandColor, level: { value: number; decimals: number }, direction: BetterDirection): Interval {
    const bound: Bound = { ...level, inclusive: true };
    // A level is "this or better"; a red level "this or worse".
    const upward = (direction === 'higher') !== (color === 'red');
    return upward ? { lo: bound } : { hi: bound };
}

// ------------------------------------------------------------------ the indicator's model

function membersOf(indicator: Indicator) {
    return indicator.members ?? [];
}

/** The indicator this one restates, if it restates one that resolves. */
export function restatedIndicator(indicator: Indicator): Indicator | undefined {
    for (const m of membersOf(indicator)) {
        if (isRestatement(m)) {
            const target = m.indicator?.ref;
            if (target && target !== indicator) return target;
        }
    }
    return undefined;
}

function ownBands(indicator: Indicator): Band[] {
    return membersOf(indicator).filter(isBand);
}

/** The bands that apply: the indicator's own, else those of the indicator it restates. */
export function effectiveBands(indicator: Indicator): { bands: Band[]; from: Indicator } {
    const own = ownBands(indicator);
    if (own.length > 0) return { bands: own, from: indicator };
    const seen = new Set<Indicator>([indicator]);
    let target = restatedIndicator(indicator);
    while (target && !seen.has(target)) {
        const bands = ownBands(target);
        if (bands.length > 0) return { bands, from: target };
        seen.add(target);
        target = restatedIndicator(target);
    }
    return { bands: [], from: indicator };
}

/**
 * Decimals written in the given bands and in the indicator's outcomes and baselines (those of the
 * series when one is given: a count series next to a ratio series keeps its whole numbers).
 */
function writtenDecimals(indicator: Indicator, bands: Band[], series?: string | null): number {
    let max = 0;
    const see = (text?: string) => {
        const n = text === undefined ? undefined : parseNumber(text);
        if (n && n.decimals > max) max = n.decimals;
    };
    for (const band of bands) {
        const spec = band.spec;
        if (isCutPoint(spec)) { see(spec.value?.value); see(spec.value2?.value); }
        else if (isOpenBound(spec) || isRankBand(spec) || isLevel(spec)) see(spec.value?.value);
        else if (isRangeBand(spec)) { see(spec.from); see(spec.to?.value); }
        else if (isShareOfYes(spec)) { see(spec.from); see(spec.share?.value); see(spec.cut?.value?.value); see(spec.cut?.value2?.value); }
        // Relative changes are in other units (a change in %), their decimals say nothing of the values'.
    }
    for (const m of membersOf(indicator)) {
        if (!(isOutcome(m) || isBaseline(m)) || !isNumberValue(m.value)) continue;
        const own = m.series?.ref?.name ?? m.series?.$refText;
        if (series !== null && series !== undefined && own !== undefined && own !== series) continue;
        see(m.value.value?.value);
    }
    return max;
}

export function readThresholds(indicator: Indicator): IndicatorThresholds {
    const { bands, from } = effectiveBands(indicator);
    const members = membersOf(indicator);
    const fromMembers = from === indicator ? members : membersOf(from);
    const pick = <T extends AstNode>(guard: (n: unknown) => n is T): T | undefined =>
        (members.find(m => guard(m)) ?? fromMembers.find(m => guard(m))) as T | undefined;

    const precisionNode = pick(isPrecision);
    const declared = precisionNode ? parseNumber(precisionNode.decimals) : undefined;
    const declaredPrecision = declared && declared.decimals === 0 && declared.value >= 0 && declared.value <= 6
        ? declared.value : undefined;
    const precisionOf = (series: string | undefined | null, seriesBands: Band[]) => declaredPrecision
        ?? Math.max(writtenDecimals(indicator, seriesBands, series), from === indicator ? 0 : writtenDecimals(from, [], series));
    const precision = precisionOf(null, bands);
    const scaleNode = pick(isScale);
    let scale: IndicatorThresholds['scale'];
    if (scaleNode) {
        const max = num(scaleNode.max);
        const min = num(scaleNode.min);
        if (max) scale = { max: max.value, min: min?.value, node: scaleNode };
    }
    const measure = pick(isMeasureUnit);
    const explicitDirection = pick(isDirection);
    const comparison = pick(isComparison);
    const compareWith = comparison
        ? comparison.group ? 'group' as const : ((comparison.$cstNode?.text ?? '').match(/nul\u00e4ge|baseline/) ? 'baseline' as const : 'previous' as const)
        : undefined;

    // Which series exist: declared ones, and any a band names.
    const seriesNames: (string | undefined)[] = [];
    const seriesDecls = new Map<string, SeriesDecl>();
    for (const m of [...members, ...fromMembers]) {
        if (isSeriesDecl(m) && m.name && !seriesDecls.has(m.name)) seriesDecls.set(m.name, m);
    }
    const bandSeries = (band: Band): string | undefined => band.series?.ref?.name ?? band.series?.$refText;
    const shared = bands.filter(b => !b.series);
    const named = new Set(bands.map(bandSeries).filter((s): s is string => !!s));
    if (named.size === 0) seriesNames.push(undefined);
    else for (const s of named) seriesNames.push(s);

    const problems: ThresholdProblem[] = [];
    const series: SeriesThresholds[] = [];
    const percentSeen = measure?.unit?.trim() === '%';
    let percent = percentSeen;
    for (const name of seriesNames) {
        const own = name === undefined ? shared : [...bands.filter(b => bandSeries(b) === name), ...shared];
        const model = buildSeries(name, own, explicitDirection, precisionOf(name, own), problems);
        model.seriesDecl = name ? seriesDecls.get(name) : undefined;
        if (model.bands.some(b => b.unit === '%' && b.kind !== 'relative-change' && b.kind !== 'rank')) percent = true;
        series.push(model);
    }
    return {
        indicator, bandsFrom: from, precision, precisionSource: declaredPrecision !== undefined ? 'declared' : 'written', scale, percent,
        explicitDirection, compareWith, series, problems
    };
}

function buildSeries(
    name: string | undefined, bands: Band[], explicit: Direction | undefined, precision: number, problems: ThresholdProblem[]
): SeriesThresholds {
    const read = bands
        .map(band => ({ band, color: band.color as BandColor, spec: readSpec(band) }))
        .filter((r): r is { band: Band; color: BandColor; spec: WrittenSpec } => !!r.spec && COLOR_RANK[r.color] !== undefined)
        .sort((a, b) => COLOR_RANK[a.color] - COLOR_RANK[b.color]);
    if (read.length === 0) return { series: name, kind: 'numeric', precision, bands: [] };

    // The kind is that of the best-coloured band; share of yes and plain numbers mix freely.
    const kind = read[0].spec.kind;
    const compatible = (k: ThresholdKind) => k === kind || (k !== 'yes-no' && kind !== 'yes-no' && k !== 'relative-change'
        && kind !== 'relative-change' && k !== 'rank' && kind !== 'rank');
    const usable = read.filter(r => {
        if (compatible(r.spec.kind)) return true;
        problems.push({ code: 'mixed-kinds', series: name, band: r.band, kind: r.spec.kind, expected: kind });
        return false;
    });

    if (kind === 'yes-no') return yesNoSeries(name, usable, problems);

    // Direction: declared; else what the words of the bands say; else the order of the numbers.
    let direction: BetterDirection | undefined;
    let source: DirectionSource | undefined;
    if (kind === 'rank') {
        // A rank percentile is better when lower, by definition; a rank indicator's `riktning` says
        // which value of the measure itself is better, which ranking needs (semantics/rank.ts).
        direction = 'lower';
        source = 'kind';
    } else if (explicit) {
        direction = (explicit.better as string) === 'lower' ? 'lower' : 'higher';
        source = 'explicit';
    } else {
        const worded = usable.find(r => r.spec.words);
        if (worded) {
            direction = wordsFor(worded.color, worded.spec.words!);
            source = 'words';
        } else {
            const green = usable.find(r => r.color === 'green' && r.spec.representative !== undefined);
            const other = usable.find(r => r.color !== 'green' && r.spec.representative !== undefined);
            if (green && other && green.spec.representative !== other.spec.representative) {
                direction = green.spec.representative! > other.spec.representative! ? 'higher' : 'lower';
                source = 'order';
            } else if (usable.some(r => r.spec.kind === 'share-of-yes' && r.spec.answer === 'no')) {
                direction = 'lower';
                source = 'kind';
            } else {
                direction = 'higher';
                source = 'assumed';
            }
        }
    }

    const normal: NormalBand[] = usable.map(r => ({
        color: r.color, band: r.band, implied: false, kind: r.spec.kind, oneSided: r.spec.oneSided, unit: r.spec.unit,
        written: r.spec.interval ?? (r.spec.level ? levelInterval(r.color, r.spec.level, direction!) : undefined),
        interval: undefined
    }));
    for (const n of normal) n.interval = n.written;

    // Direction conflicts: a declared direction against a band's own words; a worse colour on the better side.
    const conflicting = new Set<string>();
    let contradictory = false;
    if (explicit && kind !== 'rank') {
        for (const r of usable) {
            if (r.color === 'green' && r.spec.words && wordsFor(r.color, r.spec.words) !== direction) {
                contradictory = true;
                problems.push({ code: 'direction-conflict', series: name, direction: direction!, directionSource: 'explicit', band: r.band, against: explicit });
            }
        }
    }
    for (let i = 0; i < normal.length; i++) {
        for (let j = 0; j < normal.length; j++) {
            const a = normal[i], b = normal[j];
            if (COLOR_RANK[a.color] >= COLOR_RANK[b.color] || !a.written || !b.written) continue;
            if (onBetterSide(b.written, a.written, direction!)) {
                conflicting.add(`${i}:${j}`);
                contradictory = true;
                problems.push({ code: 'direction-conflict', series: name, direction: direction!, directionSource: source!, band: b.band!, against: a.band! });
            }
        }
    }

    // Nesting: a one-sided worse band covers what the better bands leave ("gul >= 74" under "grön >= 82").
    for (let j = 0; j < normal.length; j++) {
        const b = normal[j];
        if (!b.oneSided || !b.written) continue;
        const worseUpward = (direction === 'higher') === (b.color !== 'red');
        const rayUp = !!b.written.lo && !b.written.hi;
        const rayDown = !!b.written.hi && !b.written.lo;
        if (!((rayUp && worseUpward) || (rayDown && !worseUpward))) continue;
        for (let i = 0; i < normal.length; i++) {
            const a = normal[i];
            if (COLOR_RANK[a.color] >= COLOR_RANK[b.color] || !a.interval || !b.interval) continue;
            if (!isSubset(a.interval, b.interval)) continue;
            if (rayUp && a.interval.lo) {
                b.interval = { lo: b.interval.lo, hi: { ...a.interval.lo, inclusive: !a.interval.lo.inclusive } };
            } else if (rayDown && a.interval.hi) {
                b.interval = { lo: { ...a.interval.hi, inclusive: !a.interval.hi.inclusive }, hi: b.interval.hi };
            }
        }
    }

    // Overlaps between colours (a direction conflict already explains its pair).
    for (let i = 0; i < normal.length; i++) {
        for (let j = i + 1; j < normal.length; j++) {
            const a = normal[i], b = normal[j];
            if (a.color === b.color || !a.interval || !b.interval) continue;
            if (conflicting.has(`${i}:${j}`) || conflicting.has(`${j}:${i}`)) continue;
            if (isEmpty(a.interval) || isEmpty(b.interval)) continue;
            const overlap = intersect(a.interval, b.interval);
            if (overlap) problems.push({ code: 'band-overlap', series: name, first: a.band!, second: b.band!, overlap, decimals: precision });
        }
    }

    // Red is implied beyond the worst band unless a red band is stated.
    if (!normal.some(n => n.color === 'red')) {
        const intervals = normal.map(n => n.interval).filter((i): i is Interval => !!i && !isEmpty(i));
        if (intervals.length > 0) {
            if (direction === 'higher' && intervals.every(i => i.lo)) {
                const lowest = intervals.map(i => i.lo!).reduce((x, y) => (y.value < x.value || (y.value === x.value && y.inclusive) ? y : x));
                normal.push({
                    color: 'red', implied: true, kind, oneSided: true, unit: normal[0].unit,
                    interval: { hi: { ...lowest, inclusive: !lowest.inclusive } }
                });
            } else if (direction === 'lower' && intervals.every(i => i.hi)) {
                const highest = intervals.map(i => i.hi!).reduce((x, y) => (y.value > x.value || (y.value === x.value && y.inclusive) ? y : x));
                normal.push({
                    color: 'red', implied: true, kind, oneSided: true, unit: normal[0].unit,
                    interval: { lo: { ...highest, inclusive: !highest.inclusive } }
                });
            }
        }
    }

    // Gaps between bands at the precision.
    const sorted = normal
        .filter(n => n.interval && !isEmpty(n.interval))
        .sort((x, y) => (x.interval!.lo?.value ?? -Infinity) - (y.interval!.lo?.value ?? -Infinity));
    let reach: { band: NormalBand; hi?: Bound } | undefined;
    for (const n of sorted) {
        const iv = n.interval!;
        if (!reach) {
            reach = { band: n, hi: iv.hi };
            continue;
        }
        if (!reach.hi) break; // everything above is covered
        if (iv.lo) {
            const first = gridAbove(reach.hi.value, precision, reach.hi.inclusive);
            const last = gridBelow(iv.lo.value, precision, iv.lo.inclusive);
            if (first <= last) {
                problems.push({
                    code: 'band-gap', series: name, below: reach.band, above: n,
                    from: fromUnits(first, precision), to: fromUnits(last, precision), decimals: precision
                });
            }
        }
        if (!iv.hi || iv.hi.value > reach.hi.value || (iv.hi.value === reach.hi.value && iv.hi.inclusive && !reach.hi.inclusive)) {
            reach = { band: n, hi: iv.hi };
        }
    }

    const ordered = normal.sort((x, y) => COLOR_RANK[x.color] - COLOR_RANK[y.color]);
    return { series: name, kind, precision, direction, directionSource: source, contradictory, bands: ordered };
}

/** b (a worse colour) lies on the better side of a: "grön 1,4 eller högre" with "gul 1,5–3,5". */
function onBetterSide(b: Interval, a: Interval, direction: BetterDirection): boolean {
    if (direction === 'higher') {
        const lb = b.lo?.value ?? -Infinity, la = a.lo?.value ?? -Infinity;
        if (lb !== la) return lb > la;
        return (b.hi?.value ?? Infinity) > (a.hi?.value ?? Infinity);
    }
    const hb = b.hi?.value ?? Infinity, ha = a.hi?.value ?? Infinity;
    if (hb !== ha) return hb < ha;
    return (b.lo?.value ?? -Infinity) < (a.lo?.value ?? -Infinity);
}

function yesNoSeries(
    name: string | undefined, read: { band: Band; color: BandColor; spec: WrittenSpec }[], problems: ThresholdProblem[]
): SeriesThresholds {
    const normal: NormalBand[] = read.map(r => ({
        color: r.color, band: r.band, implied: false, kind: 'yes-no', oneSided: false, answer: r.spec.answer
    }));
    for (let i = 0; i < normal.length; i++) {
        for (let j = i + 1; j < normal.length; j++) {
            if (normal[i].answer === normal[j].answer && normal[i].color !== normal[j].color) {
                problems.push({ code: 'band-overlap', series: name, first: normal[i].band!, second: normal[j].band!, overlap: {}, decimals: 0 });
            }
        }
    }
    if (!normal.some(n => n.color === 'red')) {
        for (const answer of ['yes', 'no'] as const) {
            if (!normal.some(n => n.answer === answer)) {
                normal.push({ color: 'red', implied: true, kind: 'yes-no', oneSided: false, answer });
            }
        }
    }
    normal.sort((x, y) => COLOR_RANK[x.color] - COLOR_RANK[y.color]);
    return { series: name, kind: 'yes-no', precision: 0, bands: normal };
}

// ------------------------------------------------------------------ text

export function colorWord(color: BandColor): Localized {
    return STATUS_WORD[color];
}

function n(bound: Bound): Localized {
    return localizedNumber(bound.value, bound.decimals);
}

function joinL(parts: Localized[], sep: Localized = { sv: ', ', en: ', ' }): Localized {
    return { sv: parts.map(p => p.sv).join(sep.sv), en: parts.map(p => p.en).join(sep.en) };
}

/** An interval for a reader: "≥ 82", "74–81", "≥ 76 och < 82", "under 74". */
export function intervalText(interval: Interval, unit?: string, implied = false): Localized {
    const u = unit ? (unit === '%' ? ' %' : ` ${unit}`) : '';
    const { lo, hi } = interval;
    if (lo && hi) {
        if (lo.value === hi.value && lo.inclusive && hi.inclusive) return { sv: n(lo).sv + u, en: n(lo).en + u };
        if (lo.inclusive && hi.inclusive) return { sv: `${n(lo).sv}–${n(hi).sv}${u}`, en: `${n(lo).en}–${n(hi).en}${u}` };
        const l = `${lo.inclusive ? '≥' : '>'} `;
        const h = `${hi.inclusive ? '≤' : '<'} `;
        return { sv: `${l}${n(lo).sv}${u} och ${h}${n(hi).sv}${u}`, en: `${l}${n(lo).en}${u} and ${h}${n(hi).en}${u}` };
    }
    if (lo) {
        if (implied && !lo.inclusive) return { sv: `över ${n(lo).sv}${u}`, en: `above ${n(lo).en}${u}` };
        return { sv: `${lo.inclusive ? '≥' : '>'} ${n(lo).sv}${u}`, en: `${lo.inclusive ? '≥' : '>'} ${n(lo).en}${u}` };
    }
    if (hi) {
        if (implied && !hi.inclusive) return { sv: `under ${n(hi).sv}${u}`, en: `below ${n(hi).en}${u}` };
        return { sv: `${hi.inclusive ? '≤' : '<'} ${n(hi).sv}${u}`, en: `${hi.inclusive ? '≤' : '<'} ${n(hi).en}${u}` };
    }
    return { sv: 'alla värden', en: 'any value' };
}

const KIND_PREFIX: Partial<Record<ThresholdKind, Localized>> = {
    'share-of-yes': { sv: 'ja ', en: 'yes ' },
    'relative-change': { sv: 'förändring ', en: 'change ' },
    rank: { sv: 'rang ', en: 'rank ' }
};

const bandTexts = new WeakMap<NormalBand, Localized>();

/** One band for a reader: "grön ≥ 82", "gul 74–81", "röd under 74", "grön ja". */
export function bandText(band: NormalBand, withColor = true): Localized {
    if (!withColor) return makeBandText(band, false);
    let text = bandTexts.get(band);
    if (!text) bandTexts.set(band, text = makeBandText(band, true));
    return text;
}

function makeBandText(band: NormalBand, withColor: boolean): Localized {
    const color = withColor ? STATUS_WORD[band.color] : { sv: '', en: '' };
    const space = withColor ? ' ' : '';
    if (band.kind === 'yes-no') {
        const answer = band.answer === 'no' ? { sv: 'nej', en: 'no' } : { sv: 'ja', en: 'yes' };
        return { sv: `${color.sv}${space}${answer.sv}`, en: `${color.en}${space}${answer.en}` };
    }
    const iv = band.interval && !isEmpty(band.interval) ? band.interval : band.written;
    const text = iv ? intervalText(iv, band.unit, band.implied) : { sv: '?', en: '?' };
    const prefix = KIND_PREFIX[band.kind] ?? { sv: '', en: '' };
    return { sv: `${color.sv}${space}${prefix.sv}${text.sv}`, en: `${color.en}${space}${prefix.en}${text.en}` };
}

/** All bands of a series: "grön ≥ 82, gul 74–81, röd under 74". */
export function bandsText(series: SeriesThresholds): Localized {
    if (series.bands.length === 0) return { sv: 'inga gränsvärden', en: 'no thresholds' };
    return joinL(series.bands.map(b => bandText(b)));
}

export function uncoveredText(from: number, to: number, decimals: number): Localized {
    const a = localizedNumber(from, decimals), b = localizedNumber(to, decimals);
    return from === to ? a : { sv: `${a.sv}–${b.sv}`, en: `${a.en}–${b.en}` };
}
