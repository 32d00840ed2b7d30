// What the VS Code client and the language server say to each other about the preview. Plain types
// and names only, so the extension's bundle does not pull in the renderer.

import { typedRequest } from '@vplan/language/protocol';

/** Renders a document the server has built: `vplan/renderPreview` (null when it cannot). */
export const RENDER_PREVIEW = typedRequest<RenderPreviewParams, RenderPreviewResult | null>('vplan/renderPreview');
export const RENDER_PREVIEW_REQUEST = RENDER_PREVIEW.method;

export interface RenderPreviewParams {
    /** The document's URI as the protocol spells it. */
    uri: string;
    /** Omitted: the language the server picks for the document (`vplan.language`, else the plan's keywords). */
    lang?: 'sv' | 'en';
    dashboard: boolean;
    /** The period picker's choice: a follow-up period of the plan, or '' for the plan itself. */
    period?: string;
    /** The preview's "deviations only". */
    deviationsOnly?: boolean;
}

/** A syntax error, for the preview's banner: 0-based line. */
export interface PreviewSyntaxError {
    line: number;
    message: string;
}

export interface RenderPreviewResult {
    /** The body for the webview (renderDocument in 'fragment' mode). */
    html: string;
    /** Version of the text that was rendered, as the server knows it. */
    version: number;
    /** Lexer and parser errors: with any, the preview keeps its last good render and says why. */
    errors: PreviewSyntaxError[];
    /** Milliseconds the render took on the server (without waiting for the build). */
    renderMs: number;
    /** The plan's follow-up periods (for the picker) and the one shown ('' or absent: the plan). */
    periods?: { name: string; label: string }[];
    period?: string;
    /** The language it was rendered in, for the panel's own words around it. */
    lang: 'sv' | 'en';
}

/** Messages from the extension to the webview script. */
export type HostToWebview =
    | { type: 'render'; seq: number; html: string; errors: PreviewSyntaxError[]; keptPrevious: boolean; labels: BannerLabels; picker?: PeriodPicker }
    | { type: 'dirty'; dirty: boolean; label: string }
    | { type: 'scrollTo'; line: number }
    | { type: 'options'; scrollSync: boolean };

/** Messages from the webview script to the extension. */
export type WebviewToHost =
    | { type: 'ready' }
    | { type: 'revealLine'; line: number }
    | { type: 'selectLine'; line: number }
    | { type: 'rendered'; seq: number; ms: number }
    | { type: 'choosePeriod'; period: string; deviationsOnly: boolean };

/** The period picker above the preview: the plan or one of its follow-up periods, and "deviations only". */
export interface PeriodPicker {
    periods: { name: string; label: string }[];
    /** '' for the plan itself. */
    period: string;
    deviationsOnly: boolean;
    labels: { period: string; plan: string; deviationsOnly: string };
}

/** The webview's own words, sent by the extension in the user's language. */
export interface BannerLabels {
    syntaxErrors: string;
    line: string;
}

/** What the webview keeps across reloads (vscode.setState) and the panel serializer restores. */
export interface PreviewState {
    uri: string;
    line?: number;
}

/** The formats "Export Plan…" writes: the report page, Word, and the page printed to PDF. */
export const EXPORT_FORMATS = ['html', 'docx', 'pdf'] as const;
export type ExportFormat = typeof EXPORT_FORMATS[number];

/** Renders a built plan to a document: `vplan/export`. The bytes travel base64 (JSON-RPC carries text). */
export const EXPORT_PLAN = typedRequest<ExportPlanParams, ExportPlanResult>('vplan/export');

export interface ExportPlanParams {
    uri: string;
    format: ExportFormat;
    /** A follow-up period of the plan ('T1', 'annual'): its follow-up report instead of the adopted plan. */
    period?: string;
}

/** The periods "Export Plan…" offers for a document: `vplan/exportPeriods`. */
export const EXPORT_PERIODS = typedRequest<{ uri: string }, ExportPeriodsResult>('vplan/exportPeriods');

export interface ExportPeriodsResult {
    /** The plan's follow-up periods in its order, named in its language, and how far each follow-up is. */
    periods: { name: string; label: string; state: 'ready' | 'draft' | 'none'; /** For file names, as `vplan render` writes them: 't1'. */ slug: string }[];
    /** Whether the document holds the plan itself (a follow-up file does not: it has no adopted plan to export). */
    ownPlan: boolean;
    /** A follow-up file's own period. */
    followUpPeriod?: string;
    /** The plan's file: exports are named after it (`omsorg-2026-t1.pdf`). */
    planUri?: string;
}

/**
 * The document, or why not: `unknown-document` (the server has not read that URI), `no-plan` (the
 * file holds no plan), `browser-missing` (PDF needs Chromium, Chrome or Edge), `failed` (`message` says why).
 */
export type ExportPlanResult =
    | { ok: true; base64: string; lang: 'sv' | 'en' }
    | { ok: false; error: 'unknown-document' | 'no-plan' | 'browser-missing' | 'failed'; message?: string };
