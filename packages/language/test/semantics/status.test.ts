import { describe, expect, test } from 'vitest';
import { assessIndicator, countStatuses, type IndicatorAssessment } from '../../src/index.js';
import { indicator } from './helpers.js';

async function assess(body: string): Promise<IndicatorAssessment> {
    return assessIndicator(await indicator(body));
}

describe('the threshold zoo, normalised', () => {
    test.each([
        ['grön 82 eller högre\ngul 74–81', 'green ≥ 82, yellow 74–81, red below 74', 'higher'],
        ['grön >= 82\ngul >= 74', 'green ≥ 82, yellow ≥ 74 and < 82, red below 74', 'higher'],
        ['grön 7,0 eller lägre\ngul 7,1–7,5', 'green ≤ 7.0, yellow 7.1–7.5, red above 7.5', 'lower'],
        ['grön nivå 82\ngul nivå 76\nmaxvärde 100', 'green ≥ 82, yellow ≥ 76 and < 82, red below 76', 'higher'],
        ['grön 79\ngul 77', 'green ≥ 79, yellow ≥ 77 and < 79, red below 77', 'higher'],
        ['grön 6,5\ngul 7', 'green ≤ 6.5, yellow > 6.5 and ≤ 7, red above 7', 'lower'],
        ['grön 0 %\ngul 0,5 %', 'green ≤ 0 %, yellow > 0 % and ≤ 0.5 %, red above 0.5 %', 'lower'],
        ['grön ja\nröd nej', 'green yes, red no', undefined],
        ['grön ja', 'green yes, red no', undefined],
        ['grön ja 95 %\ngul ja 90 %', 'green yes ≥ 95 %, yellow yes ≥ 90 % and < 95 %, red yes below 90 %', 'higher'],
        ['grön öka med 10 %\ngul öka med 5 %', 'green change ≥ 10 %, yellow change ≥ 5 % and < 10 %, red change below 5 %', 'higher'],
        ['grön minska med 10 %\ngul minska med 5 %', 'green change ≤ -10 %, yellow change > -10 % and ≤ -5 %, red change above -5 %', 'lower'],
        ['grön 25 % bästa\ngul 26–50 % bästa', 'green rank ≤ 25 %, yellow rank 26–50 %, red rank above 50 %', 'lower'],
        ['grön < 5\ngul < 10\nröd >= 10', 'green < 5, yellow ≥ 5 and < 10, red ≥ 10', 'lower']
    ])('%j → %s', async (body, text, direction) => {
        const a = await assess(body);
        expect(a.series).toHaveLength(1);
        expect(a.series[0].bandsText.en).toBe(text);
        expect(a.series[0].thresholds?.direction).toBe(direction);
        expect(a.thresholds.problems).toEqual([]);
    });
    test('a declared direction wins over the order of the numbers, and a conflict is reported', async () => {
        const a = await assess('riktning högre\ngrön 6,5\ngul 7');
        expect(a.series[0].thresholds?.direction).toBe('higher');
        expect(a.series[0].thresholds?.directionSource).toBe('explicit');
        expect(a.thresholds.problems.map(p => p.code)).toEqual(['direction-conflict']);
        const agreed = await assess('riktning lägre\ngrön 6,5\ngul 7');
        expect(agreed.series[0].bandsText.en).toBe('green ≤ 6.5, yellow > 6.5 and ≤ 7, red above 7');
        expect(agreed.thresholds.problems).toEqual([]);
    });
    test('Swedish band text', async () => {
        const a = await assess('grön 82 eller högre\ngul 74–81');
        expect(a.series[0].bandsText.sv).toBe('grön ≥ 82, gul 74–81, röd under 74');
    });
    test('several series, each with its own bands and precision', async () => {
        const a = await assess('serie htj "Hemtjänst"\nserie sabo "SÄBO"\ngrön htj 13 eller färre\ngrön sabo 1,3 eller färre\ngul htj 14–15\ngul sabo 1,4–1,7\nutfall 2025 htj: 16\nutfall 2025 sabo: 1,2');
        expect(a.series.map(s => [s.series, s.seriesTitle, s.bandsText.en, s.latest?.status])).toEqual([
            ['htj', 'Hemtjänst', 'green ≤ 13, yellow 14–15, red above 15', 'red'],
            ['sabo', 'SÄBO', 'green ≤ 1.3, yellow 1.4–1.7, red above 1.7', 'green']
        ]);
        expect(a.thresholds.problems).toEqual([]);
        expect(a.status).toBe('red');
        expect(a.reason.en).toBe('Hemtjänst: Outcome 16 is within red above 15 (2025)');
    });
});

