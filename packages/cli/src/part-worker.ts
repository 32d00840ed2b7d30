// A worker thread of a parallel `vplan validate`: the CLI's own bundle started again with
// `workerData.vplanPart` (see main.ts), serving one PartCheck over messages from the main thread.
import { parentPort, workerData } from 'node:worker_threads';
import { PartCheck, type PartBatch, type PartFile, type PartSettings } from './part-check.js';

/** From the main thread: parse these files, then check them with these others. */
export type PartRequest = { kind: 'parse'; files: PartFile[] } | { kind: 'check'; extras: PartFile[]; batches: PartBatch[] };

/** Marks the bundle's start as a worker's (main.ts reads it). */
export interface PartWorkerData {
    vplanPart: PartSettings;
}

export function servePart(): void {
    const port = parentPort!;
    const part = new PartCheck((workerData as PartWorkerData).vplanPart);
    port.on('message', (request: PartRequest) => {
        const answer = request.kind === 'parse' ? part.parse(request.files) : part.check(request.extras, request.batches);
        // A failure goes back as its message: the main thread reports it in one line, as any other.
        answer.then(result => port.postMessage({ ok: result }), (err: unknown) => port.postMessage({ error: err instanceof Error ? err.message : String(err) }));
    });
}
