// The follow-up report of a period (delårsrapport, årsuppföljning): deviations first, with their
// analysis and measures, then goal fulfilment per council goal, then per unit the indicators and
// the activities by progress, then what changed since the previous period. Every status, trend,
// progress and fulfilment comes from the semantics module; this only lays it out.
import { AstUtils } from 'langium';
import {
    activitiesAt, defaultPeriod, deviationsAtPeriod, findPeriod, FULFILMENT_WORD, indicatorsAt, isReady, isUnit, periodLabel,
    planFulfilment, PROGRESS_STATES, STATUSES, TREND_HEADING, statusTitle, isOverdue, today,
    type ActivityAtPeriod, type IndicatorAtPeriod, type Lang, type PlanPeriod, type PlanYearModel, type Status, type Unit
} from '@vplan/language';
import { esc, text } from './html.js';
import { label, type LabelKey } from './labels.js';
import { renderProse } from './markdown.js';
import { htmlPage, HtmlRenderer } from './render-plan.js';
import { REPORT_LABELS, reportLabel } from './follow-up-labels.js';
import type { ProgressState } from './svg.js';

export interface FollowUpReportOptions {
    lang: Lang;
    mode: 'page' | 'fragment';
    /** Only the deviations (the preview's "deviations only"). */
    deviationsOnly?: boolean;
    /** The date overdue activities are judged at (YYYY-MM-DD); today unless given. */
    asOf?: string;
    nonce?: string;
}

/** Resolves the period a user asked for, or the default (the latest with a follow-up). */
export function reportPeriod(model: PlanYearModel, asked: string | undefined): PlanPeriod | undefined {
    return asked ? findPeriod(model, asked) : defaultPeriod(model) ?? model.periods[0];
}

export function renderFollowUpReport(model: PlanYearModel, period: PlanPeriod, options: FollowUpReportOptions): string {
    const r = new FollowUpReport(model, period, options);
    const body = r.render();
    return options.mode === 'fragment' ? body : htmlPage(r.title(), body, options);
}

class FollowUpReport {
    private readonly html: HtmlRenderer;
    private readonly lang: Lang;
    private readonly indicators: IndicatorAtPeriod[];
    private readonly activities: ActivityAtPeriod[];

    constructor(private readonly model: PlanYearModel, private readonly period: PlanPeriod, private readonly options: FollowUpReportOptions) {
        this.lang = options.lang;
        this.html = new HtmlRenderer(options.lang, false);
        this.indicators = indicatorsAt(model, period);
        this.activities = activitiesAt(model, period);
    }

    private l(key: keyof typeof REPORT_LABELS): string {
        return reportLabel(key, this.lang);
    }

    private pl(key: LabelKey): string {
        return label(key, this.lang);
    }

    title(): string {
        return `${this.model.plan.title}: ${this.l('followUp')} ${periodLabel(this.period, this.lang)}`;
    }

    render(): string {
        const ready = isReady(this.model, this.period);
        let out = `<div class="vplan-doc follow-up-report" lang="${this.lang}" data-period="${esc(this.period.name)}">`;
        out += `<header class="doc-header"><p class="doc-org">${text(this.model.plan.title)}</p>`;
        out += `<h1 class="doc-title">${text(this.l('followUp'))} ${text(periodLabel(this.period, this.lang))}</h1>`;
        out += `<p class="report-state" data-ready="${ready}">${this.l(ready ? 'ready' : 'draft')}</p></header>`;
        out += `<main class="doc-body">`;
        out += this.deviations();
        if (!this.options.deviationsOnly) {
            out += this.fulfilment();
            out += this.units();
            out += this.activityList();
            out += this.changes();
        }
        out += `</main><footer class="doc-footer">${this.pl('generatedBy')}</footer></div>`;
        return out;
    }

    // ------------------------------------------------------------------ deviations

    private deviations(): string {
        const list = deviationsAtPeriod(this.indicators);
        let out = `<section class="deviations" id="avvikelser"><h2>${this.l('deviations')}</h2>`;
        if (list.length === 0) return out + `<p>${this.l('noDeviations')}</p></section>`;
        for (const at of list) out += this.indicatorBlock(at, 3);
        return out + `</section>`;
    }

