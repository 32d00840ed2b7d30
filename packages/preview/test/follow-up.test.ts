import { createHash } from 'node:crypto';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { findPeriod, isPlan, periodReportsIn, planYearModel, type Document, type Plan } from '@vplan/language';
import { pageCss, renderFollowUpReport, renderPreviewBody, webviewCss } from '../src/index.js';
import type { HostToWebview, WebviewToHost } from '../src/protocol.js';
import { previewCsp, previewShell } from '../src/webview/shell.js';
import { openHtml, ORIGIN, violations } from './browser.js';
import { launchChromium } from './chromium.js';
import { loadFolder, REPO } from './load.js';

// The follow-up report of examples/uppfoljning (a fictional care plan, T1 ready, T2 a draft) as a
// reader meets it: a page in Chromium, and the preview's period picker in the webview.
const EXAMPLE = path.join(REPO, 'examples/uppfoljning');
const STRICT = `default-src 'none'; img-src data:; style-src 'sha256-${createHash('sha256').update(pageCss()).digest('base64')}'; script-src 'none'; base-uri 'none'; form-action 'none'`;

let browser: Browser;
beforeAll(async () => { browser = await launchChromium(); }, 60000);
afterAll(async () => { await browser?.close(); });

async function example() {
    const docs = await loadFolder(EXAMPLE);
    const planDoc = docs.find(d => d.parseResult.value.elements.some(isPlan))!;
    const plan = planDoc.parseResult.value.elements.find(isPlan) as Plan;
    const model = planYearModel(plan, periodReportsIn(docs.map(d => d.parseResult.value as Document)));
    return { docs, planDoc, model };
}

describe('the follow-up report as a page', () => {
    test('deviations first (red, yellow) with analysis and actions, then goal fulfilment; under a strict policy', async () => {
        const { model } = await example();
        const html = renderFollowUpReport(model, findPeriod(model, 'T1')!, { lang: 'sv', mode: 'page', asOf: '2026-05-15' });
        const { page, problems } = await openHtml(browser, html, { csp: STRICT });
        const headings = await page.$$eval('main > section > h2', els => els.map(e => e.textContent));
        expect(headings).toEqual(['Avvikelser', 'Måluppfyllelse', 'Indikatorer per enhet', 'Aktiviteter och uppdrag']);
        const deviations = await page.$$eval('section.deviations article', els => els.map(e => ({
            name: e.getAttribute('data-indicator'), status: e.getAttribute('data-status'),
            analysis: e.querySelector('.analysis')?.textContent ?? '', actions: e.querySelector('.actions')?.textContent ?? '',
            missing: e.querySelector('.missing')?.textContent ?? ''
        })));
        expect(deviations.map(d => `${d.name}:${d.status}`)).toEqual(['exPersonalkontinuitet:red', 'exSjukfranvaro:red', 'exNojdHemtjanst:yellow', 'exFallskador:yellow']);
        expect(deviations[0].analysis).toContain('Analys');
        expect(deviations[0].analysis).toContain('vakanta tjänster');
        expect(deviations[0].actions).toContain('Åtgärder');
        expect(deviations[1].missing).toBe('Analys saknas.');
        const goals = await page.$$eval('.fulfilment-table', tables => tables.map(t => ({
            caption: t.querySelector('caption')?.textContent,
            rows: Array.from(t.querySelectorAll('tbody tr')).map(r => `${r.querySelector('th')?.textContent}: ${r.querySelector('td')?.textContent}`)
        })));
        expect(goals[0]).toEqual({
            caption: 'Kommunfullmäktiges mål',
            rows: ['Trygg och värdig omsorg genom livet: delvis uppfyllt', 'En attraktiv arbetsgivare: ej uppfyllt']
        });
        // Overdue activities are marked as of the date given.
        expect(await page.$$eval('li[data-overdue="true"]', els => els.length)).toBe(1);
        expect(problems.console).toEqual([]);
        expect(problems.errors).toEqual([]);
        expect(await violations(page)).toEqual([]);
        await page.context().close();
    }, 60000);

    test('English headings in an English report', async () => {
        const { model } = await example();
        const html = renderFollowUpReport(model, findPeriod(model, 'T2')!, { lang: 'en', mode: 'fragment' });
        expect(html).toContain('<h2>Deviations</h2>');
        expect(html).toContain('<h2>Goal fulfilment</h2>');
        expect(html).toContain('<h2>Changes since T1</h2>');
    });
});

