// What the follow-up report of a period says, apart from how it is written: the one model the HTML
// page (and the PDF printed from it), the Markdown and the Word document lay out, so the four formats
// cannot disagree. Every status, trend, progress and fulfilment comes from the semantics module.
import { AstUtils, type LangiumDocument } from 'langium';
import {
    activitiesAt, deviationsAtPeriod, indicatorsAt, isOverdue, isPeriodReport, isPlan, isReady, isUnit, periodLabel, periodReportsIn,
    planFulfilment, planYearModel, PROGRESS_STATES, reportPlan, statusRank, today,
    type ActivityAtPeriod, type Document, type Goal, type GoalFulfilment, type IndicatorAtPeriod, type Lang, type PlanPeriod, type PlanYearModel,
    type Unit
} from '@vplan/language';
import { decisionOf, decisionText } from './decision.js';
import { reportLabel } from './follow-up-labels.js';
import type { ProgressState } from './svg.js';

export interface FollowUpModelOptions {
    lang: Lang;
    /** Only the deviations (the preview's "deviations only", the council's summary). */
    deviationsOnly?: boolean;
    /** The date overdue activities are judged at (YYYY-MM-DD); today unless given. */
    asOf?: string;
}

export interface FulfilmentTable {
    /** 'councilGoals', 'unitGoals', 'units': the table's caption key. */
    key: 'councilGoals' | 'unitGoals' | 'units';
    rows: GoalFulfilment<Goal | Unit>[];
}

export interface ActivityLine {
    at: ActivityAtPeriod;
    overdue: boolean;
}

export interface FollowUpReportModel {
    lang: Lang;
    model: PlanYearModel;
    period: PlanPeriod;
    planTitle: string;
    /** "T1", "helår": the period as the plan names it. */
    periodLabel: string;
    /** "Uppföljning T1": the report's heading. */
    heading: string;
    /** "<plan>: Uppföljning T1": the page's and the document's title. */
    title: string;
    /** Whether every follow-up of the period is marked ready for the report (else a draft). */
    ready: boolean;
    /** The plan's decision details, as a cover states them. */
    decision?: string;
    deviationsOnly: boolean;
    asOf: string;
    /** Red, then yellow, then cannot be assessed; within one status as written. */
    deviations: IndicatorAtPeriod[];
    /** Every indicator at the period, in the plan's order. */
    indicators: IndicatorAtPeriod[];
    fulfilment: { rule: { fulfilled: number; notFulfilled: number }; tables: FulfilmentTable[] };
    /** Per unit (undefined: indicators at the plan's level) in the plan's order. */
    units: { unit?: Unit; title: string; indicators: IndicatorAtPeriod[] }[];
    /** Activities and assignments grouped by their progress at the period, in the vocabulary's order. */
    activityGroups: { state: ProgressState; items: ActivityLine[] }[];
    /** What changed since the previous period; absent for the first period. */
    changes?: {
        previousLabel: string;
        /** Indicators whose status changed, worst new status first. */
        indicators: IndicatorAtPeriod[];
        /** Activities whose progress this period's follow-up changed. */
        activities: ActivityAtPeriod[];
    };
}

