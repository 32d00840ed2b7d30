// The status bar and the status summary: the active plan's indicator counts from the server
// (vplan/statusCounts), the summary listing each indicator; and how long activation took.
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { join } from 'node:path';
import { findLogs, ROOT } from './code-server.js';
import { countsSummary } from '../../packages/language/src/semantics/vocabulary.js';
import { expectedStatus } from './expected.js';
import { launchBrowser, Workbench } from './workbench.js';

const EXAMPLES = join(ROOT, 'examples');
let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

test('the status bar shows the plan\'s counts, opens the summary that goes to an indicator, and survives a server restart', async () => {
    const expected = await expectedStatus(EXAMPLES, 'norsjo/omsorg-2026.vplan');
    const { counts } = expected;
    await Workbench.scenario(browser, inject('codeServerUrl'), 'status', async wb => {
        await wb.openFile('norsjo/omsorg-2026.vplan');
        // A Swedish plan in an English VS Code: the status bar speaks the plan's language, with coloured dots.
        const item = wb.page.locator('.statusbar-item[aria-label^="Indikatorer:"]');
        await item.waitFor();
        await expect.poll(() => item.getAttribute('aria-label'), { timeout: 60_000 }).toBe(countsSummary(counts, 'sv'));
        expect(await item.innerText()).toContain(`🔴 ${counts.red}`);
        await wb.step('status-bar');

        await item.click();
        const picker = wb.page.locator('.quick-input-widget');
        await picker.locator('.quick-input-title', { hasText: expected.plan! }).waitFor();
        // One row per indicator; the worst first.
        const red = expected.indicators.find(i => i.status === 'red')!;
        await picker.locator('.monaco-list-row', { hasText: red.title ?? red.name }).first().waitFor();
        await wb.step('status-summary');

        await wb.page.keyboard.type(red.title ?? red.name);
        await picker.locator('.monaco-list-row.focused', { hasText: red.title ?? red.name }).first().waitFor();
        await wb.page.keyboard.press('Enter');
        await wb.page.locator('#status\\.editor\\.selection', { hasText: `Ln ${red.line + 1},` }).waitFor();
        await wb.step('went-to-red-indicator');

        // Restarting the server: the status bar says so and shows the same figures again.
        await wb.runCommand('vplan: Restart Language Server');
        await wb.page.locator('.statusbar-item', { hasText: 'vplan language server restarted' }).waitFor();
        await expect.poll(() => item.getAttribute('aria-label'), { timeout: 60_000 }).toBe(countsSummary(counts, 'sv'));
        await wb.step('server-restarted');
    });

    // The extension logs its own activation time once the server answers (see README, "Extension").
    const [log] = findLogs(inject('userDataDir'), /vplan activated in \d+ ms/);
    expect(log, 'the extension logged its activation time').toBeDefined();
    const activation = /vplan activated in (\d+) ms \(bundle evaluation (\d+) ms, host until activate (\d+) ms, activate (\d+) ms\); language server ready after (\d+) ms/
        .exec(log.text);
    expect(activation, log.text).not.toBeNull();
    console.log(`activation: ${activation![0]}\n(log: ${log.file})`);
    const [, total, evaluation, , activate] = activation!.map(Number);
    // Evaluating the bundle and activate() are ours and must stay cheap (the server starts in the
    // background). The whole shares two cores with code-server, Chromium and the other extensions.
    expect(evaluation).toBeLessThan(500);
    expect(activate).toBeLessThan(500);
    expect(total).toBeLessThan(5000);
});