describe('what the preview shows', () => {
    test('the plan with its periods; a chosen period gives its report; a follow-up file its own period', async () => {
        const { docs, planDoc } = await example();
        const plan = renderPreviewBody(planDoc, docs, { lang: 'sv', dashboard: true });
        expect(plan.periods).toEqual([{ name: 'T1', label: 'T1' }, { name: 'T2', label: 'T2' }, { name: 'annual', label: 'helår' }]);
        expect(plan.period).toBeUndefined();
        expect(plan.html).not.toContain('follow-up-report');
        const t2 = renderPreviewBody(planDoc, docs, { lang: 'sv', dashboard: true, period: 'T2' });
        expect(t2.period).toBe('T2');
        expect(t2.html).toContain('data-period="T2"');
        const only = renderPreviewBody(planDoc, docs, { lang: 'sv', dashboard: true, period: 'T1', deviationsOnly: true });
        expect(only.html).toContain('<h2>Avvikelser</h2>');
        expect(only.html).not.toContain('<h2>Måluppfyllelse</h2>');
        const t1File = docs.find(d => d.uri.fsPath.endsWith('uppfoljning-t1.vplan'))!;
        const own = renderPreviewBody(t1File, docs, { lang: 'sv', dashboard: true });
        expect(own.period).toBe('T1');
    });

    test('the webview period picker asks the host for the chosen period', async () => {
        const script = (await esbuild.build({
            entryPoints: [path.join(REPO, 'packages/preview/src/webview/main.ts')],
            bundle: true, minify: true, platform: 'browser', format: 'iife', target: 'es2022', write: false
        })).outputFiles[0].text;
        const NONCE = 'dGVzdG5vbmNlMTIz';
        const html = previewShell({
            cspSource: ORIGIN, nonce: NONCE, styleUri: `${ORIGIN}/preview.css`, scriptUri: `${ORIGIN}/preview-webview.js`,
            documentUri: 'file:///w/omsorg-2026.vplan', lang: 'sv', title: 'Förhandsvisning', scrollSync: true
        });
        const { page, problems } = await openHtml(browser, html, {
            csp: previewCsp(ORIGIN, NONCE),
            files: { '/preview.css': { body: webviewCss(), type: 'text/css' }, '/preview-webview.js': { body: script, type: 'text/javascript' } },
            init: () => {
                const w = window as unknown as { __sent: unknown[]; acquireVsCodeApi: () => unknown };
                w.__sent = [];
                w.acquireVsCodeApi = () => ({ postMessage: (m: unknown) => w.__sent.push(m), getState: () => undefined, setState: () => undefined });
            }
        });
        await page.waitForFunction(() => (window as unknown as { __sent: { type: string }[] }).__sent.some(m => m.type === 'ready'));
        const { docs, planDoc } = await example();
        const body = renderPreviewBody(planDoc, docs, { lang: 'sv', dashboard: true });
        const message: HostToWebview = {
            type: 'render', seq: 1, html: body.html, errors: [], keptPrevious: false, labels: { syntaxErrors: '', line: 'Rad' },
            picker: { periods: body.periods, period: '', deviationsOnly: false, labels: { period: 'Period', plan: 'Planen', deviationsOnly: 'Bara avvikelser' } }
        };
        await page.evaluate(m => window.postMessage(m, '*'), message);
        await page.waitForSelector('#vp-period');
        expect(await page.$$eval('#vp-period option', os => os.map(o => o.textContent))).toEqual(['Planen', 'T1', 'T2', 'helår']);
        await page.selectOption('#vp-period', 'T2');
        await page.check('#vp-deviations-only');
        const sent = await page.evaluate(() => (window as unknown as { __sent: WebviewToHost[] }).__sent);
        expect(sent.filter(m => m.type === 'choosePeriod')).toEqual([
            { type: 'choosePeriod', period: 'T2', deviationsOnly: false },
            { type: 'choosePeriod', period: 'T2', deviationsOnly: true }
        ]);
        expect(problems.errors).toEqual([]);
        expect(await violations(page)).toEqual([]);
        await page.context().close();
    }, 60000);
});
