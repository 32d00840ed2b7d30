// A municipality's rank among its comparison group, as a rank band (`grön 25 % bästa`) reads it.
// The one place the percentile is defined; `vplan kolada pull` and the editor's fetch use it.
import { isComparison, type ComparisonGroup, type Indicator } from '../generated/ast.js';
import { thresholdsOf } from './status.js';
import type { BetterDirection } from './thresholds.js';

/** What ranking an indicator's rank bands need, as the plan states it. */
export interface RankSetup {
    /** The comparison group of `jämfört med <grupp>`, when it resolves. */
    group?: ComparisonGroup;
    /** The group's municipality group in Kolada (`kolada "G…"`). */
    koladaGroup?: string;
    /** Which value of the measure is better (`riktning` of a rank indicator); needed to rank. */
    better?: BetterDirection;
    /** Decimals the percentile is written with: the rank bands' precision. */
    decimals: number;
}

/** The ranking an indicator's bands ask for; undefined when its bands are not rank bands. */
export function rankSetup(indicator: Indicator): RankSetup | undefined {
    const t = thresholdsOf(indicator);
    const series = t.series.find(s => s.kind === 'rank');
    if (!series) return undefined;
    const comparison = [...(indicator.members ?? []), ...(t.bandsFrom.members ?? [])].find(isComparison);
    const group = comparison?.group?.ref;
    const explicit = t.explicitDirection?.better as string | undefined;
    return {
        group,
        koladaGroup: group?.koladaId?.trim() || undefined,
        better: explicit === 'lower' ? 'lower' : explicit === 'higher' ? 'higher' : undefined,
        decimals: series.precision
    };
}

/** Where a municipality stands among the members of its comparison group that have a value. */
export interface GroupRank {
    /** 1 for the best; members with the same value share the best position of their tie. */
    position: number;
    /** Members with a value, the municipality included: the group size the percentile divides by. */
    ranked: number;
    /** Members Kolada has no value for: left out of the ranking. */
    missing: number;
    /**
     * position / ranked, in per cent, rounded up at `decimals`: the municipality is among the best
     * 25 % exactly when its percentile is at most 25 (position ≤ a quarter of the group).
     */
    percentile: number;
}

/**
 * The rank of `municipality` among `values` (member id → value, null when Kolada has none), where
 * `better` says which value is better. The municipality is ranked with the group whether or not the
 * group lists it. Undefined when the municipality has no value or no other member has one.
 */
export function rankInGroup(
    values: ReadonlyMap<string, number | null>, municipality: string, better: BetterDirection, decimals = 0
): GroupRank | undefined {
    const own = values.get(municipality);
    if (own === null || own === undefined || !Number.isFinite(own)) return undefined;
    let ranked = 0;
    let missing = 0;
    let ahead = 0;
    for (const value of values.values()) {
        if (value === null || value === undefined || !Number.isFinite(value)) {
            missing++;
            continue;
        }
        ranked++;
        if (better === 'higher' ? value > own : value < own) ahead++;
    }
    if (ranked < 2) return undefined;
    const position = ahead + 1;
    // Integer arithmetic so that 2 of 8 is exactly 25, and 25,4 rounds up to 26 (not into "25 % bästa").
    const scale = 10 ** Math.max(0, Math.min(6, Math.trunc(decimals)));
    const units = Math.ceil((position * 100 * scale) / ranked - 1e-9);
    return { position, ranked, missing, percentile: units / scale };
}
