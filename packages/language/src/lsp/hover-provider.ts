import { AstUtils, UriUtils, type AstNode, type LangiumDocument, type Reference } from 'langium';
import type { HoverProvider } from 'langium/lsp';
import type { Hover, HoverParams } from 'vscode-languageserver';
import {
    isComparisonGroup, isGoal, isIndicator, isPlan, isReporting, isResponsible, isRole, isSource, isSourceRef,
    type Document, type Indicator
} from '../generated/ast.js';
import type { Lang } from '../i18n/lang.js';
import { assessIndicator, indicatorAt, periodLabel, periodReportsIn, planYearModel } from '../semantics/index.js';
import { ageInDays, KPI_CACHE_OLD_DAYS } from '../kolada/kpi-catalog.js';
import type { VplanServices } from '../vplan-module.js';
import { comparedWithText, overarchingGoals, movementArrow, rankSetup, statusLabel, trendWord, type Status, type Trend } from '../semantics/index.js';
import { declarationAt, describedContainer } from './target-at.js';
import { idOf, titleOf } from './titles.js';

/** Kolada's free search, opened on one KPI. */
export function koladaUrl(kpi: string): string {
    return `https://www.kolada.se/verktyg/fri-sokning/?kpis=${encodeURIComponent(kpi)}`;
}

const T = {
    source: { sv: 'Källa', en: 'Source' },
    published: { sv: 'publiceras', en: 'published' },
    week: { sv: 'v', en: 'week' },
    bands: { sv: 'Gränser', en: 'Thresholds' },
    comparedWith: { sv: 'Jämförs med', en: 'Compared with' },
    outcomes: { sv: 'Utfall', en: 'Outcomes' },
    latest: { sv: 'Senaste status', en: 'Latest status' },
    goal: { sv: 'Övergripande mål', en: 'Overarching goal' },
    responsible: { sv: 'Ansvarig', en: 'Responsible' },
    reports: { sv: 'Rapporterar', en: 'Reports' },
    noOutcomes: { sv: 'inga utfall ännu', en: 'no outcomes yet' },
    perPeriod: { sv: 'Uppföljning per period', en: 'Follow-up per period' },
    noOutcomeThen: { sv: 'inget utfall', en: 'no outcome' },
    usedIn: { sv: 'Används', en: 'Used' },
    notUsed: { sv: 'Används inte någonstans ännu.', en: 'Not used anywhere yet.' },
    times: { sv: (n: number) => (n === 1 ? '1 gång' : `${n} gånger`), en: (n: number) => (n === 1 ? 'once' : `${n} times`) },
    more: { sv: (n: number) => `… och ${n} till`, en: (n: number) => `… and ${n} more` },
    inKolada: { sv: 'I Kolada', en: 'In Kolada' },
    unknownKpi: { sv: 'Kolada känner inte till detta KPI-id', en: 'Kolada does not know this KPI id' },
    fetched: {
        sv: (date: string, days: number) => `hämtat ${date}` + (days >= KPI_CACHE_OLD_DAYS ? ` (${days} dagar sedan: kör vplan kolada meta för att uppdatera)` : ''),
        en: (date: string, days: number) => `fetched ${date}` + (days >= KPI_CACHE_OLD_DAYS ? ` (${days} days ago: run vplan kolada meta to refresh)` : '')
    },
    notFetched: { sv: 'Koladas beskrivning är inte hämtad (vplan kolada meta)', en: "Kolada's description is not fetched (vplan kolada meta)" },
    kinds: {
        Role: { sv: 'Roll', en: 'Role' }, Goal: { sv: 'Mål', en: 'Goal' }, Source: { sv: 'Källa', en: 'Source' },
        ComparisonGroup: { sv: 'Jämförelsegrupp', en: 'Comparison group' }
    } as Record<string, Record<Lang, string>>
};

const PLACES_SHOWN = 5;

/** Hover on indicators (status, bands, outcomes, goal, roles) and on roles, goals and sources (usage). */
export class VplanHoverProvider implements HoverProvider {
    constructor(private readonly services: VplanServices) {}

