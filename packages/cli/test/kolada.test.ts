// `vplan kolada pull|check` as a user runs them: the built CLI in its own process, against the
// Kolada stand-in on 127.0.0.1 (never the real network).
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { CLI, ensureBuilt, NODE, tempCopy, type RunResult } from './helpers.js';
import { fixture, startStandIn, type StandIn, type StandInData } from '../../data/test/kolada-stand-in.js';
import type { KoladaDataRow } from '../../data/src/index.js';

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

/**
 * Kolada's municipality group G100001 (30 members, none of them Norsjö) and their costs for
 * N15006 (lower is better). Test data in Kolada's shape, not Kolada's figures.
 */
function rankData(): StandInData {
    const members = Array.from({ length: 30 }, (_, i) => ({ id: String(2501 + i), title: `Kommun ${i + 1}` }));
    const row = (municipality: string, period: number, value: number | null): KoladaDataRow =>
        ({ kpi: 'N15006', municipality, period, values: [{ gender: 'T', count: value === null ? 0 : 1, status: '', value }] });
    const data: KoladaDataRow[] = [];
    members.forEach((m, i) => {
        const n = i + 1;
        data.push(row(m.id, 2024, 900 + 100 * n));
        // Two members without a 2025 figure: left out of the ranking.
        data.push(row(m.id, 2025, n === 3 || n === 10 ? null : 1000 + 100 * n));
        data.push(row(m.id, 2026, 1000 + 100 * n));
    });
    // Norsjö: 2000 in 2024 (tied with member 11), 1450 in 2025, no figure yet for 2026.
    data.push(row('2417', 2024, 2000), row('2417', 2025, 1450), row('2417', 2026, null));
    return { kpis: [], data, municipality_groups: [{ id: 'G100001', title: 'Liknande kommuner, test', members }] };
}

