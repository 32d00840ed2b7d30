// `vplan init` as a user runs it: the files it writes validate and are formatted, in both
// languages; an existing file is never replaced.
import { beforeAll, describe, expect, test } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { newPlanFiles } from '@vplan/language/templates';
import { ensureBuilt, vplan } from './helpers.js';

beforeAll(() => ensureBuilt(), 240_000);

describe('vplan init', () => {
    for (const lang of ['sv', 'en'] as const) {
        test(`--lang ${lang}: the template's files, which validate without findings and are formatted`, () => {
            const dir = mkdtempSync(path.join(tmpdir(), 'vplan-init-'));
            const r = vplan(['init', 'new/plans', '--lang', lang, '--year', '2028'], { cwd: dir });
            expect(r.stderr).toBe('');
            expect(r.code).toBe(0);
            const expected = newPlanFiles({ lang, year: 2028 });
            expect(readdirSync(path.join(dir, 'new/plans')).sort()).toEqual(expected.map(f => f.name).sort());
            for (const file of expected) expect(readFileSync(path.join(dir, 'new/plans', file.name), 'utf8')).toBe(file.text);
            expect(r.stdout).toContain(lang === 'sv' ? 'skrev new/plans/kommun.vplan' : 'wrote new/plans/municipality.vplan');

            const json = JSON.parse(vplan(['validate', 'new/plans', '--format', 'json'], { cwd: dir }).stdout) as { files: { diagnostics: unknown[] }[] };
            expect(json.files).toHaveLength(2);
            expect(json.files.flatMap(f => f.diagnostics)).toEqual([]);
            expect(vplan(['fmt', '--check', 'new/plans'], { cwd: dir }).code).toBe(0);
            // The plan is in the language asked for: its status table has its indicator, yellow at 80.
            const status = vplan(['status', 'new/plans', '--format', 'json'], { cwd: dir });
            expect(status.code).toBe(0);
            expect(status.stdout).toContain(lang === 'sv' ? 'Verksamhetsplan 2028' : 'Operational Plan 2028');
        });
    }

    test('an existing file is never replaced: nothing is written, exit 1, in the user\'s language', () => {
        const dir = mkdtempSync(path.join(tmpdir(), 'vplan-init-'));
        mkdirSync(path.join(dir, 'plans'));
        writeFileSync(path.join(dir, 'plans/kommun.vplan'), '// mine\n');
        const r = vplan(['init', 'plans', '--lang', 'sv'], { cwd: dir });
        expect(r.code).toBe(1);
        expect(r.stdout).toBe('');
        expect(r.stderr).toBe('vplan: plans/kommun.vplan: finns redan\nvplan: inget skrevs: vplan init ersätter aldrig en fil\n');
        expect(readdirSync(path.join(dir, 'plans'))).toEqual(['kommun.vplan']);
        expect(readFileSync(path.join(dir, 'plans/kommun.vplan'), 'utf8')).toBe('// mine\n');
    });

    test('bad usage is one line and exit 2', () => {
        const dir = mkdtempSync(path.join(tmpdir(), 'vplan-init-'));
        for (const args of [['init', 'a', 'b'], ['init', '--year', '26'], ['init', '--lang', 'de']]) {
            const r = vplan(args, { cwd: dir });
            expect(r.code, args.join(' ')).toBe(2);
            expect(r.stderr).toMatch(/^vplan: [^\n]+\n$/);
        }
        expect(readdirSync(dir)).toEqual([]);
    });
});
