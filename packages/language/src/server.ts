// What a language-server application needs from this package (the entry point itself is
// packages/extension/src/server.ts): the services and the handlers it registers on the connection.
export { createVplanServices } from './vplan-module.js';
export { registerStatusRequest } from './lsp/status-request.js';
export { protocolGuardOptions, registerProtocolGuard } from './lsp/protocol-guard.js';
export { answerUnknownDocumentsEmpty } from './lsp/unknown-documents.js';
