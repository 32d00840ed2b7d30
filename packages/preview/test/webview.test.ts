import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { renderDocument, webviewCss } from '../src/index.js';
import type { HostToWebview, WebviewToHost } from '../src/protocol.js';
import { previewCsp, previewShell } from '../src/webview/shell.js';
import { openHtml, ORIGIN, violations } from './browser.js';
import { launchChromium } from './chromium.js';
import { FIXTURES, parseText, REPO } from './load.js';

const SHOTS = path.join(REPO, 'test-results/screenshots');
const NONCE = 'dGVzdG5vbmNlMTIz';
const PLAN = readFileSync(path.join(FIXTURES, 'all/plan.vplan'), 'utf8');
const SHARED = readFileSync(path.join(FIXTURES, 'all/shared.vplan'), 'utf8');

/** VS Code's theme variables for the test page (VS Code injects these into real webviews). */
const THEMES: Record<string, string> = {
    dark: `html{--vscode-editor-background:#1e1e1e;--vscode-editor-foreground:#d4d4d4;--vscode-descriptionForeground:#a0a0a0;--vscode-panel-border:#444;--vscode-sideBar-background:#252526;--vscode-badge-background:#4d4d4d;--vscode-badge-foreground:#fff;--vscode-textLink-foreground:#3794ff;--vscode-focusBorder:#007fd4;--vscode-charts-green:#89d185;--vscode-charts-yellow:#cca700;--vscode-charts-red:#f14c4c;--vscode-charts-blue:#3794ff;--vscode-disabledForeground:#8c8c8c;--vscode-font-family:system-ui,sans-serif;--vscode-editorWidget-background:#252526}`,
    light: `html{--vscode-editor-background:#ffffff;--vscode-editor-foreground:#333;--vscode-descriptionForeground:#717171;--vscode-panel-border:#d4d4d4;--vscode-sideBar-background:#f3f3f3;--vscode-badge-background:#c4c4c4;--vscode-badge-foreground:#333;--vscode-textLink-foreground:#006ab1;--vscode-focusBorder:#0090f1;--vscode-charts-green:#388a34;--vscode-charts-yellow:#bf8803;--vscode-charts-red:#e51400;--vscode-charts-blue:#1a85ff;--vscode-disabledForeground:#616161;--vscode-font-family:system-ui,sans-serif;--vscode-editorWidget-background:#f3f3f3}`,
    'high-contrast': `html{--vscode-editor-background:#000;--vscode-editor-foreground:#fff;--vscode-descriptionForeground:#fff;--vscode-panel-border:#6fc3df;--vscode-contrastBorder:#6fc3df;--vscode-sideBar-background:#000;--vscode-badge-background:#000;--vscode-badge-foreground:#fff;--vscode-textLink-foreground:#3794ff;--vscode-focusBorder:#f38518;--vscode-charts-green:#89d185;--vscode-charts-yellow:#ffd700;--vscode-charts-red:#f48771;--vscode-charts-blue:#3794ff;--vscode-disabledForeground:#a5a5a5;--vscode-font-family:system-ui,sans-serif}`
};

let browser: Browser;
let script: string;

beforeAll(async () => {
    browser = await launchChromium();
    // The same bundle options as esbuild.mjs gives the webview script.
    const result = await esbuild.build({
        entryPoints: [path.join(REPO, 'packages/preview/src/webview/main.ts')],
        bundle: true, minify: true, platform: 'browser', format: 'iife', target: 'es2022', write: false
    });
    script = result.outputFiles[0].text;
}, 60000);
afterAll(async () => {
    await browser?.close();
});

async function fragment(text: string, lang: 'sv' | 'en' = 'sv'): Promise<string> {
    const doc = await parseText(text, [SHARED]);
    return renderDocument(doc, { lang, mode: 'fragment' });
}

async function openPreview(theme = 'light'): Promise<{ page: Page; problems: { console: string[]; errors: string[] } }> {
    const html = previewShell({
        cspSource: ORIGIN, nonce: NONCE, styleUri: `${ORIGIN}/preview.css`, scriptUri: `${ORIGIN}/preview-webview.js`,
        documentUri: 'file:///w/plan.vplan', lang: 'sv', title: 'Förhandsvisning', scrollSync: true
    });
    const { page, problems } = await openHtml(browser, html, {
        csp: previewCsp(ORIGIN, NONCE),
        width: 900,
        files: {
            '/preview.css': { body: webviewCss(), type: 'text/css' },
            '/preview-webview.js': { body: script, type: 'text/javascript' },
            '/theme.css': { body: THEMES[theme], type: 'text/css' }
        },
        init: () => {
            // What VS Code gives a webview: the API object and the theme's body class.
            const w = window as unknown as { __sent: unknown[]; __state: unknown; acquireVsCodeApi: () => unknown };
            w.__sent = [];
            w.acquireVsCodeApi = () => ({
                postMessage: (m: unknown) => w.__sent.push(m),
                getState: () => w.__state,
                setState: (s: unknown) => { w.__state = s; }
            });
        }
    });
    await page.evaluate(t => {
        document.body.classList.add(`vscode-${t}`);
        const link = document.createElement('link');
        link.rel = 'stylesheet';
        link.href = '/theme.css';
        document.head.append(link);
    }, theme);
    await page.waitForFunction(() => (window as unknown as { __sent: { type: string }[] }).__sent.some(m => m.type === 'ready'));
    return { page, problems };
}

