import { AstUtils, GrammarUtils, type AstNode, type LangiumDocument } from 'langium';
import {
    deviationsIn, isActivity, isAmount, isBaseline, isBudgetAssignment, isContribution, isControlArea, isDeadline,
    isEffect, isFollowUp, isFollowUpRef, isFootnote, isGoal, isImprovement, isIndicator,
    isMeasures, isMission, isOrganisation, isPlan, isPlanOrganisation, isPlanYear, isProse,
    isReporting, isResponsible, isRole, isSection, isSource, isUnit,
    type Activity, type BudgetAssignment, type Contribution, type ControlArea, type Document, type Goal, type Indicator, type Lang,
    type Mission, type OutcomeValue, type Plan, type Reporting, type Responsible, type Section, type Unit,
    comparedWithText, overarchingGoals, rankSetup, planWord, STATUSES, STATUS_HEADING, TREND_HEADING, TRENDS, statusCount, statusTitle, statusWord, trendTitle,
    MOVEMENT_ARROW, TREND_MARK, trendMovement, type TrendSource,
    type Status, type Trend
} from '@vplan/language';
import { Assessor, sparkPanels, type IndicatorView } from './assess.js';
import { Anchors } from './anchors.js';
import { buildDashboard, lineOf, progressOf, type Dashboard, type DashboardRow } from './dashboard.js';
import { decisionOf, decisionText } from './decision.js';
import { esc, text } from './html.js';
import { countPhrase, label, labelOr, type LabelKey } from './labels.js';
import { renderProse } from './markdown.js';
import { pageCss } from './styles.js';
import { sparkline, stackedBar, type ProgressState } from './svg.js';
import { sha256Base64 } from './sha256.js';

export interface RenderOptions {
    lang: Lang;
    /** 'page': a whole printable HTML document (`vplan render`); 'fragment': the body for the webview. */
    mode: 'page' | 'fragment';
    /** Nonce for the page's <style> (page mode); without one the style is allowed by its hash. */
    nonce?: string;
    /** The overview at the top (status bars per goal and unit); on unless turned off. */
    dashboard?: boolean;
    /**
     * For printing to PDF: a second stylesheet with the running header (title, decision) and the
     * "Sida N av M" footer, which @page can only hold as literal text of this plan.
     */
    print?: boolean;
}

/** A CSS string literal: quotes, backslashes and line breaks escaped. */
function cssString(value: string): string {
    return `"${value.replace(/[\\"]/g, ch => `\\${ch}`).replace(/[\r\n]+/g, ' ').replace(/</g, '\\3c ')}"`;
}

/**
 * The printed page's running header (the plan's title, its decision details) and "Sida N av M"
 * footer: @page margin boxes hold only literal strings, so they are written for each plan.
 */
export function printPageCss(title: string, decision: string | undefined, lang: RenderOptions['lang']): string {
    const page = label('page', lang), of = label('of', lang);
    const box = 'font:8.5pt system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#56606b';
    return `@page{size:A4;margin:20mm 16mm 18mm;` +
        `@top-left{content:${cssString(title)};${box};vertical-align:bottom;padding-bottom:3mm}` +
        (decision ? `@top-right{content:${cssString(decision)};${box};vertical-align:bottom;padding-bottom:3mm}` : '') +
        `@bottom-center{content:${cssString(page + ' ')} counter(page) ${cssString(` ${of} `)} counter(pages);${box}}}` +
        `@page:first{@top-left{content:none}@top-right{content:none}@bottom-center{content:none}}`;
}

type Root = LangiumDocument<Document> | Document;

function rootOf(input: Root): Document {
    return 'parseResult' in input ? input.parseResult.value : input;
}

/** The stylesheet is the same for every page: hashed once. */
let cssHash: string | undefined;

/** Renders a plan document to HTML: a whole page or the webview's body. */
export function renderDocument(input: Root, options: RenderOptions): string {
    const root = rootOf(input);
    const r = new HtmlRenderer(options.lang, options.dashboard !== false);
    const body = r.document(root);
    if (options.mode === 'fragment') return body;
    const title = r.documentTitle(root);
    const plan = root.elements?.find(isPlan);
    const decision = plan ? decisionOf(plan) : undefined;
    const printCss = options.print ? printPageCss(title, decision ? decisionText(decision, options.lang) : undefined, options.lang) : '';
    return pageShell(title, body, options.lang, printCss, options.nonce);
}

export interface IndexEntry {
    plan: Plan;
    /** The plan's own report, relative to the index. */
    href: string;
}

/**
 * The index of a folder's reports: every plan with its status bar, and a barometer per overarching
 * goal across all plans (status, trend, activity progress), as public follow-up pages show it.
 */
