// CLI benchmarks: whole processes, as CI and users run them. Prints figures (Markdown tables), not a
// pass/fail: record them in docs/performance.md with the machine they ran on.
//
//   npm run bench:cli                 (after npm run build)
//   node bench/cli.mjs --quick        (fewer runs, no 10 MB plan)
//   node bench/cli.mjs --cold         (cold start only)
//   node bench/cli.mjs --jobs [--runs N]  (the workspace on one thread and on two, paired, only)
//
// Measures: cold start on a tiny plan next to bare `node -e 0`; full validation (parse, link, checks)
// of single plans of 10 KB, 100 KB, 1 MB and 10 MB and of a workspace of 1,000 plans that reference
// one shared municipality file; peak RSS; where the time goes (VPLAN_TIMING phases); and the floor:
// reading the same bytes and one regular-expression tokenizer pass over them.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync, mkdtempSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_DIR, generate } from './generate-plans.mjs';
import { buildSnapshot } from '../packages/cli/build/snapshot.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(ROOT, 'out/vplan.cjs');
const NODE = existsSync(path.join(ROOT, 'node_modules/.bin/node')) ? path.join(ROOT, 'node_modules/.bin/node') : process.execPath;
const quick = process.argv.includes('--quick');
const coldOnly = process.argv.includes('--cold');
const jobsOnly = process.argv.includes('--jobs');
const runsArg = process.argv.indexOf('--runs');
const jobsRuns = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 3;

if (!existsSync(CLI)) {
    console.error(`bench: ${CLI} is missing; run \`npm run build\` first.`);
    process.exit(2);
}

const data = generate(DEFAULT_DIR);
const probeDir = mkdtempSync(path.join(os.tmpdir(), 'vplan-bench-probe-'));
const probe = path.join(probeDir, 'probe.cjs');
// Loaded with --require into the measured process: its CPU time and peak RSS at exit.
writeFileSync(probe, `process.on('exit', () => {
  const u = process.resourceUsage();
  require('fs').writeFileSync(process.env.VPLAN_BENCH_PROBE_OUT, JSON.stringify({ user: u.userCPUTime / 1000, system: u.systemCPUTime / 1000, maxRssKb: u.maxRSS }));
});\n`);

function run(args, options = {}) {
    const start = process.hrtime.bigint();
    const result = spawnSync(args[0], args.slice(1), { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, ...options.env }, cwd: options.cwd ?? data });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (result.status !== 0 && result.status !== 1) {
        throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr}`);
    }
    return { ms, stdout: result.stdout, stderr: result.stderr };
}

const median = xs => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Median wall time of `runs` runs after `warmup` unmeasured ones, and one probed run for CPU and RSS. */
function measure(args, runs, warmup = 1, env = {}) {
    for (let i = 0; i < warmup; i++) run(args, { env });
    const times = [];
    for (let i = 0; i < runs; i++) times.push(run(args, { env }).ms);
    const out = path.join(probeDir, 'probe.json');
    const probed = run(args, { env: { ...env, NODE_OPTIONS: `--require ${probe}`, VPLAN_BENCH_PROBE_OUT: out, VPLAN_TIMING: '1' } });
    const usage = JSON.parse(readFileSync(out, 'utf8'));
    const timing = /vplan timing: (.*)/.exec(probed.stderr)?.[1];
    const phases = Object.fromEntries((timing ?? '').split(' · ').filter(Boolean).map(p => {
        const [name, value] = p.split(' ');
        return [name, Number(value)];
    }));
    return { median: median(times), min: Math.min(...times), max: Math.max(...times), runs, usage, phases };
}

// ---------------------------------------------------------------- the floor

const TOKEN = /\s+|\/\/[^\n\r]*|\/\*[\s\S]*?\*\/|"""[\s\S]*?"""|"(?:\\.|[^"\\\r\n])*"|\d{4}-\d{2}-\d{2}|\d{4}-(?:[TQH]\d|0[1-9]|1[0-2])(?!\d)|\d{1,3}(?:[ \u00A0]\d{3})+(?:[.,]\d+)?(?![\d.,]\d)|\d+(?:[.,]\d+)?|[A-Za-z_\u00C0-\u024F][A-Za-z0-9_\u00C0-\u024F]*|>=|<=|\.\.|[^\s]/y;

/** Reads the files and runs one tokenizer pass: what no parser of these bytes can beat. */
function floor(files, runs) {
    const times = [];
    let tokens = 0;
    let bytes = 0;
    for (let r = 0; r < runs; r++) {
        const start = process.hrtime.bigint();
        tokens = 0;
        bytes = 0;
        for (const file of files) {
            const buffer = readFileSync(file);
            bytes += buffer.length;
            const text = new TextDecoder('utf-8', { fatal: true }).decode(buffer);
            TOKEN.lastIndex = 0;
            while (TOKEN.lastIndex < text.length && TOKEN.exec(text)) tokens++;
        }
        times.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    return { ms: median(times), tokens, bytes };
}

// ---------------------------------------------------------------- runs

const fmtMs = ms => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
const fmtMb = kb => `${(kb / 1024).toFixed(0)} MB`;

const machine = {
    cores: os.availableParallelism?.() ?? os.cpus().length,
    cpu: os.cpus()[0]?.model ?? 'unknown',
    node: spawnSync(NODE, ['--version'], { encoding: 'utf8' }).stdout.trim(),
    memory: `${(os.totalmem() / 2 ** 30).toFixed(0)} GiB`,
    loadBefore: os.loadavg().map(x => x.toFixed(2)).join(' ')
};
console.log(`# vplan CLI benchmark\n`);
console.log(`Machine: ${machine.cores} cores, ${machine.cpu}, ${machine.memory}; Node ${machine.node}; load average before: ${machine.loadBefore}\n`);

