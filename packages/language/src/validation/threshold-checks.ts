import { GrammarUtils, type AstNode, type CstNode, type ValidationAcceptor } from 'langium';
import {
    isBand, isBaseline, isCutPoint, isDirection, isLevel, isNumberValue, isOpenBound, isOutcome, isRangeBand, isRankBand,
    isRelativeChange, isRestatement, isShareOfYes, type Band, type Baseline, type Indicator, type Outcome
} from '../generated/ast.js';
import type { Lang, Localized } from '../i18n/lang.js';
import {
    assessIndicator, bandText, colorWord, formatNumber, intervalText, localizedNumber, parseNumber, thresholdsOf,
    uncoveredText, type BandColor, type IndicatorThresholds, type Interval, type NormalBand, type OutcomeAssessment,
    type SeriesAssessment, type SeriesThresholds, type ThresholdProblem
} from '../semantics/index.js';
import { gridAbove, gridBelow, fromUnits } from '../semantics/numbers.js';
import { outcomeOutOfScale, outsideScale, scaleText } from '../semantics/scale.js';
import type { SuggestedFix } from './codes.js';
import { KIND_WORD, messages } from './messages.js';
import { report } from './report.js';
import { relatedNode } from './related.js';

const { findNodeForProperty } = GrammarUtils;

function normalOf(t: IndicatorThresholds, band: Band): NormalBand | undefined {
    for (const s of t.series) {
        const hit = s.bands.find(b => b.band === band);
        if (hit) return hit;
    }
    return undefined;
}

function textOf(t: IndicatorThresholds, band: Band | undefined, normal?: NormalBand): Localized {
    const n = normal ?? (band ? normalOf(t, band) : undefined);
    if (n) return bandText(n);
    const written = band?.$cstNode?.text ?? '?';
    return { sv: written, en: written };
}

/** A number in the author's own style: a decimal point if the sample used one, else a comma. */
function authorNumber(value: number, decimals: number, sample: string | undefined): string {
    const text = formatNumber(value, decimals, 'sv').replace(/\u00A0/g, ' ');
    return sample && /\d\.\d/.test(sample) ? text.replace(',', '.') : text;
}

function fixFor(node: CstNode | undefined, newText: string, title: Localized): SuggestedFix | undefined {
    if (!node) return undefined;
    return { title, range: node.range, newText };
}

export function checkThresholds(indicator: Indicator, accept: ValidationAcceptor, lang: Lang): void {
    const assessment = assessIndicator(indicator);
    const t = assessment.thresholds;
    if (t.bandsFrom === indicator) {
        const seen = new Set<string>();
        for (const p of t.problems) {
            const key = problemKey(p);
            if (seen.has(key)) continue;
            seen.add(key);
            reportProblem(p, t, accept, lang);
        }
    }
    // Outcomes that cannot be assessed because of the bands.
    for (const s of assessment.series) {
        for (const o of s.outcomes) {
            if (o.outcome.$container !== indicator) continue;
            if (o.undefinedBecause === 'outside' || o.undefinedBecause === 'wrong-kind' || o.undefinedBecause === 'no-series') {
                checkOutsideBands(o, s, t, accept, lang);
                continue;
            }
            if (o.undefinedBecause !== 'gap' && o.undefinedBecause !== 'two-bands') continue;
            const value = o.value !== undefined ? localizedNumber(o.value, decimalsOf(o.display)) : { sv: o.display, en: o.display };
            if (o.undefinedBecause === 'gap' && o.bands && o.bands.length === 2) {
                report(accept, lang, 'outcome-in-gap', messages.outcomeInGap(value, o.period, bandText(o.bands[0]), bandText(o.bands[1])),
                    { node: o.outcome, property: 'value' }, { value: o.value, period: o.period, series: o.series });
            } else if (o.undefinedBecause === 'two-bands' && o.bands) {
                const texts = o.bands.map(b => bandText(b));
                const joined = { sv: texts.map(x => x.sv).join(' och '), en: texts.map(x => x.en).join(' and ') };
                report(accept, lang, 'outcome-in-overlap', messages.outcomeInOverlap(value, o.period, joined),
                    { node: o.outcome, property: 'value' }, { value: o.value, period: o.period, series: o.series });
            }
        }
    }
    checkScale(indicator, t, accept, lang);
}

