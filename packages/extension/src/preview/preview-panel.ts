import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { langFromLocale, languagePreference, localize, type Localized } from '@vplan/language/i18n';
import {
    RENDER_PREVIEW, type HostToWebview, type RenderPreviewParams, type RenderPreviewResult, type WebviewToHost
} from '@vplan/preview/protocol';
import { sendTypedRequest } from '@vplan/language/protocol';
import { previewShell } from '@vplan/preview/webview-shell';
import { RenderScheduler } from './render-scheduler.js';
import type { LocalRenderer } from './local-renderer.js';

export const PREVIEW_VIEW_TYPE = 'vplan.preview';

/** The preview's own words (the plan's content comes from the renderer's catalogue). */
const WORDS = {
    title: { sv: 'Förhandsvisning', en: 'Preview' },
    notSaved: { sv: 'Ej sparad', en: 'Not saved' },
    syntaxErrors: {
        sv: 'Planen har syntaxfel. Förhandsvisningen visar den senaste versionen som gick att läsa.',
        en: 'The plan has syntax errors. The preview shows the last version that could be read.'
    },
    syntaxErrorsFirst: {
        sv: 'Planen har syntaxfel. Det som gick att läsa visas nedan.',
        en: 'The plan has syntax errors. What could be read is shown below.'
    },
    line: { sv: 'Rad', en: 'Line' },
    failed: { sv: 'Förhandsvisningen kunde inte uppdateras', en: 'The preview could not be updated' }
} satisfies Record<string, Localized>;

export interface PreviewHost {
    extensionUri: vscode.Uri;
    client: () => LanguageClient | undefined;
    localRenderer: () => Promise<LocalRenderer>;
    log: (message: string) => void;
}

function nonce(): string {
    const bytes = new Uint8Array(18);
    globalThis.crypto.getRandomValues(bytes);
    return Buffer.from(bytes).toString('base64').replace(/[^A-Za-z0-9]/g, '');
}

/**
 * One preview of one plan document. The plan is rendered by the language server, which has the
 * document parsed and linked already for its diagnostics, so an update costs a render and not a
 * second parse; without a running server the extension host parses it itself (local-renderer.ts).
 */
export class PreviewPanel implements vscode.Disposable {
    private readonly disposables: vscode.Disposable[] = [];
    private readonly scheduler: RenderScheduler;
    private seq = 0;
    /** The last render without syntax errors: what a reloaded webview shows while the plan is broken. */
    private lastGoodHtml: string | undefined;
    private lastSentKey: string | undefined;
    private ready = false;
    private queued: HostToWebview[] = [];
    /** When the editor scrolled the preview (or the reverse), the echo is ignored for a moment. */
    private ignoreEditorScrollUntil = 0;
    /** The language of the panel's own words: the display language until a render says the plan's. */
    private lang = langFromLocale(vscode.env.language);
    private onDisposeListeners: (() => void)[] = [];

