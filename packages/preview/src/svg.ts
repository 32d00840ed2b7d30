// Texts from the plan go through text(): escaped, with bidirectional controls made visible (a title's
// controls once reached the charts' aria-label and tooltip as they were).
import type { Status } from '@vplan/language';
import { esc, text } from './html.js';


export type ProgressState = 'done' | 'started' | 'not-started' | 'delayed' | 'cancelled' | 'unknown';
export const PROGRESS_STATES: readonly ProgressState[] = ['done', 'started', 'not-started', 'delayed', 'cancelled', 'unknown'];

/** A threshold band as an interval on the value axis; an open side is undefined. */
export interface BandInterval {
    color: 'green' | 'yellow' | 'red';
    min?: number;
    max?: number;
}

/** One point of a sparkline. */
export interface SparkPoint {
    period: string;
    value?: number;
    status: Status;
}

export interface SparkPanel {
    title?: string;
    points: SparkPoint[];
    bands: BandInterval[];
    scale?: { min?: number; max?: number };
}

const W = 200;
const PLOT_H = 44;
/** Room under the plot for the period labels. */
const AXIS_H = 11;
const PANEL_H = PLOT_H + AXIS_H;
const PAD_X = 7;
const PAD_Y = 6;

/**
 * A small chart of an indicator's outcomes over the periods, drawn over its green, yellow and red
 * bands. One <svg> per indicator; an indicator with several series gets one panel per series. Each
 * point's shape tells its status (circle green, diamond yellow, square red, hollow for no value),
 * so colour is never the only cue; the text alternative says it all in words.
 */
export function sparkline(panels: SparkPanel[], description: string, line: number, emptyText = ''): string {
    const titled = panels.some(p => p.title);
    const panelH = PANEL_H + (titled ? 11 : 0);
    const h = Math.max(1, panels.length) * panelH;
    let body = '';
    panels.forEach((panel, i) => {
        body += `<g transform="translate(0 ${i * panelH})">${drawPanel(panel, titled, emptyText)}</g>`;
    });
    return `<svg class="sparkline" data-line="${line}" role="img" aria-label="${text(description)}" viewBox="0 0 ${W} ${h}" width="${W}" height="${h}" xmlns="http://www.w3.org/2000/svg"><title>${text(description)}</title>${body}</svg>`;
}

function drawPanel(panel: SparkPanel, titled: boolean, emptyText: string): string {
    const top = titled ? 11 : 0;
    // The panel is narrow: a long series title is cut here (the text alternative has it whole).
    const label = panel.title && panel.title.length > 36 ? `${panel.title.slice(0, 34).trimEnd()}…` : panel.title;
    let out = titled && label ? `<text class="spark-label" x="1" y="9">${text(label)}</text>` : '';
    const numeric = panel.points.filter(p => p.value !== undefined && Number.isFinite(p.value));
    const x0 = PAD_X;
    const x1 = W - PAD_X;
    const n = panel.points.length;
    const xAt = (i: number) => (n <= 1 ? (x0 + x1) / 2 : x0 + ((x1 - x0) * i) / (n - 1));
    const y0 = top + PAD_Y;
    const y1 = top + PLOT_H - PAD_Y;
    out += `<rect class="spark-frame" x="0.5" y="${top + 0.5}" width="${W - 1}" height="${PLOT_H - 1}" rx="3"/>`;
    // Period labels: all of them when they fit, else the first and the last.
    const labelled = n <= 4 ? panel.points.map((_, i) => i) : [0, n - 1];
    for (const i of labelled) {
        const anchor = n === 1 ? 'middle' : i === 0 ? 'start' : i === n - 1 ? 'end' : 'middle';
        const x = n === 1 ? xAt(i) : i === 0 ? 1 : i === n - 1 ? W - 1 : xAt(i);
        out += `<text class="spark-period" x="${fmt(x)}" y="${top + PANEL_H - 1}" text-anchor="${anchor}">${esc(panel.points[i].period)}</text>`;
    }
    if (n === 0) {
        // No outcome yet: the target levels alone, so the reader sees what the plan aims for.
        const domain = valueDomain(panel, []);
        const yAt = (v: number) => y1 - ((v - domain.min) / (domain.max - domain.min)) * (y1 - y0);
        out += bandRects(panel, domain, yAt, top);
        out += `<text class="spark-empty" x="${W / 2}" y="${top + PLOT_H / 2 + 3}" text-anchor="middle">${esc(emptyText)}</text>`;
        return out;
    }
    if (numeric.length === 0) {
        // Nothing to put on an axis (yes/no answers, no data yet): a strip of status marks.
        const mid = (y0 + y1) / 2;
        out += `<line class="spark-axis" x1="${x0}" y1="${mid}" x2="${x1}" y2="${mid}"/>`;
        panel.points.forEach((p, i) => (out += marker(xAt(i), mid, p.status, i === n - 1)));
        return out;
    }
    const domain = valueDomain(panel, numeric.map(p => p.value as number));
    const yAt = (v: number) => y1 - ((v - domain.min) / (domain.max - domain.min)) * (y1 - y0);
    out += bandRects(panel, domain, yAt, top);
    // The line joins consecutive numeric outcomes; a period without a value breaks it.
    let path = '';
    let pen = false;
    panel.points.forEach((p, i) => {
        if (p.value === undefined || !Number.isFinite(p.value)) {
            pen = false;
            return;
        }
        path += `${pen ? 'L' : 'M'}${fmt(xAt(i))} ${fmt(yAt(p.value))}`;
        pen = true;
    });
    if (path) out += `<path class="spark-line" d="${path}"/>`;
    panel.points.forEach((p, i) => {
        const y = p.value !== undefined && Number.isFinite(p.value) ? yAt(p.value) : y1;
        out += marker(xAt(i), y, p.status, i === n - 1);
    });
    return out;
}

