import { assessIndicator, countStatuses, type Indicator, type IndicatorAssessment, type Lang, type Localized } from '@vplan/language';
import { lineOf } from './dashboard.js';
import type { Status, Trend } from '@vplan/language';
import type { BandInterval, SparkPanel } from './svg.js';

/**
 * The renderer's view of an indicator's status. Everything here comes from the semantics module
 * (packages/language/src/semantics): the renderer only picks the language and shapes it for drawing.
 */
export interface OutcomeView {
    period: string;
    /** The period the figure is for (its year annotation, else the period): where charts place it. */
    dataPeriod: string;
    /** The value with its year annotation: '73 (2024)'. */
    display: string;
    value?: number;
    status: Status;
    reason: string;
    /** 0-based source line of the outcome. */
    line: number;
}

export interface SeriesView {
    name?: string;
    title?: string;
    outcomes: OutcomeView[];
    latest?: OutcomeView;
    trend?: Trend;
    bandsText: string;
    /** Band intervals on the value axis, for the sparkline; empty when the bands are not values (ranks, changes). */
    bands: BandInterval[];
}

export interface IndicatorView {
    status: Status;
    reason: string;
    trend?: Trend;
    series: SeriesView[];
    scale?: { min?: number; max?: number };
}

function pick(text: Localized | string | undefined, lang: Lang): string {
    if (text === undefined) return '';
    return typeof text === 'string' ? text : text[lang];
}

export type Assessment = IndicatorAssessment;

/** Per render: an indicator is assessed once even when the dashboard and its card both need it. */
export class Assessor {
    private readonly cache = new Map<Indicator, { raw: Assessment; views: Partial<Record<Lang, IndicatorView>> }>();

    raw(indicator: Indicator): Assessment {
        let entry = this.cache.get(indicator);
        if (!entry) {
            entry = { raw: assessIndicator(indicator), views: {} };
            this.cache.set(indicator, entry);
        }
        return entry.raw;
    }

    view(indicator: Indicator, lang: Lang): IndicatorView {
        const raw = this.raw(indicator);
        const entry = this.cache.get(indicator)!;
        const cached = entry.views[lang];
        if (cached) return cached;
        const thresholds = raw.thresholds;
        const view: IndicatorView = {
            status: raw.status as Status,
            reason: pick(raw.reason, lang),
            trend: raw.trend as Trend | undefined,
            scale: thresholds.scale ? { min: thresholds.scale.min, max: thresholds.scale.max } : undefined,
            series: raw.series.map(s => {
                const outcomes: OutcomeView[] = s.outcomes.map(o => ({
                    period: o.period,
                    dataPeriod: o.dataPeriod,
                    display: o.shown,
                    value: o.value,
                    status: o.status as Status,
                    reason: pick(o.reason, lang),
                    line: lineOf(o.outcome)
                }));
                const latestIndex = s.latest ? s.outcomes.indexOf(s.latest) : -1;
                const model = s.thresholds;
                return {
                    name: s.series,
                    title: s.seriesTitle ?? s.series,
                    outcomes,
                    latest: latestIndex >= 0 ? outcomes[latestIndex] : undefined,
                    trend: s.trend as Trend | undefined,
                    bandsText: pick(s.bandsText, lang),
                    bands: model && (model.kind === 'numeric' || model.kind === 'share-of-yes')
                        ? model.bands.flatMap(b => b.interval
                            ? [{ color: b.color, min: b.interval.lo?.value, max: b.interval.hi?.value }]
                            : [])
                        : []
                };
            })
        };
        entry.views[lang] = view;
        return view;
    }

    /** Status counts as the semantics module counts them. */
    count(indicators: Iterable<Indicator>): Record<Status, number> {
        const assessments = [...indicators].map(i => this.raw(i));
        return countStatuses(assessments) as Record<Status, number>;
    }
}

/** The sparkline's panels for an indicator: one per series. */
export function sparkPanels(view: IndicatorView): SparkPanel[] {
    return view.series.map(s => ({
        title: view.series.length > 1 ? s.title : undefined,
        points: s.outcomes.map(o => ({ period: o.dataPeriod, value: o.value, status: o.status })),
        bands: s.bands,
        scale: view.scale
    }));
}