export function renderIndex(entries: IndexEntry[], options: { lang: RenderOptions['lang'] }): string {
    const r = new HtmlRenderer(options.lang);
    const l = (key: LabelKey) => label(key, options.lang);
    const rows = entries.map(e => ({ ...buildDashboard([e.plan], r.assessor, e.plan.title).total, href: e.href }));
    const all = buildDashboard(entries.map(e => e.plan), r.assessor, l('wholePlan'));
    const cols = { indicators: all.total.indicators.length > 0, activities: all.total.activities.length > 0 };
    let body = `<div class="vplan-doc vplan-index" lang="${options.lang}"><header class="doc-header"><h1 class="doc-title">${l('indexTitle')}</h1></header>`;
    body += `<section class="dashboard" aria-labelledby="plans-title"><h2 id="plans-title">${l('plans')}</h2>${r.legend()}`;
    body += r.dashTable(undefined, rows, cols) + `</section>`;
    if (all.byGoal.length > 0) {
        body += `<section class="dashboard" aria-labelledby="barometer-title"><h2 id="barometer-title">${l('barometer')}</h2>` +
            `<p class="dash-intro">${l('barometerIntro')}</p>${r.dashTable(undefined, all.byGoal, cols)}</section>`;
    }
    body += `<footer class="doc-footer">${l('generatedBy')}</footer></div>`;
    return pageShell(l('indexTitle'), body, options.lang, '');
}

/** A whole printable page around a body (the follow-up report's too): styles inline, a strict content-security policy. */
export function htmlPage(title: string, body: string, options: Pick<RenderOptions, 'lang' | 'nonce'>, printCss = ''): string {
    return pageShell(title, body, options.lang, printCss, options.nonce);
}

