// The language server's side of "Export Plan…": renders a plan it has already built (the report page,
// Word, or the page printed to PDF) in the plan's language, the same renderers as `vplan render` —
// the adopted plan, or the follow-up report of one of its periods.
import { AstUtils, DocumentState, URI, type Cancellation, type LangiumDocument } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { findPeriod, isPlan, isReady, periodLabel, type Document, type Lang } from '@vplan/language';
import { onTypedRequest } from '@vplan/language/protocol';
import { EXPORT_FORMATS, EXPORT_PERIODS, EXPORT_PLAN, type ExportFormat, type ExportPeriodsResult, type ExportPlanResult } from './protocol.js';
import { renderDocument } from './render-plan.js';
import { followUpReportModel, periodSlug, planYearOfDocument } from './follow-up-model.js';
import { renderFollowUpReport } from './follow-up-report.js';

export interface ExportOptions {
    /** A follow-up period: its report instead of the plan. */
    period?: string;
    /** The workspace's documents, where the follow-ups are; the document alone if absent. */
    all?: Iterable<LangiumDocument>;
}

/** One export of a built document; `env` finds the browser for PDF (VPLAN_CHROMIUM, PATH). */
export async function exportPlan(document: LangiumDocument<Document>, format: ExportFormat, lang: Lang, env: NodeJS.ProcessEnv = process.env,
    options: ExportOptions = {}): Promise<ExportPlanResult> {
    try {
        let bytes: Uint8Array;
        if (options.period) {
            const year = planYearOfDocument(document, options.all ?? [document]);
            if (!year) return { ok: false, error: 'no-plan' };
            const period = findPeriod(year.model, options.period);
            if (!period) return { ok: false, error: 'failed', message: `the plan ${year.model.plan.name} has no follow-up period ${options.period}` };
            const report = followUpReportModel(year.model, period, { lang });
            bytes = format === 'docx'
                ? await (await import('./docx/index.js')).followUpDocx(report)
                : format === 'pdf'
                    ? await (await import('./pdf.js')).renderPdf(renderFollowUpReport(year.model, period, { lang, mode: 'page', print: true }), env)
                    : new TextEncoder().encode(renderFollowUpReport(year.model, period, { lang, mode: 'page' }));
        } else {
            if (!document.parseResult.value.elements?.some(isPlan)) return { ok: false, error: 'no-plan' };
            bytes = format === 'docx'
                ? await (await import('./docx/index.js')).renderDocx(document, { lang })
                : format === 'pdf'
                    ? await (await import('./pdf.js')).renderPdf(renderDocument(document, { lang, mode: 'page', print: true }), env)
                    : new TextEncoder().encode(renderDocument(document, { lang, mode: 'page' }));
        }
        return { ok: true, base64: Buffer.from(bytes).toString('base64'), lang };
    } catch (err) {
        if (err instanceof Error && err.name === 'BrowserMissing') return { ok: false, error: 'browser-missing', message: err.message };
        // A renderer bug must not take the server down: the client says it failed, with the reason.
        console.error('vplan: export failed:', err);
        return { ok: false, error: 'failed', message: err instanceof Error ? err.message : String(err) };
    }
}

/** The periods a document's plan declares, for the client's pick list, named in the plan's language. */
export function exportPeriods(document: LangiumDocument<Document>, all: Iterable<LangiumDocument>, lang: Lang): ExportPeriodsResult {
    const year = planYearOfDocument(document, all);
    if (!year) return { periods: [], ownPlan: false };
    const { model } = year;
    return {
        periods: model.periods.map(p => ({
            // Named as `vplan render --period helår` names the file: 'helar' in a Swedish plan.
            name: p.name, label: periodLabel(p, lang), slug: periodSlug(periodLabel(p, lang)),
            state: (model.reports.get(p.name) ?? []).length === 0 ? 'none' : isReady(model, p) ? 'ready' : 'draft'
        })),
        ownPlan: year.ownPlan,
        followUpPeriod: year.followUpPeriod,
        planUri: AstUtils.getDocument(model.plan).uri.toString()
    };
}

/** Registers `vplan/export` and `vplan/exportPeriods`; `langOf` is the plan's language (`vplan.language`, else its keywords). */
export function registerExportRequest(shared: LangiumSharedServices, langOf: (document: LangiumDocument) => Lang = () => 'en'): void {
    const connection = shared.lsp.Connection;
    if (!connection) return;
    onTypedRequest(connection, EXPORT_PLAN, (params, token: Cancellation.CancellationToken) =>
        answerExport(shared, params?.uri, params?.format, langOf, token, params?.period));
    onTypedRequest(connection, EXPORT_PERIODS, async (params, token: Cancellation.CancellationToken) => {
        const document = await builtDocument(shared, params?.uri, token);
        return document ? exportPeriods(document, shared.workspace.LangiumDocuments.all, langOf(document)) : { periods: [], ownPlan: false };
    });
}

/** The document of a URI once the latest edit is linked (the text the user sees), or undefined. */
async function builtDocument(shared: LangiumSharedServices, uriText: unknown, token?: Cancellation.CancellationToken): Promise<LangiumDocument<Document> | undefined> {
    if (typeof uriText !== 'string') return undefined;
    const documents = shared.workspace.LangiumDocuments;
    let uri: URI;
    try {
        uri = URI.parse(uriText);
    } catch {
        return undefined;
    }
    if (!documents.hasDocument(uri)) return undefined;
    try {
        await shared.workspace.DocumentBuilder.waitUntil(DocumentState.Linked, uri, token);
    } catch {
        return undefined;
    }
    return documents.getDocument(uri) as LangiumDocument<Document> | undefined;
}

/** The request's answer, apart from the connection (tested directly). */
export async function answerExport(shared: LangiumSharedServices, uriText: unknown, format: unknown, langOf: (document: LangiumDocument) => Lang,
    token?: Cancellation.CancellationToken, period?: unknown): Promise<ExportPlanResult> {
    if (typeof uriText !== 'string' || !EXPORT_FORMATS.includes(format as ExportFormat) || (period !== undefined && typeof period !== 'string')) {
        return { ok: false, error: 'failed', message: 'expected a document URI, a format (html, docx, pdf) and optionally a period' };
    }
    const document = await builtDocument(shared, uriText, token);
    if (!document) return { ok: false, error: 'unknown-document' };
    return exportPlan(document, format as ExportFormat, langOf(document), process.env, { period: period || undefined, all: shared.workspace.LangiumDocuments.all });
}
