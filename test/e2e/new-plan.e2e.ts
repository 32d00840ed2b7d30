// *vplan: New Plan…* in a real VS Code: in a folder with no plans yet, it writes the municipality file
// and a first plan from the same template as `vplan init`, opens the plan, and the language server
// finds nothing wrong in it; run again, it replaces nothing.
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newPlanFiles } from '../../packages/language/src/templates/new-plan.js';
import { launchBrowser, Workbench } from './workbench.js';

let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

test('New Plan writes the template\'s two files, opens a plan without problems, and never replaces a file', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'vplan-e2e-new-'));
    writeFileSync(join(folder, 'anteckningar.md'), '# Anteckningar\n');
    const expected = newPlanFiles({ lang: 'sv' });
    await Workbench.scenario(browser, inject('codeServerUrl'), 'new-plan', async wb => {
        // In a folder without plans nothing has waited for the extensions to be registered: the
        // palette opened too early lacks their commands, so it is opened again until it lists it.
        const runNewPlan = async () => {
            const row = wb.page.locator('.quick-input-list .monaco-list-row', { hasText: 'vplan: New Plan' }).first();
            await expect.poll(async () => {
                await wb.page.keyboard.press('F1');
                const input = wb.page.locator('.quick-input-widget .quick-input-box input');
                await input.waitFor();
                await input.fill('>vplan: New Plan');
                const shown = await row.waitFor({ timeout: 3000 }).then(() => true, () => false);
                if (!shown) await wb.page.keyboard.press('Escape');
                return shown;
            }, { timeout: 60_000, interval: 500 }).toBe(true);
            await wb.page.keyboard.press('Enter');
        };
        const pickSwedish = async () => {
            const row = wb.page.locator('.quick-input-list .monaco-list-row', { hasText: 'Svenska' }).first();
            await row.waitFor();
            await wb.step('language-pick');
            await row.click();
        };
        await runNewPlan();
        await pickSwedish();
        await wb.page.locator('.tabs-container .tab.active', { hasText: expected[1].name }).waitFor();
        await expect.poll(() => readdirSync(folder).sort(), { timeout: 30_000 }).toEqual(['anteckningar.md', ...expected.map(f => f.name)].sort());
        for (const file of expected) expect(readFileSync(join(folder, file.name), 'utf8')).toBe(file.text);

        // The language server has read the plan (its indicator is in the status bar) and finds nothing.
        const item = wb.page.locator('.statusbar-item[aria-label^="Indikatorer:"]');
        await expect.poll(() => item.getAttribute('aria-label'), { timeout: 60_000 }).toBe('Indikatorer: 0 röda, 1 gul, 0 gröna');
        await wb.showProblems();
        expect(await wb.problems()).toEqual([]);
        await wb.step('new-plan-open');

        await wb.runCommand('vplan: Open Preview to the Side');
        const frame = await wb.webviewFrameWith('.dashboard');
        await frame.locator('.badge[data-status="yellow"]').first().waitFor();
        await wb.step('new-plan-preview');

        // Again in the same folder: the files are there, so nothing is written and the user is told.
        writeFileSync(join(folder, expected[1].name), '// min egen plan\n');
        await runNewPlan();
        await pickSwedish();
        await wb.page.locator('.notifications-toasts', { hasText: 'already exists in the folder; nothing was written' }).waitFor();
        await wb.step('already-exists');
        expect(readFileSync(join(folder, expected[1].name), 'utf8')).toBe('// min egen plan\n');
        expect(readFileSync(join(folder, expected[0].name), 'utf8')).toBe(expected[0].text);
    }, { folder, shows: 'anteckningar.md' });
});
