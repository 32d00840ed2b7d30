// How a worker thread of a parallel `vplan validate` knows it is one (parallel-load.ts starts it with
// this argument; main.ts looks for it). An argument, not `workerData`, so that a start that is not a
// part never loads `node:worker_threads` (a few milliseconds of every cold start).
export const PART_THREAD_ARG = '--vplan-part-thread';
