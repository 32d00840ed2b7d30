import { beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ensureBuilt, ROOT, vplan } from './helpers.js';

// The plan's year as a user runs it: the fictional follow-up example (examples/uppfoljning), a plan
// with a T1 follow-up ready for the report and a T2 draft.
beforeAll(() => ensureBuilt(), 240_000);

const EXAMPLE = 'examples/uppfoljning';
const run = (args: string[]) => vplan(args, { cwd: ROOT });

interface PeriodJson {
    plans: {
        plan: string; period: { name: string; ready: boolean; key: string };
        indicators: { name: string; status: string; statusWord: string; outcome?: string; outcomePeriod?: string; trend?: string; analysis?: string; previousStatus?: string }[];
        activities: { title: string; state?: string; overdue: boolean }[];
        fulfilment: { councilGoals: { name: string; fulfilment: string; word: string }[]; units: { title: string; fulfilment: string }[] };
    }[];
}

describe('vplan status --period', () => {
    test('json: each indicator at the period, its trend and analysis; goal fulfilment per council goal', () => {
        const r = run(['status', EXAMPLE, '--period', 'T1', '--format', 'json', '--lang', 'sv', '--as-of', '2026-05-15']);
        expect(r.stderr).toBe('');
        expect(r.code).toBe(0);
        const [plan] = (JSON.parse(r.stdout) as PeriodJson).plans;
        expect(plan.plan).toBe('exOmsorg2026');
        expect(plan.period).toMatchObject({ name: 'T1', ready: true, key: '2026-T1' });
        const byName = Object.fromEntries(plan.indicators.map(i => [i.name, i]));
        expect(byName.exPersonalkontinuitet).toMatchObject({ status: 'red', statusWord: 'röd', outcome: '17', trend: 'worsening' });
        expect(byName.exPersonalkontinuitet.analysis).toContain('vakanta');
        expect(byName.exSjukfranvaro).toMatchObject({ status: 'red', outcome: '9,4 %' });
        expect(byName.exSjukfranvaro.analysis).toBeUndefined();
        expect(byName.exFallskador.status).toBe('yellow');
        expect(byName.exNojdHemtjanst).toMatchObject({ status: 'yellow', outcomePeriod: '2025' });
        const goals = Object.fromEntries(plan.fulfilment.councilGoals.map(g => [g.name, g]));
        expect(goals.exTrygghet).toMatchObject({ fulfilment: 'partly', word: 'delvis uppfyllt' });
        expect(goals.exArbetsgivare.fulfilment).toBe('not-fulfilled');
        expect(plan.activities.find(a => a.title === 'Införa fasta team i varje hemtjänstgrupp')).toMatchObject({ state: 'started', overdue: true });
    });

    test('without --period: the latest period with a follow-up (T2); the status changes from T1', () => {
        const r = run(['status', EXAMPLE, '--format', 'json', '--as-of', '2026-09-01']);
        const [plan] = (JSON.parse(r.stdout) as PeriodJson).plans;
        expect(plan.period.name).toBe('T2');
        expect(plan.period.ready).toBe(false);
        const kont = plan.indicators.find(i => i.name === 'exPersonalkontinuitet')!;
        expect(kont).toMatchObject({ status: 'yellow', previousStatus: 'red', trend: 'improving' });
    });

    test('a table in Swedish', () => {
        const r = run(['status', EXAMPLE, '--period', 'T1', '--lang', 'sv', '--as-of', '2026-05-15']);
        expect(r.code).toBe(0);
        expect(r.stdout).toContain('· T1 · klar för rapport');
        expect(r.stdout).toMatch(/Personalkontinuitet.*17 +röd/);
        expect(r.stdout).toContain('Trygg och värdig omsorg genom livet: delvis uppfyllt');
    });

    test('a period the plan does not have: one line, exit 2', () => {
        const r = run(['status', EXAMPLE, '--period', 'T3', '--lang', 'en']);
        expect(r.code).toBe(2);
        expect(r.stderr.trim().split('\n')).toEqual(['vplan: the plan exOmsorg2026 has no follow-up period T3 (it has: T1, T2, annual)']);
        expect(r.stdout).toBe('');
    });
});

describe('vplan validate --as-of', () => {
    const codes = (args: string[]) => {
        const r = run(['validate', EXAMPLE, '--format', 'json', ...args]);
        const { files } = JSON.parse(r.stdout) as { files: { path: string; diagnostics: { code: string; message: string }[] }[] };
        return files.flatMap(f => f.diagnostics.map(d => `${path.basename(f.path)} ${d.code}`));
    };
    test('the missing analysis at the ready T1, and overdue activities as of the date given', () => {
        const found = codes(['--as-of', '2026-10-15']);
        expect(found).toContain('uppfoljning-t1.vplan follow-up-missing-analysis');
        expect(found).toContain('uppfoljning-t1.vplan follow-up-missing-actions');
        expect(found.filter(c => c.endsWith('activity-overdue'))).toEqual(['uppfoljning-t2.vplan activity-overdue']);
        expect(codes(['--as-of', '2026-09-01']).filter(c => c.endsWith('activity-overdue'))).toEqual([]);
    });
    test('an impossible date is a usage error', () => {
        const r = run(['validate', EXAMPLE, '--as-of', '2026-02-30']);
        expect(r.code).toBe(2);
        expect(r.stderr).toContain('--as-of 2026-02-30');
        expect(r.stderr).not.toMatch(/\n\s+at /);
    });
});

