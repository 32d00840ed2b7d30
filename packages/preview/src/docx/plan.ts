// A plan as a Word document (.docx), written with the `docx` library: A4, the plan's own headings and
// numbering, a contents field, "Sida N av M" footers, and the tables of the source documents — the
// indicator table's seven columns of the 2026 plan and the activity, assignment and mission tables
// of the 2025 plan — so a council secretary can file it as the adopted plan.
import type { AstNode, LangiumDocument } from 'langium';
import { Document as WordDocument, Packer, PageBreak, Paragraph, Table, TableCell, TableOfContents, TextRun, type ParagraphChild } from 'docx';
import {
    isActivity, isBand, isBaseline, isBudgetAssignment, isContribution, isControlArea, isEffect, isFollowUp, isFollowUpRef,
    isFootnote, isFrequency, isGoal, isImprovement, isIndicator, isMeasures, isMission, isPlan, isPlanOrganisation,
    isPlanYear, isProse, isReporting, isResponsible, isSection, isSourceRef, isUnit,
    type Activity, type BudgetAssignment, type ControlArea, type Document, type Goal, type Indicator, type Lang,
    type Mission, type Plan, type Section, type Status, type Unit, statusTitle, trendTitle
} from '@vplan/language';
import { Assessor, type IndicatorView } from '../assess.js';
import { indicatorsOf } from '../render-plan.js';
import { progressOf } from '../dashboard.js';
import { decisionOf, decisionText } from '../decision.js';
import { label, labelOr, type LabelKey } from '../labels.js';
import { proseBlocks, type Block } from './prose.js';
import { A4_PAGE, headingFor, NUMBERING, STYLES } from './styles.js';
import { cell, emptyFooter, emptyHeader, pageFooter, runningHeader, table, type CellOptions } from './parts.js';

export interface DocxOptions {
    lang: Lang;
    /** A status column in the indicator tables (the adopted documents have none); on unless turned off. */
    statusColumn?: boolean;
}

type Root = LangiumDocument<Document> | Document;
type Assignment = BudgetAssignment | ControlArea | Mission;

/** Light fills for the status cell; the cell also says the status in words. */
const STATUS_FILL: Partial<Record<Status, string>> = { green: 'D5EFD9', yellow: 'FCEFC2', red: 'F7D4D2' };

/** The plan (the first one of the file) as the bytes of a .docx file. */
export async function renderDocx(input: Root, options: DocxOptions): Promise<Uint8Array> {
    const root = 'parseResult' in input ? input.parseResult.value : input;
    const plan = root.elements?.find(isPlan);
    if (!plan) throw new Error('no plan in the document');
    const writer = new DocxWriter(options.lang, options.statusColumn !== false);
    const doc = writer.document(plan);
    return new Uint8Array(await Packer.toBuffer(doc));
}

class DocxWriter {
    private readonly assessor = new Assessor();
    /** The plan's follow-up periods as the document names them: "T1/T2/Årsbokslut". */
    private resultHeading = '';
    /** The years of the outcome columns, the same in every table of the plan (at most the last three). */
    private years: string[] = [];

    constructor(private readonly lang: Lang, private readonly statusColumn: boolean) {}

    private l(key: LabelKey): string {
        return label(key, this.lang);
    }

