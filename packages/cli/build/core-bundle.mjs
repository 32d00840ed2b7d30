// The CLI's start-up diet (used by esbuild.mjs). `vplan validate`, `status` and `render` need
// Langium's core only, but the language module also wires the editor services, which pull in the
// whole language-server stack, and Langium's core takes three small helpers from the LSP protocol
// package, whose entry loads the entire protocol. In the CLI's main bundle:
//   - the editor services (langium/lsp and our lsp/ folder, as imported by vplan-module.ts) are
//     replaced by a stub that fails if it is ever called: only `fmt` needs them, and `fmt` runs from
//     its own bundle (vplan-fmt.cjs) built without this plugin;
//   - Langium core's imports of vscode-languageserver-protocol resolve to the three modules of
//     vscode-jsonrpc they actually use.
// Each saving is measured in docs/performance.md.
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const stub = path.join(here, 'shims/no-lsp.cjs');
const protocol = path.join(here, 'shims/protocol.mjs');
const require = createRequire(import.meta.url);
// The package's main is lib/node/main.js; the shared modules sit in lib/common.
const jsonrpcCommon = path.join(path.dirname(require.resolve('vscode-jsonrpc')), '..', 'common');

const isLanguageModule = importer => /[\\/]packages[\\/]language[\\/]src[\\/]vplan-module\.ts$/.test(importer);
const isLangiumCore = importer => /[\\/]node_modules[\\/]langium[\\/]lib[\\/]/.test(importer) && !/[\\/]lib[\\/](lsp|grammar|test)[\\/]/.test(importer);

/** @type {import('esbuild').Plugin} */
export const coreOnly = {
    name: 'vplan-cli-core-only',
    setup(build) {
        build.onResolve({ filter: /^langium\/lsp$|[\\/]lsp[\\/]index\.js$/ }, args => (isLanguageModule(args.importer) ? { path: stub } : undefined));
        build.onResolve({ filter: /^vscode-languageserver-protocol$/ }, args => (isLangiumCore(args.importer) ? { path: protocol } : undefined));
        build.onResolve({ filter: /^vscode-jsonrpc-common\// }, args => ({ path: path.join(jsonrpcCommon, args.path.slice('vscode-jsonrpc-common/'.length)) }));
    }
};