/**
 * An outcome no band can hold, so it shows as "cannot be assessed" with nothing else said: beyond
 * every stated band, of another kind than the bands (`ja` among numbers, a number among yes/no), or
 * of a series without bands. Not when another finding already explains it (an outcome outside the
 * scale, a series name that resolves to nothing).
 */
function checkOutsideBands(o: OutcomeAssessment, s: SeriesAssessment, t: IndicatorThresholds, accept: ValidationAcceptor, lang: Lang): void {
    const outcome = o.outcome;
    const period = outcome.period ?? '';
    const data = { value: o.value, period, series: o.series, reason: o.undefinedBecause };
    if (o.undefinedBecause === 'outside') {
        if (outcomeOutOfScale(outcome, t)) return;
        const value = o.value !== undefined ? localizedNumber(o.value, decimalsOf(o.display)) : { sv: o.display, en: o.display };
        report(accept, lang, 'outcome-outside-bands', messages.outcomeOutsideBands(value, period, s.bandsText),
            { node: outcome, property: 'value' }, data);
    } else if (o.undefinedBecause === 'wrong-kind') {
        report(accept, lang, 'outcome-outside-bands', messages.outcomeWrongKind(o.display, period, s.bandsText),
            { node: outcome, property: 'value' }, data);
    } else {
        if (outcome.series && !outcome.series.ref) return; // unresolved-reference says it
        const named = t.series.filter(x => x.series !== undefined && x.bands.length > 0).map(x => x.series!).join(', ');
        report(accept, lang, 'outcome-outside-bands', messages.outcomeNoSeries(o.display, period, o.series, named),
            { node: outcome, property: outcome.series ? 'series' : 'value' }, data);
    }
}

function decimalsOf(display: string): number {
    return parseNumber(display.replace(/[^\d.,\s-]/g, '').trim())?.decimals ?? 0;
}

function problemKey(p: ThresholdProblem): string {
    const id = (n: AstNode | undefined) => n?.$cstNode?.offset ?? -1;
    switch (p.code) {
        case 'band-overlap': return `o:${id(p.first)}:${id(p.second)}`;
        case 'band-gap': return `g:${id(p.below.band)}:${id(p.above.band)}:${p.from}`;
        case 'direction-conflict': return `d:${id(p.band)}:${id(p.against)}`;
        case 'mixed-kinds': return `m:${id(p.band)}`;
    }
}

function reportProblem(p: ThresholdProblem, t: IndicatorThresholds, accept: ValidationAcceptor, lang: Lang): void {
    switch (p.code) {
        case 'band-overlap': {
            const shared = p.overlap.lo || p.overlap.hi ? overlapText(p.overlap, p.decimals) : { sv: 'samma svar', en: 'the same answer' };
            report(accept, lang, 'band-overlap', messages.bandOverlap(textOf(t, p.first), textOf(t, p.second), shared),
                { node: p.second }, { series: p.series, first: p.first.$cstNode?.text, second: p.second.$cstNode?.text, overlap: shared },
                overlapFix(p.second, p.overlap, p.decimals));
            return;
        }
        case 'band-gap': {
            const uncovered = uncoveredText(p.from, p.to, p.decimals);
            const target = gapTarget(p);
            if (!target) return;
            report(accept, lang, 'band-gap', messages.bandGap(bandText(p.below), bandText(p.above), uncovered, p.decimals),
                { node: target.band }, { series: p.series, from: p.from, to: p.to, decimals: p.decimals, uncovered }, target.fix);
            return;
        }
        case 'direction-conflict': {
            if (isDirection(p.against)) {
                report(accept, lang, 'direction-conflict', messages.directionConflictDeclared(textOf(t, p.band), p.direction),
                    { node: p.band }, { series: p.series, direction: p.direction }, flipFix(p.band));
                return;
            }
            const better = p.against;
            const worse = p.band;
            // With a declared direction, the better band's words do not say which side is good: the declaration does.
            const message = p.directionSource === 'explicit'
                ? messages.directionConflictDeclaredBands(textOf(t, better), textOf(t, worse), p.direction)
                : messages.directionConflictBands(textOf(t, better), textOf(t, worse), p.direction);
            // The band whose own words set the direction is the one to turn around ("1,4 eller högre").
            const worded = p.directionSource === 'words' && (isOpenBound(better.spec) || isCutPoint(better.spec));
            const node = worded ? better : worse;
            report(accept, lang, 'direction-conflict', message, { node },
                { series: p.series, direction: p.direction, better: better.$cstNode?.text, worse: worse.$cstNode?.text },
                worded ? flipFix(better) : undefined);
            return;
        }
        case 'mixed-kinds':
            report(accept, lang, 'mixed-threshold-kinds',
                messages.mixedKinds({ sv: p.band.$cstNode?.text ?? '', en: p.band.$cstNode?.text ?? '' }, KIND_WORD[p.kind], KIND_WORD[p.expected]),
                { node: p.band }, { series: p.series, kind: p.kind, expected: p.expected });
            return;
    }
}

