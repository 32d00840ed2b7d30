import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import {
    assessIndicator, contains, isEmpty, statusOfValue, type IndicatorAssessment, type SeriesThresholds
} from '../../src/index.js';
import { indicator } from './helpers.js';

// Random thresholds written the way plans write them, and values to put against them.

const COLOR = ['grön', 'gul', 'röd'] as const;
const CANONICAL: Record<string, string> = { grön: 'green', gul: 'yellow', röd: 'red' };

/** A number 0–120 with 0–2 decimals, written with a decimal comma. */
const written = fc.tuple(fc.integer({ min: 0, max: 120 }), fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 99 }))
    .map(([int, decimals, frac]) => {
        const value = decimals === 0 ? int : Number(`${int}.${String(frac).padStart(2, '0').slice(0, decimals)}`);
        return { value, text: value.toFixed(decimals).replace('.', ','), decimals };
    });

const spec = fc.oneof(
    fc.tuple(fc.constantFrom('>=', '>', '<=', '<'), written).map(([op, n]) => `${op} ${n.text}`),
    fc.tuple(written, fc.constantFrom('eller högre', 'eller lägre', 'eller fler', 'eller färre')).map(([n, w]) => `${n.text} ${w}`),
    fc.tuple(written, written).map(([a, b]) => a.value <= b.value ? `${a.text}–${b.text}` : `${b.text}–${a.text}`),
    written.map(n => `nivå ${n.text}`)
);

const band = fc.tuple(fc.constantFrom(...COLOR), spec).map(([c, s]) => `${c} ${s}`);
const bands = fc.array(band, { minLength: 1, maxLength: 4 });
const direction = fc.constantFrom('', 'riktning högre', 'riktning lägre');

/** A value 0–130 with up to 3 decimals. */
const value = fc.tuple(fc.integer({ min: 0, max: 130 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 999 }))
    .map(([int, decimals, frac]) => decimals === 0 ? int : Number(`${int}.${String(frac).padStart(3, '0').slice(0, decimals)}`));

function colorsContaining(model: SeriesThresholds, v: number): Set<string> {
    return new Set(model.bands.filter(b => b.interval && !isEmpty(b.interval) && contains(b.interval, v)).map(b => b.color));
}

const RUNS = { numRuns: 150 };

describe('threshold model (property-based)', () => {
    test('every value gets exactly one status, consistent with the bands', async () => {
        await fc.assert(fc.asyncProperty(direction, bands, fc.array(value, { minLength: 1, maxLength: 8 }), async (dir, bs, values) => {
            const node = await indicator(`${dir}\n${bs.join('\n')}`);
            const model = assessIndicator(node).series[0].thresholds!;
            for (const v of values) {
                const r = statusOfValue(model, v);
                expect(['green', 'yellow', 'red', 'undefined']).toContain(r.status);
                const holding = colorsContaining(model, v);
                if (model.contradictory) {
                    // Bands against their own direction: nothing is assessed.
                    expect(r.status).toBe('undefined');
                } else if (r.status === 'undefined') {
                    // Undefined exactly when no band or more than one colour holds the value.
                    expect(holding.size === 1).toBe(false);
                } else {
                    expect([...holding]).toEqual([r.status]);
                }
            }
        }), RUNS);
    });

    test('an outcome that cannot be assessed is never red', async () => {
        const mark = fc.constantFrom('iu', '-', '.', '..', 'väntas v 4', 'väntas');
        await fc.assert(fc.asyncProperty(direction, bands, mark, async (dir, bs, m) => {
            const a: IndicatorAssessment = assessIndicator(await indicator(`${dir}\n${bs.join('\n')}\nutfall 2025: ${m}`));
            expect(a.status).not.toBe('red');
            expect(['no-data', 'pending']).toContain(a.status);
        }), RUNS);
    });

    test('an outcome gets the status its value gets; undefined is never red', async () => {
        await fc.assert(fc.asyncProperty(direction, bands, written, async (dir, bs, n) => {
            const a = assessIndicator(await indicator(`${dir}\n${bs.join('\n')}\nutfall 2025: ${n.text}`));
            const model = a.series[0].thresholds!;
            expect(a.status).toBe(statusOfValue(model, n.value).status);
            if (a.series[0].latest?.undefinedBecause) expect(a.status).toBe('undefined');
        }), RUNS);
    });

    test('cut points nest and leave no gap: green ≥ a, yellow ≥ b (b < a)', async () => {
        await fc.assert(fc.asyncProperty(written, written, value, fc.boolean(), async (x, y, v, higher) => {
            fc.pre(x.value !== y.value);
            const [hi, lo] = x.value > y.value ? [x, y] : [y, x];
            const body = higher ? `grön >= ${hi.text}\ngul >= ${lo.text}` : `grön <= ${lo.text}\ngul <= ${hi.text}`;
            const a = assessIndicator(await indicator(body));
            expect(a.thresholds.problems).toEqual([]);
            const s = statusOfValue(a.series[0].thresholds!, v).status;
            const expected = higher
                ? (v >= hi.value ? 'green' : v >= lo.value ? 'yellow' : 'red')
                : (v <= lo.value ? 'green' : v <= hi.value ? 'yellow' : 'red');
            expect(s).toBe(expected);
        }), RUNS);
    });

    test('bare levels: the order of the numbers gives the direction', async () => {
        await fc.assert(fc.asyncProperty(written, written, async (g, y) => {
            fc.pre(g.value !== y.value);
            const a = assessIndicator(await indicator(`grön ${g.text}\ngul ${y.text}`));
            const model = a.series[0].thresholds!;
            expect(model.direction).toBe(g.value > y.value ? 'higher' : 'lower');
            expect(statusOfValue(model, g.value).status).toBe('green');
            expect(statusOfValue(model, y.value).status).toBe('yellow');
        }), RUNS);
    });

    test('a reported gap is really uncovered, and without problems every value at the precision has a colour', async () => {
        // The documents' own style: green "a eller högre" (or lower) and a yellow range below (or above) it.
        await fc.assert(fc.asyncProperty(written, written, written, fc.boolean(), async (p, q, r, higher) => {
            const [a, b, c] = [p, q, r].sort((m, n) => m.value - n.value);
            const body = higher ? `grön ${c.text} eller högre\ngul ${a.text}–${b.text}` : `grön ${a.text} eller lägre\ngul ${b.text}–${c.text}`;
            const t = assessIndicator(await indicator(body));
            const model = t.series[0].thresholds!;
            const step = Math.pow(10, -model.precision);
            for (const problem of t.thresholds.problems) {
                if (problem.code !== 'band-gap') continue;
                for (const v of [problem.from, problem.to]) {
                    expect(statusOfValue(model, v)).toMatchObject({ status: 'undefined', undefinedBecause: 'gap' });
                }
            }
            if (t.thresholds.problems.length === 0) {
                const top = Math.max(a.value, b.value, c.value) + 2;
                for (let units = 0; units * step <= top; units += Math.max(1, Math.round(0.37 / step))) {
                    const v = Number((units * step).toFixed(model.precision));
                    expect(statusOfValue(model, v).status).not.toBe('undefined');
                }
            }
        }), RUNS);
    });
});

describe('colour words', () => {
    test('every written colour is read', async () => {
        for (const c of COLOR) {
            const a = assessIndicator(await indicator(`${c} >= 5`));
            expect(a.series[0].thresholds!.bands.some(b => b.color === CANONICAL[c] && !b.implied)).toBe(true);
        }
    });
});
