import type { BetterDirection } from './thresholds.js';
import type { Trend } from './vocabulary.js';

/**
 * The trend from a previous to a later value, given which direction is better. Differences smaller
 * than half a unit of the last written decimal count as unchanged.
 */
export function trendBetween(previous: number, latest: number, direction: BetterDirection, precision: number): Trend {
    const delta = latest - previous;
    if (Math.abs(delta) < 0.5 * Math.pow(10, -precision)) return 'unchanged';
    return (delta > 0) === (direction === 'higher') ? 'improving' : 'worsening';
}

/** The trend between two statuses ranked best-first (green 0, yellow 1, red 2). */
export function trendByRank(previousRank: number, latestRank: number): Trend {
    if (latestRank === previousRank) return 'unchanged';
    return latestRank < previousRank ? 'improving' : 'worsening';
}
