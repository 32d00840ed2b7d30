import { AstUtils, GrammarUtils, type AstNode, type ValidationAcceptor } from 'langium';
import {
    isFollowUp, isFrequency, isOutcome, isPlan, isPlanYear, type Contribution, type Deadline, type Frequency, type Indicator,
    type Outcome, type Plan
} from '../generated/ast.js';
import type { Lang } from '../i18n/lang.js';
import { parseNumber, parsePeriod } from '../semantics/index.js';
import { messages } from './messages.js';
import { report } from './report.js';
import { relatedNode } from './related.js';

/** Outcomes this many years before the plan's year are probably a typo. */
export const OLDEST_OUTCOME_YEARS = 5;

const planYears = new WeakMap<Plan, number | null>();

/** The plan's year (read once per plan). */
export function planYear(node: AstNode): number | undefined {
    const plan = AstUtils.getContainerOfType(node, isPlan);
    if (!plan) return undefined;
    let year = planYears.get(plan);
    if (year === undefined) {
        const decl = plan.members?.find(isPlanYear);
        // After a syntax error ("år tjugo") the declaration may have no year.
        const n = decl?.year !== undefined ? parseNumber(decl.year) : undefined;
        year = n && n.decimals === 0 ? n.value : null;
        planYears.set(plan, year);
    }
    return year ?? undefined;
}

const planPeriods = new WeakMap<Plan, string[] | null>();

/** The follow-up periods a plan declares (read once per plan: a plan may hold thousands of members). */
export function declaredPeriods(node: AstNode): string[] | undefined {
    const plan = AstUtils.getContainerOfType(node, isPlan);
    if (!plan) return undefined;
    let periods = planPeriods.get(plan);
    if (periods === undefined) {
        const followUps = plan.members?.filter(isFollowUp) ?? [];
        periods = followUps.length === 0 ? null : followUps.flatMap(f => f.periods.map(p => p.name)).filter(Boolean);
        planPeriods.set(plan, periods);
    }
    return periods ?? undefined;
}

const PERIOD_LETTER: Record<string, string> = { tertial: 'T', quarter: 'Q', half: 'H' };

/** A sub-period the calendar does not have (`2025-T4`, `2025-Q5`, `2025-H0`): the grammar reads any digit. */
const SUB_PERIOD = /^(\d{4})-([TQH])(\d)$/;
const SUB_PERIODS_PER_YEAR: Record<string, number> = { T: 3, Q: 4, H: 2 };

export function checkOutcome(outcome: Outcome, accept: ValidationAcceptor, lang: Lang): void {
    const period = parsePeriod(outcome.period ?? '');
    if (!period) {
        const m = SUB_PERIOD.exec(outcome.period ?? '');
        if (m) {
            report(accept, lang, 'unknown-period', messages.nonexistentPeriod(outcome.period, m[2], SUB_PERIODS_PER_YEAR[m[2]]),
                { node: outcome, property: 'period' }, { period: outcome.period, label: `${m[2]}${m[3]}` });
        }
        return;
    }
    const year = planYear(outcome);
    if (year !== undefined) {
        if (period.year > year) {
            report(accept, lang, 'outcome-outside-plan', messages.outcomeAfterPlan(outcome.period, year),
                { node: outcome, property: 'period' }, { period: outcome.period, planYear: year });
        } else if (period.year < year - OLDEST_OUTCOME_YEARS) {
            report(accept, lang, 'outcome-outside-plan', messages.outcomeLongBeforePlan(outcome.period, year, OLDEST_OUTCOME_YEARS),
                { node: outcome, property: 'period' }, { period: outcome.period, planYear: year });
        }
    }
    const letter = PERIOD_LETTER[period.kind];
    if (letter) {
        const declared = declaredPeriods(outcome);
        const label = `${letter}${period.index}`;
        if (declared && !declared.includes(label)) {
            const shown = declared.map(d => d === 'annual' ? (lang === 'sv' ? 'helår' : 'annual') : d === 'interim' ? (lang === 'sv' ? 'delår' : 'interim') : d).join(', ');
            report(accept, lang, 'unknown-period', messages.unknownPeriod(label, shown),
                { node: outcome, property: 'period' }, { period: outcome.period, label, declared });
        }
    }
}

export function checkDeadline(deadline: Deadline, accept: ValidationAcceptor, lang: Lang): void {
    const year = planYear(deadline);
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(deadline.date ?? '');
    if (!m) return;
    const [y, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const date = new Date(Date.UTC(y, month - 1, day));
    if (month < 1 || month > 12 || day < 1 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
        // 2025-02-30 is in no year at all, let alone the plan's.
        report(accept, lang, 'deadline-outside-plan', messages.deadlineNotADate(deadline.date),
            { node: deadline, property: 'date' }, { date: deadline.date, planYear: year });
        return;
    }
    if (year !== undefined && y !== year) {
        report(accept, lang, 'deadline-outside-plan', messages.deadlineOutsidePlan(deadline.date, year),
            { node: deadline, property: 'date' }, { date: deadline.date, planYear: year });
    }
}

/** A plan should say its year: without it no outcome or deadline can be held against the plan's year. */
export function checkPlanYear(plan: Plan, accept: ValidationAcceptor, lang: Lang): void {
    if (!plan.name || (plan.members ?? []).some(isPlanYear)) return;
    report(accept, lang, 'missing-plan-year', messages.missingPlanYear(plan.title ?? plan.name),
        { node: plan, property: 'name' }, { plan: plan.name });
}

/** A monthly indicator should have an outcome for some period of the plan's year (a hint). */
export function checkMonthly(frequency: Frequency, accept: ValidationAcceptor, lang: Lang): void {
    if ((frequency.frequency as string) !== 'monthly') return;
    const indicator = frequency.$container as Indicator;
    const year = planYear(frequency);
    if (year === undefined || !isFrequency(frequency)) return;
    const recent = (indicator.members ?? []).filter(isOutcome).some(o => {
        const p = parsePeriod(o.period ?? '');
        return p && p.kind !== 'year' && p.year === year;
    });
    if (!recent) {
        report(accept, lang, 'stale-monthly-indicator', messages.staleMonthly(indicator.title ?? indicator.name, year),
            { node: frequency, property: 'frequency' }, { planYear: year });
    }
}

function normaliseTitle(text: string): string {
    return text.replace(/\s+/g, ' ').trim();
}

export function checkContribution(contribution: Contribution, accept: ValidationAcceptor, lang: Lang): void {
    const goal = contribution.goal?.ref;
    const written = contribution.writtenAs;
    if (!goal || written === undefined || goal.title === undefined) return;
    if (normaliseTitle(written) === normaliseTitle(goal.title)) return;
    const node = GrammarUtils.findNodeForProperty(contribution.$cstNode, 'writtenAs');
    report(accept, lang, 'goal-title-mismatch', messages.goalTitleMismatch(goal.name ?? '', goal.title, written),
        { node: contribution, property: 'writtenAs', relatedInformation: relatedNode(goal, messages.relatedGoal(goal.name ?? ''), lang) },
        { goal: goal.name, declaredTitle: goal.title, written },
        node ? { title: messages.fixUseDeclaredTitle(goal.title), range: node.range, newText: JSON.stringify(goal.title) } : undefined);
}