export function followUpReportModel(model: PlanYearModel, period: PlanPeriod, options: FollowUpModelOptions): FollowUpReportModel {
    const { lang } = options;
    const indicators = indicatorsAt(model, period);
    const activities = activitiesAt(model, period);
    const label = periodLabel(period, lang);
    const heading = `${reportLabel('followUp', lang)} ${label}`;
    const decision = decisionOf(model.plan);
    const asOf = options.asOf ?? today();

    const statuses = new Map(indicators.map(i => [i.indicator, i.status] as const));
    const f = planFulfilment(model.plan, statuses);
    const tables: FulfilmentTable[] = ([['councilGoals', f.councilGoals], ['unitGoals', f.unitGoals], ['units', f.units]] as const)
        .filter(([, rows]) => rows.length > 0)
        .map(([key, rows]) => ({ key, rows: rows as GoalFulfilment<Goal | Unit>[] }));

    const byUnit = new Map<Unit | undefined, IndicatorAtPeriod[]>();
    for (const at of indicators) {
        const unit = AstUtils.getContainerOfType(at.indicator.$container, isUnit);
        byUnit.set(unit, [...(byUnit.get(unit) ?? []), at]);
    }

    const activityGroups = ([...PROGRESS_STATES, 'unknown'] as ProgressState[])
        .map(state => ({
            state,
            items: activities.filter(a => (a.state ?? 'unknown') === state).map(at => ({ at, overdue: isOverdue(at, asOf) }))
        }))
        .filter(g => g.items.length > 0);

    const previous = period.index > 0 ? model.periods[period.index - 1] : undefined;
    const changes = previous ? {
        previousLabel: periodLabel(previous, lang),
        indicators: indicators.filter(i => i.previousStatus && i.previousStatus !== i.status).sort((a, b) => statusRank(a.status) - statusRank(b.status)),
        activities: activities.filter(a => a.stateFrom === 'period' && a.previousState !== a.state)
    } : undefined;

    return {
        lang, model, period, planTitle: model.plan.title, periodLabel: label, heading,
        title: `${model.plan.title}: ${heading}`,
        ready: isReady(model, period),
        decision: decision ? decisionText(decision, lang) : undefined,
        deviationsOnly: options.deviationsOnly === true,
        asOf,
        deviations: deviationsAtPeriod(indicators),
        indicators,
        fulfilment: { rule: { fulfilled: f.rule.fulfilled, notFulfilled: f.rule.notFulfilled }, tables },
        units: [...byUnit].map(([unit, list]) => ({ unit, title: unit?.title ?? reportLabel('planLevel', lang), indicators: list })),
        activityGroups,
        changes
    };
}

/** The rule that decided goal fulfilment, in words (decimal comma in Swedish). */
export function fulfilmentRuleText(rule: { fulfilled: number; notFulfilled: number }, lang: Lang): string {
    const n = (v: number) => lang === 'sv' ? String(v).replace('.', ',') : String(v);
    return lang === 'sv'
        ? `Ett mål är uppfyllt när minst ${n(rule.fulfilled)} % av de bedömbara indikatorerna är gröna, ej uppfyllt när minst ${n(rule.notFulfilled)} % är röda, annars delvis uppfyllt.`
        : `A goal is fulfilled when at least ${n(rule.fulfilled)} % of the assessable indicators are green, not fulfilled when at least ${n(rule.notFulfilled)} % are red, else partly fulfilled.`;
}

/** The first words of an analysis, as plain text, for a table cell. */
export function analysisExcerpt(markdown: string, max = 160): string {
    const plain = markdown.replace(/[*_`#>-]+/g, ' ').replace(/\s+/g, ' ').trim();
    return plain.length > max ? plain.slice(0, max - 1).trimEnd() + '…' : plain;
}

/**
 * The plan's year a document belongs to: its own plan's, or — for a follow-up file — the plan it
 * follows up, with the follow-up's period. `all`: the workspace's documents (the follow-ups).
 */
export function planYearOfDocument(document: LangiumDocument<Document> | Document, all: Iterable<LangiumDocument>):
    { model: PlanYearModel; ownPlan: boolean; followUpPeriod?: string } | undefined {
    const root = 'parseResult' in document ? document.parseResult.value : document;
    const ownPlan = root.elements?.find(isPlan);
    const followUp = ownPlan ? undefined : root.elements?.find(isPeriodReport);
    const plan = ownPlan ?? (followUp ? reportPlan(followUp) : undefined);
    if (!plan) return undefined;
    const roots = [...all].map(d => d.parseResult.value as Document);
    return { model: planYearModel(plan, periodReportsIn(roots)), ownPlan: !!ownPlan, followUpPeriod: followUp?.period };
}

/** The period in a file name: 't1', 'helar' (`omsorg-2026-t1.pdf`); 'uppfoljning' for the default period. */
export function periodSlug(period: string | undefined): string {
    if (!period) return 'uppfoljning';
    return period.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'period';
}
