import type { Diagnostic, Position, Range } from 'vscode-languageserver-types';

/** Where an edit changed a document's text: the places it moved and the places it left. */
export interface TextChange {
    /** The changed region of the old text: from, to (exclusive), as positions. */
    start: Position;
    end: Position;
    /** How many lines the edit added (or removed, negative). */
    lines: number;
}

/** The change between two texts: common prefix and suffix; undefined when equal. */
export function textChange(before: string, after: string): TextChange | undefined {
    if (before === after) return undefined;
    let prefix = 0;
    const max = Math.min(before.length, after.length);
    while (prefix < max && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
    let suffix = 0;
    while (suffix < max - prefix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
    const position = (text: string, offset: number): Position => {
        let line = 0, lineStart = 0;
        for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) { line++; lineStart = i + 1; }
        return { line, character: offset - lineStart };
    };
    const newlines = (text: string, from: number, to: number) => { let n = 0; for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) n++; return n; };
    return {
        start: position(before, prefix),
        end: position(before, before.length - suffix),
        lines: newlines(after, prefix, after.length - suffix) - newlines(before, prefix, before.length - suffix)
    };
}

function before(a: Position, b: Position): boolean {
    return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/** Whether a range of the old text is somewhere else (or gone) after the change. */
function moves(range: Range, change: TextChange): boolean {
    if (before(range.end, change.start)) return false;
    // After the change: it stays where it was when no line was added or removed and it is on a later line.
    if (!before(range.start, change.end) && change.lines === 0 && range.start.line > change.end.line) return false;
    return true;
}

/**
 * Whether any of `diagnostics` shows a place that an edit of its file moved: a related location (the
 * goal a title should match, the other declaration of a duplicate id) or a location in its data.
 *
 * A plan that keeps its links after an edit of the shared file still shows such a place, and the
 * edit may have moved it (a line inserted above the goal): that plan is validated again.
 */
export function pointsInto(diagnostics: readonly Diagnostic[] | undefined, changes: ReadonlyMap<string, TextChange | 'unknown'>): boolean {
    if (!diagnostics || diagnostics.length === 0 || changes.size === 0) return false;
    const visit = (value: unknown): boolean => {
        if (Array.isArray(value)) return value.some(visit);
        if (value === null || typeof value !== 'object') return false;
        const { uri, range } = value as { uri?: unknown; range?: Range };
        if (typeof uri === 'string' && changes.has(uri)) {
            const change = changes.get(uri)!;
            if (change === 'unknown' || !range?.start || !range.end || moves(range, change)) return true;
        }
        for (const v of Object.values(value)) if (visit(v)) return true;
        return false;
    };
    return diagnostics.some(d => visit(d.relatedInformation) || visit(d.data));
}