    constructor(readonly panel: vscode.WebviewPanel, readonly documentUri: vscode.Uri, private readonly host: PreviewHost, initialLine?: number) {
        const config = vscode.workspace.getConfiguration('vplan.preview', documentUri);
        this.scheduler = new RenderScheduler(() => this.render(), config.get<number>('updateDelay', 150));
        const media = vscode.Uri.joinPath(host.extensionUri, 'out');
        panel.webview.options = { enableScripts: true, localResourceRoots: [media] };
        panel.title = `${localize(WORDS.title, this.lang)}: ${documentUri.path.split('/').pop()}`;
        panel.iconPath = vscode.Uri.joinPath(host.extensionUri, 'images', 'vplan-file.svg');
        panel.webview.html = previewShell({
            cspSource: panel.webview.cspSource,
            nonce: nonce(),
            styleUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(media, 'preview.css')).toString(),
            scriptUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(media, 'preview-webview.js')).toString(),
            documentUri: documentUri.toString(),
            lang: this.lang,
            title: panel.title,
            scrollSync: config.get<boolean>('scrollSync', true)
        });
        this.disposables.push(
            panel.webview.onDidReceiveMessage((m: WebviewToHost) => this.onMessage(m, initialLine)),
            panel.onDidDispose(() => this.dispose()),
            vscode.workspace.onDidChangeTextDocument(e => {
                if (e.document.uri.toString() === documentUri.toString()) {
                    this.post({ type: 'dirty', dirty: e.document.isDirty, label: localize(WORDS.notSaved, this.lang) });
                    this.scheduler.request();
                } else if (e.document.languageId === 'vplan') {
                    // Another plan (the shared catalogue): titles of goals and roles may have changed.
                    void this.host.localRenderer().then(r => r.updateFile({ uri: e.document.uri.toString(), text: e.document.getText() }), () => undefined);
                    this.scheduler.request();
                }
            }),
            vscode.workspace.onDidSaveTextDocument(d => {
                if (d.uri.toString() === documentUri.toString()) this.post({ type: 'dirty', dirty: false, label: '' });
            }),
            vscode.window.onDidChangeTextEditorVisibleRanges(e => this.onEditorScroll(e)),
            vscode.workspace.onDidChangeConfiguration(e => {
                if (!e.affectsConfiguration('vplan.preview', documentUri)) return;
                const c = vscode.workspace.getConfiguration('vplan.preview', documentUri);
                this.scheduler.setInterval(c.get<number>('updateDelay', 150));
                this.post({ type: 'options', scrollSync: c.get<boolean>('scrollSync', true) });
                this.scheduler.request();
            })
        );
    }

    onDidDispose(listener: () => void): void {
        this.onDisposeListeners.push(listener);
    }

    private post(message: HostToWebview): void {
        if (!this.ready) {
            // Until the script says it listens, keep only the latest of each kind.
            this.queued = this.queued.filter(m => m.type !== message.type).concat(message);
            return;
        }
        void this.panel.webview.postMessage(message);
    }

    private onMessage(message: WebviewToHost, initialLine: number | undefined): void {
        switch (message.type) {
            case 'ready': {
                this.ready = true;
                // A reloaded webview shows nothing: the next render goes out even if unchanged.
                this.lastSentKey = undefined;
                const queued = this.queued;
                this.queued = [];
                for (const m of queued) void this.panel.webview.postMessage(m);
                // The first render goes out at once; later ones are throttled.
                this.scheduler.request();
                const doc = this.textDocument();
                if (doc?.isDirty) this.post({ type: 'dirty', dirty: true, label: localize(WORDS.notSaved, this.lang) });
                if (initialLine !== undefined) this.post({ type: 'scrollTo', line: initialLine });
                break;
            }
            case 'revealLine': {
                const editor = this.editor();
                if (!editor || !vscode.workspace.getConfiguration('vplan.preview', this.documentUri).get<boolean>('scrollSync', true)) return;
                this.ignoreEditorScrollUntil = Date.now() + 200;
                const line = Math.max(0, Math.min(message.line, editor.document.lineCount - 1));
                editor.revealRange(new vscode.Range(line, 0, line, 0), vscode.TextEditorRevealType.AtTop);
                break;
            }
            case 'selectLine':
                void this.selectLine(message.line);
                break;
            case 'rendered':
                break;
        }
    }

    private async selectLine(line: number): Promise<void> {
        const doc = await vscode.workspace.openTextDocument(this.documentUri);
        const visible = this.editor();
        const column = visible?.viewColumn ?? (this.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One);
        const target = Math.max(0, Math.min(line, doc.lineCount - 1));
        const editor = await vscode.window.showTextDocument(doc, { viewColumn: column, preserveFocus: false });
        const position = new vscode.Position(target, doc.lineAt(target).firstNonWhitespaceCharacterIndex);
        editor.selection = new vscode.Selection(position, position);
        editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }

    private onEditorScroll(e: vscode.TextEditorVisibleRangesChangeEvent): void {
        if (e.textEditor.document.uri.toString() !== this.documentUri.toString()) return;
        if (Date.now() < this.ignoreEditorScrollUntil || e.visibleRanges.length === 0) return;
        this.post({ type: 'scrollTo', line: e.visibleRanges[0].start.line });
    }

    private editor(): vscode.TextEditor | undefined {
        return vscode.window.visibleTextEditors.find(ed => ed.document.uri.toString() === this.documentUri.toString());
    }

    private textDocument(): vscode.TextDocument | undefined {
        return vscode.workspace.textDocuments.find(d => d.uri.toString() === this.documentUri.toString());
    }

    private async render(): Promise<void> {
        const seq = ++this.seq;
        const config = vscode.workspace.getConfiguration('vplan.preview', this.documentUri);
        const dashboard = config.get<boolean>('showDashboard', true);
        let doc = this.textDocument();
        try {
            doc ??= await vscode.workspace.openTextDocument(this.documentUri);
        } catch (err) {
            this.host.log(`preview: cannot open ${this.documentUri.toString()}: ${String(err)}`);
            return;
        }
        let result: RenderPreviewResult | undefined;
        try {
            result = await this.renderOnServer(doc, dashboard);
        } catch (err) {
            this.host.log(`preview: the language server did not render (${String(err)}); rendering here`);
        }
        if (!result) {
            try {
                const local = await this.host.localRenderer();
                result = await local.render(doc.uri.toString(), doc.getText(), doc.version, {
                    language: languagePreference(vscode.workspace.getConfiguration('vplan', doc.uri).get('language')),
                    fallback: langFromLocale(vscode.env.language),
                    dashboard
                });
            } catch (err) {
                this.host.log(`preview: ${localize(WORDS.failed, this.lang)}: ${String(err)}`);
                return;
            }
        }
        // A newer render started meanwhile (cannot happen with the scheduler, but a reload can): drop this one.
        if (seq !== this.seq) return;
        this.lang = result.lang ?? this.lang;
        // An edit that changes nothing rendered (a comment, spacing) costs the webview nothing.
        const key = `${result.errors.map(e => `${e.line}:${e.message}`).join('|')}\u0000${result.html}`;
        if (key === this.lastSentKey) return;
        this.lastSentKey = key;
        const broken = result.errors.length > 0;
        const keep = broken && this.lastGoodHtml !== undefined;
        if (!broken) this.lastGoodHtml = result.html;
        this.post({
            // When keeping, the webview keeps what it shows; the last good render goes along for a
            // webview that was reloaded (hidden and shown again) and shows nothing.
            type: 'render', seq, html: keep ? this.lastGoodHtml! : result.html, errors: result.errors, keptPrevious: keep,
            labels: { syntaxErrors: localize(keep ? WORDS.syntaxErrors : WORDS.syntaxErrorsFirst, this.lang), line: localize(WORDS.line, this.lang) }
        });
    }

    private async renderOnServer(doc: vscode.TextDocument, dashboard: boolean): Promise<RenderPreviewResult | undefined> {
        const client = this.host.client();
        // The server only knows the documents of the schemes it serves.
        if (!client || !client.isRunning() || !['file', 'untitled', 'vscode-remote', 'vscode-vfs'].includes(doc.uri.scheme)) return undefined;
        // No language: the server renders in the one `vplan.language` and the plan's keywords give.
        const params: RenderPreviewParams = { uri: client.code2ProtocolConverter.asUri(doc.uri), dashboard };
        const result = await sendTypedRequest(client, RENDER_PREVIEW, params);
        if (!result) return undefined;
        // The server answered for an older text (it had not seen the last edit): render again.
        if (result.version < doc.version) this.scheduler.request();
        return result;
    }

    dispose(): void {
        this.scheduler.dispose();
        while (this.disposables.length) this.disposables.pop()?.dispose();
        const listeners = this.onDisposeListeners;
        this.onDisposeListeners = [];
        for (const l of listeners) l();
    }
}
