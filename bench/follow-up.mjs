// The plan's year: what a follow-up costs. A generated plan of N indicators (10 units) with a T1 and
// a T2 follow-up that give every indicator an outcome, an analysis and actions, and every activity a
// progress; timed as whole processes (median of runs), with the plan alone for comparison. Prints a
// Markdown table: record it in docs/performance.md with the machine and its load.
//
//   node bench/follow-up.mjs [--indicators 400] [--runs 5]      (after npm run build)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(ROOT, 'out/vplan.cjs');
const NODE = existsSync(path.join(ROOT, 'node_modules/.bin/node')) ? path.join(ROOT, 'node_modules/.bin/node') : process.execPath;
const arg = (name, fallback) => { const i = process.argv.indexOf(name); return i > 0 ? Number(process.argv[i + 1]) : fallback; };
const N = arg('--indicators', 400);
const RUNS = arg('--runs', 5);
if (!existsSync(CLI)) { console.error(`bench: ${CLI} is missing; run \`npm run build\` first.`); process.exit(2); }

function plan() {
    let out = `mål m "Mål"\nroll r "R"\nplan p "P" {\n  år 2026\n  uppföljning T1, T2, helår\n`;
    for (let u = 0; u < 10; u++) {
        out += `  enhet u${u} "Enhet ${u}" {\n    mål g${u} "Delmål ${u}" { bidrar till m }\n`;
        for (let i = u; i < N; i += 10) {
            out += `    indikator i${i} "Indikator ${i}" {\n      bidrar till g${u}\n      grön 82 eller högre\n      gul 74–81\n      utfall 2025: ${60 + (i % 40)}\n      mäts tertialvis\n      ansvarig r\n      rapporterar r\n      aktivitet "Aktivitet ${i}" { senast 2026-0${1 + (i % 9)}-15 }\n    }\n`;
        }
        out += `  }\n`;
    }
    return out + `}\n`;
}

function followUp(period, shift) {
    let out = `uppföljning ${period} av p {\n  klar för rapport\n`;
    for (let i = 0; i < N; i++) {
        out += `  indikator i${i} {\n    utfall: ${60 + ((i + shift) % 40)}\n    analys """Analys av indikator ${i}."""\n    åtgärder "Åtgärd ${i}."\n  }\n`;
        out += `  aktivitet "Aktivitet ${i}" { status ${(i + shift) % 3 === 0 ? 'klar' : 'påbörjad'} kommentar "Kommentar." }\n`;
    }
    return out + `}\n`;
}

function time(args) {
    const runs = [];
    for (let r = 0; r < RUNS; r++) {
        const start = performance.now();
        const res = spawnSync(NODE, [CLI, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
        runs.push(performance.now() - start);
        if (res.status !== 0 && res.status !== 1) throw new Error(`${args.join(' ')}: exit ${res.status}: ${res.stderr}`);
    }
    runs.sort((a, b) => a - b);
    return runs[Math.floor(runs.length / 2)];
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'vplan-bench-fu-'));
const alone = mkdtempSync(path.join(os.tmpdir(), 'vplan-bench-plan-'));
try {
    writeFileSync(path.join(dir, 'plan.vplan'), plan());
    writeFileSync(path.join(alone, 'plan.vplan'), plan());
    writeFileSync(path.join(dir, 't1.vplan'), followUp('T1', 0));
    writeFileSync(path.join(dir, 't2.vplan'), followUp('T2', 7));
    const rows = [
        ['validate, the plan alone', time(['validate', alone, '--no-fail', '-q', '--as-of', '2026-06-01'])],
        ['validate, plan + T1 + T2', time(['validate', dir, '--no-fail', '-q', '--as-of', '2026-06-01'])],
        ['status (plan alone)', time(['status', alone, '--format', 'json'])],
        ['status --period T2 --format json', time(['status', dir, '--period', 'T2', '--format', 'json'])],
        ['render (the plan)', time(['render', path.join(dir, 'plan.vplan')])],
        ['render --period T2', time(['render', path.join(dir, 'plan.vplan'), '--period', 'T2'])]
    ];
    console.log(`${N} indicators and activities, 2 follow-ups; median of ${RUNS} runs; ${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(1)}\n`);
    console.log('| command | ms |\n|---|---:|');
    for (const [name, ms] of rows) console.log(`| ${name} | ${ms.toFixed(0)} |`);
} finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(alone, { recursive: true, force: true });
}
