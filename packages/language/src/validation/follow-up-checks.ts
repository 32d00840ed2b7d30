// Checks of a period's follow-up (uppföljning T1 av plan { … }): what the report to the council
// will lack. They run on the follow-up, never on the adopted plan, so the plan stays as adopted.
import { GrammarUtils, type AstNode, type LangiumDocuments, type ValidationAcceptor } from 'langium';
import {
    isPeriodOutcome, isProgress, isComment, isSeriesDecl, isIndicatorFollowUp, isProgressFollowUp,
    type Document, type IndicatorFollowUp, type PeriodReport, type Plan, type ProgressFollowUp
} from '../generated/ast.js';
import type { Lang } from '../i18n/lang.js';
import {
    activityAt, activitiesAt, followedIndicator, followedTarget, indicatorAt, indicatorsAt, isOverdue, isReady, periodLabel,
    periodReportsIn, planIndicators, planProgressTargets, planYearModel, PROGRESS_WORD, reportPlan, today, wentBackwards,
    defaultPeriod, type PlanPeriod, type PlanYearModel
} from '../semantics/follow-up.js';
import { STATUS_WORD } from '../semantics/vocabulary.js';
import { closestName } from './edit-distance.js';
import { FOLLOWED_KIND, followUpMessages as m } from './follow-up-messages.js';
import { report } from './report.js';
import type { SuggestedFix } from './codes.js';

/** The date "past its deadline" is judged at: the CLI's --as-of, else today. */
export class AsOfDate {
    date: string | undefined;
    get value(): string { return this.date ?? today(); }
}

export function checkPeriodReport(node: PeriodReport, accept: ValidationAcceptor, lang: Lang, documents: LangiumDocuments, asOf: string): void {
    const plan = reportPlan(node);
    if (!plan) return; // an unresolved plan is reported as an unresolved reference
    const model = planYearModel(plan, periodReportsIn(documents.all.map(d => d.parseResult.value as Document)));
    const period = model.periods.find(p => p.name === node.period);
    if (!period) {
        const declared = model.periods.map(p => periodLabel(p, lang)).join(', ') || '–';
        const suggestion = closestName(node.period, model.periods.map(p => p.name));
        report(accept, lang, 'follow-up-unknown-period', m.unknownPeriod(node.period, plan.name, declared),
            { node, property: 'period' }, { period: node.period }, suggestion ? replaceFix(node, 'period', suggestion) : undefined);
        return;
    }
    checkReferences(node, plan, accept, lang);
    const label = periodLabel(period, lang);
    if (isReady(model, period)) checkReadyPeriod(node, model, period, label, accept, lang);
    checkProgress(node, model, period, accept, lang);
    if (defaultPeriod(model) === period && model.reports.get(period.name)?.[0] === node) checkOverdue(node, model, period, accept, lang, asOf);
}

function checkReferences(node: PeriodReport, plan: Plan, accept: ValidationAcceptor, lang: Lang): void {
    for (const f of node.members.filter(isIndicatorFollowUp)) {
        const indicator = followedIndicator(plan, f);
        if (f.indicator?.ref && indicator && !planIndicators(plan).includes(indicator)) {
            report(accept, lang, 'follow-up-not-in-plan', m.notInPlan(FOLLOWED_KIND.indicator, f.indicator.$refText, plan.name),
                { node: f, property: 'indicator' }, { name: f.indicator.$refText });
        }
        if (!indicator) continue;
        for (const o of f.members.filter(isPeriodOutcome)) {
            if (o.series && !indicator.members.some(s => isSeriesDecl(s) && s.name === o.series)) {
                report(accept, lang, 'follow-up-not-in-plan', m.unknownSeries(o.series, indicator.title), { node: o, property: 'series' }, { name: o.series });
            }
        }
    }
    for (const f of node.members.filter(isProgressFollowUp)) {
        if (followedTarget(plan, f)) continue;
        const kind = FOLLOWED_KIND[f.kind] ?? FOLLOWED_KIND.activity;
        const written = f.ref ?? `"${f.title ?? ''}"`;
        const candidates = planProgressTargets(plan).filter(t => (f.kind === 'activity') === (t.$type === 'Activity'));
        const closest = f.ref
            ? closestName(f.ref, candidates.map(t => ('name' in t ? t.name : undefined) ?? '').filter(Boolean))
            : closestName(f.title ?? '', candidates.map(t => t.title).filter((t): t is string => t !== undefined));
        const fix = closest ? replaceFix(f, f.ref ? 'ref' : 'title', f.ref ? closest : `"${closest}"`) : undefined;
        report(accept, lang, 'follow-up-not-in-plan', m.notInPlan(kind, written, plan.name),
            { node: f, property: f.ref ? 'ref' : 'title' }, { name: written }, fix);
    }
}

