import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../preview/test/chromium.js';
import { ensureBuilt, tempCopy, vplan } from './helpers.js';

beforeAll(() => ensureBuilt(), 240_000);

let browser: Browser | undefined;
afterAll(async () => { await browser?.close(); });

describe('vplan render', () => {
    test('-o writes one complete, self-contained HTML document, resolving references to the shared file in the folder', () => {
        const dir = tempCopy('ok');
        const r = vplan(['render', 'ok/omsorg.vplan', '-o', 'report/omsorg.html'], { cwd: dir });
        expect(r.stderr).toBe('');
        expect(r.code).toBe(0);
        expect(r.stdout).toBe('');
        const html = readFileSync(path.join(dir, 'report/omsorg.html'), 'utf8');
        expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
        expect(html.trimEnd().endsWith('</html>')).toBe(true);
        expect(html).toContain('<title>Verksamhetsplan Omsorg 2026</title>');
        // Nothing loaded from elsewhere: no external scripts, styles or images.
        expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=|<img[^>]+src="(?!data:)/);
        // The goal's title comes from kommun.vplan, next to the plan.
        expect(html).toContain('Välfärd och välbefinnande genom livet');
        // Atomic: no temporary file is left next to the report.
        expect(readdirSync(path.join(dir, 'report'))).toEqual(['omsorg.html']);
    });

    test('without -o the page goes to standard output, in the plan\'s language (--lang, VPLAN_LANG choose); --format md gives Markdown', () => {
        // A Swedish plan under LANG=C: a Swedish report.
        const html = vplan(['render', 'ok/omsorg.vplan']);
        expect(html.code).toBe(0);
        expect(html.stdout).toMatch(/^<!DOCTYPE html>/);
        expect(html.stdout).toContain('<html lang="sv">');
        const en = vplan(['render', 'ok/omsorg.vplan', '--lang', 'en']);
        expect(en.stdout).toContain('<html lang="en">');
        const env = vplan(['render', 'ok/omsorg.vplan'], { env: { VPLAN_LANG: 'en' } });
        expect(env.stdout).toContain('<html lang="en">');
        const flagWins = vplan(['render', 'ok/omsorg.vplan', '--lang', 'sv'], { env: { VPLAN_LANG: 'en' } });
        expect(flagWins.stdout).toContain('<html lang="sv">');
        const md = vplan(['render', 'ok/omsorg.vplan', '--format', 'md']);
        expect(md.code).toBe(0);
        expect(md.stdout).toMatch(/^# Verksamhetsplan Omsorg 2026\n/);
        expect(md.stdout).not.toContain('<html');
    });

    test('-o folder/ renders every plan among the inputs, one page each, skipping the shared catalogue', () => {
        const dir = tempCopy('ok', 'warnings');
        const r = vplan(['render', 'ok', 'warnings', '-o', 'report/'], { cwd: dir });
        expect(r.code).toBe(0);
        expect(r.stdout).toBe('ok/omsorg.vplan → report/omsorg.html\nwarnings/plan.vplan → report/plan.html\n');
        expect(readdirSync(path.join(dir, 'report')).sort()).toEqual(['omsorg.html', 'plan.html']);
        const omsorg = readFileSync(path.join(dir, 'report/omsorg.html'), 'utf8');
        expect(omsorg).toContain('<title>Verksamhetsplan Omsorg 2026</title>');
        expect(omsorg).toContain('Välfärd och välbefinnande genom livet');
        expect(readFileSync(path.join(dir, 'report/plan.html'), 'utf8')).toContain('<title>Plan med varningar</title>');
        const md = vplan(['render', 'ok', '-o', 'md/', '--format', 'md'], { cwd: dir });
        expect(md.code).toBe(0);
        expect(readdirSync(path.join(dir, 'md'))).toEqual(['omsorg.md']);
    });

    test('exit codes: 2 for a missing plan or bad usage, 1 for a file without a plan', () => {
        const missing = vplan(['render', 'nope.vplan']);
        expect(missing.code).toBe(2);
        expect(missing.stderr).toBe('vplan: nope.vplan: no such file or folder\n');
        expect(vplan(['render']).code).toBe(2);
        expect(vplan(['render', 'ok/omsorg.vplan', '--format', 'pdf']).code).toBe(2);
        const catalogue = vplan(['render', 'ok/kommun.vplan']);
        expect(catalogue.code).toBe(1);
        expect(catalogue.stderr).toBe('vplan: ok/kommun.vplan: contains no plan to render\n');
    });

    test('a failed write leaves the previous report in place', () => {
        const dir = tempCopy('ok');
        expect(vplan(['render', 'ok/omsorg.vplan', '-o', 'out.html'], { cwd: dir }).code).toBe(0);
        const before = readFileSync(path.join(dir, 'out.html'), 'utf8');
        // The target's folder is a file: the write cannot happen.
        const r = vplan(['render', 'ok/omsorg.vplan', '-o', 'out.html/x.html'], { cwd: dir });
        expect(r.code).toBe(2);
        expect(r.stderr).toMatch(/^vplan: .+\n$/);
        expect(readFileSync(path.join(dir, 'out.html'), 'utf8')).toBe(before);
        expect(statSync(path.join(dir, 'out.html')).isFile()).toBe(true);
    });

    test('the report opens in Chromium without console errors or requests, with its sections', async () => {
        const dir = tempCopy('ok');
        const file = path.join(dir, 'omsorg.html');
        expect(vplan(['render', 'ok/omsorg.vplan', '-o', file], { cwd: dir }).code).toBe(0);
        expect(existsSync(file)).toBe(true);
        browser = await launchChromium();
        const page = await browser.newPage();
        const problems: string[] = [];
        const requests: string[] = [];
        page.on('console', m => { if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text()); });
        page.on('pageerror', e => problems.push(e.message));
        page.on('request', req => requests.push(req.url()));
        const url = pathToFileURL(file).href;
        await page.goto(url);
        expect(problems).toEqual([]);
        expect(requests).toEqual([url]);
        expect(await page.locator('h1').first().innerText()).toBe('Verksamhetsplan Omsorg 2026');
        const units = await page.locator('h2').allInnerTexts();
        expect(units).toEqual(expect.arrayContaining([expect.stringContaining('Äldreomsorgen'), expect.stringContaining('Individ- och familjeomsorgen')]));
        for (const title of ['Brukarnöjdhet', 'Helhetssyn', 'Kostnad per invånare', 'Väntetid', 'Svarstid']) {
            await expect(page.getByText(title, { exact: true }).first().isVisible()).resolves.toBe(true);
        }
        // The styles are inline and applied (the CSP allows them by hash): the page is not unstyled.
        const styled = await page.evaluate(() => document.styleSheets.length > 0 && document.styleSheets[0].cssRules.length > 0);
        expect(styled).toBe(true);
        await page.close();
    }, 60_000);
});
