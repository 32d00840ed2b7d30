import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium: the browser the renderer's page tests run in (no browser download). */
export const CHROMIUM = '/usr/bin/chromium';

/**
 * Launches headless Chromium. Fails with instructions when it is missing: these tests never skip
 * silently, since a report nobody opened in a browser is not tested.
 */
export async function launchChromium(): Promise<Browser> {
    if (!existsSync(CHROMIUM)) {
        throw new Error(
            `${CHROMIUM} is missing: the page tests need Debian's Chromium. Install it with ` +
            '`apt-get install -y chromium` (as root) and run the tests again.'
        );
    }
    return chromium.launch({
        executablePath: CHROMIUM,
        headless: true,
        args: [
            '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
            '--disable-component-update', '--disable-sync'
        ]
    });
}