function overlapText(overlap: Interval, decimals: number): Localized {
    const { lo, hi } = overlap;
    if (lo && hi && lo.value === hi.value) return localizedNumber(lo.value, Math.max(lo.decimals, hi.decimals));
    if (lo && hi) {
        const first = gridAbove(lo.value, decimals, !lo.inclusive);
        const last = gridBelow(hi.value, decimals, !hi.inclusive);
        if (first <= last) return uncoveredText(fromUnits(first, decimals), fromUnits(last, decimals), decimals);
    }
    return intervalText(overlap);
}

/** Moves the end of a written range out of the overlap: "gul 11–12" under "grön ≤ 11" becomes "gul 11,01–12". */
function overlapFix(band: Band, overlap: Interval, decimals: number): SuggestedFix | undefined {
    const spec = band.spec;
    if (!isRangeBand(spec)) return undefined;
    const from = parseNumber(spec.from), to = parseNumber(spec.to?.value ?? '');
    if (!from || !to) return undefined;
    const d = Math.max(decimals, from.decimals, to.decimals);
    if (overlap.hi && overlap.lo && overlap.lo.value <= from.value && overlap.hi.value < to.value) {
        const next = fromUnits(gridAbove(overlap.hi.value, d, overlap.hi.inclusive), d);
        if (next > to.value) return undefined;
        const text = authorNumber(next, d, spec.from);
        return fixFor(findNodeForProperty(spec.$cstNode, 'from'), text, messages.fixReplace(`${text}`));
    }
    if (overlap.lo && overlap.hi && overlap.hi.value >= to.value && overlap.lo.value > from.value) {
        const prev = fromUnits(gridBelow(overlap.lo.value, d, overlap.lo.inclusive), d);
        if (prev < from.value) return undefined;
        const text = authorNumber(prev, d, spec.to.value);
        return fixFor(findNodeForProperty(spec.to.$cstNode, 'value'), text, messages.fixReplace(`${text}`));
    }
    return undefined;
}

/** Which band the gap is reported on (and mended in): a written range next to it, else the worse band. */
function gapTarget(p: Extract<ThresholdProblem, { code: 'band-gap' }>): { band: Band; fix?: SuggestedFix } | undefined {
    const above = p.above.band, below = p.below.band;
    const title = (text: string) => messages.fixReplace(text);
    if (above && isRangeBand(above.spec)) {
        const text = authorNumber(p.from, p.decimals, above.spec.from);
        return { band: above, fix: fixFor(findNodeForProperty(above.spec.$cstNode, 'from'), text, title(text)) };
    }
    if (below && isRangeBand(below.spec)) {
        const text = authorNumber(p.to, p.decimals, below.spec.to?.value);
        return { band: below, fix: fixFor(findNodeForProperty(below.spec.to?.$cstNode, 'value'), text, title(text)) };
    }
    const rank: Record<BandColor, number> = { green: 0, yellow: 1, red: 2 };
    const candidates = [p.above, p.below].filter(b => b.band).sort((a, b) => rank[b.color] - rank[a.color]);
    return candidates[0]?.band ? { band: candidates[0].band } : undefined;
}

