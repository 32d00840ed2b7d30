import { AstUtils, type AstNode } from 'langium';
import {
    isActivity, isBudgetAssignment, isContribution, isControlArea, isGoal, isIndicator, isMission, isProgress, isSection, isUnit,
    type Activity, type Goal, type Indicator, type Plan, type Unit, overarchingGoals, STATUSES, TRENDS, type Status, type Trend
} from '@vplan/language';
import type { Assessor } from './assess.js';
import { PROGRESS_STATES, type ProgressState } from './svg.js';

/** One row of the dashboard: the indicators and activities of a goal, a unit or the whole plan. */
export interface DashboardRow {
    title: string;
    /** Anchor of the unit in the document, when the row is a unit. */
    anchor?: string;
    /** Link to another page (a plan's report, from the folder's index). */
    href?: string;
    line: number;
    indicators: Indicator[];
    activities: Activity[];
    statuses: Record<Status, number>;
    trends: Record<Trend, number>;
    /** Indicators whose trend cannot be told (fewer than two comparable outcomes). */
    noTrend: number;
    progress: Record<ProgressState, number>;
}

export interface Dashboard {
    total: DashboardRow;
    byGoal: DashboardRow[];
    byUnit: DashboardRow[];
}

/**
 * The line a node starts on. Not cached here: Langium caches a composite node's range itself, and
 * the language server's incremental re-parse moves the nodes after an edit without re-creating
 * them, so a cache keyed on the node would keep their old lines.
 */
export function lineOf(node: AstNode | undefined): number {
    return node?.$cstNode?.range.start.line ?? 0;
}

export function progressOf(activity: Activity): ProgressState {
    const p = activity.members?.find(isProgress);
    // A half-typed state ("status ej") is no state yet.
    const state = p?.state as string | undefined;
    return state && (PROGRESS_STATES as readonly string[]).includes(state) ? (state as ProgressState) : 'unknown';
}

export { unitAnchor } from './anchors.js';
import { unitAnchor } from './anchors.js';

/** The overarching goals an element counts for: the semantics module's rule (restatements, goal chains). */
const goalsOf = overarchingGoals;

function emptyRow(title: string, line: number, anchor?: string): DashboardRow {
    return {
        title, line, anchor, indicators: [], activities: [],
        statuses: Object.fromEntries(STATUSES.map(s => [s, 0])) as Record<Status, number>,
        trends: Object.fromEntries(TRENDS.map(s => [s, 0])) as Record<Trend, number>,
        noTrend: 0,
        progress: Object.fromEntries(PROGRESS_STATES.map(s => [s, 0])) as Record<ProgressState, number>
    };
}

function finish(row: DashboardRow, assessor: Assessor): DashboardRow {
    row.statuses = { ...row.statuses, ...assessor.count(row.indicators) };
    for (const indicator of row.indicators) {
        const trend = assessor.raw(indicator).trend as Trend | undefined;
        if (trend) row.trends[trend]++;
        else row.noTrend++;
    }
    for (const activity of row.activities) row.progress[progressOf(activity)]++;
    return row;
}

/** The dashboard of a plan: the whole plan, each overarching goal, each unit. */
export function buildDashboard(plans: Plan[], assessor: Assessor, wholePlanTitle: string): Dashboard {
    const total = emptyRow(wholePlanTitle, plans[0] ? lineOf(plans[0]) : 0);
    const goals = new Map<string, DashboardRow & { order: [string, number] }>();
    const units = new Map<Unit, DashboardRow>();
    const goalRow = (g: { key: string; title: string; goal?: Goal }) => {
        let row = goals.get(g.key);
        if (!row) {
            const doc = g.goal ? AstUtils.getDocument(g.goal).uri.toString() : '\uffff';
            row = { ...emptyRow(g.title, g.goal ? lineOf(g.goal) : 0), order: [doc, g.goal?.$cstNode?.offset ?? 0] };
            goals.set(g.key, row);
        }
        return row;
    };
    const unitRow = (unit: Unit) => {
        let row = units.get(unit);
        if (!row) {
            row = emptyRow(unit.title, lineOf(unit), unitAnchor(unit));
            units.set(unit, row);
        }
        return row;
    };
    // One walk over the containers that can hold indicators and activities (a generic walk over every
    // node of a large plan costs more than the rest of the dashboard).
    const visit = (nodes: readonly AstNode[] | undefined, unit: Unit | undefined): void => {
        for (const node of nodes ?? []) {
            if (isIndicator(node)) {
                total.indicators.push(node);
                for (const g of goalsOf(node)) goalRow(g).indicators.push(node);
                if (unit) unitRow(unit).indicators.push(node);
                visit(node.members, unit);
            } else if (isActivity(node)) {
                total.activities.push(node);
                for (const g of goalsOf(node)) goalRow(g).activities.push(node);
                if (unit) unitRow(unit).activities.push(node);
            } else if (isUnit(node)) {
                // Units appear in the dashboard even when they hold nothing measurable yet.
                unitRow(node);
                visit(node.members, node);
            } else if (isSection(node) || isBudgetAssignment(node) || isControlArea(node) || isMission(node)) {
                visit(node.members, unit);
            } else if (isGoal(node)) {
                visit(node.activities, unit);
            }
        }
    };
    for (const plan of plans) visit(plan.members, undefined);
    const byGoal = [...goals.values()]
        .sort((a, b) => a.order[0].localeCompare(b.order[0]) || a.order[1] - b.order[1])
        .map(row => finish(row, assessor));
    const byUnit = [...units.values()].sort((a, b) => a.line - b.line).map(row => finish(row, assessor));
    return { total: finish(total, assessor), byGoal, byUnit };
}
