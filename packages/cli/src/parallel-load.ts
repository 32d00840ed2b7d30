// `vplan validate` on both cores (issue #18): the run's files are split into parts in file order, one
// part checked in the main thread and each other in a worker thread running the CLI's own bundle.
//
// 1. Each part parses its files and returns their symbol facts (names declared and used, and the
//    pseudo-names of the checks that compare files by KPI or follow-up) — the facts `--cache` keys by.
// 2. From all facts the main thread computes, for each part, the files its files' findings depend on
//    (cache.ts's DependencyGraph: usually the shared municipality file; a file declaring the same id);
//    each part parses those too, builds everything in the run's file order and checks its own files.
// 3. The findings are put together in file order: the same, byte for byte, as a one-thread run.
//
// One case is not decided in a part: a name that does not resolve gets "did you mean" from every
// declared name of the workspace. When a part's file has one, the run is checked again in one thread.
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { AsOfDate, type SymbolFacts } from '@vplan/language';
import { buildPlans, collectPlanFiles, readPlanFiles, type InputProblem } from '@vplan/language/node';
import { DependencyGraph } from './cache.js';
import { fileReport, type FileReport } from './diagnostics.js';
import { expandInputs } from './inputs.js';
import { coreServices, loadPlans } from './load.js';
import { PartCheck, type PartBatch, type PartFile, type PartResult, type PartSettings } from './part-check.js';
import type { PartRequest, PartWorkerData } from './part-worker.js';
import { PART_THREAD_ARG } from './part-thread.js';

/** Below this many bytes of plans a run stays in one thread: a worker's start costs more than it saves. */
const DEFAULT_MIN_BYTES = 2 * 1024 * 1024;
/** More parts than this cost memory (each holds a parser and the shared files) for little gain. */
const MAX_DEFAULT_JOBS = 4;
/**
 * A part checks its files in batches of about this many bytes, each batch's linked state dropped
 * before the next. Smaller batches link more files twice (every batch links what its files reach:
 * in a workspace where plans share KPIs, dozens of plans each) and save little: the process's size
 * is V8's heap growing, not the documents kept (see docs/performance.md).
 */
const BATCH_BYTES = 8 * 1024 * 1024;

/** `--jobs N`, else `VPLAN_JOBS`, else the cores Node may use (at most 4); 1 is one thread. */
export function jobsFor(option: number | undefined, env: NodeJS.ProcessEnv): number {
    if (option === 0) return allCores();
    if (option !== undefined) return Math.max(1, option);
    const fromEnv = env.VPLAN_JOBS?.trim();
    if (fromEnv && /^\d+$/.test(fromEnv)) return Number(fromEnv) === 0 ? allCores() : Number(fromEnv);
    // One thread unless asked: on the measured workspaces two threads were slower and took more memory
    // (docs/performance.md, "vplan validate on both cores"): plans sharing KPIs are parsed in every part.
    return 1;
}

/** `--jobs 0`: the cores Node may use, at most MAX_DEFAULT_JOBS. */
export function allCores(): number {
    return Math.min(availableParallelism(), MAX_DEFAULT_JOBS);
}

export interface ParallelOptions {
    jobs: number;
    /** The files loaded only so that references resolve (a plan named alone: its folder's plans). */
    context: readonly string[];
    env: NodeJS.ProcessEnv;
}

/** The run's language, KPI metadata, `--as-of` (else today) and working folder. */
export type RunSettings = Omit<PartSettings, 'asOf'> & { asOf?: string };

/** Checks the inputs as `loadPlans` does, in parts on several threads when the run is large enough. */
export async function validateInParts(inputs: readonly string[], run: RunSettings, options: ParallelOptions): Promise<{ reports: FileReport[]; problems: InputProblem[] }> {
    const { cwd } = run;
    const minBytes = Number(options.env.VPLAN_JOBS_MIN_BYTES ?? DEFAULT_MIN_BYTES);
    // Context files are built apart from the inputs (see loadWorkspace); such runs are small anyway.
    if (options.jobs < 2 || options.context.length > 0) return oneThread(inputs, run, options.context);
    const expanded = await expandInputs(inputs);
    const { files: found, problems } = await collectPlanFiles(expanded.inputs);
    // One file cannot be split: the one-thread path, without reading it twice.
    if (found.length < 2) return oneThread(inputs, run, options.context);
    const { texts, failures } = await readPlanFiles(found);
    for (const failure of failures) if (failure) problems.push(failure);
    const files: PartFile[] = [];
    found.forEach((file, i) => { if (texts[i] !== undefined) files.push({ index: files.length, file, text: texts[i] }); });
    const allProblems = [...expanded.problems, ...problems];

    const bytes = files.reduce((n, f) => n + f.text.length, 0);
    const parts = splitByBytes(files, Math.min(options.jobs, files.length));
    // A small run: the one-thread path as it is (reading the files again costs a few milliseconds).
    if (parts.length < 2 || bytes < minBytes) return oneThread(inputs, run, options.context);

    // --as-of, else today as the run starts: every part judges deadlines at the same date.
    const asOf = new AsOfDate();
    asOf.date = run.asOf;
    const settings: PartSettings = { ...run, asOf: asOf.value };
    const main = new PartCheck(settings);
    const timing = options.env.VPLAN_TIMING ? new Timing() : undefined;
    const workers = parts.slice(1).map(() => new PartWorker(settings));
    try {
        // The workers start on their parts while the main thread parses its own.
        const factsOfParts = await Promise.all([
            main.parse(parts[0]),
            ...workers.map((w, k) => w.ask<SymbolFacts[]>({ kind: 'parse', files: parts[k + 1] }))
        ]);
        timing?.mark(`parsed in ${parts.length} parts`);
        const facts = factsOfParts.flat().map((f, index) => ({ ...f, file: files[index].file, hash: '', unresolved: false }));
        const graph = new DependencyGraph(facts);
        const plan = parts.map(part => planPart(part, graph, files));
        timing?.mark(`dependencies (${plan.map(p => p.linkedOnly).join('+')} files linked beside the checked ones)`);
        const results = await Promise.all([
            main.check(plan[0].extras, plan[0].batches),
            ...workers.map((w, k) => w.ask<PartResult>({ kind: 'check', extras: plan[k + 1].extras, batches: plan[k + 1].batches }))
        ]);
        timing?.mark(`checked (CPU per thread: ${results.map(r => `${(r.cpuMs / 1000).toFixed(1)} s`).join(', ')})`);
        // A part that saw only some of the workspace cannot tell "did you mean" for a name it lacks.
        const partial = results.some(r => r.unresolved);
        if (partial) {
            for (const w of workers) await w.stop();
            const services = coreServices(run);
            const documents = await buildPlans(services, files, { referenceIndex: false });
            timing?.mark('checked again in one thread (a name does not resolve)');
            return { reports: documents.map(d => fileReport(d, cwd)), problems: allProblems };
        }
        const reports = results.flatMap(r => r.reports).map((r, index) => ({ ...r, text: files[index].text }));
        return { reports, problems: allProblems };
    } finally {
        for (const w of workers) await w.stop();
        timing?.print();
    }
}

