// The language server's entry point: bundled by esbuild.mjs into out/server.cjs and started by the
// extension over IPC. It lives with the extension (as in Langium's own template), the application
// that wires the language package and the preview together, so the language package never imports
// a package above it.
import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import {
    answerUnknownDocumentsEmpty, createVplanServices, protocolGuardOptions, registerProtocolGuard, registerStatusRequest
} from '@vplan/language/server';
import { registerExportRequest, registerPreviewRequest } from '@vplan/preview/server';
// Kolada (@vplan/data): the fetch request, and the KPI metadata cache that validation and hover read.
import { followKpiCache, registerKoladaPullRequest } from '@vplan/data/server';

// Malformed messages are stopped before any handler sees them (lsp/protocol-guard.ts).
const connection = createConnection(ProposedFeatures.all, protocolGuardOptions(line => connection.console.warn(line)));
registerProtocolGuard(connection);
const { shared, Vplan } = createVplanServices({ connection, ...NodeFileSystem });
// The status bar's and the status summary's figures (vplan/statusCounts).
registerStatusRequest(shared, Vplan);
// The live preview renders documents the server has already built (vplan/renderPreview).
registerPreviewRequest(shared, document => Vplan.i18n.Locale.langOf(document));
// "Export Plan…": HTML, Word or PDF of a built plan, in its language (vplan/export).
registerExportRequest(shared, document => Vplan.i18n.Locale.langOf(document));
// "Fetch outcomes from Kolada" (vplan/koladaPull) and the KPI cache behind validation and hover.
registerKoladaPullRequest(shared, Vplan);
followKpiCache(shared, Vplan);
startLanguageServer(shared);
// References, highlights and rename on a document the server does not know answer empty.
answerUnknownDocumentsEmpty(shared);
