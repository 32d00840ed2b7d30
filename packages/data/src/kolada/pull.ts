// From plans to the outcome edits Kolada's figures call for: one batch of requests per
// municipality (KPIs and years split by Kolada's limits in the client), then the planner per indicator.
import type { LangiumDocument } from 'langium';
import type { Document } from '@vplan/language';
import { planIndicatorOutcomes, type Figure, type OutcomeChange } from '../outcomes/planner.js';
import { totalValue, type KoladaClient, type KoladaDataRow } from './client.js';
import { koladaTargets, type KoladaPlanTarget } from './targets.js';

export interface KoladaPull {
    targets: KoladaPlanTarget[];
    /** Changes per document, in text order. */
    changes: Map<LangiumDocument<Document>, OutcomeChange[]>;
    /** KPIs Kolada returned no row at all for (in any of the years asked). */
    withoutRows: { target: KoladaPlanTarget; kpi: string }[];
}

export async function pullFromKolada(
    documents: readonly LangiumDocument<Document>[], client: KoladaClient, years?: readonly number[]
): Promise<KoladaPull> {
    const targets = documents.flatMap(d => koladaTargets(d, years));
    const byMunicipality = new Map<string, { kpis: Set<string>; years: Set<number> }>();
    for (const t of targets) {
        if (!t.municipality || t.indicators.length === 0) continue;
        const entry = byMunicipality.get(t.municipality) ?? { kpis: new Set(), years: new Set() };
        for (const i of t.indicators) entry.kpis.add(i.kpi);
        for (const y of t.years) entry.years.add(y);
        byMunicipality.set(t.municipality, entry);
    }
    // municipality → kpi → year → figure
    const figures = new Map<string, Map<string, Map<number, Figure>>>();
    for (const [municipality, ask] of byMunicipality) {
        const rows = await client.data([...ask.kpis], [municipality], [...ask.years]);
        figures.set(municipality, figuresOf(rows, municipality));
    }
    const changes = new Map<LangiumDocument<Document>, OutcomeChange[]>();
    const withoutRows: KoladaPull['withoutRows'] = [];
    for (const t of targets) {
        if (!t.municipality) continue;
        const text = t.document.textDocument.getText();
        for (const { indicator, kpi, years } of t.indicators) {
            const byYear = figures.get(t.municipality)?.get(kpi);
            if (!byYear) {
                withoutRows.push({ target: t, kpi });
                continue;
            }
            const wanted = new Map<string, Figure>();
            for (const y of years) {
                const f = byYear.get(y);
                if (f) wanted.set(String(y), f);
            }
            const found = planIndicatorOutcomes(indicator, text, wanted);
            if (found.length > 0) changes.set(t.document, [...(changes.get(t.document) ?? []), ...found]);
        }
    }
    for (const list of changes.values()) list.sort((a, b) => a.edit.start - b.edit.start);
    return { targets, changes, withoutRows };
}

function figuresOf(rows: readonly KoladaDataRow[], municipality: string): Map<string, Map<number, Figure>> {
    const out = new Map<string, Map<number, Figure>>();
    for (const row of rows) {
        if (row.municipality !== municipality) continue;
        const value = totalValue(row);
        const byYear = out.get(row.kpi) ?? new Map<number, Figure>();
        byYear.set(row.period, value === null ? { kind: 'no-data' } : { kind: 'number', value });
        out.set(row.kpi, byYear);
    }
    return out;
}
