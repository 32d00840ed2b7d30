// Runs the BUILT CLI as a user would: a separate process on the project's Node, out/vplan.cjs.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const CLI = path.join(ROOT, 'out/vplan.cjs');
export const BUNDLE = path.join(ROOT, 'out/vplan-cli.cjs');
export const FIXTURES = path.join(ROOT, 'packages/cli/test/fixtures');
/** The project's Node (24); the machine's PATH may have an older one. */
export const NODE = existsSync(path.join(ROOT, 'node_modules/.bin/node')) ? path.join(ROOT, 'node_modules/.bin/node') : process.execPath;

const SOURCES = ['packages/cli/src', 'packages/cli/bin', 'packages/language/src', 'packages/data/src', 'packages/preview/src'];

function newestSource(): number {
    let newest = statSync(path.join(ROOT, 'esbuild.mjs')).mtimeMs;
    const walk = (dir: string) => {
        for (const entry of readdirSync(dir, { withFileTypes: true })) {
            const full = path.join(dir, entry.name);
            if (entry.isDirectory()) walk(full);
            else newest = Math.max(newest, statSync(full).mtimeMs);
        }
    };
    for (const dir of SOURCES) if (existsSync(path.join(ROOT, dir))) walk(path.join(ROOT, dir));
    return newest;
}

function isBuilt(): boolean {
    if (!existsSync(CLI) || !existsSync(BUNDLE)) return false;
    return Math.min(statSync(CLI).mtimeMs, statSync(BUNDLE).mtimeMs) >= newestSource();
}

/**
 * Builds the bundles when out/vplan.cjs is missing or older than its sources (test files run in
 * parallel: one builds, the others wait), or fails saying how to build by hand.
 */
export function ensureBuilt(): void {
    if (isBuilt()) return;
    const lock = path.join(ROOT, 'out/.cli-test-build.lock');
    mkdirSync(path.dirname(lock), { recursive: true });
    const deadline = Date.now() + 180_000;
    for (;;) {
        try {
            mkdirSync(lock);
            break;
        } catch {
            if (isBuilt()) return;
            // A lock left by a killed run.
            try { if (Date.now() - statSync(lock).mtimeMs > 300_000) rmSync(lock, { recursive: true, force: true }); } catch { /* gone */ }
            if (Date.now() > deadline) throw new Error('timed out waiting for another test file to build the CLI');
            spawnSync(NODE, ['-e', 'setTimeout(() => {}, 250)']);
        }
    }
    try {
        if (isBuilt()) return;
        const needsGenerate = !existsSync(path.join(ROOT, 'packages/language/src/generated/ast.ts'));
        const steps: string[][] = needsGenerate ? [['node_modules/langium-cli/bin/langium.js', 'generate', '--mode', 'production']] : [];
        steps.push(['esbuild.mjs']);
        for (const step of steps) {
            const result = spawnSync(NODE, step, { cwd: ROOT, encoding: 'utf8' });
            if (result.status !== 0) {
                throw new Error(
                    `The CLI is not built (out/vplan.cjs) and building it failed: \`node ${step.join(' ')}\` exited ${result.status}.\n` +
                    `Run \`npm run build\` in ${ROOT} and look at its errors.\n${result.stderr}`
                );
            }
        }
        if (!existsSync(CLI)) throw new Error(`The build finished but ${CLI} is missing: check the CLI entry in esbuild.mjs.`);
    } finally {
        rmSync(lock, { recursive: true, force: true });
    }
}

export interface RunResult {
    code: number | null;
    stdout: string;
    stderr: string;
}

/** Runs `vplan <args>` in `cwd` with a clean, English, colourless, non-TTY environment unless told otherwise. */
export function vplan(args: string[], options: { cwd?: string; env?: Record<string, string | undefined>; node?: string } = {}): RunResult {
    const env: Record<string, string | undefined> = { ...process.env, LANG: 'C', LC_ALL: undefined, LC_MESSAGES: undefined };
    for (const key of ['NO_COLOR', 'FORCE_COLOR', 'VPLAN_DEBUG', 'GITHUB_ACTIONS']) delete env[key];
    Object.assign(env, options.env);
    for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
    const result = spawnSync(options.node ?? NODE, [CLI, ...args], {
        cwd: options.cwd ?? FIXTURES,
        env: env as NodeJS.ProcessEnv,
        encoding: 'utf8',
        timeout: 60_000,
        maxBuffer: 64 * 1024 * 1024
    });
    if (result.error) throw result.error;
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A private copy of some fixtures, for the commands that write. */
export function tempCopy(...relative: string[]): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'vplan-cli-test-'));
    for (const rel of relative) cpSync(path.join(FIXTURES, rel), path.join(dir, path.basename(rel)), { recursive: true });
    return dir;
}
