import type { Diagnostic } from 'vscode-languageserver-types';

/**
 * Whether any of `diagnostics` points into one of `uris`: a related location (the goal a title
 * should match, the other declaration of a duplicate id) or a location in its data.
 *
 * A plan that keeps its links after an edit of the shared file still shows such a place, and the
 * edit may have moved it (a line inserted above the goal): that plan is validated again.
 */
export function pointsInto(diagnostics: readonly Diagnostic[] | undefined, uris: ReadonlySet<string>): boolean {
    if (!diagnostics || diagnostics.length === 0 || uris.size === 0) return false;
    const visit = (value: unknown): boolean => {
        if (Array.isArray(value)) return value.some(visit);
        if (value === null || typeof value !== 'object') return false;
        for (const [key, v] of Object.entries(value)) {
            if (key === 'uri' ? typeof v === 'string' && uris.has(v) : visit(v)) return true;
        }
        return false;
    };
    return diagnostics.some(d => visit(d.relatedInformation) || visit(d.data));
}