    document(plan: Plan): WordDocument {
        const members = plan.members ?? [];
        const followUp = members.find(isFollowUp);
        this.resultHeading = `${this.l('result')} ${followUp ? followUp.periods.map(p => p.title ?? this.periodName(p.name)).join('/') : ''}`.trim();
        const outcomes = indicatorsOf(plan).flatMap(i => this.assessor.view(i, this.lang).series.flatMap(s => s.outcomes));
        const present = [...new Set(outcomes.map(o => o.period.slice(0, 4)))].filter(y => /^\d{4}$/.test(y)).sort();
        // As the adopted documents: the two years before the plan's, and the plan's own once it has outcomes.
        const planYear = Number(members.find(isPlanYear)?.year);
        this.years = Number.isFinite(planYear) && planYear > 0
            ? [planYear - 2, planYear - 1, planYear].map(String).filter(y => Number(y) < planYear || present.includes(y))
            : present.slice(-3);
        const decision = decisionOf(plan);
        const decisionLine = decision ? decisionText(decision, this.lang) : undefined;
        const body: Block[] = [];
        for (const block of this.members(members, 1)) body.push(block);
        return new WordDocument({
            creator: 'vplan',
            title: plan.title,
            description: decisionLine,
            styles: STYLES,
            numbering: NUMBERING,
            // Word fills in the contents' page numbers when it opens the file (after asking).
            features: { updateFields: true },
            sections: [{
                properties: { page: A4_PAGE, titlePage: true },
                headers: { first: emptyHeader(), default: runningHeader(plan.title, decisionLine) },
                footers: { first: emptyFooter(), default: pageFooter(this.lang) },
                children: [...this.cover(plan, decisionLine), ...body]
            }]
        });
    }

    private cover(plan: Plan, decision: string | undefined): Block[] {
        const members = plan.members ?? [];
        const org = members.find(isPlanOrganisation);
        const orgTitle = org?.organisation?.ref?.title ?? org?.organisation?.$refText;
        const deptTitle = org?.department?.ref?.title ?? org?.department?.$refText;
        const year = members.find(isPlanYear);
        const followUp = members.find(isFollowUp);
        const out: Block[] = [];
        if (orgTitle) out.push(new Paragraph({ children: [new TextRun({ text: `${orgTitle}${deptTitle ? ` · ${deptTitle}` : ''}`, bold: true, color: '555555' })] }));
        out.push(new Paragraph({ heading: 'Title', children: [new TextRun(plan.title)] }));
        if (decision) out.push(new Paragraph({ children: [new TextRun({ text: decision, size: 24 })] }));
        const meta: string[] = [];
        if (year) meta.push(`${this.l('year')}: ${year.year}`);
        if (followUp) meta.push(`${this.l('followUp')}: ${followUp.periods.map(p => p.title ?? this.periodName(p.name)).join(', ')}`);
        if (meta.length > 0) out.push(new Paragraph({ style: 'Small', children: [new TextRun(meta.join(' · '))] }));
        // Not a heading: the contents do not list themselves.
        out.push(new Paragraph({ spacing: { before: 480 }, children: [new TextRun({ text: this.l('contents'), bold: true, size: 32, color: '1D3D4F' })] }));
        out.push(new TableOfContents(this.l('contents'), { hyperlink: true, headingStyleRange: '1-3' }));
        out.push(new Paragraph({ children: [new PageBreak()] }));
        return out;
    }

    private periodName(name: string): string {
        return labelOr(`period.${name}`, this.lang, name);
    }

    // ------------------------------------------------------------------ members

    /** Members in the author's order; runs of indicators and of assignments of one kind become one table. */
    private *members(members: readonly AstNode[], level: number): Generator<Block> {
        for (let i = 0; i < members.length; i++) {
            const m = members[i];
            if (isIndicator(m)) {
                let j = i;
                while (j + 1 < members.length && isIndicator(members[j + 1])) j++;
                yield* this.indicatorTable(members.slice(i, j + 1) as Indicator[]);
                i = j;
            } else if (isBudgetAssignment(m) || isControlArea(m) || isMission(m)) {
                let j = i;
                while (j + 1 < members.length && members[j + 1].$type === m.$type) j++;
                yield* this.assignmentTable(members.slice(i, j + 1) as Assignment[]);
                i = j;
            } else {
                yield* this.member(m, level);
            }
        }
    }

    private *member(node: AstNode, level: number): Generator<Block> {
        if (isSection(node)) yield* this.section(node, level);
        else if (isUnit(node)) yield* this.unit(node, level);
        else if (isProse(node)) yield* proseBlocks(node.text ?? '', level);
        else if (isGoal(node)) yield* this.goal(node, 0);
        else if (isFootnote(node)) yield this.footnote(node.text);
        else if (isActivity(node)) yield this.bullet(this.activityLine(node), 0);
    }

