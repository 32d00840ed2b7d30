// Builds a V8 start-up snapshot of the CLI's main bundle. The launcher does not use one (a snapshot
// is only loaded by a Node started with --snapshot-blob, which an npm `bin` cannot pass, so it would
// cost a second Node start); bench/cli.mjs builds one to measure that alternative against the
// in-process start. The bundle's snapshot entry is in packages/cli/src/main.ts.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';

/**
 * Builds `blob` from `bundle` with the Node at `node` (a snapshot fits only the Node that built it).
 * Returns an error message, or undefined when the blob was built.
 */
export function buildSnapshot(node, bundle, blob) {
    rmSync(blob, { force: true });
    const result = spawnSync(node, ['--snapshot-blob', blob, '--build-snapshot', bundle], { encoding: 'utf8' });
    if (result.status === 0) return undefined;
    rmSync(blob, { force: true });
    return result.stderr || `exit ${result.status}`;
}
