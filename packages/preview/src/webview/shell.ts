import { esc } from '../html.js';

export interface ShellOptions {
    /** The webview's resource origin (webview.cspSource). */
    cspSource: string;
    /** A fresh random nonce per page: the only script allowed is the one carrying it. */
    nonce: string;
    /** URIs of the stylesheet and the script, as webview.asWebviewUri gives them. */
    styleUri: string;
    scriptUri: string;
    /** The document the preview shows, kept in the page for the webview's state. */
    documentUri: string;
    lang: 'sv' | 'en';
    title: string;
    scrollSync: boolean;
    /** The first render, so the panel shows the plan at once, before any message. */
    body?: string;
}

/** The Content-Security-Policy of the preview: nothing inline, nothing remote, one nonce'd script. */
export function previewCsp(cspSource: string, nonce: string): string {
    return `default-src 'none'; img-src ${cspSource} data:; style-src ${cspSource}; script-src 'nonce-${nonce}'; font-src ${cspSource}; base-uri 'none'; form-action 'none'`;
}

/** The page the preview's webview loads; later renders arrive as messages and are patched in. */
export function previewShell(o: ShellOptions): string {
    return `<!DOCTYPE html>
<html lang="${o.lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${esc(previewCsp(o.cspSource, o.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(o.title)}</title>
<link rel="stylesheet" href="${esc(o.styleUri)}">
</head>
<body data-uri="${esc(o.documentUri)}" data-scroll-sync="${o.scrollSync}">
<div id="vp-banner" class="vp-banner" role="status" aria-live="polite" hidden></div>
<span id="vp-dirty" class="vp-dirty" role="status" hidden></span>
<div id="vp-toolbar" class="vp-toolbar" hidden></div>
<div id="vp-root">${o.body ?? ''}</div>
<script nonce="${esc(o.nonce)}" src="${esc(o.scriptUri)}"></script>
</body>
</html>
`;
}
