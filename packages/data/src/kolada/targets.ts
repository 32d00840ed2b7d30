// What a plan asks of Kolada: its organisation's municipality id, its years, and its indicators
// with a KPI id. An indicator's years are the plan year and the two before it (the columns the
// plans show: a 2026 plan reports 2024 and 2025 and is followed up for 2026) and the years its own
// outcomes name, unless the user names the years. Tables differ: one indicator's 2023 column is
// not a reason to add 2023 to every other indicator. An indicator with rank bands (`grön 25 % bästa`)
// is ranked among its comparison group's Kolada municipality group instead of given the value.
import { AstUtils, type LangiumDocument } from 'langium';
import {
    isIndicator, isOutcome, isPlan, isPlanOrganisation, isPlanYear, isSourceRef, parsePeriod, rankSetup,
    type BetterDirection, type Document, type Indicator, type Plan
} from '@vplan/language';
import { hasSeries } from '../outcomes/planner.js';

/** Kolada's KPI ids: a letter and five digits (U23471, N15006). */
export const KPI_ID = /^[A-Z]\d{5}$/;

export interface KoladaIndicator {
    indicator: Indicator;
    kpi: string;
    years: number[];
    /** For rank bands: the outcome is the rank among this Kolada municipality group, not the value. */
    rank?: KoladaRank;
}

export interface KoladaRank {
    /** The Kolada municipality group id (`G124026`). */
    group: string;
    /** The comparison group's title in the plan, for messages. */
    title: string;
    /** Which value of the KPI is better. */
    better: BetterDirection;
    /** Decimals of the rank bands. */
    decimals: number;
}

/**
 * Why an indicator with a KPI id is left out: it has series; its id is not Kolada's form; it has
 * rank bands but its comparison group names no Kolada group, or it does not say which value is better.
 */
export type SkipReason = 'series' | 'kpi-format' | 'rank-without-group' | 'rank-without-direction';

export interface KoladaPlanTarget {
    plan: Plan;
    document: LangiumDocument<Document>;
    /** The organisation's Kolada id (`kolada 2417`), when it has one. */
    municipality?: string;
    /** Every year any of its indicators asks for. */
    years: number[];
    indicators: KoladaIndicator[];
    /** Indicators left out, and why. */
    skipped: { indicator: Indicator; kpi: string; reason: SkipReason; group?: string }[];
}

export function koladaTargets(document: LangiumDocument<Document>, years?: readonly number[]): KoladaPlanTarget[] {
    const root = document.parseResult.value;
    const targets: KoladaPlanTarget[] = [];
    for (const plan of root.elements.filter(isPlan)) {
        const org = plan.members.find(isPlanOrganisation)?.organisation?.ref;
        const indicators: KoladaIndicator[] = [];
        const skipped: KoladaPlanTarget['skipped'] = [];
        const planYear = Number(plan.members.find(isPlanYear)?.year);
        const planYears = Number.isInteger(planYear) ? [planYear - 2, planYear - 1, planYear] : [];
        const all = new Set<number>();
        for (const indicator of AstUtils.streamAllContents(plan).filter(isIndicator)) {
            const kpi = indicator.members.find(isSourceRef)?.kpi?.trim();
            if (!kpi) continue;
            if (!KPI_ID.test(kpi)) {
                skipped.push({ indicator, kpi, reason: 'kpi-format' });
                continue;
            }
            if (hasSeries(indicator)) {
                skipped.push({ indicator, kpi, reason: 'series' });
                continue;
            }
            const own = new Set(planYears);
            for (const o of indicator.members.filter(isOutcome)) {
                for (const text of [o.period, o.refersTo]) {
                    const p = text ? parsePeriod(text) : undefined;
                    if (p?.kind === 'year') own.add(p.year);
                }
            }
            const setup = rankSetup(indicator);
            let rank: KoladaRank | undefined;
            if (setup) {
                const group = setup.group?.title ?? setup.group?.name;
                if (!setup.koladaGroup) {
                    skipped.push({ indicator, kpi, reason: 'rank-without-group', group });
                    continue;
                }
                if (!setup.better) {
                    skipped.push({ indicator, kpi, reason: 'rank-without-direction', group });
                    continue;
                }
                rank = { group: setup.koladaGroup, title: group ?? setup.koladaGroup, better: setup.better, decimals: setup.decimals };
            }
            const chosen = (years && years.length > 0 ? [...new Set(years)] : [...own]).sort((a, b) => a - b);
            for (const y of chosen) all.add(y);
            indicators.push({ indicator, kpi, years: chosen, ...(rank ? { rank } : {}) });
        }
        targets.push({
            plan,
            document,
            municipality: org?.koladaId?.trim() || undefined,
            years: [...all].sort((a, b) => a - b),
            indicators,
            skipped
        });
    }
    return targets;
}
