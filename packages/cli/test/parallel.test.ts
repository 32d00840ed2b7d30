// `vplan validate` on several threads (--jobs, VPLAN_JOBS) as a process: the same output, byte for
// byte, and the same exit code as one thread, in every format, on the examples, a generated
// workspace and workspaces built to be awkward for a split (ids declared in two parts, shared KPIs,
// follow-ups, a name that does not resolve, Kolada's KPI metadata), and with --cache.
import { beforeAll, describe, expect, test } from 'vitest';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ensureBuilt, FIXTURES, ROOT, vplan } from './helpers.js';
// @ts-expect-error: the benchmarks' plan generator is plain JavaScript.
import { plan, sharedFile } from '../../../bench/generate-plans.mjs';

beforeAll(() => ensureBuilt(), 240_000);

const FORMATS = ['pretty', 'json', 'sarif', 'github'];
/** Parts even for a few small files (a run this small stays in one thread by default). */
const FORCE = { VPLAN_JOBS_MIN_BYTES: '0', VPLAN_TIMING: '1' };
const TIMING = /^vplan timing:.*\n/m;

/** JSON holds every field of every finding; pretty the code frames and the summary. */
const SOME = ['json', 'pretty'];

/**
 * Runs validate with one thread and with `jobs`; they must agree in every format asked. Returns the
 * parallel run's timing line, which says how the run was split.
 */
function agree(cwd: string, args: string[], jobs = 2, formats = FORMATS): string {
    let timing = '';
    for (const format of formats) {
        const one = vplan(['validate', ...args, '--format', format, '--jobs', '1'], { cwd, env: { ...FORCE, VPLAN_TIMING: undefined } });
        const many = vplan(['validate', ...args, '--format', format, '--jobs', String(jobs)], { cwd, env: FORCE });
        expect(many.stdout, format).toBe(one.stdout);
        expect(many.code, format).toBe(one.code);
        expect(many.stderr.replace(TIMING, ''), format).toBe(one.stderr);
        timing = TIMING.exec(many.stderr)?.[0] ?? '';
    }
    return timing;
}

const KOMMUN = readFileSync(path.join(FIXTURES, 'ok/kommun.vplan'), 'utf8');
const OMSORG = readFileSync(path.join(FIXTURES, 'ok/omsorg.vplan'), 'utf8');

/** A plan of its own ids (`<id>…`), like the fixture's care plan, with its KPI U23471. */
const planOf = (id: string) => OMSORG.replace('plan omsorg', `plan ${id}`)
    .replace(/indikator (\w+) /g, (_, name: string) => `indikator ${id}${name[0].toUpperCase()}${name.slice(1)} `)
    .replace(/enhet (\w+) /g, (_, name: string) => `enhet ${id}${name} `);

/** Eight plans and the shared file; later plans clash with earlier ones, so parts depend on each other. */
function awkwardWorkspace(): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'vplan-parallel-test-'));
    mkdirSync(path.join(dir, 'plans'));
    writeFileSync(path.join(dir, 'plans/kommun.vplan'), KOMMUN);
    for (const id of ['a', 'b', 'c', 'd', 'e', 'f', 'g']) writeFileSync(path.join(dir, `plans/${id}.vplan`), planOf(id));
    // The last plan: declares a role the shared file declares, and an indicator id plan a declares
    // (in another part), and gives the KPI of every plan other bands.
    writeFileSync(path.join(dir, 'plans/h.vplan'), planOf('h').replace('grön >= 82', 'grön >= 90')
        .replace('indikator hNojdhet', 'indikator aNojdhet') + '\nroll chef "Chef igen"\n');
    return dir;
}

