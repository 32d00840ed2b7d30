// The script of the VS Code preview's webview (bundled to out/preview-webview.js, loaded with the
// page's nonce). It patches the rendered plan in place, keeps the scroll position, and syncs
// scrolling with the editor through the blocks' data-line attributes.
import type { HostToWebview, PeriodPicker, PreviewState, WebviewToHost } from '../protocol.js';
import { morphChildren } from './morph.js';
import { LineIndex } from './line-index.js';
import { neutraliseBidi } from '../html.js';

interface VsCodeApi {
    postMessage(message: WebviewToHost): void;
    getState(): PreviewState | undefined;
    setState(state: PreviewState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const root = document.getElementById('vp-root') as HTMLElement;
const banner = document.getElementById('vp-banner') as HTMLElement;
const dirty = document.getElementById('vp-dirty') as HTMLElement;
const toolbar = document.getElementById('vp-toolbar') as HTMLElement | null;
const uri = document.body.dataset.uri ?? '';

let scrollSync = document.body.dataset.scrollSync !== 'false';
/** Built when first needed after the layout changed (a render, a resize, a late stylesheet). */
let lineIndex: LineIndex | undefined;
function index(): LineIndex {
    return (lineIndex ??= new LineIndex(root));
}
new ResizeObserver(() => (lineIndex = undefined)).observe(root);
/**
 * Where the editor last scrolled the preview to: a scroll event that lands there is ours, not the
 * user's, and is not echoed back (that would make the two sides chase each other).
 */
let ownScrollY: number | undefined;
let lastSeq = -1;

function post(message: WebviewToHost): void {
    vscode.postMessage(message);
}

function saveState(line: number | undefined): void {
    vscode.setState({ uri, line });
}

/** A line to scroll to once there is content (after a reload the position arrives before the plan). */
let pendingLine: number | undefined;

function scrollToLine(line: number): void {
    if (root.childElementCount === 0) {
        pendingLine = line;
        return;
    }
    const y = index().offsetOf(line);
    if (y === undefined) return;
    window.scrollTo({ top: Math.max(0, y - 4), behavior: 'auto' });
    ownScrollY = window.scrollY;
}

function render(message: Extract<HostToWebview, { type: 'render' }>): void {
    // Answers can arrive out of order; a render older than the one shown is dropped.
    if (message.seq <= lastSeq) return;
    lastSeq = message.seq;
    const started = performance.now();
    if (!message.keptPrevious || root.childElementCount === 0) {
        const template = document.createElement('template');
        // Renderer output: escaped text, no scripts or handlers (tested); a template keeps it inert.
        template.innerHTML = message.html;
        // Patch in place, so unchanged blocks (and the scroll position, by the browser's scroll
        // anchoring) stay as they are.
        morphChildren(root, template.content);
        lineIndex = undefined;
    }
    showBanner(message);
    showPicker(message.picker);
    post({ type: 'rendered', seq: message.seq, ms: performance.now() - started });
    if (pendingLine !== undefined && root.childElementCount > 0) {
        const line = pendingLine;
        pendingLine = undefined;
        requestAnimationFrame(() => scrollToLine(line));
    }
}

/** The period picker: the plan or one of its follow-up periods, and "deviations only". Rebuilt only when it changes. */
let pickerKey = '';
function showPicker(picker: PeriodPicker | undefined): void {
    if (!toolbar) return;
    const key = JSON.stringify(picker ?? null);
    if (key === pickerKey) return;
    pickerKey = key;
    toolbar.textContent = '';
    if (!picker || picker.periods.length === 0) {
        toolbar.hidden = true;
        return;
    }
    const label = document.createElement('label');
    label.textContent = `${picker.labels.period} `;
    const select = document.createElement('select');
    select.id = 'vp-period';
    const options = [{ name: '', label: picker.labels.plan }, ...picker.periods];
    for (const p of options) {
        const option = document.createElement('option');
        option.value = p.name;
        option.textContent = p.label;
        option.selected = p.name === picker.period;
        select.append(option);
    }
    label.append(select);
    const only = document.createElement('label');
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.id = 'vp-deviations-only';
    box.checked = picker.deviationsOnly;
    only.append(box, ` ${picker.labels.deviationsOnly}`);
    const choose = () => post({ type: 'choosePeriod', period: select.value, deviationsOnly: box.checked });
    select.addEventListener('change', choose);
    box.addEventListener('change', choose);
    toolbar.append(label, only);
    toolbar.hidden = false;
}

function showBanner(message: Extract<HostToWebview, { type: 'render' }>): void {
    if (message.errors.length === 0) {
        banner.hidden = true;
        banner.textContent = '';
        return;
    }
    const first = message.errors[0];
    banner.textContent = '';
    const text = document.createElement('span');
    text.textContent = message.labels.syntaxErrors;
    const where = document.createElement('button');
    where.type = 'button';
    where.className = 'vp-banner-link';
    // The message may quote the plan's text (an unexpected character): bidi controls in it are shown, not applied.
    where.textContent = `${message.labels.line} ${first.line + 1}: ${neutraliseBidi(first.message)}`;
    where.addEventListener('click', () => post({ type: 'selectLine', line: first.line }));
    banner.append(text, where);
    banner.hidden = false;
}

window.addEventListener('message', (event: MessageEvent<HostToWebview>) => {
    const message = event.data;
    switch (message?.type) {
        case 'render':
            render(message);
            break;
        case 'dirty':
            dirty.hidden = !message.dirty;
            dirty.textContent = message.label;
            break;
        case 'scrollTo':
            if (scrollSync) scrollToLine(message.line);
            saveState(message.line);
            break;
        case 'options':
            scrollSync = message.scrollSync;
            break;
    }
});

// Preview → editor: the line at the top of the preview, once per frame at most.
let scrollFrame = 0;
window.addEventListener('scroll', () => {
    if (scrollFrame) return;
    scrollFrame = requestAnimationFrame(() => {
        scrollFrame = 0;
        const line = index().lineAt(window.scrollY);
        if (line === undefined) return;
        saveState(line);
        if (ownScrollY !== undefined && Math.abs(window.scrollY - ownScrollY) <= 2) return;
        ownScrollY = undefined;
        if (scrollSync) post({ type: 'revealLine', line });
    });
}, { passive: true });

// A click on a block shows its source; links and selecting text keep their usual meaning.
document.addEventListener('click', event => {
    const target = event.target as Element | null;
    if (!target || target.closest('a, button')) {
        const anchor = target?.closest('a');
        const href = anchor?.getAttribute('href');
        if (anchor && href?.startsWith('#')) {
            event.preventDefault();
            document.getElementById(decodeURIComponent(href.slice(1)))?.scrollIntoView({ block: 'start' });
        }
        return;
    }
    if (!window.getSelection()?.isCollapsed) return;
    const block = target.closest('[data-line]');
    if (!block || !root.contains(block)) return;
    const line = Number(block.getAttribute('data-line'));
    if (Number.isFinite(line)) post({ type: 'selectLine', line });
});

// After a reload the state says where the reader was.
const state = vscode.getState();
if (state?.line !== undefined) scrollToLine(state.line);
post({ type: 'ready' });
