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
    /** The language it was rendered in, for the panel's own words around it. */
    lang: 'sv' | 'en';
}

/** Messages from the extension to the webview script. */
export type HostToWebview =
    | { type: 'render'; seq: number; html: string; errors: PreviewSyntaxError[]; keptPrevious: boolean; labels: BannerLabels }
    | { type: 'dirty'; dirty: boolean; label: string }
    | { type: 'scrollTo'; line: number }
    | { type: 'options'; scrollSync: boolean };

/** Messages from the webview script to the extension. */
export type WebviewToHost =
    | { type: 'ready' }
    | { type: 'revealLine'; line: number }
    | { type: 'selectLine'; line: number }
    | { type: 'rendered'; seq: number; ms: number };

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
