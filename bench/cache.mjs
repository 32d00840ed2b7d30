// `vplan validate --cache` against a run without cache, paired: on a loaded machine absolute
// figures drift, so the runs alternate and the ratios are read within one run.
//
//   npm run bench:cache [-- --runs N]     (after `npm run build`)
//
// On a copy of the benchmark's 1,000-plan workspace (bench/generate-plans.mjs): a full run without
// cache, a cached run with nothing changed, one with one plan changed (an outcome value), and one
// with the shared file changed (every plan references it, so every plan is checked again). Each
// cached run's output is compared with a run without cache on the same files.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_DIR, generate } from './generate-plans.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(ROOT, 'out/vplan.cjs');
const NODE = existsSync(path.join(ROOT, 'node_modules/.bin/node')) ? path.join(ROOT, 'node_modules/.bin/node') : process.execPath;
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 3;
if (!existsSync(CLI)) {
    console.error(`bench: ${CLI} is missing; run \`npm run build\` first.`);
    process.exit(2);
}

const data = generate(DEFAULT_DIR);
const dir = mkdtempSync(path.join(os.tmpdir(), 'vplan-bench-cache-'));
cpSync(path.join(data, 'workspace'), path.join(dir, 'workspace'), { recursive: true });
const plan = path.join(dir, 'workspace/plans', readdirSync(path.join(dir, 'workspace/plans')).sort()[17]);
const shared = path.join(dir, 'workspace/kommun.vplan');

function run(extra) {
    const start = process.hrtime.bigint();
    const r = spawnSync(NODE, [CLI, 'validate', 'workspace', '--format', 'json', ...extra], { cwd: dir, encoding: 'utf8', maxBuffer: 256 << 20, env: { ...process.env, VPLAN_TIMING: '1' } });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (r.status !== 0 && r.status !== 1) throw new Error(`vplan exited ${r.status}: ${r.stderr}`);
    return { ms, stdout: r.stdout, checked: /keys \((\d+) of/.exec(r.stderr)?.[1] };
}

/** Changes one outcome digit of a file, a different one each time. */
let turn = 0;
function touch(file) {
    const text = readFileSync(file, 'utf8');
    if (file === shared) {
        writeFileSync(file, `// ${turn++}\n${text}`);
        return;
    }
    const m = /(utfall \d{4}: )(\d)/.exec(text);
    writeFileSync(file, text.slice(0, m.index) + m[1] + String((Number(m[2]) + 1) % 10) + text.slice(m.index + m[0].length));
}

const median = xs => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const series = { full: [], unchanged: [], onePlan: [], sharedFile: [] };
const checked = {};
let mismatches = 0;
console.log(`vplan validate --cache — Node ${spawnSync(NODE, ['--version'], { encoding: 'utf8' }).stdout.trim()}, ${os.availableParallelism?.() ?? os.cpus().length} cores, load average before ${os.loadavg().map(l => l.toFixed(1)).join(' ')}`);
run(['--cache']); // writes the cache
// Each cached run is compared with a run without cache on the same files; those runs are the "full" series.
const compare = cached => {
    const full = run([]);
    series.full.push(full.ms);
    if (cached.stdout !== full.stdout) mismatches++;
};
for (let i = 0; i < RUNS; i++) {
    touch(plan);
    const onePlan = run(['--cache']);
    series.onePlan.push(onePlan.ms);
    checked.onePlan = onePlan.checked;
    compare(onePlan);
    const unchanged = run(['--cache']);
    series.unchanged.push(unchanged.ms);
    checked.unchanged = unchanged.checked;
    touch(shared);
    const sharedFile = run(['--cache']);
    series.sharedFile.push(sharedFile.ms);
    checked.sharedFile = sharedFile.checked;
    compare(sharedFile);
    if (unchanged.stdout !== onePlan.stdout) mismatches++;
}
const full = median(series.full);
console.log(`\n| run (1,000 plans + shared file) | files checked | median | × full run |\n|---|---|---|---|`);
for (const [label, key, n] of [['no cache', 'full', 1001], ['--cache, nothing changed', 'unchanged', checked.unchanged], ['--cache, one plan changed', 'onePlan', checked.onePlan], ['--cache, shared file changed', 'sharedFile', checked.sharedFile]]) {
    const m = median(series[key]);
    console.log(`| ${label} | ${n} | ${(m / 1000).toFixed(2)} s | ${(m / full).toFixed(2)} |`);
}
console.log(`\n${RUNS} rounds; load average after ${os.loadavg().map(l => l.toFixed(1)).join(' ')}; output equal to a run without cache: ${mismatches === 0 ? 'every time' : `NOT in ${mismatches} runs`}`);
rmSync(dir, { recursive: true, force: true });
if (mismatches > 0) process.exit(1);
