// The language server's side of "Export Plan…": renders a plan it has already built (the report page,
// Word, or the page printed to PDF) in the plan's language, the same renderers as `vplan render`.
import { DocumentState, URI, type Cancellation, type LangiumDocument } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { isPlan, type Document, type Lang } from '@vplan/language';
import { onTypedRequest } from '@vplan/language/protocol';
import { EXPORT_FORMATS, EXPORT_PLAN, type ExportFormat, type ExportPlanResult } from './protocol.js';
import { renderDocument } from './render-plan.js';

/** One export of a built document; `env` finds the browser for PDF (VPLAN_CHROMIUM, PATH). */
export async function exportPlan(document: LangiumDocument<Document>, format: ExportFormat, lang: Lang, env: NodeJS.ProcessEnv = process.env): Promise<ExportPlanResult> {
    if (!document.parseResult.value.elements?.some(isPlan)) return { ok: false, error: 'no-plan' };
    try {
        const bytes = format === 'docx'
            ? await (await import('./docx/index.js')).renderDocx(document, { lang })
            : format === 'pdf'
                ? await (await import('./pdf.js')).renderPdf(renderDocument(document, { lang, mode: 'page', print: true }), env)
                : new TextEncoder().encode(renderDocument(document, { lang, mode: 'page' }));
        return { ok: true, base64: Buffer.from(bytes).toString('base64'), lang };
    } catch (err) {
        if (err instanceof Error && err.name === 'BrowserMissing') return { ok: false, error: 'browser-missing', message: err.message };
        // A renderer bug must not take the server down: the client says it failed, with the reason.
        console.error('vplan: export failed:', err);
        return { ok: false, error: 'failed', message: err instanceof Error ? err.message : String(err) };
    }
}

/** Registers `vplan/export` on the server's connection; `langOf` is the plan's language (`vplan.language`, else its keywords). */
export function registerExportRequest(shared: LangiumSharedServices, langOf: (document: LangiumDocument) => Lang = () => 'en'): void {
    const connection = shared.lsp.Connection;
    if (!connection) return;
    onTypedRequest(connection, EXPORT_PLAN, (params, token: Cancellation.CancellationToken) => answerExport(shared, params?.uri, params?.format, langOf, token));
}

/** The request's answer, apart from the connection (tested directly). */
export async function answerExport(shared: LangiumSharedServices, uriText: unknown, format: unknown, langOf: (document: LangiumDocument) => Lang,
    token?: Cancellation.CancellationToken): Promise<ExportPlanResult> {
    if (typeof uriText !== 'string' || !EXPORT_FORMATS.includes(format as ExportFormat)) {
        return { ok: false, error: 'failed', message: 'expected a document URI and a format (html, docx, pdf)' };
    }
    const documents = shared.workspace.LangiumDocuments;
    let uri: URI;
    try {
        uri = URI.parse(uriText);
    } catch {
        return { ok: false, error: 'unknown-document' };
    }
    if (!documents.hasDocument(uri)) return { ok: false, error: 'unknown-document' };
    try {
        // Export the text the user sees: wait until the latest edit is linked.
        await shared.workspace.DocumentBuilder.waitUntil(DocumentState.Linked, uri, token);
    } catch {
        return { ok: false, error: 'unknown-document' };
    }
    const document = documents.getDocument(uri) as LangiumDocument<Document> | undefined;
    if (!document) return { ok: false, error: 'unknown-document' };
    return exportPlan(document, format as ExportFormat, langOf(document));
}
