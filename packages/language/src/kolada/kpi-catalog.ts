// What Kolada says about the KPIs plans name, as last fetched: the validator and the hover read it
// here and nothing more. The language never reaches the network: the host (the CLI, the language
// server) fills the catalogue from the cache that `vplan kolada meta|pull` write.

/** One KPI as Kolada described it, or a note that Kolada did not know the id. */
export interface KpiRecord {
    id: string;
    title?: string;
    description?: string;
    /** True when Kolada answered and the id was not among its KPIs. */
    unknown?: boolean;
    /** When it was fetched (ISO 8601). */
    fetched: string;
}

export interface KpiCatalogSnapshot {
    /** The API the records came from. */
    source?: string;
    kpis: Record<string, KpiRecord>;
}

/** Days after which the hover says the cache is old and how to refresh it. */
export const KPI_CACHE_OLD_DAYS = 30;

export class KpiCatalog {
    private snapshot: KpiCatalogSnapshot = { kpis: {} };
    /** Grows on every change, so that hosts can tell whether to re-validate. */
    version = 0;

    set(snapshot: KpiCatalogSnapshot | undefined): void {
        this.snapshot = snapshot ?? { kpis: {} };
        this.version++;
    }

    get(id: string): KpiRecord | undefined {
        return Object.prototype.hasOwnProperty.call(this.snapshot.kpis, id) ? this.snapshot.kpis[id] : undefined;
    }

    get size(): number {
        return Object.keys(this.snapshot.kpis).length;
    }
}

/** Days since a record was fetched (whole days, at least 0). */
export function ageInDays(record: KpiRecord, now: Date = new Date()): number {
    const t = Date.parse(record.fetched);
    return Number.isFinite(t) ? Math.max(0, Math.floor((now.getTime() - t) / 86_400_000)) : 0;
}

const GENERIC = new Set([
    'andel', 'antal', 'procent', 'kommun', 'kommunens', 'kommuner', 'total', 'totalt', 'inom', 'eller', 'samt', 'efter',
    'share', 'number', 'percent', 'municipality', 'within', 'after'
]);

/** The words of a title that carry its meaning, cut to a stem (särskilt/särskilda → särsk). */
function stems(title: string): Set<string> {
    const words = title.toLocaleLowerCase('sv').split(/[^\p{L}\p{N}]+/u).filter(w => w.length >= 4 && !GENERIC.has(w));
    return new Set(words.map(w => w.slice(0, 5)));
}

/**
 * True when two titles plainly name different things: they share no meaningful word. Kolada's titles
 * are long ("Brukarbedömning särskilt boende äldreomsorg - helhetssyn, andel (%)") and plans shorten
 * them ("Helhetssyn särskilt boende"), so any shared word stem counts as the same KPI.
 */
export function titlesPlainlyDiffer(planTitle: string, koladaTitle: string): boolean {
    const a = stems(planTitle);
    const b = stems(koladaTitle);
    if (a.size === 0 || b.size === 0) return false;
    for (const s of a) if (b.has(s)) return false;
    return true;
}
