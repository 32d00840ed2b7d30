// Minimal text edits: a replaced range or an inserted string, applied to the file's text as it is,
// so that every comment, keyword and blank line outside the edits stays byte for byte.

export interface TextEdit {
    /** Offsets into the document's text (without a byte-order mark). */
    start: number;
    end: number;
    text: string;
}

/** Applies non-overlapping edits (in any order). Overlapping edits are a bug of the planner. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
    const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
    let out = '';
    let at = 0;
    for (const edit of sorted) {
        if (edit.start < at) throw new Error(`overlapping edits at offset ${edit.start}`);
        out += text.slice(at, edit.start) + edit.text;
        at = edit.end;
    }
    return out + text.slice(at);
}

/** 0-based line and character of an offset. */
export function positionAt(text: string, offset: number): { line: number; character: number } {
    let line = 0;
    let lineStart = 0;
    for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
        line++;
        lineStart = i + 1;
    }
    return { line, character: offset - lineStart };
}

export function lineStartAt(text: string, offset: number): number {
    return text.lastIndexOf('\n', offset - 1) + 1;
}

export function lineEndAt(text: string, offset: number): number {
    const i = text.indexOf('\n', offset);
    const end = i === -1 ? text.length : i;
    return end > 0 && text[end - 1] === '\r' ? end - 1 : end;
}

/** The whitespace a line starts with. */
export function indentationAt(text: string, offset: number): string {
    const start = lineStartAt(text, offset);
    return /^[ \t]*/.exec(text.slice(start))![0];
}

/** A hunk of a line diff: the old lines an edit touches and the new lines that replace them. */
export interface LineHunk {
    /** 0-based first line in the old text, and in the new text. */
    oldLine: number;
    newLine: number;
    oldLines: string[];
    newLines: string[];
}

/** The lines that change, as hunks without context (edits on the same or touching lines merge). */
export function lineHunks(text: string, edits: readonly TextEdit[]): LineHunk[] {
    const sorted = [...edits].sort((a, b) => a.start - b.start);
    const groups: { start: number; end: number; edits: TextEdit[] }[] = [];
    for (const edit of sorted) {
        const start = lineStartAt(text, edit.start);
        const end = lineEndAt(text, edit.end);
        const last = groups[groups.length - 1];
        if (last && start <= last.end + 1) {
            last.end = Math.max(last.end, end);
            last.edits.push(edit);
        } else {
            groups.push({ start, end, edits: [edit] });
        }
    }
    const hunks: LineHunk[] = [];
    let shift = 0;
    for (const g of groups) {
        const oldChunk = text.slice(g.start, g.end);
        const newChunk = applyEdits(oldChunk, g.edits.map(e => ({ start: e.start - g.start, end: e.end - g.start, text: e.text })));
        let oldLines = oldChunk.split(/\r?\n/);
        let newLines = newChunk.split(/\r?\n/);
        let oldLine = positionAt(text, g.start).line;
        // Lines an insertion only moved are not changes: trim what both sides share.
        while (oldLines.length > 0 && newLines.length > 0 && oldLines[0] === newLines[0]) {
            oldLines = oldLines.slice(1);
            newLines = newLines.slice(1);
            oldLine++;
        }
        while (oldLines.length > 0 && newLines.length > 0 && oldLines[oldLines.length - 1] === newLines[newLines.length - 1]) {
            oldLines = oldLines.slice(0, -1);
            newLines = newLines.slice(0, -1);
        }
        hunks.push({ oldLine, newLine: oldLine + shift, oldLines, newLines });
        shift += newLines.length - oldLines.length;
    }
    return hunks;
}
