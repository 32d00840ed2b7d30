// Human output: grouped per file, one `file:line:col` line per diagnostic (terminals make it a
// link), then the source line with a caret under the range.
import type { Lang } from '@vplan/language/i18n';
import type { Colors } from '../color.js';
import { relatedWhere, totals, type CliDiagnostic, type FileReport, type Severity, type Totals } from '../diagnostics.js';
import { count, msg } from '../messages.js';
import { printable } from '../terminal-text.js';

const MAX_FRAME_WIDTH = 120;

/**
 * `all` are the totals of every finding, including those not shown (`-q` shows errors only); the
 * summary counts them, and says how many were not shown.
 */
export function formatPretty(files: readonly FileReport[], lang: Lang, c: Colors, checkedFiles: number, all: Totals = totals(files)): string {
    const out: string[] = [];
    for (const file of files) {
        if (file.diagnostics.length === 0) continue;
        const lines = splitLines(file.text);
        out.push(c.bold(printable(file.path)));
        for (const d of file.diagnostics) {
            const where = `${printable(file.path)}:${d.range.start.line + 1}:${d.range.start.character + 1}`;
            out.push(`${c.dim(where)} ${severityLabel(d.severity, lang, c)} ${printable(d.message)} ${c.dim(`[${d.code}]`)}`);
            out.push(...codeFrame(lines, d, c));
            for (const r of d.related ?? []) {
                out.push(`  ${c.dim(`${lang === 'sv' ? 'se' : 'see'} ${printable(relatedWhere(r))}`)} ${printable(r.message)}`);
            }
        }
        out.push('');
    }
    const t = all;
    const shownTotals = totals(files);
    const hidden = t.error + t.warning + t.info + t.hint - (shownTotals.error + shownTotals.warning + shownTotals.info + shownTotals.hint);
    const parts: string[] = [];
    if (t.error) parts.push(count(lang, 'errors', t.error));
    if (t.warning) parts.push(count(lang, 'warnings', t.warning));
    if (t.info) parts.push(count(lang, 'infos', t.info));
    if (t.hint) parts.push(count(lang, 'hints', t.hint));
    if (parts.length === 0) {
        out.push(c.green(msg.noProblems[lang](checkedFiles)));
    } else {
        const line = msg.summary[lang](parts.join(', '), checkedFiles) + (hidden > 0 ? ` ${msg.notShownQuiet[lang](hidden)}` : '');
        out.push(t.error ? c.red(c.bold(`✖ ${line}`)) : c.yellow(c.bold(`⚠ ${line}`)));
    }
    return out.join('\n') + '\n';
}

function severityLabel(severity: Severity, lang: Lang, c: Colors): string {
    const label = msg.severity[severity][lang];
    switch (severity) {
        case 'error': return c.red(c.bold(label));
        case 'warning': return c.yellow(c.bold(label));
        case 'info': return c.blue(label);
        default: return c.dim(label);
    }
}

export function splitLines(text: string): string[] {
    return text.split(/\r\n|\r|\n/);
}

/** The diagnostic's first line with a gutter, and carets under its range (to the end of that line if it spans several). */
export function codeFrame(lines: readonly string[], d: CliDiagnostic, c: Colors): string[] {
    const lineIndex = Math.min(d.range.start.line, lines.length - 1);
    const raw = lines[lineIndex] ?? '';
    const start = Math.min(d.range.start.character, raw.length);
    const end = d.range.end.line === d.range.start.line ? Math.min(Math.max(d.range.end.character, start), raw.length) : raw.length;
    // Tabs become two spaces so that the caret lines up; control characters are shown, not obeyed.
    const expand = (s: string) => printable(s.replace(/\t/g, '  '));
    let before = expand(raw.slice(0, start));
    let marked = expand(raw.slice(start, end));
    let after = expand(raw.slice(end));
    // Very long lines (generated plans) are cut around the range.
    if (before.length + marked.length + after.length > MAX_FRAME_WIDTH) {
        const keepBefore = Math.min(before.length, 40);
        if (keepBefore < before.length) before = '…' + before.slice(before.length - keepBefore + 1);
        const room = Math.max(10, MAX_FRAME_WIDTH - before.length);
        if (marked.length > room) {
            marked = marked.slice(0, room - 1) + '…';
            after = '';
        } else if (marked.length + after.length > room) {
            after = after.slice(0, room - marked.length - 1) + '…';
        }
    }
    const gutter = String(lineIndex + 1);
    const pad = ' '.repeat(gutter.length);
    const caretColor = d.severity === 'error' ? c.red : d.severity === 'warning' ? c.yellow : c.cyan;
    return [
        `  ${c.dim(`${gutter} |`)} ${before}${marked}${after}`.trimEnd(),
        `  ${c.dim(`${pad} |`)} ${' '.repeat(before.length)}${caretColor('^'.repeat(Math.max(1, marked.length)))}`
    ];
}
