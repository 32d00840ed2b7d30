// The incremental re-parse (src/parser/incremental-parse.ts) must give exactly what a full parse
// gives. Long random edit sequences over the examples and a generated plan — typing and deleting
// character by character, pastes across blocks, unbalanced braces, quotes and comments — are fed to
// two language servers, one re-parsing incrementally and one always parsing the whole document; after
// every edit both documents must agree in AST shape, every CST node's position, range and text, every
// parse error, every diagnostic and hovers at sampled positions. Fixed seed here; `npm run fuzz -- --parse`
// runs the same check longer on a fresh seed.
import { describe, expect, test } from 'vitest';
import { runEditSequences } from './incremental-equivalence.js';

describe('incremental re-parse equals a full parse', () => {
    test('long random edit sequences over the examples and a generated plan (fixed seed)', async () => {
        const report = await runEditSequences({ seed: 20261203, runs: Number(process.env.VPLAN_INCREMENTAL_RUNS ?? 7), steps: 30 });
        console.log(`incremental re-parse: ${JSON.stringify(report)}`);
        // The comparison ran on every edit, and most edits took the incremental path (typing inside
        // blocks is the common case): the test cannot pass by always falling back to a full parse.
        expect(report.edits).toBeGreaterThan(250);
        expect(report.incremental / report.edits).toBeGreaterThan(0.3);
        expect(report.full).toBeGreaterThan(20);
    }, 240_000);
});
