// KPI ids: their form (a letter and five digits), what Kolada's cached metadata says of them (never
// the network: an id Kolada does not know is an error, a title that shares no word with the
// indicator's a hint), and the same KPI given other bands by another indicator.
import { AstUtils, DocumentState, type AstNode, type LangiumSharedCoreServices, type ValidationAcceptor } from 'langium';
import { isIndicator, isPlan, isSourceRef, type Indicator, type SourceRef } from '../generated/ast.js';
import type { Lang, Localized } from '../i18n/lang.js';
import { titlesPlainlyDiffer, type KpiCatalog } from '../kolada/kpi-catalog.js';
import { bandText, restatedIndicator, thresholdsOf } from '../semantics/index.js';
import { checkIdForm } from './id-form.js';
import { messages } from './messages.js';
import { planYear } from './plan-checks.js';
import { relatedNode } from './related.js';
import { report } from './report.js';
import { snappedBandsKey } from './threshold-checks.js';

/** Kolada's KPI ids: a letter and five digits (U23471, N00945). */
const KPI_ID = /^[A-Z]\d{5}$/;

export function checkKpiId(ref: SourceRef, accept: ValidationAcceptor, lang: Lang): void {
    checkIdForm(ref, 'kpi', KPI_ID, 'kpi-id-format', messages.kpiIdFormat, 'kpi', accept, lang);
}

function kpiOf(indicator: Indicator): { kpi: string; ref: SourceRef } | undefined {
    const ref = (indicator.members ?? []).find(isSourceRef);
    return ref?.kpi ? { kpi: ref.kpi, ref } : undefined;
}

const byRoot = new WeakMap<AstNode, Map<string, Indicator[]>>();

/** A document's indicators that name a KPI, by KPI, in document order (kept with its syntax tree). */
function kpiIndicators(root: AstNode): Map<string, Indicator[]> {
    let byKpi = byRoot.get(root);
    if (!byKpi) {
        byKpi = new Map();
        for (const indicator of AstUtils.streamAllContents(root).filter(isIndicator)) {
            const kpi = kpiOf(indicator)?.kpi;
            if (kpi === undefined) continue;
            const list = byKpi.get(kpi);
            if (list) list.push(indicator);
            else byKpi.set(kpi, [indicator]);
        }
        byRoot.set(root, byKpi);
    }
    return byKpi;
}

/**
 * The workspace's indicators by KPI, in the order of the workspace's documents and then of each
 * document: what checkSameKpi compares an indicator with. Every indicator used to scan every
 * indicator of every document (2 s of a keystroke in a 1 MB plan); now it looks up its KPI. Built
 * again after each build that re-parsed a document, from the per-document lists kept with their trees.
 */
/** What checkSameKpi compares of an indicator: its plan's year and the bands it states itself. */
interface PeerFacts {
    year: number | undefined;
    series: ReturnType<typeof thresholdsOf>['series'][number];
    stated: ReturnType<typeof thresholdsOf>['series'][number]['bands'];
    /** snappedBandsKey of the stated bands, by precision (a pair compares at the finer of its two). */
    keys: Map<number, string>;
}

function keyAt(facts: PeerFacts, decimals: number): string {
    let key = facts.keys.get(decimals);
    if (key === undefined) facts.keys.set(decimals, key = snappedBandsKey(facts.stated, decimals));
    return key;
}

/**
 * Facts outlive a build: a keystroke in one plan of a workspace whose plans share KPIs compares each of
 * its indicators with every other indicator of the KPI (1,000 plans: thousands of peers), and working
 * each peer's bands out again per keystroke cost 100 ms. An entry holds while the indicator's
 * thresholds (a new object when its bands, or those of an indicator it restates, change) and its
 * plan (a new node when the plan is re-parsed) are the same objects.
 */
const peerFacts = new WeakMap<Indicator, { thresholds: ReturnType<typeof thresholdsOf>; plan: AstNode | undefined; facts: PeerFacts | null }>();

export class KpiIndicators {
    private byKpi?: Map<string, Indicator[]>;

