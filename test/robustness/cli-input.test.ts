// The built CLI (out/vplan.cjs) as a separate process on inputs a user or a CI job can hand it by
// mistake: each gets one clear line naming the file and the problem, exit code 2, no stack trace,
// nothing written, and the readable files next to it are still checked.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, openSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ensureBuilt, vplan, type RunResult } from '../../packages/cli/test/helpers.js';

/** A plan with one error (an unknown role), so "still checked" is visible in the output. */
const CHECKED = 'plan checked "Checked" {\n  år 2026\n  enhet u "U" {\n    indikator i "I" {\n      grön >= 5\n      utfall 2025: 6\n      ansvarig nobody\n    }\n  }\n}\n';

let dir: string;

/** Every file under the folder with its size and modification time: to see that nothing was written. */
function snapshot(root: string): string {
    const out: string[] = [];
    const walk = (d: string) => {
        for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
            const full = path.join(d, entry.name);
            if (entry.isDirectory()) walk(full);
            else if (entry.isFile()) {
                const s = statSync(full);
                out.push(`${path.relative(root, full)} ${s.size} ${s.mtimeMs}`);
            } else out.push(path.relative(root, full));
        }
    };
    walk(root);
    return out.join('\n');
}

function expectCleanProblem(result: RunResult, file: string, reason: RegExp): void {
    expect(result.code, result.stderr).toBe(2);
    const lines = result.stderr.trim().split('\n');
    expect(lines, result.stderr).toHaveLength(1);
    expect(lines[0]).toContain(file);
    expect(lines[0]).toMatch(reason);
    expect(result.stderr + result.stdout).not.toMatch(/\n\s+at |Error:|node:internal|\.cjs:\d+/);
}

beforeAll(() => {
    ensureBuilt();
    dir = mkdtempSync(path.join(tmpdir(), 'vplan-robustness-'));
    writeFileSync(path.join(dir, 'checked.vplan'), CHECKED);
    writeFileSync(path.join(dir, 'binary.vplan'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 0, 0xff, 0xfe]));
    writeFileSync(path.join(dir, 'latin1.vplan'), Buffer.from('plan p "V\xe4xj\xf6" {}\n', 'latin1'));
    writeFileSync(path.join(dir, 'bom.vplan'), '\uFEFFplan bom "Med BOM" {\n  år 2026\n}\n');
    writeFileSync(path.join(dir, 'crlf.vplan'), 'plan crlf "CRLF" {\r\n  år 2026\r\n}\r\n');
    execFileSync('mkfifo', [path.join(dir, 'pipe.vplan')]);
    symlinkSync('nowhere.vplan', path.join(dir, 'dangling.vplan'));
    symlinkSync('loop-b.vplan', path.join(dir, 'loop-a.vplan'));
    symlinkSync('loop-a.vplan', path.join(dir, 'loop-b.vplan'));
    writeFileSync(path.join(dir, 'locked.vplan'), 'plan locked "L" {}\n');
    chmodSync(path.join(dir, 'locked.vplan'), 0o000);
    mkdirSync(path.join(dir, 'empty'));
    mkdirSync(path.join(dir, 'cycle'));
    writeFileSync(path.join(dir, 'cycle/inner.vplan'), 'plan inner "Inner" {\n  år 2026\n}\n');
    symlinkSync('..', path.join(dir, 'cycle/up'));
    // 50 MB of a real plan's text, written in chunks; never committed.
    const big = openSync(path.join(dir, 'big.vplan'), 'w');
    writeSync(big, 'plan big "Big" {\n  enhet u "U" {\n');
    const chunk = Array.from({ length: 2000 }, (_, i) => `    indikator i${i} "I ${i}" {\n      grön >= 82\n      utfall 2025: 62\n    }\n`).join('');
    for (let written = 0; written < 50 * 1024 * 1024; written += chunk.length) writeSync(big, chunk);
    writeSync(big, '  }\n}\n');
    closeSync(big);
});

afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
});

const runningAsRoot = process.getuid?.() === 0;