    private indicatorBlock(at: IndicatorAtPeriod, level: number): string {
        const ind = at.indicator;
        const line = (ind.$cstNode?.range.start.line ?? 0) + 1;
        let out = `<article class="indicator status-${at.status}" data-indicator="${esc(ind.name)}" data-status="${at.status}">`;
        out += `<header class="ind-head"><h${level} class="ind-title">${text(ind.title)}</h${level}>`;
        out += `<div class="ind-status">${this.html.badge(at.status, at.reason[this.lang], line)}${this.html.trendChip({ trend: at.trend, series: at.assessment.series })}</div></header>`;
        out += `<dl class="ind-facts"><div><dt>${this.pl('outcome')}</dt><dd>${at.display ? text(at.display) : '–'}` +
            `${at.outcomePeriod && !at.current ? ` <span class="muted">(${text(at.outcomePeriod)})</span>` : ''}</dd></div></dl>`;
        out += this.prose('analysis', at.analysis, line, level);
        out += this.prose('actions', at.actions, line, level);
        if (!at.analysis && (at.status === 'red' || at.status === 'yellow')) out += `<p class="missing">${this.l('noAnalysis')}</p>`;
        return out + `</article>`;
    }

    private prose(key: 'analysis' | 'actions', source: string | undefined, line: number, level: number): string {
        if (!source) return '';
        return `<div class="${key}"><h${level + 1}>${this.l(key)}</h${level + 1}>${renderProse(source, { line, headingBase: level + 1 })}</div>`;
    }

    // ------------------------------------------------------------------ goal fulfilment

    private fulfilment(): string {
        const statuses = new Map(this.indicators.map(i => [i.indicator, i.status] as const));
        const f = planFulfilment(this.model.plan, statuses);
        let out = `<section class="fulfilment" id="maluppfyllelse"><h2>${this.l('fulfilment')}</h2>`;
        out += `<p class="rule">${esc(this.ruleText(f.rule.fulfilled, f.rule.notFulfilled))}</p>`;
        const table = (caption: string, rows: { title: string; result: ReturnType<typeof planFulfilment>['units'][number]['result'] }[]) => {
            if (rows.length === 0) return '';
            let t = `<table class="fulfilment-table"><caption>${esc(caption)}</caption><thead><tr><th scope="col">${this.l('goal')}</th>` +
                `<th scope="col">${this.l('fulfilment')}</th>${(['green', 'yellow', 'red'] as Status[]).map(s => `<th scope="col">${this.html.dot(s)} ${esc(statusTitle(s, this.lang))}</th>`).join('')}` +
                `<th scope="col">${this.l('notAssessable')}</th></tr></thead><tbody>`;
            for (const row of rows) {
                t += `<tr data-fulfilment="${row.result.fulfilment}"><th scope="row">${text(row.title)}</th><td class="fulfilment-${row.result.fulfilment}">${esc(FULFILMENT_WORD[row.result.fulfilment][this.lang])}</td>` +
                    `<td class="num">${row.result.green}</td><td class="num">${row.result.yellow}</td><td class="num">${row.result.red}</td><td class="num">${row.result.notAssessable}</td></tr>`;
            }
            return t + `</tbody></table>`;
        };
        out += table(this.l('councilGoals'), f.councilGoals);
        out += table(this.l('unitGoals'), f.unitGoals);
        out += table(this.l('units'), f.units);
        return out + `</section>`;
    }

    private ruleText(fulfilled: number, notFulfilled: number): string {
        const n = (v: number) => this.lang === 'sv' ? String(v).replace('.', ',') : String(v);
        return this.lang === 'sv'
            ? `Ett mål är uppfyllt när minst ${n(fulfilled)} % av de bedömbara indikatorerna är gröna, ej uppfyllt när minst ${n(notFulfilled)} % är röda, annars delvis uppfyllt.`
            : `A goal is fulfilled when at least ${n(fulfilled)} % of the assessable indicators are green, not fulfilled when at least ${n(notFulfilled)} % are red, else partly fulfilled.`;
    }

    // ------------------------------------------------------------------ per unit

