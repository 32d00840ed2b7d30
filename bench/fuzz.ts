// The long keystroke fuzzing run (see bench/fuzz.mjs): the CI suite's fuzzer with many more inputs
// and a fresh seed. A failing input is saved to test/robustness/corpus/, where the suite replays it.
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fuzz } from '../test/robustness/fuzz-core.js';
import { REPO } from '../test/robustness/harness.js';

function option(name: string): string | undefined {
    const i = process.argv.indexOf(`--${name}`);
    return i >= 0 ? process.argv[i + 1] : undefined;
}

const runs = Number(option('runs') ?? 3000);
const seed = Number(option('seed') ?? (Date.now() % 2_147_483_647));
console.log(`vplan fuzz: ${runs} inputs, seed ${seed} (replay: npm run fuzz -- --seed ${seed} --runs ${runs})`);
const started = Date.now();
const report = await fuzz({
    seed, runs,
    onProgress: n => {
        if (n % 250 === 0) console.log(`  ${n} inputs, ${((Date.now() - started) / 1000).toFixed(0)} s`);
    }
});
const heapMb = (process.memoryUsage().heapUsed / 1048576).toFixed(0);
console.log(`inputs tried: ${report.inputs}; time: ${(report.ms / 1000).toFixed(1)} s (${(report.ms / report.inputs).toFixed(0)} ms per input); ` +
    `largest input: ${report.largest} bytes; slowest keystroke relative to its budget: ${report.worst.ms.toFixed(0)} ms on ${report.worst.bytes} bytes ` +
    `(slowest step ${report.worst.step}, ${report.worst.stepMs.toFixed(0)} ms); heap at the end: ${heapMb} MB`);
if (report.failure) {
    const name = `fuzz-${report.failure.seed}-${createHash('sha256').update(report.failure.input).digest('hex').slice(0, 8)}.vplan`;
    const file = path.join(REPO, 'test/robustness/corpus', name);
    writeFileSync(file, report.failure.input);
    console.error(`FAILED: ${report.failure.error.split('\n').slice(0, 8).join('\n')}`);
    console.error(`the input is saved as ${path.relative(REPO, file)}; the test suite now replays it.`);
    process.exitCode = 1;
} else {
    console.log('no failures');
}