describe('vplan render --period', () => {
    test('the follow-up report: deviations first with analysis and actions, then goal fulfilment per council goal', () => {
        const dir = mkdtempSync(path.join(tmpdir(), 'vplan-fu-'));
        try {
            const out = path.join(dir, 't1.html');
            const r = run(['render', `${EXAMPLE}/omsorg-2026.vplan`, '--period', 'T1', '--lang', 'sv', '-o', out]);
            expect(r.stderr).toBe('');
            expect(r.code).toBe(0);
            const html = readFileSync(out, 'utf8');
            const at = (s: string) => { const i = html.indexOf(s); expect(i, s).toBeGreaterThan(-1); return i; };
            expect(at('<h2>Avvikelser</h2>')).toBeLessThan(at('<h2>Måluppfyllelse</h2>'));
            expect(at('<h2>Måluppfyllelse</h2>')).toBeLessThan(at('<h2>Indikatorer per enhet</h2>'));
            // Red before yellow in the deviations, each with its analysis and actions.
            const deviations = html.slice(at('<h2>Avvikelser</h2>'), at('<h2>Måluppfyllelse</h2>'));
            const order = [...deviations.matchAll(/data-indicator="(\w+)" data-status="(\w+)"/g)].map(m => `${m[1]}:${m[2]}`);
            expect(order).toEqual(['exPersonalkontinuitet:red', 'exSjukfranvaro:red', 'exNojdHemtjanst:yellow', 'exFallskador:yellow']);
            expect(deviations).toContain('<h4>Analys</h4>');
            expect(deviations).toContain('<h4>Åtgärder</h4>');
            expect(deviations).toContain('Rekrytera till de två vakanta tjänsterna');
            expect(deviations).toContain('Analys saknas.');
            const fulfilment = html.slice(at('<h2>Måluppfyllelse</h2>'), at('<h2>Indikatorer per enhet</h2>'));
            expect(fulfilment).toMatch(/Trygg och värdig omsorg genom livet<\/th><td class="fulfilment-partly">delvis uppfyllt/);
            expect(fulfilment).toContain('Kommunfullmäktiges mål');
            // T1 is the first period: nothing to compare with.
            expect(html).not.toContain('Förändringar sedan');
            const t2 = run(['render', `${EXAMPLE}/omsorg-2026.vplan`, '--period', 'T2', '--lang', 'sv']).stdout;
            expect(t2).toContain('<h2>Förändringar sedan T1</h2>');
            expect(t2).toMatch(/Personalkontinuitet.*: .*Röd → .*Gul/);
            expect(t2).toContain('Införa fasta team i varje hemtjänstgrupp: Påbörjad → Klar');
        } finally {
            rmSync(dir, { recursive: true, force: true });
        }
    });

    test('--deviations-only; a folder gets one report per plan that has the period', () => {
        const dir = mkdtempSync(path.join(tmpdir(), 'vplan-fu-'));
        try {
            const r = run(['render', EXAMPLE, '--period', 'T2', '--deviations-only', '-o', dir + '/']);
            expect(r.code).toBe(0);
            expect(readdirSync(dir)).toEqual(['omsorg-2026-t2.html']);
            const html = readFileSync(path.join(dir, 'omsorg-2026-t2.html'), 'utf8');
            // No --lang: each report speaks its plan's language (a Swedish plan), as a single render does.
            expect(html).toContain('<h2>Avvikelser</h2>');
            expect(html).not.toContain('<h2>Måluppfyllelse</h2>');
            expect(html).toContain('data-indicator="exSjukfranvaro" data-status="red"');
            expect(html).not.toContain('data-indicator="exFallskador"');
        } finally {
            rmSync(dir, { recursive: true, force: true });
        }
    });

});

describe('every surface agrees at a period', () => {
    test('status --period json and the report of render --period give each indicator the same status', () => {
        for (const period of ['T1', 'T2']) {
            const json = JSON.parse(run(['status', EXAMPLE, '--period', period, '--format', 'json']).stdout) as PeriodJson;
            const fromStatus = Object.fromEntries(json.plans[0].indicators.map(i => [i.name, i.status]));
            const html = run(['render', `${EXAMPLE}/omsorg-2026.vplan`, '--period', period]).stdout;
            const table = html.slice(html.indexOf('class="per-unit"'));
            const fromReport = Object.fromEntries([...table.matchAll(/<tr data-indicator="(\w+)" data-status="([\w-]+)"/g)].map(m => [m[1], m[2]]));
            expect(Object.keys(fromReport).length).toBe(4);
            expect(fromReport).toEqual(fromStatus);
        }
    });
});
