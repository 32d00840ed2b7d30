// The follow-up report of a period as GitHub-flavoured Markdown (`vplan render --period P --format md`):
// the report model laid out for a pull request or a wiki, status as a mark and a word.
import {
    FULFILMENT_WORD, movementArrow, STATUS_MARK, statusTitle, TREND_HEADING, trendTitle,
    type IndicatorAtPeriod, type PlanPeriod, type PlanYearModel, type Status
} from '@vplan/language';
import { label, type LabelKey } from './labels.js';
import { reportLabel, type REPORT_LABELS } from './follow-up-labels.js';
import { analysisExcerpt, followUpReportModel, fulfilmentRuleText, type FollowUpModelOptions, type FollowUpReportModel } from './follow-up-model.js';
import { markdownProse, md } from './render-markdown.js';

export function renderFollowUpMarkdown(model: PlanYearModel, period: PlanPeriod, options: FollowUpModelOptions): string {
    return followUpMarkdown(followUpReportModel(model, period, options));
}

export function followUpMarkdown(r: FollowUpReportModel): string {
    const lang = r.lang;
    const l = (key: keyof typeof REPORT_LABELS) => reportLabel(key, lang);
    const pl = (key: LabelKey) => label(key, lang);
    const status = (s: Status) => `${STATUS_MARK[s]} ${statusTitle(s, lang)}`;
    const trend = (at: IndicatorAtPeriod) => at.trend ? `${movementArrow({ trend: at.trend, series: at.assessment.series })} ${trendTitle(at.trend, lang)}` : '';
    const outcome = (at: IndicatorAtPeriod) => (at.display ? md(at.display) : '–') + (at.outcomePeriod && !at.current ? ` (${md(at.outcomePeriod)})` : '');
    const out: string[] = [];
    const emit = (...lines: string[]) => out.push(...lines);

    emit(`# ${md(r.heading)}`, '');
    const meta = [`**${md(r.planTitle)}**`];
    if (r.decision) meta.push(md(r.decision));
    meta.push(`**${l(r.ready ? 'ready' : 'draft')}**`);
    emit(meta.join('  \n'), '');

    emit(`## ${l('deviations')}`, '');
    if (r.deviations.length === 0) emit(l('noDeviations'), '');
    for (const at of r.deviations) {
        emit(`### ${md(at.indicator.title)}`, '');
        emit(`${status(at.status)}${at.trend ? ` · ${trend(at)}` : ''} — ${md(at.reason[lang])}  `, `**${pl('outcome')}:** ${outcome(at)}`, '');
        for (const key of ['analysis', 'actions'] as const) {
            const lines = markdownProse(at[key], 4);
            if (lines.length) emit(`#### ${l(key)}`, '', ...lines, '');
        }
        if (!at.analysis && (at.status === 'red' || at.status === 'yellow')) emit(`*${l('noAnalysis')}*`, '');
    }

    if (!r.deviationsOnly) {
        emit(`## ${l('fulfilment')}`, '', fulfilmentRuleText(r.fulfilment.rule, lang), '');
        for (const table of r.fulfilment.tables) {
            emit(`**${l(table.key)}**`, '',
                `| ${l('goal')} | ${l('fulfilment')} | ${(['green', 'yellow', 'red'] as Status[]).map(status).join(' | ')} | ${l('notAssessable')} |`,
                '|---|---|--:|--:|--:|--:|');
            for (const row of table.rows) {
                const x = row.result;
                emit(`| ${md(row.title)} | ${FULFILMENT_WORD[x.fulfilment][lang]} | ${x.green} | ${x.yellow} | ${x.red} | ${x.notAssessable} |`);
            }
            emit('');
        }

        emit(`## ${l('indicators')}`, '');
        for (const unit of r.units) {
            emit(`### ${md(unit.title)}`, '',
                `| ${l('indicator')} | ${pl('outcome')} | ${pl('status')} | ${TREND_HEADING[lang]} | ${l('analysis')} |`, '|---|--:|---|---|---|');
            for (const at of unit.indicators) {
                emit(`| ${md(at.indicator.title)} | ${outcome(at)} | ${status(at.status)} | ${trend(at)} | ${at.analysis ? md(analysisExcerpt(at.analysis)) : ''} |`);
            }
            emit('');
        }

        emit(`## ${l('activities')}`, '');
        for (const group of r.activityGroups) {
            emit(`### ${pl(`progress.${group.state}` as LabelKey)} (${group.items.length})`, '');
            for (const { at, overdue } of group.items) {
                let line = `- ${md(at.title)}`;
                if (at.deadline) line += ` — ${l('deadline')} ${md(at.deadline)}`;
                if (overdue) line += ` — **${l('overdue')}**`;
                emit(line);
                if (at.comment) emit(`  ${md(at.comment)}`);
            }
            emit('');
        }

        const c = r.changes;
        if (c) {
            emit(`## ${l('changes')} ${md(c.previousLabel)}`, '');
            if (c.indicators.length === 0 && c.activities.length === 0) emit(l('noChanges'));
            for (const i of c.indicators) emit(`- ${md(i.indicator.title)}: ${status(i.previousStatus!)} → ${status(i.status)}`);
            for (const a of c.activities) emit(`- ${md(a.title)}: ${pl(`progress.${a.previousState ?? 'unknown'}` as LabelKey)} → ${pl(`progress.${a.state}` as LabelKey)}`);
            emit('');
        }
    }
    emit(`*${pl('generatedBy')}*`);
    return out.join('\n').replace(/\n{3,}/g, '\n\n').trim() + '\n';
}
