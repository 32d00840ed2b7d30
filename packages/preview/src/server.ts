// The language server's side of the preview: renders a document it has already parsed and linked, so
// the preview costs one render per update, not a second parse (see packages/extension/src/preview).
import { DocumentState, URI, type Cancellation, type LangiumDocument } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { Document, Lang } from '@vplan/language';
import { onTypedRequest } from '@vplan/language/protocol';
import { RENDER_PREVIEW, type PreviewSyntaxError } from './protocol.js';
import { renderPreviewBody } from './follow-up-preview.js';

/** The syntax errors of a document, for the preview's banner. */
export function syntaxErrorsOf(document: LangiumDocument): PreviewSyntaxError[] {
    const { lexerErrors, parserErrors } = document.parseResult;
    return [
        ...lexerErrors.map(e => ({ line: Math.max(0, (e.line ?? 1) - 1), message: e.message })),
        ...parserErrors.map(e => ({ line: Math.max(0, (Number.isFinite(e.token.startLine) ? e.token.startLine! : 1) - 1), message: e.message }))
    ];
}

/**
 * Registers `vplan/renderPreview` on the server's connection. `langOf` gives a document's language
 * when the client names none (the server's `vplan.language` and the plan's keywords).
 */
export function registerPreviewRequest(shared: LangiumSharedServices, langOf: (document: LangiumDocument) => Lang = () => 'en'): void {
    const connection = shared.lsp.Connection;
    if (!connection) return;
    onTypedRequest(connection, RENDER_PREVIEW, async (params, token: Cancellation.CancellationToken) => {
        const uri = URI.parse(params.uri);
        const documents = shared.workspace.LangiumDocuments;
        if (!documents.hasDocument(uri)) return null;
        // Render the text the user sees: wait until the latest edit is linked (titles of references).
        try {
            await shared.workspace.DocumentBuilder.waitUntil(DocumentState.Linked, uri, token);
        } catch {
            return null;
        }
        const document = documents.getDocument(uri) as LangiumDocument<Document> | undefined;
        if (!document) return null;
        const start = performance.now();
        try {
            const lang: Lang = params.lang === 'sv' || params.lang === 'en' ? params.lang : langOf(document);
            const body = renderPreviewBody(document, documents.all, { lang, dashboard: params.dashboard, period: params.period, deviationsOnly: params.deviationsOnly });
            return {
                html: body.html, periods: body.periods, period: body.period ?? '',
                version: document.textDocument.version, errors: syntaxErrorsOf(document), renderMs: performance.now() - start, lang
            };
        } catch (err) {
            // A renderer bug must not take the server down; the preview keeps what it shows.
            console.error('vplan: preview render failed:', err);
            return null;
        }
    });
}
export { registerExportRequest, exportPlan, exportPeriods, answerExport } from './export.js';
