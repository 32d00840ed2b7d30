import type { AstNode, LangiumDocument } from 'langium';
import {
    isActivity, isAmount, isBudgetAssignment, isContribution, isControlArea, isDeadline, isEffect, isFollowUp,
    isFollowUpRef, isFootnote, isFrequency, isGoal, isImprovement, isIndicator, isMission, isOrganisation, isPlan,
    isPlanOrganisation, isPlanYear, isProse, isReporting, isResponsible, isRole, isSection, isSource, isSourceRef,
    isUnit, type Activity, type BudgetAssignment, type ControlArea, type Document, type Goal, type Indicator,
    type Lang, type Mission, type Plan, type Reporting, type Responsible, type Section, type Unit,
    overarchingGoals, planWord, STATUSES, STATUS_HEADING, STATUS_MARK, TREND_MARK, TREND_HEADING, movementArrow, TRENDS, statusCount, statusTitle, trendTitle
} from '@vplan/language';
import { Assessor } from './assess.js';
import { buildDashboard, progressOf, type DashboardRow } from './dashboard.js';
import { neutraliseBidi } from './html.js';
import { countPhrase, label, labelOr, type LabelKey } from './labels.js';
import type { ProgressState } from './svg.js';

/** Text from the plan for Markdown: inert (no HTML, no link syntax), on one line. */
export function md(value: string | undefined): string {
    return neutraliseBidi(value ?? '')
        .replace(/[\r\n]+/g, ' ')
        .replace(/([\\`*_[\]<>#|!~])/g, '\\$1')
        .replace(/&/g, '&amp;');
}

/**
 * Outside code spans, escapes what a Markdown renderer would take as raw HTML (tags, comments,
 * declarations) and breaks links to schemes other than http(s) and mailto (`javascript:`, `data:`),
 * as the HTML report does; autolinks (`<https://…>`) and relative links stay links.
 */
function withoutRawHtml(line: string): string {
    return line.split(/(`+[^`]*?`+)/).map((part, i) => (i % 2 === 1 ? part : part
        .replace(/<(?!(?:https?:\/\/|mailto:)[^\s<>]*>)(?=[A-Za-z/!?])/g, '&lt;')
        .replace(/\]\((?=\s*<?(?!(?:https?|mailto):)[A-Za-z][A-Za-z0-9+.-]*:)/g, ']\\('))).join('');
}

/**
 * The author's Markdown, its headings nested under the enclosing title (`level`). Raw HTML is written
 * as text, as in the HTML report (markdown-it with `html: false`): whoever renders the file next may
 * allow it.
 */
export function markdownProse(source: string | undefined, level: number): string[] {
    if (!source?.trim()) return [];
    let fence = false;
    const lines = source.split('\n').map(line => {
        if (/^\s*(```|~~~)/.test(line)) {
            fence = !fence;
            return line;
        }
        if (fence) return line;
        const m = /^(#{1,6})(\s)/.exec(line);
        const text = m ? '#'.repeat(Math.min(6, m[1].length + level)) + line.slice(m[1].length) : line;
        return withoutRawHtml(neutraliseBidi(text));
    });
    if (fence) lines.push('```'); // an unclosed fence would swallow the rest of the report
    return lines;
}

/**
 * The plan as Markdown (`vplan render --format md`): the same content as the HTML report, with
 * status written as a mark and a word, for wikis and pull-request descriptions.
 */
export function renderMarkdownDocument(input: LangiumDocument<Document> | Document, options: { lang: Lang }): string {
    const root = 'parseResult' in input ? input.parseResult.value : input;
    return new MarkdownRenderer(options.lang).document(root);
}

class MarkdownRenderer {
    private readonly assessor = new Assessor();
    private out: string[] = [];

    constructor(private readonly lang: Lang) {}

    private l(key: LabelKey): string {
        return label(key, this.lang);
    }

    private emit(...lines: string[]): void {
        this.out.push(...lines);
    }

    document(root: Document): string {
        const plans = (root.elements ?? []).filter(isPlan);
        if (plans.length === 0) this.catalogue(root);
        for (const plan of plans) this.plan(plan);
        return this.out.join('\n').replace(/\n{3,}/g, '\n\n').trim() + '\n';
    }

    private plan(plan: Plan): void {
        const members = plan.members ?? [];
        const org = members.find(isPlanOrganisation);
        const orgTitle = org?.organisation?.ref?.title ?? org?.organisation?.$refText;
        const year = members.find(isPlanYear);
        const followUp = members.find(isFollowUp);
        this.emit(`# ${md(plan.title)}`, '');
        const meta: string[] = [];
        if (orgTitle) meta.push(`**${this.l('organisation')}:** ${md(orgTitle)}`);
        if (year) meta.push(`**${this.l('year')}:** ${md(year.year)}`);
        if (followUp) meta.push(`**${this.l('followUp')}:** ${followUp.periods.map(p => md(p.title ?? this.period(p))).join(', ')}`);
        if (meta.length) this.emit(meta.join('  \n'), '');
        const d = buildDashboard([plan], this.assessor, this.l('wholePlan'));
        if (d.total.indicators.length + d.total.activities.length > 0) {
            this.emit(`## ${this.l('overview')}`, '');
            this.dashTable(this.l('wholePlan'), [d.total]);
            if (d.byGoal.length) this.dashTable(this.l('byGoal'), d.byGoal);
            if (d.byUnit.length) this.dashTable(this.l('byUnit'), d.byUnit);
        }
        for (const m of members) this.member(m, 2);
    }

    /** A follow-up period as the plan names it; translated only into the other language. */
    private period(period: AstNode | undefined, written?: string): string {
        const name = (period as { name?: string } | undefined)?.name ?? written ?? '';
        const translated = name === 'annual' ? this.l('period.annual') : name === 'interim' ? this.l('period.interim') : name;
        return period ? planWord(period, 'name', this.lang, translated) : written ?? translated;
    }

    private dashTable(caption: string, rows: DashboardRow[]): void {
        this.emit(`**${md(caption)}**`, '', `| | ${STATUS_HEADING[this.lang]} | ${TREND_HEADING[this.lang]} | ${this.l('activities')} |`, '|---|---|---|---|');
        for (const row of rows) {
            const statuses = STATUSES
                .filter(s => row.statuses[s] > 0).map(s => `${STATUS_MARK[s]} ${statusCount(s, row.statuses[s], this.lang)}`).join(', ');
            const trends = TRENDS
                .filter(t => row.trends[t] > 0).map(t => `${TREND_MARK[t]} ${statusCount(t, row.trends[t], this.lang)}`).join(', ');
            const progress = (['done', 'started', 'not-started', 'delayed', 'cancelled', 'unknown'] as ProgressState[])
                .filter(p => row.progress[p] > 0).map(p => countPhrase(p, row.progress[p], this.lang)).join(', ');
            this.emit(`| ${md(row.title)} | ${statuses || this.l('noIndicators')} | ${trends || '–'} | ${progress || this.l('noActivities')} |`);
        }
        this.emit('');
    }

    private member(node: AstNode, level: number): void {
        if (isSection(node)) this.section(node, level);
        else if (isUnit(node)) this.unit(node, level);
        else if (isIndicator(node)) this.indicatorTable([node]);
        else if (isBudgetAssignment(node) || isControlArea(node) || isMission(node)) this.assignment(node, level);
        else if (isProse(node)) this.prose(node.text, level - 1);
        else if (isGoal(node)) this.emit(...this.goal(node), '');
        else if (isFootnote(node)) this.emit(`*${this.l('footnote')}:* ${md((node.text ?? '').replace(/\s*\n\s*/g, ' '))}`, '');
        else if (isActivity(node)) this.activities([node]);
    }

    private h(level: number, title: string): void {
        this.emit(`${'#'.repeat(Math.min(6, level))} ${title}`, '');
    }

    private prose(source: string | undefined, level: number): void {
        const lines = markdownProse(source, level);
        if (lines.length) this.emit(...lines, '');
    }

    private section(section: Section, level: number): void {
        this.h(level, md(section.title));
        this.prose(section.text, level);
        for (const m of section.members ?? []) this.member(m, level + 1);
    }

    private unit(unit: Unit, level: number): void {
        const members = unit.members ?? [];
        this.h(level, md(unit.title));
        const lists: [LabelKey, string[]][] = [
            ['goals', members.filter(isGoal).flatMap(g => this.goal(g))],
            ['improvements', members.filter(isImprovement).map(i => `- ${md(i.title)}`)],
            ['effects', members.filter(isEffect).map(e => `- ${md(e.title)}`)]
        ];
        for (const [key, items] of lists) if (items.length) this.emit(`**${this.l(key)}**`, '', ...items, '');
        const indicators = members.filter(isIndicator);
        if (indicators.length) {
            this.h(level + 1, this.l('indicators'));
            this.indicatorTable(indicators);
        }
        const activities = members.filter(isActivity);
        if (activities.length) {
            this.h(level + 1, this.l('activities'));
            this.activities(activities);
        }
        for (const m of members) {
            if (isGoal(m) || isImprovement(m) || isEffect(m) || isIndicator(m) || isActivity(m)) continue;
            this.member(m, level + 1);
        }
    }

    private goal(goal: Goal): string[] {
        const goals = goal.contributesTo?.map(c => md(c.goal?.ref?.title ?? c.writtenAs ?? c.goal?.$refText)) ?? [];
        const lines = [`- ${md(goal.title)}${goals.length ? ` (${this.l('overarchingGoal').toLowerCase()}: ${goals.join(', ')})` : ''}`];
        for (const p of goal.points ?? []) lines.push(`  - ${md(p.title)}`);
        for (const a of goal.activities ?? []) lines.push(`  - ${md(a.title)} — ${this.l(`progress.${progressOf(a)}` as LabelKey)}`);
        return lines;
    }

    private roles(node: Responsible | Reporting | undefined): string {
        return node ? node.roles.map(r => md(r.ref?.title ?? r.$refText)).join(', ') : '';
    }

    private indicatorTable(indicators: Indicator[]): void {
        this.emit(
            `| ${this.l('indicator')} | ${this.l('source')} | ${this.l('targetLevels')} | ${this.l('outcomes')} | ${this.l('status')} | ${this.l('overarchingGoal')} |`,
            '|---|---|---|---|---|---|'
        );
        const notes: string[] = [];
        for (const ind of indicators) {
            const view = this.assessor.view(ind, this.lang);
            const members = ind.members ?? [];
            const src = members.find(isSourceRef);
            let source = md(src?.source?.ref?.title ?? src?.source?.$refText);
            if (src?.kpi) source += ` [${md(src.kpi)}](https://www.kolada.se/verktyg/fri-sokning/?kpis=${encodeURIComponent(src.kpi.trim())})`;
            const bands = view.series.map(s => (view.series.length > 1 && s.title ? `${md(s.title)}: ` : '') + md(s.bandsText)).join('<br>');
            const outcomes = view.series.flatMap(s => s.outcomes.map(o =>
                `${view.series.length > 1 && s.title ? `${md(s.title)} ` : ''}${md(o.period)}: ${md(o.display)} ${STATUS_MARK[o.status]}`)).join('<br>');
            const status = `${STATUS_MARK[view.status]} ${statusTitle(view.status, this.lang)}${view.trend ? ` ${movementArrow(view)} ${trendTitle(view.trend, this.lang)}` : ''}`;
            const goals = overarchingGoals(ind).map(g => md(g.title)).join(', ');
            this.emit(`| ${md(ind.title)} | ${source} | ${bands} | ${outcomes} | ${status} | ${goals} |`);
            const details: string[] = [];
            const freq = members.find(isFrequency);
            if (freq) details.push(`${this.l('measuredHow')}: ${md(planWord(freq, 'frequency', this.lang, labelOr(`frequency.${freq.frequency}`, this.lang, freq.frequency)))}${freq.note ? ` (${md(freq.note)})` : ''}`);
            const resp = members.find(isResponsible);
            if (resp) details.push(`${this.l('responsible')}: ${this.roles(resp)}`);
            const rep = members.find(isReporting);
            if (rep) details.push(`${this.l('reporting')}: ${this.roles(rep)}`);
            for (const f of members.filter(isFootnote)) details.push(`${this.l('footnote')}: ${md(f.text)}`);
            const acts = members.filter(isActivity);
            if (details.length || acts.length) notes.push(`**${md(ind.title)}** — ${details.join(' · ')}${acts.length ? `${details.length ? ' · ' : ''}${this.l('activities')}: ${acts.map(a => `${md(a.title)} (${this.l(`progress.${progressOf(a)}` as LabelKey).toLowerCase()})`).join('; ')}` : ''}`);
        }
        this.emit('');
        for (const n of notes) this.emit(n, '');
    }

    private activities(list: Activity[]): void {
        this.emit(`| ${this.l('activities')} | ${this.l('status')} | ${this.l('responsible')} | ${this.l('reporting')} | ${this.l('deadline')} |`, '|---|---|---|---|---|');
        for (const a of list) {
            const members = a.members ?? [];
            const deadline = members.find(isDeadline)?.date ?? '';
            this.emit(`| ${md(a.title)} | ${this.l(`progress.${progressOf(a)}` as LabelKey)} | ${this.roles(members.find(isResponsible))} | ${this.roles(members.find(isReporting))} | ${md(deadline)} |`);
        }
        this.emit('');
    }

    private assignment(node: BudgetAssignment | ControlArea | Mission, level: number): void {
        const kind: LabelKey = isBudgetAssignment(node) ? 'budgetAssignment' : isControlArea(node) ? 'controlArea' : 'mission';
        const members = node.members ?? [];
        this.h(level, `${this.l(kind)}: ${md(node.title)}`);
        const facts: string[] = [];
        const amount = members.find(isAmount);
        if (amount?.amount?.value) facts.push(`**${this.l('amount')}:** ${md(amount.amount.value)}${amount.amount.unit ? ` ${md(amount.amount.unit)}` : ''}`);
        const resp = members.find(isResponsible);
        if (resp) facts.push(`**${this.l('responsible')}:** ${this.roles(resp)}`);
        const rep = members.find(isReporting);
        if (rep) facts.push(`**${this.l('reporting')}:** ${this.roles(rep)}`);
        const fu = members.find(isFollowUpRef);
        if (fu) facts.push(`**${this.l('followUpPeriods')}:** ${fu.periods.map(p => md(p.ref?.title ?? this.period(p.ref, p.$refText))).join(', ')}${fu.year ? ` ${md(fu.year)}` : ''}`);
        if (facts.length) this.emit(facts.join('  \n'), '');
        const effects = members.filter(isEffect);
        if (effects.length) this.emit(`**${this.l(kind === 'mission' ? 'expectedEffects' : 'effects')}**`, '', ...effects.map(e => `- ${md(e.title)}`), '');
        for (const m of members) if (isProse(m)) this.prose(m.text, level);
        const acts = members.filter(isActivity);
        if (acts.length) this.activities(acts);
    }

    private catalogue(root: Document): void {
        const elements = root.elements ?? [];
        const org = elements.find(isOrganisation);
        this.emit(`# ${md(org?.title ?? 'vplan')}`, '', this.l('noPlan'), '');
        const goals = elements.filter(isGoal);
        if (goals.length) this.emit(`## ${this.l('sharedGoals')}`, '', ...goals.map(g => `- ${md(g.title)}`), '');
        const roles = elements.filter(isRole);
        if (roles.length) this.emit(`## ${this.l('roles')}`, '', ...roles.map(r => `- ${md(r.title)}`), '');
        const sources = elements.filter(isSource);
        if (sources.length) this.emit(`## ${this.l('sources')}`, '', ...sources.map(s => `- ${md(s.title)}`), '');
    }
}
