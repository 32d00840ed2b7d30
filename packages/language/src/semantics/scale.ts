// The scale rule: which values an indicator can take at all. An outcome outside it is an error
// (`outcome-out-of-scale`) and is never given a colour (status.ts).
import { isNumberValue, type Baseline, type Outcome } from '../generated/ast.js';
import type { Localized } from '../i18n/lang.js';
import { localizedNumber, parseNumber } from './numbers.js';
import type { IndicatorThresholds } from './thresholds.js';

/** Whether a value lies outside the scale: above max, below min, or a negative share. */
export function outsideScale(value: number, t: IndicatorThresholds, percent: boolean, whole: boolean): boolean {
    if (t.scale) {
        if (value > t.scale.max) return true;
        if (t.scale.min !== undefined && value < t.scale.min) return true;
        if (t.scale.min !== undefined) return false;
    }
    if (percent && value < 0) return true;
    // A share of yes or a rank is a part of a whole.
    if (whole && value > 100) return true;
    return false;
}

/** A numeric outcome (or baseline) outside the scale, or a negative share, or a rank above 100 %. */
export function outcomeOutOfScale(outcome: Outcome | Baseline, t: IndicatorThresholds): boolean {
    if (!isNumberValue(outcome.value)) return false;
    const n = parseNumber(outcome.value.value?.value ?? '');
    if (!n) return false;
    const seriesModel = t.series[0];
    const whole = seriesModel?.kind === 'share-of-yes' || seriesModel?.kind === 'rank';
    if (seriesModel?.kind === 'relative-change' && !t.scale) return false;
    return outsideScale(n.value, t, t.percent || outcome.value.value.unit === '%', whole);
}

/** "0–100", "max 100". */
export function scaleText(t: IndicatorThresholds): Localized {
    const min = t.scale?.min ?? (t.percent ? 0 : undefined);
    const max = t.scale?.max ?? 100;
    const a = min !== undefined ? localizedNumber(min, 0) : { sv: '', en: '' };
    const b = localizedNumber(max, 0);
    if (min === undefined) return { sv: `max ${b.sv}`, en: `max ${b.en}` };
    return { sv: `${a.sv}–${b.sv}`, en: `${a.en}–${b.en}` };
}