describe('series without bands of their own', () => {
    test("an outcome of a series without bands is not assessed against another series' bands", async () => {
        const a = await assess('serie a "A"\nserie b "B"\ngrön a >= 90\ngul a >= 80\nutfall 2025 b: 85');
        const b = a.series.find(s => s.series === 'b')!;
        expect(b.seriesTitle).toBe('B');
        expect(b.thresholds).toBeUndefined();
        expect(b.latest?.status).toBe('undefined');
        expect(a.status).toBe('undefined');
        // The near-identical plan with the outcome on the series that has bands: assessed.
        const ok = await assess('serie a "A"\nserie b "B"\ngrön a >= 90\ngul a >= 80\nutfall 2025 a: 85');
        expect(ok.series.find(s => s.series === 'a')?.latest?.status).toBe('yellow');
        expect(ok.status).toBe('yellow');
    });
    test('an outcome that names no series takes the only series there is; a series without bands takes the common ones', async () => {
        const only = await assess('serie a "A"\ngrön a >= 90\ngul a >= 80\nutfall 2025: 85');
        expect(only.status).toBe('yellow');
        const common = await assess('serie a "A"\ngrön >= 90\ngul >= 80\nutfall 2025 a: 85');
        expect(common.status).toBe('yellow');
    });
});

