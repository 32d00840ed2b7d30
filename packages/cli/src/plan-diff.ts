// What changed between two plans (last year's and this year's): indicators matched by id, then by
// Kolada KPI, then by title, and compared on what a committee asks about before adopting the new
// plan — which were added, dropped or renamed, whose bands, goals or responsibles changed.
import { AstUtils, type AstNode } from 'langium';
import {
    assessIndicator, isActivity, isContribution, isIndicator, isResponsible, isRestatement, isSourceRef, isUnit,
    type Indicator, type Lang, type Plan
} from '@vplan/language';

export interface IndicatorRef {
    id: string;
    title: string;
    /** The unit the indicator is written in, if any. */
    unit?: string;
    kpi?: string;
}

export interface Change<T> {
    old: IndicatorRef;
    new: IndicatorRef;
    from: T;
    to: T;
}

export interface PlanDiff {
    old: { id: string; title: string };
    new: { id: string; title: string };
    added: IndicatorRef[];
    dropped: IndicatorRef[];
    renamed: Change<string>[];
    bands: Change<string>[];
    goals: Change<string[]>[];
    responsible: Change<string[]>[];
}

interface Entry {
    indicator: Indicator;
    ref: IndicatorRef;
}

function normalise(title: string): string {
    return title.toLocaleLowerCase('sv').replace(/\s+/g, ' ').trim();
}

function entries(plan: Plan): Entry[] {
    return AstUtils.streamAllContents(plan).filter(isIndicator).map(indicator => {
        const kpi = (indicator.members ?? []).find(isSourceRef)?.kpi?.trim();
        let unit: string | undefined;
        for (let n: AstNode | undefined = indicator.$container; n; n = n.$container) if (isUnit(n)) { unit = n.title; break; }
        return { indicator, ref: { id: indicator.name, title: indicator.title, unit, kpi: kpi || undefined } };
    }).toArray();
}

/** One-to-one pairs, in the order id, KPI, title; within each, the written order. */
function match(olds: Entry[], news: Entry[]): { pairs: [Entry, Entry][]; added: Entry[]; dropped: Entry[] } {
    const pairs: [Entry, Entry][] = [];
    const freeOld = new Set(olds), freeNew = new Set(news);
    const keys: ((e: Entry) => string | undefined)[] = [e => e.ref.id, e => e.ref.kpi, e => normalise(e.ref.title)];
    for (const key of keys) {
        for (const o of olds) {
            if (!freeOld.has(o)) continue;
            const k = key(o);
            if (!k) continue;
            const n = news.find(x => freeNew.has(x) && key(x) === k);
            if (!n) continue;
            pairs.push([o, n]);
            freeOld.delete(o);
            freeNew.delete(n);
        }
    }
    // A unit's restatement of a council indicator (återger) is compared with last year's council
    // indicator too: the unit's bands are what the unit is judged by.
    for (const n of news) {
        if (!freeNew.has(n)) continue;
        const target = (n.indicator.members ?? []).find(isRestatement)?.indicator?.ref;
        const pair = target && pairs.find(p => p[1].indicator === target);
        if (!pair) continue;
        pairs.push([pair[0], n]);
        freeNew.delete(n);
    }
    // Back in the new plan's order, so the report reads like the new plan.
    pairs.sort((a, b) => news.indexOf(a[1]) - news.indexOf(b[1]));
    return { pairs, added: news.filter(n => freeNew.has(n)), dropped: olds.filter(o => freeOld.has(o)) };
}

/** The bands as the semantics module states them, per series: comparable however they are written. */
function bandsOf(indicator: Indicator, lang: Lang): string {
    const series = assessIndicator(indicator).series.filter(s => s.thresholds && s.thresholds.bands.length > 0);
    return series.map(s => (series.length > 1 && s.seriesTitle ? `${s.seriesTitle}: ` : '') + s.bandsText[lang]).join('; ');
}

function goalsOf(indicator: Indicator): string[] {
    return (indicator.members ?? []).filter(isContribution)
        .map(c => c.goal?.ref?.title ?? c.writtenAs ?? c.goal?.$refText ?? '').filter(Boolean).sort();
}

function responsibleOf(indicator: Indicator): string[] {
    const names = new Set<string>();
    const members = indicator.members ?? [];
    const holders: AstNode[] = [...members.filter(isResponsible), ...members.filter(isActivity).flatMap(a => (a.members ?? []).filter(isResponsible))];
    for (const r of holders) for (const role of (r as { roles?: { ref?: { title: string }; $refText?: string }[] }).roles ?? []) names.add(role.ref?.title ?? role.$refText ?? '');
    return [...names].filter(Boolean).sort();
}

