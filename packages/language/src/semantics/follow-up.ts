// The plan's year: the follow-up of each period a plan declares (uppföljning T1 av plan { … }),
// the status of every indicator and the progress of every activity as of a period. Every surface
// (validator, hover, CLI, report) asks here.
import { AstUtils } from 'langium';
import {
    isActivity, isAnalysis, isActions, isBudgetAssignment, isComment, isControlArea, isDeadline, isFollowUp,
    isFrequency, isIndicator, isIndicatorFollowUp, isMission, isPeriodOutcome, isPeriodReport, isPlanYear, isProgress,
    isProgressFollowUp, isReportState, isRestatement,
    type Activity, type BudgetAssignment, type ControlArea, type Document, type Indicator, type IndicatorFollowUp,
    type Mission, type Outcome, type PeriodOutcome, type PeriodReport, type Plan, type ProgressFollowUp
} from '../generated/ast.js';
import type { Localized } from '../i18n/lang.js';
import { parsePeriod } from './periods.js';
import { assessIndicatorAsOf, type IndicatorAssessment } from './status.js';
import { isDeviation, statusRank, type Status, type Trend } from './vocabulary.js';

/** A follow-up period of a plan, in the plan's order. */
export interface PlanPeriod {
    /** As the plan declares it: 'T1', 'T2'; the yearly keywords normalised: 'annual', 'interim'. */
    name: string;
    title?: string;
    /** The outcome period it stands for: '2026-T1', '2026' (annual), '2026-interim'. */
    key: string;
    index: number;
}

export type ProgressState = 'done' | 'started' | 'not-started' | 'delayed' | 'cancelled';
export const PROGRESS_STATES: readonly ProgressState[] = ['done', 'started', 'not-started', 'delayed', 'cancelled'];
export const PROGRESS_WORD: Record<ProgressState, Localized> = {
    done: { sv: 'klar', en: 'done' },
    started: { sv: 'påbörjad', en: 'started' },
    'not-started': { sv: 'ej påbörjad', en: 'not started' },
    delayed: { sv: 'försenad', en: 'delayed' },
    cancelled: { sv: 'inställd', en: 'cancelled' }
};
/** How far along a state is: progress "goes backwards" when this falls. Cancelled stands apart. */
const PROGRESS_RANK: Record<ProgressState, number | undefined> = { 'not-started': 0, delayed: 1, started: 1, done: 2, cancelled: undefined };

/** How a period's name is written in the plan's language ('helår' for 'annual'). */
export function periodLabel(period: Pick<PlanPeriod, 'name' | 'title'>, lang: 'sv' | 'en'): string {
    if (period.title) return period.title;
    if (period.name === 'annual') return lang === 'sv' ? 'helår' : 'annual';
    if (period.name === 'interim') return lang === 'sv' ? 'delår' : 'interim';
    return period.name;
}

export function planYear(plan: Plan): number | undefined {
    const y = plan.members.find(isPlanYear)?.year;
    const n = y === undefined ? NaN : Number(String(y).replace(/\s/g, ''));
    return Number.isFinite(n) ? n : undefined;
}

/** The outcome period a plan period stands for, in the plan's year. */
export function periodKey(name: string, year: number | undefined): string {
    const y = year ?? 0;
    if (name === 'annual') return String(y);
    if (name === 'interim') return `${y}-interim`;
    const m = /^([TQH])(\d)$/i.exec(name) ?? /^(M)(\d{1,2})$/i.exec(name);
    if (m && m[1].toUpperCase() !== 'M') return `${y}-${m[1].toUpperCase()}${m[2]}`;
    if (m) return `${y}-${m[2].padStart(2, '0')}`;
    return `${y}-${name}`;
}

export function planPeriods(plan: Plan): PlanPeriod[] {
    const year = planYear(plan);
    const periods: PlanPeriod[] = [];
    for (const followUp of plan.members.filter(isFollowUp)) {
        for (const p of followUp.periods) {
            if (!p.name || periods.some(q => q.name === p.name)) continue;
            periods.push({ name: p.name, title: p.title, key: periodKey(p.name, year), index: periods.length });
        }
    }
    return periods;
}

/** The plan a follow-up is for (by reference, else by the id as written). */
export function reportPlan(report: PeriodReport, plans?: readonly Plan[]): Plan | undefined {
    return report.plan?.ref ?? plans?.find(p => p.name === report.plan?.$refText);
}

