// Linking must stay linear: one plan whose single section holds thousands of small units (a
// municipality's every unit listed under "3 Enheter"), at 1, 2 and 4 MB. Runs the built CLI's
// `validate` with VPLAN_TIMING=1 and prints each phase per MB: the per-MB figures must not grow
// with the size. Record the output in docs/performance.md with the machine and its load.
//
//   npm run build && node bench/many-units.mjs [--sizes 1,2,4] [--runs 2]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(ROOT, 'out/vplan.cjs');
const NODE = existsSync(path.join(ROOT, 'node_modules/.bin/node')) ? path.join(ROOT, 'node_modules/.bin/node') : process.execPath;
const arg = (name, fallback) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : fallback;
};
const SIZES = arg('sizes', '1,2,4').split(',').map(Number);
const RUNS = Number(arg('runs', '2'));

if (!existsSync(CLI)) {
    console.error(`bench: ${CLI} is missing; run \`npm run build\` first.`);
    process.exit(2);
}

const ROLES = ['rektor', 'enhetschef', 'verksamhetschef', 'samordnare'];

/** One section holding units of one goal and one indicator each, until the plan is `megabytes` large. */
export function manyUnitsPlan(megabytes) {
    const target = megabytes * 1024 * 1024;
    const head = [
        'organisation kommunen "Kommunen" {',
        '  förvaltning omsorg "Omsorg"',
        '}',
        ...ROLES.map(r => `roll ${r} "${r}"`),
        'källa kolada "Kolada"',
        '',
        'plan stor "Verksamhetsplan med många enheter" {',
        '  organisation kommunen',
        '  år 2026',
        '  avsnitt "3 Enheter" {'
    ];
    const parts = [head.join('\n')];
    let size = Buffer.byteLength(parts[0]);
    for (let u = 0; size < target; u++) {
        const unit = [
            `    enhet enhet${u} "Enhet ${u}" {`,
            `      mål "Fler nöjda brukare i enhet ${u}"`,
            `      indikator ind${u} "Nöjda brukare i enhet ${u} (%)" {`,
            '        källa kolada',
            '        skala 0..100',
            '        grön 82 eller högre',
            '        gul 74–81',
            `        utfall 2025: ${60 + (u % 40)}`,
            `        ansvarig ${ROLES[u % ROLES.length]}`,
            '      }',
            '    }'
        ].join('\n');
        parts.push(unit);
        size += Buffer.byteLength(unit) + 1;
    }
    parts.push('  }', '}', '');
    return parts.join('\n');
}

function validate(file) {
    const start = process.hrtime.bigint();
    const r = spawnSync(NODE, [CLI, 'validate', file, '--format', 'json'], {
        encoding: 'utf8', env: { ...process.env, VPLAN_TIMING: '1' }, maxBuffer: 512 * 1024 * 1024
    });
    const wall = Number(process.hrtime.bigint() - start) / 1e6;
    if (r.status === 2 || r.error) throw new Error(`validate failed: ${r.stderr || r.error}`);
    // The timing line: "… read 12 ms, parsed 345 ms, linked 67 ms, …" on stderr.
    const phases = {};
    for (const m of r.stderr.matchAll(/(read|parsed|indexed|scoped|linked|references|validated) (\d+) ms/g)) phases[m[1]] = Number(m[2]);
    return { wall, phases, findings: JSON.parse(r.stdout).reduce?.((n, f) => n + f.diagnostics.length, 0) };
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'vplan-many-units-'));
console.log(`many units in one section — ${os.cpus().length} cores, load ${os.loadavg().map(l => l.toFixed(1)).join(' ')}, ${RUNS} runs each (best shown)`);
console.log('');
console.log('| plan | units | wall | parse | link | checks | wall per MB | link per MB |');
console.log('|---|---|---|---|---|---|---|---|');
for (const mb of SIZES) {
    const text = manyUnitsPlan(mb);
    const file = path.join(dir, `many-${mb}mb.vplan`);
    writeFileSync(file, text);
    const units = (text.match(/^ {4}enhet /gm) ?? []).length;
    let best;
    for (let i = 0; i < RUNS; i++) {
        const r = validate(file);
        if (!best || r.wall < best.wall) best = r;
    }
    const p = best.phases;
    const real = Buffer.byteLength(text) / (1024 * 1024);
    const s = ms => `${(ms / 1000).toFixed(2)} s`;
    console.log(`| ${real.toFixed(1)} MB | ${units} | ${s(best.wall)} | ${s(p.parsed ?? 0)} | ${s(p.linked ?? 0)} | ${s(p.validated ?? 0)} | ${s(best.wall / real)} | ${s((p.linked ?? 0) / real)} |`);
}
