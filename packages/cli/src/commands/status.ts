// `vplan status`: how many indicators are green, yellow, red, without data, pending or undefined,
// per plan, per unit and per overarching goal. Every status comes from the semantics module.
import { AstUtils, type AstNode, type LangiumDocument } from 'langium';
import {
    assessIndicator, countStatuses, isIndicator, isPlan, isUnit, overarchingGoals, STATUSES, statusTitle, type Document,
    type IndicatorAssessment, type Lang, type Status, type StatusCounts, type Trend
} from '@vplan/language';
import { UsageError, type ParsedArgs } from '../args.js';
import { reportInputProblem, type CommandContext } from '../context.js';
import { displayPath } from '../diagnostics.js';
import { loadPlans } from '../load.js';
import { printable } from '../terminal-text.js';

/** One indicator as `--format json` lists it: the same status, reason and goals as every other surface. */
export interface IndicatorStatus {
    name: string;
    title: string;
    status: Status;
    /** Why, in the report's language. */
    reason: string;
    trend: Trend | null;
    /** The outcome that decides the status: its period and value as written (with the year annotation), and the year the figure is for. */
    latest: { period: string; value: string; year: string } | null;
    /** The overarching goals it counts for (ids, or the name written when unresolved). */
    goals: string[];
}

export interface StatusRow {
    name?: string;
    title: string;
    counts: StatusCounts;
    total: number;
    indicators?: IndicatorStatus[];
}

export interface PlanStatus extends StatusRow {
    path: string;
    units: StatusRow[];
}

export interface StatusReport {
    plans: PlanStatus[];
    goals: StatusRow[];
    total: StatusRow;
}

export async function runStatus(ctx: CommandContext, args: ParsedArgs): Promise<number> {
    const format = (args.options.format as string | undefined) ?? 'table';
    if (args.positionals.length === 0) throw new UsageError('missing-input', 'vplan status <files|folders…>');
    // Statuses need linked references (restated indicators, series, goals), not the validation checks.
    const { documents, problems, services } = await loadPlans(args.positionals, ctx, { validation: false });
    // The plans' language unless the user chose one (--lang, VPLAN_LANG): the first plan's decides.
    const lang = documents.length > 0 ? services.i18n.Locale.langOf(documents[0]) : ctx.lang;
    const report = statusReport(documents, ctx.cwd, lang);
    switch (format) {
        case 'json': ctx.out(JSON.stringify(report, null, 2) + '\n'); break;
        case 'csv': ctx.out(statusCsv(report)); break;
        default: ctx.out(statusTable(report, lang));
    }
    for (const problem of problems) reportInputProblem(ctx, problem.path, problem.reason);
    return problems.length > 0 ? 2 : 0;
}

function row(name: string | undefined, title: string, assessments: IndicatorAssessment[]): StatusRow {
    return { name, title, counts: countStatuses(assessments), total: assessments.length };
}

/** A row that also lists its indicators (plans and units in `--format json`). */
function listedRow(name: string | undefined, title: string, assessments: IndicatorAssessment[], lang: Lang): StatusRow {
    return { ...row(name, title, assessments), indicators: assessments.map(a => indicatorStatus(a, lang)) };
}

export function indicatorStatus(a: IndicatorAssessment, lang: Lang): IndicatorStatus {
    const latest = a.latest;
    return {
        name: a.indicator.name,
        title: a.indicator.title,
        status: a.status,
        reason: a.reason[lang],
        trend: a.trend ?? null,
        latest: latest ? { period: latest.period, value: latest.shown, year: latest.dataPeriod } : null,
        goals: overarchingGoals(a.indicator).map(g => g.name)
    };
}

