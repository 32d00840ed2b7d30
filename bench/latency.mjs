// Runs bench/latency.ts: bundles it with esbuild (the project's TypeScript runs without a build
// step everywhere else, through vitest or esbuild) into a temporary file and runs it in this process.
// Needs Node >= 22 (Langium 4.4): `npm run bench:latency` uses the project's Node 24.
import * as esbuild from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const dir = mkdtempSync(join(tmpdir(), 'vplan-bench-'));
const outfile = join(dir, 'latency.mjs');
try {
    await esbuild.build({
        entryPoints: [new URL('./latency.ts', import.meta.url).pathname],
        bundle: true, platform: 'node', format: 'esm', target: 'node22', outfile, logLevel: 'warning',
        mainFields: ['module', 'main'], conditions: ['import', 'module', 'default'],
        // Some dependencies are CommonJS and call require(): give the ESM bundle one.
        banner: { js: "import { createRequire as __vplanRequire } from 'node:module'; const require = __vplanRequire(import.meta.url);" }
    });
    await import(pathToFileURL(outfile).href);
} finally {
    rmSync(dir, { recursive: true, force: true });
}