    private heading(level: number, title: string): Paragraph {
        return new Paragraph({ heading: headingFor(level), children: [new TextRun(title)], keepNext: true });
    }

    private *section(section: Section, level: number): Generator<Block> {
        yield this.heading(level, section.title);
        if (section.text) yield* proseBlocks(section.text, level);
        yield* this.members(section.members ?? [], level + 1);
    }

    private *unit(unit: Unit, level: number): Generator<Block> {
        const members = unit.members ?? [];
        yield this.heading(level, unit.title);
        const goals = members.filter(isGoal);
        if (goals.length > 0) {
            yield this.heading(level + 1, this.l('goals'));
            for (const g of goals) yield* this.goal(g, 0);
        }
        const lists: [LabelKey, { title: string }[]][] = [['improvements', members.filter(isImprovement)], ['effects', members.filter(isEffect)]];
        for (const [key, items] of lists) {
            if (items.length === 0) continue;
            yield this.heading(level + 1, this.l(key));
            for (const item of items) yield this.bullet(item.title, 0);
        }
        const indicators = members.filter(isIndicator);
        if (indicators.length > 0) {
            yield this.heading(level + 1, this.l('indicators'));
            yield* this.indicatorTable(indicators);
        }
        const activities = members.filter(isActivity);
        if (activities.length > 0) {
            yield this.heading(level + 1, this.l('activities'));
            for (const a of activities) yield this.bullet(this.activityLine(a), 0);
        }
        const rest = members.filter(m => !(isGoal(m) || isImprovement(m) || isEffect(m) || isIndicator(m) || isActivity(m)));
        yield* this.members(rest, level + 1);
    }

    private *goal(goal: Goal, depth: number): Generator<Block> {
        const served = (goal.contributesTo ?? []).map(c => c.writtenAs ?? c.goal?.ref?.title ?? c.goal?.$refText).filter(Boolean);
        yield this.bullet(goal.title + (served.length ? ` (${this.l('overarchingGoal').toLowerCase()}: ${served.join(', ')})` : ''), depth);
        for (const p of goal.points ?? []) yield this.bullet(p.title, depth + 1);
        for (const t of goal.texts ?? []) yield* proseBlocks(t.text ?? '', 5);
        for (const a of goal.activities ?? []) yield this.bullet(this.activityLine(a), depth + 1);
    }

    private bullet(text: string, level: number): Paragraph {
        return new Paragraph({ bullet: { level }, children: [new TextRun(text)] });
    }

    private footnote(text: string): Paragraph {
        return new Paragraph({ style: 'Small', children: [new TextRun({ text: `${this.l('footnote')}: `, bold: true }), new TextRun(text.trim())] });
    }

    private activityLine(activity: Activity): string {
        const state = progressOf(activity);
        return activity.title + (state === 'unknown' ? '' : ` (${this.l(`progress.${state}` as LabelKey).toLowerCase()})`);
    }

    // ------------------------------------------------------------------ tables

    private cell(content: string | string[] | ParagraphChild[][], options: CellOptions = {}): TableCell {
        return cell(content, options);
    }

    private table(headers: string[], rows: TableCell[][], widths: number[]): Table {
        return table(headers, rows, widths);
    }

    /** A table row is kept on one page and the header repeats, so nothing is split mid-row. */
    private *indicatorTable(indicators: Indicator[]): Generator<Block> {
        if (indicators.some(i => (i.members ?? []).some(isActivity))) {
            yield this.activityTable(indicators);
        } else {
            yield this.outcomeTable(indicators);
        }
        yield new Paragraph({});
    }

