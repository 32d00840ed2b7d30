// KPI ids held against Kolada's metadata as cached (never the network): an id Kolada answered it
// does not know is an error; a Kolada title that shares no word with the indicator's, a hint.
import type { ValidationAcceptor } from 'langium';
import type { Indicator, SourceRef } from '../generated/ast.js';
import type { Lang } from '../i18n/lang.js';
import { titlesPlainlyDiffer, type KpiCatalog } from '../kolada/kpi-catalog.js';
import { messages } from './messages.js';
import { report } from './report.js';

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
