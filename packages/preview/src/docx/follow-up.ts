// The follow-up report of a period as a Word document: the report model (follow-up-model.ts) on A4
// with a cover (the plan, the period, the decision details, ready or draft), a contents field,
// Word headings for the navigation pane, tables whose header rows repeat, status in words as well as
// colour, and "Sida N av M" footers.
import { Document as WordDocument, Packer, PageBreak, Paragraph, TableOfContents, TextRun } from 'docx';
import {
    FULFILMENT_WORD, movementArrow, statusTitle, TREND_HEADING, trendTitle,
    type Fulfilment, type IndicatorAtPeriod, type PlanPeriod, type PlanYearModel, type Status
} from '@vplan/language';
import { label, type LabelKey } from '../labels.js';
import { reportLabel, type REPORT_LABELS } from '../follow-up-labels.js';
import { analysisExcerpt, followUpReportModel, fulfilmentRuleText, type FollowUpModelOptions, type FollowUpReportModel } from '../follow-up-model.js';
import { cell, emptyFooter, emptyHeader, pageFooter, runningHeader, table } from './parts.js';
import { proseBlocks, type Block } from './prose.js';
import { A4_PAGE, headingFor, NUMBERING, STYLES } from './styles.js';

/** Light fills beside the words: colour is never the only carrier. */
const STATUS_FILL: Partial<Record<Status, string>> = { green: 'D5EFD9', yellow: 'FCEFC2', red: 'F7D4D2' };
const FULFILMENT_FILL: Partial<Record<Fulfilment, string>> = { fulfilled: 'D5EFD9', partly: 'FCEFC2', 'not-fulfilled': 'F7D4D2' };

export async function renderFollowUpDocx(model: PlanYearModel, period: PlanPeriod, options: FollowUpModelOptions): Promise<Uint8Array> {
    return followUpDocx(followUpReportModel(model, period, options));
}

export async function followUpDocx(report: FollowUpReportModel): Promise<Uint8Array> {
    const w = new FollowUpWriter(report);
    const doc = new WordDocument({
        creator: 'vplan',
        title: report.title,
        description: report.decision,
        styles: STYLES,
        numbering: NUMBERING,
        // Word fills in the contents' page numbers when it opens the file (after asking).
        features: { updateFields: true },
        sections: [{
            properties: { page: A4_PAGE, titlePage: true },
            headers: { first: emptyHeader(), default: runningHeader(report.title, report.decision) },
            footers: { first: emptyFooter(), default: pageFooter(report.lang) },
            children: w.blocks()
        }]
    });
    return new Uint8Array(await Packer.toBuffer(doc));
}

class FollowUpWriter {
    constructor(private readonly r: FollowUpReportModel) {}

    private l(key: keyof typeof REPORT_LABELS): string {
        return reportLabel(key, this.r.lang);
    }

    private pl(key: LabelKey): string {
        return label(key, this.r.lang);
    }

    private heading(level: number, title: string): Paragraph {
        return new Paragraph({ heading: headingFor(level), children: [new TextRun(title)], keepNext: true });
    }

    private status(s: Status): string {
        return statusTitle(s, this.r.lang);
    }

    private trend(at: IndicatorAtPeriod): string {
        return at.trend ? `${movementArrow({ trend: at.trend, series: at.assessment.series })} ${trendTitle(at.trend, this.r.lang).toLowerCase()}` : '';
    }

    private outcome(at: IndicatorAtPeriod): string {
        return (at.display ?? '–') + (at.outcomePeriod && !at.current ? ` (${at.outcomePeriod})` : '');
    }

    blocks(): Block[] {
        const out: Block[] = [...this.cover(), ...this.deviations()];
        if (!this.r.deviationsOnly) out.push(...this.fulfilment(), ...this.units(), ...this.activities(), ...this.changes());
        return out;
    }

    private cover(): Block[] {
        const r = this.r;
        const out: Block[] = [
            new Paragraph({ children: [new TextRun({ text: r.planTitle, bold: true, color: '555555' })] }),
            new Paragraph({ heading: 'Title', children: [new TextRun(r.heading)] })
        ];
        if (r.decision) out.push(new Paragraph({ children: [new TextRun({ text: r.decision, size: 24 })] }));
        // Ready or draft, in words: a draft must not be filed as the report.
        out.push(new Paragraph({ children: [new TextRun({ text: this.l(r.ready ? 'ready' : 'draft'), bold: true, size: 24, color: r.ready ? '1E6B30' : 'B0271E' })] }));
        if (!r.deviationsOnly) {
            // Not a heading: the contents do not list themselves.
            out.push(new Paragraph({ spacing: { before: 480 }, children: [new TextRun({ text: this.pl('contents'), bold: true, size: 32, color: '1D3D4F' })] }));
            out.push(new TableOfContents(this.pl('contents'), { hyperlink: true, headingStyleRange: '1-2' }));
        }
        out.push(new Paragraph({ children: [new PageBreak()] }));
        return out;
    }