    /** The 2026 plan's table: Indikator, Hämtas från, Grön, Gul, Utfall per year, Övergripande mål (+ Status). */
    private outcomeTable(indicators: Indicator[]): Table {
        const views = indicators.map(i => this.assessor.view(i, this.lang));
        const years = this.years;
        const headers = [
            this.l('indicator'), this.l('source'), statusTitle('green', this.lang), statusTitle('yellow', this.lang),
            ...years.map(y => `${this.l('outcome')} ${y}`), this.l('overarchingGoal'),
            ...(this.statusColumn ? [this.l('status')] : [])
        ];
        const widths = [26, 14, 10, 10, ...years.map(() => 9), 16, ...(this.statusColumn ? [10] : [])];
        const rows = indicators.map((ind, k) => {
            const view = views[k];
            const cells = [
                this.cell(ind.title, { bold: true }),
                this.cell(this.sourceText(ind)),
                this.cell(this.bandCells(ind, 'green')),
                this.cell(this.bandCells(ind, 'yellow')),
                ...years.map(y => this.cell(this.outcomeCell(view, y))),
                this.cell(this.goalsText(ind)),
                ...(this.statusColumn ? [this.cell(this.statusText(view), { fill: STATUS_FILL[view.status] })] : [])
            ];
            return cells;
        });
        return this.table(headers, rows, widths);
    }

    /** The 2025 plan's table: Mål, Indikator, Aktiviteter, Prestationer, Hur ofta, Ansvarig ×2, Resultat. */
    private activityTable(indicators: Indicator[]): Table {
        const headers = [
            this.l('goals'), this.l('indicator'), this.l('activities'), this.l('performance'), this.l('howOften'),
            this.l('responsible'), this.l('reporting'), this.resultHeading
        ];
        const rows = indicators.map(ind => {
            const members = ind.members ?? [];
            const view = this.assessor.view(ind, this.lang);
            const measured: string[] = [];
            for (const m of members) if (isMeasures(m)) measured.push(m.text);
            for (const b of members.filter(isBaseline)) measured.push(`${this.l('baseline')}${b.period ? ` ${b.period}` : ''}: ${b.value?.$cstNode?.text ?? ''}`);
            for (const color of ['green', 'yellow', 'red'] as const) {
                const bands = this.bandCells(ind, color);
                if (bands.length) measured.push(`${statusTitle(color, this.lang)}: ${bands.join('; ')}`);
            }
            const frequency = members.find(isFrequency);
            const results = view.series.flatMap(s => s.outcomes.map(o => `${view.series.length > 1 && s.title ? `${s.title} ` : ''}${o.period}: ${o.display}`));
            return [
                this.cell(this.goalsText(ind)),
                this.cell(ind.title, { bold: true }),
                this.cell(members.filter(isActivity).map(a => this.activityLine(a))),
                this.cell(measured),
                this.cell(frequency ? labelOr(`frequency.${frequency.frequency}`, this.lang, frequency.frequency) + (frequency.note ? ` (${frequency.note})` : '') : ''),
                this.cell(this.rolesOf(members, isResponsible)),
                this.cell(this.rolesOf(members, isReporting)),
                this.cell(results)
            ];
        });
        return this.table(headers, rows, [13, 15, 18, 16, 10, 10, 10, 8]);
    }

    /** Budget assignments, control areas and missions, each kind in the 2025 plan's columns. */
    private *assignmentTable(items: Assignment[]): Generator<Block> {
        const first = items[0];
        const kind: LabelKey = isBudgetAssignment(first) ? 'budgetAssignment' : isControlArea(first) ? 'controlArea' : 'mission';
        const mission = isMission(first);
        const budget = isBudgetAssignment(first);
        const headers = [
            this.l(kind), ...(mission ? [this.l('expectedEffects')] : []), this.l('activities'),
            ...(budget ? [this.l('howOften')] : []), this.l('responsible'), this.l('reporting')
        ];
        const rows = items.map(item => {
            const members = item.members ?? [];
            const amount = members.find(m => m.$type === 'Amount') as { amount?: { value: string; unit?: string } } | undefined;
            const title = [item.title, ...(amount?.amount?.value ? [`${this.l('amount')}: ${amount.amount.value}${amount.amount.unit ? ` ${amount.amount.unit}` : ''}`] : [])];
            const followUp = members.filter(isFollowUpRef).map(f => f.periods.map(p => p.ref?.title ?? this.periodName(p.ref?.name ?? p.$refText ?? '')).join(', ') + (f.year ? ` ${f.year}` : ''));
            return [
                this.cell(title, { bold: true }),
                ...(mission ? [this.cell(members.filter(isEffect).map(e => e.title))] : []),
                this.cell(members.filter(isActivity).map(a => this.activityLine(a))),
                ...(budget ? [this.cell(followUp)] : []),
                this.cell(this.rolesOf(members, isResponsible)),
                this.cell(this.rolesOf(members, isReporting))
            ];
        });
        const widths = mission ? [20, 20, 30, 15, 15] : budget ? [28, 30, 14, 14, 14] : [30, 40, 15, 15];
        yield this.table(headers, rows, widths);
        yield new Paragraph({});
        for (const item of items) {
            for (const m of item.members ?? []) {
                if (isProse(m)) yield* proseBlocks(m.text ?? '', 5);
                else if (isFootnote(m)) yield this.footnote(m.text);
            }
        }
    }

