// The launcher runs the main bundle with V8's code of a previous run (bin/vplan.cjs): written by a
// run that checked plans, in the user's own folder of the temporary folder; a cache that does not
// fit is rebuilt, a folder others could write to is never used, and the findings never change.
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { ensureBuilt, vplan } from './helpers.js';

beforeAll(() => ensureBuilt());

const uid = typeof process.getuid === 'function' ? process.getuid() : undefined;
const folderName = `vplan-code-cache${uid === undefined ? '' : `-${uid}`}`;

function run(tmp: string, args: string[], env: Record<string, string> = {}) {
    return vplan(args, { env: { TMPDIR: tmp, TMP: tmp, TEMP: tmp, ...env } });
}

const caches = (tmp: string) => {
    try {
        return readdirSync(path.join(tmp, folderName)).filter(f => f.endsWith('.code'));
    } catch {
        return [];
    }
};

describe('the code cache of the main bundle', () => {
    test('a validate run writes it, the next run reads it, and the output is the same', () => {
        const tmp = mkdtempSync(path.join(tmpdir(), 'vplan-code-cache-test-'));
        // --version and --help do not write it: their cache would hold the top level only.
        expect(run(tmp, ['--version']).code).toBe(0);
        expect(caches(tmp)).toEqual([]);
        const first = run(tmp, ['validate', 'errors/plan.vplan', '--format', 'json']);
        expect(first.code).toBe(1);
        const written = caches(tmp);
        expect(written).toHaveLength(1);
        const file = path.join(tmp, folderName, written[0]);
        // It holds the code of the functions the run executed: far more than the top level.
        const size = readFileSync(file).length;
        expect(size).toBeGreaterThan(500_000);
        const second = run(tmp, ['validate', 'errors/plan.vplan', '--format', 'json']);
        expect(second).toEqual(first);
        // A garbled cache is rejected by V8 and written anew; the findings do not change.
        writeFileSync(file, Buffer.alloc(size, 7));
        expect(run(tmp, ['validate', 'errors/plan.vplan', '--format', 'json'])).toEqual(first);
        expect(readFileSync(file).equals(Buffer.alloc(size, 7))).toBe(false);
        expect(run(tmp, ['validate', 'errors/plan.vplan', '--format', 'json'])).toEqual(first);
    });

    test('NODE_DISABLE_COMPILE_CACHE turns it off', () => {
        const tmp = mkdtempSync(path.join(tmpdir(), 'vplan-code-cache-test-'));
        const result = run(tmp, ['validate', 'errors/plan.vplan'], { NODE_DISABLE_COMPILE_CACHE: '1' });
        expect(result.code).toBe(1);
        expect(caches(tmp)).toEqual([]);
    });

    test('a cache folder that others can write to is not used', () => {
        const tmp = mkdtempSync(path.join(tmpdir(), 'vplan-code-cache-test-'));
        const folder = path.join(tmp, folderName);
        mkdirSync(folder);
        chmodSync(folder, 0o777);
        expect(run(tmp, ['validate', 'errors/plan.vplan']).code).toBe(1);
        expect(caches(tmp)).toEqual([]);
    });
});