function checkReadyPeriod(node: PeriodReport, model: PlanYearModel, period: PlanPeriod, label: string, accept: ValidationAcceptor, lang: Lang): void {
    const mine = node.members.filter(isIndicatorFollowUp);
    const allOfPeriod = (model.reports.get(period.name) ?? []).flatMap(r => r.members.filter(isIndicatorFollowUp));
    for (const f of mine) {
        const indicator = followedIndicator(model.plan, f);
        if (!indicator) continue;
        const at = indicatorAt(model, indicator, period);
        if ((at.status !== 'red' && at.status !== 'yellow') || !at.current) continue;
        const status = STATUS_WORD[at.status];
        if (!at.analysis) {
            report(accept, lang, 'follow-up-missing-analysis', m.missingAnalysis(indicator.title, status, label),
                { node: f, property: 'indicator' }, { indicator: indicator.name, status: at.status }, insertFix(f, lang === 'sv' ? 'analys' : 'analysis', 'markdown', m.fixAddAnalysis));
        }
        if (!at.actions) {
            report(accept, lang, 'follow-up-missing-actions', m.missingActions(indicator.title, status, label),
                { node: f, property: 'indicator' }, { indicator: indicator.name, status: at.status }, insertFix(f, lang === 'sv' ? 'åtgärder' : 'actions', 'markdown', m.fixAddActions));
        }
    }
    // Indicators due this period without an outcome: on the indicator's line, in whichever file of the
    // period has it, else on the header of the period's first file.
    const first = model.reports.get(period.name)?.[0] === node;
    for (const at of indicatorsAt(model, period)) {
        if (!at.due || at.current) continue;
        const followed = allOfPeriod.some(f => followedIndicator(model.plan, f) === at.indicator && f.members.some(isPeriodOutcome));
        if (followed) continue;
        const line = allOfPeriod.find(f => followedIndicator(model.plan, f) === at.indicator);
        if (line ? line.$container !== node : !first) continue;
        const message = m.missingOutcome(at.indicator.title, label);
        const data = { indicator: at.indicator.name, period: period.name };
        if (line) report<IndicatorFollowUp>(accept, lang, 'follow-up-missing-outcome', message, { node: line, property: 'indicator' }, data);
        else report(accept, lang, 'follow-up-missing-outcome', message, { node, property: 'period' }, data);
    }
}

function checkProgress(node: PeriodReport, model: PlanYearModel, period: PlanPeriod, accept: ValidationAcceptor, lang: Lang): void {
    for (const f of node.members.filter(isProgressFollowUp)) {
        const target = followedTarget(model.plan, f);
        if (!target) continue;
        const now = f.members.filter(isProgress).pop()?.state as keyof typeof PROGRESS_WORD | undefined;
        const previous = activityAt(model, target, period).previousState;
        if (!now || !wentBackwards(previous, now) || f.members.some(isComment)) continue;
        report(accept, lang, 'progress-backwards', m.backwards(target.title, PROGRESS_WORD[previous!], PROGRESS_WORD[now]),
            { node: f.members.filter(isProgress).pop()!, property: 'state' }, { from: previous, to: now },
            insertFix(f, lang === 'sv' ? 'kommentar' : 'comment', 'string', m.fixAddComment));
    }
}

function checkOverdue(node: PeriodReport, model: PlanYearModel, period: PlanPeriod, accept: ValidationAcceptor, lang: Lang, asOf: string): void {
    const lines = (model.reports.get(period.name) ?? []).flatMap(r => r.members.filter(isProgressFollowUp));
    for (const a of activitiesAt(model, period)) {
        if (!isOverdue(a, asOf)) continue;
        const line = lines.find(l => followedTarget(model.plan, l) === a.target);
        // On the activity's line of this period when there is one (in whichever file), else on the header.
        if (line && line.$container !== node) continue;
        const message = m.overdue(a.title, a.deadline!, a.state ? PROGRESS_WORD[a.state] : undefined, asOf);
        const data = { deadline: a.deadline, state: a.state, asOf };
        if (line) report(accept, lang, 'activity-overdue', message, { node: line as ProgressFollowUp, property: line.ref ? 'ref' : 'title' }, data);
        else report(accept, lang, 'activity-overdue', message, { node, property: 'period' }, data);
    }
}

/** A fix that adds a member after a block's last member (or first in an empty block), indented like it. */
function insertFix(block: AstNode & { members: AstNode[] }, keyword: string, value: 'markdown' | 'string', title: { sv: string; en: string }): SuggestedFix | undefined {
    const cst = block.$cstNode;
    if (!cst) return undefined;
    const last = block.members[block.members.length - 1]?.$cstNode;
    const column = last?.range.start.character ?? cst.range.start.character + 2;
    const indent = ' '.repeat(column);
    // After the last member, or just after the opening brace of an empty block.
    const open = GrammarUtils.findNodeForKeyword(cst, '{');
    const at = last?.range.end ?? open?.range.end;
    if (!at) return undefined;
    const text = value === 'markdown' ? `${keyword} """\n${indent}  \n${indent}  """` : `${keyword} ""`;
    return { title, range: { start: at, end: at }, newText: `\n${indent}${text}` };
}

function replaceFix(node: AstNode, property: string, text: string): SuggestedFix | undefined {
    const range = GrammarUtils.findNodeForProperty(node.$cstNode, property)?.range;
    return range ? { title: m.fixUse(text), range, newText: text } : undefined;
}
