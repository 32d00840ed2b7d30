// Each package imports only packages below it: language < data < preview < cli, extension. The
// language package owns the semantics; a surface above it may read it, never the other way round.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { expect, test } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const LEVEL: Record<string, number> = { language: 0, data: 1, preview: 2, cli: 3, extension: 3 };

function* sources(dir: string): Generator<string> {
    for (const name of readdirSync(dir)) {
        const file = path.join(dir, name);
        if (statSync(file).isDirectory()) { if (name !== 'generated') yield* sources(file); }
        else if (name.endsWith('.ts')) yield file;
    }
}

test('no package imports a package above it', () => {
    const wrong: string[] = [];
    let seen = 0;
    for (const pkg of Object.keys(LEVEL)) {
        for (const file of sources(path.join(ROOT, 'packages', pkg, 'src'))) {
            const text = readFileSync(file, 'utf8');
            for (const m of text.matchAll(/(?:from|import)\s*\(?\s*'@vplan\/([a-z]+)/g)) {
                seen++;
                if (LEVEL[m[1]] === undefined || LEVEL[m[1]] > LEVEL[pkg] || (m[1] !== pkg && LEVEL[m[1]] === LEVEL[pkg])) {
                    wrong.push(`${path.relative(ROOT, file)} imports @vplan/${m[1]}`);
                }
            }
        }
    }
    expect(seen).toBeGreaterThan(10);
    expect(wrong).toEqual([]);
});
