// The language server's entry point: bundled by esbuild.mjs into out/server.cjs and started by the
// extension over IPC.
import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createVplanServices } from './vplan-module.js';

const connection = createConnection(ProposedFeatures.all);
const { shared } = createVplanServices({ connection, ...NodeFileSystem });
startLanguageServer(shared);
