// Builds every bundle that ships: the language server, the VS Code client, the preview's webview
// script and the CLI. `node esbuild.mjs` builds for release (minified, no source maps);
// `--dev` keeps source maps and readable code; `--watch` rebuilds on change.
import * as esbuild from 'esbuild';

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

/** Each bundle, by name. Add an entry here when a package gains something that ships. */
export const bundles = [
    {
        ...node,
        entryPoints: { server: 'packages/language/src/main.ts' },
        outdir: 'out'
    },
    // The VS Code client: loaded by the extension host, which provides `vscode`.
    {
        ...node,
        entryPoints: { extension: 'packages/extension/src/extension.ts' },
        external: ['vscode'],
        outdir: 'out'
    },
    // The CLI: the launcher (bin/vplan.cjs, plain JS that checks the Node version) copied as it is
    // to out/vplan.cjs, and the bundle next to it in out/ and in the package's dist/ for its `bin`.
    { entryPoints: { vplan: 'packages/cli/bin/vplan.cjs' }, outdir: 'out', outExtension: { '.js': '.cjs' }, bundle: false, logLevel: 'warning' },
    ...['out', 'packages/cli/dist'].map(outdir => ({
        ...node,
        entryPoints: { 'vplan-cli': 'packages/cli/src/main.ts' },
        outdir
    }))
];

if (watch) {
    for (const options of bundles) {
        const context = await esbuild.context(options);
        await context.watch();
    }
    console.log('esbuild: watching…');
} else {
    await Promise.all(bundles.map(options => esbuild.build(options)));
}