const FLIP_WORD: Record<string, string> = {
    högre: 'lägre', lägre: 'högre', mer: 'mindre', mindre: 'mer', fler: 'färre', färre: 'fler', över: 'under', under: 'över',
    higher: 'lower', lower: 'higher', more: 'less', less: 'more', fewer: 'more', above: 'below', below: 'above'
};
const FLIP_OP: Record<string, string> = { '>=': '<=', '<=': '>=', '>': '<', '<': '>', '≥': '≤', '≤': '≥' };

/** Turns a one-sided band around: "1,4 eller högre" → "1,4 eller lägre", ">= 82" → "<= 82". */
function flipFix(band: Band): SuggestedFix | undefined {
    const spec = band.spec;
    if (isOpenBound(spec)) {
        const node = findNodeForProperty(spec.$cstNode, 'bound');
        if (!node) return undefined;
        const words = node.text.split(/(\s+)/);
        const last = words[words.length - 1];
        const flipped = FLIP_WORD[last.toLowerCase()];
        if (!flipped) return undefined;
        words[words.length - 1] = flipped;
        const text = words.join('');
        return fixFor(node, text, messages.fixReplace(`${spec.value.$cstNode?.text ?? ''} ${text}`.trim()));
    }
    if (isCutPoint(spec)) {
        const node = findNodeForProperty(spec.$cstNode, 'op');
        const flipped = node ? FLIP_OP[node.text] : undefined;
        if (!node || !flipped) return undefined;
        return fixFor(node, flipped, messages.fixReplace(`${flipped} ${spec.value.$cstNode?.text ?? ''}`));
    }
    return undefined;
}

// ------------------------------------------------------------------ scale

function checkScale(indicator: Indicator, t: IndicatorThresholds, accept: ValidationAcceptor, lang: Lang): void {
    if (t.bandsFrom === indicator) {
        for (const band of (indicator.members ?? []).filter(isBand)) {
            const spec = band.spec;
            if (!spec || isRelativeChange(spec)) continue;
            const whole = isShareOfYes(spec) || isRankBand(spec) || (isRangeBand(spec) && spec.best);
            // The range is the number with its unit ("105 %"); a range's first number has no node of its own.
            const quantities: { node?: AstNode; property?: string; text?: string; unit?: string }[] = [];
            if (isCutPoint(spec)) {
                quantities.push({ node: spec.value, text: spec.value?.value, unit: spec.value?.unit });
                if (spec.value2) quantities.push({ node: spec.value2, text: spec.value2.value, unit: spec.value2.unit });
            } else if (isOpenBound(spec) || isRankBand(spec) || isLevel(spec)) {
                quantities.push({ node: spec.value, text: spec.value?.value, unit: spec.value?.unit });
            } else if (isRangeBand(spec)) {
                quantities.push({ node: spec, property: 'from', text: spec.from, unit: spec.to?.unit ?? spec.fromUnit });
                quantities.push({ node: spec.to, text: spec.to?.value, unit: spec.to?.unit });
            } else if (isShareOfYes(spec)) {
                if (spec.from !== undefined) quantities.push({ node: spec, property: 'from', text: spec.from, unit: spec.share?.unit ?? spec.fromUnit });
                if (spec.share) quantities.push({ node: spec.share, text: spec.share.value, unit: spec.share.unit });
                if (spec.cut) {
                    quantities.push({ node: spec.cut.value, text: spec.cut.value?.value, unit: spec.cut.value?.unit });
                    if (spec.cut.value2) quantities.push({ node: spec.cut.value2, text: spec.cut.value2.value, unit: spec.cut.value2.unit });
                }
            }
            for (const q of quantities) {
                const n = q.text ? parseNumber(q.text) : undefined;
                if (!n || !q.node) continue;
                if (outsideScale(n.value, t, t.percent || q.unit === '%', whole)) {
                    report(accept, lang, 'out-of-scale', messages.thresholdOutOfScale(localizedNumber(n.value, n.decimals), scaleText(t)),
                        { node: q.node, property: q.property as never }, { value: n.value, min: t.scale?.min, max: t.scale?.max });
                }
            }
        }
    }
    // Outcomes, and baselines by the same rule ("nuläge 2024: 120" under "maxvärde 100").
    for (const outcome of (indicator.members ?? []).filter(m => isOutcome(m) || isBaseline(m))) {
        if (!isNumberValue(outcome.value)) continue;
        const n = parseNumber(outcome.value.value?.value ?? '');
        if (!n) continue;
        if (outcomeOutOfScale(outcome, t)) {
            const value = localizedNumber(n.value, n.decimals);
            const message = isBaseline(outcome)
                ? messages.baselineOutOfScale(value, outcome.period, scaleText(t))
                : messages.outcomeOutOfScale(value, outcome.period, scaleText(t));
            report(accept, lang, 'outcome-out-of-scale', message,
                { node: outcome, property: 'value' }, { value: n.value, period: outcome.period, min: t.scale?.min, max: t.scale?.max });
        }
    }
}