describe('vplan validate --jobs', { timeout: 300_000 }, () => {
    test('the examples: the same output on two threads as on one', () => {
        const timing = agree(ROOT, ['examples']);
        expect(timing).toMatch(/parsed in 2 parts/);
    });

    test('a workspace with ids declared in two parts, a shared KPI with other bands, a KPI cache: same output on three threads', () => {
        const dir = awkwardWorkspace();
        const one = vplan(['validate', 'plans', '--format', 'json', '--jobs', '1'], { cwd: dir });
        const codes = JSON.parse(one.stdout).files.flatMap((f: { diagnostics: { code: string }[] }) => f.diagnostics.map(d => d.code));
        // The awkward parts are really there: the findings tie files in different parts.
        expect(codes).toEqual(expect.arrayContaining(['duplicate-id', 'same-kpi-bands-differ']));
        expect(agree(dir, ['plans'], 3, SOME)).toMatch(/parsed in 3 parts/);
        // Kolada's KPI metadata (unknown-kpi for the KPI every plan measures) reaches every part.
        mkdirSync(path.join(dir, 'kpi'));
        writeFileSync(path.join(dir, 'kpi/kolada-kpi.json'), JSON.stringify({ kpis: { U23471: { id: 'U23471', unknown: true, fetched: '2026-12-01T00:00:00.000Z' } } }));
        const withKpis = vplan(['validate', 'plans', '--format', 'json', '--kolada-cache', 'kpi', '--jobs', '3'], { cwd: dir, env: FORCE });
        expect(withKpis.stdout).toMatch(/unknown-kpi/);
        expect(agree(dir, ['plans', '--kolada-cache', 'kpi'], 3, SOME)).toMatch(/parsed in 3 parts/);
    });

    test('follow-ups and an as-of date: the same output on two threads', () => {
        const dir = mkdtempSync(path.join(tmpdir(), 'vplan-parallel-test-'));
        cpSync(path.join(ROOT, 'examples/uppfoljning'), path.join(dir, 'uppfoljning'), { recursive: true });
        expect(agree(dir, ['uppfoljning', '--as-of', '2026-06-30'], 2, SOME)).toMatch(/parsed in 2 parts/);
    });

    test('a name that does not resolve: "did you mean" reads the whole workspace, so the run is checked again in one thread', () => {
        const dir = awkwardWorkspace();
        writeFileSync(path.join(dir, 'plans/g.vplan'), planOf('g').replace('ansvarig chef', 'ansvarig chefen'));
        const one = vplan(['validate', 'plans', '--format', 'json', '--jobs', '1'], { cwd: dir });
        expect(one.stdout).toMatch(/unresolved-reference/);
        expect(agree(dir, ['plans'], 3, SOME)).toMatch(/checked again in one thread/);
    });

    test('a generated workspace of 10 plans: the same output on two threads', () => {
        const dir = mkdtempSync(path.join(tmpdir(), 'vplan-parallel-test-'));
        mkdirSync(path.join(dir, 'ws/plans'), { recursive: true });
        writeFileSync(path.join(dir, 'ws/kommun.vplan'), sharedFile());
        for (let i = 0; i < 10; i++) writeFileSync(path.join(dir, `ws/plans/p${i}.vplan`), plan(i + 1, `p${i}`, 11_000));
        expect(agree(dir, ['ws'])).toMatch(/parsed in 2 parts/);
    });

    test('--cache on several threads: the same output as without', () => {
        const dir = awkwardWorkspace();
        const plain = vplan(['validate', 'plans', '--format', 'json', '--jobs', '1'], { cwd: dir });
        for (let i = 0; i < 2; i++) {
            const cached = vplan(['validate', 'plans', '--format', 'json', '--cache', '--jobs', '2'], { cwd: dir, env: FORCE });
            expect(cached.stdout).toBe(plain.stdout);
            expect(cached.code).toBe(plain.code);
        }
    });

    test('a small run stays in one thread unless told otherwise; --jobs takes a number', () => {
        const small = vplan(['validate', 'examples/norsjo', '--jobs', '2'], { cwd: ROOT, env: { VPLAN_TIMING: '1' } });
        expect(small.stderr).toMatch(TIMING);
        expect(small.stderr).not.toMatch(/parts/);
        const bad = vplan(['validate', 'examples', '--jobs', 'many'], { cwd: ROOT });
        expect(bad.code).toBe(2);
        expect(bad.stderr).toMatch(/^vplan: .*--jobs many/m);
    });
});
