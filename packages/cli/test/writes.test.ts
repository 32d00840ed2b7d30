// Every write of the CLI goes through one module (packages/language/src/node/write-file.ts): these
// run the built CLI against the file-system situations that used to replace or lose a user's file.
// The tests run as root, for whom permissions stop nothing: the failures are made with what stops
// root too (a folder that is a file, an immutable folder, a full file system).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import {
    chmodSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, utimesSync, writeFileSync
} from 'node:fs';
import * as path from 'node:path';
import { CLI, NODE, ensureBuilt, tempCopy, vplan } from './helpers.js';

beforeAll(() => ensureBuilt(), 240_000);

function run(cmd: string, args: string[]): boolean {
    return spawnSync(cmd, args, { stdio: 'ignore' }).status === 0;
}

/** A folder of messy plans, a.vplan and b.vplan, to format. */
function messyFolder(): string {
    const dir = tempCopy('fmt');
    writeFileSync(path.join(dir, 'a.vplan'), readFileSync(path.join(dir, 'fmt/messy.vplan')));
    writeFileSync(path.join(dir, 'b.vplan'), readFileSync(path.join(dir, 'fmt/messy.vplan')));
    return dir;
}

const cleanups: (() => void)[] = [];
afterAll(() => { for (const c of cleanups.reverse()) c(); });

