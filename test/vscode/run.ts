// `npm run test:vscode`: the extension-host suite in a VS Code that @vscode/test-electron downloads from
// Microsoft's update service. Machines that cannot reach it (these, with only the npm registry and
// Debian) get a clear message and a non-zero exit: the suite never reports a pass it did not run.
// Set VSCODE_EXECUTABLE to an installed VS Code to use it instead of downloading one.
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as esbuild from 'esbuild';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';

const root = resolve(import.meta.dirname, '..', '..');
const manifest = (await import(join(root, 'package.json'), { with: { type: 'json' } })).default as { engines: { vscode: string } };

function fail(message: string, code = 1): never {
    console.error(`\ntest:vscode did NOT run: ${message}\n`);
    process.exit(code);
}

for (const bundle of ['out/extension.cjs', 'out/server.cjs']) {
    if (!existsSync(join(root, bundle))) fail(`${bundle} is missing; run \`npm run build\` first.`);
}

// The suite runs inside VS Code's extension host: one CommonJS file, `vscode` provided by the host.
const suite = join(root, '.vscode-test', 'suite.cjs');
await esbuild.build({
    entryPoints: [join(root, 'test', 'vscode', 'suite.ts')], outfile: suite, bundle: true, platform: 'node', format: 'cjs',
    target: 'node20', external: ['vscode'], sourcemap: 'inline', logLevel: 'warning',
    mainFields: ['module', 'main'], conditions: ['import', 'module', 'default']
});

let vscodeExecutablePath = process.env.VSCODE_EXECUTABLE;
if (vscodeExecutablePath) {
    if (!existsSync(vscodeExecutablePath)) fail(`VSCODE_EXECUTABLE=${vscodeExecutablePath} does not exist.`);
} else {
    // The oldest VS Code the manifest supports is the one to prove it against.
    const version = manifest.engines.vscode.replace(/^[\^~>=]+/, '');
    try {
        vscodeExecutablePath = await downloadAndUnzipVSCode({ version, cachePath: join(root, '.vscode-test'), timeout: 20_000 });
    } catch (err) {
        fail(`VS Code ${version} could not be downloaded (${(err as Error).message}).\n`
            + 'This machine cannot reach Microsoft\'s update service. The same assertions run in a real VS Code\n'
            + 'through code-server with `npm run test:e2e`. To run this suite here, install VS Code and set\n'
            + 'VSCODE_EXECUTABLE to its executable.');
    }
}

const workspace = mkdtempSync(join(tmpdir(), 'vplan-vscode-test-'));
cpSync(join(root, 'examples'), workspace, { recursive: true });
try {
    await runTests({
        vscodeExecutablePath,
        extensionDevelopmentPath: root,
        extensionTestsPath: suite,
        launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes']
    });
} catch (err) {
    fail(`the suite failed or VS Code could not start (${(err as Error).message}).`);
} finally {
    rmSync(workspace, { recursive: true, force: true });
}
console.log('test:vscode: every check passed in VS Code.');