export function statusReport(documents: readonly LangiumDocument[], cwd: string, lang: Lang): StatusReport {
    const plans: PlanStatus[] = [];
    const byGoal = new Map<string, { name: string; title: string; list: IndicatorAssessment[] }>();
    const all: IndicatorAssessment[] = [];
    for (const document of documents) {
        const root = document.parseResult.value as Document;
        for (const plan of root.elements.filter(isPlan)) {
            const planAssessments: IndicatorAssessment[] = [];
            const byUnit = new Map<AstNode, IndicatorAssessment[]>();
            for (const indicator of AstUtils.streamAllContents(plan).filter(isIndicator)) {
                const assessment = assessIndicator(indicator);
                planAssessments.push(assessment);
                all.push(assessment);
                const unit = AstUtils.getContainerOfType(indicator.$container, isUnit);
                if (unit) {
                    const list = byUnit.get(unit) ?? [];
                    list.push(assessment);
                    byUnit.set(unit, list);
                }
                for (const goal of overarchingGoals(indicator)) {
                    const entry = byGoal.get(goal.key) ?? { name: goal.name, title: goal.title, list: [] };
                    entry.list.push(assessment);
                    byGoal.set(goal.key, entry);
                }
            }
            const units = AstUtils.streamAllContents(plan).filter(isUnit).toArray()
                .map(unit => listedRow(unit.name, unit.title, byUnit.get(unit) ?? [], lang));
            plans.push({ ...listedRow(plan.name, plan.title, planAssessments, lang), path: displayPath(document.uri.fsPath, cwd), units });
        }
    }
    const goals = [...byGoal.values()].map(g => row(g.name, g.title, g.list))
        .sort((a, b) => a.title.localeCompare(b.title, lang));
    return { plans, goals, total: row(undefined, lang === 'sv' ? 'Totalt' : 'Total', all) };
}

const HEADERS: Record<Lang, Record<'total' | 'scope', string>> = {
    en: { scope: 'Plan / unit', total: 'Total' },
    sv: { scope: 'Plan / enhet', total: 'Totalt' }
};

const GOALS_HEADING: Record<Lang, string> = { en: 'Overarching goals', sv: 'Övergripande mål' };
const NO_PLANS: Record<Lang, string> = { en: 'No plans found.', sv: 'Inga planer hittades.' };

export function statusTable(report: StatusReport, lang: Lang): string {
    if (report.plans.length === 0) return NO_PLANS[lang] + '\n';
    const h = HEADERS[lang];
    const rows: string[][] = [];
    // Titles come from the plan: control characters in them are shown, not sent to the terminal.
    const line = (label: string, r: StatusRow) => rows.push([printable(label), ...STATUSES.map(s => String(r.counts[s])), String(r.total)]);
    for (const plan of report.plans) {
        line(plan.name ? `${plan.title} (${plan.name})` : plan.title, plan);
        for (const unit of plan.units) line(`  ${unit.title}`, unit);
    }
    if (report.goals.length > 0) {
        rows.push([GOALS_HEADING[lang]]);
        for (const goal of report.goals) line(`  ${goal.title}`, goal);
    }
    line(report.total.title, report.total);
    const header = [h.scope, ...STATUSES.map(s => statusTitle(s, lang)), h.total];
    const labelWidth = Math.min(60, Math.max(header[0].length, ...rows.map(r => r[0].length)));
    const widths = header.map((col, i) => (i === 0 ? labelWidth : Math.max(col.length, ...rows.map(r => (r[i] ?? '').length))));
    const fit = (s: string) => (s.length > labelWidth ? s.slice(0, labelWidth - 1) + '…' : s.padEnd(labelWidth));
    const format = (r: string[]) => r.length === 1
        ? r[0]
        : [fit(r[0]), ...r.slice(1).map((c, i) => c.padStart(widths[i + 1]))].join('  ');
    const rule = '─'.repeat(widths.reduce((a, b) => a + b, 0) + 2 * (widths.length - 1));
    const body = rows.map(format);
    // The total is set apart by a rule above it.
    return [format(header), rule, ...body.slice(0, -1), rule, body[body.length - 1]].join('\n') + '\n';
}

/** One row per plan, unit and goal; RFC 4180 quoting; the columns are stable identifiers. */
export function statusCsv(report: StatusReport): string {
    const header = ['level', 'path', 'plan', 'name', 'title', ...STATUSES.map(s => s.replace('-', '_')), 'total'];
    const rows: string[][] = [header];
    const add = (level: string, path: string, plan: string, r: StatusRow) =>
        rows.push([level, path, plan, r.name ?? '', r.title, ...STATUSES.map(s => String(r.counts[s])), String(r.total)]);
    for (const plan of report.plans) {
        add('plan', plan.path, plan.name ?? '', plan);
        for (const unit of plan.units) add('unit', plan.path, plan.name ?? '', unit);
    }
    for (const goal of report.goals) add('goal', '', '', goal);
    add('total', '', '', report.total);
    return rows.map(r => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** A field as RFC 4180 quotes it, with control characters (from file names and titles) shown, not written. */
function csvField(raw: string): string {
    const value = printable(raw);
    return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
