// `npm run fuzz`: the long keystroke fuzzing run. Bundles bench/fuzz.ts with esbuild (as
// bench/latency.mjs does) and runs it here. Options: --runs N (default 3000), --seed S (default:
// a fresh one, printed so a failure can be replayed). Run from the repository root.
// `--parse`: the incremental re-parse against full parses instead (bench/fuzz-parse.ts).
import * as esbuild from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const dir = mkdtempSync(join(tmpdir(), 'vplan-fuzz-'));
const outfile = join(dir, 'fuzz.mjs');
try {
    await esbuild.build({
        entryPoints: [new URL(process.argv.includes('--parse') ? './fuzz-parse.ts' : './fuzz.ts', import.meta.url).pathname],
        bundle: true, platform: 'node', format: 'esm', target: 'node22', outfile, logLevel: 'warning',
        mainFields: ['module', 'main'], conditions: ['import', 'module', 'default'],
        banner: { js: "import { createRequire as __vplanRequire } from 'node:module'; const require = __vplanRequire(import.meta.url);" }
    });
    await import(pathToFileURL(outfile).href);
} finally {
    rmSync(dir, { recursive: true, force: true });
}
