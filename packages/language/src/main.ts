// The language server's entry point: bundled by esbuild.mjs into out/server.cjs and started by the
// extension over IPC.
import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createVplanServices } from './vplan-module.js';
import { registerStatusRequest } from './lsp/status-request.js';
import { protocolGuardOptions, registerProtocolGuard } from './lsp/protocol-guard.js';
import { answerUnknownDocumentsEmpty } from './lsp/unknown-documents.js';
// The preview's renderer lives in @vplan/preview (which depends on this package); only this entry
// point, an application bundle, reaches for it, so the library itself has no cycle.
import { registerPreviewRequest } from '@vplan/preview/server';

// Malformed messages are stopped before any handler sees them (lsp/protocol-guard.ts).
const connection = createConnection(ProposedFeatures.all, protocolGuardOptions(line => connection.console.warn(line)));
registerProtocolGuard(connection);
const { shared, Vplan } = createVplanServices({ connection, ...NodeFileSystem });
// The status bar's and the status summary's figures (vplan/statusCounts).
registerStatusRequest(shared, Vplan);
// The live preview renders documents the server has already built (vplan/renderPreview).
registerPreviewRequest(shared, document => Vplan.i18n.Locale.langOf(document));
startLanguageServer(shared);
// References, highlights and rename on a document the server does not know answer empty.
answerUnknownDocumentsEmpty(shared);