/** Every follow-up among the given documents' roots. */
export function periodReportsIn(roots: Iterable<Document>): PeriodReport[] {
    const reports: PeriodReport[] = [];
    for (const root of roots) for (const e of root.elements ?? []) if (isPeriodReport(e)) reports.push(e);
    return reports;
}

/** A plan with the follow-ups written for it, period by period. */
export interface PlanYearModel {
    plan: Plan;
    periods: PlanPeriod[];
    /** Follow-ups per period name; a period may be followed up in several files (one per unit). */
    reports: Map<string, PeriodReport[]>;
}

export function planYearModel(plan: Plan, reports: readonly PeriodReport[]): PlanYearModel {
    const periods = planPeriods(plan);
    const byPeriod = new Map<string, PeriodReport[]>();
    for (const r of reports) {
        if (reportPlan(r) !== plan && r.plan?.$refText !== plan.name) continue;
        const list = byPeriod.get(r.period) ?? [];
        list.push(r);
        byPeriod.set(r.period, list);
    }
    return { plan, periods, reports: byPeriod };
}

/** The period a surface shows by default: the latest with a follow-up. */
export function defaultPeriod(model: PlanYearModel): PlanPeriod | undefined {
    return [...model.periods].reverse().find(p => (model.reports.get(p.name) ?? []).length > 0);
}

/** Finds a period by what a user types: 'T1', 'helår', 'annual', 'delår', '2026-T1'. */
export function findPeriod(model: PlanYearModel, text: string): PlanPeriod | undefined {
    const t = text.trim().toLowerCase();
    const name = t === 'helår' || t === 'årsbokslut' ? 'annual' : t === 'delår' ? 'interim' : t;
    return model.periods.find(p => p.name.toLowerCase() === name || p.key.toLowerCase() === name || p.title?.toLowerCase() === t);
}

/** Whether every follow-up of the period is marked ready for the report (and there is one). */
export function isReady(model: PlanYearModel, period: PlanPeriod): boolean {
    const reports = model.reports.get(period.name) ?? [];
    return reports.length > 0 && reports.every(r => reportState(r) === 'ready');
}

export function reportState(report: PeriodReport): 'ready' | 'draft' {
    const states = report.members.filter(isReportState).map(s => s.state);
    return states[states.length - 1] === 'ready' ? 'ready' : 'draft';
}

// ------------------------------------------------------------------ indicators at a period

export interface IndicatorAtPeriod {
    indicator: Indicator;
    period: PlanPeriod;
    assessment: IndicatorAssessment;
    status: Status;
    reason: Localized;
    /** The latest outcome as of the period, as written, and the period it is for. */
    display?: string;
    outcomePeriod?: string;
    /** Whether the latest outcome is the period's own (not an earlier one carried forward). */
    current: boolean;
    trend?: Trend;
    /** The status at the previous period of the plan, for "what changed". */
    previousStatus?: Status;
    followUps: IndicatorFollowUp[];
    analysis?: string;
    actions?: string;
    /** Whether the indicator is due at this period by its frequency. */
    due: boolean;
}

/** A follow-up's outcome as the plan's outcome of that period (for the assessment). */
function asOutcome(o: PeriodOutcome, key: string): Outcome {
    return {
        $type: 'Outcome', $container: o.$container as never, $cstNode: o.$cstNode, period: key,
        series: o.series ? { $refText: o.series, ref: undefined } as never : undefined, value: o.value
    } as unknown as Outcome;
}

/**
 * Which follow-up lines name which indicator and which activity, in period order: built once per
 * model, so asking for every indicator of a large plan stays linear.
 */
interface FollowUpIndex {
    indicators: Map<Indicator, { period: PlanPeriod; node: IndicatorFollowUp }[]>;
    targets: Map<FollowedTarget, { period: PlanPeriod; node: ProgressFollowUp }[]>;
}

const indexes = new WeakMap<PlanYearModel, FollowUpIndex>();

function followUpIndex(model: PlanYearModel): FollowUpIndex {
    let index = indexes.get(model);
    if (index) return index;
    index = { indicators: new Map(), targets: new Map() };
    for (const period of model.periods) {
        for (const report of model.reports.get(period.name) ?? []) {
            for (const member of report.members) {
                if (isIndicatorFollowUp(member)) {
                    const indicator = followedIndicator(model.plan, member);
                    if (indicator) index.indicators.set(indicator, [...(index.indicators.get(indicator) ?? []), { period, node: member }]);
                } else if (isProgressFollowUp(member)) {
                    const target = followedTarget(model.plan, member);
                    if (target) index.targets.set(target, [...(index.targets.get(target) ?? []), { period, node: member }]);
                }
            }
        }
    }
    indexes.set(model, index);
    return index;
}

