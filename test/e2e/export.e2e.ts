// Show Deviations and Export Plan… as a strategist meets them: the deviations of the open plan in a
// pick list that goes to the one picked, and the plan written as a report page next to it.
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
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
        // The plan declares follow-up periods: the adopted plan first, then each period.
        await picker.locator('.monaco-list-row', { hasText: 'Follow-up T1' }).waitFor();
        await picker.locator('.monaco-list-row.focused', { hasText: 'The adopted plan' }).waitFor();
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
        expect(html).not.toContain('<h2>Avvikelser</h2>');
    });
});

test('Export Plan… of a period writes its follow-up report: Word, named <plan>-t1.docx, in the plan\'s language', async () => {
    await Workbench.scenario(browser, inject('codeServerUrl'), 'export-period', async wb => {
        await wb.openFile('uppfoljning/omsorg-2026.vplan');
        await wb.page.locator('.statusbar-item[aria-label^="Indikatorer:"]').waitFor();
        await wb.runCommand('vplan: Export Plan…');
        const picker = wb.page.locator('.quick-input-widget');
        await picker.locator('.monaco-list-row', { hasText: 'Word' }).waitFor();
        await wb.page.keyboard.type('Word');
        await picker.locator('.monaco-list-row.focused', { hasText: 'Word' }).waitFor();
        await wb.page.keyboard.press('Enter');
        // Each period with how far its follow-up is.
        await picker.locator('.monaco-list-row', { hasText: 'Follow-up T1' }).filter({ hasText: 'ready for the report' }).waitFor();
        await picker.locator('.monaco-list-row', { hasText: 'Follow-up T2' }).filter({ hasText: 'draft' }).waitFor();
        await wb.step('export-periods');
        await wb.page.keyboard.type('Follow-up T1');
        await picker.locator('.monaco-list-row.focused', { hasText: 'Follow-up T1' }).waitFor();
        await wb.page.keyboard.press('Enter');
        await expect.poll(() => picker.locator('input').inputValue(), { timeout: 30_000 }).toMatch(/uppfoljning\/omsorg-2026-t1\.docx$/);
        await wb.page.keyboard.press('Enter');
        await wb.page.locator('.notification-toast', { hasText: 'omsorg-2026-t1.docx' }).waitFor({ timeout: 60_000 });
        await wb.step('exported-period');
        const file = join(wb.folder, 'uppfoljning/omsorg-2026-t1.docx');
        const body = strFromU8(unzipSync(new Uint8Array(readFileSync(file)))['word/document.xml']);
        expect(body).toContain('>Uppföljning T1</w:t>');
        expect(body).toContain('>Avvikelser</w:t>');
        expect(body).toContain('>Klar för rapport</w:t>');
    });
});