/**
 * The 1,000-plan workspace with `--jobs 1` and `--jobs 2`, alternately (a burst of load hits both
 * alike), every run probed: wall, CPU of the process, peak RSS; the outputs must be equal.
 */
function jobsComparison() {
    const args = jobs => [NODE, CLI, 'validate', path.join(data, 'workspace'), '--format', 'json', '--jobs', String(jobs)];
    const out = path.join(probeDir, 'probe-jobs.json');
    const samples = { 1: [], 2: [] };
    const outputs = new Set();
    for (let i = 0; i < jobsRuns; i++) {
        for (const jobs of [1, 2]) {
            const loadBefore = os.loadavg()[0];
            const r = run(args(jobs), { env: { NODE_OPTIONS: `--require ${probe}`, VPLAN_BENCH_PROBE_OUT: out, VPLAN_TIMING: '1' } });
            const usage = JSON.parse(readFileSync(out, 'utf8'));
            outputs.add(r.stdout);
            const threads = /CPU per thread: ([^)]*)\)/.exec(r.stderr)?.[1];
            samples[jobs].push({ ms: r.ms, cpu: usage.user + usage.system, rss: usage.maxRssKb, load: loadBefore, threads });
        }
    }
    if (outputs.size !== 1) {
        console.error('bench: --jobs 1 and --jobs 2 printed different output');
        process.exit(1);
    }
    console.log(`\n## Workspace on one thread and on two (${jobsRuns} pairs, alternating; output equal every time)\n`);
    console.log('| --jobs | median wall | min–max | median CPU (user+sys) | CPU per thread (last run) | median peak RSS | load (1 min) at start |');
    console.log('|---|---|---|---|---|---|---|');
    for (const jobs of [1, 2]) {
        const xs = samples[jobs];
        console.log(`| ${jobs} | ${fmtMs(median(xs.map(x => x.ms)))} | ${fmtMs(Math.min(...xs.map(x => x.ms)))}–${fmtMs(Math.max(...xs.map(x => x.ms)))} | ${fmtMs(median(xs.map(x => x.cpu)))} | ${xs[xs.length - 1].threads ?? '–'} | ${fmtMb(median(xs.map(x => x.rss)))} | ${xs.map(x => x.load.toFixed(1)).join(', ')} |`);
    }
    const wall = median(samples[2].map(x => x.ms)) / median(samples[1].map(x => x.ms));
    console.log(`\n--jobs 2 ÷ --jobs 1, median wall: ${wall.toFixed(2)}`);
}

if (jobsOnly) {
    jobsComparison();
    console.log(`\nLoad average after: ${os.loadavg().map(x => x.toFixed(2)).join(' ')}`);
    process.exit(0);
}

const tiny = path.join(data, 'tiny.vplan');
const coldRuns = quick ? 9 : 21;
// The alternatives to what ships (the launcher running the bundle in its own process, compile
// cache on): a start-up snapshot of the bundle, loaded by a Node started with --snapshot-blob,
// either directly (one start: not possible for an npm `bin`, whose shebang cannot pass the flag)
// or through a launcher that execve()s that Node (two starts: how vplan started until 2026-12-03).
const blob = path.join(probeDir, 'vplan-cli.blob');
const snapshotError = buildSnapshot(NODE, path.join(ROOT, 'out/vplan-cli.cjs'), blob);
if (snapshotError) console.warn(`bench: no start-up snapshot, its rows are left out: ${snapshotError}`);
const execveLauncher = path.join(probeDir, 'execve-launcher.cjs');
writeFileSync(execveLauncher, `process.execve(process.execPath, [process.execPath, '--snapshot-blob', ${JSON.stringify(blob)}, '--', ...process.argv.slice(2)], process.env);\n`);
const variants = [
    ['`node -e 0`', [NODE, '-e', '0']],
    ['`vplan --version`', [NODE, CLI, '--version']],
    ['`vplan validate tiny.vplan` (one start, compile cache on: what ships)', [NODE, CLI, 'validate', tiny]],
    ['same, compile cache off', [NODE, CLI, 'validate', tiny], { NODE_DISABLE_COMPILE_CACHE: '1' }],
    ...(snapshotError ? [] : [
        ['alternative: `node --snapshot-blob` directly (one start)', [NODE, '--snapshot-blob', blob, '--', 'validate', tiny]],
        ['alternative: launcher `execve`s Node with the snapshot (two starts)', [NODE, execveLauncher, 'validate', tiny]]
    ])
];
// Round-robin, so that a burst of load on the shared machine hits every variant alike.
const coldTimes = variants.map(() => []);
for (let i = 0; i < coldRuns + 3; i++) {
    variants.forEach(([, args, env], k) => {
        const { ms } = run(args, { env });
        if (i >= 3) coldTimes[k].push(ms);
    });
}
const coldRows = variants.map(([label, args, env], k) => ({ label, m: { ...measure(args, 0, 0, env), median: median(coldTimes[k]), min: Math.min(...coldTimes[k]) } }));
const bare = coldRows[0].m;