/** The follow-ups of an indicator up to and including a period, by period. */
function indicatorFollowUps(model: PlanYearModel, indicator: Indicator, upTo: PlanPeriod): { period: PlanPeriod; node: IndicatorFollowUp }[] {
    return (followUpIndex(model).indicators.get(indicator) ?? []).filter(f => f.period.index <= upTo.index);
}

const indicatorsByName = new WeakMap<Plan, Map<string, Indicator>>();

/** The plan's indicator a follow-up names: the plan's own of that id first (last year's may share it). */
export function followedIndicator(plan: Plan, f: IndicatorFollowUp): Indicator | undefined {
    let byName = indicatorsByName.get(plan);
    if (!byName) {
        byName = new Map();
        for (const i of planIndicators(plan)) if (!byName.has(i.name)) byName.set(i.name, i);
        indicatorsByName.set(plan, byName);
    }
    return byName.get(f.indicator?.$refText ?? '') ?? f.indicator?.ref;
}

const indicatorsMemo = new WeakMap<Plan, Indicator[]>();
export function planIndicators(plan: Plan): Indicator[] {
    let list = indicatorsMemo.get(plan);
    if (!list) indicatorsMemo.set(plan, list = AstUtils.streamAllContents(plan).filter(isIndicator).toArray());
    return list;
}

function frequencyOf(indicator: Indicator): string | undefined {
    const own = indicator.members.find(isFrequency)?.frequency;
    if (own) return own;
    const restated = indicator.members.find(isRestatement)?.indicator?.ref;
    return restated?.members.find(isFrequency)?.frequency;
}

/** Whether an indicator measured this often has an outcome to report at the period. */
export function isDue(indicator: Indicator, period: PlanPeriod): boolean {
    const p = parsePeriod(period.key);
    const frequency = frequencyOf(indicator) ?? 'yearly';
    if (!p) return frequency !== 'yearly';
    if (p.kind === 'year') return true;
    return frequency !== 'yearly';
}

export function indicatorAt(model: PlanYearModel, indicator: Indicator, period: PlanPeriod): IndicatorAtPeriod {
    const followUps = indicatorFollowUps(model, indicator, period);
    const extra = followUps.flatMap(f => f.node.members.filter(isPeriodOutcome).map(o => asOutcome(o, f.period.key)));
    const assessment = assessIndicatorAsOf(indicator, period.key, extra);
    const own = followUps.filter(f => f.period === period).map(f => f.node);
    // The outcome that decides the status (the worst series'), as written.
    const worst = assessment.series.find(s => s.latest && s.latest.status === assessment.status)?.latest
        ?? assessment.series.find(s => s.latest)?.latest;
    const previous = period.index > 0 ? model.periods[period.index - 1] : undefined;
    const text = (pick: (f: IndicatorFollowUp) => string[]) => {
        const parts = own.flatMap(pick).filter(t => t.trim() !== '');
        return parts.length > 0 ? parts.join('\n\n') : undefined;
    };
    return {
        indicator, period, assessment, status: assessment.status, reason: assessment.reason,
        display: worst?.display, outcomePeriod: worst?.period,
        current: assessment.series.some(s => s.outcomes.some(o => o.period === period.key)),
        trend: assessment.trend,
        previousStatus: previous ? assessIndicatorAsOf(indicator, previous.key, extra.filter(e => e.period !== period.key)).status : undefined,
        followUps: own,
        analysis: text(f => f.members.filter(isAnalysis).map(a => a.text)),
        actions: text(f => f.members.filter(isActions).map(a => a.text)),
        due: isDue(indicator, period)
    };
}

/** Every indicator of the plan at a period, in the plan's order. */
export function indicatorsAt(model: PlanYearModel, period: PlanPeriod): IndicatorAtPeriod[] {
    return planIndicators(model.plan).map(i => indicatorAt(model, i, period));
}

/**
 * The deviations at a period in the order the deviations list uses (semantics/deviations.ts): red,
 * yellow, cannot be assessed; within one status as written.
 */
export function deviationsAtPeriod(indicators: readonly IndicatorAtPeriod[]): IndicatorAtPeriod[] {
    return indicators.filter(i => isDeviation(i.status)).sort((a, b) => statusRank(a.status) - statusRank(b.status));
}

// ------------------------------------------------------------------ activities at a period

export type FollowedTarget = Activity | BudgetAssignment | ControlArea | Mission;

