/**
 * Where each source line is in the preview: the blocks that carry data-line, in document order,
 * with their vertical positions. The overview and the contents list are left out: they point at
 * lines far below where they stand.
 */
export class LineIndex {
    private entries: { line: number; el: Element }[] = [];

    constructor(root: Element) {
        let last = -1;
        for (const el of Array.from(root.querySelectorAll('[data-line]'))) {
            if (el.closest('.dashboard, .doc-toc')) continue;
            const line = Number(el.getAttribute('data-line'));
            // Keep the lines rising along the page; a block out of order would make scrolling jump.
            if (!Number.isFinite(line) || line < last) continue;
            if (line === last) continue; // the outermost block of a line stands for it
            this.entries.push({ line, el });
            last = line;
        }
    }

    get size(): number {
        return this.entries.length;
    }

    private top(el: Element): number {
        return el.getBoundingClientRect().top + window.scrollY;
    }

    /** The page offset of a source line: between the blocks before and after it. */
    offsetOf(line: number): number | undefined {
        const e = this.entries;
        if (e.length === 0) return undefined;
        let lo = 0, hi = e.length - 1, found = -1;
        while (lo <= hi) {
            const mid = (lo + hi) >> 1;
            if (e[mid].line <= line) { found = mid; lo = mid + 1; } else hi = mid - 1;
        }
        if (found < 0) return 0;
        const before = e[found];
        const after = e[found + 1];
        const y0 = this.top(before.el);
        if (!after || after.line === before.line) return y0;
        const y1 = this.top(after.el);
        const fraction = Math.min(1, (line - before.line) / (after.line - before.line));
        return y0 + Math.max(0, y1 - y0) * fraction;
    }

    /** The source line at a page offset (the top of the viewport), interpolated between blocks. */
    lineAt(offset: number): number | undefined {
        const e = this.entries;
        if (e.length === 0) return undefined;
        let lo = 0, hi = e.length - 1, found = -1;
        while (lo <= hi) {
            const mid = (lo + hi) >> 1;
            if (this.top(e[mid].el) <= offset + 1) { found = mid; lo = mid + 1; } else hi = mid - 1;
        }
        if (found < 0) return e[0].line;
        const before = e[found];
        const after = e[found + 1];
        if (!after) return before.line;
        const y0 = this.top(before.el), y1 = this.top(after.el);
        if (y1 <= y0) return before.line;
        return before.line + Math.floor(((offset - y0) / (y1 - y0)) * (after.line - before.line));
    }
}
