// A report page printed to PDF by a Chromium-based browser already on the machine (Chromium, Chrome,
// Edge), started headless for one print: no browser download and no driver library. The page's print
// stylesheet does the layout (A4, cover, running header, "Sida N av M"). Node only (it spawns the
// browser), a subpath of its own: `vplan render` and the language server's export share it.
import { spawn } from 'node:child_process';
import { constants, promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

/** No browser was found: the CLI says what to install, in the user's language. */
export class BrowserMissing extends Error {
    override readonly name = 'BrowserMissing';

    /** `chosen`: the VPLAN_CHROMIUM that is not an executable file. */
    constructor(readonly chosen?: string) {
        super(chosen ? `VPLAN_CHROMIUM=${chosen} is not an executable file` : 'no Chromium, Chrome or Edge found');
    }
}

const NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'microsoft-edge', 'chrome'];
const FIXED = [
    '/usr/bin/chromium', '/snap/bin/chromium',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe'
];

async function executable(file: string): Promise<boolean> {
    try {
        await fs.access(file, constants.X_OK);
        return (await fs.stat(file)).isFile();
    } catch {
        return false;
    }
}

/** VPLAN_CHROMIUM if set, else the first Chromium-based browser on PATH or in its usual place. */
export async function findBrowser(env: NodeJS.ProcessEnv): Promise<string> {
    const chosen = env.VPLAN_CHROMIUM;
    if (chosen) {
        if (await executable(chosen)) return chosen;
        throw new BrowserMissing(chosen);
    }
    const dirs = (env.PATH ?? '').split(path.delimiter).filter(Boolean);
    for (const name of NAMES) {
        for (const dir of dirs) {
            const file = path.join(dir, process.platform === 'win32' ? `${name}.exe` : name);
            if (await executable(file)) return file;
        }
    }
    for (const file of FIXED) if (await executable(file)) return file;
    throw new BrowserMissing();
}

/** Prints an HTML page to PDF; the bytes of the PDF. */
export async function renderPdf(html: string, env: NodeJS.ProcessEnv = process.env): Promise<Uint8Array> {
    const browser = await findBrowser(env);
    const dir = await fs.mkdtemp(path.join(tmpdir(), 'vplan-pdf-'));
    try {
        const page = path.join(dir, 'report.html');
        const pdf = path.join(dir, 'report.pdf');
        await fs.writeFile(page, html, 'utf8');
        const args = [
            '--headless', '--disable-gpu', '--no-first-run', '--no-default-browser-check', '--disable-extensions',
            '--disable-background-networking', '--disable-component-update', '--disable-sync', '--mute-audio',
            `--user-data-dir=${path.join(dir, 'profile')}`,
            // The page's own @page margin boxes are the header and footer, not the browser's.
            '--no-pdf-header-footer', '--generate-pdf-document-outline',
            `--print-to-pdf=${pdf}`
        ];
        // Chromium refuses to run as root with its sandbox (containers, CI).
        if (process.getuid?.() === 0) args.push('--no-sandbox');
        args.push(`file://${page}`);
        await run(browser, args, 120_000);
        return new Uint8Array(await fs.readFile(pdf));
    } finally {
        await fs.rm(dir, { recursive: true, force: true });
    }
}

function run(file: string, args: string[], timeoutMs: number): Promise<void> {
    return new Promise((resolve, reject) => {
        const child = spawn(file, args, { stdio: ['ignore', 'ignore', 'pipe'] });
        let stderr = '';
        child.stderr.on('data', chunk => { if (stderr.length < 4000) stderr += String(chunk); });
        const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
        child.on('error', err => { clearTimeout(timer); reject(err); });
        child.on('close', (code, signal) => {
            clearTimeout(timer);
            if (code === 0) resolve();
            else reject(new Error(`${path.basename(file)} did not print the PDF (${signal ?? `exit ${code}`}): ${stderr.trim().split('\n').pop() ?? ''}`));
        });
    });
}
