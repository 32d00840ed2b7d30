// `vplan status --period P`: each plan as of one of its follow-up periods — every indicator's
// status, outcome, trend and analysis; every activity's progress; goal fulfilment. From semantics.
import { AstUtils, type LangiumDocument } from 'langium';
import {
    activitiesAt, FULFILMENT_WORD, indicatorsAt, isOverdue, isReady, isUnit, periodLabel, planFulfilment, PROGRESS_WORD,
    STATUS_WORD, today, type FulfilmentResult, type Lang, type PlanPeriod, type PlanYearModel
} from '@vplan/language';
import type { CommandContext } from '../context.js';
import { displayPath } from '../diagnostics.js';
import { choosePeriod, declaredPeriods, NO_SUCH_PERIOD, planYearModels } from '../follow-up.js';
import { printable } from '../terminal-text.js';

export interface PeriodStatus {
    plan: string;
    title: string;
    path: string;
    period: { name: string; label: string; key: string; ready: boolean };
    indicators: {
        name: string; title: string; unit?: string; status: string; statusWord: string; outcome?: string; outcomePeriod?: string;
        current: boolean; trend?: string; previousStatus?: string; due: boolean; analysis?: string; actions?: string;
    }[];
    activities: { title: string; kind: string; state?: string; stateWord?: string; deadline?: string; overdue: boolean; comment?: string }[];
    fulfilment: {
        rule: { fulfilled: number; notFulfilled: number; stated: boolean };
        councilGoals: FulfilmentRow[];
        unitGoals: FulfilmentRow[];
        units: FulfilmentRow[];
    };
}

interface FulfilmentRow extends Omit<FulfilmentResult, 'fulfilment'> { name?: string; title: string; fulfilment: string; word: string }

export function periodStatus(model: PlanYearModel, period: PlanPeriod, document: LangiumDocument, cwd: string, lang: Lang, asOf: string): PeriodStatus {
    const indicators = indicatorsAt(model, period);
    const fulfilment = planFulfilment(model.plan, new Map(indicators.map(i => [i.indicator, i.status] as const)));
    const row = (x: { target: { name?: string }; title: string; result: FulfilmentResult }): FulfilmentRow =>
        ({ name: x.target.name, title: x.title, ...x.result, word: FULFILMENT_WORD[x.result.fulfilment][lang] });
    return {
        plan: model.plan.name, title: model.plan.title, path: displayPath(document.uri.fsPath, cwd),
        period: { name: period.name, label: periodLabel(period, lang), key: period.key, ready: isReady(model, period) },
        indicators: indicators.map(i => ({
            name: i.indicator.name, title: i.indicator.title, unit: AstUtils.getContainerOfType(i.indicator.$container, isUnit)?.name,
            status: i.status, statusWord: STATUS_WORD[i.status][lang], outcome: i.display, outcomePeriod: i.outcomePeriod,
            current: i.current, trend: i.trend, previousStatus: i.previousStatus, due: i.due, analysis: i.analysis, actions: i.actions
        })),
        activities: activitiesAt(model, period).map(a => ({
            title: a.title, kind: a.target.$type, state: a.state, stateWord: a.state ? PROGRESS_WORD[a.state][lang] : undefined,
            deadline: a.deadline, overdue: isOverdue(a, asOf), comment: a.comment
        })),
        fulfilment: {
            rule: fulfilment.rule,
            councilGoals: fulfilment.councilGoals.map(row),
            unitGoals: fulfilment.unitGoals.map(row),
            units: fulfilment.units.map(row)
        }
    };
}

export function runPeriodStatus(ctx: CommandContext, documents: readonly LangiumDocument[], asked: string | undefined, format: string, asOf: string | undefined): number {
    const statuses: PeriodStatus[] = [];
    const missing: string[] = [];
    for (const { model, document } of planYearModels(documents)) {
        const period = choosePeriod(model, asked);
        if (!period) {
            missing.push(NO_SUCH_PERIOD[ctx.lang](asked ?? '', model.plan.name, declaredPeriods(model, ctx.lang)));
            continue;
        }
        statuses.push(periodStatus(model, period, document, ctx.cwd, ctx.lang, asOf ?? today()));
    }
    if (statuses.length === 0) {
        for (const m of missing) ctx.err(`vplan: ${printable(m)}\n`);
        return 2;
    }
    if (format === 'json') ctx.out(JSON.stringify({ plans: statuses }, null, 2) + '\n');
    else ctx.out(periodTable(statuses, ctx.lang));
    return 0;
}

const H: Record<Lang, { indicator: string; outcome: string; status: string; trend: string; fulfilment: string; ready: string; draft: string; activities: string; overdue: string }> = {
    sv: { indicator: 'Indikator', outcome: 'Utfall', status: 'Status', trend: 'Trend', fulfilment: 'Måluppfyllelse', ready: 'klar för rapport', draft: 'utkast', activities: 'Aktiviteter', overdue: 'försenad mot sista datum' },
    en: { indicator: 'Indicator', outcome: 'Outcome', status: 'Status', trend: 'Trend', fulfilment: 'Goal fulfilment', ready: 'ready for the report', draft: 'draft', activities: 'Activities', overdue: 'past its deadline' }
};
const TREND_MARK: Record<string, string> = { improving: '↗', worsening: '↘', unchanged: '→' };

function periodTable(statuses: PeriodStatus[], lang: Lang): string {
    const h = H[lang];
    let out = '';
    for (const s of statuses) {
        out += `${printable(s.title)} (${s.plan}) · ${s.period.label} · ${s.period.ready ? h.ready : h.draft}\n`;
        const rows = [[h.indicator, h.outcome, h.status, h.trend], ...s.indicators.map(i => [
            printable(i.title), (i.outcome ?? '–') + (i.outcomePeriod && !i.current ? ` (${i.outcomePeriod})` : ''), i.statusWord, i.trend ? TREND_MARK[i.trend] : ''
        ])];
        const widths = rows[0].map((_, c) => Math.max(...rows.map(r => [...r[c]].length)));
        for (const r of rows) out += '  ' + r.map((cell, c) => cell + ' '.repeat(widths[c] - [...cell].length)).join('  ').trimEnd() + '\n';
        if (s.fulfilment.councilGoals.length > 0) {
            out += `${h.fulfilment}\n`;
            for (const g of s.fulfilment.councilGoals) out += `  ${printable(g.title)}: ${g.word}\n`;
        }
        const overdue = s.activities.filter(a => a.overdue);
        if (overdue.length > 0) {
            out += `${h.activities}\n`;
            for (const a of overdue) out += `  ${printable(a.title)}: ${a.stateWord ?? '–'}, ${h.overdue} ${a.deadline}\n`;
        }
        out += '\n';
    }
    return out;
}
