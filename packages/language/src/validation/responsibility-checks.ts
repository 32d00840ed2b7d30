import { AstUtils, type AstNode, type ValidationAcceptor } from 'langium';
import {
    isActivity, isBudgetAssignment, isControlArea, isFrequency, isIndicator, isMission, isPlan, isReporting, isResponsible,
    type Activity, type BudgetAssignment, type ControlArea, type Indicator, type Mission, type Plan
} from '../generated/ast.js';
import type { Lang } from '../i18n/lang.js';
import { messages, THING } from './messages.js';
import { report } from './report.js';

type Assignment = BudgetAssignment | ControlArea | Mission;

function members(node: AstNode): AstNode[] {
    return ((node as { members?: AstNode[] }).members ?? []);
}

function hasOwn(node: AstNode, guard: (n: AstNode) => boolean): boolean {
    return members(node).some(guard);
}

/** An activity carries its own responsible, else that of the indicator, assignment or mission around it. */
function inherits(activity: Activity, guard: (n: AstNode) => boolean): boolean {
    let node: AstNode | undefined = activity;
    while (node) {
        if (isActivity(node) || isIndicator(node) || isBudgetAssignment(node) || isControlArea(node) || isMission(node)) {
            if (hasOwn(node, guard)) return true;
        } else {
            return false;
        }
        node = node.$container;
    }
    return false;
}

export function checkActivity(activity: Activity, accept: ValidationAcceptor, lang: Lang): void {
    // Inside an assignment or mission the gap is reported once, on the assignment.
    if (AstUtils.getContainerOfType(activity.$container, n => isBudgetAssignment(n) || isControlArea(n) || isMission(n))) return;
    if (!inherits(activity, isResponsible)) {
        report(accept, lang, 'missing-responsible', messages.missingResponsible(THING.Activity, activity.title ?? ''),
            { node: activity, property: 'title' }, { missing: 'responsible' });
    }
    if (!inherits(activity, isReporting)) {
        report(accept, lang, 'missing-reporter', messages.missingReporter(THING.Activity, activity.title ?? ''),
            { node: activity, property: 'title' }, { missing: 'reports' });
    }
}

/** An assignment is covered by its own line or, when it has activities, by every activity's own line. */
function assignmentHas(assignment: Assignment, guard: (n: AstNode) => boolean): boolean {
    if (hasOwn(assignment, guard)) return true;
    const activities = members(assignment).filter(isActivity);
    return activities.length > 0 && activities.every(a => hasOwn(a, guard));
}

export function checkAssignment(assignment: Assignment, accept: ValidationAcceptor, lang: Lang): void {
    const thing = THING[assignment.$type];
    if (!assignmentHas(assignment, isResponsible)) {
        report(accept, lang, 'missing-responsible', messages.missingResponsible(thing, assignment.title ?? ''),
            { node: assignment, property: 'title' }, { missing: 'responsible' });
    }
    if (!assignmentHas(assignment, isReporting)) {
        report(accept, lang, 'missing-reporter', messages.missingReporter(thing, assignment.title ?? ''),
            { node: assignment, property: 'title' }, { missing: 'reports' });
    }
}

interface PlanHabits {
    /** The plan says who reports somewhere: a missing reporter is an omission, not the plan's style. */
    reporters: boolean;
    frequencies: number;
}

const habits = new WeakMap<Plan, PlanHabits>();

export function habitsOf(plan: Plan): PlanHabits {
    let h = habits.get(plan);
    if (!h) {
        const found: PlanHabits = { reporters: false, frequencies: 0 };
        // Only the blocks that hold members: a plan's numbers and bands need not be visited.
        const visit = (node: AstNode): void => {
            for (const m of members(node)) {
                if (m.$type === 'Reporting') found.reporters = true;
                else if (m.$type === 'Frequency') { if (node.$type === 'Indicator') found.frequencies++; }
                else if ((m as { members?: unknown }).members || (m as { activities?: unknown }).activities) visit(m);
            }
            for (const a of (node as { activities?: AstNode[] }).activities ?? []) visit(a);
        };
        visit(plan);
        habits.set(plan, h = found);
    }
    return h;
}

/**
 * An indicator nobody reports, or without a measurement frequency — checked in plans that record
 * these at all (a plan whose tables have no such column is not faulted on every row).
 */
export function checkIndicatorDuties(indicator: Indicator, accept: ValidationAcceptor, lang: Lang): void {
    const plan = AstUtils.getContainerOfType(indicator, isPlan);
    if (!plan) return;
    const h = habitsOf(plan);
    const ms = members(indicator);
    if (h.reporters && !ms.some(isReporting) && !ms.filter(isActivity).some(a => hasOwn(a, isReporting))) {
        report(accept, lang, 'missing-reporter', messages.indicatorNotReported(indicator.title ?? indicator.name),
            { node: indicator, property: 'name' }, { missing: 'reports' });
    }
    const own = ms.some(isFrequency);
    if (!own && h.frequencies > 0) {
        report(accept, lang, 'missing-frequency', messages.missingFrequency(indicator.title ?? indicator.name),
            { node: indicator, property: 'name' }, {});
    }
}
