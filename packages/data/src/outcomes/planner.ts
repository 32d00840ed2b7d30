// The outcome-edit planner: given the figures a source has for an indicator (Kolada, a
// spreadsheet), the minimal edits that make the indicator's outcomes say the same. It never touches
// what the source does not contradict: a number the source lacks stays, a yes/no or colour outcome
// stays, and "no data" is written only where the plan has nothing for that period.
import { GrammarUtils, type CstNode } from 'langium';
import {
    comparePeriods, isNoData, isNumberValue, isOutcome, isPending, isPrecision, isSeriesDecl, parseNumber, parsePeriod,
    type Indicator, type Lang, type Outcome
} from '@vplan/language';
import { indentationAt, lineEndAt, lineStartAt, type TextEdit } from './text-edits.js';

/**
 * A figure from a source: a number, the source's "no value", or a rank percentile among a
 * comparison group (semantics' rankInGroup), written `31 % bästa`.
 */
export type Figure = { kind: 'number'; value: number } | { kind: 'rank'; value: number } | { kind: 'no-data' };

export type ChangeKind = 'add' | 'change';

export interface OutcomeChange {
    kind: ChangeKind;
    indicator: Indicator;
    /** The column the outcome stands in (`utfall 2025: …` → 2025). */
    period: string;
    /** The outcome's text before (for a change) and after. */
    before?: string;
    after: string;
    edit: TextEdit;
}

/** How the file writes: keyword language and decimal separator. */
export interface WritingStyle {
    lang: Lang;
    decimal: ',' | '.';
}

/**
 * The edits for one indicator. `text` is the document's text; `figures` maps periods (`2025`,
 * `2025-T1`) to the source's figures. An outcome in a series is left alone (a source gives totals).
 */
export interface PlanOptions {
    /**
     * Whose precision a corrected number takes when the indicator declares none: the plan's
     * (Kolada's 66.7 stays "67" where the plan writes whole numbers) or the source's (a table's
     * 63,5 is written as it stands). Default: the plan's.
     */
    precision?: 'plan' | 'source';
}

export function planIndicatorOutcomes(indicator: Indicator, text: string, figures: ReadonlyMap<string, Figure>, options: PlanOptions = {}): OutcomeChange[] {
    const style = writingStyle(indicator, text);
    const keepWritten = options.precision !== 'source';
    const decimals = declaredPrecision(indicator);
    const outcomes = indicator.members.filter(isOutcome).filter(o => !o.series?.$refText);
    const changes: OutcomeChange[] = [];
    /** Periods some outcome already gives the figure of (its column, or its `(year)` annotation). */
    const covered = new Set<string>();
    for (const outcome of outcomes) {
        const column = normalPeriod(outcome.period);
        covered.add(column);
        const change = planOutcome(indicator, outcome, column, text, figures, style, decimals, keepWritten);
        if (change) changes.push(change);
        // An annotated outcome that keeps its annotation still gives that year's figure.
        const ownFigure = figures.get(column);
        if (outcome.refersTo && !hasValue(ownFigure)) covered.add(normalPeriod(outcome.refersTo));
    }
    const additions = [...figures.entries()]
        .filter(([period]) => !covered.has(period) && parsePeriod(period))
        .sort(([a], [b]) => comparePeriods(a, b));
    for (const [period, figure] of additions) {
        const value = figureText(figure, style, decimals, unitOfLatest(outcomes));
        const line = `${style.lang === 'sv' ? 'utfall' : 'outcome'} ${period}: ${value}`;
        changes.push({ kind: 'add', indicator, period, after: line, edit: insertion(indicator, outcomes, period, line, text) });
    }
    return changes;
}

