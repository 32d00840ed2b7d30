import type { Browser, Page } from 'playwright-core';

/** The origin pages are served from in the browser tests: routed in-process, nothing listens. */
export const ORIGIN = 'http://vplan.test';

export interface PageProblems {
    console: string[];
    violations: string[];
    errors: string[];
}

/**
 * Opens HTML in a fresh page, served with the given Content-Security-Policy header (the page may
 * carry its own meta policy too), and records console errors, uncaught errors and CSP violations.
 * Other resources the page asks for are answered from `files` or refused.
 */
export async function openHtml(
    browser: Browser,
    html: string,
    options: {
        csp: string; colorScheme?: 'light' | 'dark'; files?: Record<string, { body: string; type: string }>; width?: number;
        /** Runs in the page before its own scripts (as VS Code sets up a webview). */
        init?: () => void;
    }
): Promise<{ page: Page; problems: PageProblems }> {
    const context = await browser.newContext({
        viewport: { width: options.width ?? 1100, height: 1400 },
        colorScheme: options.colorScheme ?? 'light'
    });
    const page = await context.newPage();
    const problems: PageProblems = { console: [], violations: [], errors: [] };
    page.on('console', msg => {
        if (msg.type() === 'error' || msg.type() === 'warning') problems.console.push(`${msg.type()}: ${msg.text()}`);
    });
    page.on('pageerror', err => problems.errors.push(String(err)));
    // Init scripts are injected by the browser, not the page: they run whatever the page's policy.
    await page.addInitScript(() => {
        const w = window as unknown as { __violations: string[] };
        w.__violations = [];
        document.addEventListener('securitypolicyviolation', e => {
            w.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`);
        });
    });
    if (options.init) await page.addInitScript(options.init);
    await page.route('**/*', async route => {
        const url = new URL(route.request().url());
        if (url.origin === ORIGIN && url.pathname === '/') {
            await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html, headers: { 'Content-Security-Policy': options.csp } });
        } else if (url.origin === ORIGIN && options.files?.[url.pathname]) {
            const file = options.files[url.pathname];
            await route.fulfill({ status: 200, contentType: file.type, body: file.body });
        } else {
            problems.console.push(`unexpected request: ${url.href}`);
            await route.abort();
        }
    });
    await page.goto(`${ORIGIN}/`, { waitUntil: 'load' });
    return { page, problems };
}

/** CSP violations the page saw, read after the fact. */
export async function violations(page: Page): Promise<string[]> {
    return page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
}
