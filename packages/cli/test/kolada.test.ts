// `vplan kolada pull|check` as a user runs them: the built CLI in its own process, against the
// Kolada stand-in on 127.0.0.1 (never the real network).
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { CLI, ensureBuilt, NODE, tempCopy, type RunResult } from './helpers.js';
import { fixture, startStandIn, type StandIn } from '../../data/test/kolada-stand-in.js';

beforeAll(() => ensureBuilt(), 240_000);

let standIn: StandIn | undefined;
afterEach(async () => {
    await standIn?.close();
    standIn = undefined;
});

/** Runs the CLI without blocking this process, which serves the stand-in. */
function run(args: string[], cwd: string, env: Record<string, string> = {}): Promise<RunResult> {
    return new Promise((resolve, reject) => {
        // Never the user's own cache: every run gets a fresh one unless the test names one.
        const cache = mkdtempSync(path.join(tmpdir(), 'vplan-kpi-cache-'));
        const base: Record<string, string | undefined> = { ...process.env, LANG: 'C', LC_ALL: undefined, LC_MESSAGES: undefined, VPLAN_KOLADA_URL: undefined, VPLAN_CACHE_DIR: cache, ...env };
        for (const key of Object.keys(base)) if (base[key] === undefined) delete base[key];
        const child = spawn(NODE, [CLI, ...args], { cwd, env: base as NodeJS.ProcessEnv });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', d => { stdout += d; });
        child.stderr.on('data', d => { stderr += d; });
        child.on('error', reject);
        child.on('close', code => resolve({ code, stdout, stderr }));
    });
}

const ORIGINAL = readFileSync(path.join(__dirname, 'fixtures/kolada/omsorg.vplan'), 'utf8');

