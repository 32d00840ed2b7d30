// vplan.exportPlan: the active plan as a report page (HTML), Word or PDF — the adopted plan or the
// follow-up report of one of its periods. The language server renders (it has the built plan and
// speaks its language); the client asks what and where, shows progress, writes the file through the
// workspace file system and offers to open it.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { sendTypedRequest } from '@vplan/language/protocol';
import { EXPORT_PERIODS, EXPORT_PLAN, type ExportFormat, type ExportPeriodsResult, type ExportPlanResult } from '@vplan/preview/protocol';
import { LANGUAGE_ID } from './language-client.js';

interface FormatPick extends vscode.QuickPickItem {
    format: ExportFormat;
}

function formatPicks(): FormatPick[] {
    return [
        { format: 'html', label: 'HTML', description: '.html', detail: vscode.l10n.t('The report page, for a browser or the intranet') },
        { format: 'pdf', label: 'PDF', description: '.pdf', detail: vscode.l10n.t('For print and the board papers (needs Chromium, Chrome or Edge)') },
        { format: 'docx', label: 'Word', description: '.docx', detail: vscode.l10n.t('To edit further in Word or LibreOffice') }
    ];
}

interface PeriodPick extends vscode.QuickPickItem {
    /** undefined: the adopted plan. */
    period?: string;
}

/** The adopted plan, then each follow-up period with how far its follow-up is; a follow-up file's own period first. */
export function periodPicks(answer: ExportPeriodsResult): PeriodPick[] {
    const state: Record<ExportPeriodsResult['periods'][number]['state'], string> = {
        ready: vscode.l10n.t('ready for the report'),
        draft: vscode.l10n.t('draft'),
        none: vscode.l10n.t('no follow-up yet')
    };
    const periods = answer.periods.map(p => ({ period: p.name, label: vscode.l10n.t('Follow-up {0}', p.label), description: state[p.state] }));
    const own = periods.findIndex(p => p.period === answer.followUpPeriod);
    if (own > 0) periods.unshift(...periods.splice(own, 1));
    return answer.ownPlan ? [{ label: vscode.l10n.t('The adopted plan'), description: '' }, ...periods] : periods;
}

/**
 * The plan's file with the format's extension: `plan.vplan` → `plan.pdf`; a period's report as
 * `vplan render --period T1` names it, `plan-t1.pdf` (`slug` from the server).
 */
export function exportTarget(plan: vscode.Uri, format: ExportFormat, slug?: string): vscode.Uri {
    const base = plan.path.replace(/\.vplan$/i, '');
    return plan.with({ path: `${base}${slug ? `-${slug}` : ''}.${format}` });
}

export async function exportPlan(client: LanguageClient | undefined, target?: vscode.Uri): Promise<void> {
    const document = target
        ? vscode.workspace.textDocuments.find(d => d.uri.toString() === target.toString()) ?? await vscode.workspace.openTextDocument(target)
        : vscode.window.activeTextEditor?.document;
    if (!document || document.languageId !== LANGUAGE_ID) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Open a .vplan file to export its plan.'));
        return;
    }
    if (!client?.isRunning()) {
        void vscode.window.showWarningMessage(vscode.l10n.t('The vplan language server is not running.'));
        return;
    }
    const picked = await vscode.window.showQuickPick(formatPicks(), { title: vscode.l10n.t('Export Plan'), placeHolder: vscode.l10n.t('Choose a format') });
    if (!picked) return;
    const format = picked.format;
    // The plan's year: the adopted plan or the follow-up report of a period (asked only when the plan declares periods).
    const uri = client.code2ProtocolConverter.asUri(document.uri);
    const periods = await sendTypedRequest(client, EXPORT_PERIODS, { uri }).then(r => r, () => undefined);
    let period: string | undefined;
    let slug: string | undefined;
    if (periods && periods.periods.length > 0) {
        const which = await vscode.window.showQuickPick(periodPicks(periods), { title: vscode.l10n.t('Export Plan'), placeHolder: vscode.l10n.t('The adopted plan or a follow-up period') });
        if (!which) return;
        period = which.period;
        slug = periods.periods.find(p => p.name === period)?.slug;
    }
    const planFile = period && periods?.planUri ? client.protocol2CodeConverter.asUri(periods.planUri) : document.uri;
    const filters: Record<string, string[]> = { [picked.label]: [format] };
    const saveTo = await vscode.window.showSaveDialog({ defaultUri: exportTarget(planFile, format, slug), filters, title: vscode.l10n.t('Export Plan') });
    if (!saveTo) return;
    let cancelled = false;
    const result = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Exporting {0}…', picked.label), cancellable: true },
        (_progress, token) => {
            token.onCancellationRequested(() => { cancelled = true; });
            return sendTypedRequest(client, EXPORT_PLAN, { uri, format, period }, token);
        }
    ).then(r => r, (err: unknown) => ({ ok: false, error: 'failed', message: String(err) }) as ExportPlanResult);
    // Cancelled by the user: nothing is written and nothing more is said.
    if (cancelled) return;
    if (!result.ok) {
        void vscode.window.showErrorMessage(exportError(result));
        return;
    }
    try {
        await vscode.workspace.fs.writeFile(saveTo, new Uint8Array(Buffer.from(result.base64, 'base64')));
    } catch (err) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Could not write {0}: {1}', saveTo.fsPath, err instanceof Error ? err.message : String(err)));
        return;
    }
    const open = vscode.l10n.t('Open');
    const choice = await vscode.window.showInformationMessage(vscode.l10n.t('Exported {0}.', vscode.workspace.asRelativePath(saveTo)), open);
    // HTML and PDF open in the system's viewer; VS Code has no Word editor either.
    if (choice === open) await vscode.env.openExternal(saveTo);
}

function exportError(result: Extract<ExportPlanResult, { ok: false }>): string {
    switch (result.error) {
        case 'browser-missing':
            return vscode.l10n.t('PDF export needs Chromium, Google Chrome or Microsoft Edge: install one of them (or set VPLAN_CHROMIUM to a browser) and export again.');
        case 'no-plan':
            return vscode.l10n.t('This file has no plan to export.');
        case 'unknown-document':
            return vscode.l10n.t('No export yet: the language server has not read this file.');
        default:
            return vscode.l10n.t('The export failed: {0}', result.message ?? '');
    }
}
