// Data into plans. Above @vplan/language (which never needs the network), below the CLI and the
// extension: the Kolada v3 client, what a plan asks of Kolada, and the planner of outcome edits.
export * from './kolada/client.js';
export * from './kolada/errors.js';
export * from './kolada/targets.js';
export * from './kolada/kpi-cache.js';
export * from './kolada/pull.js';
export * from './outcomes/planner.js';
export * from './outcomes/text-edits.js';
