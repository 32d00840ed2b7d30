// The CLI on hostile input, run as a process: invalid glob patterns beside valid files, file names
// carrying terminal escape sequences in every output format, names too long for the file system,
// inputs that do not exist, and -q on a file with warnings.
import { beforeAll, describe, expect, test } from 'vitest';
import { copyFileSync } from 'node:fs';
import * as path from 'node:path';
import { ensureBuilt, FIXTURES, tempCopy, vplan } from './helpers.js';

beforeAll(() => ensureBuilt(), 240_000);

const ESC = '\x1b';
const HOSTILE = `a${ESC}]0;X\x07${ESC}[2J.vplan`;
/** The same name for a plan that needs formatting. */
const MESSY = HOSTILE.replace('.vplan', '-messy.vplan');

describe('invalid glob patterns', () => {
    test("'[' and '*.{vplan' are reported in one line each; the valid file is still checked; exit 2", () => {
        const r = vplan(['validate', '[', '*.{vplan', 'warnings/plan.vplan']);
        expect(r.stderr).toBe('vplan: [: not a valid pattern: a [ is not closed\nvplan: *.{vplan: not a valid pattern: a { is not closed\n');
        expect(r.stdout).toContain('warnings/plan.vplan:');
        expect(r.code).toBe(2);
        const sv = vplan(['validate', '[', 'ok', '--lang', 'sv']);
        expect(sv.stderr).toBe('vplan: [: inte ett giltigt mönster: en [ stängs inte\n');
        expect(sv.code).toBe(2);
    });
});

describe('control characters in file names are shown, never sent', () => {
    const dir = tempCopy('warnings', 'fmt');
    copyFileSync(path.join(dir, 'warnings/plan.vplan'), path.join(dir, HOSTILE));
    copyFileSync(path.join(dir, 'fmt/messy.vplan'), path.join(dir, MESSY));
    const outputs: [string, string[]][] = [
        ['validate (pretty)', ['validate', HOSTILE]],
        ['validate --format github', ['validate', HOSTILE, '--format', 'github']],
        ['validate --format json', ['validate', HOSTILE, '--format', 'json']],
        ['validate --format sarif', ['validate', HOSTILE, '--format', 'sarif']],
        ['status --format csv', ['status', HOSTILE, '--format', 'csv']],
        ['status', ['status', HOSTILE]],
        ['fmt --check', ['fmt', '--check', MESSY]],
        ['render -o folder/', ['render', HOSTILE, '-o', 'out/']]
    ];
    test.each(outputs)('%s', (_, args) => {
        const r = vplan(args, { cwd: dir });
        expect(r.code, r.stderr).not.toBe(2);
        const all = r.stdout + r.stderr;
        expect(all).not.toContain(ESC);
        expect(all).not.toContain('\x07');
        // The name is there, escaped as the heading of the pretty output escapes it.
        if (args[0] !== 'status' || args.includes('csv')) expect(all).toMatch(/a(\\x1b\]|\\u001b\]|%1B%5D)0;X/);
    });

    test('JSON and SARIF stay valid and carry the real name', () => {
        const json = JSON.parse(vplan(['validate', HOSTILE, '--format', 'json'], { cwd: dir }).stdout);
        expect(JSON.stringify(json)).toContain('\\u001b]0;X');
        const sarif = JSON.parse(vplan(['validate', HOSTILE, '--format', 'sarif'], { cwd: dir }).stdout);
        expect(sarif.runs[0].artifacts[0].location.uri).toBe(encodeURI(HOSTILE));
    });
});

describe('file-system errors are sentences', () => {
    test('a name too long for the file system', () => {
        const long = 'x'.repeat(300) + '.vplan';
        const r = vplan(['validate', long]);
        expect(r.stderr).toBe(`vplan: ${long}: the file name or path is too long\n`);
        expect(r.stdout).toBe('');
        expect(r.code).toBe(2);
        const sv = vplan(['validate', long, '--lang', 'sv']);
        expect(sv.stderr).toBe(`vplan: ${long}: filnamnet eller sökvägen är för lång\n`);
        const dir = tempCopy('ok');
        const out = vplan(['render', 'ok/omsorg.vplan', '-o', 'y'.repeat(300) + '.html'], { cwd: dir });
        expect(out.stderr).toBe(`vplan: ${'y'.repeat(300)}.html: the file name or path is too long\n`);
        expect(out.code).toBe(2);
    });
});

describe('inputs that give nothing to check (#13)', () => {
    test('a file that does not exist: one line, exit 2, no "No problems found in 0 files"', () => {
        const r = vplan(['validate', 'nonexistent']);
        expect(r.stderr).toBe('vplan: nonexistent: no such file or folder\n');
        expect(r.stdout).toBe('');
        expect(r.code).toBe(2);
    });

    test('a glob that matches nothing: one line, exit 2', () => {
        const r = vplan(['validate', 'nothing-here/*.vplan']);
        expect(r.stderr).toBe('vplan: nothing-here/*.vplan: no .vplan files match this pattern\n');
        expect(r.stdout).toBe('');
        expect(r.code).toBe(2);
    });

    test('-q never says "No problems found" for a file with warnings', () => {
        const all = vplan(['validate', 'warnings']);
        const warnings = /(\d+) warnings? in/.exec(all.stdout)![1];
        const r = vplan(['validate', '-q', 'warnings']);
        expect(r.stdout).not.toMatch(/No problems found/);
        expect(r.stdout).not.toMatch(/warning \[/);
        expect(r.stdout).toContain(`${warnings} warning`);
        expect(r.stdout).toContain('not shown: -q shows errors only');
        expect(r.code).toBe(0);
    });
});

void FIXTURES;
