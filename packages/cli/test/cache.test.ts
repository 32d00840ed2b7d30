// `vplan validate --cache` as a process: the same findings as a run without cache, after every
// kind of change, with only the changed files and their dependents checked again.
import { beforeAll, describe, expect, test } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ensureBuilt, FIXTURES, vplan } from './helpers.js';

beforeAll(() => ensureBuilt(), 240_000);

const KOMMUN = readFileSync(path.join(FIXTURES, 'ok/kommun.vplan'), 'utf8');
const OMSORG = readFileSync(path.join(FIXTURES, 'ok/omsorg.vplan'), 'utf8');

/** A plan of its own ids (`<id>…`), like the fixture's care plan; without its KPI id (a shared KPI ties plans: see below). */
const planOf = (id: string) => OMSORG.replace('plan omsorg', `plan ${id}`).replace(/ kpi "\w+"/g, '')
    .replace(/indikator (\w+) /g, (_, name: string) => `indikator ${id}${name[0].toUpperCase()}${name.slice(1)} `)
    .replace(/enhet (\w+) /g, (_, name: string) => `enhet ${id}${name} `);

/** c restates an indicator of a: c depends on a. */
const C = planOf('c').replace('indikator cNojdhet "Brukarnöjdhet" {', 'indikator cNojdhet "Brukarnöjdhet" {\n      återger aNojdhet');

function workspaceDir(): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'vplan-cache-test-'));
    mkdirSync(path.join(dir, 'plans'));
    writeFileSync(path.join(dir, 'plans/kommun.vplan'), KOMMUN);
    writeFileSync(path.join(dir, 'plans/a.vplan'), planOf('a'));
    writeFileSync(path.join(dir, 'plans/b.vplan'), planOf('b'));
    writeFileSync(path.join(dir, 'plans/c.vplan'), C);
    return dir;
}

/** Runs validate with and without the cache; they must agree; returns how many files the cached run checked. */
function both(dir: string, extra: string[] = [], format = 'json', known?: ReturnType<typeof vplan>): { checked: number; of: number; stdout: string; code: number | null; plain: ReturnType<typeof vplan> } {
    const plain = known ?? vplan(['validate', 'plans', '--format', format], { cwd: dir });
    const cached = vplan(['validate', 'plans', '--format', format, '--cache', ...extra], { cwd: dir, env: { VPLAN_TIMING: '1' } });
    expect(cached.stdout).toBe(plain.stdout);
    expect(cached.code).toBe(plain.code);
    expect(cached.stderr.replace(/^vplan timing:.*\n/m, '')).toBe(plain.stderr);
    const m = /keys \((\d+) of (\d+) to check\)/.exec(cached.stderr);
    expect(m, cached.stderr).not.toBeNull();
    return { checked: Number(m![1]), of: Number(m![2]), stdout: cached.stdout, code: cached.code, plain };
}

const edit = (dir: string, file: string, change: (text: string) => string) => {
    const p = path.join(dir, 'plans', file);
    writeFileSync(p, change(readFileSync(p, 'utf8')));
};