function pageShell(title: string, body: string, lang: RenderOptions['lang'], printCss: string, nonce?: string): string {
    const css = pageCss();
    const styleSrc = nonce ? `'nonce-${nonce}'` : `'sha256-${(cssHash ??= sha256Base64(css))}'`;
    const printSrc = nonce || !printCss ? '' : ` 'sha256-${sha256Base64(printCss)}'`;
    const csp = `default-src 'none'; style-src ${styleSrc}${printSrc}; img-src data:; form-action 'none'; base-uri 'none'`;
    const nonceAttr = nonce ? ` nonce="${esc(nonce)}"` : '';
    return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${esc(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="vplan">
<title>${text(title)}</title>
<style${nonceAttr}>${css}</style>
${printCss ? `<style media="print"${nonceAttr}>${printCss}</style>
` : ''}</head>
<body class="vplan-page">
${body}
</body>
</html>
`;
}

/** The headings and blocks of a plan as HTML. One instance per render: it caches assessments. */
export class HtmlRenderer {
    readonly assessor = new Assessor();

    constructor(readonly lang: Lang, readonly showDashboard = true) {}

    private l(key: LabelKey): string {
        return label(key, this.lang);
    }

    documentTitle(root: Document): string {
        const plan = root.elements?.find(isPlan);
        return plan?.title ?? root.elements?.find(isOrganisation)?.title ?? 'vplan';
    }

    document(root: Document): string {
        const plans = (root.elements ?? []).filter(isPlan);
        let out = `<div class="vplan-doc" lang="${this.lang}">`;
        if (plans.length === 0) {
            out += this.catalogue(root);
        } else {
            for (const plan of plans) out += this.plan(plan);
        }
        out += `<footer class="doc-footer">${this.l('generatedBy')}</footer></div>`;
        return out;
    }

    // ------------------------------------------------------------------ the plan and its header

    plan(plan: Plan): string {
        const members = plan.members ?? [];
        const org = members.find(isPlanOrganisation);
        const year = members.find(isPlanYear);
        const followUp = members.find(isFollowUp);
        const orgTitle = org?.organisation?.ref?.title ?? org?.organisation?.$refText;
        const deptTitle = org?.department?.ref?.title ?? org?.department?.$refText;
        let out = `<header class="doc-header" data-line="${lineOf(plan)}">`;
        if (orgTitle) out += `<p class="doc-org">${text(orgTitle)}${deptTitle ? ` · ${text(deptTitle)}` : ''}</p>`;
        out += `<h1 class="doc-title">${text(plan.title)}</h1>`;
        const decision = decisionOf(plan);
        if (decision) out += `<p class="doc-decision" data-line="${lineOf(decision)}">${text(decisionText(decision, this.lang))}</p>`;
        out += `<dl class="doc-meta">`;
        if (year) out += `<div><dt data-line="${lineOf(year)}">${this.l('year')}</dt><dd>${text(year.year)}</dd></div>`;
        if (followUp) {
            const periods = followUp.periods.map(p => text(p.title ?? this.periodName(p))).join(', ');
            out += `<div><dt data-line="${lineOf(followUp)}">${this.l('followUp')}</dt><dd>${periods}</dd></div>`;
        }
        out += `</dl></header>`;
        if (this.showDashboard) out += this.deviations(plan);
        if (this.showDashboard) out += this.dashboard(buildDashboard([plan], this.assessor, this.l('wholePlan')), lineOf(plan));
        out += this.contents(plan);
        out += `<main class="doc-body">`;
        for (const member of members) out += this.member(member, 2);
        out += `</main>`;
        return out;
    }

    /** A follow-up period as the plan names it (`årsbokslut`, `helår`, `T1`); translated only into the other language. */
    private periodName(period: AstNode | undefined, written?: string): string {
        const name = (period as { name?: string } | undefined)?.name ?? written ?? '';
        const translated = name === 'annual' ? this.l('period.annual') : name === 'interim' ? this.l('period.interim') : name;
        return period ? planWord(period, 'name', this.lang, translated) : written ?? translated;
    }

    /** A table of contents of the top-level sections and units, for the printed report. */
    private contents(plan: Plan): string {
        const items = (plan.members ?? []).filter(m => isSection(m) || isUnit(m)) as (Section | Unit)[];
        if (items.length < 3) return '';
        // Titles written with their numbers ("2.1 Det kommunala uppdraget") are listed as written;
        // only unnumbered titles get the list's numbers, so nothing is numbered twice.
        const numbered = items.some(i => /^\s*\d/.test(i.title ?? ''));
        const [open, close] = numbered ? ['<ul class="toc-plain">', '</ul>'] : ['<ol>', '</ol>'];
        let out = `<nav class="doc-toc" data-line="${lineOf(items[0])}" aria-label="${this.l('contents')}"><h2>${this.l('contents')}</h2>${open}`;
        for (const item of items) {
            out += `<li><a href="#${this.anchor(item)}">${text(item.title)}</a>`;
            const sub = isSection(item) ? item.members.filter(m => isSection(m) || isUnit(m)) as (Section | Unit)[] : [];
            if (sub.length > 0) {
                out += open + sub.map(s => `<li><a href="#${this.anchor(s)}">${text(s.title)}</a></li>`).join('') + close;
            }
            out += '</li>';
        }
        return out + `${close}</nav>`;
    }

    private readonly anchors = new Anchors();

    private anchor(node: Section | Unit): string {
        return this.anchors.of(node);
    }

    // ------------------------------------------------------------------ deviations

    /** Red, then yellow, then cannot be assessed (semantics' order), each linked to its card. */
    deviations(plan: Plan): string {
        const found = deviationsIn(plan);
        if (indicatorsOf(plan).length === 0) return '';
        // No data-line here: scroll sync must find an indicator's card, not its entry in this list.
        let out = `<section class="deviations" aria-labelledby="deviations-title">` +
            `<h2 id="deviations-title">${this.l('deviations')} <span class="dev-count">(${found.length})</span></h2>`;
        if (found.length === 0) return out + `<p class="dash-intro">${this.l('noDeviations')}</p></section>`;
        out += `<p class="dash-intro">${this.l('deviationsIntro')}</p><ol class="dev-list">`;
        for (const d of found) {
            const view = this.assessor.view(d.indicator, this.lang);
            const where = unitOf(d.indicator);
            out += `<li class="dev dev-${d.status}">` +
                `<span class="dev-status">${this.dot(d.status)} ${statusTitle(d.status, this.lang)}</span>` +
                `<a class="dev-title" href="#${indicatorAnchor(d.indicator)}">${text(d.indicator.title)}</a>` +
                (where ? `<span class="dev-where">${text(where)}</span>` : '') +
                `<span class="dev-reason">${text(view.reason)}</span>${this.trendChip(view)}</li>`;
        }
        return out + `</ol></section>`;
    }

    // ------------------------------------------------------------------ dashboard

    dashboard(d: Dashboard, line: number): string {
        if (d.total.indicators.length === 0 && d.total.activities.length === 0) return '';
        let out = `<section class="dashboard" data-line="${line}" aria-labelledby="dashboard-title">`;
        out += `<h2 id="dashboard-title">${this.l('overview')}</h2><p class="dash-intro">${this.l('overviewIntro')}</p>`;
        out += this.legend();
        // A column the whole plan has nothing for (no activities yet) is left out rather than filled with "none".
        const cols = { indicators: d.total.indicators.length > 0, activities: d.total.activities.length > 0 };
        out += this.dashTable(undefined, [d.total], cols);
        if (d.byGoal.length > 0) out += this.dashTable(this.l('byGoal'), d.byGoal, cols);
        if (d.byUnit.length > 0) out += this.dashTable(this.l('byUnit'), d.byUnit, cols);
        return out + `</section>`;
    }

    legend(): string {
        return `<ul class="legend" aria-label="${STATUS_HEADING[this.lang]}">` +
            STATUSES.map(s => `<li>${this.dot(s)} ${statusTitle(s, this.lang)}</li>`).join('') + `</ul>`;
    }

    dashTable(caption: string | undefined, rows: DashboardRow[], cols: { indicators: boolean; activities: boolean }): string {
        let out = `<table class="dash-table${caption ? '' : ' dash-total'}">${caption ? `<caption>${text(caption)}</caption>` : ''}<thead><tr>` +
            `<th scope="col"></th>` +
            (cols.indicators ? `<th scope="col">${STATUS_HEADING[this.lang]}</th><th scope="col">${TREND_HEADING[this.lang]}</th>` : '') +
            (cols.activities ? `<th scope="col">${this.l('activities')}</th>` : '') + `</tr></thead><tbody>`;
        for (const row of rows) {
            const target = row.href ?? (row.anchor ? `#${row.anchor}` : undefined);
            const name = target ? `<a href="${esc(target)}">${text(row.title)}</a>` : text(row.title);
            out += `<tr data-line="${row.line}"><th scope="row">${name}</th>` +
                (cols.indicators ? `<td class="dash-status">${this.statusBar(row)}</td><td class="dash-trend">${this.trendSummary(row)}</td>` : '') +
                (cols.activities ? `<td class="dash-progress">${this.progressBar(row)}</td>` : '') + `</tr>`;
        }
        return out + `</tbody></table>`;
    }

    private statusBar(row: DashboardRow): string {
        const n = row.indicators.length;
        if (n === 0) return `<span class="muted">${this.l('noIndicators')}</span>`;
        const segments = STATUSES.map(s => ({ key: s, count: row.statuses[s] ?? 0, label: statusCount(s, row.statuses[s] ?? 0, this.lang) }));
        const words = segments.filter(s => s.count > 0).map(s => s.label).join(', ');
        const description = `${countPhrase('indicators', n, this.lang)}: ${words}`;
        return `<div class="bar-cell">${stackedBar('status', segments, description)}<p class="bar-text">` +
            segments.filter(s => s.count > 0).map(s => `<span class="count count-${s.key}">${this.dot(s.key as Status)} ${s.count}</span>`).join(' ') +
            ` <span class="muted">${this.l('of')} ${n}</span></p></div>`;
    }

    private trendSummary(row: DashboardRow): string {
        if (row.indicators.length === 0) return '';
        const parts = TRENDS
            .filter(t => row.trends[t] > 0)
            .map(t => `<span class="trend trend-${t}">${this.trendMark(t)} ${statusCount(t, row.trends[t], this.lang)}</span>`);
        if (parts.length === 0) return `<span class="muted">${this.l('noTrend')}</span>`;
        const words = TRENDS.filter(t => row.trends[t] > 0).map(t => statusCount(t, row.trends[t], this.lang)).join(', ');
        return `<p class="trend-summary" aria-label="${esc(words)}">${parts.join(' ')}</p>`;
    }

    private progressBar(row: DashboardRow): string {
        const n = row.activities.length;
        if (n === 0) return `<span class="muted">${this.l('noActivities')}</span>`;
        const order: ProgressState[] = ['done', 'started', 'not-started', 'delayed', 'cancelled', 'unknown'];
        const segments = order.map(s => ({ key: s, count: row.progress[s], label: countPhrase(s, row.progress[s], this.lang) }));
        const description = `${countPhrase('activities', n, this.lang)}: ${segments.filter(s => s.count > 0).map(s => s.label).join(', ')}`;
        return `<div class="bar-cell">${stackedBar('progress', segments, description)}<p class="bar-text">` +
            segments.filter(s => s.count > 0).map(s => `<span class="count">${this.progressIcon(s.key as ProgressState)} ${s.count} ${esc(this.l(`progress.${s.key}` as LabelKey).toLowerCase())}</span>`).join(' ') +
            `</p></div>`;
    }

    // ------------------------------------------------------------------ small marks

    dot(status: Status): string {
        return `<span class="dot dot-${status}" aria-hidden="true"></span>`;
    }

    badge(status: Status, reason: string, line: number): string {
        return `<span class="badge badge-${status}" data-status="${status}" data-line="${line}" title="${esc(reason)}">${this.dot(status)}${statusTitle(status, this.lang)}</span>`;
    }

    /** A count of trends says better or worse, not up or down: a plus, a minus or an equals sign. */
    trendMark(trend: Trend): string {
        return `<span class="arrow" aria-hidden="true">${TREND_MARK[trend]}</span>`;
    }

    /**
     * The trend of an indicator: the arrow follows the figure (↘ when it fell), the colour and the word
     * say whether that is better or worse (a falling sick-leave figure is ↘ and "Förbättring").
     */
    trendChip(view: TrendSource): string {
        const trend = view.trend;
        if (!trend) return '';
        const move = trendMovement(view) ?? 'flat';
        const glyph = MOVEMENT_ARROW[move];
        return `<span class="trend trend-${trend}" data-trend="${trend}" data-move="${move}"><span class="arrow" aria-hidden="true">${glyph}</span> ${trendTitle(trend, this.lang)}</span>`;
    }

    progressIcon(state: ProgressState): string {
        const glyph: Record<ProgressState, string> = {
            done: '✓', started: '◐', 'not-started': '○', delayed: '!', cancelled: '✕', unknown: '–'
        };
        return `<span class="pi pi-${state}" aria-hidden="true">${glyph[state]}</span>`;
    }

    // ------------------------------------------------------------------ members

    member(node: AstNode, level: number): string {
        if (isSection(node)) return this.section(node, level);
        if (isUnit(node)) return this.unit(node, level);
        if (isIndicator(node)) return this.indicator(node, level);
        if (isBudgetAssignment(node) || isControlArea(node) || isMission(node)) return this.assignment(node, level);
        if (isProse(node)) return this.prose(node, 'text', level - 1);
        if (isGoal(node)) return `<ul class="goal-list">${this.goal(node)}</ul>`;
        if (isFootnote(node)) return this.footnote(node);
        if (isActivity(node)) return `<ol class="activities">${this.activity(node)}</ol>`;
        return '';
    }

    private h(level: number, content: string, cls: string, id?: string): string {
        const n = Math.min(6, Math.max(2, level));
        return `<h${n} class="${cls}"${id ? ` id="${esc(id)}"` : ''}>${content}</h${n}>`;
    }

    /** Prose of a node's Markdown property, its headings nested under `level`. */
    prose(node: AstNode, property: string, level: number): string {
        const source = (node as unknown as Record<string, unknown>)[property];
        if (typeof source !== 'string' || source.trim() === '') return '';
        const cst = GrammarUtils.findNodeForProperty(node.$cstNode, property);
        let line = cst?.range.start.line ?? lineOf(node);
        // The value converter drops a blank first line after the opening quotes.
        if (cst && /^"""[ \t]*\r?\n/.test(cst.text)) line++;
        return `<div class="prose">${renderProse(source, { line, headingBase: Math.min(5, level) })}</div>`;
    }

    section(section: Section, level: number): string {
        let out = `<section class="section" data-line="${lineOf(section)}">`;
        out += this.h(level, text(section.title), 'section-title', this.anchor(section));
        out += this.prose(section, 'text', level);
        for (const m of section.members ?? []) out += this.member(m, level + 1);
        return out + `</section>`;
    }

    unit(unit: Unit, level: number): string {
        const members = unit.members ?? [];
        let out = `<section class="unit" data-line="${lineOf(unit)}">`;
        out += this.h(level, text(unit.title), 'unit-title', this.anchor(unit));
        const goals = members.filter(isGoal);
        const improvements = members.filter(isImprovement);
        const effects = members.filter(isEffect);
        if (goals.length + improvements.length + effects.length > 0) {
            out += `<div class="unit-aims">`;
            if (goals.length > 0) out += this.aimList('goals', goals.map(g => this.goal(g)).join(''), level + 1);
            if (improvements.length > 0) {
                out += this.aimList('improvements', improvements.map(i => `<li data-line="${lineOf(i)}">${text(i.title)}</li>`).join(''), level + 1);
            }
            if (effects.length > 0) {
                out += this.aimList('effects', effects.map(e => `<li data-line="${lineOf(e)}">${text(e.title)}</li>`).join(''), level + 1);
            }
            out += `</div>`;
        }
        const indicators = members.filter(isIndicator);
        if (indicators.length > 0) {
            out += `<div class="indicators">${this.h(level + 1, this.l('indicators'), 'block-title')}`;
            for (const ind of indicators) out += this.indicator(ind, level + 2);
            out += `</div>`;
        }
        const activities = members.filter(isActivity);
        if (activities.length > 0) {
            out += `${this.h(level + 1, this.l('activities'), 'block-title')}<ol class="activities">${activities.map(a => this.activity(a)).join('')}</ol>`;
        }
        for (const m of members) {
            if (isGoal(m) || isImprovement(m) || isEffect(m) || isIndicator(m) || isActivity(m)) continue;
            out += this.member(m, level + 1);
        }
        return out + `</section>`;
    }

    private aimList(key: LabelKey, items: string, level: number): string {
        return `<div class="aim aim-${key}">${this.h(level, this.l(key), 'aim-title')}<ul>${items}</ul></div>`;
    }

    goal(goal: Goal): string {
        let out = `<li class="goal" data-line="${lineOf(goal)}"><span class="goal-title">${text(goal.title)}</span>`;
        if (goal.contributesTo?.length) out += ` ${this.contributions(goal.contributesTo)}`;
        if (goal.points?.length) {
            out += `<ul class="goal-points">${goal.points.map(p => `<li data-line="${lineOf(p)}">${text(p.title)}</li>`).join('')}</ul>`;
        }
        for (const t of goal.texts ?? []) out += this.prose(t, 'text', 5);
        if (goal.activities?.length) out += `<ol class="activities">${goal.activities.map(a => this.activity(a)).join('')}</ol>`;
        return out + `</li>`;
    }

    private contributions(list: { goal?: { ref?: Goal; $refText?: string }; writtenAs?: string }[]): string {
        return list.map(c => {
            const title = c.goal?.ref?.title ?? c.writtenAs ?? c.goal?.$refText ?? '';
            return `<span class="goal-chip" title="${esc(this.l('overarchingGoal'))}">${text(title)}</span>`;
        }).join(' ');
    }

    private footnote(node: { text: string; $cstNode?: AstNode['$cstNode'] } & AstNode): string {
        return `<aside class="footnote" data-line="${lineOf(node)}"><span class="footnote-label">${this.l('footnote')}:</span>${this.prose(node, 'text', 5)}</aside>`;
    }

    // ------------------------------------------------------------------ indicators

    indicator(ind: Indicator, level: number): string {
        const view = this.assessor.view(ind, this.lang);
        const members = ind.members ?? [];
        const line = lineOf(ind);
        let out = `<article class="indicator status-${view.status}" data-line="${line}" data-indicator="${esc(ind.name)}" id="${esc(indicatorAnchor(ind))}">`;
        out += `<header class="ind-head">${this.h(level, text(ind.title), 'ind-title')}` +
            `<div class="ind-status">${this.badge(view.status, view.reason, line)}${this.trendChip(view)}</div></header>`;
        out += `<p class="ind-reason">${text(view.reason)}</p>`;
        out += `<div class="ind-body"><dl class="facts">${this.indicatorFacts(ind, view)}</dl>`;
        out += `<div class="ind-chart">${this.indicatorChart(ind, view, line)}</div></div>`;
        out += this.outcomeTable(ind, view);
        for (const m of members) {
            if (isFootnote(m)) out += this.footnote(m);
            else if (isProse(m)) out += this.prose(m, 'text', level);
        }
        const activities = members.filter(isActivity);
        if (activities.length > 0) {
            out += `<div class="ind-activities"><p class="sub-title">${this.l('activities')}</p><ol class="activities">${activities.map(a => this.activity(a)).join('')}</ol></div>`;
        }
        return out + `</article>`;
    }

    private fact(key: LabelKey, value: string, line: number): string {
        // The line sits on the <dt>: the row itself has no box of its own (display: contents) to scroll to.
        return value ? `<div><dt data-line="${line}">${this.l(key)}</dt><dd>${value}</dd></div>` : '';
    }

    private indicatorFacts(ind: Indicator, view: IndicatorView): string {
        // One pass over the members, by $type (these types have no subtypes): the order of the facts is
        // fixed, the order of the members is the author's.
        let source = '', goals = '', rest = '';
        const contributions: Contribution[] = [];
        for (const m of ind.members ?? []) {
            switch (m.$type) {
                case 'SourceRef': {
                    let value = text(m.source?.ref?.title ?? m.source?.$refText ?? '');
                    if (m.kpi) {
                        const url = `https://www.kolada.se/verktyg/fri-sokning/?kpis=${encodeURIComponent(m.kpi.trim())}`;
                        value += ` · <a class="kpi" href="${esc(url)}" rel="noopener noreferrer" title="${esc(this.l('kolada'))}">${text(m.kpi)}</a>`;
                    }
                    const weeks = m.publication?.weeks ?? m.source?.ref?.publication?.weeks;
                    if (weeks?.length) value += ` · ${this.l('published')} ${weeks.map(w => `${this.l('week')} ${text(w.number)}`).join(', ')}`;
                    source += this.fact('source', value, lineOf(m));
                    break;
                }
                case 'Restatement':
                    source += this.fact('restates', text(m.indicator?.ref?.title ?? m.indicator?.$refText), lineOf(m));
                    break;
                case 'Contribution':
                    contributions.push(m);
                    break;
                case 'Scale':
                    rest += this.fact('scale', text(m.min !== undefined ? `${m.min}–${m.max}` : `max ${m.max}`), lineOf(m));
                    break;
                case 'MeasureUnit':
                    rest += this.fact('unitOfMeasure', text(m.unit), lineOf(m));
                    break;
                case 'Direction':
                    rest += this.fact('direction', this.l(rankSetup(ind)
                        ? (m.better === 'lower' ? 'lowerValueIsBetter' : 'higherValueIsBetter')
                        : (m.better === 'lower' ? 'lowerIsBetter' : 'higherIsBetter')), lineOf(m));
                    break;
                case 'Comparison':
                    // In the words of the assessment: the group, the baseline (with its year) or the previous outcome.
                    rest += this.fact('comparedWith', text(comparedWithText(ind)?.[this.lang] ?? ''), lineOf(m));
                    break;
                case 'Frequency': {
                    const f = planWord(m, 'frequency', this.lang, labelOr(`frequency.${m.frequency}`, this.lang, m.frequency));
                    rest += this.fact('measuredHow', text(f) + (m.note ? ` (${text(m.note)})` : ''), lineOf(m));
                    break;
                }
                case 'Measures':
                    rest += this.fact('measures', text(m.text), lineOf(m));
                    break;
                case 'Responsible':
                    rest += this.fact('responsible', this.roles(m), lineOf(m));
                    break;
                case 'Reporting':
                    rest += this.fact('reporting', this.roles(m), lineOf(m));
                    break;
            }
        }
        // The goals it counts for, as `vplan status` and the dashboard count them (restatements, goal chains).
        const overarching = overarchingGoals(ind);
        if (overarching.length > 0) {
            goals = this.fact('overarchingGoal', overarching.map(g => `<span class="goal-chip" title="${esc(this.l('overarchingGoal'))}">${text(g.title)}</span>`).join(' '),
                lineOf(contributions[0] ?? ind));
        }
        // Bands in words, as the semantics module states them.
        const bands = view.series.filter(s => s.bandsText).map(s =>
            view.series.length > 1 && s.title ? `<span class="series-name">${text(s.title)}:</span> ${text(s.bandsText)}` : text(s.bandsText));
        const levels = bands.length > 0 ? this.fact('targetLevels', bands.join('<br>'), lineOf(ind)) : '';
        return source + goals + levels + rest;
    }

    roles(node: Responsible | Reporting): string {
        return node.roles.map(r => text(r.ref?.title ?? r.$refText)).join(', ');
    }

    private indicatorChart(ind: Indicator, view: IndicatorView, line: number): string {
        const parts = view.series.map(s => {
            const points = s.outcomes.map(o => `${o.period} ${o.display} (${statusWord(o.status, this.lang)})`).join(', ');
            const prefix = view.series.length > 1 && s.title ? `${s.title}: ` : '';
            return `${prefix}${points || this.l('chartNoData')}${s.bandsText ? `. ${this.l('targetLevels')}: ${s.bandsText}` : ''}`;
        });
        const description = `${this.l('chartOf')} ${ind.title}. ${parts.join('. ')}`;
        return sparkline(sparkPanels(view), description, line, this.l('noOutcomeYet'));
    }

    private outcomeTable(ind: Indicator, view: IndicatorView): string {
        const baselines = (ind.members ?? []).filter(isBaseline);
        const rows = view.series.flatMap(s => s.outcomes.map(o => ({ s, o })));
        if (rows.length === 0 && baselines.length === 0) return '';
        const multi = view.series.length > 1;
        let out = `<table class="outcomes"><thead><tr>${multi ? `<th scope="col">${this.l('series')}</th>` : ''}` +
            `<th scope="col">${this.l('period')}</th><th scope="col">${this.l('outcome')}</th><th scope="col">${this.l('status')}</th></tr></thead><tbody>`;
        for (const b of baselines) {
            out += `<tr class="baseline" data-line="${lineOf(b)}">${multi ? `<td>${text(b.series?.ref?.title ?? b.series?.$refText)}</td>` : ''}` +
                `<th scope="row">${this.l('baseline')}${b.period ? ` ${text(b.period)}` : ''}</th><td class="num">${text(this.valueText(b.value))}</td><td></td></tr>`;
        }
        for (const { s, o } of rows) {
            const latest = s.latest === o ? ' latest' : '';
            out += `<tr class="outcome${latest}" data-line="${o.line}">${multi ? `<td>${text(s.title)}</td>` : ''}<th scope="row">${text(o.period)}</th>` +
                `<td class="num">${text(o.display)}</td><td class="st" title="${esc(o.reason)}">${this.dot(o.status)} ${statusTitle(o.status, this.lang)}</td></tr>`;
        }
        return out + `</tbody></table>`;
    }

    /** A baseline's value as written (numbers keep the author's decimal comma). */
    valueText(value: OutcomeValue | undefined): string {
        if (!value) return '';
        switch (value.$type) {
            case 'NumberValue': return this.quantity(value.value);
            case 'AnswerValue': return this.l(value.answer === 'no' ? 'value.no' : 'value.yes');
            case 'ColorValue': return statusTitle(value.color as Status, this.lang);
            case 'NoData': return value.mark === 'iu' ? this.l('value.iu') : value.mark;
            case 'Pending': return this.l('value.pending') + (value.week ? ` ${this.l('week')} ${value.week.number}` : '');
        }
        return '';
    }

    // ------------------------------------------------------------------ activities and assignments

    activity(activity: Activity): string {
        const state = progressOf(activity);
        let out = `<li class="activity progress-${state}" data-line="${lineOf(activity)}" data-progress="${state}">` +
            `<div class="act-head"><span class="act-title">${text(activity.title)}</span>` +
            // Before follow-up no activity has a state yet: nothing to show but noise.
            (state === 'unknown' ? '' : `<span class="progress progress-${state}">${this.progressIcon(state)} ${this.l(`progress.${state}` as LabelKey)}</span>`) + `</div>`;
        let facts = '';
        for (const m of activity.members ?? []) {
            if (isResponsible(m)) facts += this.fact('responsible', this.roles(m), lineOf(m));
            else if (isReporting(m)) facts += this.fact('reporting', this.roles(m), lineOf(m));
            else if (isDeadline(m)) facts += this.fact('deadline', `<time datetime="${esc(m.date)}">${text(m.date)}</time>`, lineOf(m));
            else if (isMeasures(m)) facts += this.fact('measures', text(m.text), lineOf(m));
            else if (isFollowUpRef(m)) facts += this.fact('followUpPeriods', this.followUpText(m), lineOf(m));
        }
        if (facts) out += `<dl class="facts compact">${facts}</dl>`;
        for (const m of activity.members ?? []) if (isProse(m)) out += this.prose(m, 'text', 5);
        return out + `</li>`;
    }

    private followUpText(m: { periods: { ref?: AstNode & { name: string; title?: string }; $refText?: string }[]; year?: string }): string {
        const periods = m.periods.map(p => p.ref ? (p.ref.title ?? this.periodName(p.ref)) : this.periodName(undefined, p.$refText ?? '')).join(', ');
        return text(periods + (m.year ? ` ${m.year}` : ''));
    }

    assignment(node: BudgetAssignment | ControlArea | Mission, level: number): string {
        const kind = isBudgetAssignment(node) ? 'budget' : isControlArea(node) ? 'control' : 'mission';
        const kindLabel: LabelKey = kind === 'budget' ? 'budgetAssignment' : kind === 'control' ? 'controlArea' : 'mission';
        const members = node.members ?? [];
        let out = `<section class="assignment assignment-${kind}" data-line="${lineOf(node)}">` +
            `<p class="kind">${this.l(kindLabel)}</p>${this.h(level, text(node.title), 'assignment-title')}`;
        let facts = '';
        for (const m of members) {
            if (isAmount(m) && m.amount?.value) facts += this.fact('amount', `<strong>${text(this.quantity(m.amount))}</strong>`, lineOf(m));
        }
        const contributions = members.filter(isContribution);
        if (contributions.length) facts += this.fact('overarchingGoal', this.contributions(contributions), lineOf(contributions[0]));
        for (const m of members) {
            if (isResponsible(m)) facts += this.fact('responsible', this.roles(m), lineOf(m));
            else if (isReporting(m)) facts += this.fact('reporting', this.roles(m), lineOf(m));
            else if (isMeasures(m)) facts += this.fact('measures', text(m.text), lineOf(m));
            else if (isFollowUpRef(m)) facts += this.fact('followUpPeriods', this.followUpText(m), lineOf(m));
        }
        if (facts) out += `<dl class="facts">${facts}</dl>`;
        const effects = members.filter(isEffect);
        if (effects.length) {
            out += `<p class="sub-title">${this.l(kind === 'mission' ? 'expectedEffects' : 'effects')}</p><ul class="effects">` +
                effects.map(e => `<li data-line="${lineOf(e)}">${text(e.title)}</li>`).join('') + `</ul>`;
        }
        for (const m of members) {
            if (isProse(m)) out += this.prose(m, 'text', level);
            else if (isFootnote(m)) out += this.footnote(m);
        }
        const activities = members.filter(isActivity);
        if (activities.length) {
            out += `<p class="sub-title">${this.l('activities')}</p><ol class="activities">${activities.map(a => this.activity(a)).join('')}</ol>`;
        }
        return out + `</section>`;
    }

    private quantity(q: { value: string; unit?: string } | undefined): string {
        // A half-written amount ("belopp") has no quantity yet.
        if (!q?.value) return '';
        return `${q.value}${q.unit ? (q.unit === '%' ? ' %' : ` ${q.unit}`) : ''}`;
    }

    // ------------------------------------------------------------------ a file without a plan

    /** The shared file of a municipality (goals, roles, sources): listed, so its preview is useful too. */
    catalogue(root: Document): string {
        const elements = root.elements ?? [];
        const org = elements.find(isOrganisation);
        let out = `<header class="doc-header" data-line="${org ? lineOf(org) : 0}">`;
        out += `<h1 class="doc-title">${text(org?.title ?? this.documentTitle(root))}</h1></header>`;
        out += `<p class="notice">${this.l('noPlan')}</p><main class="doc-body">`;
        const goals = elements.filter(isGoal);
        if (goals.length) out += `<section class="section">${this.h(2, this.l('sharedGoals'), 'section-title')}<ul class="goal-list">${goals.map(g => this.goal(g)).join('')}</ul></section>`;
        const roles = elements.filter(isRole);
        if (roles.length) out += `<section class="section">${this.h(2, this.l('roles'), 'section-title')}<ul class="plain-list">${roles.map(r => `<li data-line="${lineOf(r)}">${text(r.title)}</li>`).join('')}</ul></section>`;
        const sources = elements.filter(isSource);
        if (sources.length) {
            out += `<section class="section">${this.h(2, this.l('sources'), 'section-title')}<ul class="plain-list">` +
                sources.map(s => `<li data-line="${lineOf(s)}">${text(s.title)}${s.url && /^https?:\/\//i.test(s.url) ? ` · <a href="${esc(s.url)}" rel="noopener noreferrer">${text(s.url)}</a>` : ''}</li>`).join('') +
                `</ul></section>`;
        }
        return out + `</main>`;
    }
}

/** Used by tests and the bench: every indicator the document renders, in order. */
export function indicatorsOf(root: Root | Plan): Indicator[] {
    const node: AstNode = isPlan(root) ? root : rootOf(root as Root);
    return AstUtils.streamAllContents(node).filter(isIndicator).toArray();
}

/** The id of an indicator's card, for links from the deviations list. */
export function indicatorAnchor(indicator: Indicator): string {
    return `indicator-${indicator.name ?? lineOf(indicator)}`;
}

function unitOf(node: AstNode): string | undefined {
    for (let n = node.$container; n; n = n.$container) if (isUnit(n)) return n.title;
    return undefined;
}

