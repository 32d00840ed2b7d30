// *vplan: New Plan*: writes the municipality file and a first plan into a folder and opens the plan,
// from the same template as `vplan init` (@vplan/language/templates). Never replaces a file: when
// one of the files is already in the folder, nothing is written. The files are created through a
// workspace edit, so that Undo removes them again.
import * as vscode from 'vscode';
import type { Lang } from '@vplan/language/i18n';
import { newPlanFiles } from '@vplan/language/templates';

/** `target`: the folder the command was run on in the explorer, if it was. */
export async function newPlan(target?: vscode.Uri): Promise<void> {
    const folder = target ?? await pickFolder();
    if (!folder) return;
    const lang = await pickLanguage();
    if (!lang) return;

    const files = newPlanFiles({ lang }).map(f => ({ ...f, uri: vscode.Uri.joinPath(folder, f.name) }));
    const existing: string[] = [];
    for (const file of files) if (await exists(file.uri)) existing.push(file.name);
    if (existing.length > 0) {
        void vscode.window.showWarningMessage(vscode.l10n.t('{0} already exists in the folder; nothing was written.', existing.join(', ')));
        return;
    }
    const edit = new vscode.WorkspaceEdit();
    const encoder = new TextEncoder();
    for (const file of files) edit.createFile(file.uri, { overwrite: false, contents: encoder.encode(file.text) });
    if (!(await vscode.workspace.applyEdit(edit))) {
        void vscode.window.showErrorMessage(vscode.l10n.t('The plan could not be created in {0}.', folder.fsPath));
        return;
    }
    // The files are created through the edit but not saved to disk until written: save them.
    for (const file of files) {
        const document = await vscode.workspace.openTextDocument(file.uri);
        if (document.isDirty) await document.save();
    }
    await vscode.window.showTextDocument(files[1].uri);
}

/** The only workspace folder, a choice among several, or a folder picked in a dialog. */
async function pickFolder(): Promise<vscode.Uri | undefined> {
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (folders.length === 1) return folders[0].uri;
    if (folders.length > 1) {
        const picked = await vscode.window.showWorkspaceFolderPick({ placeHolder: vscode.l10n.t('Folder for the new plan') });
        return picked?.uri;
    }
    const [uri] = await vscode.window.showOpenDialog({
        canSelectFolders: true, canSelectFiles: false, canSelectMany: false,
        openLabel: vscode.l10n.t('Create the plan here')
    }) ?? [];
    return uri;
}

/** Swedish or English keywords; VS Code's display language comes first. */
async function pickLanguage(): Promise<Lang | undefined> {
    const items: (vscode.QuickPickItem & { lang: Lang })[] = [
        { lang: 'sv', label: 'Svenska', description: 'kommun.vplan, verksamhetsplan-ÅÅÅÅ.vplan' },
        { lang: 'en', label: 'English', description: 'municipality.vplan, plan-YYYY.vplan' }
    ];
    if (!vscode.env.language.toLowerCase().startsWith('sv')) items.reverse();
    const picked = await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('Language of the new plan') });
    return picked?.lang;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
    try {
        await vscode.workspace.fs.stat(uri);
        return true;
    } catch {
        return false;
    }
}
