// "Fetch Outcomes from Kolada" as a strategist meets it: in a real VS Code (code-server), against the
// Kolada stand-in on 127.0.0.1 (never the real network): the command lists the changes, Apply writes
// them into the editor as one edit that one Undo takes back, nothing is saved behind the user's back;
// with Kolada unreachable, one clear message.
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixture, startStandIn, type StandIn } from '../../packages/data/test/kolada-stand-in.js';
import { launchBrowser, Workbench } from './workbench.js';

let browser: Browser;
let standIn: StandIn;
let stopped = false;
beforeAll(async () => {
    browser = await launchBrowser();
    standIn = await startStandIn(fixture('norsjo'));
});
afterAll(async () => {
    await browser?.close();
    if (!stopped) await standIn?.close();
});

/** Points the setting vplan.kolada.apiUrl somewhere (VS Code picks up the user settings file). */
function setApiUrl(url: string): void {
    const file = join(inject('userDataDir'), 'User', 'settings.json');
    const settings = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    settings['vplan.kolada.apiUrl'] = url;
    writeFileSync(file, JSON.stringify(settings, null, 2));
}

test('Fetch Outcomes from Kolada: the changes listed, applied as one undoable edit; offline, one clear message', async () => {
    setApiUrl(standIn.url);
    const plan = 'norsjo/omsorg-2026.vplan';
    await Workbench.scenario(browser, inject('codeServerUrl'), 'kolada', async wb => {
        const original = wb.read(plan);
        await wb.openFile(plan);
        await wb.goTo(wb.lineOf(plan, /källa kolada kpi "U23471"/));
        // The settings file is re-read asynchronously: give it the time a user would.
        await wb.page.waitForTimeout(1000);
        await wb.runCommand('vplan: Fetch Outcomes from Kolada');
        const dialog = wb.page.locator('.monaco-dialog-box');
        await dialog.locator('text=Kolada: 2 outcomes to change or add').waitFor({ timeout: 60_000 });
        const detail = await dialog.innerText();
        expect(detail).toContain('helhetssynSarskiltBoende — utfall 2025: 62 → utfall 2025: 63');
        expect(detail).toContain('helhetssynHemtjanst — + utfall 2026: iu');
        expect(detail).toContain('Source: Kolada');
        await wb.step('changes-listed');
        await dialog.locator('.monaco-button', { hasText: 'Apply' }).click();
        // The edit is one WorkspaceEdit: once the editor is dirty both changes are in, and lines
        // below them have moved (going to a line before that raced the insertion).
        await dialog.waitFor({ state: 'hidden' });
        await wb.page.locator('.tabs-container .tab.active.dirty').waitFor({ timeout: 30_000 });

        // The editor renders spaces as no-break spaces: \s matches both.
        const lines = wb.editor().locator('.view-lines');
        await wb.goTo(wb.lineOf(plan, /utfall 2025: 98/) + 1);
        await expect.poll(() => lines.innerText(), { timeout: 30_000 }).toMatch(/utfall\s2026:\siu/);
        await wb.goTo(wb.lineOf(plan, /utfall 2025: 62/));
        await expect.poll(() => lines.innerText()).toMatch(/utfall\s2025:\s63/);
        await wb.step('applied');
        // Applied in the editor only: the file on disk is as it was until the user saves.
        expect(wb.read(plan)).toBe(original);

        // One Undo takes back both changes.
        await wb.editor().click();
        await wb.page.keyboard.press('Control+Z');
        await expect.poll(() => lines.innerText()).toMatch(/utfall\s2025:\s62/);
        await wb.goTo(wb.lineOf(plan, /utfall 2025: 98/));
        await expect.poll(() => lines.innerText()).not.toMatch(/utfall\s2026:\siu/);
        await wb.step('undone');

        // Kolada unreachable (the stand-in stopped): one message naming the URL and the reason, and the way to the setting.
        await standIn.close();
        stopped = true;
        await wb.runCommand('vplan: Fetch Outcomes from Kolada');
        const toast = wb.page.locator('.notifications-toasts .notification-toast', { hasText: 'Kolada could not be reached' });
        await toast.waitFor({ timeout: 60_000 });
        expect(await toast.innerText()).toContain(`${standIn.url}/data/kpi/`);
        expect(await toast.innerText()).toContain('connection refused (ECONNREFUSED)');
        await wb.step('offline');
    });
    // Two fetches, an undo and the settings re-read, on a machine shared with other work.
}, 360_000);