console.log(`## Cold start (tiny plan; medians of ${coldRuns} round-robin runs after 3)\n`);
console.log('| command | median | min | × bare node | CPU (user+sys) | peak RSS |');
console.log('|---|---|---|---|---|---|');
for (const { label, m } of coldRows) {
    console.log(`| ${label} | ${fmtMs(m.median)} | ${fmtMs(m.min)} | ${(m.median / bare.median).toFixed(2)} | ${fmtMs(m.usage.user + m.usage.system)} | ${fmtMb(m.usage.maxRssKb)} |`);
}

if (coldOnly) {
    console.log(`\nLoad average after: ${os.loadavg().map(x => x.toFixed(2)).join(' ')}`);
    process.exit(0);
}

const sizes = quick ? ['10k', '100k', '1m'] : ['10k', '100k', '1m', '10m'];
const runsFor = { '10k': 9, '100k': 7, '1m': 5, '10m': 3 };
const rows = [];
for (const size of sizes) {
    const file = path.join(data, 'single', `plan-${size}.vplan`);
    const m = measure([NODE, CLI, 'validate', file, '--format', 'json'], quick ? 3 : runsFor[size], 1);
    rows.push({ label: `single plan ${size.toUpperCase()}`, bytes: statSync(file).size, m, floor: floor([file], 5) });
}
const wsFiles = [path.join(data, 'workspace/kommun.vplan'), ...readdirSync(path.join(data, 'workspace/plans')).sort().map(f => path.join(data, 'workspace/plans', f))];
// One thread, so that the phases below are the whole run's (the comparison with two follows).
const ws = measure([NODE, CLI, 'validate', path.join(data, 'workspace'), '--format', 'json', '--jobs', '1'], 3, 1);
rows.push({ label: `workspace ${wsFiles.length - 1} plans + shared file`, bytes: wsFiles.reduce((n, f) => n + statSync(f).size, 0), m: ws, floor: floor(wsFiles, 3) });

console.log('\n## Full validation (parse, link, all checks), whole process\n');
console.log('| input | size | median | min–max | MB/s | CPU (user+sys) | peak RSS | floor: read + regex tokenizer |');
console.log('|---|---|---|---|---|---|---|---|');
for (const { label, bytes, m, floor: f } of rows) {
    const mb = bytes / 1e6;
    console.log(`| ${label} | ${mb >= 1 ? mb.toFixed(1) + ' MB' : (bytes / 1000).toFixed(0) + ' KB'} | ${fmtMs(m.median)} | ${fmtMs(m.min)}–${fmtMs(m.max)} | ${(mb / (m.median / 1000)).toFixed(2)} | ${fmtMs(m.usage.user + m.usage.system)} | ${fmtMb(m.usage.maxRssKb)} | ${fmtMs(f.ms)} (${(mb / (f.ms / 1000)).toFixed(0)} MB/s, ${f.tokens.toLocaleString('en')} tokens) |`);
}

console.log('\n## Where the time goes (VPLAN_TIMING=1, one probed run; µs per KB in brackets)\n');
const names = ['start', 'read', 'parsed', 'indexed', 'scoped', 'linked', 'validated'];
console.log(`| input | ${names.join(' | ')} |`);
console.log(`|---|${names.map(() => '---').join('|')}|`);
for (const { label, bytes, m } of rows) {
    const kb = bytes / 1000;
    console.log(`| ${label} | ${names.map(n => (m.phases[n] === undefined ? '–' : n === 'start' ? `${m.phases[n]} ms` : `${m.phases[n]} ms (${((m.phases[n] * 1000) / kb).toFixed(0)})`)).join(' | ')} |`);
}
jobsComparison();
console.log(`\nLoad average after: ${os.loadavg().map(x => x.toFixed(2)).join(' ')} (the machine is shared: medians, and CPU time next to wall time).`);