    // ------------------------------------------------------------------ cell texts

    private rolesOf(members: readonly AstNode[], guard: (n: AstNode) => boolean): string {
        const names = new Set<string>();
        const add = (node: AstNode) => {
            for (const r of (node as unknown as { roles: { ref?: { title: string }; $refText?: string }[] }).roles ?? []) {
                names.add(r.ref?.title ?? r.$refText ?? '');
            }
        };
        for (const m of members) if (guard(m)) add(m);
        // Who carries out an indicator's or assignment's activities, when the activities say so.
        for (const a of members.filter(isActivity)) for (const m of a.members ?? []) if (guard(m)) add(m);
        return [...names].filter(Boolean).join(', ');
    }

    private sourceText(ind: Indicator): string {
        const ref = (ind.members ?? []).find(isSourceRef);
        if (ref) return `${ref.source?.ref?.title ?? ref.source?.$refText ?? ''}${ref.kpi ? ` (${ref.kpi})` : ''}`;
        const restated = (ind.members ?? []).find(m => m.$type === 'Restatement') as { indicator?: { ref?: Indicator } } | undefined;
        const source = restated?.indicator?.ref ? (restated.indicator.ref.members ?? []).find(isSourceRef) : undefined;
        return source ? `${source.source?.ref?.title ?? source.source?.$refText ?? ''}${source.kpi ? ` (${source.kpi})` : ''}` : '';
    }

    /** The bands of one colour as the plan writes them ("11 eller lägre", "htj 14–15"). */
    private bandCells(ind: Indicator, color: 'green' | 'yellow' | 'red'): string[] {
        const from = this.assessor.raw(ind).thresholds.bandsFrom ?? ind;
        return (from.members ?? []).filter(isBand).filter(b => b.color === color).map(b => {
            const spec = (b.spec?.$cstNode?.text ?? '').replace(/\s+/g, ' ').trim();
            const series = b.series?.ref?.title ?? b.series?.$refText;
            return series ? `${series}: ${spec}` : spec;
        });
    }

    private outcomeCell(view: IndicatorView, year: string): string[] {
        const multi = view.series.length > 1;
        const out: string[] = [];
        for (const s of view.series) {
            const inYear = s.outcomes.filter(o => o.period.slice(0, 4) === year);
            const whole = inYear.find(o => o.period === year);
            const shown = whole ?? inYear[inYear.length - 1];
            if (!shown) continue;
            const when = shown.period === year ? '' : ` (${shown.period.slice(5)})`;
            out.push(`${multi && s.title ? `${s.title}: ` : ''}${shown.display}${when}`);
        }
        return out;
    }

    private goalsText(ind: Indicator): string[] {
        // As this plan writes the goal (the adopted document's wording), else the goal's own title.
        return (ind.members ?? []).filter(isContribution).map(c => c.writtenAs ?? c.goal?.ref?.title ?? c.goal?.$refText ?? '');
    }

    private statusText(view: IndicatorView): string[] {
        const word = statusTitle(view.status, this.lang);
        const trend = view.trend ? trendTitle(view.trend, this.lang).toLowerCase() : '';
        return trend ? [word, trend] : [word];
    }
}
