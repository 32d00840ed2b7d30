// Builds every bundle that ships: the language server, the VS Code client, the preview's webview
// script and the CLI. `node esbuild.mjs` builds for release (minified, no source maps);
// `--dev` keeps source maps and readable code; `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { coreOnly as cliCoreOnly } from './packages/cli/build/core-bundle.mjs';

const dev = process.argv.includes('--dev') || process.argv.includes('--watch');
const watch = process.argv.includes('--watch');

/** @type {esbuild.BuildOptions} */
const common = {
    bundle: true,
    minify: !dev,
    sourcemap: dev,
    legalComments: 'none',
    logLevel: 'warning',
    // Langium's ESM sources and ours resolve through the workspaces' package.json "exports".
    mainFields: ['module', 'main'],
    conditions: ['import', 'module', 'default']
};

/** Node bundles run in VS Code's extension host (Node 22) or on the project's Node (>= 22). */
const node = { ...common, platform: 'node', target: 'node22', format: 'cjs', outExtension: { '.js': '.cjs' } };

/**
 * Writes what a bundled module's exported function returns to a file: the webview's stylesheet is
 * generated from the renderer's one stylesheet module (packages/preview/src/styles.ts).
 * @param {string} name @param {string} file @returns {esbuild.Plugin}
 */
function writeModuleExport(name, file) {
    return {
        name: 'write-module-export',
        setup(build) {
            build.onEnd(async result => {
                if (result.errors.length > 0 || !result.outputFiles?.length) return;
                const code = result.outputFiles.find(f => f.path.endsWith('.js'))?.text ?? '';
                const mod = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
                await mkdir(path.dirname(file), { recursive: true });
                await writeFile(file, mod[name]());
            });
        }
    };
}

/**
 * Every `vplan` start reads the CLI's main bundle. Node decodes an ASCII file several times faster
 * than one with a single other character (a two-byte string for V8, about 30 ms more per start on
 * the 0.6 MB bundle; docs/performance.md). esbuild escapes strings but not regular expressions or
 * String.raw templates: write such characters there as \u escapes.
 * @param {string} file
 */
async function checkAscii(file) {
    const text = await readFile(file, 'utf8');
    const at = text.search(/[^\x00-\x7f]/);
    if (at < 0) return;
    console.error(`esbuild.mjs: ${file} is not ASCII (write the character as a \\u escape in the source): …${text.slice(Math.max(0, at - 60), at + 20)}…`);
    process.exit(1);
}

/** Each bundle, by name. Add an entry here when a package gains something that ships. */
export const bundles = [
    {
        ...node,
        entryPoints: { server: 'packages/extension/src/server.ts' },
        outdir: 'out'
    },
    // The VS Code client: loaded by the extension host, which provides `vscode`.
    {
        ...node,
        entryPoints: { extension: 'packages/extension/src/extension.ts' },
        external: ['vscode'],
        outdir: 'out'
    },
    // The preview: the webview's script (browser, loaded with the page's nonce, always minified), its
    // stylesheet (out/preview.css), and the fallback renderer the extension loads only without a server.
    {
        ...common,
        minify: true,
        platform: 'browser',
        format: 'iife',
        target: 'es2022',
        entryPoints: { 'preview-webview': 'packages/preview/src/webview/main.ts' },
        outdir: 'out'
    },
    {
        ...common,
        platform: 'neutral',
        format: 'esm',
        write: false,
        entryPoints: { 'preview-css': 'packages/preview/src/styles.ts' },
        outdir: 'out',
        plugins: [writeModuleExport('webviewCss', 'out/preview.css')]
    },
    {
        ...node,
        entryPoints: { 'preview-local': 'packages/extension/src/preview/local-renderer.ts' },
        external: ['vscode'],
        outdir: 'out'
    },
    // The CLI: the launcher (bin/vplan.cjs, plain JS that checks the Node version) copied as it is
    // to out/vplan.cjs, and next to it in out/ and in the package's dist/ (for its `bin`) the main
    // bundle, without the editor services, and the bundle of `vplan fmt`, which needs them.
    { entryPoints: { vplan: 'packages/cli/bin/vplan.cjs' }, outdir: 'out', outExtension: { '.js': '.cjs' }, bundle: false, logLevel: 'warning' },
    ...['out', 'packages/cli/dist'].flatMap(outdir => [
        { ...node, entryPoints: { 'vplan-cli': 'packages/cli/src/main.ts' }, outdir, plugins: [cliCoreOnly] },
        { ...node, entryPoints: { 'vplan-fmt': 'packages/cli/src/commands/fmt.ts' }, outdir },
        // `render` and `outcomes` carry the renderer and the spreadsheet readers: each in its own bundle.
        { ...node, entryPoints: { 'vplan-render': 'packages/cli/src/commands/render.ts', 'vplan-outcomes': 'packages/cli/src/commands/outcomes.ts' }, outdir, plugins: [cliCoreOnly] }
    ])
];

if (watch) {
    for (const options of bundles) {
        const context = await esbuild.context(options);
        await context.watch();
    }
    console.log('esbuild: watching…');
} else {
    await Promise.all(bundles.map(options => esbuild.build(options)));
    await checkAscii('out/vplan-cli.cjs');
    // The npm package of the CLI (packages/cli) ships the project's licence beside its bundles.
    await copyFile('LICENSE', 'packages/cli/LICENSE');
}
