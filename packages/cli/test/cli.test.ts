import { beforeAll, describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ensureBuilt, FIXTURES, NODE, ROOT, tempCopy, vplan } from './helpers.js';

beforeAll(() => ensureBuilt(), 240_000);

const COMMANDS = ['validate', 'render', 'fmt', 'status'];

describe('vplan: help, version, usage', () => {
    test('--help on every command, in English and in Swedish', () => {
        for (const command of COMMANDS) {
            const en = vplan([command, '--help']);
            expect(en.code, command).toBe(0);
            expect(en.stdout).toMatch(new RegExp(`^Usage: vplan ${command} `));
            expect(en.stdout).toMatch(/Exit codes:/);
            const sv = vplan([command, '--help', '--lang', 'sv']);
            expect(sv.code).toBe(0);
            expect(sv.stdout).toMatch(new RegExp(`^Användning: vplan ${command} `));
            expect(sv.stdout).toMatch(/Slutkoder:/);
            expect(vplan([command, '-h'], { env: { LANG: 'sv_SE.UTF-8' } }).stdout).toBe(sv.stdout);
        }
        const main = vplan(['--help']);
        expect(main.code).toBe(0);
        for (const command of COMMANDS) expect(main.stdout).toContain(`  ${command} `);
        expect(vplan(['help', 'fmt']).stdout).toBe(vplan(['fmt', '--help']).stdout);
    });

    test('--version on every command and alone', () => {
        const version = vplan(['--version']);
        expect(version.code).toBe(0);
        expect(version.stdout).toMatch(/^vplan \d+\.\d+\.\d+\n$/);
        for (const command of COMMANDS) expect(vplan([command, '--version']).stdout).toBe(version.stdout);
        expect(vplan(['-v']).stdout).toBe(version.stdout);
    });

    test('no command: the help on stderr and exit 2', () => {
        const r = vplan([]);
        expect(r.code).toBe(2);
        expect(r.stdout).toBe('');
        expect(r.stderr).toMatch(/^vplan — /);
    });

    test('a failed write is one line naming the file and the reason, with or without VPLAN_DEBUG', () => {
        const dir = tempCopy('ok');
        // The report's folder would have to be created inside a file: the file system refuses.
        const args = ['render', 'ok/omsorg.vplan', '-o', 'ok/kommun.vplan/report.html'];
        const r = vplan(args, { cwd: dir });
        expect(r.code).toBe(2);
        expect(r.stderr).toBe('vplan: ok/kommun.vplan/report.html: a part of the path is a file, not a folder\n');
        // A foreseen failure, not an internal error: no stack even when debugging.
        const debug = vplan(args, { cwd: dir, env: { VPLAN_DEBUG: '1' } });
        expect(debug.code).toBe(2);
        expect(debug.stderr).toBe(r.stderr);
        expect(readdirSync(path.join(dir, 'ok')).sort()).toEqual(['kommun.vplan', 'omsorg.vplan']);
    });
});

describe('vplan: the executable', () => {
    test('on a Node older than 22 the launcher says so in one line instead of crashing', () => {
        const old = '/usr/bin/node';
        const version = existsSync(old) ? spawnSync(old, ['--version'], { encoding: 'utf8' }).stdout.trim() : '';
        const major = Number(version.replace(/^v/, '').split('.')[0]);
        if (!(major > 0 && major < 22)) {
            // The machine has no old Node: the check is exercised by faking the version instead.
            const fake = spawnSync(NODE, ['-e', `Object.defineProperty(process.versions, 'node', { value: '20.1.0' }); require(${JSON.stringify(path.join(ROOT, 'out/vplan.cjs'))})`, 'validate', '.'], { encoding: 'utf8' });
            expect(fake.status).toBe(2);
            expect(fake.stderr).toMatch(/^vplan needs Node ≥ 22; found v20\.1\.0 /);
            return;
        }
        const r = vplan(['validate', 'ok'], { node: old });
        expect(r.code).toBe(2);
        expect(r.stdout).toBe('');
        expect(r.stderr).toMatch(new RegExp(`^vplan needs Node ≥ 22; found ${version.replace(/\./g, '\\.')} \\([^)]*\\)\\. [^\\n]+\\n$`));
        const sv = vplan(['validate', 'ok'], { node: old, env: { LANG: 'sv_SE.UTF-8' } });
        expect(sv.stderr).toMatch(/^vplan behöver Node ≥ 22; hittade /);
    });

    test('started from the V8 snapshot or in-process, the output is the same', () => {
        const args = ['validate', 'errors', 'ok', 'warnings', '--format', 'json'];
        const snap = vplan(args, { env: { VPLAN_TIMING: '1' } });
        const plain = vplan(args, { env: { VPLAN_TIMING: '1', VPLAN_NO_SNAPSHOT: '1' } });
        // The build makes a snapshot for the project's Node; the launcher starts from it.
        expect(snap.stderr).toMatch(/^vplan timing: start \d+ ms \(snapshot\)/);
        expect(plain.stderr).toMatch(/^vplan timing: start \d+ ms ·/);
        expect(snap.code).toBe(1);
        expect(plain.code).toBe(1);
        expect(snap.stdout).toBe(plain.stdout);
        for (const extra of [['status', 'ok', '--format', 'csv'], ['--version'], ['validate', '--bogus'], ['validate', 'ok', '--lang', 'sv']]) {
            const a = vplan(extra);
            const b = vplan(extra, { env: { VPLAN_NO_SNAPSHOT: '1' } });
            expect([a.code, a.stdout, a.stderr], extra.join(' ')).toEqual([b.code, b.stdout, b.stderr]);
        }
    });

    test('the packed package installs on its own and `npx vplan` runs it', () => {
        const work = mkdtempSync(path.join(tmpdir(), 'vplan-pack-'));
        const env = { ...process.env, PATH: `${path.dirname(NODE)}${path.delimiter}${process.env.PATH}`, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };
        // The bundle in packages/cli/dist was built with out/ (ensureBuilt); prepack would rebuild everything.
        const pack = spawnSync('npm', ['pack', '-w', 'packages/cli', '--ignore-scripts', '--pack-destination', work, '--json'], { cwd: ROOT, env, encoding: 'utf8' });
        expect(pack.status, pack.stderr).toBe(0);
        const [info] = JSON.parse(pack.stdout) as { filename: string; files: { path: string }[] }[];
        expect(info.files.map(f => f.path).sort()).toEqual(['bin/vplan.cjs', 'dist/vplan-cli.cjs', 'dist/vplan-fmt.cjs', 'package.json']);
        const project = path.join(work, 'project');
        spawnSync('mkdir', [project]);
        const install = spawnSync('npm', ['install', '--offline', '--no-save', '--ignore-scripts', path.join(work, info.filename)], { cwd: project, env, encoding: 'utf8' });
        expect(install.status, install.stderr).toBe(0);
        const npx = spawnSync('npx', ['--offline', 'vplan', 'validate', path.join(FIXTURES, 'ok')], { cwd: project, env, encoding: 'utf8' });
        // npm's own warnings about the machine's configuration aside, vplan printed nothing on stderr.
        expect(npx.stderr.split('\n').filter(l => l && !l.startsWith('npm warn'))).toEqual([]);
        expect(npx.stdout).toMatch(/No problems found in 2 files/);
        expect(npx.status).toBe(0);
    }, 120_000);
});