async function oneThread(inputs: readonly string[], run: RunSettings, context: readonly string[]): Promise<{ reports: FileReport[]; problems: InputProblem[] }> {
    const { documents, problems } = await loadPlans(inputs, run, { context: [...context] });
    return { reports: documents.map(d => fileReport(d, run.cwd)), problems };
}

/**
 * A part's batches: its files in runs of about BATCH_BYTES, each with the files their findings
 * depend on; and the files of other parts it must parse for that.
 */
function planPart(part: readonly PartFile[], graph: DependencyGraph, files: readonly PartFile[]): { batches: PartBatch[]; extras: PartFile[]; linkedOnly: number } {
    const own = new Set(part.map(f => f.index));
    const batches: PartBatch[] = [];
    const extras = new Set<number>();
    let linkedOnly = 0;
    for (const run of splitByBytes(part, Math.max(1, Math.round(part.reduce((n, f) => n + f.text.length, 0) / BATCH_BYTES)))) {
        const check = run.map(f => f.index);
        const load = [...graph.needed(check)].sort((a, b) => a - b);
        for (const i of load) if (!own.has(i)) extras.add(i);
        linkedOnly += load.length - check.length;
        batches.push({ check, load });
    }
    return { batches, extras: [...extras].sort((a, b) => a - b).map(i => files[i]), linkedOnly };
}

/** Contiguous parts of about equal size, in file order. */
function splitByBytes(files: readonly PartFile[], count: number): PartFile[][] {
    const total = files.reduce((n, f) => n + f.text.length, 0);
    const parts: PartFile[][] = [];
    let current: PartFile[] = [];
    let done = 0;
    for (const file of files) {
        current.push(file);
        done += file.text.length;
        if (parts.length < count - 1 && done >= (total * (parts.length + 1)) / count) {
            parts.push(current);
            current = [];
        }
    }
    if (current.length > 0) parts.push(current);
    return parts;
}

/** A worker thread running this bundle as a part (main.ts starts it as one). */
class PartWorker {
    private readonly worker: Worker;
    private pending?: { resolve: (value: unknown) => void; reject: (err: Error) => void };
    private stopped = false;

    constructor(settings: PartSettings) {
        const data: PartWorkerData = { vplanPart: settings };
        // Loaded here, not at the top: only a run that splits pays for the module.
        const { Worker } = require('node:worker_threads') as typeof import('node:worker_threads');
        this.worker = new Worker(__filename, { workerData: data, argv: [PART_THREAD_ARG], stdout: false, stderr: false });
        this.worker.on('message', (message: { ok?: unknown; error?: string }) => {
            const pending = this.pending;
            this.pending = undefined;
            if (message.error !== undefined) pending?.reject(new Error(message.error));
            else pending?.resolve(message.ok);
        });
        this.worker.on('error', err => { this.pending?.reject(err); this.pending = undefined; });
        this.worker.on('exit', code => {
            if (!this.stopped) this.pending?.reject(new Error(`worker thread stopped (exit code ${code})`));
            this.pending = undefined;
        });
    }

    ask<T>(request: PartRequest): Promise<T> {
        return new Promise<T>((resolve, reject) => {
            this.pending = { resolve: resolve as (value: unknown) => void, reject };
            this.worker.postMessage(request);
        });
    }

    async stop(): Promise<void> {
        if (this.stopped) return;
        this.stopped = true;
        await this.worker.terminate();
    }
}

class Timing {
    private readonly marks = [`start ${performance.now().toFixed(0)} ms`];
    private last = performance.now();
    mark(name: string): void {
        const now = performance.now();
        // The process's memory: the main thread's and every worker's heap.
        this.marks.push(`${name} ${(now - this.last).toFixed(0)} ms (${(process.memoryUsage.rss() / 1048576).toFixed(0)} MB)`);
        this.last = now;
    }
    print(): void {
        process.stderr.write(`vplan timing: ${this.marks.join(' · ')}\n`);
    }
}
