// KPI ids: their form (a letter and five digits), what Kolada's cached metadata says of them (never
// the network: an id Kolada does not know is an error, a title that shares no word with the
// indicator's a hint), and the same KPI given other bands by another indicator.
import { AstUtils, type AstNode, type LangiumDocuments, type ValidationAcceptor } from 'langium';
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

/** Indicators with a KPI id, per parsed document (a new parse gives a new root). */
const byRoot = new WeakMap<AstNode, Indicator[]>();

function kpiIndicators(root: AstNode): Indicator[] {
    let list = byRoot.get(root);
    if (!list) {
        list = AstUtils.streamAllContents(root).filter(isIndicator).filter(i => !!kpiOf(i)).toArray();
        byRoot.set(root, list);
    }
    return list;
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
export function checkSameKpi(indicator: Indicator, documents: LangiumDocuments, accept: ValidationAcceptor, lang: Lang): void {
    const mine = kpiOf(indicator);
    if (!mine) return;
    const ours = thresholdsOf(indicator);
    if (ours.bandsFrom !== indicator || ours.series.length !== 1 || ours.series[0].bands.length === 0) return;
    const year = planYear(indicator);
    for (const document of documents.all) {
        for (const other of kpiIndicators(document.parseResult.value)) {
            if (other === indicator || kpiOf(other)?.kpi !== mine.kpi) continue;
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
