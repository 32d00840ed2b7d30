// The report as a reviewer reads it, in Chromium at desktop and phone width: the deviations first and
// linked to their cards, the contents numbered once, a trend arrow that follows the figure, statuses
// told apart without colour, nothing wider than the screen and no word broken in the middle.
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { statusTitle, trendTitle } from '@vplan/language';
import { renderDocument } from '../src/index.js';
import { openHtml } from './browser.js';
import { launchChromium } from './chromium.js';
import { loadPlans, REPO } from './load.js';

const SHOTS = path.join(REPO, 'test-results/screenshots');
let browser: Browser;
beforeAll(async () => {
    browser = await launchChromium();
    mkdirSync(SHOTS, { recursive: true });
}, 60000);
afterAll(async () => { await browser?.close(); });

async function omsorg(): Promise<string> {
    const docs = await loadPlans(path.join(REPO, 'examples/norsjo'));
    const doc = docs.find(d => d.uri.path.endsWith('omsorg-2026.vplan'))!;
    return renderDocument(doc, { lang: 'sv', mode: 'page' });
}

describe('the Norsjö 2026 report as a reviewer reads it', () => {
    test('the deviations list comes first, worst first, and every entry links to its card', async () => {
        const { page } = await openHtml(browser, await omsorg(), { csp: "default-src 'none'; style-src 'unsafe-inline'; img-src data:" });
        const order = await page.$$eval('.vplan-doc > *', els => els.map(e => e.className.split(' ')[0]));
        expect(order.indexOf('deviations')).toBe(order.indexOf('doc-header') + 1);
        const entries = await page.$$eval('.dev', els => els.map(e => ({
            status: e.className.replace(/.*dev-/, ''),
            href: e.querySelector('a')!.getAttribute('href')!,
            title: e.querySelector('a')!.textContent
        })));
        // 8 red, 5 yellow and 4 that cannot be assessed, in that order (vplan status counts the same).
        expect(entries.map(e => e.status)).toEqual([...Array(8).fill('red'), ...Array(5).fill('yellow'), ...Array(4).fill('undefined')]);
        for (const e of entries) {
            const target = await page.$(e.href);
            expect(target, e.href).not.toBeNull();
            expect(await target!.$eval('.ind-title', h => h.textContent)).toBe(e.title);
        }
    });

    test('the contents are numbered once: titles that carry their numbers get no list numbers', async () => {
        const { page } = await openHtml(browser, await omsorg(), { csp: "default-src 'none'; style-src 'unsafe-inline'; img-src data:" });
        const items = await page.$$eval('.doc-toc li', lis => lis.map(li => ({
            marker: getComputedStyle(li).listStyleType, text: li.querySelector('a')!.textContent
        })));
        expect(items.map(i => i.text)).toContain('2.1 Det kommunala uppdraget');
        for (const i of items) expect(i.marker, i.text!).toBe('none');
    });

    test('the trend arrow follows the figure; colour and word say better or worse', async () => {
        const { page } = await openHtml(browser, await omsorg(), { csp: "default-src 'none'; style-src 'unsafe-inline'; img-src data:" });
        const chips = await page.$$eval('article.indicator .ind-status .trend', els => els.map(e => ({
            move: e.getAttribute('data-move'), trend: e.getAttribute('data-trend'),
            arrow: e.querySelector('.arrow')!.textContent, word: e.textContent!.replace(/^\S+\s/, ''),
            colour: getComputedStyle(e.querySelector('.arrow')!).color
        })));
        expect(chips.length).toBeGreaterThan(5);
        for (const c of chips) expect(c.arrow).toBe(c.move === 'down' ? '↘' : c.move === 'up' ? '↗' : '→');
        // A falling figure that is an improvement (lower is better) exists in this plan and shows as such.
        const fallingBetter = chips.find(c => c.move === 'down' && c.trend === 'improving');
        expect(fallingBetter).toBeDefined();
        expect(fallingBetter!.word).toBe(trendTitle('improving', 'sv'));
        const risingWorse = chips.find(c => c.move === 'up' && c.trend === 'worsening');
        expect(risingWorse?.word).toBe(trendTitle('worsening', 'sv'));
        expect(fallingBetter!.colour).not.toBe(risingWorse!.colour);
    });

    test('no data, pending and cannot be assessed differ in shape and word, not only colour', async () => {
        const { page } = await openHtml(browser, await omsorg(), { csp: "default-src 'none'; style-src 'unsafe-inline'; img-src data:" });
        const looks = await page.$$eval('.legend li', lis => lis.map(li => {
            const dot = getComputedStyle(li.querySelector('.dot')!);
            return { word: li.textContent!.trim(), shape: `${dot.borderRadius}|${dot.borderStyle}|${dot.transform}` };
        }));
        const pick = (w: string) => looks.find(l => l.word === w)!;
        const trio = (['no-data', 'pending', 'undefined'] as const).map(s => pick(statusTitle(s, 'sv')));
        expect(new Set(trio.map(t => t.shape)).size).toBe(3);
        expect(new Set(trio.map(t => t.word)).size).toBe(3);
    });

    test.each([1280, 390])('at %i px nothing overflows and no word breaks in the middle (screenshot)', async width => {
        const { page } = await openHtml(browser, await omsorg(), { csp: "default-src 'none'; style-src 'unsafe-inline'; img-src data:", width });
        const layout = await page.evaluate(() => {
            const root = document.documentElement;
            const wide = Array.from(document.querySelectorAll('body *'))
                .filter(el => el.getBoundingClientRect().right > root.clientWidth + 1)
                .map(el => `${el.tagName}.${el.className}`);
            // Every word of the titles and table headers a reviewer scans stays on one line.
            const broken: string[] = [];
            for (const el of Array.from(document.querySelectorAll('h1, h2, h3, h4, th, .dev-title, .ind-title, .badge, .trend'))) {
                const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
                for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                    const textNode = node as Text;
                    for (const m of textNode.data.matchAll(/\S+/g)) {
                        const range = document.createRange();
                        range.setStart(textNode, m.index!);
                        range.setEnd(textNode, m.index! + m[0].length);
                        const lines = new Set(Array.from(range.getClientRects()).filter(r => r.width > 0).map(r => Math.round(r.top)));
                        if (lines.size > 1) broken.push(m[0]);
                    }
                }
            }
            return { scroll: root.scrollWidth, client: root.clientWidth, wide: wide.slice(0, 5), broken: broken.slice(0, 5) };
        });
        await page.screenshot({ path: path.join(SHOTS, `reviewer-omsorg-2026-${width}.png`), fullPage: false });
        expect(layout.wide).toEqual([]);
        expect(layout.scroll).toBe(layout.client);
        expect(layout.broken).toEqual([]);
    });
});

