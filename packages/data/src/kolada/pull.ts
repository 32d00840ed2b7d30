// From plans to the outcome edits Kolada's figures call for: one batch of requests per
// municipality (KPIs and years split by Kolada's limits in the client), then the planner per indicator.
// Rank bands get the municipality's rank among its Kolada municipality group: the group's members
// (one request per group), their values (split by 25 ids), the percentile from the semantics.
import type { LangiumDocument } from 'langium';
import { rankInGroup, type Document } from '@vplan/language';
import { planIndicatorOutcomes, type Figure, type OutcomeChange } from '../outcomes/planner.js';
import { totalValue, type KoladaClient, type KoladaDataRow, type KoladaMunicipalityGroup } from './client.js';
import { koladaTargets, type KoladaIndicator, type KoladaPlanTarget } from './targets.js';

export interface KoladaPull {
    targets: KoladaPlanTarget[];
    /** Changes per document, in text order. */
    changes: Map<LangiumDocument<Document>, OutcomeChange[]>;
    /** KPIs Kolada returned no row at all for (in any of the years asked). */
    withoutRows: { target: KoladaPlanTarget; kpi: string }[];
    /** Rank indicators whose Kolada municipality group Kolada does not know. */
    unknownGroups: { target: KoladaPlanTarget; indicator: KoladaIndicator; group: string }[];
}

/** kpi → year → municipality → value (null: Kolada's row has none). */
type Values = Map<string, Map<number, Map<string, number | null>>>;

export async function pullFromKolada(
    documents: readonly LangiumDocument<Document>[], client: KoladaClient, years?: readonly number[]
): Promise<KoladaPull> {
    const targets = documents.flatMap(d => koladaTargets(d, years));
    const byMunicipality = new Map<string, { kpis: Set<string>; years: Set<number> }>();
    const byGroup = new Map<string, { kpis: Set<string>; years: Set<number>; municipalities: Set<string> }>();
    for (const t of targets) {
        if (!t.municipality || t.indicators.length === 0) continue;
        for (const i of t.indicators) {
            if (i.rank) {
                const entry = byGroup.get(i.rank.group) ?? { kpis: new Set(), years: new Set(), municipalities: new Set() };
                entry.kpis.add(i.kpi);
                entry.municipalities.add(t.municipality);
                for (const y of i.years) entry.years.add(y);
                byGroup.set(i.rank.group, entry);
                continue;
            }
            const entry = byMunicipality.get(t.municipality) ?? { kpis: new Set(), years: new Set() };
            entry.kpis.add(i.kpi);
            for (const y of i.years) entry.years.add(y);
            byMunicipality.set(t.municipality, entry);
        }
    }
    // municipality → kpi → year → figure
    const figures = new Map<string, Map<string, Map<number, Figure>>>();
    for (const [municipality, ask] of byMunicipality) {
        const rows = await client.data([...ask.kpis], [municipality], [...ask.years]);
        figures.set(municipality, figuresOf(rows, municipality));
    }
    // group → its members and every value they (and the plans' municipalities) have
    const groups = new Map<string, { group?: KoladaMunicipalityGroup; values: Values }>();
    for (const [id, ask] of byGroup) {
        const group = await client.municipalityGroup(id);
        if (!group) {
            groups.set(id, { values: new Map() });
            continue;
        }
        const members = [...new Set([...group.members.map(m => m.id), ...ask.municipalities])];
        groups.set(id, { group, values: valuesOf(await client.data([...ask.kpis], members, [...ask.years])) });
    }
    const changes = new Map<LangiumDocument<Document>, OutcomeChange[]>();
    const withoutRows: KoladaPull['withoutRows'] = [];
    const unknownGroups: KoladaPull['unknownGroups'] = [];
    for (const t of targets) {
        if (!t.municipality) continue;
        const text = t.document.textDocument.getText();
        for (const item of t.indicators) {
            const { indicator, kpi, years, rank } = item;
            let byYear: Map<number, Figure> | undefined;
            if (rank) {
                const fetched = groups.get(rank.group);
                if (!fetched?.group) {
                    unknownGroups.push({ target: t, indicator: item, group: rank.group });
                    continue;
                }
                byYear = rankFigures(fetched.group, fetched.values.get(kpi), t.municipality, item);
            } else {
                byYear = figures.get(t.municipality)?.get(kpi);
            }
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
    return { targets, changes, withoutRows, unknownGroups };
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

function valuesOf(rows: readonly KoladaDataRow[]): Values {
    const out: Values = new Map();
    for (const row of rows) {
        const byYear = out.get(row.kpi) ?? new Map<number, Map<string, number | null>>();
        const byMunicipality = byYear.get(row.period) ?? new Map<string, number | null>();
        byMunicipality.set(row.municipality, totalValue(row));
        byYear.set(row.period, byMunicipality);
        out.set(row.kpi, byYear);
    }
    return out;
}

/**
 * The rank per year among the group (the municipality ranked with it). A year where the
 * municipality's own value is null is "no data"; one without any row for it, or where no other
 * member has a value, gives nothing. Undefined when Kolada has no row for the municipality at all.
 */
function rankFigures(
    group: KoladaMunicipalityGroup, byYear: Map<number, Map<string, number | null>> | undefined, municipality: string, item: KoladaIndicator
): Map<number, Figure> | undefined {
    const rank = item.rank!;
    const out = new Map<number, Figure>();
    let seen = false;
    for (const [year, values] of byYear ?? []) {
        if (!values.has(municipality)) continue;
        seen = true;
        const members = new Map<string, number | null>();
        for (const m of [...group.members.map(m => m.id), municipality]) members.set(m, values.get(m) ?? null);
        const found = rankInGroup(members, municipality, rank.better, rank.decimals);
        if (found) out.set(year, { kind: 'rank', value: found.percentile });
        else if (values.get(municipality) === null) out.set(year, { kind: 'no-data' });
    }
    return seen ? out : undefined;
}
