// The keystroke fuzzer, shared by the CI suite (fixed seed, a few hundred inputs) and the long run
// (`npm run fuzz`): mutated examples and token soup go through the whole editor pipeline.
import fc from 'fast-check';
import { createHarness, EXAMPLE_FILES, readExample, RobustnessFailure, type CheckResult, type Harness } from './harness.js';
import { cursorFractions, mutatedExample, offsetsIn, tokenSoup } from './mutations.js';

/** The time one keystroke (and any single request) may take, per started 10 KB of text. */
export const BUDGET_MS_PER_10KB = 1000;

export interface FuzzReport {
    inputs: number;
    ms: number;
    /** The slowest input relative to its budget. */
    worst: { ms: number; bytes: number; step: string; stepMs: number };
    largest: number;
    failure?: { seed: number; path?: string; error: string; input: string };
}

export function budgetFor(text: string): number {
    return BUDGET_MS_PER_10KB * Math.max(1, Math.ceil(Buffer.byteLength(text, 'utf8') / 10240));
}

/** An input whose pipeline took longer than its budget: a hang in the making. */
export class TooSlow extends Error {
    constructor(readonly result: CheckResult, readonly bytes: number, readonly budget: number) {
        super(`took ${result.ms.toFixed(0)} ms on ${bytes} bytes (budget ${budget} ms; slowest step: ${result.slowest.step} ${result.slowest.ms.toFixed(0)} ms)`);
    }
}

export async function fuzz(options: { seed: number; runs: number; harness?: Harness; onProgress?: (n: number) => void }): Promise<FuzzReport> {
    const harness = options.harness ?? await createHarness();
    const examples = EXAMPLE_FILES.map(readExample);
    const report: FuzzReport = { inputs: 0, ms: 0, worst: { ms: 0, bytes: 0, step: '', stepMs: 0 }, largest: 0 };
    let worstRatio = 0;
    const input = fc.tuple(fc.oneof({ weight: 4, arbitrary: mutatedExample(examples) }, tokenSoup), cursorFractions);
    const start = performance.now();
    const result = await fc.check(
        fc.asyncProperty(input, async ([text, fractions]) => {
            report.inputs++;
            options.onProgress?.(report.inputs);
            const r = await harness.check(text, offsetsIn(text, fractions));
            const bytes = Buffer.byteLength(text, 'utf8');
            report.largest = Math.max(report.largest, bytes);
            const budget = budgetFor(text);
            if (r.ms / budget > worstRatio) {
                worstRatio = r.ms / budget;
                report.worst = { ms: r.ms, bytes, step: r.slowest.step, stepMs: r.slowest.ms };
            }
            if (r.ms > budget || r.slowest.ms > budget) {
                // Measure once more: a single slow run may be another process taking the core.
                const again = await harness.check(text, offsetsIn(text, fractions));
                if (again.ms > budget || again.slowest.ms > budget) throw new TooSlow(again, bytes, budget);
            }
        }),
        { seed: options.seed, numRuns: options.runs }
    );
    report.ms = performance.now() - start;
    if (result.failed) {
        const err = result.errorInstance;
        const [text] = (result.counterexample ?? [''])[0] as unknown as [string, number[]];
        report.failure = {
            seed: result.seed,
            path: result.counterexamplePath ?? undefined,
            error: err instanceof Error ? err.message : String(err),
            input: err instanceof RobustnessFailure ? err.input : text
        };
    }
    return report;
}