describe('status of the latest outcome', () => {
    test.each([
        ['grön >= 82\ngul 74–81\nutfall 2024: 90\nutfall 2025: 80', 'yellow', 'worsening'],
        ['grön >= 82\ngul 74–81\nutfall 2025: 82', 'green', undefined],
        ['grön >= 82\ngul 74–81\nutfall 2025: 73', 'red', undefined],
        ['grön 7,0 eller lägre\ngul 7,1–7,5\nutfall 2024: 8\nutfall 2025: 7,06', 'undefined', 'improving'],
        ['grön 11 eller lägre\ngul 11–12\nutfall 2025: 11', 'undefined', undefined],
        ['grön >= 82\ngul 74–81\nutfall 2025: iu', 'no-data', undefined],
        ['grön >= 82\ngul 74–81\nutfall 2025: ..', 'no-data', undefined],
        ['grön >= 82\ngul 74–81\nutfall 2025: -', 'no-data', undefined],
        ['grön >= 82\ngul 74–81\nutfall 2025: .', 'no-data', undefined],
        ['grön >= 82\ngul 74–81\nutfall 2024: 70\nutfall 2025: väntas v 4', 'pending', undefined],
        ['grön ja\nröd nej\nutfall 2024: ja\nutfall 2025: nej', 'red', 'worsening'],
        ['grön ja\nutfall 2025: nej', 'red', undefined],
        ['grön ja 95 %\ngul ja 90 %\nutfall 2025: 93 %', 'yellow', undefined],
        ['grön öka med 10 %\ngul öka med 5 %\nutfall 2024: 100\nutfall 2025: 112', 'green', 'improving'],
        ['grön öka med 10 %\ngul öka med 5 %\nutfall 2025: 112', 'no-data', undefined],
        ['grön öka med 10 %\ngul öka med 5 %\njämfört med nuläge\nnuläge 2023: 100\nutfall 2025: 106', 'yellow', undefined],
        ['grön 25 % bästa\ngul 26–50 % bästa\nutfall 2025: 60 % bästa', 'red', undefined],
        ['grön >= 82\ngul 74–81\nutfall 2025: grön', 'green', undefined],
        ['utfall 2025: 50', 'undefined', undefined],
        ['grön >= 82\ngul 74–81', 'no-data', undefined],
        ['grön 82–100\ngul 74–81\nutfall 2025: 101', 'undefined', undefined],
        ['grön 1,4 eller högre\ngul 1,5–3,5\nutfall 2023: 9,3\nutfall 2024: 6,7', 'undefined', undefined]
    ])('%j → %s, trend %s', async (body, status, trend) => {
        const a = await assess(body);
        expect(a.status).toBe(status);
        expect(a.trend).toBe(trend);
        expect(a.reason.sv.length).toBeGreaterThan(0);
        expect(a.reason.en.length).toBeGreaterThan(0);
    });
    test('a declared precision rounds outcomes before comparing; without one, the written decimals count', async () => {
        const declared = await assess('decimaler 1\ngrön 7,0 eller lägre\ngul 7,1–7,5\nutfall 2025: 7,06');
        expect(declared.status).toBe('yellow');
        expect(declared.series[0].latest?.value).toBe(7.06);
        expect(declared.reason.sv).toBe('Utfall 7,06 (avrundat 7,1) ligger inom gul 7,1–7,5 (2025)');
        expect(declared.thresholds.problems).toEqual([]);
        const written = await assess('grön 7,0 eller lägre\ngul 7,1–7,5\nutfall 2025: 7,06');
        expect(written.status).toBe('undefined');
        expect(written.thresholds.problems.map(p => p.code)).toEqual(['band-gap']);
    });
    test('reasons name the numbers and the bands', async () => {
        const gap = await assess('grön 7,0 eller lägre\ngul 7,1–7,5\nutfall 2025: 7,06');
        expect(gap.reason.sv).toBe('Utfall 7,06 ligger i glappet mellan grön ≤ 7,0 och gul 7,1–7,5 och kan inte bedömas (2025)');
        expect(gap.reason.en).toBe('Outcome 7.06 falls in the gap between green ≤ 7.0 and yellow 7.1–7.5 and cannot be assessed (2025)');
        const pending = await assess('grön >= 82\nutfall 2026: väntas v 4');
        expect(pending.reason.sv).toBe('Utfallet väntas v 4 (2026)');
    });
    test('outcomes are chronological whatever the order written; display as written', async () => {
        const a = await assess('grön >= 82\ngul 74–81\nutfall 2025: 80\nutfall 2024-T1: 1 330\nutfall 2024: 93 %');
        expect(a.series[0].outcomes.map(o => o.period)).toEqual(['2024-T1', '2024', '2025']);
        expect(a.series[0].outcomes.map(o => o.display)).toEqual(['1 330', '93 %', '80']);
        expect(a.series[0].latest?.value).toBe(80);
    });
    test('a restating indicator without bands takes the restated bands', async () => {
        const kf = await indicator('grön nivå 82\ngul nivå 76');
        const { assessIndicator: assessAgain } = await import('../../src/index.js');
        expect(assessAgain(kf).series[0].bandsText.en).toBe('green ≥ 82, yellow ≥ 76 and < 82, red below 76');
    });
    test('countStatuses', async () => {
        const list = await Promise.all([
            assess('grön >= 82\nutfall 2025: 90'), assess('grön >= 82\nutfall 2025: 90'),
            assess('grön >= 82\ngul >= 70\nutfall 2025: 75'), assess('grön >= 82\nutfall 2025: iu'), assess('grön >= 82')
        ]);
        expect(countStatuses(list)).toEqual({ green: 2, yellow: 1, red: 0, 'no-data': 2, pending: 0, undefined: 0 });
    });
    test('the assessment is cached per node', async () => {
        const node = await indicator('grön >= 82\nutfall 2025: 90');
        expect(assessIndicator(node)).toBe(assessIndicator(node));
    });
});
