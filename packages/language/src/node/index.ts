export * from './workspace.js';
export * from './fs-reasons.js';
export * from './write-file.js';
