// `npm run bench:load`: the language server under load (bench/load.ts), bundled with esbuild as
// bench/latency.mjs does and run here. Needs the built server: `npm run build` first.
// Options: --plans N (1000), --bytes B (11264), --edits N (60), --typing MS (30), --every MS (50),
// --repeat N (3 bursts of each kind), --heap (attach an inspector for the heap after a full
// collection and GC pauses; it slows the server, so waits are measured without it).
import * as esbuild from 'esbuild';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

if (!existsSync('out/server.cjs')) {
    console.error('bench:load: out/server.cjs is missing; run `npm run build` in the repository root first.');
    process.exit(2);
}
const dir = mkdtempSync(join(tmpdir(), 'vplan-load-bench-'));
const outfile = join(dir, 'load.mjs');
try {
    await esbuild.build({
        entryPoints: [new URL('./load.ts', import.meta.url).pathname],
        bundle: true, platform: 'node', format: 'esm', target: 'node22', outfile, logLevel: 'warning',
        mainFields: ['module', 'main'], conditions: ['import', 'module', 'default'],
        banner: { js: "import { createRequire as __vplanRequire } from 'node:module'; const require = __vplanRequire(import.meta.url);" }
    });
    await import(pathToFileURL(outfile).href);
} finally {
    rmSync(dir, { recursive: true, force: true });
}
