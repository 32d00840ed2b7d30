/**
 * Where each source line is in the preview: the blocks that carry data-line, in document order,
 * with their vertical positions. Only blocks that go down the page as their lines go down the
 * source are kept: the overview and the contents list (which point far below where they stand) and
 * side-by-side columns would make scrolling jump. Positions are measured once; rebuild the index
 * after the layout changes (a render, a resize).
 */
export class LineIndex {
    private readonly lines: number[] = [];
    private readonly tops: number[] = [];

    constructor(root: Element) {
        let lastLine = -1;
        let lastTop = -Infinity;
        for (const el of Array.from(root.querySelectorAll('[data-line]'))) {
            if (el.closest('.dashboard, .doc-toc')) continue;
            const line = Number(el.getAttribute('data-line'));
            if (!Number.isFinite(line) || line <= lastLine) continue;
            // Without a box (display: contents or none) an element has no place to scroll to.
            const box = el.getBoundingClientRect();
            if (box.width === 0 && box.height === 0) continue;
            const top = box.top + window.scrollY;
            if (top < lastTop) continue;
            this.lines.push(line);
            this.tops.push(top);
            lastLine = line;
            lastTop = top;
        }
    }

    get size(): number {
        return this.lines.length;
    }

    /** Index of the last entry whose value is at most `x` in a rising array, or -1. */
    private static last(values: number[], x: number): number {
        let lo = 0, hi = values.length - 1, found = -1;
        while (lo <= hi) {
            const mid = (lo + hi) >> 1;
            if (values[mid] <= x) { found = mid; lo = mid + 1; } else hi = mid - 1;
        }
        return found;
    }

    /** The page offset of a source line: between the blocks before and after it. */
    offsetOf(line: number): number | undefined {
        if (this.lines.length === 0) return undefined;
        const i = LineIndex.last(this.lines, line);
        if (i < 0) return 0;
        const y0 = this.tops[i];
        if (i + 1 >= this.lines.length) return y0;
        const fraction = Math.min(1, (line - this.lines[i]) / (this.lines[i + 1] - this.lines[i]));
        return y0 + (this.tops[i + 1] - y0) * fraction;
    }

    /** The source line at a page offset (the top of the viewport), interpolated between blocks. */
    lineAt(offset: number): number | undefined {
        if (this.lines.length === 0) return undefined;
        // Sub-pixel layout: a block starting within 2 px of the top counts as at the top.
        const i = LineIndex.last(this.tops, offset + 2);
        if (i < 0) return this.lines[0];
        if (i + 1 >= this.lines.length) return this.lines[i];
        const y0 = this.tops[i], y1 = this.tops[i + 1];
        if (y1 <= y0) return this.lines[i];
        const fraction = Math.max(0, Math.min(1, (offset - y0) / (y1 - y0)));
        return this.lines[i] + Math.floor(fraction * (this.lines[i + 1] - this.lines[i]));
    }
}
