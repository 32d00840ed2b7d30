// Show Deviations and Export Plan… as a strategist meets them: the deviations of the open plan in a
// pick list that goes to the one picked, and the plan written as a report page next to it.
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './code-server.js';
import { expectedStatus } from './expected.js';
import { launchBrowser, Workbench } from './workbench.js';

const EXAMPLES = join(ROOT, 'examples');
let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

test('Show Deviations lists the red first and no green; Export Plan… writes the report page next to the plan', async () => {
    const expected = await expectedStatus(EXAMPLES, 'norsjo/omsorg-2026.vplan');
    const red = expected.indicators.find(i => i.status === 'red')!;
    const green = expected.indicators.find(i => i.status === 'green')!;
    expect(red, 'the example has a red indicator').toBeDefined();
    expect(green, 'the example has a green indicator').toBeDefined();
    await Workbench.scenario(browser, inject('codeServerUrl'), 'export', async wb => {
        await wb.openFile('norsjo/omsorg-2026.vplan');
        await wb.page.locator('.statusbar-item[aria-label^="Indikatorer:"]').waitFor();

        await wb.runCommand('vplan: Show Deviations');
        const picker = wb.page.locator('.quick-input-widget');
        await picker.locator('.quick-input-title', { hasText: expected.plan! }).waitFor();
        // Worst first: the first row is a red one, in the plan's language (Swedish separator word).
        await picker.locator('.monaco-list-row', { hasText: red.title ?? red.name }).first().waitFor();
        expect(await picker.locator('.monaco-list-row').first().innerText()).toContain('🔴');
        expect(await picker.locator('.monaco-list-row', { hasText: '🟢' }).count()).toBe(0);
        await wb.step('deviations');
        await wb.page.keyboard.type(red.title ?? red.name);
        await picker.locator('.monaco-list-row.focused', { hasText: red.title ?? red.name }).first().waitFor();
        await wb.page.keyboard.press('Enter');
        await wb.page.locator('#status\\.editor\\.selection', { hasText: `Ln ${red.line + 1},` }).waitFor();
        await wb.step('went-to-deviation');

        await wb.runCommand('vplan: Export Plan…');
        await picker.locator('.monaco-list-row', { hasText: 'Word' }).waitFor();
        await wb.step('export-formats');
        await wb.page.keyboard.type('HTML');
        await picker.locator('.monaco-list-row.focused', { hasText: 'HTML' }).waitFor();
        await wb.page.keyboard.press('Enter');
        // code-server's save dialog proposes the plan's name with .html, next to the plan.
        await expect.poll(() => picker.locator('input').inputValue(), { timeout: 30_000 }).toMatch(/norsjo\/omsorg-2026\.html$/);
        await wb.step('export-save-dialog');
        await wb.page.keyboard.press('Enter');
        await wb.page.locator('.notification-toast', { hasText: 'omsorg-2026.html' }).waitFor();
        await wb.step('exported');
        const file = join(wb.folder, 'norsjo/omsorg-2026.html');
        expect(existsSync(file)).toBe(true);
        const html = readFileSync(file, 'utf8');
        expect(html).toContain('<html lang="sv"');
        expect(html).toContain(expected.plan!);
    });
});