describe('vplan validate on bad input', () => {
    const cases: [string, string, RegExp][] = [
        ['a path that does not exist (a plan not saved yet)', 'unsaved.vplan', /no such file or folder/],
        ['a folder with no plans', 'empty', /no \.vplan files in this folder/],
        ['a binary file', 'binary.vplan', /binary file/],
        ['invalid UTF-8 (Latin-1)', 'latin1.vplan', /not valid UTF-8/],
        ['a FIFO (would block forever)', 'pipe.vplan', /not a regular file/],
        ['a dangling symlink', 'dangling.vplan', /no such file or folder/],
        ['a symlink loop', 'loop-a.vplan', /symbolic links/],
        ['a 50 MB plan', 'big.vplan', /too large for a plan \(50(\.\d)? MB; the limit is 20 MB\)/]
    ];

    test.each(cases)('%s: one line naming it, exit 2, the other file still checked, nothing written', (_name, file, reason) => {
        const before = snapshot(dir);
        const start = performance.now();
        const result = vplan(['validate', file, 'checked.vplan'], { cwd: dir });
        expect(performance.now() - start).toBeLessThan(15_000);
        expectCleanProblem(result, file, reason);
        // The readable plan was checked: its unknown role is reported on stdout.
        expect(result.stdout).toContain('checked.vplan');
        expect(result.stdout).toMatch(/nobody/);
        expect(snapshot(dir)).toBe(before);
    });

    test('the messages in Swedish (--lang sv)', () => {
        const result = vplan(['validate', '--lang', 'sv', 'pipe.vplan', 'big.vplan', 'unsaved.vplan'], { cwd: dir });
        expect(result.code).toBe(2);
        expect(result.stderr).toContain('vplan: pipe.vplan: inte en vanlig fil (en pipe, socket eller enhet)');
        expect(result.stderr).toMatch(/vplan: big\.vplan: för stor för en plan \(50(,\d)? MB; gränsen är 20 MB\)/);
        expect(result.stderr).toContain('vplan: unsaved.vplan: filen eller mappen finns inte');
    });

    test('an unreadable file (chmod 000): refused, or read when running as root', () => {
        const result = vplan(['validate', 'locked.vplan'], { cwd: dir });
        if (runningAsRoot) {
            // root reads any file; the FIFO and dangling-symlink cases above stand in for "cannot read".
            expect(result.code).toBe(0);
        } else {
            expectCleanProblem(result, 'locked.vplan', /permission denied/);
        }
    });

    test('a UTF-8 BOM and CRLF line ends are plain plans: exit 0, no message', () => {
        for (const file of ['bom.vplan', 'crlf.vplan']) {
            const result = vplan(['validate', file], { cwd: dir });
            expect(result.code, result.stdout + result.stderr).toBe(0);
            expect(result.stderr).toBe('');
        }
    });

    test('CRLF line ends: a finding on line 7 is reported on line 7 (0-based 6 in JSON)', () => {
        const sub = mkdtempSync(path.join(tmpdir(), 'vplan-crlf-'));
        try {
            writeFileSync(path.join(sub, 'p.vplan'), CHECKED.replace(/\n/g, '\r\n'));
            const result = vplan(['validate', '--format', 'json', 'p.vplan'], { cwd: sub });
            expect(result.code, result.stderr).toBe(1);
            expect(result.stdout).toMatch(/"start":\s*\{\s*"line":\s*6,\s*"character":\s*15/);
        } finally {
            rmSync(sub, { recursive: true, force: true });
        }
    });

    test('a folder that links back to its parent is walked once, without hanging', () => {
        const result = vplan(['validate', 'cycle'], { cwd: dir });
        // It reaches the parent's bad files through the link and reports each, but terminates.
        expect(result.code).toBe(2);
        // Both the folder's own plan and the parent's plans (through the link) were checked.
        expect(result.stdout).toMatch(/in \d+ files/);
        expect(result.stdout).toContain('cycle/up/checked.vplan');
        expect(result.stderr).toContain('cycle/up/pipe.vplan');
        expect(result.stderr).not.toMatch(/\n\s+at /);
    });

    test('exit codes: 0 clean, 1 findings', () => {
        expect(vplan(['validate', 'bom.vplan'], { cwd: dir }).code).toBe(0);
        expect(vplan(['validate', 'checked.vplan'], { cwd: dir }).code).toBe(1);
    });
});

describe('text from a plan never drives the terminal', () => {
    test('escape sequences, BEL, bidi controls and \\n in titles are shown, not sent, by validate and status', () => {
        const sub = mkdtempSync(path.join(tmpdir(), 'vplan-terminal-'));
        try {
            // A goal-title mismatch quotes both titles in its message; status prints every title.
            writeFileSync(path.join(sub, 'p.vplan'), 'mål g "Rätt"\nroll r "R"\nplan p "P\u001b]0;pwned\u0007" {\n  år 2026\n  enhet u "U\u001b[31m\u202eRED" {\n' +
                '    indikator i "I" {\n      bidrar till g "Fel \u001b[2J\\n::error::injected"\n      grön >= 5\n      utfall 2025: 6\n      ansvarig r\n      rapporterar r\n      mäts årligen\n    }\n  }\n}\n');
            for (const args of [['validate', 'p.vplan'], ['status', 'p.vplan']]) {
                const result = vplan(args, { cwd: sub });
                expect(result.stderr, args[0]).toBe('');
                // No control character but line ends (output is not a TTY here, so no colours either).
                expect(result.stdout, args[0]).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
                expect(result.stdout.split('\n').some(l => l.startsWith('::')), args[0]).toBe(false);
            }
            expect(vplan(['validate', 'p.vplan'], { cwd: sub }).stdout).toContain('\\x1b[2J');
            expect(vplan(['status', 'p.vplan'], { cwd: sub }).stdout).toContain('P\\x1b]0;pwned\\x07');
        } finally {
            rmSync(sub, { recursive: true, force: true });
        }
    });
});

describe('vplan render and fmt on bad input write nothing', () => {
    test('render of a FIFO and of a missing plan: exit 2, no output file', () => {
        for (const file of ['pipe.vplan', 'unsaved.vplan']) {
            const before = snapshot(dir);
            const result = vplan(['render', file, '-o', 'out.html'], { cwd: dir });
            expectCleanProblem(result, file, /not a regular file|no such file/);
            expect(snapshot(dir)).toBe(before);
        }
    });

    test('fmt --write of binary, invalid UTF-8 and a FIFO: exit 2, nothing rewritten', () => {
        const before = snapshot(dir);
        const result = vplan(['fmt', '--write', 'binary.vplan', 'latin1.vplan', 'pipe.vplan'], { cwd: dir });
        expect(result.code).toBe(2);
        expect(result.stderr.trim().split('\n')).toHaveLength(3);
        expect(result.stderr).not.toMatch(/\n\s+at /);
        expect(snapshot(dir)).toBe(before);
    });
});