    getHoverContent(document: LangiumDocument, params: HoverParams): Hover | undefined {
        const found = declarationAt(this.services, document, document.textDocument.offsetAt(params.position));
        if (!found) return undefined;
        const lang = this.services.i18n.Locale.langOf(document);
        let value: string | undefined;
        try {
            if (isIndicator(found.node)) value = this.indicatorHover(found.node, lang);
            else if (isRole(found.node) || isGoal(found.node) || isSource(found.node) || isComparisonGroup(found.node)) {
                value = this.usageHover(found.node, lang);
            }
        } catch (err) {
            // A hover must never take the server down; say nothing rather than something wrong.
            console.error('vplan hover failed:', err);
            return undefined;
        }
        return value ? { contents: { kind: 'markdown', value }, range: found.leaf.range } : undefined;
    }

    indicatorHover(indicator: Indicator, lang: Lang): string {
        const lines: string[] = [];
        lines.push(`**${escape(indicator.title)}** · \`${indicator.name}\``);
        const assessment = assessIndicator(indicator);
        const trend = assessment.trend as Trend | undefined;
        lines.push('');
        lines.push(`${T.latest[lang]}: ${statusLabel(assessment.status as Status, lang)}`
            + (assessment.reason?.[lang] ? ` — ${escape(assessment.reason[lang])}` : '')
            + (trend ? ` · ${movementArrow(assessment)} ${trendWord(trend, lang)}` : ''));

        const sourceRef = indicator.members.find(isSourceRef);
        if (sourceRef) {
            const source = sourceRef.source.ref;
            let text = `${T.source[lang]}: ${escape(source?.title ?? sourceRef.source.$refText)}`;
            if (sourceRef.kpi) text += `, KPI [${escape(sourceRef.kpi)}](${koladaUrl(sourceRef.kpi)})`;
            if (sourceRef.publication) {
                text += ` (${T.published[lang]} ${sourceRef.publication.weeks.map(w => `${T.week[lang]} ${w.number}`).join(', ')})`;
            }
            lines.push('', text);
            if (sourceRef.kpi) lines.push('', ...this.koladaLines(sourceRef.kpi.trim(), lang));
        }

        const compared = comparedWithText(indicator);
        if (compared?.[lang]) {
            // A group ranked from Kolada says which Kolada group, so the fetched rank can be traced.
            const koladaGroup = rankSetup(indicator)?.koladaGroup;
            lines.push('', `${T.comparedWith[lang]}: ${escape(compared[lang])}${koladaGroup ? ` (Kolada ${escape(koladaGroup)})` : ''}`);
        }

        for (const series of assessment.series) {
            const heading = series.seriesTitle ?? series.series;
            lines.push('');
            if (heading) lines.push(`**${escape(heading)}**`, '');
            if (series.bandsText?.[lang]) lines.push(`${T.bands[lang]}: ${escape(series.bandsText[lang])}`, '');
            if (series.outcomes.length === 0) {
                lines.push(`${T.outcomes[lang]}: ${T.noOutcomes[lang]}`);
            } else {
                lines.push(`${T.outcomes[lang]}:`);
                for (const outcome of series.outcomes) {
                    const reason = outcome.reason?.[lang];
                    lines.push(`- ${escape(String(outcome.period))}: ${escape(String(outcome.shown))} — ${statusLabel(outcome.status as Status, lang)}`
                        + (reason ? ` (${escape(reason)})` : ''));
                }
            }
            const seriesTrend = series.trend as Trend | undefined;
            if (seriesTrend && assessment.series.length > 1) lines.push(`- ${movementArrow({ trend: seriesTrend, series: [series] })} ${trendWord(seriesTrend, lang)}`);
        }

        lines.push(...this.periodLines(indicator, lang));

        // The goals it counts for, by the one rule (restatements and `bidrar till` chains).
        const goals = overarchingGoals(indicator).map(g => escape(g.title));
        if (goals.length > 0) lines.push('', `${T.goal[lang]}: ${goals.join(', ')}`);
        const responsible = indicator.members.filter(isResponsible).flatMap(r => r.roles.map(refTitle));
        const reporting = indicator.members.filter(isReporting).flatMap(r => r.roles.map(refTitle));
        const who = [
            responsible.length > 0 ? `${T.responsible[lang]}: ${responsible.join(', ')}` : undefined,
            reporting.length > 0 ? `${T.reports[lang]}: ${reporting.join(', ')}` : undefined
        ].filter(Boolean);
        if (who.length > 0) lines.push('', who.join(' · '));
        return lines.join('\n');
    }

