import { describe, expect, test } from 'vitest';
import { EmptyFileSystem, type LangiumDocument } from 'langium';
import { parseHelper } from 'langium/test';
import { createVplanCoreServices, isIndicator, type Document, type Indicator } from '@vplan/language';
import { AstUtils } from 'langium';
import { applyEdits, lineHunks, planIndicatorOutcomes, type Figure, type PlanOptions } from '../src/index.js';

const services = createVplanCoreServices(EmptyFileSystem).Vplan;
const parse = parseHelper<Document>(services);

const num = (value: number): Figure => ({ kind: 'number', value });
const none: Figure = { kind: 'no-data' };

/** The plan's text after the planner's edits for its first indicator. */
async function plan(body: string, figures: Record<string, Figure>, keyword = 'indikator', options: PlanOptions = {}): Promise<{ before: string; after: string; kinds: string[] }> {
    const text = `plan p "P" {\n  år 2026\n  ${keyword} i "I" {\n${body}\n  }\n}\n`;
    const doc: LangiumDocument<Document> = await parse(text);
    expect(doc.parseResult.parserErrors).toEqual([]);
    const indicator = AstUtils.streamAllContents(doc.parseResult.value).find(isIndicator) as Indicator;
    const changes = planIndicatorOutcomes(indicator, text, new Map(Object.entries(figures)), options);
    return { before: text, after: applyEdits(text, changes.map(c => c.edit)), kinds: changes.map(c => `${c.kind} ${c.period}`) };
}

