// Hostile plans opened in headless Chromium, as a reviewer opens the report `vplan render` wrote and
// as the VS Code preview shows the webview fragment: no script runs (window.__pwned stays unset, no
// dialog opens), no Content-Security-Policy violation is reported, no request leaves the page, and
// links go only to http(s) and mailto.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { renderDocument } from '@vplan/preview';
import { previewCsp, previewShell } from '../../packages/preview/src/webview/shell.js';
import { webviewCss } from '../../packages/preview/src/styles.js';
import { launchChromium } from '../../packages/preview/test/chromium.js';
import { parseText } from '../../packages/preview/test/load.js';
import { ensureBuilt, vplan } from '../../packages/cli/test/helpers.js';
import { REPO } from './harness.js';
import { hostileCases, hostileCatalogue, hostilePlan, STRING_PAYLOADS } from './hostile-plans.js';

const ORIGIN = 'https://hostile.test';
const NONCE = 'cm9idXN0bmVzcy1ub25jZQ';

/** Plans whose ids sit next to bidirectional controls: not ids, so these have syntax errors. */
const BIDI_IDS = `plan p\u202E "T\u202Eitle" {\n  enhet \u2066u "U\u2067" {\n    indikator i\u202D "I" { grön >= 1 utfall 2025: 2 }\n  }\n}\n`;

interface Observed {
    pwned: unknown;
    dialogs: string[];
    violations: string[];
    requests: string[];
    errors: string[];
    scripts: number;
    onAttributes: string[];
    urls: string[];
    active: string[];
    bidi: boolean;
    banner: string;
}

let browser: Browser;
let webviewScript: string;
let work: string;
const cases = hostileCases();

beforeAll(async () => {
    browser = await launchChromium();
    // The webview's own script, bundled as esbuild.mjs bundles it.
    const built = await esbuild.build({
        entryPoints: [path.join(REPO, 'packages/preview/src/webview/main.ts')],
        bundle: true, minify: true, platform: 'browser', format: 'iife', target: 'es2022', write: false
    });
    webviewScript = built.outputFiles[0].text;
    work = mkdtempSync(path.join(tmpdir(), 'vplan-hostile-'));
}, 60_000);

afterAll(async () => {
    await browser?.close();
    if (work) rmSync(work, { recursive: true, force: true });
});

interface Served {
    html: string;
    csp?: string;
    files?: Record<string, { body: string; type: string }>;
}

/**
 * One browser page that loads HTML served from ORIGIN (with `csp` as a header, if any), lets it
 * settle, touches every element the way a reader would (hover, focus), and reports what ran and
 * what was requested. Reused across loads: a new context per report cost seconds.
 */
