// Global setup of the end-to-end run: fail early and clearly when the machine lacks Chromium or
// libkrb5-dev, install code-server (cached), install the packaged VSIX and start one code-server for all
// scenarios; stop its whole process group at the end.
import type { TestProject } from 'vitest/node';
import { installCodeServer, packagedVsix, preflight, startCodeServer } from './code-server.js';
import { SCREENSHOTS } from './workbench.js';

declare module 'vitest' {
    export interface ProvidedContext {
        codeServerUrl: string;
        userDataDir: string;
    }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
    preflight();
    const vsix = packagedVsix();
    installCodeServer();
    const started = Date.now();
    const server = await startCodeServer(vsix);
    console.log(`code-server ${server.url} answered after ${Date.now() - started} ms; screenshots in ${SCREENSHOTS}`);
    project.provide('codeServerUrl', server.url);
    project.provide('userDataDir', server.userDataDir);
    return () => server.stop();
}