function same(a: string[], b: string[]): boolean {
    return a.length === b.length && a.every((x, i) => x === b[i]);
}

export function diffPlans(oldPlan: Plan, newPlan: Plan, lang: Lang): PlanDiff {
    const { pairs, added, dropped } = match(entries(oldPlan), entries(newPlan));
    const diff: PlanDiff = {
        old: { id: oldPlan.name, title: oldPlan.title },
        new: { id: newPlan.name, title: newPlan.title },
        added: added.map(e => e.ref), dropped: dropped.map(e => e.ref),
        renamed: [], bands: [], goals: [], responsible: []
    };
    for (const [o, n] of pairs) {
        const refs = { old: o.ref, new: n.ref };
        if (o.ref.title !== n.ref.title) diff.renamed.push({ ...refs, from: o.ref.title, to: n.ref.title });
        const bands = [bandsOf(o.indicator, lang), bandsOf(n.indicator, lang)];
        if (bands[0] !== bands[1]) diff.bands.push({ ...refs, from: bands[0], to: bands[1] });
        const goals = [goalsOf(o.indicator), goalsOf(n.indicator)];
        if (!same(goals[0], goals[1])) diff.goals.push({ ...refs, from: goals[0], to: goals[1] });
        const resp = [responsibleOf(o.indicator), responsibleOf(n.indicator)];
        if (!same(resp[0], resp[1])) diff.responsible.push({ ...refs, from: resp[0], to: resp[1] });
    }
    return diff;
}

export function hasChanges(d: PlanDiff): boolean {
    return d.added.length + d.dropped.length + d.renamed.length + d.bands.length + d.goals.length + d.responsible.length > 0;
}

const WORDS = {
    compared: { sv: 'Jämförelse', en: 'Comparison' },
    added: { sv: 'Tillagda indikatorer', en: 'Indicators added' },
    dropped: { sv: 'Borttagna indikatorer', en: 'Indicators dropped' },
    renamed: { sv: 'Nytt namn', en: 'Renamed' },
    bands: { sv: 'Ändrade målnivåer', en: 'Bands changed' },
    goals: { sv: 'Ändrade övergripande mål', en: 'Overarching goals changed' },
    responsible: { sv: 'Ändrat ansvar', en: 'Responsibility changed' },
    none: { sv: 'Inga skillnader i indikatorerna.', en: 'No differences in the indicators.' },
    nobody: { sv: 'ingen', en: 'none' }
} as const;

function refText(r: IndicatorRef): string {
    return r.unit ? `${r.title} (${r.unit})` : r.title;
}

/** Plain text (markdown = false) or Markdown for a pull request or a committee's papers. */
export function diffText(d: PlanDiff, lang: Lang, markdown: boolean): string {
    const w = (k: keyof typeof WORDS) => WORDS[k][lang];
    const list = (items: string[]) => (items.length ? items.join(', ') : w('nobody'));
    const lines: string[] = [];
    lines.push(markdown ? `# ${w('compared')}: ${d.old.title} → ${d.new.title}` : `${w('compared')}: ${d.old.title} → ${d.new.title}`);
    const section = (key: keyof typeof WORDS, items: string[]) => {
        if (items.length === 0) return;
        lines.push('');
        lines.push(markdown ? `## ${w(key)} (${items.length})` : `${w(key)} (${items.length})`);
        if (markdown) lines.push('');
        for (const item of items) lines.push(markdown ? `- ${item}` : `  ${item}`);
    };
    const em = (s: string) => (markdown ? `**${s.replace(/([*_`\\[\]])/g, '\\$1')}**` : s);
    section('added', d.added.map(r => `${markdown ? '' : '+ '}${em(refText(r))}`));
    section('dropped', d.dropped.map(r => `${markdown ? '' : '- '}${em(refText(r))}`));
    section('renamed', d.renamed.map(c => `${em(c.from)} → ${em(c.to)}`));
    section('bands', d.bands.map(c => `${em(refText(c.new))}: ${c.from || w('nobody')} → ${c.to || w('nobody')}`));
    section('goals', d.goals.map(c => `${em(refText(c.new))}: ${list(c.from)} → ${list(c.to)}`));
    section('responsible', d.responsible.map(c => `${em(refText(c.new))}: ${list(c.from)} → ${list(c.to)}`));
    if (!hasChanges(d)) lines.push('', w('none'));
    return lines.join('\n') + '\n';
}