describe('the outcome-edit planner', () => {
    test('corrects a stale number in place, keeping its unit, comment and layout', async () => {
        const r = await plan('    grön 82 eller högre\n    utfall 2024:   67 %   // enligt Kolada\n    utfall 2025: 62', { 2024: num(68), 2025: num(62) });
        expect(r.kinds).toEqual(['change 2024']);
        expect(r.after).toBe(r.before.replace('utfall 2024:   67 %', 'utfall 2024:   68 %'));
    });

    test('a figure equal at the plan\'s precision is no change (Kolada 66.7 where the plan writes 67); a table\'s precision is kept when asked', async () => {
        const same = await plan('    utfall 2024: 67', { 2024: num(66.7) });
        expect(same.kinds).toEqual([]);
        const rounded = await plan('    utfall 2024: 62', { 2024: num(66.7) });
        expect(rounded.after).toBe(rounded.before.replace('utfall 2024: 62', 'utfall 2024: 67'));
        const table = await plan('    utfall 2024: 62', { 2024: num(63.5) }, 'indikator', { precision: 'source' });
        expect(table.after).toBe(table.before.replace('utfall 2024: 62', 'utfall 2024: 63,5'));
    });

    test('adds a missing year after the last earlier outcome, on its own line with its indentation, after a trailing comment', async () => {
        const r = await plan('    utfall 2024: 67 // kommentar\n    mäts årligen', { 2024: num(67), 2025: num(63) });
        expect(r.kinds).toEqual(['add 2025']);
        expect(r.after).toBe(r.before.replace('utfall 2024: 67 // kommentar\n', 'utfall 2024: 67 // kommentar\n    utfall 2025: 63\n'));
    });

    test('an earlier year goes before the first outcome; without outcomes, after the bands', async () => {
        const first = await plan('    utfall 2025: 63', { 2024: num(67) });
        expect(first.after).toContain('    utfall 2024: 67\n    utfall 2025: 63\n');
        const bare = await plan('    grön 82 eller högre\n    gul 74–81\n    ansvarig r', { 2025: num(63) });
        expect(bare.after).toContain('    gul 74–81\n    utfall 2025: 63\n    ansvarig r');
    });

    test('Kolada\'s "no value" becomes iu only where the plan has nothing', async () => {
        const r = await plan('    utfall 2024: 67\n    utfall 2025: väntas v 24', { 2024: none, 2025: none, 2026: none });
        expect(r.kinds).toEqual(['add 2026']);
        expect(r.after).toContain('utfall 2024: 67\n    utfall 2025: väntas v 24\n    utfall 2026: iu\n');
    });

    test('a figure replaces iu, a Kolada mark and väntas', async () => {
        const r = await plan('    utfall 2023: -\n    utfall 2024: iu\n    utfall 2025: väntas v 24', { 2023: num(1), 2024: num(2), 2025: num(3) });
        expect(r.after).toContain('utfall 2023: 1\n    utfall 2024: 2\n    utfall 2025: 3\n');
    });

    test('"utfall 2025: 73 (2024)" is the 2024 figure until 2025 has one', async () => {
        const same = await plan('    utfall 2025: 73 (2024)', { 2024: num(73) });
        expect(same.kinds).toEqual([]);
        const corrected = await plan('    utfall 2025: 73 (2024)', { 2024: num(74) });
        expect(corrected.after).toContain('utfall 2025: 74 (2024)\n');
        const arrived = await plan('    utfall 2025: 73 (2024)  // i väntan på 2025', { 2024: num(73), 2025: num(75) });
        // The 2024 figure is kept, in its own column, when 2025's takes the 2025 column.
        expect(arrived.after).toContain('    utfall 2024: 73\n    utfall 2025: 75  // i väntan på 2025\n');
    });

    test('yes/no, colour and rank outcomes are not Kolada figures and stay', async () => {
        const r = await plan('    utfall 2023: ja\n    utfall 2024: grön\n    utfall 2025: 31 % bästa', { 2023: num(1), 2024: num(2), 2025: num(3) });
        expect(r.kinds).toEqual([]);
    });

    test('a rank figure corrects a rank\'s number only (unit, bästa and comment kept), fills "no data" and is added as "N % bästa"', async () => {
        const rank = (value: number): Figure => ({ kind: 'rank', value });
        const r = await plan('    utfall 2023: iu\n    utfall 2024: 31 % bästa   // förra året', { 2023: rank(40), 2024: rank(36), 2025: rank(14), 2026: none });
        expect(r.kinds).toEqual(['change 2023', 'change 2024', 'add 2025', 'add 2026']);
        expect(r.after).toContain('    utfall 2023: 40 % bästa\n    utfall 2024: 36 % bästa   // förra året\n    utfall 2025: 14 % bästa\n    utfall 2026: iu\n');
        expect((await plan('    utfall 2024: 27,3 % bästa', { 2024: rank(27.3) })).kinds).toEqual([]);
        expect((await plan('    outcome 2024: 50 % best', { 2025: rank(27.3) }, 'indicator')).after).toContain('outcome 2025: 27.3 % best\n');
    });

    test('the indicator\'s precision rounds the figure, and decides what counts as equal', async () => {
        const r = await plan('    decimaler 1\n    utfall 2024: 7,1\n    utfall 2025: 7,0', { 2024: num(7.0999), 2025: num(7.26) });
        expect(r.kinds).toEqual(['change 2025']);
        expect(r.after).toContain('utfall 2025: 7,3\n');
    });

    test('an English plan gets English keywords and a decimal point', async () => {
        const r = await plan('    green 82 or higher\n    outcome 2024: 6.5', { 2024: num(6.5), 2025: num(7.25), 2026: none }, 'indicator');
        expect(r.after).toContain('outcome 2024: 6.5\n    outcome 2025: 7.25\n    outcome 2026: no-data\n');
    });

    test('outcomes of a series are left alone', async () => {
        const r = await plan('    serie htj "Hemtjänst"\n    utfall 2024 htj: 13', { 2024: num(12) });
        expect(r.kinds).toEqual(['add 2024']);
        expect(r.after).toContain('utfall 2024 htj: 13\n');
    });

    test('the diff shows the changed and the added lines only', async () => {
        const text = 'a\n  utfall 2024: 67\n  utfall 2025: 62\nb\n';
        const hunks = lineHunks(text, [{ start: text.indexOf('62'), end: text.indexOf('62') + 2, text: '63' }, { start: text.indexOf('\nb'), end: text.indexOf('\nb'), text: '\n  utfall 2026: iu' }]);
        expect(hunks).toEqual([{ oldLine: 2, newLine: 2, oldLines: ['  utfall 2025: 62'], newLines: ['  utfall 2025: 63', '  utfall 2026: iu'] }]);
    });
});
