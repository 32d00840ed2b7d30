// Goal fulfilment (måluppfyllelse): whether a goal is met, from the statuses of the indicators that
// serve it along the explicit goal chain (indicator → unit goal → council goal, restatements
// followed). One rule, configurable per plan (`måluppfyllelse uppfyllt 75 %, ej uppfyllt 50 %`).
import { AstUtils } from 'langium';
import { isDocument, isFulfilmentRule, isGoal, isUnit, type Goal, type Indicator, type Plan, type Unit } from '../generated/ast.js';
import { contributedGoals } from './goals.js';
import type { Localized } from '../i18n/lang.js';
import { parseNumber } from './numbers.js';
import type { Status } from './vocabulary.js';

export type Fulfilment = 'fulfilled' | 'partly' | 'not-fulfilled' | 'not-assessable';
export const FULFILMENTS: readonly Fulfilment[] = ['not-fulfilled', 'partly', 'fulfilled', 'not-assessable'];
export const FULFILMENT_WORD: Record<Fulfilment, Localized> = {
    fulfilled: { sv: 'uppfyllt', en: 'fulfilled' },
    partly: { sv: 'delvis uppfyllt', en: 'partly fulfilled' },
    'not-fulfilled': { sv: 'ej uppfyllt', en: 'not fulfilled' },
    'not-assessable': { sv: 'kan inte bedömas', en: 'cannot be assessed' }
};

/** Shares in per cent: fulfilled when green ≥ `fulfilled`, not fulfilled when red ≥ `notFulfilled`. */
export interface FulfilmentRuleValues {
    fulfilled: number;
    notFulfilled: number;
    /** Whether the plan states the rule (else the default). */
    stated: boolean;
}

export const DEFAULT_FULFILMENT_RULE: FulfilmentRuleValues = { fulfilled: 75, notFulfilled: 50, stated: false };

export function fulfilmentRule(plan: Plan): FulfilmentRuleValues {
    const rule = plan.members.find(isFulfilmentRule);
    const f = parseNumber(rule?.fulfilled?.value ?? '')?.value;
    const n = parseNumber(rule?.notFulfilled?.value ?? '')?.value;
    if (!rule || f === undefined || n === undefined) return DEFAULT_FULFILMENT_RULE;
    return { fulfilled: f, notFulfilled: n, stated: true };
}

export interface FulfilmentResult {
    fulfilment: Fulfilment;
    green: number;
    yellow: number;
    red: number;
    /** Indicators with no status to count (no data, pending, cannot be assessed). */
    notAssessable: number;
    /** Share of green among the assessable, in per cent. */
    greenShare?: number;
}

/** The rule: among indicators that are green, yellow or red, the share of green and of red decide. */
export function fulfilmentOf(statuses: readonly Status[], rule: FulfilmentRuleValues = DEFAULT_FULFILMENT_RULE): FulfilmentResult {
    const green = statuses.filter(s => s === 'green').length;
    const yellow = statuses.filter(s => s === 'yellow').length;
    const red = statuses.filter(s => s === 'red').length;
    const assessable = green + yellow + red;
    const counts = { green, yellow, red, notAssessable: statuses.length - assessable };
    if (assessable === 0) return { fulfilment: 'not-assessable', ...counts };
    const greenShare = (green / assessable) * 100;
    const redShare = (red / assessable) * 100;
    const fulfilment: Fulfilment = greenShare >= rule.fulfilled ? 'fulfilled' : redShare >= rule.notFulfilled ? 'not-fulfilled' : 'partly';
    return { fulfilment, ...counts, greenShare };
}

/**
 * Every goal an indicator serves along the chain: the goals it contributes to (as the one goal rule
 * in goals.ts reads them: its own, its restatement chain's, its container's) and those they
 * contribute to, transitively — unit goals and council goals alike.
 */
export function goalChain(indicator: Indicator): Goal[] {
    const seen: Goal[] = [];
    const queue = contributedGoals(indicator).flatMap(ref => ref.goal ? [ref.goal] : []);
    while (queue.length > 0) {
        const goal = queue.shift()!;
        if (seen.includes(goal)) continue;
        seen.push(goal);
        for (const c of goal.contributesTo ?? []) {
            const up = c.goal?.ref;
            if (up && isGoal(up)) queue.push(up);
        }
    }
    return seen;
}

/** A council goal (kommunfullmäktiges mål) is declared at top level; a unit goal inside a unit. */
export function isCouncilGoal(goal: Goal): boolean {
    return isDocument(goal.$container);
}

export interface GoalFulfilment<T> {
    target: T;
    title: string;
    indicators: Indicator[];
    result: FulfilmentResult;
}

/**
 * Goal fulfilment of the plan at a period, given each indicator's status then: per council goal,
 * per unit goal (those with an id that indicators name) and per unit.
 */
export function planFulfilment(plan: Plan, statuses: ReadonlyMap<Indicator, Status>): {
    councilGoals: GoalFulfilment<Goal>[];
    unitGoals: GoalFulfilment<Goal>[];
    units: GoalFulfilment<Unit>[];
    rule: FulfilmentRuleValues;
} {
    const rule = fulfilmentRule(plan);
    const byGoal = new Map<Goal, Indicator[]>();
    const byUnit = new Map<Unit, Indicator[]>();
    for (const indicator of statuses.keys()) {
        for (const goal of goalChain(indicator)) byGoal.set(goal, [...(byGoal.get(goal) ?? []), indicator]);
        const unit = AstUtils.getContainerOfType(indicator.$container, isUnit);
        if (unit) byUnit.set(unit, [...(byUnit.get(unit) ?? []), indicator]);
    }
    const make = <T>(target: T, title: string, indicators: Indicator[]): GoalFulfilment<T> =>
        ({ target, title, indicators, result: fulfilmentOf(indicators.map(i => statuses.get(i) ?? 'no-data'), rule) });
    const goals = [...byGoal];
    return {
        councilGoals: goals.filter(([g]) => isCouncilGoal(g)).map(([g, list]) => make(g, g.title, list)),
        unitGoals: goals.filter(([g]) => !isCouncilGoal(g)).map(([g, list]) => make(g, g.title, list)),
        units: [...byUnit].map(([u, list]) => make(u, u.title, list)),
        rule
    };
}
