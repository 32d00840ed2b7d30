// The follow-up report of a period (delårsrapport, årsuppföljning) as HTML: deviations first, with
// their analysis and measures, then goal fulfilment per council goal, then per unit the indicators and
// the activities by progress, then what changed since the previous period. What it says comes from
// the report model (follow-up-model.ts), shared with the Markdown and Word writers; this lays it out.
import {
    defaultPeriod, findPeriod, FULFILMENT_WORD, statusTitle, TREND_HEADING,
    type IndicatorAtPeriod, type Lang, type PlanPeriod, type PlanYearModel, type Status
} from '@vplan/language';
import { esc, text } from './html.js';
import { label, type LabelKey } from './labels.js';
import { renderProse } from './markdown.js';
import { htmlPage, HtmlRenderer, printPageCss } from './render-plan.js';
import { REPORT_LABELS, reportLabel } from './follow-up-labels.js';
import { analysisExcerpt, followUpReportModel, fulfilmentRuleText, type FollowUpReportModel } from './follow-up-model.js';

export interface FollowUpReportOptions {
    lang: Lang;
    mode: 'page' | 'fragment';
    /** Only the deviations (the preview's "deviations only"). */
    deviationsOnly?: boolean;
    /** The date overdue activities are judged at (YYYY-MM-DD); today unless given. */
    asOf?: string;
    nonce?: string;
    /** For printing to PDF: the running header (title, decision) and "Sida N av M" footer. */
    print?: boolean;
}

/** Resolves the period a user asked for, or the default (the latest with a follow-up). */
export function reportPeriod(model: PlanYearModel, asked: string | undefined): PlanPeriod | undefined {
    return asked ? findPeriod(model, asked) : defaultPeriod(model) ?? model.periods[0];
}

export function renderFollowUpReport(model: PlanYearModel, period: PlanPeriod, options: FollowUpReportOptions): string {
    const report = followUpReportModel(model, period, options);
    const body = new FollowUpReport(report).render();
    if (options.mode === 'fragment') return body;
    const printCss = options.print ? printPageCss(report.title, report.decision, options.lang) : '';
    return htmlPage(report.title, body, options, printCss);
}

class FollowUpReport {
    private readonly html: HtmlRenderer;
    private readonly lang: Lang;

    constructor(private readonly report: FollowUpReportModel) {
        this.lang = report.lang;
        this.html = new HtmlRenderer(report.lang, false);
    }

    private l(key: keyof typeof REPORT_LABELS): string {
        return reportLabel(key, this.lang);
    }

    private pl(key: LabelKey): string {
        return label(key, this.lang);
    }

    render(): string {
        const r = this.report;
        let out = `<div class="vplan-doc follow-up-report" lang="${this.lang}" data-period="${esc(r.period.name)}">`;
        out += `<header class="doc-header"><p class="doc-org">${text(r.planTitle)}</p>`;
        out += `<h1 class="doc-title">${text(r.heading)}</h1>`;
        if (r.decision) out += `<p class="doc-decision">${text(r.decision)}</p>`;
        out += `<p class="report-state" data-ready="${r.ready}">${this.l(r.ready ? 'ready' : 'draft')}</p></header>`;
        out += `<main class="doc-body">`;
        out += this.deviations();
        if (!r.deviationsOnly) {
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
        const list = this.report.deviations;
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
        const f = this.report.fulfilment;
        let out = `<section class="fulfilment" id="maluppfyllelse"><h2>${this.l('fulfilment')}</h2>`;
        out += `<p class="rule">${esc(fulfilmentRuleText(f.rule, this.lang))}</p>`;
        for (const table of f.tables) {
            let t = `<table class="fulfilment-table"><caption>${esc(this.l(table.key))}</caption><thead><tr><th scope="col">${this.l('goal')}</th>` +
                `<th scope="col">${this.l('fulfilment')}</th>${(['green', 'yellow', 'red'] as Status[]).map(s => `<th scope="col">${this.html.dot(s)} ${esc(statusTitle(s, this.lang))}</th>`).join('')}` +
                `<th scope="col">${this.l('notAssessable')}</th></tr></thead><tbody>`;
            for (const row of table.rows) {
                t += `<tr data-fulfilment="${row.result.fulfilment}"><th scope="row">${text(row.title)}</th><td class="fulfilment-${row.result.fulfilment}">${esc(FULFILMENT_WORD[row.result.fulfilment][this.lang])}</td>` +
                    `<td class="num">${row.result.green}</td><td class="num">${row.result.yellow}</td><td class="num">${row.result.red}</td><td class="num">${row.result.notAssessable}</td></tr>`;
            }
            out += t + `</tbody></table>`;
        }
        return out + `</section>`;
    }

    // ------------------------------------------------------------------ per unit

    private units(): string {
        let out = `<section class="per-unit" id="enheter"><h2>${this.l('indicators')}</h2>`;
        for (const { title, indicators } of this.report.units) {
            out += `<h3>${text(title)}</h3><table class="period-table"><thead><tr>` +
                `<th scope="col">${this.l('indicator')}</th><th scope="col">${this.pl('outcome')}</th><th scope="col">${this.pl('status')}</th>` +
                `<th scope="col">${esc(TREND_HEADING[this.lang])}</th><th scope="col">${this.l('analysis')}</th></tr></thead><tbody>`;
            for (const at of indicators) {
                out += `<tr data-indicator="${esc(at.indicator.name)}" data-status="${at.status}"><th scope="row">${text(at.indicator.title)}</th>` +
                    `<td class="num">${at.display ? text(at.display) : '–'}${at.outcomePeriod && !at.current ? ` <span class="muted">(${text(at.outcomePeriod)})</span>` : ''}</td>` +
                    `<td>${this.html.dot(at.status)} ${esc(statusTitle(at.status, this.lang))}</td>` +
                    `<td>${this.html.trendChip({ trend: at.trend, series: at.assessment.series })}</td><td>${at.analysis ? text(analysisExcerpt(at.analysis)) : ''}</td></tr>`;
            }
            out += `</tbody></table>`;
        }
        return out + `</section>`;
    }

    // ------------------------------------------------------------------ activities by progress

    private activityList(): string {
        let out = `<section class="activities-by-progress" id="aktiviteter"><h2>${this.l('activities')}</h2>`;
        for (const { state, items } of this.report.activityGroups) {
            out += `<h3>${this.html.progressIcon(state)} ${this.pl(`progress.${state}` as LabelKey)} (${items.length})</h3><ul class="progress-list">`;
            for (const { at: a, overdue } of items) {
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
        const c = this.report.changes;
        if (!c) return '';
        let out = `<section class="changes" id="forandringar"><h2>${this.l('changes')} ${esc(c.previousLabel)}</h2>`;
        if (c.indicators.length === 0 && c.activities.length === 0) return out + `<p>${this.l('noChanges')}</p></section>`;
        out += `<ul class="change-list">`;
        for (const i of c.indicators) {
            out += `<li data-indicator="${esc(i.indicator.name)}">${text(i.indicator.title)}: ${this.html.dot(i.previousStatus!)} ${esc(statusTitle(i.previousStatus!, this.lang))} → ${this.html.dot(i.status)} ${esc(statusTitle(i.status, this.lang))}</li>`;
        }
        for (const a of c.activities) {
            out += `<li>${text(a.title)}: ${this.pl(`progress.${a.previousState ?? 'unknown'}` as LabelKey)} → ${this.pl(`progress.${a.state}` as LabelKey)}</li>`;
        }
        return out + `</ul></section>`;
    }
}
