// The live preview in a real VS Code: opens to the side, shows status badges and the dashboard in its
// webview, and follows an edit in the source.
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, Workbench } from './workbench.js';

let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

const OMSORG = 'norsjo/omsorg-2026.vplan';

test('the preview opens to the side with badges and the dashboard, and follows an edit', async () => {
    await Workbench.scenario(browser, inject('codeServerUrl'), 'preview', async wb => {
        await wb.openFile(OMSORG);
        await wb.runCommand('vplan: Open Preview to the Side');
        const frame = await wb.webviewFrameWith('.dashboard');
        await frame.locator('.badge[data-status]').first().waitFor();
        const count = (status: string) => frame.locator(`.badge[data-status="${status}"]`).count();
        const greenBefore = await count('green');
        const undefinedBefore = await count('undefined');
        expect(undefinedBefore).toBeGreaterThan(0);
        await wb.step('preview-open');

        // 7,06 falls in a gap (cannot be assessed); 6,5 is green (7,0 or lower).
        const line = wb.lineOf(OMSORG, /utfall 2025: 7,06/);
        const column = wb.read(OMSORG).split('\n')[line - 1].indexOf('7,06') + 1;
        await wb.page.locator('.editor-group-container .monaco-editor').first().click({ position: { x: 300, y: 10 } });
        await wb.goTo(line, column);
        await wb.page.keyboard.press('Shift+End');
        await wb.page.keyboard.type('6,5');
        await expect.poll(() => count('green'), { timeout: 30_000 }).toBe(greenBefore + 1);
        expect(await count('undefined')).toBe(undefinedBefore - 1);
        // The whole edit, not only its first keystroke ("6" is green too): the card shows 6,5, in the
        // plan's language (Swedish) although VS Code's is English.
        await frame.getByText(/Utfall 6,5 ligger inom grön/).first().waitFor({ timeout: 30_000 });
        await wb.step('preview-after-edit');
    });
});
