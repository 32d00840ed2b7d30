// The editor services of the language server: everything an LSP client gets beyond diagnostics.
import type { Module } from 'langium';
import type { LangiumSharedServices, PartialLangiumServices, PartialLangiumSharedServices } from 'langium/lsp';
import type { VplanServices } from '../vplan-module.js';
import { VplanCodeActionProvider } from './code-actions.js';
import { VplanCompletionProvider } from './completion-provider.js';
import { VplanDocumentBuilder } from './document-builder.js';
import { VplanDocumentFactory } from './document-factory.js';
import { VplanDocumentUpdateHandler } from './document-update-handler.js';
import { VplanDocumentSymbolProvider } from './document-symbols.js';
import { VplanFoldingRangeProvider } from './folding.js';
import { VplanFormatter } from './formatter.js';
import { VplanHoverProvider } from './hover-provider.js';
import { VplanIndexManager } from './index-manager.js';
import { VplanWorkspaceManager } from './workspace-manager.js';
import { VplanInlayHintProvider } from './inlay-hints.js';
import { VplanNodeKindProvider } from './node-kinds.js';
import { VplanRenameProvider } from './rename.js';
import { VplanSemanticTokenProvider } from './semantic-tokens.js';

export { followClientLocale } from './client-locale.js';
export { VplanIndexManager, VplanReferenceDescriptionProvider } from './index-manager.js';
export { VplanDocumentFactory } from './document-factory.js';

/** Language-level editor services (registered in `VplanLspModule`). */
export const VplanEditorServices = {
    CompletionProvider: (services: VplanServices) => new VplanCompletionProvider(services),
    HoverProvider: (services: VplanServices) => new VplanHoverProvider(services),
    InlayHintProvider: (services: VplanServices) => new VplanInlayHintProvider(services),
    Formatter: () => new VplanFormatter(),
    DocumentSymbolProvider: (services: VplanServices) => new VplanDocumentSymbolProvider(services),
    FoldingRangeProvider: (services: VplanServices) => new VplanFoldingRangeProvider(services),
    SemanticTokenProvider: (services: VplanServices) => new VplanSemanticTokenProvider(services),
    RenameProvider: (services: VplanServices) => new VplanRenameProvider(services),
    CodeActionProvider: (services: VplanServices) => new VplanCodeActionProvider(services)
} satisfies Module<VplanServices, PartialLangiumServices>['lsp'];

/** Workspace-level services shared by all languages of the server. */
export const VplanSharedLspModule: Module<LangiumSharedServices, PartialLangiumSharedServices> = {
    lsp: {
        NodeKindProvider: () => new VplanNodeKindProvider(),
        // Watch events outside the workspace folders are ignored.
        DocumentUpdateHandler: services => new VplanDocumentUpdateHandler(services)
    },
    workspace: {
        DocumentBuilder: services => new VplanDocumentBuilder(services),
        // An edit inside one block re-parses only that block.
        LangiumDocumentFactory: services => new VplanDocumentFactory(services),
        // References are indexed when asked for, not on every keystroke.
        IndexManager: services => new VplanIndexManager(services),
        // Leaves out what a folder's .vplanignore lists.
        WorkspaceManager: services => new VplanWorkspaceManager(services)
    }
};