export interface ActivityAtPeriod {
    target: FollowedTarget;
    title: string;
    /** The state as of the period: the latest follow-up's up to it, else the plan's `status`. */
    state?: ProgressState;
    /** Where the state comes from: this period's follow-up, an earlier one, or the plan. */
    stateFrom: 'period' | 'earlier' | 'plan' | 'none';
    comment?: string;
    deadline?: string;
    previousState?: ProgressState;
    node?: ProgressFollowUp;
}

const norm = (s: string | undefined) => (s ?? '').replace(/\s+/g, ' ').trim().toLowerCase();

const targetsMemo = new WeakMap<Plan, FollowedTarget[]>();
export function planProgressTargets(plan: Plan): FollowedTarget[] {
    let list = targetsMemo.get(plan);
    if (!list) {
        list = AstUtils.streamAllContents(plan)
            .filter((n): n is FollowedTarget => isActivity(n) || isBudgetAssignment(n) || isControlArea(n) || isMission(n))
            .toArray();
        targetsMemo.set(plan, list);
    }
    return list;
}

const KIND_TYPE: Record<string, string> = { activity: 'Activity', budget: 'BudgetAssignment', control: 'ControlArea', mission: 'Mission' };
const targetKeys = new WeakMap<Plan, Map<string, FollowedTarget>>();

/** The activity or assignment of the plan a progress line names (by id, else by title). */
export function followedTarget(plan: Plan, f: ProgressFollowUp): FollowedTarget | undefined {
    let keys = targetKeys.get(plan);
    if (!keys) {
        keys = new Map();
        for (const t of planProgressTargets(plan)) {
            const byTitle = `${t.$type} title ${norm(t.title)}`;
            if (!keys.has(byTitle)) keys.set(byTitle, t);
            const id = 'name' in t ? t.name : undefined;
            if (id && !keys.has(`${t.$type} id ${id}`)) keys.set(`${t.$type} id ${id}`, t);
        }
        targetKeys.set(plan, keys);
    }
    const type = KIND_TYPE[f.kind] ?? 'Mission';
    return f.ref ? keys.get(`${type} id ${f.ref}`) : keys.get(`${type} title ${norm(f.title)}`);
}

function progressOf(f: ProgressFollowUp): ProgressState | undefined {
    const p = f.members.filter(isProgress);
    return p[p.length - 1]?.state as ProgressState | undefined;
}

export function activityAt(model: PlanYearModel, target: FollowedTarget, period: PlanPeriod): ActivityAtPeriod {
    const history = (followUpIndex(model).targets.get(target) ?? [])
        .filter(h => h.period.index <= period.index)
        .map(h => ({ ...h, state: progressOf(h.node) }));
    const withState = history.filter(h => h.state);
    const last = withState[withState.length - 1];
    const before = withState.filter(h => h.period !== period);
    const planState = (isActivity(target) ? target.members.find(isProgress)?.state : undefined) as ProgressState | undefined;
    const ownNode = [...history].reverse().find(h => h.period === period)?.node;
    const comments = history.filter(h => h.period === period).flatMap(h => h.node.members.filter(isComment).map(c => c.text));
    return {
        target, title: target.title,
        state: last?.state ?? planState,
        stateFrom: last ? (last.period === period ? 'period' : 'earlier') : planState ? 'plan' : 'none',
        comment: comments.length > 0 ? comments.join('\n\n') : undefined,
        deadline: isActivity(target) ? target.members.find(isDeadline)?.date : undefined,
        previousState: before[before.length - 1]?.state ?? planState,
        node: ownNode
    };
}

export function activitiesAt(model: PlanYearModel, period: PlanPeriod): ActivityAtPeriod[] {
    return planProgressTargets(model.plan).map(t => activityAt(model, t, period));
}

/** Whether progress went backwards (klar → påbörjad); cancelling is not going backwards. */
export function wentBackwards(from: ProgressState | undefined, to: ProgressState | undefined): boolean {
    if (!from || !to) return false;
    const a = PROGRESS_RANK[from];
    const b = PROGRESS_RANK[to];
    return a !== undefined && b !== undefined && b < a;
}

/** An activity whose deadline has passed (as of a date, YYYY-MM-DD) and that is neither done nor cancelled. */
export function isOverdue(activity: Pick<ActivityAtPeriod, 'deadline' | 'state'>, asOf: string): boolean {
    return !!activity.deadline && activity.deadline < asOf && activity.state !== 'done' && activity.state !== 'cancelled';
}

export function today(): string {
    return new Date().toISOString().slice(0, 10);
}
