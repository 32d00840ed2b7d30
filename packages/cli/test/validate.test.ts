import { beforeAll, describe, expect, test } from 'vitest';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { ensureBuilt, tempCopy, vplan } from './helpers.js';

beforeAll(() => ensureBuilt(), 240_000);

interface JsonOutput {
    files: {
        path: string;
        diagnostics: {
            code: string;
            severity: string;
            message: string;
            range: { start: { line: number; character: number }; end: { line: number; character: number } };
        }[];
    }[];
}

function codesOf(out: JsonOutput): string[] {
    return out.files.flatMap(f => f.diagnostics.map(d => d.code));
}

describe('vplan validate: exit codes', () => {
    test('0 for a workspace whose references resolve across files', () => {
        const r = vplan(['validate', 'ok']);
        expect(r.stderr).toBe('');
        expect(r.stdout).toMatch(/No problems found in 2 files/);
        expect(r.code).toBe(0);
    });

    test('a plan named alone is checked against the plans of its folder, as render and the editor do', () => {
        const r = vplan(['validate', 'ok/omsorg.vplan', '--format', 'json']);
        expect(r.code).toBe(0);
        const out = JSON.parse(r.stdout) as JsonOutput;
        expect(out.files.map(f => f.path)).toEqual(['ok/omsorg.vplan']);
        expect(codesOf(out)).not.toContain('unresolved-reference');
    });

    test('the shared file is needed: the plan alone in a folder has unresolved references (exit 1)', () => {
        const dir = tempCopy('ok/omsorg.vplan');
        const r = vplan(['validate', 'omsorg.vplan', '--format', 'json'], { cwd: dir });
        expect(r.code).toBe(1);
        const out = JSON.parse(r.stdout) as JsonOutput;
        expect(out.files).toHaveLength(1);
        expect(codesOf(out).every(c => c === 'unresolved-reference' || c === 'linking-error')).toBe(true);
        expect(codesOf(out).length).toBeGreaterThan(0);
    });

    test('1 for errors', () => {
        const r = vplan(['validate', 'errors']);
        expect(r.code).toBe(1);
        expect(r.stdout).toMatch(/✖ \d+ errors?/);
    });

    test('warnings alone exit 0; --max-warnings below their number exits 1 and says why', () => {
        expect(vplan(['validate', 'warnings']).code).toBe(0);
        expect(vplan(['validate', 'warnings', '--max-warnings', '1']).code).toBe(0);
        const over = vplan(['validate', 'warnings', '--max-warnings', '0']);
        expect(over.code).toBe(1);
        expect(over.stderr).toMatch(/^vplan: 1 warning, more than --max-warnings 0 allows$/m);
    });

    test('--no-fail exits 0 on errors but still reports them', () => {
        const r = vplan(['validate', 'errors', '--no-fail']);
        expect(r.code).toBe(0);
        expect(r.stdout).toMatch(/error/);
    });

    test('2 for a missing path, with a one-line reason naming it; the readable files are still checked', () => {
        const r = vplan(['validate', 'nothere.vplan', 'errors', '--format', 'json']);
        expect(r.code).toBe(2);
        expect(r.stderr).toBe('vplan: nothere.vplan: no such file or folder\n');
        const out = JSON.parse(r.stdout) as JsonOutput;
        expect(out.files.map(f => f.path)).toEqual(['errors/plan.vplan']);
        expect(codesOf(out).length).toBeGreaterThan(0);
    });

    test('2 for a file that is not a .vplan file, and for binary or invalid UTF-8 content', () => {
        const dir = tempCopy('ok');
        writeFileSync(path.join(dir, 'notes.txt'), 'hello');
        writeFileSync(path.join(dir, 'binary.vplan'), Buffer.from([0x70, 0x00, 0x01]));
        writeFileSync(path.join(dir, 'latin1.vplan'), Buffer.from('roll r "Sm\xe5land"', 'latin1'));
        const r = vplan(['validate', 'notes.txt', 'ok', 'binary.vplan', 'latin1.vplan'], { cwd: dir });
        expect(r.code).toBe(2);
        const lines = r.stderr.trim().split('\n');
        expect(lines).toContain('vplan: notes.txt: not a .vplan file');
        expect(lines).toContain('vplan: binary.vplan: binary file (contains NUL bytes), not a plan');
        expect(lines).toContain('vplan: latin1.vplan: not valid UTF-8 text');
        expect(r.stdout).toMatch(/No problems found in 2 files/);
    });

    test('2 for bad usage: unknown flag, bad value, no input, unknown command — one line, no stack', () => {
        for (const args of [
            ['validate', 'ok', '--frobnicate'],
            ['validate', 'ok', '--format', 'xml'],
            ['validate', 'ok', '--max-warnings', 'many'],
            ['validate'],
            ['valdiate', 'ok']
        ]) {
            const r = vplan(args);
            expect(r.code, args.join(' ')).toBe(2);
            expect(r.stderr, args.join(' ')).toMatch(/^vplan: .+\(see vplan .*--help\)\n$/);
            expect(r.stderr).not.toMatch(/\n\s+at /);
        }
    });

    test('a folder without plans and a pattern that matches nothing are input problems', () => {
        const dir = tempCopy('ok');
        mkdirSync(path.join(dir, 'empty'));
        writeFileSync(path.join(dir, 'empty', 'readme.md'), '#');
        const r = vplan(['validate', 'ok', 'empty', 'missing/*.vplan'], { cwd: dir });
        expect(r.code).toBe(2);
        expect(r.stderr.trim().split('\n').sort()).toEqual([
            'vplan: empty: no .vplan files in this folder',
            'vplan: missing/*.vplan: no .vplan files match this pattern'
        ]);
        expect(r.stdout).toMatch(/No problems found in 2 files/);
    });

    test('.vplanignore leaves out what it lists below its folder; a plan named explicitly is still read', () => {
        const dir = tempCopy('ok');
        // A copy of the plans as a test fixture and a draft: their ids would clash with the real ones.
        mkdirSync(path.join(dir, 'ok', 'test', 'fixtures', 'copy'), { recursive: true });
        for (const file of ['kommun.vplan', 'omsorg.vplan']) cpSync(path.join(dir, 'ok', file), path.join(dir, 'ok', 'test', 'fixtures', 'copy', file));
        writeFileSync(path.join(dir, 'ok', 'utkast-omsorg.vplan'), readFileSync(path.join(dir, 'ok', 'omsorg.vplan')));
        const listed = (args: string[]) => {
            const r = vplan(['validate', ...args, '--format', 'json'], { cwd: dir });
            return { code: r.code, files: (JSON.parse(r.stdout).files as Array<{ path: string }>).map(f => f.path).sort(), stderr: r.stderr };
        };
        // Without an ignore file the copies are part of the workspace, and clash.
        const before = vplan(['validate', 'ok', '--format', 'json'], { cwd: dir });
        expect(before.code).toBe(1);
        expect(before.stdout).toContain('duplicate-id');

        writeFileSync(path.join(dir, 'ok', '.vplanignore'), '# test data and drafts\ntest/fixtures/\nutkast-*.vplan\n');
        expect(listed(['ok'])).toEqual({ code: 0, files: ['ok/kommun.vplan', 'ok/omsorg.vplan'], stderr: '' });
        // Named explicitly, an ignored plan is read (and here clashes with the others).
        const explicit = listed(['ok', 'ok/utkast-omsorg.vplan']);
        expect(explicit.files).toEqual(['ok/kommun.vplan', 'ok/omsorg.vplan', 'ok/utkast-omsorg.vplan']);
        expect(explicit.code).toBe(1);
        // Walking from a folder below, the ignore file above it does not apply: the copies are read.
        expect(listed(['ok/test']).files).toEqual(['ok/test/fixtures/copy/kommun.vplan', 'ok/test/fixtures/copy/omsorg.vplan']);
        // A folder whose own ignore file leaves out every plan says so.
        writeFileSync(path.join(dir, 'ok', 'test', 'fixtures', '.vplanignore'), '*\n');
        const r = vplan(['validate', 'ok/test/fixtures'], { cwd: dir });
        expect(r.code).toBe(2);
        expect(r.stderr).toBe('vplan: ok/test/fixtures: no .vplan files in this folder outside what .vplanignore leaves out\n');
    });
});