describe('the index of a folder', () => {
    test('every plan with its status bar, linked; a barometer per overarching goal across the plans', async () => {
        const { renderIndex } = await import('../src/index.js');
        const { isPlan } = await import('@vplan/language');
        const docs = await loadPlans(path.join(REPO, 'examples/norsjo'));
        const plans = docs.map(d => d.parseResult.value.elements.find(isPlan)!);
        const html = renderIndex(plans.map(p => ({ plan: p, href: `${p.name}.html` })), { lang: 'sv' });
        for (const width of [1280, 390]) {
            const { page } = await openHtml(browser, html, { csp: "default-src 'none'; style-src 'unsafe-inline'; img-src data:", width });
            const tables = await page.$$eval('table.dash-table', ts => ts.map(t => Array.from(t.querySelectorAll('tbody tr')).map(tr => ({
                name: tr.querySelector('th')!.textContent, href: tr.querySelector('th a')?.getAttribute('href'),
                bars: tr.querySelectorAll('svg').length
            }))));
            expect(tables).toHaveLength(2);
            expect(tables[0].map(r => [r.name, r.href])).toEqual(plans.map(p => [p.title, `${p.name}.html`]));
            // Goals of kommun.vplan, each with a status bar and an activity bar where it has activities.
            expect(tables[1].map(r => r.name)).toContain('Välfärd och välmående genom livet');
            for (const row of tables[1]) expect(row.bars).toBeGreaterThanOrEqual(1);
            expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(width);
            await page.screenshot({ path: path.join(SHOTS, `index-norsjo-${width}.png`), fullPage: true });
        }
    });
});