describe('writes follow symbolic links', () => {
    test('fmt --write on a link formats its target and keeps the link', () => {
        const dir = messyFolder();
        mkdirSync(path.join(dir, 'shared'));
        const target = path.join(dir, 'shared/plan.vplan');
        writeFileSync(target, readFileSync(path.join(dir, 'a.vplan')));
        symlinkSync('../shared/plan.vplan', path.join(dir, 'fmt/link.vplan'));
        const before = readFileSync(target, 'utf8');
        const r = vplan(['fmt', '--write', 'fmt/link.vplan'], { cwd: dir });
        expect(r.stderr).toBe('');
        expect(r.code).toBe(0);
        expect(lstatSync(path.join(dir, 'fmt/link.vplan')).isSymbolicLink()).toBe(true);
        expect(readlinkSync(path.join(dir, 'fmt/link.vplan'))).toBe('../shared/plan.vplan');
        const after = readFileSync(target, 'utf8');
        expect(after).not.toBe(before);
        expect(vplan(['fmt', '--check', 'shared/plan.vplan'], { cwd: dir }).code).toBe(0);
        expect(readdirSync(path.join(dir, 'fmt')).filter(n => n.endsWith('.tmp'))).toEqual([]);
    });

    test('render -o a link (also a dangling one) writes the link target', () => {
        const dir = tempCopy('ok');
        writeFileSync(path.join(dir, 'real.html'), 'old');
        symlinkSync('real.html', path.join(dir, 'link.html'));
        symlinkSync('new.html', path.join(dir, 'dangling.html'));
        expect(vplan(['render', 'ok/omsorg.vplan', '-o', 'link.html'], { cwd: dir }).code).toBe(0);
        expect(lstatSync(path.join(dir, 'link.html')).isSymbolicLink()).toBe(true);
        expect(readFileSync(path.join(dir, 'real.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/);
        expect(vplan(['render', 'ok/omsorg.vplan', '-o', 'dangling.html'], { cwd: dir }).code).toBe(0);
        expect(lstatSync(path.join(dir, 'dangling.html')).isSymbolicLink()).toBe(true);
        expect(readFileSync(path.join(dir, 'new.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/);
    });

    test('a link loop is refused in one line', () => {
        const dir = tempCopy('ok');
        symlinkSync('b.html', path.join(dir, 'a.html'));
        symlinkSync('a.html', path.join(dir, 'b.html'));
        const r = vplan(['render', 'ok/omsorg.vplan', '-o', 'a.html'], { cwd: dir });
        expect(r.code).toBe(2);
        expect(r.stderr).toBe('vplan: a.html: too many symbolic links (a loop?)\n');
    });
});

describe('only regular files and new files are written', () => {
    test('a FIFO as -o is refused in one line and stays a FIFO', () => {
        const dir = tempCopy('ok');
        const fifo = path.join(dir, 'out.html');
        expect(run('mkfifo', [fifo])).toBe(true);
        const r = vplan(['render', 'ok/omsorg.vplan', '-o', 'out.html'], { cwd: dir });
        expect(r.code).toBe(2);
        expect(r.stderr).toBe('vplan: out.html: not a regular file (a pipe, socket or device); not written\n');
        expect(lstatSync(fifo).isFIFO()).toBe(true);
    });

    test('device nodes like /dev/full and /dev/null are refused and stay devices (Swedish too)', () => {
        const dir = tempCopy('ok');
        // Copies of the devices in the test's folder: a regression must not replace the machine's own.
        expect(run('mknod', [path.join(dir, 'full'), 'c', '1', '7'])).toBe(true);
        expect(run('mknod', [path.join(dir, 'null'), 'c', '1', '3'])).toBe(true);
        for (const name of ['full', 'null']) {
            const r = vplan(['render', 'ok/omsorg.vplan', '-o', name, '--format', 'html'], { cwd: dir });
            expect(r.code).toBe(2);
            expect(r.stderr).toBe(`vplan: ${name}: not a regular file (a pipe, socket or device); not written\n`);
            expect(lstatSync(path.join(dir, name)).isCharacterDevice()).toBe(true);
        }
        const sv = vplan(['render', 'ok/omsorg.vplan', '-o', 'full', '-f', 'html', '--lang', 'sv'], { cwd: dir });
        expect(sv.stderr).toBe('vplan: full: inte en vanlig fil (en pipe, socket eller enhet); skrivs inte\n');
        // The real /dev/full: the same refusal, nothing tried.
        const real = vplan(['render', 'ok/omsorg.vplan', '-o', '/dev/full', '-f', 'html'], { cwd: dir });
        expect(real.code).toBe(2);
        expect(real.stderr).toBe('vplan: /dev/full: not a regular file (a pipe, socket or device); not written\n');
        expect(lstatSync('/dev/full').isCharacterDevice()).toBe(true);
    });

    test('-o - writes to standard output', () => {
        const r = vplan(['render', 'ok/omsorg.vplan', '-o', '-']);
        expect(r.code).toBe(0);
        expect(r.stdout).toMatch(/^<!DOCTYPE html>/);
    });
});

describe('a failed write names the user\'s file and the reason, and the run goes on', () => {
    test('a target inside a path that is a file: a sentence, not ENOTDIR', () => {
        const dir = tempCopy('ok');
        writeFileSync(path.join(dir, 'file'), 'x');
        const r = vplan(['render', 'ok/omsorg.vplan', '-o', 'file/report.html'], { cwd: dir });
        expect(r.code).toBe(2);
        expect(r.stderr).toBe('vplan: file/report.html: a part of the path is a file, not a folder\n');
        const sv = vplan(['render', 'ok/omsorg.vplan', '-o', 'file/report.html', '--lang', 'sv'], { cwd: dir });
        expect(sv.stderr).toBe('vplan: file/report.html: en del av sökvägen är en fil, inte en mapp\n');
    });

    test('fmt --write a b: a folder that cannot be written to stops a, not b; no temporary file is named', () => {
        const dir = messyFolder();
        mkdirSync(path.join(dir, 'locked'));
        writeFileSync(path.join(dir, 'locked/a.vplan'), readFileSync(path.join(dir, 'a.vplan')));
        // Immutable: not even root may create the temporary file there.
        expect(run('chattr', ['+i', path.join(dir, 'locked')])).toBe(true);
        cleanups.push(() => run('chattr', ['-i', path.join(dir, 'locked')]));
        const before = readFileSync(path.join(dir, 'locked/a.vplan'), 'utf8');
        const r = vplan(['fmt', '--write', 'locked/a.vplan', 'b.vplan'], { cwd: dir });
        expect(r.code).toBe(2);
        expect(r.stderr).toBe('vplan: locked/a.vplan: permission denied\n');
        expect(r.stdout).toBe('b.vplan\n');
        expect(readFileSync(path.join(dir, 'locked/a.vplan'), 'utf8')).toBe(before);
        expect(vplan(['fmt', '--check', 'b.vplan'], { cwd: dir }).code).toBe(0);
        run('chattr', ['-i', path.join(dir, 'locked')]);
    });

    test('a full disk: one sentence, the previous file intact, no temporary file left', () => {
        const dir = tempCopy('ok');
        const small = path.join(dir, 'small');
        mkdirSync(small);
        // A file system of 12 KB: the report (tens of KB) does not fit.
        expect(run('mount', ['-t', 'tmpfs', '-o', 'size=12k', 'tmpfs', small])).toBe(true);
        cleanups.push(() => run('umount', [small]));
        writeFileSync(path.join(small, 'report.html'), 'previous');
        const r = vplan(['render', 'ok/omsorg.vplan', '-o', 'small/report.html'], { cwd: dir });
        expect(r.code).toBe(2);
        expect(r.stderr).toBe('vplan: small/report.html: no space left on the disk\n');
        expect(readFileSync(path.join(small, 'report.html'), 'utf8')).toBe('previous');
        expect(readdirSync(small)).toEqual(['report.html']);
        run('umount', [small]);
    });
});

describe('atomic replacement keeps what the file was', () => {
    test('mode is kept', () => {
        const dir = messyFolder();
        chmodSync(path.join(dir, 'a.vplan'), 0o640);
        expect(vplan(['fmt', '--write', 'a.vplan'], { cwd: dir }).code).toBe(0);
        expect(statSync(path.join(dir, 'a.vplan')).mode & 0o7777).toBe(0o640);
        writeFileSync(path.join(dir, 'r.html'), 'x');
        chmodSync(path.join(dir, 'r.html'), 0o604);
        const copy = tempCopy('ok');
        expect(vplan(['render', path.join(copy, 'ok/omsorg.vplan'), '-o', 'r.html'], { cwd: dir }).code).toBe(0);
        expect(statSync(path.join(dir, 'r.html')).mode & 0o7777).toBe(0o604);
    });

    test('temporary files left by a killed run are removed by the next write into the folder', () => {
        const dir = messyFolder();
        // A process that has ended: its pid names no running process.
        const gone = spawnSync('true').pid!;
        const stale = `.a.vplan.${gone}.0badcafe.tmp`;
        const fresh = `.a.vplan.${process.pid}.0123abcd.tmp`;
        const foreign = 'notes.tmp';
        for (const name of [stale, fresh, foreign]) writeFileSync(path.join(dir, name), '');
        const old = new Date(Date.now() - 10 * 60_000);
        for (const name of [stale, fresh, foreign]) utimesSync(path.join(dir, name), old, old);
        expect(vplan(['fmt', '--write', 'a.vplan'], { cwd: dir }).code).toBe(0);
        const left = readdirSync(dir);
        expect(left).not.toContain(stale);
        // A running process's temporary file, and files that are not ours, stay.
        expect(left).toContain(fresh);
        expect(left).toContain(foreign);
    });
});

describe('a run killed in the middle of a write', () => {
    /** Starts `vplan fmt --write a.vplan` and kills it (SIGKILL: no handler runs) as soon as its temporary file appears. */
    async function killWhileWriting(dir: string): Promise<{ killedMidWrite: boolean }> {
        const child = spawn(NODE, [CLI, 'fmt', '--write', 'a.vplan'], { cwd: dir, stdio: 'ignore' });
        const closed = new Promise(resolve => child.on('close', resolve));
        let exited = false;
        child.on('exit', () => { exited = true; });
        const killed = await new Promise<boolean>(resolve => {
            const poll = () => {
                if (exited) return resolve(false);
                if (readdirSync(dir).some(name => name.endsWith('.tmp'))) {
                    child.kill('SIGKILL');
                    return resolve(true);
                }
                setImmediate(poll);
            };
            poll();
        });
        await closed;
        // The kill landed before the rename when the temporary file is still there.
        return { killedMidWrite: killed && readdirSync(dir).some(name => name.endsWith('.tmp')) };
    }

    test('leaves the file as it was, byte for byte; the next run writes it whole', async () => {
        // A plan large enough that writing it takes a moment: 1,500 copies of a messy plan (330 KB).
        const original = readFileSync(path.join(tempCopy('fmt'), 'fmt/messy.vplan'), 'utf8').repeat(1500);
        const reference = tempCopy('fmt');
        writeFileSync(path.join(reference, 'a.vplan'), original);
        expect(vplan(['fmt', '--write', 'a.vplan'], { cwd: reference }).code).toBe(0);
        const formatted = readFileSync(path.join(reference, 'a.vplan'), 'utf8');
        expect(formatted).not.toBe(original);

        let caught = 0;
        for (let attempt = 0; attempt < 5 && caught === 0; attempt++) {
            const dir = tempCopy('fmt');
            writeFileSync(path.join(dir, 'a.vplan'), original);
            const { killedMidWrite } = await killWhileWriting(dir);
            const now = readFileSync(path.join(dir, 'a.vplan'), 'utf8');
            if (killedMidWrite) {
                caught++;
                expect(now).toBe(original);
            } else {
                // The run finished (or was killed after its rename): the file is whole and formatted.
                expect(now).toBe(formatted);
            }
            expect(vplan(['fmt', '--write', 'a.vplan'], { cwd: dir }).code).toBe(0);
            expect(readFileSync(path.join(dir, 'a.vplan'), 'utf8')).toBe(formatted);
        }
        // Not vacuous: at least one kill landed between the temporary file's creation and the rename.
        expect(caught).toBeGreaterThan(0);
    }, 240_000);
});

describe('render -o: the format follows the file name; a folder name makes a folder', () => {
    test('-o x.odt does not write HTML: one line, exit 2, nothing written', () => {
        const dir = tempCopy('ok');
        const r = vplan(['render', 'ok/omsorg.vplan', '-o', 'x.odt'], { cwd: dir });
        expect(r.code).toBe(2);
        expect(r.stderr).toBe('vplan: x.odt: vplan cannot write .odt files (.html, .md, .docx, .pdf, or give --format)\n');
        expect(readdirSync(dir)).toEqual(['ok']);
        const md = vplan(['render', 'ok/omsorg.vplan', '-o', 'x.MD'], { cwd: dir });
        expect(md.code).toBe(0);
        expect(readFileSync(path.join(dir, 'x.MD'), 'utf8')).toMatch(/^# /);
    });

    test('-o folder (no trailing slash, missing) creates the folder and says what it wrote', () => {
        const dir = tempCopy('ok');
        const r = vplan(['render', 'ok/omsorg.vplan', '-o', 'report'], { cwd: dir });
        expect(r.code).toBe(0);
        expect(r.stdout).toBe('ok/omsorg.vplan → report/omsorg.html\nindex → report/index.html\n');
        expect(readdirSync(path.join(dir, 'report')).sort()).toEqual(['index.html', 'omsorg.html']);
    });
});
