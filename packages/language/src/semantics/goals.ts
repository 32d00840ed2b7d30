// Which goals an indicator (or an activity, an assignment) counts for: the one rule the report's
// "by overarching goal" table, `vplan status`, the hover and the JSON all use.
import type { AstNode } from 'langium';
import {
    isBudgetAssignment, isContribution, isControlArea, isGoal, isIndicator, isMission, type Contribution, type Goal,
    type Indicator
} from '../generated/ast.js';
import { restatedIndicator } from './thresholds.js';

/** A goal as a contribution names it: resolved, or only the name written (an unresolved reference). */
export interface GoalRef {
    /** Stable key: one row per goal even when two contributions name it. */
    key: string;
    /** The goal's id when it has one, else the name written. */
    name: string;
    title: string;
    goal?: Goal;
}

function refOf(c: Contribution): GoalRef {
    const goal = c.goal?.ref;
    const written = c.goal?.$refText ?? '';
    const title = goal?.title ?? c.writtenAs ?? (written || '?');
    return goal
        ? { key: `goal:${goal.name ?? goal.title}`, name: goal.name ?? goal.title, title, goal }
        : { key: `text:${written || title}`, name: written || title, title };
}

function ownContributions(node: AstNode): Contribution[] {
    if (isGoal(node)) return node.contributesTo ?? [];
    if (isIndicator(node) || isBudgetAssignment(node) || isControlArea(node) || isMission(node)) {
        return ((node.members ?? []) as AstNode[]).filter(isContribution);
    }
    return [];
}

/**
 * The goals an element contributes to as written (`bidrar till`): its own; for an indicator without
 * any, those of the indicator it restates (along the whole chain); else those of what holds it.
 */
export function contributedGoals(node: AstNode): GoalRef[] {
    for (let n: AstNode | undefined = node; n; n = n.$container) {
        let list = ownContributions(n);
        if (list.length === 0 && isIndicator(n)) list = restatedContributions(n);
        if (list.length > 0) return unique(list.map(refOf));
    }
    return [];
}

function restatedContributions(indicator: Indicator): Contribution[] {
    const seen = new Set<Indicator>([indicator]);
    for (let target = restatedIndicator(indicator); target && !seen.has(target); target = restatedIndicator(target)) {
        const list = ownContributions(target);
        if (list.length > 0) return list;
        seen.add(target);
    }
    return [];
}

/**
 * The overarching goals an element counts for: each goal it contributes to, followed along the
 * goals' own `bidrar till` (a unit's goal that contributes to a council goal counts for the council
 * goal, not as a goal of its own) until a goal that contributes to nothing further.
 */
export function overarchingGoals(node: AstNode): GoalRef[] {
    const result: GoalRef[] = [];
    const seen = new Set<Goal>();
    const climb = (ref: GoalRef): void => {
        const goal = ref.goal;
        if (!goal) { result.push(ref); return; }
        if (seen.has(goal)) return;
        seen.add(goal);
        const up = (goal.contributesTo ?? []).filter(c => c.goal?.ref || c.goal?.$refText);
        if (up.length === 0) { result.push(ref); return; }
        for (const c of up) climb(refOf(c));
    };
    for (const ref of contributedGoals(node)) climb(ref);
    return unique(result);
}

function unique(refs: GoalRef[]): GoalRef[] {
    const seen = new Set<string>();
    return refs.filter(r => !seen.has(r.key) && seen.add(r.key));
}