    private units(): string {
        const byUnit = new Map<Unit | undefined, IndicatorAtPeriod[]>();
        for (const at of this.indicators) {
            const unit = AstUtils.getContainerOfType(at.indicator.$container, isUnit);
            byUnit.set(unit, [...(byUnit.get(unit) ?? []), at]);
        }
        let out = `<section class="per-unit" id="enheter"><h2>${this.l('indicators')}</h2>`;
        for (const [unit, list] of byUnit) {
            out += `<h3>${text(unit?.title ?? this.l('planLevel'))}</h3><table class="period-table"><thead><tr>` +
                `<th scope="col">${this.l('indicator')}</th><th scope="col">${this.pl('outcome')}</th><th scope="col">${this.pl('status')}</th>` +
                `<th scope="col">${esc(TREND_HEADING[this.lang])}</th><th scope="col">${this.l('analysis')}</th></tr></thead><tbody>`;
            for (const at of list) {
                out += `<tr data-indicator="${esc(at.indicator.name)}" data-status="${at.status}"><th scope="row">${text(at.indicator.title)}</th>` +
                    `<td class="num">${at.display ? text(at.display) : '–'}${at.outcomePeriod && !at.current ? ` <span class="muted">(${text(at.outcomePeriod)})</span>` : ''}</td>` +
                    `<td>${this.html.dot(at.status)} ${esc(statusTitle(at.status, this.lang))}</td>` +
                    `<td>${this.html.trendChip({ trend: at.trend, series: at.assessment.series })}</td><td>${at.analysis ? text(excerpt(at.analysis)) : ''}</td></tr>`;
            }
            out += `</tbody></table>`;
        }
        return out + `</section>`;
    }

    // ------------------------------------------------------------------ activities by progress

    private activityList(): string {
        const asOf = this.options.asOf ?? today();
        let out = `<section class="activities-by-progress" id="aktiviteter"><h2>${this.l('activities')}</h2>`;
        const groups: (ProgressState)[] = [...PROGRESS_STATES, 'unknown'];
        for (const state of groups) {
            const list = this.activities.filter(a => (a.state ?? 'unknown') === state);
            if (list.length === 0) continue;
            out += `<h3>${this.html.progressIcon(state)} ${this.pl(`progress.${state}` as LabelKey)} (${list.length})</h3><ul class="progress-list">`;
            for (const a of list) {
                const overdue = isOverdue(a, asOf);
                out += `<li data-progress="${state}"${overdue ? ' data-overdue="true"' : ''}>${text(a.title)}` +
                    (a.deadline ? ` <span class="muted">${this.l('deadline')} ${esc(a.deadline)}</span>` : '') +
                    (overdue ? ` <strong class="overdue">${this.l('overdue')}</strong>` : '') +
                    (a.comment ? `<div class="comment">${text(a.comment)}</div>` : '') + `</li>`;
            }
            out += `</ul>`;
        }
        return out + `</section>`;
    }

    // ------------------------------------------------------------------ changes since the previous period

    private changes(): string {
        const previous = this.period.index > 0 ? this.model.periods[this.period.index - 1] : undefined;
        if (!previous) return '';
        const prevLabel = periodLabel(previous, this.lang);
        let out = `<section class="changes" id="forandringar"><h2>${this.l('changes')} ${esc(prevLabel)}</h2>`;
        const rank = (s: Status | undefined) => (s ? STATUSES.indexOf(s) : -1);
        const changed = this.indicators.filter(i => i.previousStatus && i.previousStatus !== i.status);
        const progressed = this.activities.filter(a => a.stateFrom === 'period' && a.previousState !== a.state);
        if (changed.length === 0 && progressed.length === 0) return out + `<p>${this.l('noChanges')}</p></section>`;
        out += `<ul class="change-list">`;
        for (const i of changed.sort((a, b) => rank(a.status) - rank(b.status))) {
            out += `<li data-indicator="${esc(i.indicator.name)}">${text(i.indicator.title)}: ${this.html.dot(i.previousStatus!)} ${esc(statusTitle(i.previousStatus!, this.lang))} → ${this.html.dot(i.status)} ${esc(statusTitle(i.status, this.lang))}</li>`;
        }
        for (const a of progressed) {
            const from = (a.previousState ?? 'unknown') as ProgressState;
            out += `<li>${text(a.title)}: ${this.pl(`progress.${from}` as LabelKey)} → ${this.pl(`progress.${a.state}` as LabelKey)}</li>`;
        }
        return out + `</ul></section>`;
    }
}

function excerpt(markdown: string, max = 160): string {
    const plain = markdown.replace(/[*_`#>-]+/g, ' ').replace(/\s+/g, ' ').trim();
    return plain.length > max ? plain.slice(0, max - 1).trimEnd() + '…' : plain;
}
