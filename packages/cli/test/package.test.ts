// The npm package `vplan` as a user meets it: packed, installed offline into an empty project, and
// run through the `vplan` executable npm links, on the project's Node (24) and on an old one.
import { beforeAll, describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ensureBuilt, NODE, ROOT, vplan as repoVplan } from './helpers.js';

const work = mkdtempSync(path.join(tmpdir(), 'vplan-package-'));
const project = path.join(work, 'project');
const bin = path.join(project, 'node_modules/.bin/vplan');
let files: string[] = [];

/** The environment of a user whose `node` on PATH is `node`. */
function userEnv(node: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = {
        ...process.env, PATH: `${path.dirname(node)}${path.delimiter}${process.env.PATH}`, LANG: 'C',
        npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false'
    };
    delete env.LC_ALL;
    delete env.LC_MESSAGES;
    delete env.NODE_OPTIONS;
    return { ...env, ...extra };
}

/** Runs the installed `vplan` executable itself (its shebang finds `node` on PATH). */
function installed(args: string[], options: { node?: string; env?: Record<string, string> } = {}) {
    const r = spawnSync(bin, args, { cwd: project, env: userEnv(options.node ?? NODE, options.env), encoding: 'utf8', timeout: 60_000 });
    if (r.error) throw r.error;
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
    ensureBuilt();
    const env = userEnv(NODE);
    // The bundles are built (ensureBuilt); prepack would rebuild everything.
    const pack = spawnSync('npm', ['pack', '-w', 'packages/cli', '--ignore-scripts', '--pack-destination', work, '--json'], { cwd: ROOT, env, encoding: 'utf8' });
    expect(pack.status, pack.stderr).toBe(0);
    const [info] = JSON.parse(pack.stdout) as { filename: string; files: { path: string }[] }[];
    files = info.files.map(f => f.path).sort();
    mkdirSync(project);
    const install = spawnSync('npm', ['install', '--offline', '--ignore-scripts', path.join(work, info.filename)], { cwd: project, env, encoding: 'utf8' });
    expect(install.status, install.stderr).toBe(0);
    cpSync(path.join(ROOT, 'examples/norsjo'), path.join(project, 'norsjo'), { recursive: true });
}, 240_000);

describe('the npm package vplan', () => {
    test('publishable: named vplan, not private, no runtime dependencies, Node >= 22, only what runs', () => {
        const manifest = JSON.parse(readFileSync(path.join(project, 'node_modules/vplan/package.json'), 'utf8'));
        expect(manifest.name).toBe('vplan');
        expect(manifest.private).toBeUndefined();
        expect(manifest.bin).toEqual({ vplan: 'bin/vplan.cjs' });
        expect(manifest.engines).toEqual({ node: '>=22' });
        for (const key of ['dependencies', 'optionalDependencies', 'peerDependencies']) expect(manifest[key], key).toBeUndefined();
        expect(manifest.license).toBe('MIT');
        expect(files).toEqual(['LICENSE', 'README.md', 'bin/vplan.cjs', 'dist/vplan-cli.cjs', 'dist/vplan-fmt.cjs', 'dist/vplan-outcomes.cjs', 'dist/vplan-render.cjs', 'package.json']);
        // Nothing but the package itself was installed.
        const lock = JSON.parse(readFileSync(path.join(project, 'package-lock.json'), 'utf8'));
        expect(Object.keys(lock.packages).filter(p => p !== '')).toEqual(['node_modules/vplan']);
        // The README documents every command the CLI has.
        const readme = readFileSync(path.join(project, 'node_modules/vplan/README.md'), 'utf8');
        for (const command of ['init', 'validate', 'render', 'fmt', 'status', 'kolada']) expect(readme).toContain(`vplan ${command}`);
    });

    test('validates the Norsjö examples exactly as the repository\'s build does', () => {
        const r = installed(['validate', 'norsjo', '--format', 'json']);
        const repo = repoVplan(['validate', 'norsjo', '--format', 'json'], { cwd: project });
        expect(r.stderr).toBe('');
        expect(r.code).toBe(repo.code);
        expect(r.stdout).toBe(repo.stdout);
        const report = JSON.parse(r.stdout) as { files: { path: string }[] };
        expect(report.files.map(f => f.path).sort()).toEqual(['norsjo/aktiviteter-2025.vplan', 'norsjo/kommun.vplan', 'norsjo/omsorg-2026.vplan']);
    });

    test('init, then validate, fmt --check and render in the empty project', () => {
        const init = installed(['init', 'plans', '--lang', 'sv', '--year', '2027']);
        expect(init.stderr).toBe('');
        expect(init.code).toBe(0);
        const validate = installed(['validate', 'plans']);
        expect(validate.stdout).toBe('No problems found in 2 files.\n');
        expect(validate.code).toBe(0);
        const fmt = installed(['fmt', '--check', 'plans']);
        expect(fmt.code, fmt.stdout + fmt.stderr).toBe(0);
        const render = installed(['render', 'plans/verksamhetsplan-2027.vplan', '-o', 'report.html']);
        expect(render.code, render.stderr).toBe(0);
        const html = readFileSync(path.join(project, 'report.html'), 'utf8');
        expect(html).toMatch(/^<!DOCTYPE html>/i);
        expect(html).toContain('Verksamhetsplan 2027');
    });

    test('runs in one Node process: no second Node started for validate', () => {
        // A preloaded script notes every Node start; a launcher that execve()d a second Node (into a
        // start-up snapshot) would start twice under the same pid.
        const probe = path.join(work, 'starts.cjs');
        const log = path.join(work, 'starts');
        writeFileSync(probe, `require('fs').appendFileSync(${JSON.stringify(log)}, process.argv.slice(1).join(' ') + '\\n');\n`);
        const r = installed(['validate', 'norsjo/kommun.vplan'], { env: { NODE_OPTIONS: `--require ${probe}` } });
        expect(r.stderr).toBe('');
        expect(r.code).toBe(0);
        expect(readFileSync(log, 'utf8').trim().split('\n')).toEqual([`${bin} validate norsjo/kommun.vplan`]);
    });

    test('on Node 20 it says in one line that Node 22 or later is needed, exit 2', () => {
        const old = ['/usr/bin/node', '/bin/node'].find(p => existsSync(p) && Number(spawnSync(p, ['-p', 'process.versions.node.split(".")[0]'], { encoding: 'utf8' }).stdout) < 22);
        expect(old, 'the machine has a Node older than 22 at /usr/bin/node (the README says so)').toBeDefined();
        const version = spawnSync(old!, ['--version'], { encoding: 'utf8' }).stdout.trim().slice(1);
        const r = installed(['validate', 'norsjo'], { node: old });
        expect(r.code).toBe(2);
        expect(r.stdout).toBe('');
        expect(r.stderr).toBe(`vplan needs Node 22 or later; this is Node ${version} (${old}).\n`);
        const sv = installed(['validate', 'norsjo'], { node: old, env: { LANG: 'sv_SE.UTF-8' } });
        expect(sv.code).toBe(2);
        expect(sv.stderr).toBe(`vplan behöver Node 22 eller senare; det här är Node ${version} (${old}).\n`);
    });
});