describe('vplan kolada: ranks from a comparison group', () => {
    const RANK_PLAN = readFileSync(path.join(__dirname, 'fixtures/kolada-rank/ifo.vplan'), 'utf8');

    test('the rank among the Kolada group is the outcome: diffed, checked, written; the rest byte for byte', async () => {
        standIn = await startStandIn(rankData());
        const dir = tempCopy('kolada-rank');
        const file = path.join(dir, 'kolada-rank/ifo.vplan');
        const api = ['--api-url', standIn.url];

        const check = await run(['kolada', 'check', '--lang', 'sv', ...api, 'kolada-rank'], dir);
        // 2024: 10 members cost less than 2000 (member 11 ties and does not count as ahead): 11th of 31, 35,5 % → 36.
        // 2025: 3 of the 28 members with a figure cost less than 1450: 4th of 29, 13,8 % → 14.
        // 2026: Norsjö has no figure: no data, written only because the plan has nothing for 2026.
        expect(check.stdout).toBe(
            'kolada-rank/ifo.vplan:13:20: kostnad: utfall 2024: 50 % bästa → utfall 2024: 36 % bästa\n' +
            'kolada-rank/ifo.vplan:14:7: kostnad: lägg till: utfall 2025: 14 % bästa\n' +
            'kolada-rank/ifo.vplan:14:7: kostnad: lägg till: utfall 2026: iu\n');
        expect(check.code).toBe(1);
        expect(check.stderr.split('\n')).toEqual([
            'vplan: kolada-rank/ifo.vplan: indikatorn utanRiktning: rangen bland Jämförbara kommuner kräver att man vet vilket värde som är bäst (skriv riktning högre eller lägre); hoppas över',
            'vplan: kolada-rank/ifo.vplan: indikatorn utanGrupp har rangband, men jämförelsegruppen Grupp utan Kolada-id anger ingen grupp i Kolada (skriv kolada "G…" i gruppen); hoppas över',
            'vplan: kolada-rank/ifo.vplan: Kolada har ingen kommungrupp G999999 (jämförelsegruppen Okänd grupp); indikatorn okandGrupp hoppas över',
            '1 utfall att ändra, 2 att lägga till (Källa: Kolada)',
            ''
        ]);
        // One request per group (the unknown one a 404); the 31 municipalities in lists of at most 25.
        const asked = [...standIn.requests].sort();
        expect(asked).toEqual([
            '/v3/data/kpi/N15006/municipality/' + Array.from({ length: 25 }, (_, i) => 2501 + i).join(',') + '/year/2024,2025,2026',
            '/v3/data/kpi/N15006/municipality/2526,2527,2528,2529,2530,2417/year/2024,2025,2026',
            '/v3/municipality_groups/G100001',
            '/v3/municipality_groups/G999999'
        ]);

        const pull = await run(['kolada', 'pull', ...api, 'kolada-rank/ifo.vplan'], dir);
        expect(pull.code).toBe(1);
        expect(readFileSync(file, 'utf8')).toBe(RANK_PLAN);
        expect(pull.stdout).toContain('+      utfall 2024: 36 % bästa   // inaktuellt\n+      utfall 2025: 14 % bästa\n+      utfall 2026: iu\n');

        const write = await run(['kolada', 'pull', '--write', ...api, 'kolada-rank/ifo.vplan'], dir);
        expect(write.code).toBe(0);
        expect(readFileSync(file, 'utf8')).toBe(RANK_PLAN.replace(
            '      utfall 2024: 50 % bästa   // inaktuellt\n',
            '      utfall 2024: 36 % bästa   // inaktuellt\n      utfall 2025: 14 % bästa\n      utfall 2026: iu\n'));

        const again = await run(['kolada', 'check', ...api, 'kolada-rank'], dir);
        expect(again.stdout).toBe('');
        expect(again.code).toBe(0);
        // The written ranks are read by the rank bands: from 36 % to 14 % is better (a rank is better when lower).
        const status = await run(['status', '--format', 'json', 'kolada-rank'], dir);
        const kostnad = JSON.parse(status.stdout).plans[0].indicators.find((i: { name: string }) => i.name === 'kostnad');
        expect(kostnad.trend).toBe('improving');
        const validate = await run(['validate', 'kolada-rank'], dir);
        expect(validate.code).toBe(0);
        expect(validate.stdout).toMatch(/rank-direction-missing/); // utanRiktning: a warning, no error
    });

    test('English plans get "% best"; a group listing the municipality itself counts it once', async () => {
        const data = rankData();
        data.municipality_groups![0].members.push({ id: '2417', title: 'Norsjö' });
        standIn = await startStandIn(data);
        const dir = tempCopy('kolada-rank');
        writeFileSync(path.join(dir, 'kolada-rank/ifo.vplan'), [
            'plan ifo "IFO" {', '  organization norsjo', '  year 2026',
            '  indicator cost "Cost of income support" {', '    source kolada kpi "N15006"', '    direction lower',
            '    green 25 % best', '    yellow 26–50 % best', '    compared with jamforbara', '    responsible chef', '  }', '}', ''
        ].join('\n'));
        const r = await run(['kolada', 'check', '--year', '2024', '--api-url', standIn.url, 'kolada-rank'], dir);
        // 11th of 31 as before (counted twice it would be 11th of 32: 35 %).
        expect(r.stdout).toBe('kolada-rank/ifo.vplan:10:5: cost: add: outcome 2024: 36 % best\n');
        expect(r.code).toBe(1);
        expect(standIn.requests.join(' ').match(/2417/g)).toHaveLength(1);
    });

    test('an unreachable group endpoint (500) is one line and exit 2, nothing written', async () => {
        standIn = await startStandIn(rankData(), { faults: [{ match: '/municipality_groups/', fault: 500 }] });
        const dir = tempCopy('kolada-rank');
        const r = await run(['kolada', 'pull', '--write', '--api-url', standIn.url, 'kolada-rank'], dir);
        expect(r.code).toBe(2);
        expect(r.stderr).toMatch(/^vplan: http:\/\/127\.0\.0\.1:\d+\/v3\/municipality_groups\/G\d+: HTTP 500 Internal Server Error\n$/);
        expect(readFileSync(path.join(dir, 'kolada-rank/ifo.vplan'), 'utf8')).toBe(RANK_PLAN);
    });
});