function bandRects(panel: SparkPanel, domain: { min: number; max: number }, yAt: (v: number) => number, top: number): string {
    let out = '';
    for (const band of panel.bands) {
        const lo = band.min === undefined ? domain.min : Math.max(domain.min, band.min);
        const hi = band.max === undefined ? domain.max : Math.min(domain.max, band.max);
        if (hi < lo) continue;
        const yt = Math.max(top + 1, hi >= domain.max ? top + 1 : yAt(hi));
        const yb = Math.min(top + PLOT_H - 1, lo <= domain.min ? top + PLOT_H - 1 : yAt(lo));
        out += `<rect class="band band-${band.color}" x="1" y="${fmt(yt)}" width="${W - 2}" height="${fmt(Math.max(0.8, yb - yt))}"/>`;
    }
    return out;
}

function valueDomain(panel: SparkPanel, values: number[]): { min: number; max: number } {
    const finite = [...values];
    for (const band of panel.bands) {
        if (band.min !== undefined) finite.push(band.min);
        if (band.max !== undefined) finite.push(band.max);
    }
    if (finite.length === 0) finite.push(panel.scale?.min ?? 0, panel.scale?.max ?? 1);
    let min = Math.min(...finite);
    let max = Math.max(...finite);
    const span = max - min || Math.abs(max) || 1;
    min -= span * 0.15;
    max += span * 0.15;
    if (panel.scale?.min !== undefined) min = Math.max(min, panel.scale.min);
    if (panel.scale?.max !== undefined) max = Math.min(max, panel.scale.max);
    if (max <= min) max = min + 1;
    return { min, max };
}

/** A status mark in SVG: the same shapes as the dots in the HTML. */
export function marker(x: number, y: number, status: Status, emphasised: boolean): string {
    const r = emphasised ? 4 : 3;
    const cls = `mark mark-${status}${emphasised ? ' mark-last' : ''}`;
    switch (status) {
        case 'green':
            return `<circle class="${cls}" cx="${fmt(x)}" cy="${fmt(y)}" r="${r}"/>`;
        case 'yellow':
            return `<path class="${cls}" d="M${fmt(x)} ${fmt(y - r - 1)}L${fmt(x + r + 1)} ${fmt(y)}L${fmt(x)} ${fmt(y + r + 1)}L${fmt(x - r - 1)} ${fmt(y)}Z"/>`;
        case 'red':
            return `<rect class="${cls}" x="${fmt(x - r)}" y="${fmt(y - r)}" width="${2 * r}" height="${2 * r}"/>`;
        default:
            return `<circle class="${cls}" cx="${fmt(x)}" cy="${fmt(y)}" r="${r}"/>`;
    }
}

export interface BarSegment {
    key: string;
    count: number;
    label: string;
}

/**
 * A horizontal stacked bar of counts (statuses, trends or progress states): one rect per non-empty
 * segment, each with its own <title>, and the whole described in words for screen readers.
 */
export function stackedBar(kind: string, segments: BarSegment[], description: string): string {
    const total = segments.reduce((s, seg) => s + seg.count, 0);
    const w = 240;
    const h = 14;
    let body = `<rect class="bar-track" x="0" y="0" width="${w}" height="${h}" rx="3"/>`;
    let x = 0;
    for (const seg of segments) {
        if (seg.count === 0 || total === 0) continue;
        const sw = (seg.count / total) * w;
        body += `<rect class="seg seg-${kind}-${seg.key}" x="${fmt(x)}" y="0" width="${fmt(sw)}" height="${h}"><title>${text(seg.label)}</title></rect>`;
        // A thin separator keeps neighbouring segments apart for readers who cannot tell the colours.
        if (x > 0) body += `<rect class="seg-gap" x="${fmt(x - 0.75)}" y="0" width="1.5" height="${h}"/>`;
        x += sw;
    }
    return `<svg class="bar bar-${kind}" role="img" aria-label="${text(description)}" viewBox="0 0 ${w} ${h}" preserveAspectRatio="none" xmlns="http://www.w3.org/2000/svg"><title>${text(description)}</title>${body}</svg>`;
}

function fmt(n: number): string {
    return (Math.round(n * 10) / 10).toString();
}
