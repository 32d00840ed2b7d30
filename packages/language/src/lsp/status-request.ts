// Answers `vplan/statusCounts`: the figures of the status bar and the status summary, from the one
// status model in semantics/.
import { AstUtils, DocumentState, URI, type Cancellation, type LangiumDocument } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { isIndicator, isPlan, type Indicator } from '../generated/ast.js';
import type { Lang } from '../i18n/lang.js';
import { assessIndicator, countStatuses, type IndicatorAssessment } from '../semantics/index.js';
import type { VplanServices } from '../vplan-module.js';
import {
    onTypedRequest, STATUS_COUNTS, type IndicatorStatusEntry, type StatusCountsResult
} from './status-protocol.js';

/** The status of every indicator of a built document, in the given language. */
export function statusCountsOf(document: LangiumDocument, lang: Lang): StatusCountsResult {
    const assessments: IndicatorAssessment[] = [];
    const indicators: IndicatorStatusEntry[] = [];
    let plan: string | undefined;
    for (const node of AstUtils.streamAst(document.parseResult.value)) {
        if (isPlan(node) && plan === undefined) plan = node.title;
        if (!isIndicator(node)) continue;
        const assessment = safeAssess(node);
        if (!assessment) continue;
        assessments.push(assessment);
        const start = node.$cstNode?.range.start ?? { line: 0, character: 0 };
        indicators.push({
            name: node.name,
            title: node.title || undefined,
            status: assessment.status,
            reason: assessment.reason[lang],
            line: start.line,
            character: start.character
        });
    }
    return { uri: document.uri.toString(), lang, plan, counts: countStatuses(assessments), indicators };
}

/** One broken indicator must not take the whole summary (or the server) down. */
function safeAssess(indicator: Indicator): IndicatorAssessment | undefined {
    try {
        return assessIndicator(indicator);
    } catch (err) {
        console.error(`vplan: cannot assess indicator ${indicator.name}:`, err);
        return undefined;
    }
}

/** Registers the request handler on the server's connection. */
export function registerStatusRequest(shared: LangiumSharedServices, services: VplanServices): void {
    const connection = shared.lsp.Connection;
    if (!connection) return;
    onTypedRequest(connection, STATUS_COUNTS, async (params, token: Cancellation.CancellationToken) => {
        const uri = URI.parse(params.uri);
        const documents = shared.workspace.LangiumDocuments;
        if (!documents.hasDocument(uri)) return null;
        // Answer for the text the user sees: wait until the latest edit is linked (status follows references).
        try {
            await shared.workspace.DocumentBuilder.waitUntil(DocumentState.Linked, uri, token);
        } catch {
            return null; // cancelled, or the document went away
        }
        if (!documents.hasDocument(uri)) return null;
        const document = documents.getDocument(uri)!;
        return statusCountsOf(document, services.i18n.Locale.langOf(document));
    });
}
