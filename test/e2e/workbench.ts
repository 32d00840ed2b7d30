// Drives VS Code's workbench (served by code-server) in Debian's Chromium the way a user does: keyboard,
// quick open, the Problems panel, hovers, the suggest widget, webviews. Every wait is on something the UI
// shows; every step leaves a screenshot.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Frame, type Locator, type Page } from 'playwright-core';
import { CHROMIUM, ROOT } from './code-server.js';

/** Chromium on a closed network: no GPU, no QUIC, no background traffic. */
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'];

export const SCREENSHOTS = join(ROOT, 'test-results', 'e2e');

/** How long the UI may take for one thing (the language server's first build included). */
export const UI_TIMEOUT = 60_000;

export async function launchBrowser(): Promise<Browser> {
    return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** A copy of examples/ in a temp folder, so that a scenario's edits never touch the repository. */
export function copyExamples(): string {
    const folder = mkdtempSync(join(tmpdir(), 'vplan-e2e-ws-'));
    cpSync(join(ROOT, 'examples'), folder, { recursive: true });
    return folder;
}

export interface Problem {
    severity: 'error' | 'warning' | 'info' | 'hint' | 'unknown';
    message: string;
    code?: string;
    line?: number;
    column?: number;
    /** The raw row text, for failure messages. */
    text: string;
}

export class Workbench {
    private shot = 0;

    private constructor(
        readonly page: Page,
        private readonly context: BrowserContext,
        readonly folder: string,
        private readonly screenshotDir: string
    ) {}

    /**
     * Opens a fresh workbench on a copy of the examples, or on `start`: a folder and the name of an
     * entry of it the explorer shows once the workspace is loaded.
     */
    static async open(browser: Browser, serverUrl: string, scenario: string, start?: { folder: string; shows: string }): Promise<Workbench> {
        const folder = start?.folder ?? copyExamples();
        const screenshotDir = join(SCREENSHOTS, scenario);
        rmSync(screenshotDir, { recursive: true, force: true });
        mkdirSync(screenshotDir, { recursive: true });
        const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
        const page = await context.newPage();
        page.setDefaultTimeout(UI_TIMEOUT);
        const workbench = new Workbench(page, context, folder, screenshotDir);
        await page.goto(`${serverUrl}/?folder=${encodeURIComponent(folder)}`);
        await page.locator('.monaco-workbench').waitFor();
        // The explorer lists the copied folders once the workspace is loaded.
        await page.locator('.explorer-folders-view .monaco-list-row', { hasText: start?.shows ?? 'norsjo' }).first().waitFor();
        await workbench.step('workbench');
        return workbench;
    }

    /**
     * Runs a scenario on a fresh workbench: a screenshot of the moment it fails, and the workbench
     * closed whatever happens.
     */
    static async scenario(browser: Browser, serverUrl: string, name: string, body: (wb: Workbench) => Promise<void>, start?: { folder: string; shows: string }): Promise<void> {
        const wb = await Workbench.open(browser, serverUrl, name, start);
        try {
            await body(wb);
        } catch (err) {
            await wb.step('FAILED').catch(() => undefined);
            throw err;
        } finally {
            await wb.close();
        }
    }

    async close(): Promise<void> {
        await this.context.close();
        if (process.env.VPLAN_E2E_KEEP !== '1') rmSync(this.folder, { recursive: true, force: true });
    }

    /** Saves a screenshot named after the step: test-results/e2e/<scenario>/<nn>-<step>.png. */
    async step(name: string): Promise<void> {
        this.shot++;
        const file = join(this.screenshotDir, `${String(this.shot).padStart(2, '0')}-${name.replace(/[^\w.-]+/g, '-')}.png`);
        await this.page.screenshot({ path: file });
    }

    /** The text of a file of the workspace copy, as on disk. */
    read(relative: string): string {
        return readFileSync(join(this.folder, relative), 'utf8');
    }

    // ------------------------------------------------------------------ editors

    /** Opens a file with Quick Open (Ctrl+P) and waits for its editor. */
    async openFile(relative: string): Promise<void> {
        const name = relative.split('/').pop()!;
        await this.quickInput('Control+P', relative);
        await this.page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor();
        await this.page.keyboard.press('Enter');
        await this.page.locator('.tabs-container .tab.active', { hasText: name }).waitFor();
        await this.editor().locator('.view-lines').waitFor();
        await this.editor().locator('.view-line').first().waitFor();
    }

    /** The editor of the active editor group. */
    editor(): Locator {
        return this.page.locator('.editor-group-container.active .monaco-editor').first();
    }

    /** Moves the cursor with Go to Line (Ctrl+G), 1-based like the editor's status bar. */
    async goTo(line: number, column = 1): Promise<void> {
        await this.quickInput('Control+G', `${line}:${column}`);
        await this.page.keyboard.press('Enter');
        await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
        await this.page.locator('#status\\.editor\\.selection', { hasText: `Ln ${line}, Col ${column}` }).waitFor();
    }

    /** Runs a command by its title from the command palette. */
    async runCommand(title: string): Promise<void> {
        await this.quickInput('F1', title);
        await this.page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
        await this.page.keyboard.press('Enter');
    }

    private async quickInput(key: string, text: string): Promise<void> {
        await this.page.keyboard.press(key);
        const input = this.page.locator('.quick-input-widget .quick-input-box input');
        await input.waitFor();
        // F1 opens with '>': keep it; Ctrl+P and Ctrl+G open empty or with ':'.
        const prefix = key === 'F1' ? '>' : key === 'Control+G' ? ':' : '';
        await input.fill(prefix + text);
    }

    /** The 1-based line of the first line of `file` matching `pattern` (from disk: the copy as opened). */
    lineOf(relative: string, pattern: RegExp, after = 0): number {
        const lines = this.read(relative).split('\n');
        const index = lines.findIndex((line, i) => i >= after && pattern.test(line));
        if (index < 0) throw new Error(`no line of ${relative} matches ${pattern}`);
        return index + 1;
    }

    // ------------------------------------------------------------------ Problems panel

    /**
     * Opens the Problems panel, showing only the given file's problems when one is named (the panel's
     * list is virtualised: rows far down are not in the DOM).
     */
    async showProblems(relative?: string): Promise<void> {
        await this.runCommand('View: Focus Problems');
        await this.page.locator('.markers-panel').waitFor();
        const filter = this.page.getByPlaceholder(/^Filter \(e\.g\./);
        await filter.fill(relative ? `**/${relative}` : '');
        if (relative) {
            const name = relative.split('/').pop()!;
            // Only that file's header row is left.
            await this.page.locator('.markers-panel .monaco-list-row', { hasText: name }).first().waitFor();
        }
    }

    /** The rows of the Problems panel (markers, not file headers), as far as the panel has rendered them. */
    async problems(): Promise<Problem[]> {
        const rows = await this.page.locator('.markers-panel .monaco-list-row').evaluateAll(elements => elements.map(e => {
            const text = (selector: string) => e.querySelector(selector)?.textContent?.trim() ?? '';
            const icon = e.querySelector('.codicon-error, .codicon-warning, .codicon-info');
            return {
                severity: icon?.classList.contains('codicon-error') ? 'error' : icon?.classList.contains('codicon-warning') ? 'warning'
                    : icon?.classList.contains('codicon-info') ? 'info' : 'unknown',
                message: text('.marker-message'),
                code: text('.marker-code'),
                position: text('.marker-line'),
                text: e.textContent ?? ''
            };
        }));
        return rows.flatMap(row => {
            const position = /Ln (\d+), Col (\d+)/.exec(row.position);
            if (!position) return []; // a file's header row
            return [{
                severity: row.severity as Problem['severity'],
                message: row.message,
                code: row.code || undefined,
                line: Number(position[1]),
                column: Number(position[2]),
                text: row.text
            }];
        });
    }

    /** Waits until the Problems panel has a row for which `predicate` holds, and returns it. */
    async waitForProblem(predicate: (p: Problem) => boolean, what: string): Promise<Problem> {
        const deadline = Date.now() + UI_TIMEOUT;
        let last: Problem[] = [];
        while (Date.now() < deadline) {
            last = await this.problems();
            const hit = last.find(predicate);
            if (hit) return hit;
            await this.page.waitForTimeout(250);
        }
        throw new Error(`The Problems panel never showed ${what}. It showed:\n${last.map(p => p.text).join('\n')}`);
    }

    /** Waits until no row of the Problems panel satisfies `predicate`. */
    async waitForNoProblem(predicate: (p: Problem) => boolean, what: string): Promise<void> {
        const deadline = Date.now() + UI_TIMEOUT;
        let last: Problem[] = [];
        while (Date.now() < deadline) {
            last = await this.problems();
            if (!last.some(predicate)) return;
            await this.page.waitForTimeout(250);
        }
        throw new Error(`The Problems panel still shows ${what}:\n${last.filter(predicate).map(p => p.text).join('\n')}`);
    }

    // ------------------------------------------------------------------ webviews

    /** Polls every frame (webviews are nested iframes) until one has `selector`; returns that frame. */
    async webviewFrameWith(selector: string, timeout = UI_TIMEOUT): Promise<Frame> {
        const deadline = Date.now() + timeout;
        while (Date.now() < deadline) {
            for (const frame of this.page.frames()) {
                try {
                    if (await frame.locator(selector).count() > 0) return frame;
                } catch {
                    // a frame that went away while we looked
                }
            }
            await this.page.waitForTimeout(250);
        }
        throw new Error(`no webview showed ${selector} within ${timeout / 1000} s`);
    }
}