function planOutcome(
    indicator: Indicator, outcome: Outcome, column: string, text: string, figures: ReadonlyMap<string, Figure>,
    style: WritingStyle, decimals: number | undefined, keepWritten: boolean
): OutcomeChange | undefined {
    const value = outcome.value;
    const valueNode = value?.$cstNode;
    const outcomeNode = outcome.$cstNode;
    if (!valueNode || !outcomeNode) return undefined;
    const own = figures.get(column);
    const before = text.slice(outcomeNode.offset, outcomeNode.end);
    const change = (start: number, end: number, replacement: string): OutcomeChange => {
        const after = before.slice(0, start - outcomeNode.offset) + replacement + before.slice(end - outcomeNode.offset);
        return { kind: 'change', indicator, period: column, before, after, edit: { start, end, text: replacement } };
    };
    const valueAndAnnotationEnd = annotationEnd(outcome) ?? valueNode.end;
    if (outcome.refersTo) {
        // "utfall 2025: 73 (2024)": the 2024 figure, standing in the 2025 column until 2025's arrives.
        if (hasValue(own)) {
            return change(valueNode.offset, valueAndAnnotationEnd, figureText(own, style, decimals, unitOf(outcome)));
        }
        const referred = figures.get(normalPeriod(outcome.refersTo));
        return hasValue(referred) ? correctNumber(outcome, referred, decimals, keepWritten, style, change) : undefined;
    }
    if (!hasValue(own)) return undefined;
    if (isNumberValue(value)) return correctNumber(outcome, own, decimals, keepWritten, style, change);
    if (isNoData(value) || isPending(value)) {
        return change(valueNode.offset, valueNode.end, figureText(own, style, decimals, undefined));
    }
    return undefined; // yes/no, a colour: not the source's kind of figure
}

/** Replaces the number of a numeric outcome (keeping its unit and any `bästa`) when it differs. */
function correctNumber(
    outcome: Outcome, figure: Valued, decimals: number | undefined, keepWritten: boolean, style: WritingStyle,
    change: (start: number, end: number, text: string) => OutcomeChange
): OutcomeChange | undefined {
    const value = outcome.value;
    if (!isNumberValue(value)) return undefined;
    // A rank is not the measured figure itself, and a figure is not a rank.
    if (Boolean(value.best) && figure.kind !== 'rank') return undefined;
    const written = parseNumber(value.value?.value ?? '');
    // Compared at the precision it would be written with: no edit that rewrites 67 as 67. A rank
    // comes rounded (up) at its bands' precision already and is written as it stands.
    const precision = figure.kind === 'rank' ? undefined : decimals ?? (keepWritten ? written?.decimals : undefined);
    const wanted = rounded(figure.value, precision);
    if (written && Math.abs(written.value - wanted) < 1e-9) return undefined;
    const numberNode = GrammarUtils.findNodeForProperty(value.value?.$cstNode, 'value');
    if (!numberNode) return undefined;
    return change(numberNode.offset, numberNode.end, numberText(figure.value, style, precision));
}

type Valued = Extract<Figure, { value: number }>;

function hasValue(figure: Figure | undefined): figure is Valued {
    return figure?.kind === 'number' || figure?.kind === 'rank';
}

/** Where the `)` of an outcome's `(year)` ends. */
function annotationEnd(outcome: Outcome): number | undefined {
    if (!outcome.refersTo) return undefined;
    const close: CstNode | undefined = GrammarUtils.findNodeForKeyword(outcome.$cstNode, ')');
    return close?.end;
}

/** A new outcome goes after the last one of an earlier period, else before the first, else after the bands. */
function insertion(indicator: Indicator, outcomes: Outcome[], period: string, line: string, text: string): TextEdit {
    const earlier = outcomes.filter(o => comparePeriods(normalPeriod(o.period), period) < 0);
    const anchor = earlier[earlier.length - 1]?.$cstNode;
    if (anchor) return insertAfter(anchor, line, text);
    const first = outcomes[0]?.$cstNode;
    if (first) return insertBefore(first, line, text);
    const members = indicator.members;
    const lastBand = [...members].reverse().find(m => m.$type === 'Band' || m.$type === 'Comparison' || m.$type === 'Scale');
    const after = (lastBand ?? members.filter(m => m.$type !== 'Activity' && m.$type !== 'Footnote' && m.$type !== 'Prose').pop())?.$cstNode;
    if (after) return insertAfter(after, line, text);
    const open = GrammarUtils.findNodeForKeyword(indicator.$cstNode, '{');
    const close = GrammarUtils.findNodeForKeyword(indicator.$cstNode, '}');
    if (!open || !close) return { start: indicator.$cstNode!.end, end: indicator.$cstNode!.end, text: '' };
    const indent = indentationAt(text, indicator.$cstNode!.offset);
    if (text.slice(open.end, close.offset).includes('\n')) {
        return { start: open.end, end: open.end, text: `\n${indent}  ${line}` };
    }
    return { start: open.end, end: close.offset, text: `\n${indent}  ${line}\n${indent}` };
}

