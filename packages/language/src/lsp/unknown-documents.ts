// References, highlights and rename on a document the server does not know (a `.vplan` URI with no
// file behind it, an `http:` URI, a file outside the workspace that is not open) answer empty.
// Langium's handlers would read the URI as a local file: the raw `ENOENT …` text came back as the
// answer, an `http:` URI was looked up on disk, and an existing file outside the workspace was
// silently added to it. Langium's own handlers are reused; only the check in front is ours.
import { URI } from 'langium';
import { addDocumentHighlightHandler, addFindReferencesHandler, addRenameHandler, type LangiumSharedServices } from 'langium/lsp';
import type { Connection } from 'vscode-languageserver';

type Handler = (params: { textDocument: { uri: string } }, ...rest: unknown[]) => unknown;

export function answerUnknownDocumentsEmpty(shared: LangiumSharedServices): void {
    const connection = shared.lsp.Connection;
    if (!connection) return;
    const isKnown = (uri: string): boolean =>
        shared.workspace.LangiumDocuments.hasDocument(URI.parse(uri)) || shared.workspace.TextDocuments.get(uri) !== undefined;
    const guarded = (empty: unknown, handler: Handler): Handler => async (params, ...rest) => {
        // The workspace's own plans are known once it is loaded.
        await shared.workspace.WorkspaceManager.ready;
        return isKnown(params.textDocument.uri) ? handler(params, ...rest) : empty;
    };
    // Langium registers these four through the connection it is given: this one puts the check in front.
    const front = {
        onReferences: (h: Handler) => connection.onReferences(guarded([], h) as never),
        onDocumentHighlight: (h: Handler) => connection.onDocumentHighlight(guarded([], h) as never),
        onRenameRequest: (h: Handler) => connection.onRenameRequest(guarded(null, h) as never),
        onPrepareRename: (h: Handler) => connection.onPrepareRename(guarded(null, h) as never)
    } as unknown as Connection;
    addFindReferencesHandler(front, shared);
    addDocumentHighlightHandler(front, shared);
    addRenameHandler(front, shared);
}
