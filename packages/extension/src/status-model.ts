// How the client shows a status: icon and label. The status itself comes from the server (one model).
import * as vscode from 'vscode';
import type { StatusName } from '@vplan/language/protocol';

/** The order the status bar and the summary list the statuses in. */
export const STATUS_ORDER: readonly StatusName[] = ['red', 'yellow', 'green', 'undefined', 'pending', 'no-data'];

export function statusIcon(status: StatusName): string {
    switch (status) {
        case 'green': return '$(pass-filled)';
        case 'yellow': return '$(warning)';
        case 'red': return '$(error)';
        case 'pending': return '$(clock)';
        case 'undefined': return '$(question)';
        case 'no-data': return '$(circle-slash)';
    }
}

export function statusLabel(status: StatusName): string {
    switch (status) {
        case 'green': return vscode.l10n.t('Green');
        case 'yellow': return vscode.l10n.t('Yellow');
        case 'red': return vscode.l10n.t('Red');
        case 'pending': return vscode.l10n.t('Pending');
        case 'undefined': return vscode.l10n.t('Cannot be assessed');
        case 'no-data': return vscode.l10n.t('No data');
    }
}
