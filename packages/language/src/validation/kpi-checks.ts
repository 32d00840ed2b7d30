// KPI ids: their form (a letter and five digits), what Kolada's cached metadata says of them (never
// the network: an id Kolada does not know is an error, a title that shares no word with the
// indicator's a hint), and the same KPI given other bands by another indicator.
import { AstUtils, DocumentState, type AstNode, type LangiumSharedCoreServices, type ValidationAcceptor } from 'langium';
import { isIndicator, isSourceRef, type Indicator, type SourceRef } from '../generated/ast.js';
import type { Lang, Localized } from '../i18n/lang.js';
import { titlesPlainlyDiffer, type KpiCatalog } from '../kolada/kpi-catalog.js';
import { bandText, restatedIndicator, thresholdsOf } from '../semantics/index.js';
import { checkIdForm } from './id-form.js';
import { messages } from './messages.js';
import { planYear } from './plan-checks.js';
import { relatedNode } from './related.js';
import { report } from './report.js';
import { sameBands } from './threshold-checks.js';

/** Kolada's KPI ids: a letter and five digits (U23471, N00945). */
const KPI_ID = /^[A-Z]\d{5}$/;

export function checkKpiId(ref: SourceRef, accept: ValidationAcceptor, lang: Lang): void {
    checkIdForm(ref, 'kpi', KPI_ID, 'kpi-id-format', messages.kpiIdFormat, 'kpi', accept, lang);
}

function kpiOf(indicator: Indicator): { kpi: string; ref: SourceRef } | undefined {
    const ref = (indicator.members ?? []).find(isSourceRef);
    return ref?.kpi ? { kpi: ref.kpi, ref } : undefined;
}

/** A document's indicators with a KPI id, by that id, in document order. */
function kpiIndicatorsOf(root: AstNode): Map<string, Indicator[]> {
    const index = new Map<string, Indicator[]>();
    for (const node of AstUtils.streamAllContents(root)) {
        if (!isIndicator(node)) continue;
        const id = kpiOf(node)?.kpi;
        if (id === undefined) continue;
        const list = index.get(id);
        if (list) list.push(node);
        else index.set(id, [node]);
    }
    return index;
}

/**
 * The workspace's indicators by KPI id, in document order. Every indicator with a KPI asks for its
 * id: scanning every document per indicator made a 1,000-plan workspace quadratic (7,500 indicators
 * × 1,001 documents: tens of seconds of checks). Brought up to date when documents change: only
 * the changed documents are walked again.
 */
export class SameKpiIndex {
    private readonly byDocument = new Map<string, Map<string, Indicator[]>>();
    private readonly dirty = new Set<string>();
    private merged?: Map<string, Indicator[]>;

    constructor(private readonly shared: LangiumSharedCoreServices) {
        shared.workspace.DocumentBuilder.onUpdate((changed, deleted) => {
            for (const uri of [...changed, ...deleted]) this.dirty.add(uri.toString());
            this.merged = undefined;
        });
        shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.IndexedContent, documents => {
            for (const document of documents) this.dirty.add(document.uri.toString());
            this.merged = undefined;
        });
    }

    /** The live indicators measuring `kpi` (a document removed without an update is skipped). */
    indicators(kpi: string): Indicator[] {
        const documents = this.shared.workspace.LangiumDocuments;
        const all = (this.merged ??= this.merge()).get(kpi) ?? [];
        return all.filter(indicator => {
            const document = AstUtils.getDocument(indicator);
            return documents.getDocument(document.uri)?.parseResult.value === document.parseResult.value;
        });
    }

    private merge(): Map<string, Indicator[]> {
        const merged = new Map<string, Indicator[]>();
        const present = new Set<string>();
        for (const document of this.shared.workspace.LangiumDocuments.all) {
            const uri = document.uri.toString();
            present.add(uri);
            let own = this.dirty.has(uri) ? undefined : this.byDocument.get(uri);
            if (!own) {
                own = kpiIndicatorsOf(document.parseResult.value);
                this.byDocument.set(uri, own);
            }
            for (const [kpi, list] of own) {
                const into = merged.get(kpi);
                if (into) into.push(...list);
                else merged.set(kpi, [...list]);
            }
        }
        for (const uri of this.byDocument.keys()) if (!present.has(uri)) this.byDocument.delete(uri);
        this.dirty.clear();
        return merged;
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
export function checkSameKpi(indicator: Indicator, index: SameKpiIndex, accept: ValidationAcceptor, lang: Lang): void {
    const mine = kpiOf(indicator);
    if (!mine) return;
    const ours = thresholdsOf(indicator);
    if (ours.bandsFrom !== indicator || ours.series.length !== 1 || ours.series[0].bands.length === 0) return;
    const year = planYear(indicator);
    for (const other of index.indicators(mine.kpi)) {
        if (other === indicator) continue;
        if (planYear(other) !== year || restates(indicator, other) || restates(other, indicator)) continue;
        const theirs = thresholdsOf(other);
        if (theirs.bandsFrom !== other || theirs.series.length !== 1 || theirs.series[0].bands.length === 0) continue;
        const a = ours.series[0], b = theirs.series[0];
        const decimals = Math.max(a.precision, b.precision);
        const stated = (s: typeof a) => s.bands.filter(x => !x.implied);
        if (sameBands(stated(a), stated(b), decimals)) continue;
        const text = (s: typeof a): Localized => ({
            sv: stated(s).map(x => bandText(x).sv).join(', '), en: stated(s).map(x => bandText(x).en).join(', ')
        });
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
