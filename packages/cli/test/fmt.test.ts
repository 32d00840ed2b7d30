import { beforeAll, describe, expect, test } from 'vitest';
import { chmodSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { ensureBuilt, FIXTURES, tempCopy, vplan } from './helpers.js';

beforeAll(() => ensureBuilt(), 240_000);

const MESSY = readFileSync(path.join(FIXTURES, 'fmt/messy.vplan'), 'utf8');

describe('vplan fmt', () => {
    test('prints the formatted text of one file and leaves the file alone', () => {
        const dir = tempCopy('fmt');
        const file = path.join(dir, 'fmt/messy.vplan');
        const r = vplan(['fmt', 'fmt/messy.vplan'], { cwd: dir });
        expect(r.code).toBe(0);
        expect(r.stdout).not.toBe(MESSY);
        expect(r.stdout).toContain('\n  enhet e "Enhet" {\n');
        expect(readFileSync(file, 'utf8')).toBe(MESSY);
    });

    test('a file that is already formatted is printed unchanged', () => {
        const text = readFileSync(path.join(FIXTURES, 'ok/omsorg.vplan'), 'utf8');
        const r = vplan(['fmt', 'ok/omsorg.vplan']);
        expect(r.code).toBe(0);
        expect(r.stdout).toBe(text);
    });

    test('--check lists the files that would change and exits 1; 0 when all are formatted', () => {
        const r = vplan(['fmt', '--check', 'fmt', 'ok']);
        expect(r.code).toBe(1);
        expect(r.stdout).toBe('fmt/messy.vplan\n');
        expect(r.stderr).toMatch(/1 file would be reformatted/);
        const clean = vplan(['fmt', '--check', 'ok']);
        expect(clean.code).toBe(0);
        expect(clean.stdout).toBe('');
    });

    test('--write rewrites in place, keeps the mode, leaves no temporary file, and is idempotent', () => {
        const dir = tempCopy('fmt');
        const file = path.join(dir, 'fmt/messy.vplan');
        chmodSync(file, 0o640);
        const printed = vplan(['fmt', 'fmt/messy.vplan'], { cwd: dir }).stdout;
        const r = vplan(['fmt', '--write', 'fmt'], { cwd: dir });
        expect(r.code).toBe(0);
        expect(r.stdout).toBe('fmt/messy.vplan\n');
        const written = readFileSync(file, 'utf8');
        expect(written).toBe(printed);
        expect(statSync(file).mode & 0o777).toBe(0o640);
        expect(readdirSync(path.dirname(file))).toEqual(['messy.vplan']);
        // A second run changes nothing and reports nothing.
        const again = vplan(['fmt', '--write', 'fmt'], { cwd: dir });
        expect(again.code).toBe(0);
        expect(again.stdout).toBe('');
        expect(readFileSync(file, 'utf8')).toBe(written);
        expect(vplan(['fmt', '--check', 'fmt'], { cwd: dir }).code).toBe(0);
        // The formatted plan still means the same: it validates as before.
        expect(vplan(['validate', 'fmt'], { cwd: dir }).code).toBe(0);
    });

    test('a byte-order mark survives --write', () => {
        const dir = tempCopy('fmt');
        const file = path.join(dir, 'fmt/messy.vplan');
        writeFileSync(file, '\uFEFF' + MESSY);
        expect(vplan(['fmt', '--write', file], { cwd: dir }).code).toBe(0);
        const bytes = readFileSync(file);
        expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
        expect(bytes.toString('utf8').slice(1)).toBe(vplan(['fmt', 'fmt/messy.vplan'], { cwd: FIXTURES }).stdout);
    });

    test('never rewrites a file with syntax errors: reports it, exits 1, leaves it byte for byte', () => {
        const dir = tempCopy('syntax', 'fmt');
        const broken = path.join(dir, 'syntax/broken.vplan');
        const before = readFileSync(broken);
        const mtime = statSync(broken).mtimeMs;
        const r = vplan(['fmt', '--write', 'syntax', 'fmt'], { cwd: dir });
        expect(r.code).toBe(1);
        expect(r.stderr).toContain('vplan: syntax/broken.vplan: has syntax errors; not formatted (run vplan validate)');
        expect(readFileSync(broken).equals(before)).toBe(true);
        expect(statSync(broken).mtimeMs).toBe(mtime);
        expect(readdirSync(path.join(dir, 'syntax'))).toEqual(['broken.vplan']);
        // The other file was still formatted.
        expect(r.stdout).toBe('fmt/messy.vplan\n');
        expect(vplan(['fmt', '--check', 'syntax'], { cwd: dir }).code).toBe(1);
        expect(vplan(['fmt', 'syntax/broken.vplan'], { cwd: dir }).stdout).toBe('');
    });

    test('usage: several files need --check or --write; --check with --write; a missing file', () => {
        const several = vplan(['fmt', 'ok']);
        expect(several.code).toBe(2);
        expect(several.stderr).toMatch(/^vplan: too many inputs: prints one file; give --check or --write for several/);
        expect(vplan(['fmt', '--check', '--write', 'ok']).code).toBe(2);
        const missing = vplan(['fmt', '--check', 'nope.vplan']);
        expect(missing.code).toBe(2);
        expect(missing.stderr).toBe('vplan: nope.vplan: no such file or folder\nAll 0 files are formatted.\n');
    });
});
