// `npm run fuzz -- --parse [--runs N] [--steps N] [--seed S]`: the incremental re-parse against a full
// parse after every edit of long random edit sequences (the CI test's check, longer, fresh seed).
import { runEditSequences } from '../packages/language/test/lsp/incremental-equivalence.js';

function option(name: string): string | undefined {
    const i = process.argv.indexOf(`--${name}`);
    return i >= 0 ? process.argv[i + 1] : undefined;
}

const runs = Number(option('runs') ?? 40);
const steps = Number(option('steps') ?? 150);
const seed = Number(option('seed') ?? (Date.now() % 2_147_483_647));
console.log(`vplan incremental-parse fuzz: ${runs} sequences of ${steps} edits, seed ${seed} (replay: npm run fuzz -- --parse --seed ${seed} --runs ${runs} --steps ${steps})`);
const started = Date.now();
try {
    const report = await runEditSequences({
        seed, runs, steps,
        onRun: r => console.log(`  ${r.runs} sequences, ${r.edits} edits (${r.incremental} incremental, ${r.full} full), ${((Date.now() - started) / 1000).toFixed(0)} s`)
    });
    console.log(`equal after every edit: ${report.edits} edits, ${report.incremental} re-parsed one block, ${report.full} the whole document; ${((Date.now() - started) / 1000).toFixed(0)} s`);
} catch (error) {
    console.error(`FAILED (seed ${seed}): ${String((error as Error).message).split('\n').slice(0, 12).join('\n')}`);
    process.exitCode = 1;
}
