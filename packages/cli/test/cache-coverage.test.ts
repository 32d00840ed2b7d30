// The validate cache (packages/cli/src/cache.ts) knows how a file's findings depend on other files:
// through the names it uses or declares (references, duplicate ids) and, with an unresolved name,
// through every declared name. A check that reads other documents in any other way (by KPI id, by
// title…) would make cached findings stale. This test lists the checks that read the workspace;
// when it fails, extend the cache's dependency key for the new one, then add it here.
import { describe, expect, test } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ROOT } from './helpers.js';

const WORKSPACE_READS = /\b(LangiumDocuments|IndexManager|allElements|getScope|IndexedContent|documents\.all)\b/;

function filesUnder(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap(e =>
        e.isDirectory() ? filesUnder(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []);
}

describe('what the validate cache must know about', () => {
    test('the checks that read other documents are the ones its dependency key covers', () => {
        const dirs = ['packages/language/src/validation', 'packages/language/src/semantics'].map(d => path.join(ROOT, d));
        const readers = dirs.flatMap(filesUnder)
            .filter(file => WORKSPACE_READS.test(readFileSync(file, 'utf8')))
            .map(file => path.relative(ROOT, file).split(path.sep).join('/'))
            .sort();
        expect(readers).toEqual([
            // Duplicate ids: other files declaring the same name (the cache follows declared names).
            'packages/language/src/validation/duplicate-ids.ts',
            // Unresolved names: the suggestion reads every name in scope (the cache keys such a file by all names).
            'packages/language/src/validation/document-validator.ts',
            // The follow-ups of one plan read each other (progress going backwards): tied by the plan they follow up (symbol-facts.ts).
            'packages/language/src/validation/follow-up-checks.ts',
            // Where the checks are registered: hands the workspace's documents to the two readers around it.
            'packages/language/src/validation/index.ts',
            // The same KPI with other bands in another indicator: files tied by each KPI id they name (symbol-facts.ts).
            'packages/language/src/validation/kpi-checks.ts'
        ].sort());
    });
});
