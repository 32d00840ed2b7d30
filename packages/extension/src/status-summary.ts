// vplan.showStatusSummary: every indicator of the active plan by status, worst first; picking one goes
// to it in the editor. vplan.showDeviations: the same list kept to the deviations (red, yellow, cannot
// be assessed: the vocabulary's isDeviation).
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { IndicatorStatusEntry, StatusCountsResult } from '@vplan/language/protocol';
import { LANGUAGE_ID } from './language-client.js';
import { requestStatusCounts } from './status-client.js';
import { isDeviation } from '@vplan/language/vocabulary';
import { STATUS_ORDER, statusIcon, statusLabel } from './status-model.js';

interface IndicatorPick extends vscode.QuickPickItem {
    entry?: IndicatorStatusEntry;
}

export async function showStatusSummary(client: LanguageClient | undefined, deviationsOnly = false): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== LANGUAGE_ID) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Open a .vplan file to see the status of its indicators.'));
        return;
    }
    if (!client?.isRunning()) {
        void vscode.window.showWarningMessage(vscode.l10n.t('The vplan language server is not running.'));
        return;
    }
    const document = editor.document;
    const result = await requestStatusCounts(client, document);
    if (!result) {
        void vscode.window.showWarningMessage(vscode.l10n.t('No status for this file yet: the language server has not read it.'));
        return;
    }
    if (result.indicators.length === 0) {
        void vscode.window.showInformationMessage(vscode.l10n.t('This file has no indicators.'));
        return;
    }
    if (deviationsOnly && !result.indicators.some(e => isDeviation(e.status))) {
        const plan = result.plan ?? vscode.l10n.t('This plan');
        void vscode.window.showInformationMessage(vscode.l10n.t('No deviations: {0} has no red, yellow or unassessable indicator.', plan));
        return;
    }
    const picked = await vscode.window.showQuickPick(summaryItems(result, deviationsOnly), {
        title: summaryTitle(result, deviationsOnly),
        placeHolder: vscode.l10n.t('Go to an indicator'),
        matchOnDescription: true,
        matchOnDetail: true
    });
    if (picked?.entry) {
        const position = new vscode.Position(picked.entry.line, picked.entry.character);
        const shown = await vscode.window.showTextDocument(document, { selection: new vscode.Range(position, position) });
        shown.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }
}

export function summaryTitle(result: StatusCountsResult, deviationsOnly = false): string {
    const parts = STATUS_ORDER.filter(s => result.counts[s] > 0 && (!deviationsOnly || isDeviation(s))).map(s => `${statusLabel(s, result.lang)} ${result.counts[s]}`);
    const plan = result.plan ?? vscode.l10n.t('Indicator status');
    return `${plan} — ${parts.join(' · ')}`;
}

function summaryItems(result: StatusCountsResult, deviationsOnly: boolean): IndicatorPick[] {
    const items: IndicatorPick[] = [];
    for (const status of STATUS_ORDER) {
        if (deviationsOnly && !isDeviation(status)) continue;
        const entries = result.indicators.filter(e => e.status === status);
        if (entries.length === 0) continue;
        items.push({ label: `${statusLabel(status, result.lang)} (${entries.length})`, kind: vscode.QuickPickItemKind.Separator });
        for (const entry of entries) {
            items.push({
                label: `${statusIcon(status)} ${entry.title ?? entry.name}`,
                description: entry.name,
                detail: entry.reason,
                entry
            });
        }
    }
    return items;
}