    /** The indicator at each period its plan has a follow-up for: outcome, status, the analysis's start. */
    private periodLines(indicator: Indicator, lang: Lang): string[] {
        const plan = AstUtils.getContainerOfType(indicator, isPlan);
        if (!plan) return [];
        const roots = this.services.shared.workspace.LangiumDocuments.all.map(d => d.parseResult.value as Document);
        const model = planYearModel(plan, periodReportsIn(roots));
        const followed = model.periods.filter(p => (model.reports.get(p.name) ?? []).length > 0);
        if (followed.length === 0) return [];
        const lines = ['', `${T.perPeriod[lang]}:`];
        for (const period of followed) {
            const at = indicatorAt(model, indicator, period);
            const outcome = at.current ? `${escape(at.display ?? '')} — ${statusLabel(at.status, lang)}` : T.noOutcomeThen[lang];
            const analysis = at.analysis ? ` · _${escape(excerpt(at.analysis))}_` : '';
            lines.push(`- ${escape(periodLabel(period, lang))}: ${outcome}${analysis}`);
        }
        return lines;
    }

    /** What Kolada says of the KPI, from the cache the CLI or the editor's command filled (no network here). */
    koladaLines(kpi: string, lang: Lang): string[] {
        const record = this.services.kolada.Kpis.get(kpi);
        if (!record) return [`_${T.notFetched[lang]}_`];
        const when = `_${T.fetched[lang](record.fetched.slice(0, 10), ageInDays(record))}_`;
        if (record.unknown) return [`${T.inKolada[lang]}: **${T.unknownKpi[lang]}** · ${when}`];
        const lines = [`${T.inKolada[lang]}: **${escape(record.title ?? kpi)}** · ${when}`];
        if (record.description) lines.push('', `> ${escape(record.description).replace(/\n+/g, ' ')}`);
        return lines;
    }

    usageHover(node: AstNode, lang: Lang): string {
        const kind = T.kinds[node.$type]?.[lang] ?? node.$type;
        const lines = [`${kind} **${escape(titleOf(node) ?? '')}** · \`${idOf(node) ?? ''}\``, ''];
        const references = this.services.references.References.findReferences(node, { includeDeclaration: false }).toArray();
        if (references.length === 0) {
            lines.push(T.notUsed[lang]);
            return lines.join('\n');
        }
        lines.push(`${T.usedIn[lang]} ${T.times[lang](references.length)}:`);
        const documents = this.services.shared.workspace.LangiumDocuments;
        const locator = this.services.workspace.AstNodeLocator;
        for (const ref of references.slice(0, PLACES_SHOWN)) {
            const line = ref.segment.range.start.line + 1;
            const file = UriUtils.basename(ref.sourceUri);
            let where = '';
            const source = documents.getDocument(ref.sourceUri);
            const holder = source ? locator.getAstNode(source.parseResult.value, ref.sourcePath) : undefined;
            const described = holder ? describedContainer(holder) : undefined;
            if (described) where = ` — ${escape(titleOf(described) ?? idOf(described) ?? '')}`;
            lines.push(`- [${escape(file)}:${line}](${ref.sourceUri.toString()}#L${line})${where}`);
        }
        if (references.length > PLACES_SHOWN) lines.push(T.more[lang](references.length - PLACES_SHOWN));
        return lines.join('\n');
    }
}

function refTitle(ref: Reference<AstNode>): string {
    const target = ref.ref;
    return escape(target ? titleOf(target) ?? ref.$refText : ref.$refText);
}

function excerpt(markdown: string, max = 100): string {
    const plain = markdown.replace(/\s+/g, ' ').trim();
    return plain.length > max ? plain.slice(0, max - 1).trimEnd() + '…' : plain;
}

/** Markdown-escapes text that comes from the plan, so a title cannot inject links or formatting. */
function escape(text: string): string {
    return text.replace(/[\\`*_{}[\]<>()#+!|]/g, ch => `\\${ch}`);
}

