import type { AstNodeDescription, LangiumDocument } from 'langium';
import { isPeriodReport, isSourceRef } from '../generated/ast.js';
import { walkContents } from '../parser/ast-walk.js';
import type { VplanCoreServices } from '../vplan-module.js';

/**
 * What a document declares for other files (`Type:name`) and the names its references are written
 * with: which other files its findings can depend on. The CLI's cache keys a file's findings by it.
 */
export interface SymbolFacts {
    exports: string[];
    refs: string[];
}

/**
 * The facts of a parsed document, whether or not it has been linked. The exports are read from the
 * index when the document has been indexed (`services` omitted), else computed.
 */
export async function symbolFacts(document: LangiumDocument, services: { shared: { workspace: { IndexManager: { allElements(type?: string, uris?: Set<string>): Iterable<AstNodeDescription> } } }; Vplan: VplanCoreServices }, indexed: boolean): Promise<SymbolFacts> {
    const exported = indexed
        ? services.shared.workspace.IndexManager.allElements(undefined, new Set([document.uri.toString()]))
        : await services.Vplan.references.ScopeComputation.collectExportedSymbols(document);
    const names = new Set<string>();
    for (const d of exported) names.add(`${d.type}:${d.name}`);
    const refs = new Set<string>();
    walkContents(document.parseResult.value, node => {
        // Checks that compare files by something other than a declared name tie them by a pseudo-name
        // (with a space, so no id can equal it): indicators with one KPI (same-kpi-bands-differ), and
        // the follow-ups of one plan (progress-backwards reads the previous period's file).
        if (isSourceRef(node) && node.kpi) names.add(`Kpi:kpi ${node.kpi.trim()}`);
        if (isPeriodReport(node) && node.plan?.$refText) names.add(`FollowUp:follow-up ${node.plan.$refText}`);
        for (const key in node) {
            if (key.charCodeAt(0) === 36 /* $ */) continue;
            const value = (node as unknown as Record<string, unknown>)[key];
            if (Array.isArray(value)) {
                for (const item of value) if (isReferenceLike(item)) refs.add(item.$refText);
            } else if (isReferenceLike(value)) {
                refs.add(value.$refText);
            }
        }
    });
    return { exports: [...names], refs: [...refs] };
}

/** A reference or a multi-reference: an object with the text it was written with. */
function isReferenceLike(value: unknown): value is { $refText: string } {
    return typeof value === 'object' && value !== null && typeof (value as { $refText?: unknown }).$refText === 'string';
}
