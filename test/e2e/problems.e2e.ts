// Diagnostics as a user sees them: the Problems panel of a real VS Code lists the validator's findings
// in the Norsjö examples by code and line; the status bar shows the plan's indicator counts.
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { join } from 'node:path';
import { ROOT } from './code-server.js';
import { expectedDiagnostics } from './expected.js';
import { launchBrowser, Workbench } from './workbench.js';

let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

test('the Problems panel lists the examples\' diagnostics by code and line', async () => {
    await Workbench.scenario(browser, inject('codeServerUrl'), 'problems', async wb => {
        await wb.openFile('norsjo/omsorg-2026.vplan');
        await wb.step('omsorg-2026-open');
        await wb.showProblems('norsjo/omsorg-2026.vplan');
        // The outcome 7,06 lies in the gap between green ≤ 7,0 and yellow 7,1–7,5.
        const outcomeLine = wb.lineOf('norsjo/omsorg-2026.vplan', /utfall 2025: 7,06/);
        const inGap = await wb.waitForProblem(p => p.code === 'outcome-in-gap' && p.line === outcomeLine,
            `outcome-in-gap at line ${outcomeLine}`);
        expect(inGap.severity).toBe('error');
        await wb.step('problems-outcome-in-gap');
        const gapLine = wb.lineOf('norsjo/omsorg-2026.vplan', /gul 7,1–7,5/);
        const gap = await wb.waitForProblem(p => p.code === 'band-gap' && p.line === gapLine, `band-gap at line ${gapLine}`);
        expect(gap.severity).toBe('warning');

        // Another file, small enough for the whole list: exactly the validator's findings, by code, line and severity.
        const activities = 'norsjo/aktiviteter-2025.vplan';
        const expected = await expectedDiagnostics(join(ROOT, 'examples'), activities);
        expect(expected.length).toBeGreaterThan(0);
        await wb.openFile(activities);
        await wb.showProblems(activities);
        const key = (p: { code?: string; line?: number; severity: string }) => `${p.severity} ${p.code} line ${p.line}`;
        // Rows without a code are a finding's related location (shown under it): each goal-title-mismatch
        // points at the goal's declaration in kommun.vplan.
        await expect.poll(async () => (await wb.problems()).filter(p => p.code !== undefined).map(key).sort(), { timeout: 60_000 })
            .toEqual(expected.map(key).sort());
        const goalLine = wb.lineOf('norsjo/kommun.vplan', /^mål valfard /);
        const related = (await wb.problems()).filter(p => p.code === undefined);
        expect(related.map(p => p.line)).toEqual(expected.filter(p => p.code === 'goal-title-mismatch').map(() => goalLine));
        await wb.step('problems-aktiviteter');
    });
});
