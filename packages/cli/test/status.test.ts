import { beforeAll, describe, expect, test } from 'vitest';
import { ensureBuilt, vplan } from './helpers.js';

beforeAll(() => ensureBuilt(), 240_000);

const ZERO = { green: 0, yellow: 0, red: 0, 'no-data': 0, pending: 0, undefined: 0 };

interface Row { name?: string; title: string; counts: typeof ZERO; total: number }

describe('vplan status', () => {
    test('json: counts per plan, per unit and per overarching goal', () => {
        const r = vplan(['status', 'ok', '--format', 'json']);
        expect(r.code).toBe(0);
        const report = JSON.parse(r.stdout) as { plans: (Row & { path: string; units: Row[] })[]; goals: Row[]; total: Row };
        expect(report.plans).toHaveLength(1);
        const plan = report.plans[0];
        expect(plan).toMatchObject({ name: 'omsorg', title: 'Verksamhetsplan Omsorg 2026', path: 'ok/omsorg.vplan', total: 5 });
        // 85 ≥ 82 green; 78 yellow; 130 > 110 red (lower is better); iu no data; väntas pending.
        expect(plan.counts).toEqual({ ...ZERO, green: 1, yellow: 1, red: 1, 'no-data': 1, pending: 1 });
        expect(plan.units.map(u => [u.name, u.counts, u.total])).toEqual([
            ['aldre', { ...ZERO, green: 1, yellow: 1 }, 2],
            ['ifo', { ...ZERO, red: 1, 'no-data': 1, pending: 1 }, 3]
        ]);
        const goals = Object.fromEntries(report.goals.map(g => [g.name, g]));
        expect(goals.valfard.counts).toEqual({ ...ZERO, green: 1, yellow: 1, pending: 1 });
        expect(goals.ekonomi.counts).toEqual({ ...ZERO, red: 1, 'no-data': 1 });
        expect(report.total.counts).toEqual(plan.counts);
    });

    test('json: every plan and unit lists its indicators, consistent with the counts', () => {
        const report = JSON.parse(vplan(['status', 'ok', '--format', 'json']).stdout);
        type Listed = { name: string; title: string; status: keyof typeof ZERO; reason: string; trend: string | null; latest: { period: string; value: string; year: string } | null; goals: string[] };
        const rows: { counts: typeof ZERO; total: number; indicators: Listed[] }[] = [report.plans[0], ...report.plans[0].units];
        for (const row of rows) {
            expect(row.indicators).toHaveLength(row.total);
            const counted = { ...ZERO };
            for (const i of row.indicators) counted[i.status]++;
            expect(counted).toEqual(row.counts);
            for (const i of row.indicators) {
                expect(['green', 'yellow', 'red', 'no-data', 'pending', 'undefined']).toContain(i.status);
                expect(i.reason.length).toBeGreaterThan(0);
            }
        }
        const all = report.plans[0].indicators as Listed[];
        const red = all.find(i => i.status === 'red')!;
        // In the plan's language (Swedish), with the period of the deciding outcome and the goals it counts for.
        expect(red.reason).toMatch(/^Utfall 130 /);
        expect(red.latest).toEqual({ period: '2025', value: '130', year: '2025' });
        expect(red.goals).toEqual(['ekonomi']);
        // The goal rows count exactly the indicators that list the goal.
        for (const goal of report.goals) {
            expect(all.filter(i => i.goals.includes(goal.name)).length).toBe(goal.total);
        }
    });

    test('an outcome in a gap between bands is undefined, never red', () => {
        const report = JSON.parse(vplan(['status', 'errors', '--format', 'json']).stdout);
        expect(report.plans[0].counts).toEqual({ ...ZERO, undefined: 1 });
    });

    test('csv: a header of stable column names and one quoted row per plan, unit, goal and the total', () => {
        const r = vplan(['status', 'ok', '--format', 'csv']);
        expect(r.code).toBe(0);
        const lines = r.stdout.split('\r\n');
        expect(lines.pop()).toBe('');
        // Statuses worst first, as every surface lists them.
        expect(lines[0]).toBe('level,path,plan,name,title,red,yellow,undefined,green,pending,no_data,total');
        expect(lines).toContain('plan,ok/omsorg.vplan,omsorg,omsorg,Verksamhetsplan Omsorg 2026,1,1,0,1,1,1,5');
        expect(lines).toContain('unit,ok/omsorg.vplan,omsorg,aldre,Äldreomsorgen,0,1,0,1,0,0,2');
        expect(lines).toContain('goal,,,ekonomi,En långsiktigt hållbar ekonomi,1,0,0,0,0,1,2');
        expect(lines[lines.length - 1]).toBe('total,,,,Totalt,1,1,0,1,1,1,5');
        for (const line of lines) expect(line.split(',')).toHaveLength(12);
    });

    test('table, in the plan\'s language unless --lang chooses; the status words are the semantics module\'s', () => {
        const en = vplan(['status', 'ok', '--lang', 'en']);
        expect(en.stdout.split('\n')[0]).toMatch(/^Plan \/ unit\s+Red\s+Yellow\s+Cannot be assessed\s+Green\s+Pending\s+No data\s+Total$/);
        expect(en.stdout).toMatch(/\n {2}Äldreomsorgen\s+0\s+1\s+0\s+1\s+0\s+0\s+2\n/);
        expect(en.stdout).toMatch(/\nOverarching goals\n/);
        // A Swedish plan under LANG=C: Swedish.
        const sv = vplan(['status', 'ok']);
        expect(sv.stdout.split('\n')[0]).toMatch(/^Plan \/ enhet\s+Röd\s+Gul\s+Kan inte bedömas\s+Grön\s+Väntas\s+Ingen uppgift\s+Totalt$/);
        expect(sv.stdout).toMatch(/\nÖvergripande mål\n/);
        expect(sv.stdout).toMatch(/\nTotalt\s+1\s+1\s+0\s+1\s+1\s+1\s+5\n$/);
    });

    test('exit 2 for unreadable input, still summarising the rest', () => {
        const r = vplan(['status', 'ok', 'gone', '--format', 'json']);
        expect(r.code).toBe(2);
        expect(r.stderr).toBe('vplan: gone: no such file or folder\n');
        expect(JSON.parse(r.stdout).plans).toHaveLength(1);
    });
});
