// The rank percentile among a comparison group, defined once in semantics/rank.ts: ties, missing
// values, the municipality missing, and "25 % bästa" exactly at the quarter.
import { describe, expect, test } from 'vitest';
import { AstUtils, EmptyFileSystem } from 'langium';
import { parseHelper } from 'langium/test';
import { createVplanCoreServices, isIndicator, rankInGroup, rankSetup, assessIndicator, type Document } from '../../src/index.js';

const values = (entries: [string, number | null][]) => new Map(entries);

describe('rankInGroup', () => {
    test('position over the members with a value, in per cent: 2nd of 8 is exactly 25', () => {
        const group = values([['a', 10], ['me', 9], ['c', 8], ['d', 7], ['e', 6], ['f', 5], ['g', 4], ['h', 3]]);
        expect(rankInGroup(group, 'me', 'higher')).toEqual({ position: 2, ranked: 8, missing: 0, percentile: 25 });
        // Lower is better: 9 is the 7th lowest.
        expect(rankInGroup(group, 'me', 'lower')).toEqual({ position: 7, ranked: 8, missing: 0, percentile: 88 });
    });

    test('a fraction is rounded up, so a percentile of 25 or less means among the best 25 % exactly', () => {
        // 3rd of 11 is 27,27… %: not among the best 25 %, written 28, never 27 (nor 25).
        const group = values(Array.from({ length: 11 }, (_, i) => [i === 2 ? 'me' : `m${i}`, 100 - i] as [string, number]));
        expect(rankInGroup(group, 'me', 'higher')?.percentile).toBe(28);
        expect(rankInGroup(group, 'me', 'higher', 1)?.percentile).toBe(27.3);
        // 1st of 4 is 25: in "grön 25 % bästa".
        expect(rankInGroup(values([['me', 5], ['b', 4], ['c', 3], ['d', 2]]), 'me', 'higher')?.percentile).toBe(25);
    });

    test('ties share the best position of the tie', () => {
        const group = values([['a', 10], ['b', 12], ['me', 12], ['d', 15]]);
        expect(rankInGroup(group, 'me', 'lower')).toMatchObject({ position: 2, percentile: 50 });
        expect(rankInGroup(group, 'b', 'lower')).toMatchObject({ position: 2, percentile: 50 });
        expect(rankInGroup(group, 'me', 'higher')).toMatchObject({ position: 2, percentile: 50 });
        const allSame = values([['a', 7], ['me', 7], ['c', 7]]);
        expect(rankInGroup(allSame, 'me', 'higher')).toMatchObject({ position: 1, ranked: 3, percentile: 34 });
    });

    test('members without a value are left out of the group size', () => {
        const group = values([['a', 10], ['b', null], ['me', 8], ['d', null], ['e', 5]]);
        expect(rankInGroup(group, 'me', 'higher')).toEqual({ position: 2, ranked: 3, missing: 2, percentile: 67 });
    });

    test('no rank when the municipality has no value, is not there, or nobody else has one', () => {
        expect(rankInGroup(values([['a', 1], ['me', null]]), 'me', 'higher')).toBeUndefined();
        expect(rankInGroup(values([['a', 1], ['b', 2]]), 'me', 'higher')).toBeUndefined();
        expect(rankInGroup(values([['a', null], ['me', 3]]), 'me', 'higher')).toBeUndefined();
        expect(rankInGroup(values([['a', Number.NaN], ['me', 3]]), 'me', 'higher')).toBeUndefined();
    });

    test('the best of a group is never 0 %; the worst is 100 %', () => {
        const group = values([['me', 1], ['b', 2], ['c', 3]]);
        expect(rankInGroup(group, 'me', 'lower')?.percentile).toBe(34);
        expect(rankInGroup(group, 'me', 'higher')?.percentile).toBe(100);
    });
});

describe('rankSetup: what a rank indicator asks for', () => {
    const services = createVplanCoreServices(EmptyFileSystem).Vplan;
    const parse = parseHelper<Document>(services);
    const indicator = async (text: string) => {
        const doc = await parse(text, { documentUri: `file:///rank/${Math.random()}.vplan` });
        return AstUtils.streamAllContents(doc.parseResult.value).filter(isIndicator).head()!;
    };

    test('the Kolada group, the value\'s direction and the bands\' precision; Swedish and capitalised keywords', async () => {
        const i = await indicator(`Jämförelsegrupp jmf "Jämförbara kommuner" { Kolada "G124026" }
plan p "P" { år 2026 indikator k "Kostnad" {
  källa kolada kpi "N15006"  riktning lägre
  grön 25 % bästa  gul 26–50 % bästa  jämfört med jmf
  utfall 2025: 20 % bästa } }`);
        expect(rankSetup(i)).toMatchObject({ koladaGroup: 'G124026', better: 'lower', decimals: 0 });
        expect(rankSetup(i)?.group?.name).toBe('jmf');
        // The rank itself is still better when lower: 20 % is green, `riktning lägre` does not flip it.
        expect(assessIndicator(i).latest?.status).toBe('green');
    });

    test('English, an unquoted id; riktning higher on a rank indicator is the value\'s, not a band conflict', async () => {
        const i = await indicator(`group similar "Similar" { kolada G7 }
plan p "P" { year 2026 indicator k "Satisfaction" {
  direction higher  green 25 % best  yellow 26–50 % best  compared with similar
  outcome 2025: 40 % best } }`);
        expect(rankSetup(i)).toMatchObject({ koladaGroup: 'G7', better: 'higher' });
        expect(assessIndicator(i).latest?.status).toBe('yellow');
    });

    test('not a rank indicator, or a group without a Kolada id', async () => {
        expect(rankSetup(await indicator(`plan p "P" { år 2026 indikator k "K" { grön 82 eller högre } }`))).toBeUndefined();
        const i = await indicator(`jämförelsegrupp utanId "Jämförbara kommuner"
plan p "P" { år 2026 indikator k "K" { grön 25 % bästa jämfört med utanId } }`);
        expect(rankSetup(i)).toMatchObject({ koladaGroup: undefined, better: undefined });
        expect(rankSetup(i)?.group?.name).toBe('utanId');
    });
});
