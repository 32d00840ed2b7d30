import { beforeAll, describe, expect, test } from 'vitest';
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { ensureBuilt, tempCopy, vplan } from './helpers.js';

beforeAll(() => ensureBuilt(), 240_000);

const COMMANDS = ['validate', 'render', 'fmt', 'status', 'init'];

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
