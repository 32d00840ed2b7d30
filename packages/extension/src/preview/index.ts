// The live preview of a plan: commands, panels and their restoration after a reload.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { PreviewState } from '@vplan/preview/protocol';
import type { LocalRenderer, WorkspaceFile } from './local-renderer.js';
import { PREVIEW_VIEW_TYPE, PreviewPanel, type PreviewHost } from './preview-panel.js';

/** At most this many plan files are read for the fallback renderer's cross-references. */
const MAX_WORKSPACE_FILES = 2000;

/**
 * Registers the preview: `vplan.showPreview`, `vplan.showPreviewToSide` and the serializer that
 * restores open previews after a reload. The client is the running language server's, which renders
 * what it has already parsed; without one the preview parses in the extension host.
 */
export function registerPreview(
    context: vscode.ExtensionContext,
    client?: LanguageClient | (() => LanguageClient | undefined)
): vscode.Disposable {
    const panels = new Map<string, PreviewPanel>();
    let local: Promise<LocalRenderer> | undefined;
    const output = vscode.window.createOutputChannel('vplan preview', { log: true });
    const host: PreviewHost = {
        extensionUri: context.extensionUri,
        client: typeof client === 'function' ? client : () => client,
        localRenderer: () => (local ??= loadLocalRenderer(context).catch(err => {
            local = undefined;
            throw err;
        })),
        log: message => output.info(message)
    };

    const track = (panel: PreviewPanel) => {
        const key = panel.documentUri.toString();
        panels.set(key, panel);
        panel.onDidDispose(() => {
            if (panels.get(key) === panel) panels.delete(key);
        });
    };

    const show = (toSide: boolean) => async (uri?: vscode.Uri) => {
        const target = uri instanceof vscode.Uri ? uri : vscode.window.activeTextEditor?.document.uri;
        if (!target) return;
        const existing = panels.get(target.toString());
        const column = toSide ? vscode.ViewColumn.Beside : vscode.window.activeTextEditor?.viewColumn ?? vscode.ViewColumn.Active;
        if (existing) {
            existing.panel.reveal(column, toSide);
            return;
        }
        const panel = vscode.window.createWebviewPanel(PREVIEW_VIEW_TYPE, 'vplan', { viewColumn: column, preserveFocus: toSide }, {
            enableScripts: true,
            enableFindWidget: true,
            retainContextWhenHidden: false,
            localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'out')]
        });
        const editor = vscode.window.visibleTextEditors.find(e => e.document.uri.toString() === target.toString());
        track(new PreviewPanel(panel, target, host, editor?.visibleRanges[0]?.start.line));
    };

    const disposables: vscode.Disposable[] = [
        output,
        vscode.commands.registerCommand('vplan.showPreview', show(false)),
        vscode.commands.registerCommand('vplan.showPreviewToSide', show(true)),
        vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, {
            async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: PreviewState | undefined) {
                if (!state?.uri) {
                    panel.dispose();
                    return;
                }
                track(new PreviewPanel(panel, vscode.Uri.parse(state.uri), host, state.line));
            }
        }),
        { dispose: () => [...panels.values()].forEach(p => p.panel.dispose()) }
    ];
    const disposable = vscode.Disposable.from(...disposables);
    context.subscriptions.push(disposable);
    return disposable;
}

/** Loads out/preview-local.cjs (the parser and the renderer) the first time the fallback is needed. */
async function loadLocalRenderer(context: vscode.ExtensionContext): Promise<LocalRenderer> {
    const file = path.join(context.extensionPath, 'out', 'preview-local.cjs');
    const mod = (await import(pathToFileURL(file).href)) as { createLocalRenderer?: typeof import('./local-renderer.js').createLocalRenderer; default?: { createLocalRenderer: typeof import('./local-renderer.js').createLocalRenderer } };
    const create = mod.createLocalRenderer ?? mod.default?.createLocalRenderer;
    if (!create) throw new Error(`${file} does not export createLocalRenderer`);
    return create(readWorkspacePlans);
}

async function readWorkspacePlans(): Promise<WorkspaceFile[]> {
    const uris = await vscode.workspace.findFiles('**/*.vplan', '**/node_modules/**', MAX_WORKSPACE_FILES);
    const decoder = new TextDecoder('utf-8');
    const files: WorkspaceFile[] = [];
    for (const uri of uris) {
        const open = vscode.workspace.textDocuments.find(d => d.uri.toString() === uri.toString());
        try {
            files.push({ uri: uri.toString(), text: open ? open.getText() : decoder.decode(await vscode.workspace.fs.readFile(uri)) });
        } catch {
            // An unreadable file only costs the references into it.
        }
    }
    return files;
}
