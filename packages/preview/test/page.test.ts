import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { pageCss, renderDocument } from '../src/index.js';
import { openHtml, violations } from './browser.js';
import { launchChromium } from './chromium.js';
import { exampleFolders } from './examples.js';
import { FIXTURES, loadPlans, REPO } from './load.js';

/** Screenshots for review, one per plan and colour scheme. */
const SHOTS = path.join(REPO, 'test-results/screenshots');
/** A policy as strict as the page's own: no script at all, the one stylesheet allowed by its hash. */
const STRICT = `default-src 'none'; img-src data:; style-src 'sha256-${createHash('sha256').update(pageCss()).digest('base64')}'; script-src 'none'; base-uri 'none'; form-action 'none'`;

let browser: Browser;
beforeAll(async () => {
    browser = await launchChromium();
    mkdirSync(SHOTS, { recursive: true });
    console.log(`screenshots: ${SHOTS}`);
}, 60000);
afterAll(async () => {
    await browser?.close();
});

describe.each(exampleFolders().map(f => [path.basename(f), f]))('the report of %s in Chromium', (name, folder) => {
    test('loads under a strict policy without console errors or violations; screenshots in light and dark', async () => {
        for (const doc of await loadPlans(folder)) {
            const html = renderDocument(doc, { lang: 'sv', mode: 'page' });
            const plan = path.basename(doc.uri.fsPath, '.vplan');
            for (const colorScheme of ['light', 'dark'] as const) {
                const { page, problems } = await openHtml(browser, html, { csp: STRICT, colorScheme });
                // The page's own hash-allowed <style> applied: the header has the accent border.
                const border = await page.$eval('.doc-header', el => getComputedStyle(el).borderBottomWidth);
                expect(border).toBe('4px');
                const background = await page.$eval('body', el => getComputedStyle(el).backgroundColor);
                expect(background).toBe(colorScheme === 'dark' ? 'rgb(22, 25, 29)' : 'rgb(255, 255, 255)');
                // Every chart is drawn (has a size) and is described.
                const charts = await page.$$eval('svg.sparkline', els => els.map(e => ({
                    w: e.getBoundingClientRect().width, label: e.getAttribute('aria-label') ?? '', title: e.querySelector('title')?.textContent ?? ''
                })));
                for (const c of charts) {
                    expect(c.w).toBeGreaterThan(100);
                    expect(c.label.length).toBeGreaterThan(10);
                    expect(c.title).toBe(c.label);
                }
                await page.screenshot({ path: path.join(SHOTS, `${name}-${plan}-${colorScheme}.png`), fullPage: true });
                expect(problems.console).toEqual([]);
                expect(problems.errors).toEqual([]);
                expect(await violations(page)).toEqual([]);
                await page.context().close();
            }
        }
    }, 120000);
});

describe('hostile text', () => {
    test('renders as inert text in the page and in the fragment', async () => {
        const [doc] = await loadPlans(path.join(FIXTURES, 'injection'));
        expect(doc.parseResult.parserErrors).toEqual([]);
        // Ids are plain words in the grammar, but the renderer must not trust that: give them hostile values too.
        const root = doc.parseResult.value as unknown as { elements: { $type: string; members?: { $type: string; name?: string; members?: { $type: string; name?: string }[] }[] }[] };
        for (const el of root.elements) {
            for (const m of el.members ?? []) {
                if (m.$type === 'Unit') {
                    m.name = `"><script>window.__pwned='unitid'</script>`;
                    for (const i of m.members ?? []) if (i.$type === 'Indicator') i.name = `" onmouseover="window.__pwned='indid'`;
                }
            }
        }
        const page = renderDocument(doc, { lang: 'sv', mode: 'page' });
        // The fragment as the webview shows it: inside a page that allows only a nonce'd script.
        const fragment = renderDocument(doc, { lang: 'en', mode: 'fragment' });
        const shell = `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>${fragment}<script nonce="n0nce">window.__shell = true;</script></body></html>`;
        const cases = [
            { html: page, csp: STRICT, shell: false },
            { html: shell, csp: "default-src 'none'; img-src data:; style-src 'self'; script-src 'nonce-n0nce'", shell: true }
        ];
        for (const c of cases) {
            const { page: p, problems } = await openHtml(browser, c.html, { csp: c.csp });
            const state = await p.evaluate(() => {
                const all = Array.from(document.querySelectorAll('*'));
                return {
                    pwned: (window as unknown as { __pwned?: string }).__pwned ?? null,
                    shell: (window as unknown as { __shell?: boolean }).__shell ?? false,
                    scripts: document.querySelectorAll('script').length,
                    onAttributes: all.flatMap(e => Array.from(e.attributes).filter(a => a.name.toLowerCase().startsWith('on')).map(a => `${e.tagName}.${a.name}`)),
                    hrefs: all.flatMap(e => ['href', 'src', 'xlink:href', 'action', 'formaction'].map(n => e.getAttribute(n)).filter((v): v is string => v !== null)),
                    embedded: document.querySelectorAll('iframe, img, object, embed, video, audio, form, input, textarea, style:not(head style), link').length,
                    styleElements: document.querySelectorAll('style').length,
                    text: document.body.innerText,
                    bidi: /[\u202A-\u202E\u2066-\u2069]/.test(document.body.textContent ?? ''),
                    title: document.title
                };
            });
            expect(state.pwned).toBeNull();
            expect(state.shell).toBe(c.shell);
            expect(state.scripts).toBe(c.shell ? 1 : 0);
            expect(state.onAttributes).toEqual([]);
            for (const href of state.hrefs) expect(href).toMatch(/^(https?:\/\/|mailto:|#)/);
            expect(state.embedded).toBe(0);
            expect(state.styleElements).toBe(c.shell ? 0 : 1);
            expect(state.bidi).toBe(false);
            // The hostile text is there, as text.
            expect(state.text).toContain("<script>window.__pwned='unit'</script>");
            expect(state.text).toContain('<img src=x onerror="window.__pwned=\'unitgoal\'">');
            expect(state.text).toContain("[js](javascript:window.__pwned='mdlink')");
            expect(state.text).toContain('&amp; &lt;script&gt;');
            expect(state.text).toContain("'; } body { display:none } /*");
            if (!c.shell) expect(state.title).toContain('Plan <b>fet</b>');
            expect(problems.errors).toEqual([]);
            expect(problems.console).toEqual([]);
            expect(await violations(p)).toEqual([]);
            await p.context().close();
        }
    }, 60000);
});
