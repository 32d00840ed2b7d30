// Builds the V8 start-up snapshot of the CLI's main bundle (run by esbuild.mjs after the bundles).
// A snapshot only fits the Node binary that built it, so it is built with the project's Node (the
// one npm scripts run) and named after its version and architecture; the launcher uses it only
// when the running Node matches, and starts in-process otherwise.
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import * as path from 'node:path';

/** The project's Node if installed (node_modules/.bin/node), else the one running the build. */
function projectNode(root) {
    const local = path.join(root, 'node_modules/.bin/node');
    return existsSync(local) ? local : process.execPath;
}

export function snapshotName(version, arch) {
    return `vplan-cli-${version}-${arch}.blob`;
}

/** Returns the blob's path, or undefined (with the reason on stderr) when none could be built. */
export function buildSnapshot(root, outdir) {
    const node = projectNode(root);
    const info = spawnSync(node, ['-p', 'process.version + " " + process.arch + " " + (typeof process.execve)'], { encoding: 'utf8' });
    const [version, arch, execve] = info.stdout.trim().split(' ');
    if (info.status !== 0 || Number(version.slice(1).split('.')[0]) < 22 || execve !== 'function') {
        console.warn(`esbuild.mjs: no start-up snapshot for the CLI (Node ${version ?? '?'} cannot start from one); it starts without`);
        return undefined;
    }
    const blob = path.join(outdir, snapshotName(version, arch));
    rmSync(blob, { force: true });
    const result = spawnSync(node, ['--snapshot-blob', blob, '--build-snapshot', path.join(outdir, 'vplan-cli.cjs')], { encoding: 'utf8' });
    if (result.status !== 0) {
        // The CLI still works without it (the launcher starts in-process); the CLI's tests fail
        // on the missing snapshot, so this does not go unnoticed.
        rmSync(blob, { force: true });
        console.warn(`esbuild.mjs: WARNING: the CLI's start-up snapshot could not be built; vplan will start slower.\n${result.stderr}`);
        return undefined;
    }
    return blob;
}
