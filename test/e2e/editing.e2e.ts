// Editing a plan in a real VS Code: hover, completion, a quick fix and a rename across files, each
// driven with the keyboard as a user would and checked on what the workbench shows (and, for edits,
// on the files written to disk).
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { join } from 'node:path';
import { ROOT } from './code-server.js';
import { expectedStatus } from './expected.js';
import { launchBrowser, Workbench } from './workbench.js';

const EXAMPLES = join(ROOT, 'examples');
let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

const OMSORG = 'norsjo/omsorg-2026.vplan';
const KOMMUN = 'norsjo/kommun.vplan';
const AKTIVITETER = 'norsjo/aktiviteter-2025.vplan';

test('hover on an indicator shows its status', async () => {
    const expected = await expectedStatus(EXAMPLES, OMSORG);
    const red = expected.indicators.find(i => i.status === 'red')!;
    await Workbench.scenario(browser, inject('codeServerUrl'), 'hover', async wb => {
        await wb.openFile(OMSORG);
        const text = wb.read(OMSORG).split('\n')[red.line];
        const column = text.indexOf(red.name) + 1;
        expect(column).toBeGreaterThan(0);
        await wb.goTo(red.line + 1, column + 1);
        // The language server may still be building: ask again until the hover has the status (asking
        // while a hover is shown would close it, so each request gets time to be answered first).
        // A Swedish plan gets a Swedish hover in an English VS Code (vplan.language: auto).
        const hover = wb.page.locator('.monaco-hover:visible', { hasText: 'Senaste status' });
        await expect.poll(async () => {
            if (await hover.count() > 0) return true;
            await wb.runCommand('Show or Focus Hover');
            return hover.first().waitFor({ timeout: 5000 }).then(() => true, () => false);
        }, { timeout: 60_000, interval: 500 }).toBe(true);
        await expect(hover.first().textContent()).resolves.toMatch(/Senaste status: 🔴 röd/);
        await wb.step('hover-red-indicator');
    });
});

test('completion after "ansvarig " offers the declared roles', async () => {
    await Workbench.scenario(browser, inject('codeServerUrl'), 'completion', async wb => {
        await wb.openFile(AKTIVITETER);
        const line = wb.lineOf(AKTIVITETER, /^\s+ansvarig \w+/);
        await wb.goTo(line, 1);
        await wb.page.keyboard.press('End');
        await wb.page.keyboard.press('Enter');
        await wb.page.keyboard.type('ansvarig ');
        await wb.step('typed-ansvarig');
        const suggest = wb.page.locator('.suggest-widget.visible');
        const rows = suggest.locator('.monaco-list-row');
        // The server may still be building the workspace: ask until the roles are offered.
        await expect.poll(async () => {
            if (await suggest.count() === 0) await wb.page.keyboard.press('Control+Space');
            return rows.filter({ hasText: 'Enhetschef' }).count();
        }, { timeout: 60_000, interval: 1000 }).toBeGreaterThan(0);
        // Role ids with their titles from the shared catalogue (kommun.vplan); no keywords.
        const labels = await rows.evaluateAll(elements => elements.map(e => e.textContent ?? ''));
        expect(labels.some(l => l.includes('enhetschefHemtjanst') && l.includes('Enhetschef hemtjänst'))).toBe(true);
        expect(labels.filter(l => /^\W*(indikator|aktivitet|rapporterar|ansvarig)\b/.test(l))).toEqual([]);
        await wb.step('completion-roles');
        // Typing narrows the list the way a user does; Enter inserts the role.
        await wb.page.keyboard.type('verksam');
        await rows.filter({ hasText: 'verksamhetschef' }).first().waitFor();
        await wb.step('completion-filtered');
        await wb.page.keyboard.press('Enter');
        await suggest.waitFor({ state: 'hidden' });
        await wb.page.keyboard.press('Control+S');
        await expect.poll(() => wb.read(AKTIVITETER).split('\n')[line], { timeout: 30_000 }).toMatch(/^\s+ansvarig verksamhetschef$/);
        await wb.step('completion-accepted');
    });
});

test('a quick fix applies and its diagnostic disappears', async () => {
    await Workbench.scenario(browser, inject('codeServerUrl'), 'quick-fix', async wb => {
        await wb.openFile(AKTIVITETER);
        const line = wb.lineOf(AKTIVITETER, /bidrar till valfard "Välfärd och välbefinnande genom livet"/);
        const column = wb.read(AKTIVITETER).split('\n')[line - 1].indexOf('"') + 1;
        await wb.showProblems(AKTIVITETER);
        await wb.waitForProblem(p => p.code === 'goal-title-mismatch' && p.line === line, `goal-title-mismatch at line ${line}`);
        await wb.step('problem-before');
        await wb.page.locator('.editor-group-container.active .monaco-editor').first().click({ position: { x: 200, y: 10 } });
        await wb.goTo(line, column + 1);
        await wb.page.keyboard.press('Control+.');
        const fix = wb.page.locator('.action-widget .monaco-list-row', { hasText: 'Välfärd och välmående genom livet' }).first();
        await fix.waitFor();
        await wb.step('quick-fix-menu');
        await fix.click();
        await wb.waitForNoProblem(p => p.code === 'goal-title-mismatch' && p.line === line, `goal-title-mismatch at line ${line}`);
        await wb.page.keyboard.press('Control+S');
        await expect.poll(() => wb.read(AKTIVITETER).split('\n')[line - 1], { timeout: 30_000 }).toContain('bidrar till valfard "Välfärd och välmående genom livet"');
        await wb.step('problem-fixed');
    });
});

test('renaming a role updates its declaration and every reference in the other files', async () => {
    await Workbench.scenario(browser, inject('codeServerUrl'), 'rename', async wb => {
        const usesBefore = (wb.read(AKTIVITETER).match(/\bhandlaggare\b/g) ?? []).length;
        expect(usesBefore).toBeGreaterThan(0);
        await wb.openFile(KOMMUN);
        const line = wb.lineOf(KOMMUN, /^roll handlaggare\b/);
        await wb.goTo(line, 'roll '.length + 2);
        // Rename needs the workspace built (references in the plans): retry until the rename box opens.
        const box = wb.page.locator('.rename-box input');
        await expect.poll(async () => {
            await wb.page.keyboard.press('F2');
            return box.isVisible().catch(() => false);
        }, { timeout: 60_000, interval: 2000 }).toBe(true);
        await box.fill('handlaggareOmsorg');
        await wb.step('rename-box');
        await wb.page.keyboard.press('Enter');
        await box.waitFor({ state: 'hidden' });
        await wb.page.keyboard.press('Control+S');
        // The files that were not open are saved by the refactoring (files.refactoring.autoSave).
        await expect.poll(() => wb.read(KOMMUN), { timeout: 30_000 }).toMatch(/^roll handlaggareOmsorg "Handläggare"/m);
        await expect.poll(() => (wb.read(AKTIVITETER).match(/\bhandlaggareOmsorg\b/g) ?? []).length, { timeout: 30_000 })
            .toBe(usesBefore);
        expect(wb.read(AKTIVITETER)).not.toMatch(/\bhandlaggare\b/);
        expect(wb.read(KOMMUN)).not.toMatch(/\bhandlaggare\b/);
        await wb.step('renamed');
    });
});