async function opener(init?: () => void) {
    const context = await browser.newContext({ viewport: { width: 1000, height: 1200 } });
    const page = await context.newPage();
    let served: Served = { html: '' };
    let dialogs: string[] = [];
    let requests: string[] = [];
    let errors: string[] = [];
    page.on('dialog', dialog => {
        dialogs.push(`${dialog.type()}: ${dialog.message()}`);
        void dialog.dismiss();
    });
    page.on('pageerror', err => errors.push(String(err)));
    page.on('popup', popup => requests.push(`popup ${popup.url()}`));
    await page.addInitScript(() => {
        const w = window as unknown as { __violations: string[] };
        w.__violations = [];
        document.addEventListener('securitypolicyviolation', e => w.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    if (init) await page.addInitScript(init);
    await page.route('**/*', async route => {
        const url = route.request().url();
        const parsed = new URL(url);
        if (url === `${ORIGIN}/`) {
            await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: served.html, headers: served.csp ? { 'Content-Security-Policy': served.csp } : {} });
        } else if (parsed.origin === ORIGIN && served.files?.[parsed.pathname]) {
            const file = served.files[parsed.pathname];
            await route.fulfill({ status: 200, contentType: file.type, body: file.body });
        } else {
            requests.push(url);
            await route.abort();
        }
    });
    const observed = async (): Promise<Observed> => {
        // What a reader does: hover and focus everything (inline handlers would fire).
        await page.evaluate(() => {
            for (const el of Array.from(document.querySelectorAll('body *'))) {
                for (const type of ['mouseover', 'focus', 'click']) {
                    if (type === 'click' && el.closest('a')) continue; // following a link is not an attack
                    el.dispatchEvent(new Event(type, { bubbles: true }));
                }
            }
        });
        await page.waitForTimeout(20);
        const state = await page.evaluate(() => {
            const all = Array.from(document.querySelectorAll('*'));
            const attr = (n: string) => all.map(e => e.getAttribute(n)).filter((v): v is string => v !== null);
            return {
                pwned: (window as unknown as { __pwned?: unknown }).__pwned ?? null,
                violations: (window as unknown as { __violations: string[] }).__violations,
                scripts: document.querySelectorAll('body script:not([nonce])').length + document.querySelectorAll('head script').length,
                onAttributes: all.flatMap(e => Array.from(e.attributes).filter(a => /^on/i.test(a.name)).map(a => `${e.tagName}.${a.name}`)),
                urls: [...attr('href'), ...attr('src'), ...attr('xlink:href'), ...attr('action'), ...attr('formaction'), ...attr('srcset')],
                // The webview's banner has its own button ("go to line"); nothing else may be active.
                active: Array.from(document.querySelectorAll('iframe, frame, object, embed, img, video, audio, form, input, textarea, button, base, meta[http-equiv="refresh"], body link, body style'))
                    .filter(e => !(e.tagName === 'BUTTON' && e.closest('#vp-banner'))).map(e => e.tagName),
                banner: document.getElementById('vp-banner')?.textContent ?? '',
                bidi: /[\u202A-\u202E\u2066-\u2069]/.test(document.documentElement.textContent ?? '')
            };
        });
        return { ...state, dialogs, requests, errors };
    };
    const load = async (next: Served) => {
        served = next;
        dialogs = [];
        requests = [];
        errors = [];
        await page.goto(`${ORIGIN}/`, { waitUntil: 'load' });
    };
    return { page, load, observed, close: () => context.close() };
}

function expectInert(o: Observed, where: string, siblings: readonly string[] = []): void {
    expect(o.pwned, where).toBeNull();
    expect(o.dialogs, where).toEqual([]);
    expect(o.violations, where).toEqual([]);
    expect(o.requests, where).toEqual([]);
    expect(o.errors, where).toEqual([]);
    expect(o.scripts, where).toBe(0);
    expect(o.onAttributes, where).toEqual([]);
    expect(o.active, where).toEqual([]);
    expect(o.bidi, where).toBe(false);
    for (const url of o.urls) {
        // Links out go to http(s) and mailto; in-page anchors and the webview's own files are fine.
        // A folder's index links its plans' reports: exactly the files written beside it.
        if (siblings.includes(decodeURI(url))) continue;
        expect(url, where).toMatch(/^(https?:\/\/|mailto:|#)/i);
    }
}

describe('hostile plans, rendered by `vplan render` (the report file)', () => {
    test(`${cases.length} plans, every text slot hostile, opened without a Content-Security-Policy header`, async () => {
        ensureBuilt();
        const folders = cases.map(c => {
            const folder = path.join(work, c.id);
            mkdirSync(folder, { recursive: true });
            writeFileSync(path.join(folder, `${c.id}.vplan`), hostilePlan(c.id, c.string, c.markdown));
            writeFileSync(path.join(folder, 'kommun.vplan'), hostileCatalogue(c.string));
            return c.id;
        });
        mkdirSync(path.join(work, 'bidi'));
        writeFileSync(path.join(work, 'bidi/bidi.vplan'), BIDI_IDS);
        const result = vplan(['render', ...folders, 'bidi', '-o', 'out/'], { cwd: work });
        expect(result.stderr).toBe('');
        expect(result.code).toBe(0);
        const reports = readdirSync(path.join(work, 'out')).filter(f => f.endsWith('.html')).sort();
        // One report per plan (the cases and bidi) and the folder's index, which shows every hostile title too.
        expect(reports).toHaveLength(cases.length + 2);
        expect(reports).toContain('index.html');
        const browserPage = await opener();
        const page = browserPage.page;
        for (const report of reports) {
            const html = readFileSync(path.join(work, 'out', report), 'utf8');
            // The report carries its own policy; it is served here without one, as a file opened by hand.
            await browserPage.load({ html });
            const o = await browserPage.observed();
            expectInert(o, report, report === 'index.html' ? reports.filter(r => r !== 'index.html') : []);
            // The attack is on the page, as text.
            const text = await page.evaluate(() => document.body.innerText);
            const name = report.replace(/\.html$/, '');
            const c = cases.find(x => x.id === name);
            if (c && !/[\u202A-\u202E\u2066-\u2069]/.test(c.string)) expect(text, report).toContain(c.string.replace(/\s+/g, ' ').slice(0, 20).trim());
        }
        await browserPage.close();
    }, 120_000);
});

describe('hostile plans, in the preview webview', () => {
    async function openWebview(body: string) {
        const html = previewShell({
            cspSource: ORIGIN, nonce: NONCE, styleUri: `${ORIGIN}/preview.css`, scriptUri: `${ORIGIN}/preview.js`,
            documentUri: 'file:///w/hostile.vplan', lang: 'sv', title: 'Förhandsvisning', scrollSync: true, body
        });
        const opened = await opener(() => {
            // What VS Code gives a webview script.
            const w = window as unknown as { __sent: unknown[]; acquireVsCodeApi: () => unknown };
            w.__sent = [];
            w.acquireVsCodeApi = () => ({ postMessage: (m: unknown) => w.__sent.push(m), getState: () => undefined, setState: () => undefined });
        });
        await opened.load({
            html,
            csp: previewCsp(ORIGIN, NONCE),
            files: {
                '/preview.css': { body: webviewCss(), type: 'text/css' },
                '/preview.js': { body: webviewScript, type: 'text/javascript' }
            }
        });
        return opened;
    }

    test(`${cases.length} fragments: the first render in the page and each update by message, with hostile syntax errors`, async () => {
        const fragments: string[] = [];
        for (const c of cases) {
            const doc = await parseText(hostilePlan(c.id, c.string, c.markdown), [hostileCatalogue(c.string)]);
            fragments.push(renderDocument(doc, { lang: 'sv', mode: 'fragment' }));
        }
        fragments.push(renderDocument(await parseText(BIDI_IDS), { lang: 'en', mode: 'fragment' }));
        const { page, observed, close } = await openWebview(fragments[0]);
        await page.waitForFunction(() => (window as unknown as { __sent: { type: string }[] }).__sent.some(m => m.type === 'ready'));
        expectInert(await observed(), 'first render');
        const payloads = Object.values(STRING_PAYLOADS);
        for (let i = 1; i < fragments.length; i++) {
            // Updates go through the webview's own patching (a template, then a DOM morph).
            const hostileError = payloads[i % payloads.length];
            await page.evaluate(m => window.postMessage(m, '*'), {
                type: 'render', seq: i, html: fragments[i], keptPrevious: i % 2 === 0,
                errors: i % 2 === 0 ? [{ line: 1, message: hostileError }] : [],
                // The labels are the extension's own words; HTML in them must still stay text.
                labels: { syntaxErrors: STRING_PAYLOADS['script tag'], line: STRING_PAYLOADS['img onerror'] }
            });
            await page.waitForFunction(seq => (window as unknown as { __sent: { type: string; seq?: number }[] }).__sent.some(m => m.type === 'rendered' && m.seq === seq), i);
            const o = await observed();
            expectInert(o, `update ${i}: ${cases[i]?.name ?? 'bidi ids'}`);
            // A hostile syntax error is shown as text in the banner.
            if (i % 2 === 0 && !/[\u202A-\u202E\u2066-\u2069]/.test(hostileError)) expect(o.banner).toContain(hostileError.slice(0, 15));
        }
        await close();
    }, 120_000);
});