// Every test runs the CLI several times; on a loaded machine a run takes a second or two.
describe('vplan validate --cache', { timeout: 120_000 }, () => {
    test('checks everything once, then nothing that did not change, with the same findings', () => {
        const dir = workspaceDir();
        expect(both(dir)).toMatchObject({ checked: 4, of: 4 });
        expect(existsSync(path.join(dir, '.vplancache'))).toBe(true);
        expect(both(dir)).toMatchObject({ checked: 0, of: 4 });
        // The pretty format (code frames from the current text) agrees too.
        expect(both(dir, [], 'pretty').checked).toBe(0);
    });

    test('one plan changed: that plan and the plans that depend on it are checked again', () => {
        const dir = workspaceDir();
        both(dir);
        // b depends on nothing but the shared file: only b.
        edit(dir, 'b.vplan', t => t.replace('utfall 2025: 85', 'utfall 2025: 70'));
        expect(both(dir).checked).toBe(1);
        // a's indicator is restated by c: a and c.
        edit(dir, 'a.vplan', t => t.replace('utfall 2025: 85', 'utfall 2025: 60'));
        expect(both(dir).checked).toBe(2);
    });

    test('plans tied by something other than a name: one KPI in two plans, the follow-ups of one plan', () => {
        const dir = workspaceDir();
        // b names the KPI a names: a's bands changed, b's same-kpi finding changes with them.
        edit(dir, 'a.vplan', t => t.replace('källa kolada', 'källa kolada kpi "U23471"'));
        edit(dir, 'b.vplan', t => t.replace('källa kolada', 'källa kolada kpi "U23471"'));
        both(dir);
        edit(dir, 'a.vplan', t => t.replace('grön >= 82', 'grön >= 90'));
        // a, b (the same KPI) and c (restates a's indicator).
        expect(both(dir).checked).toBe(3);
        // Two follow-ups of plan c: a change to T1 checks T2 again (progress going backwards reads T1).
        writeFileSync(path.join(dir, 'plans/c-t1.vplan'), 'uppföljning T1 av c {\n  utkast\n}\n');
        writeFileSync(path.join(dir, 'plans/c-t2.vplan'), 'uppföljning T2 av c {\n  utkast\n}\n');
        both(dir);
        edit(dir, 'c-t1.vplan', t => t.replace('utkast', 'klar för rapport'));
        expect(both(dir).checked).toBe(2);
    });

    test('one plan named alone is checked against its folder, with the cache as without it', () => {
        const dir = workspaceDir();
        const plain = vplan(['validate', 'plans/b.vplan', '--format', 'json'], { cwd: dir });
        for (let run = 0; run < 2; run++) {
            const cached = vplan(['validate', 'plans/b.vplan', '--format', 'json', '--cache'], { cwd: dir });
            expect(cached.stdout).toBe(plain.stdout);
            expect(cached.code).toBe(plain.code);
        }
        // Only the plan asked for is reported; its folder's shared file resolves its roles and goals.
        const files = JSON.parse(plain.stdout).files as { path: string; diagnostics: { code: string }[] }[];
        expect(files.map(f => f.path)).toEqual(['plans/b.vplan']);
        expect(files[0].diagnostics.map(d => d.code)).not.toContain('unresolved-reference');
    });

    test('a changed shared file invalidates every plan that references it', () => {
        const dir = workspaceDir();
        both(dir);
        edit(dir, 'kommun.vplan', t => t.replace('roll handlaggare "Handläggare"', 'roll handlaggare "Handläggare, myndighet"'));
        expect(both(dir).checked).toBe(4);
    });

    test('a renamed declaration: the findings that name it change as without cache', () => {
        const dir = workspaceDir();
        both(dir);
        edit(dir, 'kommun.vplan', t => t.replace('roll chef ', 'roll chefen '));
        const run = both(dir);
        expect(run.code).toBe(1);
        expect(run.stdout).toContain('unresolved-reference');
        edit(dir, 'kommun.vplan', t => t.replace('roll chefen ', 'roll chef '));
        expect(both(dir).code).toBe(0);
    });

    test('a new file that declares an id another file declares: both report the duplicate', () => {
        const dir = workspaceDir();
        both(dir);
        writeFileSync(path.join(dir, 'plans/roller.vplan'), 'roll chef "Chef"\n');
        const run = both(dir);
        expect(run.stdout).toContain('duplicate-id');
        expect(run.checked).toBeGreaterThanOrEqual(2);
    });

    test('a corrupt, old-format or foreign cache is ignored, never trusted', () => {
        const dir = workspaceDir();
        const { plain } = both(dir);
        const cacheFile = path.join(dir, '.vplancache');
        const good = JSON.parse(readFileSync(cacheFile, 'utf8'));
        // Poisoned findings under a format this version does not read: ignored.
        const poison = (cache: any) => {
            for (const entry of Object.values(cache.files) as any[]) entry.diagnostics = [{ code: 'poison', severity: 'error', message: 'poison', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } }];
            return cache;
        };
        for (const bad of [
            '{ not json',
            '',
            JSON.stringify({ ...poison(structuredClone(good)), version: 0 }),
            JSON.stringify({ ...poison(structuredClone(good)), vplan: '0.0.0-old' }),
            JSON.stringify({ ...poison(structuredClone(good)), lang: good.lang === 'sv' ? 'en' : 'sv' }),
            JSON.stringify({ ...poison(structuredClone(good)), cwd: '/somewhere/else' }),
            // One malformed entry spoils the whole cache.
            JSON.stringify({ ...poison(structuredClone(good)), files: { ...poison(structuredClone(good)).files, '/x.vplan': { hash: 1 } } })
        ]) {
            writeFileSync(cacheFile, bad);
            const run = both(dir, [], 'json', plain);
            expect(run.checked).toBe(4);
            expect(run.stdout).not.toContain('poison');
        }
    });

    test('--cache-location: a file, or a folder for .vplancache; written atomically, no temporary files left', () => {
        const dir = workspaceDir();
        mkdirSync(path.join(dir, 'cachedir'));
        both(dir, ['--cache-location', 'cachedir']);
        expect(readdirSync(path.join(dir, 'cachedir'))).toEqual(['.vplancache']);
        expect(both(dir, ['--cache-location', 'cachedir']).checked).toBe(0);
        both(dir, ['--cache-location', 'my.cache']);
        expect(JSON.parse(readFileSync(path.join(dir, 'my.cache'), 'utf8')).format).toBe('vplan-validate-cache');
        expect(readdirSync(dir).filter(f => f.includes('.tmp'))).toEqual([]);
        // --cache-location alone turns the cache on.
        const alone = vplan(['validate', 'plans', '--cache-location', 'my.cache'], { cwd: dir, env: { VPLAN_TIMING: '1' } });
        expect(alone.stderr).toMatch(/keys \(0 of 4 to check\)/);
    });

    test('a cache that cannot be written is said once on stderr; the result and exit code stand', () => {
        const dir = workspaceDir();
        // A path below a regular file: no one can write there, not even root.
        writeFileSync(path.join(dir, 'not-a-folder'), '');
        const plain = vplan(['validate', 'plans'], { cwd: dir });
        const run = vplan(['validate', 'plans', '--cache-location', 'not-a-folder/cache'], { cwd: dir });
        expect(run.stdout).toBe(plain.stdout);
        expect(run.code).toBe(plain.code);
        expect(run.stderr).toMatch(/^vplan: the cache could not be written \(.+\); the next run checks every file\n$/);
    });
});