function insertAfter(node: CstNode, line: string, text: string): TextEdit {
    const lineEnd = lineEndAt(text, node.end);
    const rest = text.slice(node.end, lineEnd);
    if (/^\s*(\/\/.*)?$/.test(rest)) {
        // On its own line, after a trailing comment if there is one, with the anchor's indentation.
        return { start: lineEnd, end: lineEnd, text: `${newline(text)}${indentationAt(text, node.offset)}${line}` };
    }
    return { start: node.end, end: node.end, text: ` ${line}` };
}

function insertBefore(node: CstNode, line: string, text: string): TextEdit {
    const start = lineStartAt(text, node.offset);
    if (/^[ \t]*$/.test(text.slice(start, node.offset))) {
        return { start: node.offset, end: node.offset, text: `${line}${newline(text)}${indentationAt(text, node.offset)}` };
    }
    return { start: node.offset, end: node.offset, text: `${line} ` };
}

function newline(text: string): string {
    return text.includes('\r\n') ? '\r\n' : '\n';
}

/** `decimaler N` of the indicator itself. */
function declaredPrecision(indicator: Indicator): number | undefined {
    const p = indicator.members.find(isPrecision);
    const n = p ? Number(p.decimals) : NaN;
    return Number.isInteger(n) && n >= 0 && n <= 10 ? n : undefined;
}

/** Keyword language from the indicator's own keyword; the decimal mark from its numbers, else the language. */
export function writingStyle(indicator: Indicator, text: string): WritingStyle {
    const node = indicator.$cstNode;
    const head = node ? text.slice(node.offset, node.offset + 10) : '';
    const lang: Lang = head.startsWith('indicator') ? 'en' : 'sv';
    let decimal: ',' | '.' | undefined;
    for (const o of indicator.members.filter(isOutcome)) {
        const v = isNumberValue(o.value) ? o.value.value?.value : undefined;
        if (v?.includes(',')) decimal = ',';
        else if (v?.includes('.')) decimal = '.';
    }
    return { lang, decimal: decimal ?? (lang === 'sv' ? ',' : '.') };
}

function rounded(value: number, decimals: number | undefined): number {
    return decimals === undefined ? value : Number(value.toFixed(decimals));
}

/** A number as the plan writes it: at the precision when one is given, else as the source gave it. */
export function numberText(value: number, style: WritingStyle, decimals: number | undefined): string {
    const raw = decimals === undefined ? String(Number(value.toPrecision(12))) : value.toFixed(decimals);
    const text = raw === '-0' ? '0' : raw;
    return style.decimal === ',' ? text.replace('.', ',') : text;
}

function figureText(figure: Figure, style: WritingStyle, decimals: number | undefined, unit: string | undefined): string {
    if (figure.kind === 'no-data') return style.lang === 'sv' ? 'iu' : 'no-data';
    if (figure.kind === 'rank') return `${numberText(figure.value, style, undefined)} % ${style.lang === 'sv' ? 'bästa' : 'best'}`;
    return numberText(figure.value, style, decimals) + (unit ? ` ${unit}` : '');
}

function unitOf(outcome: Outcome): string | undefined {
    return isNumberValue(outcome.value) ? outcome.value.value?.unit : undefined;
}

function unitOfLatest(outcomes: Outcome[]): string | undefined {
    for (let i = outcomes.length - 1; i >= 0; i--) {
        const unit = unitOf(outcomes[i]);
        if (unit) return unit;
    }
    return undefined;
}

function normalPeriod(text: string): string {
    return text.trim();
}

/** True when an indicator measures several series: a source's totals do not fit it. */
export function hasSeries(indicator: Indicator): boolean {
    return indicator.members.some(isSeriesDecl);
}