async function send(page: Page, message: HostToWebview): Promise<void> {
    await page.evaluate(m => window.postMessage(m, '*'), message);
    await page.evaluate(() => new Promise(r => requestAnimationFrame(() => r(null))));
}

async function sent(page: Page): Promise<WebviewToHost[]> {
    return page.evaluate(() => (window as unknown as { __sent: WebviewToHost[] }).__sent);
}

const labels = { syntaxErrors: 'Planen har syntaxfel.', line: 'Rad' };

describe('the preview webview', () => {
    test('patches renders in place, drops stale ones, keeps the last good render under a banner', async () => {
        const { page, problems } = await openPreview();
        await send(page, { type: 'render', seq: 1, html: await fragment(PLAN), errors: [], keptPrevious: false, labels });
        expect(await page.locator('#vp-root article.indicator').count()).toBe(5);
        // Mark nodes to see which survive the next render.
        await page.evaluate(() => {
            (document.querySelector('.doc-title') as unknown as { __kept: boolean }).__kept = true;
            (document.querySelector('article.indicator') as unknown as { __kept: boolean }).__kept = true;
        });
        const edited = PLAN.replace('utfall 2025: 67', 'utfall 2025: 90');
        await send(page, { type: 'render', seq: 2, html: await fragment(edited), errors: [], keptPrevious: false, labels });
        const after = await page.evaluate(() => ({
            title: (document.querySelector('.doc-title') as unknown as { __kept?: boolean }).__kept === true,
            card: (document.querySelector('article.indicator') as unknown as { __kept?: boolean }).__kept === true,
            status: document.querySelector('article.indicator .badge')?.getAttribute('data-status')
        }));
        expect(after).toEqual({ title: true, card: true, status: 'green' });
        // The patched page is the new render, node for node.
        expect(await page.evaluate(html => {
            const t = document.createElement('template');
            t.innerHTML = html;
            return t.content.isEqualNode(document.getElementById('vp-root')!.cloneNode(true).childNodes.length ? (() => {
                const f = document.createDocumentFragment();
                for (const n of Array.from(document.getElementById('vp-root')!.childNodes)) f.append(n.cloneNode(true));
                return f;
            })() : null);
        }, await fragment(edited))).toBe(true);

        // An older render arriving late changes nothing.
        await send(page, { type: 'render', seq: 1, html: '<p>old</p>', errors: [], keptPrevious: false, labels });
        expect(await page.locator('#vp-root article.indicator').count()).toBe(5);

        // Syntax errors: the last good render stays, the banner says why and where.
        await send(page, { type: 'render', seq: 3, html: '', errors: [{ line: 41, message: "Expecting '}'" }], keptPrevious: true, labels });
        expect(await page.locator('#vp-banner').isVisible()).toBe(true);
        expect(await page.locator('#vp-banner').innerText()).toContain("Rad 42: Expecting '}'");
        expect(await page.locator('#vp-root article.indicator').count()).toBe(5);
        await page.locator('#vp-banner button').click();
        expect((await sent(page)).some(m => m.type === 'selectLine' && m.line === 41)).toBe(true);
        await send(page, { type: 'render', seq: 4, html: await fragment(PLAN), errors: [], keptPrevious: false, labels });
        expect(await page.locator('#vp-banner').isVisible()).toBe(false);

        // Unsaved changes are marked.
        await send(page, { type: 'dirty', dirty: true, label: 'Ej sparad' });
        expect(await page.locator('#vp-dirty').innerText()).toBe('Ej sparad');
        await send(page, { type: 'dirty', dirty: false, label: '' });
        expect(await page.locator('#vp-dirty').isVisible()).toBe(false);

        expect(problems.console).toEqual([]);
        expect(problems.errors).toEqual([]);
        expect(await violations(page)).toEqual([]);
        await page.context().close();
    }, 60000);

    test('scrolls with the editor, tells the editor where the reader is, and a click shows the source', async () => {
        const { page, problems } = await openPreview();
        await send(page, { type: 'render', seq: 1, html: await fragment(PLAN), errors: [], keptPrevious: false, labels });
        const lines = PLAN.split('\n');
        const target = lines.findIndex(l => l.includes('indikator saknas'));
        // Editor → preview: the block of that line comes to the top.
        await send(page, { type: 'scrollTo', line: target });
        const top = await page.evaluate(l => document.querySelector(`article[data-line="${l}"]`)!.getBoundingClientRect().top, target);
        expect(Math.abs(top)).toBeLessThan(8);
        expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(300);
        // Our own scrolling is not echoed back to the editor.
        await page.waitForTimeout(50);
        expect((await sent(page)).filter(m => m.type === 'revealLine')).toEqual([]);
        // Preview → editor: after the user scrolls, the line at the top is sent.
        await page.waitForTimeout(200);
        const sparkLine = lines.findIndex(l => l.includes('indikator sjuk'));
        await page.evaluate(l => document.querySelector(`article[data-line="${l}"]`)!.scrollIntoView({ block: 'start' }), sparkLine);
        await page.waitForFunction(() => (window as unknown as { __sent: { type: string }[] }).__sent.some(m => m.type === 'revealLine'));
        const reveal = (await sent(page)).filter(m => m.type === 'revealLine').pop() as { line: number };
        expect(reveal.line).toBeGreaterThanOrEqual(sparkLine);
        expect(reveal.line).toBeLessThanOrEqual(sparkLine + 2);
        // The position survives a reload (the webview's state).
        expect(await page.evaluate(() => (window as unknown as { __state: { uri: string; line: number } }).__state)).toEqual({ uri: 'file:///w/plan.vplan', line: reveal.line });
        // A click on a block asks the editor for its line; a click on a link does not.
        const activity = lines.findIndex(l => l.includes('aktivitet "Ny introduktion"'));
        await page.locator(`li.activity[data-line="${activity}"] .act-title`).click();
        expect((await sent(page)).filter(m => m.type === 'selectLine').pop()).toEqual({ type: 'selectLine', line: activity });
        const before = (await sent(page)).length;
        await page.evaluate(() => document.querySelector('a.kpi')!.addEventListener('click', e => e.preventDefault()));
        await page.locator('a.kpi').first().click();
        expect((await sent(page)).slice(before).filter(m => m.type === 'selectLine')).toEqual([]);
        expect(problems.console).toEqual([]);
        expect(await violations(page)).toEqual([]);
        await page.context().close();
    }, 60000);

    test('a contents link to a section with a Swedish title scrolls to it (anchors from titles)', async () => {
        const { page, problems } = await openPreview();
        const filler = 'Text. '.repeat(1500);
        const plan = `plan p "P" {
  avsnitt "1 Inledning" """${filler}"""
  avsnitt "2 Mål och vägar" """${filler}"""
  avsnitt "3 Övrigt för året" """${filler}"""
}
`;
        await send(page, { type: 'render', seq: 1, html: await fragment(plan), errors: [], keptPrevious: false, labels });
        const link = page.locator('nav.doc-toc a', { hasText: '2 Mål och vägar' });
        expect(await link.getAttribute('href')).toBe('#section-2-mål-och-vägar');
        await link.click();
        await page.waitForFunction(() => Math.abs(document.getElementById('section-2-mål-och-vägar')!.getBoundingClientRect().top) < 8, undefined, { timeout: 5000 });
        expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(300);
        // The link scrolls; it does not ask the editor for a line.
        expect((await sent(page)).filter(m => m.type === 'selectLine')).toEqual([]);
        expect(problems.console).toEqual([]);
        await page.context().close();
    }, 60000);

    test('after a reload: a kept render still shows, and the saved position is restored once there is content', async () => {
        const { page, problems } = await openPreview();
        const lines = PLAN.split('\n');
        const target = lines.findIndex(l => l.includes('indikator rutin'));
        // The extension sends the position first (from the panel's saved state), then the plan.
        await send(page, { type: 'scrollTo', line: target });
        // The plan is broken now: the last good render goes along, and an empty page shows it.
        await send(page, { type: 'render', seq: 1, html: await fragment(PLAN), errors: [{ line: 3, message: 'x' }], keptPrevious: true, labels });
        expect(await page.locator('#vp-root article.indicator').count()).toBe(5);
        expect(await page.locator('#vp-banner').isVisible()).toBe(true);
        await page.waitForFunction(l => Math.abs(document.querySelector(`article[data-line="${l}"]`)!.getBoundingClientRect().top) < 8, target);
        expect(problems.console).toEqual([]);
        await page.context().close();
    }, 60000);

    test.each(['light', 'dark', 'high-contrast'])('reads well in the %s theme (screenshot)', async theme => {
        const { page, problems } = await openPreview(theme);
        await send(page, { type: 'render', seq: 1, html: await fragment(PLAN, 'en'), errors: [], keptPrevious: false, labels });
        const colors = await page.evaluate(() => ({
            bg: getComputedStyle(document.body).backgroundColor,
            green: getComputedStyle(document.querySelector('.dot-green')!).backgroundColor
        }));
        const expected: Record<string, { bg: string; green: string }> = {
            light: { bg: 'rgb(255, 255, 255)', green: 'rgb(56, 138, 52)' },
            dark: { bg: 'rgb(30, 30, 30)', green: 'rgb(137, 209, 133)' },
            'high-contrast': { bg: 'rgb(0, 0, 0)', green: 'rgb(137, 209, 133)' }
        };
        expect(colors).toEqual(expected[theme]);
        await page.screenshot({ path: path.join(SHOTS, `webview-${theme}.png`), fullPage: false });
        expect(problems.console).toEqual([]);
        expect(await violations(page)).toEqual([]);
        await page.context().close();
    }, 60000);
});