    constructor(private readonly shared: LangiumSharedCoreServices) {
        shared.workspace.DocumentBuilder.onUpdate(() => { this.byKpi = undefined; });
        shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.IndexedContent, () => { this.byKpi = undefined; });
    }

    of(kpi: string): readonly Indicator[] {
        if (!this.byKpi) {
            this.byKpi = new Map();
            for (const document of this.shared.workspace.LangiumDocuments.all) {
                for (const [k, indicators] of kpiIndicators(document.parseResult.value)) {
                    const list = this.byKpi.get(k);
                    if (list) list.push(...indicators);
                    else this.byKpi.set(k, [...indicators]);
                }
            }
        }
        return this.byKpi.get(kpi) ?? [];
    }

    /** The indicator's year and own stated bands; undefined when it has none of its own to compare. */
    factsOf(indicator: Indicator): PeerFacts | undefined {
        const thresholds = thresholdsOf(indicator);
        const plan = AstUtils.getContainerOfType(indicator, isPlan);
        const known = peerFacts.get(indicator);
        if (known && known.thresholds === thresholds && known.plan === plan) return known.facts ?? undefined;
        const series = thresholds.series[0];
        const facts = thresholds.bandsFrom !== indicator || thresholds.series.length !== 1 || series.bands.length === 0
            ? null
            : { year: planYear(indicator), series, stated: series.bands.filter(x => !x.implied), keys: new Map<number, string>() };
        peerFacts.set(indicator, { thresholds, plan, facts });
        return facts ?? undefined;
    }
}

function restates(a: Indicator, b: Indicator): boolean {
    const seen = new Set<Indicator>();
    for (let t = restatedIndicator(a); t && !seen.has(t); t = restatedIndicator(t)) {
        if (t === b) return true;
        seen.add(t);
    }
    return false;
}

/**
 * The same Kolada KPI given other bands by another indicator of a plan of the same year, where
 * neither restates the other: one of them is likely out of date.
 */
export function checkSameKpi(indicator: Indicator, indicators: KpiIndicators, accept: ValidationAcceptor, lang: Lang): void {
    const mine = kpiOf(indicator);
    if (!mine) return;
    // Most KPIs are measured by one indicator: nothing to compare, no bands to work out.
    const peers = indicators.of(mine.kpi);
    if (peers.length < 2) return;
    const ours = indicators.factsOf(indicator);
    if (!ours) return;
    // The conditions are tested cheapest first; the peer reported is the first that meets them all.
    for (const other of peers) {
        if (other === indicator) continue;
        const theirs = indicators.factsOf(other);
        if (!theirs || theirs.year !== ours.year) continue;
        const decimals = Math.max(ours.series.precision, theirs.series.precision);
        if (keyAt(ours, decimals) === keyAt(theirs, decimals)) continue;
        if (restates(indicator, other) || restates(other, indicator)) continue;
        const text = (stated: PeerFacts['stated']): Localized => ({
            sv: stated.map(x => bandText(x).sv).join(', '), en: stated.map(x => bandText(x).en).join(', ')
        });
        const a = ours.stated, b = theirs.stated;
        report(accept, lang, 'same-kpi-bands-differ', messages.sameKpiBandsDiffer(mine.kpi, other.name, text(a), text(b)), {
            node: mine.ref, property: 'kpi',
            relatedInformation: relatedNode(other, messages.relatedSameKpi(other.name, text(b)), lang)
        }, { kpi: mine.kpi, other: other.name });
        return;
    }
}

export function checkKpi(ref: SourceRef, accept: ValidationAcceptor, lang: Lang, catalog: KpiCatalog): void {
    const kpi = ref.kpi?.trim();
    if (!kpi || catalog.size === 0) return;
    const record = catalog.get(kpi);
    if (!record) return; // not fetched yet: nothing to say offline
    if (record.unknown) {
        report(accept, lang, 'unknown-kpi', messages.unknownKpi(kpi, record.fetched.slice(0, 10)),
            { node: ref, property: 'kpi' }, { kpi, fetched: record.fetched });
        return;
    }
    const indicator = ref.$container as Indicator | undefined;
    const title = indicator?.title;
    if (record.title && title && titlesPlainlyDiffer(title, record.title)) {
        report(accept, lang, 'kpi-title-mismatch', messages.kpiTitleMismatch(kpi, record.title, title),
            { node: ref, property: 'kpi' }, { kpi, koladaTitle: record.title });
    }
}
