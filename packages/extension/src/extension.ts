// The VS Code extension: starts the language server, shows the active plan's status in the status bar
// and hosts the live preview.
import { bundleEvaluationStart } from './activation-clock.js';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { registerKoladaFetch } from './kolada-fetch.js';
import { createLanguageClient } from './language-client.js';
import { registerPreview } from './preview/index.js';
import { StatusBar } from './status-bar.js';
import { newPlan } from './new-plan.js';
import { showStatusSummary } from './status-summary.js';
import { exportPlan } from './export-plan.js';

let client: LanguageClient | undefined;
/** Every import above has been evaluated by now. */
const bundleEvaluated = performance.now();

export async function activate(context: vscode.ExtensionContext): Promise<void> {
    const activateStart = performance.now();
    const log = vscode.window.createOutputChannel('vplan', { log: true });
    context.subscriptions.push(log);

    client = createLanguageClient(context, log);
    const statusBar = new StatusBar(() => client);
    context.subscriptions.push(
        statusBar,
        vscode.commands.registerCommand('vplan.showStatusSummary', () => showStatusSummary(client)),
        vscode.commands.registerCommand('vplan.showDeviations', () => showStatusSummary(client, true)),
        vscode.commands.registerCommand('vplan.exportPlan', (uri?: vscode.Uri) => exportPlan(client, uri instanceof vscode.Uri ? uri : undefined)),
        vscode.commands.registerCommand('vplan.newPlan', (folder?: vscode.Uri) => newPlan(folder instanceof vscode.Uri ? folder : undefined)),
        vscode.commands.registerCommand('vplan.restartServer', async () => {
            if (!client) return;
            await client.restart();
            statusBar.refresh();
            void vscode.window.setStatusBarMessage(vscode.l10n.t('vplan language server restarted'), 3000);
        })
    );

    // The preview renders through the running server; a getter, so that it never keeps a stopped client.
    registerPreview(context, () => client);
    // "Fetch outcomes from Kolada": the server fetches, the user sees the changes and applies them as one edit.
    registerKoladaFetch(context, () => client);

    const activated = performance.now();
    // Activation must not wait for the server: it starts in the background and the editor stays usable.
    void client.start().then(
        () => {
            const ready = performance.now();
            // Read by the end-to-end tests and quoted in the README: load + activate, and until the server answers.
            const ms = (from: number, to: number) => Math.round(to - from);
            log.info(`vplan activated in ${ms(bundleEvaluationStart, activated)} ms `
                + `(bundle evaluation ${ms(bundleEvaluationStart, bundleEvaluated)} ms, `
                + `host until activate ${ms(bundleEvaluated, activateStart)} ms, activate ${ms(activateStart, activated)} ms); `
                + `language server ready after ${ms(bundleEvaluationStart, ready)} ms`);
            statusBar.refresh();
        },
        (err: unknown) => {
            log.error(`vplan language server failed to start: ${String(err)}`);
            void vscode.window.showErrorMessage(
                vscode.l10n.t('The vplan language server could not start. See the output channel "vplan".'));
        }
    );
}

export async function deactivate(): Promise<void> {
    const stopping = client?.stop();
    client = undefined;
    await stopping;
}