// ------------------------------------------------------------------ restatements

interface Snapped { lo: number; hi: number; answer?: string }

/** A band as the set of values it holds at the precision: [first, last] in units of the precision. */
function snap(band: NormalBand, decimals: number): Snapped | undefined {
    if (band.kind === 'yes-no') return { lo: 0, hi: 0, answer: band.answer };
    const iv = band.interval;
    if (!iv) return undefined;
    const lo = iv.lo ? gridAbove(iv.lo.value, decimals, !iv.lo.inclusive) : -Infinity;
    const hi = iv.hi ? gridBelow(iv.hi.value, decimals, !iv.hi.inclusive) : Infinity;
    return { lo, hi };
}

/** The bands as the sets of values they hold at the precision: equal keys, the same bands. */
export function snappedBandsKey(bands: readonly NormalBand[], decimals: number): string {
    return bands.map(n => snap(n, decimals)).filter((s): s is Snapped => !!s)
        .map(s => `${s.lo}:${s.hi}:${s.answer ?? ''}`).sort().join('|');
}

export function sameBands(a: NormalBand[], b: NormalBand[], decimals: number): boolean {
    return snappedBandsKey(a, decimals) === snappedBandsKey(b, decimals);
}

export function checkRestatement(indicator: Indicator, accept: ValidationAcceptor, lang: Lang): void {
    const restatement = (indicator.members ?? []).find(isRestatement);
    const target = restatement?.indicator?.ref;
    if (!restatement || !target || target === indicator) return;
    const ours = thresholdsOf(indicator);
    if (ours.bandsFrom !== indicator) return; // no bands of its own: it takes the restated ones
    // The restated indicator's bands as they apply: its own, or those it takes from the indicator it
    // restates in turn (a unit restating a department's row that restates the council's).
    const theirs = thresholdsOf(target);
    if (theirs.bandsFrom === indicator) return;
    for (const s of ours.series) {
        const other = theirs.series.find(x => x.series === s.series) ?? (theirs.series.length === 1 ? theirs.series[0] : undefined);
        if (!other) continue;
        const decimals = Math.max(s.precision, other.precision);
        for (const color of ['green', 'yellow', 'red'] as const) {
            const mine = s.bands.filter(b => b.color === color && !b.implied);
            const yours = other.bands.filter(b => b.color === color && !b.implied);
            if (mine.length === 0 && yours.length === 0) continue;
            if (sameBands(mine, yours, decimals)) continue;
            const join = (bands: NormalBand[]): Localized => bands.length === 0
                ? { sv: 'inget band', en: 'no band' }
                : { sv: bands.map(b => bandText(b, false).sv).join(', '), en: bands.map(b => bandText(b, false).en).join(', ') };
            const here = join(mine), there = join(yours);
            const node = mine[0]?.band;
            const theirText = yours.length === 1 ? yours[0].band?.$cstNode?.text : undefined;
            const fix = node && theirText && mine.length === 1
                ? fixFor(node.$cstNode, theirText, messages.fixReplace(theirText)) : undefined;
            report(accept, lang, 'restated-thresholds-differ', messages.restatedDiffers(colorWord(color), target.name, here, there),
                {
                    ...(node ? { node } : { node: restatement, property: 'indicator' }),
                    relatedInformation: relatedNode(yours[0]?.band ?? target, messages.relatedRestated(target.name, there), lang)
                } as unknown as { node: AstNode },
                { restated: target.name, color, series: s.series, here, there }, fix);
        }
    }
}
