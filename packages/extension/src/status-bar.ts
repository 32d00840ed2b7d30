// The status bar item: the active plan's indicators by status, as coloured dots with counts (🔴 1  🟡 2
// 🟢 5), in the plan's language (or the one chosen in `vplan.language`). A click opens the status summary.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { StatusCountsResult } from '@vplan/language/protocol';
import { LANGUAGE_ID } from './language-client.js';
import { requestStatusCounts } from './status-client.js';
import { countsSummary } from '@vplan/language/vocabulary';
import { shownStatuses, STATUS_ORDER, statusIcon, statusLabel } from './status-model.js';

/** Refresh at most this often while the user types (the server rebuilds on every edit). */
const REFRESH_DELAY_MS = 400;

export class StatusBar implements vscode.Disposable {
    private readonly item: vscode.StatusBarItem;
    private readonly disposables: vscode.Disposable[] = [];
    private timer: ReturnType<typeof setTimeout> | undefined;
    private pending: vscode.CancellationTokenSource | undefined;

    constructor(private readonly getClient: () => LanguageClient | undefined) {
        this.item = vscode.window.createStatusBarItem('vplan.status', vscode.StatusBarAlignment.Left, 100);
        this.item.name = vscode.l10n.t('vplan status');
        this.item.command = 'vplan.showStatusSummary';
        this.disposables.push(
            this.item,
            vscode.window.onDidChangeActiveTextEditor(() => this.schedule(0)),
            vscode.workspace.onDidChangeTextDocument(e => {
                if (e.document === vscode.window.activeTextEditor?.document) this.schedule(REFRESH_DELAY_MS);
            }),
            // New diagnostics mean the server has rebuilt the document (or one it references).
            vscode.languages.onDidChangeDiagnostics(e => {
                const active = vscode.window.activeTextEditor?.document.uri.toString();
                if (active && e.uris.some(uri => uri.toString() === active)) this.schedule(REFRESH_DELAY_MS);
            })
        );
    }

    /** Refreshes now (e.g. once the client has started). */
    refresh(): void {
        this.schedule(0);
    }

    private schedule(delay: number): void {
        if (this.timer) clearTimeout(this.timer);
        this.timer = setTimeout(() => void this.update(), delay);
    }

    private async update(): Promise<void> {
        const editor = vscode.window.activeTextEditor;
        const client = this.getClient();
        if (!editor || editor.document.languageId !== LANGUAGE_ID || !client) {
            this.item.hide();
            return;
        }
        this.pending?.cancel();
        const source = (this.pending = new vscode.CancellationTokenSource());
        try {
            const result = await requestStatusCounts(client, editor.document, source.token);
            if (source.token.isCancellationRequested) return;
            if (result) this.show(result);
            else this.item.hide();
        } catch {
            // The server is restarting or the request was cancelled: keep the last figures.
        }
    }

    private show(result: StatusCountsResult): void {
        const { counts } = result;
        const total = STATUS_ORDER.reduce((sum, s) => sum + counts[s], 0);
        if (total === 0) {
            this.item.text = `$(pulse) ${vscode.l10n.t('No indicators')}`;
        } else {
            this.item.text = shownStatuses(counts).map(s => `${statusIcon(s)} ${counts[s]}`).join('  ');
        }
        this.item.tooltip = tooltip(result);
        this.item.accessibilityInformation = {
            label: countsSummary(counts, result.lang)
        };
        this.item.show();
    }

    dispose(): void {
        if (this.timer) clearTimeout(this.timer);
        this.pending?.cancel();
        for (const d of this.disposables) d.dispose();
    }
}

function tooltip(result: StatusCountsResult): vscode.MarkdownString {
    const md = new vscode.MarkdownString(undefined, true);
    md.appendMarkdown(`**${escape(result.plan ?? vscode.l10n.t('Indicator status'))}**\n\n`);
    for (const status of shownStatuses(result.counts)) {
        md.appendMarkdown(`${statusIcon(status)} ${statusLabel(status, result.lang)}: ${result.counts[status]}  \n`);
    }
    md.appendMarkdown(`\n${vscode.l10n.t('Click for the summary')}`);
    return md;
}

function escape(text: string): string {
    return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}
