// "Fetch outcomes from Kolada" (Hämta utfall från Kolada) for the open plan: the language server
// fetches (vplan/koladaPull; the server has the parsed plan, and the request is async so no
// keystroke waits); here the user sees what would change and applies it as one undoable edit.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { KOLADA_PULL_REQUEST, type KoladaPullParams, type KoladaPullResult } from '@vplan/data/protocol';

export const FETCH_KOLADA_COMMAND = 'vplan.fetchKoladaOutcomes';

export function registerKoladaFetch(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): void {
    context.subscriptions.push(vscode.commands.registerCommand(FETCH_KOLADA_COMMAND, (uri?: string | vscode.Uri) => fetchKolada(client(), uri)));
}

async function fetchKolada(client: LanguageClient | undefined, target?: string | vscode.Uri): Promise<void> {
    const uri = typeof target === 'string' ? vscode.Uri.parse(target) : target ?? vscode.window.activeTextEditor?.document.uri;
    const document = uri && vscode.workspace.textDocuments.find(d => d.uri.toString() === uri.toString());
    if (!document || document.languageId !== 'vplan') {
        void vscode.window.showInformationMessage(vscode.l10n.t('Open a .vplan file to fetch its outcomes from Kolada.'));
        return;
    }
    if (!client?.isRunning()) {
        void vscode.window.showErrorMessage(vscode.l10n.t('The vplan language server is not running.'));
        return;
    }
    const apiUrl = vscode.workspace.getConfiguration('vplan', document.uri).get<string>('kolada.apiUrl')?.trim() || undefined;
    const params: KoladaPullParams = { uri: client.code2ProtocolConverter.asUri(document.uri), apiUrl };
    const result = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Fetching outcomes from Kolada…'), cancellable: true },
        (_progress, token) => client.sendRequest<KoladaPullResult>(KOLADA_PULL_REQUEST, params, token).then(r => r, () => undefined)
    );
    if (!result) return; // cancelled
    if (!result.ok) {
        if (result.reason !== 'unreachable') {
            void vscode.window.showErrorMessage(result.message);
            return;
        }
        const settings = vscode.l10n.t('Settings');
        const choice = await vscode.window.showErrorMessage(
            vscode.l10n.t('Kolada could not be reached: {0}. Check the network connection, or point the setting vplan.kolada.apiUrl to a mirror.', result.message),
            settings);
        if (choice === settings) void vscode.commands.executeCommand('workbench.action.openSettings', 'vplan.kolada.apiUrl');
        return;
    }
    const notes = result.notes.join('\n');
    if (result.edits.length === 0) {
        void vscode.window.showInformationMessage(
            (result.asked > 0 ? vscode.l10n.t('The outcomes agree with Kolada ({0} indicators). Source: Kolada', result.asked)
                : vscode.l10n.t('No indicator with a Kolada KPI id in a plan whose organisation has a Kolada id.'))
            + (notes ? `\n${notes}` : ''));
        return;
    }
    const lines = result.changes.map(c => `${c.line + 1}: ${c.indicator} — ${c.kind === 'change' ? `${c.before} → ${c.after}` : `+ ${c.after}`}`);
    const apply = vscode.l10n.t('Apply');
    const choice = await vscode.window.showInformationMessage(
        vscode.l10n.t('Kolada: {0} outcomes to change or add in {1}', result.changes.length, vscode.workspace.asRelativePath(document.uri)),
        { modal: true, detail: [...lines, ...(notes ? ['', notes] : []), '', vscode.l10n.t('Source: Kolada')].join('\n') },
        apply);
    if (choice !== apply) return;
    if (document.version !== result.version) {
        void vscode.window.showWarningMessage(vscode.l10n.t('The plan changed while Kolada answered; nothing was applied. Run the command again.'));
        return;
    }
    const edit = new vscode.WorkspaceEdit();
    for (const e of result.edits) {
        edit.replace(document.uri, new vscode.Range(e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character), e.newText);
    }
    // One edit: one Undo takes all of it back. The file is saved by the user, as after any edit.
    if (!(await vscode.workspace.applyEdit(edit))) {
        void vscode.window.showErrorMessage(vscode.l10n.t('The outcomes could not be applied.'));
    }
}