describe('vplan validate: formats', () => {
    test('json: the exact shape, 0-based positions, paths relative to the working directory', () => {
        const r = vplan(['validate', 'errors', 'syntax', '--format', 'json']);
        expect(r.code).toBe(1);
        const out = JSON.parse(r.stdout) as JsonOutput;
        expect(Object.keys(out)).toEqual(['files']);
        expect(out.files.map(f => f.path)).toEqual(['errors/plan.vplan', 'syntax/broken.vplan']);
        for (const file of out.files) {
            expect(Object.keys(file)).toEqual(['path', 'diagnostics']);
            for (const d of file.diagnostics) {
                expect(Object.keys(d)).toEqual(['code', 'severity', 'message', 'range']);
                expect(['error', 'warning', 'info', 'hint']).toContain(d.severity);
                expect(typeof d.message).toBe('string');
                expect(Object.keys(d.range)).toEqual(['start', 'end']);
            }
        }
        const broken = out.files[1].diagnostics.find(d => d.code === 'parsing-error');
        // `grön >= 82 %%` is line 5 (0-based 4); the stray % is at column 19 (0-based 18).
        expect(broken?.range.start).toEqual({ line: 4, character: 18 });
        const unresolved = out.files[0].diagnostics.find(d => d.code === 'unresolved-reference' || d.code === 'linking-error');
        // `      ansvarig chefen` (line 11): the reference spans the six letters of "chefen".
        expect(unresolved?.range).toEqual({ start: { line: 10, character: 15 }, end: { line: 10, character: 21 } });
        expect(unresolved?.severity).toBe('error');
    });

    test('sarif: a SARIF 2.1.0 log with rules for every code and 1-based regions', () => {
        const json = JSON.parse(vplan(['validate', 'errors', 'syntax', '--format', 'json']).stdout) as JsonOutput;
        const sarif = JSON.parse(vplan(['validate', 'errors', 'syntax', '--format', 'sarif']).stdout);
        expect(sarif.version).toBe('2.1.0');
        expect(sarif.$schema).toMatch(/sarif.*2\.1\.0.*\.json$/);
        expect(sarif.runs).toHaveLength(1);
        const driver = sarif.runs[0].tool.driver;
        expect(driver.name).toBe('vplan');
        expect(driver.version).toMatch(/^\d+\.\d+\.\d+/);
        expect(() => new URL(driver.informationUri)).not.toThrow();
        const ruleIds: string[] = driver.rules.map((r: { id: string }) => r.id);
        const results = sarif.runs[0].results as {
            ruleId: string; ruleIndex: number; level: string; message: { text: string };
            locations: { physicalLocation: { artifactLocation: { uri: string }; region: Record<string, number> } }[];
        }[];
        const jsonCodes = new Set(codesOf(json));
        expect(new Set(ruleIds)).toEqual(jsonCodes);
        expect(results.length).toBe(codesOf(json).length);
        for (const result of results) {
            expect(ruleIds[result.ruleIndex]).toBe(result.ruleId);
            expect(['error', 'warning', 'note', 'none']).toContain(result.level);
            expect(result.message.text.length).toBeGreaterThan(0);
            const { artifactLocation, region } = result.locations[0].physicalLocation;
            expect(['errors/plan.vplan', 'syntax/broken.vplan']).toContain(artifactLocation.uri);
            expect(region.startLine).toBeGreaterThanOrEqual(1);
            expect(region.startColumn).toBeGreaterThanOrEqual(1);
            expect(region.endLine).toBeGreaterThanOrEqual(region.startLine);
            expect(region.endColumn).toBeGreaterThanOrEqual(1);
        }
        const unresolved = results.find(r => r.ruleId === 'unresolved-reference' || r.ruleId === 'linking-error')!;
        expect(unresolved.locations[0].physicalLocation.region).toEqual({ startLine: 11, startColumn: 16, endLine: 11, endColumn: 22 });
    });

    test('github: one workflow command per diagnostic, with escaped properties and message', () => {
        const r = vplan(['validate', 'errors', 'syntax', '--format', 'github']);
        expect(r.code).toBe(1);
        const lines = r.stdout.trimEnd().split('\n');
        const json = JSON.parse(vplan(['validate', 'errors', 'syntax', '--format', 'json']).stdout) as JsonOutput;
        expect(lines).toHaveLength(codesOf(json).length);
        const command = /^::(error|warning|notice) file=([^,:]+),line=(\d+),col=(\d+),endLine=(\d+),endColumn=(\d+),title=([^,:]*)::([^\r\n]*)$/;
        for (const line of lines) expect(line).toMatch(command);
        const unresolved = lines.find(l => /title=vplan (unresolved-reference|linking-error)/.test(l))!;
        expect(unresolved).toMatch(/^::error file=errors\/plan\.vplan,line=11,col=16,endLine=11,endColumn=21,/);
        // The stray `%` of the syntax error appears escaped in the message.
        const percent = lines.find(l => l.includes('syntax/broken.vplan,line=5'))!;
        expect(percent).toContain('%25');
        expect(percent).not.toMatch(/::.*[^%]%(?![0-9A-F]{2})/);
    });

    test('github: a message with a newline, a colon and a comma in the path stays one command', () => {
        const dir = tempCopy('errors');
        const weird = path.join(dir, 'a,b:c');
        mkdirSync(weird);
        writeFileSync(path.join(weird, 'p.vplan'), 'plan x "X" {\n  ansvarig nobody\n}\n');
        const r = vplan(['validate', 'a,b:c', '--format', 'github'], { cwd: dir });
        const lines = r.stdout.trimEnd().split('\n');
        expect(lines.length).toBeGreaterThan(0);
        for (const line of lines) expect(line).toMatch(/^::(error|warning|notice) file=a%2Cb%3Ac\/p\.vplan,line=\d+/);
    });

    test('pretty: file:line:col, severity, message, code and a caret under the range', () => {
        const r = vplan(['validate', 'errors']);
        const lines = r.stdout.split('\n');
        const at = lines.findIndex(l => l.startsWith('errors/plan.vplan:11:16 error'));
        expect(at).toBeGreaterThan(0);
        expect(lines[at]).toMatch(/\[(unresolved-reference|linking-error)\]$/);
        expect(lines[at + 1]).toBe('  11 |       ansvarig chefen');
        expect(lines[at + 2]).toBe('     |                ^^^^^^');
        expect(lines[0]).toBe('errors/plan.vplan');
    });

    test('colour only on request: none when piped, FORCE_COLOR or --color turn it on, NO_COLOR and --no-color off', () => {
        const esc = '\u001b[';
        expect(vplan(['validate', 'errors']).stdout).not.toContain(esc);
        expect(vplan(['validate', 'errors'], { env: { FORCE_COLOR: '1' } }).stdout).toContain(esc);
        expect(vplan(['validate', 'errors', '--color']).stdout).toContain(esc);
        expect(vplan(['validate', 'errors'], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout).toContain(esc);
        expect(vplan(['validate', 'errors'], { env: { NO_COLOR: '1' } }).stdout).not.toContain(esc);
        expect(vplan(['validate', 'errors', '--no-color'], { env: { FORCE_COLOR: '1' } }).stdout).not.toContain(esc);
    });

    test('--quiet shows errors only', () => {
        const r = vplan(['validate', 'errors', '--quiet', '--format', 'json']);
        const out = JSON.parse(r.stdout) as JsonOutput;
        expect(out.files[0].diagnostics.length).toBeGreaterThan(0);
        expect(out.files[0].diagnostics.every(d => d.severity === 'error')).toBe(true);
        const all = JSON.parse(vplan(['validate', 'errors', '--format', 'json']).stdout) as JsonOutput;
        expect(all.files[0].diagnostics.some(d => d.severity === 'warning')).toBe(true);
    });

    test('--lang sv, and Swedish from the locale environment', () => {
        const flag = vplan(['validate', 'errors', '--lang', 'sv']);
        expect(flag.stdout).toMatch(/errors\/plan\.vplan:11:16 fel /);
        expect(flag.stdout).toMatch(/✖ \d+ fel, 1 varning i 1 fil\./);
        const env = vplan(['validate', 'errors'], { env: { LANG: 'sv_SE.UTF-8' } });
        expect(env.stdout).toBe(flag.stdout);
        const overridden = vplan(['validate', 'errors', '--lang', 'en'], { env: { LC_ALL: 'sv_SE.UTF-8' } });
        expect(overridden.stdout).toMatch(/:11:16 error /);
        const usage = vplan(['validate', '--lang', 'sv', '--bogus']);
        expect(usage.stderr).toBe('vplan: okänd flagga: --bogus (se vplan validate --help)\n');
    });

    test('globs are expanded by the CLI when the shell does not', () => {
        const r = vplan(['validate', '{ok,warnings}/**/*.vplan', '--format', 'json']);
        const out = JSON.parse(r.stdout) as JsonOutput;
        expect(out.files.map(f => f.path)).toEqual(['ok/kommun.vplan', 'ok/omsorg.vplan', 'warnings/plan.vplan']);
        expect(r.code).toBe(0);
    });
});