    private deviations(): Block[] {
        const out: Block[] = [this.heading(1, this.l('deviations'))];
        if (this.r.deviations.length === 0) out.push(new Paragraph(this.l('noDeviations')));
        for (const at of this.r.deviations) {
            out.push(this.heading(2, at.indicator.title));
            const trend = this.trend(at);
            out.push(new Paragraph({
                children: [
                    new TextRun({ text: `${this.pl('status')}: `, bold: true }),
                    new TextRun({ text: this.status(at.status), bold: true, shading: STATUS_FILL[at.status] ? { type: 'clear', color: 'auto', fill: STATUS_FILL[at.status]! } : undefined }),
                    new TextRun(`${trend ? ` · ${trend}` : ''} — ${at.reason[this.r.lang]}`)
                ]
            }));
            out.push(new Paragraph({ children: [new TextRun({ text: `${this.pl('outcome')}: `, bold: true }), new TextRun(this.outcome(at))] }));
            for (const key of ['analysis', 'actions'] as const) {
                const source = at[key];
                if (!source) continue;
                out.push(this.heading(3, this.l(key)), ...proseBlocks(source, 3));
            }
            if (!at.analysis && (at.status === 'red' || at.status === 'yellow')) {
                out.push(new Paragraph({ children: [new TextRun({ text: this.l('noAnalysis'), italics: true, color: 'B0271E' })] }));
            }
        }
        return out;
    }

    private fulfilment(): Block[] {
        const f = this.r.fulfilment;
        const lang = this.r.lang;
        const out: Block[] = [this.heading(1, this.l('fulfilment')), new Paragraph({ style: 'Small', children: [new TextRun(fulfilmentRuleText(f.rule, lang))] })];
        for (const t of f.tables) {
            out.push(this.heading(2, this.l(t.key)));
            out.push(table(
                [this.l('goal'), this.l('fulfilment'), this.status('green'), this.status('yellow'), this.status('red'), this.l('notAssessable')],
                t.rows.map(row => [
                    cell(row.title, { bold: true }),
                    cell(FULFILMENT_WORD[row.result.fulfilment][lang], { fill: FULFILMENT_FILL[row.result.fulfilment] }),
                    cell(String(row.result.green)), cell(String(row.result.yellow)), cell(String(row.result.red)), cell(String(row.result.notAssessable))
                ]),
                [40, 18, 10, 10, 10, 12]
            ));
            out.push(new Paragraph({}));
        }
        return out;
    }

    private units(): Block[] {
        const out: Block[] = [this.heading(1, this.l('indicators'))];
        for (const unit of this.r.units) {
            out.push(this.heading(2, unit.title));
            out.push(table(
                [this.l('indicator'), this.pl('outcome'), this.pl('status'), TREND_HEADING[this.r.lang], this.l('analysis')],
                unit.indicators.map(at => [
                    cell(at.indicator.title, { bold: true }),
                    cell(this.outcome(at)),
                    cell(this.status(at.status), { fill: STATUS_FILL[at.status] }),
                    cell(this.trend(at)),
                    cell(at.analysis ? analysisExcerpt(at.analysis) : '')
                ]),
                [28, 12, 12, 14, 34]
            ));
            out.push(new Paragraph({}));
        }
        return out;
    }

    private activities(): Block[] {
        const out: Block[] = [this.heading(1, this.l('activities'))];
        for (const group of this.r.activityGroups) {
            out.push(this.heading(2, `${this.pl(`progress.${group.state}` as LabelKey)} (${group.items.length})`));
            out.push(table(
                [this.l('activity'), this.pl('deadline'), this.l('comment')],
                group.items.map(({ at, overdue }) => [
                    cell(at.title, { bold: true }),
                    cell(at.deadline ? [at.deadline, ...(overdue ? [this.l('overdue')] : [])] : '', { fill: overdue ? STATUS_FILL.red : undefined }),
                    cell(at.comment ? at.comment.split(/\n{2,}/) : '')
                ]),
                [40, 20, 40]
            ));
            out.push(new Paragraph({}));
        }
        return out;
    }

    private changes(): Block[] {
        const c = this.r.changes;
        if (!c) return [];
        const out: Block[] = [this.heading(1, `${this.l('changes')} ${c.previousLabel}`)];
        if (c.indicators.length === 0 && c.activities.length === 0) out.push(new Paragraph(this.l('noChanges')));
        const bullet = (text: string) => new Paragraph({ bullet: { level: 0 }, children: [new TextRun(text)] });
        for (const i of c.indicators) out.push(bullet(`${i.indicator.title}: ${this.status(i.previousStatus!)} → ${this.status(i.status)}`));
        for (const a of c.activities) out.push(bullet(`${a.title}: ${this.pl(`progress.${a.previousState ?? 'unknown'}` as LabelKey)} → ${this.pl(`progress.${a.state}` as LabelKey)}`));
        return out;
    }
}