describe('vplan kolada', () => {
    test('check exits 1 on stale outcomes; pull shows the diff and changes nothing; pull --write fixes exactly those; check then exits 0', async () => {
        standIn = await startStandIn(fixture('norsjo'), { pageSize: 2 });
        const dir = tempCopy('kolada');
        const file = path.join(dir, 'kolada/omsorg.vplan');
        const api = ['--api-url', standIn.url];

        const check = await run(['kolada', 'check', ...api, 'kolada'], dir);
        expect(check.code).toBe(1);
        expect(check.stdout).toBe(
            'kolada/omsorg.vplan:11:20: sabo: utfall 2024: 66 → utfall 2024: 67\n' +
            'kolada/omsorg.vplan:12:20: sabo: utfall 2025: 62 → utfall 2025: 63\n' +
            'kolada/omsorg.vplan:20:7: htj: add: utfall 2026: iu\n');
        expect(check.stderr).toBe('2 outcomes to change, 1 to add (Source: Kolada)\n');

        const pull = await run(['kolada', 'pull', ...api, 'kolada/omsorg.vplan'], dir);
        expect(pull.code).toBe(1);
        expect(readFileSync(file, 'utf8')).toBe(ORIGINAL);
        expect(pull.stdout).toBe([
            '--- kolada/omsorg.vplan',
            '+++ kolada/omsorg.vplan (Source: Kolada)',
            '@@ -11,2 +11,2 @@ sabo',
            '-      utfall 2024: 66   // ur Kolada, maj 2025',
            '-      utfall 2025: 62   /* inaktuellt */',
            '+      utfall 2024: 67   // ur Kolada, maj 2025',
            '+      utfall 2025: 63   /* inaktuellt */',
            '@@ -19,0 +20,1 @@ htj',
            '+      utfall 2026: iu',
            ''
        ].join('\n'));
        expect(pull.stderr).toMatch(/run vplan kolada pull --write to apply/);

        const write = await run(['kolada', 'pull', '--write', ...api, 'kolada/omsorg.vplan'], dir);
        expect(write.code).toBe(0);
        expect(write.stdout).toBe('');
        // The stale figures corrected, Kolada's empty 2026 written as iu where the plan had nothing,
        // "93 (2024)" kept (Kolada has no 2025 figure; its 2024 figure is 93): the rest byte for byte.
        const expected = ORIGINAL
            .replace('utfall 2024: 66   //', 'utfall 2024: 67   //')
            .replace('utfall 2025: 62   /* inaktuellt */', 'utfall 2025: 63   /* inaktuellt */')
            .replace('      utfall 2025: 93 (2024)\n', '      utfall 2025: 93 (2024)\n      utfall 2026: iu\n');
        expect(readFileSync(file, 'utf8')).toBe(expected);
        expect(readdirSync(path.dirname(file)).sort()).toEqual(['kommun.vplan', 'omsorg.vplan']);

        const again = await run(['kolada', 'check', ...api, 'kolada'], dir);
        expect(again.code).toBe(0);
        expect(again.stdout).toBe('');
        const validate = await run(['validate', 'kolada'], dir);
        expect(validate.code).toBe(0);
    });

    test('an unreachable Kolada: one line naming the URL and the reason, exit 2, nothing written', async () => {
        const dir = tempCopy('kolada');
        const closed = await startStandIn(fixture('norsjo'));
        const url = closed.url;
        await closed.close();
        const r = await run(['kolada', 'pull', '--write', '--api-url', url, 'kolada'], dir);
        expect(r.code).toBe(2);
        expect(r.stdout).toBe('');
        expect(r.stderr).toBe(`vplan: ${url}/data/kpi/U23471,U21468/municipality/2417/year/2024,2025,2026: connection refused (ECONNREFUSED)\n`);
        expect(readFileSync(path.join(dir, 'kolada/omsorg.vplan'), 'utf8')).toBe(ORIGINAL);
    });

    test('a 500, and a Kolada that does not answer (VPLAN_KOLADA_URL, VPLAN_KOLADA_TIMEOUT), in Swedish', async () => {
        const dir = tempCopy('kolada');
        standIn = await startStandIn(fixture('norsjo'), { faults: [{ match: '/data/', fault: 500 }] });
        const broken = await run(['kolada', 'check', '--lang', 'sv', 'kolada'], dir, { VPLAN_KOLADA_URL: standIn.url });
        expect(broken.code).toBe(2);
        expect(broken.stderr).toMatch(/^vplan: http:\/\/127\.0\.0\.1:\d+\/v3\/data\/kpi\/\S+: HTTP 500 Internal Server Error\n$/);
        await standIn.close();
        standIn = await startStandIn(fixture('norsjo'), { faults: [{ match: '/data/', fault: 'timeout' }] });
        const slow = await run(['kolada', 'check', '--lang', 'sv', 'kolada'], dir, { VPLAN_KOLADA_URL: standIn.url, VPLAN_KOLADA_TIMEOUT: '0.5' });
        expect(slow.code).toBe(2);
        expect(slow.stderr).toMatch(/^vplan: \S+: inget svar inom 0,5 s\n$/);
    });

    test('--year narrows the years; a malformed year is bad usage', async () => {
        standIn = await startStandIn(fixture('norsjo'));
        const dir = tempCopy('kolada');
        const r = await run(['kolada', 'check', '--year', '2024', '--api-url', standIn.url, 'kolada'], dir);
        expect(r.code).toBe(1);
        expect(r.stdout).toBe('kolada/omsorg.vplan:11:20: sabo: utfall 2024: 66 → utfall 2024: 67\n');
        expect(standIn.requests).toEqual(['/v3/data/kpi/U23471,U21468/municipality/2417/year/2024']);
        const bad = await run(['kolada', 'check', '--year', '24', 'kolada'], dir);
        expect(bad.code).toBe(2);
        expect(bad.stderr).toMatch(/invalid value: --year 24/);
    });

    test('meta caches the KPIs\' titles and descriptions; validate then finds an unknown id offline, from the cache', async () => {
        standIn = await startStandIn(fixture('norsjo'));
        const dir = tempCopy('kolada');
        writeFileSync(path.join(dir, 'kolada/fel.vplan'), [
            'plan fel "Fel KPI" {', '  organisation norsjo', '  år 2026',
            '  indikator x "Helhetssyn särskilt boende" {', '    källa kolada kpi "U99999"', '    grön 82 eller högre', '  }',
            '  indikator y "Sjukfrånvaro" {', '    källa kolada kpi "U21468"', '    grön 5 eller lägre', '  }', '}', ''
        ].join('\n'));
        const cache = path.join(dir, 'cache');
        const meta = await run(['kolada', 'meta', '--cache-dir', 'cache', '--api-url', standIn.url, 'kolada'], dir);
        expect(meta.stderr).toBe('2 KPI ids known to Kolada, 1 unknown (U99999); cached in cache/kolada-kpi.json (Source: Kolada)\n');
        expect(meta.code).toBe(1);
        expect(standIn.requests).toEqual(['/v3/kpi/U21468,U23471,U99999']);
        const cached = JSON.parse(readFileSync(path.join(cache, 'kolada-kpi.json'), 'utf8'));
        expect(cached.kpis.U23471.title).toBe('Brukarbedömning särskilt boende äldreomsorg - helhetssyn, andel (%)');
        expect(cached.kpis.U99999.unknown).toBe(true);
        await standIn.close();
        standIn = undefined;

        // No server now: validate reads the cache only.
        const v = await run(['validate', '--format', 'json', 'kolada'], dir, { VPLAN_CACHE_DIR: cache });
        const findings = JSON.parse(v.stdout).files.flatMap((f: { diagnostics: { code: string; message: string; line?: number }[] }) => f.diagnostics)
            .filter((d: { code: string }) => d.code === 'unknown-kpi' || d.code === 'kpi-title-mismatch');
        expect(findings.map((d: { code: string; message: string }) => [d.code, d.message])).toEqual([
            // A Swedish plan: its findings in Swedish.
            ['unknown-kpi', expect.stringMatching(/^Kolada känner inte till KPI U99999 \(enligt Kolada \d{4}-\d\d-\d\d\)\. Kontrollera id:t\.$/)],
            ['kpi-title-mismatch', 'KPI U21468 heter "Brukarbedömning hemtjänst äldreomsorg - helhetssyn, andel (%)" i Kolada, vilket inte liknar "Sjukfrånvaro". Rätt KPI-id?']
        ]);
        expect(v.code).toBe(1);
        // Without the cache (another folder), the same plans have no KPI findings.
        const bare = await run(['validate', '--format', 'json', '--kolada-cache', 'elsewhere', 'kolada'], dir);
        expect(bare.stdout).not.toMatch(/unknown-kpi|kpi-title-mismatch/);
    });

    test('pull fills the KPI cache on the way; a cache folder that cannot be written is a note, not a failure', async () => {
        standIn = await startStandIn(fixture('norsjo'));
        const dir = tempCopy('kolada');
        const r = await run(['kolada', 'pull', '--cache-dir', 'cache', '--api-url', standIn.url, 'kolada'], dir);
        expect(r.code).toBe(1);
        expect(Object.keys(JSON.parse(readFileSync(path.join(dir, 'cache/kolada-kpi.json'), 'utf8')).kpis).sort()).toEqual(['U21468', 'U23471']);
        writeFileSync(path.join(dir, 'blocker'), 'a file, not a folder');
        const blocked = await run(['kolada', 'pull', '--cache-dir', 'blocker/cache', '--api-url', standIn.url, 'kolada'], dir);
        expect(blocked.code).toBe(1);
        expect(blocked.stderr).toMatch(/^vplan: KPI descriptions not cached: blocker\/cache\/kolada-kpi\.json: .*(not a folder|file).*$/m);
        expect(existsSync(path.join(dir, 'blocker/cache'))).toBe(false);
    });

    test('validate --cache: findings checked against other KPI metadata are not taken from the cache', async () => {
        const dir = tempCopy('kolada');
        const cache = path.join(dir, 'kpi');
        mkdirSync(cache);
        writeFileSync(path.join(cache, 'kolada-kpi.json'), JSON.stringify({ kpis: { U23471: { id: 'U23471', unknown: true, fetched: '2026-12-01T00:00:00.000Z' } } }));
        const codes = (r: RunResult) => JSON.parse(r.stdout).files.flatMap((f: { diagnostics: { code: string }[] }) => f.diagnostics.map(d => d.code));
        const first = await run(['validate', '--cache', '--format', 'json', '--kolada-cache', 'kpi', 'kolada'], dir);
        expect(codes(first)).toContain('unknown-kpi');
        const without = await run(['validate', '--cache', '--format', 'json', '--kolada-cache', 'none', 'kolada'], dir);
        expect(codes(without)).not.toContain('unknown-kpi');
        const again = await run(['validate', '--cache', '--format', 'json', '--kolada-cache', 'kpi', 'kolada'], dir);
        expect(codes(again)).toContain('unknown-kpi');
    });
});
