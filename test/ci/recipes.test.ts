// The CI recipes of docs/ci/ run as their CI would run them — their commands, against the examples,
// with `vplan` on PATH — and their outputs checked as their consumers read them: GitHub's workflow
// command lines, SARIF 2.1.0 for code scanning, GitLab's Code Quality report, a git pre-commit hook
// that stops a commit. docs/ci.md shows each file whole; a test keeps them the same.
import { beforeAll, describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';
import { ensureBuilt, NODE, ROOT } from '../../packages/cli/test/helpers.js';

const RECIPES = path.join(ROOT, 'docs/ci');
const shimDir = mkdtempSync(path.join(tmpdir(), 'vplan-ci-bin-'));

/** The environment of a CI runner that installed vplan: `vplan` on PATH, English, no colour. */
function ciEnv(): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${shimDir}${path.delimiter}${process.env.PATH}`, LANG: 'C', NO_COLOR: '1' };
    for (const key of ['LC_ALL', 'LC_MESSAGES', 'FORCE_COLOR', 'NODE_OPTIONS', 'GIT_DIR', 'GIT_INDEX_FILE']) delete env[key];
    return env;
}

/** Runs one `run:`/`script:` line with the shell, as the CI runner does. */
function sh(line: string, cwd: string) {
    const r = spawnSync('sh', ['-c', line], { cwd, env: ciEnv(), encoding: 'utf8', timeout: 120_000 });
    if (r.error) throw r.error;
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A repository whose plans/ folder holds the Norsjö examples (defects included). */
function repoWithExamples(): string {
    const repo = mkdtempSync(path.join(tmpdir(), 'vplan-ci-repo-'));
    cpSync(path.join(ROOT, 'examples/norsjo'), path.join(repo, 'plans'), { recursive: true });
    return repo;
}

/** The findings of the examples as JSON, to compare every other format with. */
function findings(repo: string): { path: string; code: string; severity: string; line: number }[] {
    const r = sh('vplan validate plans/ --format json', repo);
    const report = JSON.parse(r.stdout) as { files: { path: string; diagnostics: { code: string; severity: string; range: { start: { line: number } } }[] }[] };
    return report.files.flatMap(f => f.diagnostics.map(d => ({ path: f.path, code: d.code, severity: d.severity, line: d.range.start.line + 1 })));
}

beforeAll(() => {
    ensureBuilt();
    const shim = path.join(shimDir, 'vplan');
    writeFileSync(shim, `#!/bin/sh\nexec ${JSON.stringify(NODE)} ${JSON.stringify(path.join(ROOT, 'out/vplan.cjs'))} "$@"\n`);
    chmodSync(shim, 0o755);
}, 240_000);

describe('GitHub Actions (docs/ci/github-actions.yml)', () => {
    type Step = { name?: string; run?: string; uses?: string; if?: string; with?: Record<string, string> };
    const workflow = parse(readFileSync(path.join(RECIPES, 'github-actions.yml'), 'utf8')) as { permissions: Record<string, string>; jobs: Record<string, { steps: Step[] }> };
    const steps = Object.values(workflow.jobs)[0].steps;

    test('its steps run on the examples: annotations, SARIF uploaded to code scanning, reports as an artifact', () => {
        const repo = repoWithExamples();
        const expected = findings(repo);
        expect(expected.length).toBeGreaterThan(0);
        expect(steps.find(s => s.run?.startsWith('npm install --global vplan'))).toBeDefined();
        expect(workflow.permissions['security-events']).toBe('write');

        const results = new Map<string, ReturnType<typeof sh>>();
        for (const step of steps.filter(s => s.run?.startsWith('vplan '))) results.set(step.run!, sh(step.run!, repo));

        // The annotations: one workflow command per finding, in the syntax the runner reads.
        const annotate = steps.find(s => s.run?.includes('--format github'))!;
        const github = results.get(annotate.run!)!;
        expect(github.code).toBe(1); // the examples have errors: the check fails the job
        const lines = github.stdout.trimEnd().split('\n');
        expect(lines).toHaveLength(expected.length);
        const LEVEL: Record<string, string> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };
        lines.forEach((line, i) => {
            const m = /^::(error|warning|notice) file=([^,]+),line=(\d+),col=(\d+),endLine=(\d+),endColumn=(\d+),title=([^,:]+)::(.+)$/.exec(line);
            expect(m, line).not.toBeNull();
            expect(m![1]).toBe(LEVEL[expected[i].severity]);
            expect(m![2]).toBe(expected[i].path);
            expect(existsSync(path.join(repo, m![2]))).toBe(true);
            expect(Number(m![3])).toBe(expected[i].line);
            expect(m![7]).toBe(`vplan ${expected[i].code}`);
        });

        // The SARIF step writes the file the upload step sends, even when the check above failed.
        const upload = steps.find(s => s.uses?.startsWith('github/codeql-action/upload-sarif'))!;
        const sarifStep = steps.find(s => s.run?.includes('--format sarif'))!;
        expect(results.get(sarifStep.run!)!.code).toBe(0);
        expect(sarifStep.if).toBe(upload.if);
        expect(upload.if).toContain('!cancelled()');
        checkSarif(JSON.parse(readFileSync(path.join(repo, upload.with!.sarif_file), 'utf8')), repo, expected);

        // The reports step renders one page per plan into the folder the artifact keeps.
        const artifact = steps.find(s => s.uses?.startsWith('actions/upload-artifact'))!;
        const renderStep = steps.find(s => s.run?.startsWith('vplan render'))!;
        expect(results.get(renderStep.run!)!.code).toBe(0);
        const pages = readdirSync(path.join(repo, artifact.with!.path)).filter(f => f.endsWith('.html'));
        expect(pages.length).toBeGreaterThanOrEqual(2);
        for (const page of pages) expect(readFileSync(path.join(repo, artifact.with!.path, page), 'utf8')).toMatch(/^<!DOCTYPE html>/i);
    }, 120_000);
});

/** SARIF 2.1.0 as GitHub code scanning requires it: one run, the tool, rules, results with locations. */
function checkSarif(log: any, repo: string, expected: ReturnType<typeof findings>): void {
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/sarif-2\.1\.0/);
    expect(log.runs).toHaveLength(1);
    const [run] = log.runs;
    expect(run.tool.driver.name).toBe('vplan');
    const ruleIds = run.tool.driver.rules.map((r: { id: string }) => r.id);
    expect(new Set(ruleIds).size).toBe(ruleIds.length);
    expect(run.results).toHaveLength(expected.length);
    run.results.forEach((result: any, i: number) => {
        expect(result.ruleId).toBe(expected[i].code);
        expect(ruleIds[result.ruleIndex]).toBe(result.ruleId);
        expect(['error', 'warning', 'note']).toContain(result.level);
        expect(result.message.text.length).toBeGreaterThan(0);
        const location = result.locations[0].physicalLocation;
        expect(decodeURI(location.artifactLocation.uri)).toBe(expected[i].path);
        expect(existsSync(path.join(repo, decodeURI(location.artifactLocation.uri)))).toBe(true);
        expect(location.region.startLine).toBe(expected[i].line);
        expect(location.region.startColumn).toBeGreaterThanOrEqual(1);
    });
}

describe('GitLab CI (docs/ci/gitlab-ci.yml)', () => {
    type Job = { image: string; script: string[]; artifacts: { when: string; reports: { codequality: string }; paths: string[] } };
    const job = Object.values(parse(readFileSync(path.join(RECIPES, 'gitlab-ci.yml'), 'utf8')) as Record<string, Job>)[0];

    test('its script runs on the examples: a Code Quality report GitLab reads, reports as artifacts', () => {
        const repo = repoWithExamples();
        const expected = findings(repo);
        expect(job.image).toMatch(/^node:(2[2-9]|[3-9]\d)/);
        expect(job.script[0]).toMatch(/^npm install --global vplan/);
        // GitLab stops at the first failing line: the reports are written before any check can fail.
        const codes = job.script.slice(1).map(line => sh(line, repo).code);
        const firstFailure = codes.indexOf(1);
        expect(codes.slice(0, firstFailure)).toEqual(codes.slice(0, firstFailure).map(() => 0));
        expect(job.script.slice(1, firstFailure + 1).some(l => l.includes('--format gitlab'))).toBe(true);
        expect(job.script.slice(1, firstFailure + 1).some(l => l.startsWith('vplan render'))).toBe(true);
        expect(codes.at(-1)).toBe(1); // the examples have errors: the job fails
        expect(job.artifacts.when).toBe('always');

        // The Code Quality report: an array of issues with the fields GitLab requires.
        const issues = JSON.parse(readFileSync(path.join(repo, job.artifacts.reports.codequality), 'utf8'));
        expect(Array.isArray(issues)).toBe(true);
        expect(issues).toHaveLength(expected.length);
        const SEVERITY: Record<string, string> = { error: 'major', warning: 'minor', info: 'info', hint: 'info' };
        issues.forEach((issue: any, i: number) => {
            expect(typeof issue.description).toBe('string');
            expect(issue.description.length).toBeGreaterThan(0);
            expect(issue.check_name).toBe(`vplan/${expected[i].code}`);
            expect(issue.fingerprint).toMatch(/^[0-9a-f]{64}$/);
            expect(['info', 'minor', 'major', 'critical', 'blocker']).toContain(issue.severity);
            expect(issue.severity).toBe(SEVERITY[expected[i].severity]);
            expect(issue.location.path).toBe(expected[i].path);
            expect(Number.isInteger(issue.location.lines.begin) && issue.location.lines.begin >= 1).toBe(true);
            expect(issue.location.lines.begin).toBe(expected[i].line);
        });
        // GitLab shows one issue per fingerprint.
        expect(new Set(issues.map((i: { fingerprint: string }) => i.fingerprint)).size).toBe(issues.length);
        // The fingerprints survive lines moving: a blank line on top changes no fingerprint.
        const plan = path.join(repo, expected[0].path);
        writeFileSync(plan, '\n' + readFileSync(plan, 'utf8'));
        const moved = JSON.parse(sh('vplan validate plans/ --format gitlab --no-fail', repo).stdout);
        expect(moved.map((i: { fingerprint: string }) => i.fingerprint).sort()).toEqual(issues.map((i: { fingerprint: string }) => i.fingerprint).sort());

        const pages = readdirSync(path.join(repo, job.artifacts.paths[0])).filter(f => f.endsWith('.html'));
        expect(pages.length).toBeGreaterThanOrEqual(2);
    }, 120_000);
});

describe('pre-commit hook (docs/ci/pre-commit)', () => {
    /** A git repository with the hook installed: a clean plan folder (vplan init) and the examples. */
    function repoWithHook(): string {
        const repo = mkdtempSync(path.join(tmpdir(), 'vplan-ci-git-'));
        const git = (...args: string[]) => {
            const r = spawnSync('git', args, { cwd: repo, env: gitEnv(), encoding: 'utf8' });
            expect(r.status, r.stderr).toBe(0);
        };
        git('init', '-q');
        expect(sh('vplan init plans --lang sv --year 2027', repo).code).toBe(0);
        cpSync(path.join(ROOT, 'examples/norsjo'), path.join(repo, 'norsjo'), { recursive: true });
        git('add', '.');
        git('commit', '-q', '--no-verify', '-m', 'plans');
        mkdirSync(path.join(repo, '.git/hooks'), { recursive: true });
        cpSync(path.join(RECIPES, 'pre-commit'), path.join(repo, '.git/hooks/pre-commit'));
        return repo;
    }
    const gitEnv = () => ({ ...ciEnv(), GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 't@example.org', GIT_CONFIG_NOSYSTEM: '1', HOME: shimDir });
    function commit(repo: string, file: string, edit: (text: string) => string) {
        const full = path.join(repo, file);
        writeFileSync(full, edit(readFileSync(full, 'utf8')));
        spawnSync('git', ['add', file], { cwd: repo, env: gitEnv() });
        const r = spawnSync('git', ['commit', '-q', '-m', 'edit'], { cwd: repo, env: gitEnv(), encoding: 'utf8' });
        return { code: r.status, stdout: r.stdout, stderr: r.stderr };
    }
    const PLAN = 'plans/verksamhetsplan-2027.vplan';

    test('a clean change commits; only the changed plans\' folders are checked (the examples\' errors do not stop it)', () => {
        const repo = repoWithHook();
        const r = commit(repo, PLAN, t => t.replace('Vad planen är till för', 'Vad den här planen är till för'));
        expect(r.stderr).not.toMatch(/commit stopped/);
        expect(r.code).toBe(0);
        expect(r.stdout + r.stderr).toContain('No problems found in 2 files.');
    }, 60_000);

    test('a badly formatted plan stops the commit and is named', () => {
        const repo = repoWithHook();
        const r = commit(repo, PLAN, t => t.replace('  år 2027', '      år    2027'));
        expect(r.code).toBe(1);
        expect(r.stdout + r.stderr).toContain(PLAN);
        expect(r.stderr).toMatch(/vplan: commit stopped/);
    }, 60_000);

    test('a plan that no longer validates against its folder stops the commit', () => {
        const repo = repoWithHook();
        // The role is declared in the shared file of the same folder: an unknown one is an error there.
        const r = commit(repo, PLAN, t => t.replace('ansvarig enhetschef\n        rapporterar', 'ansvarig okandRoll\n        rapporterar'));
        expect(r.code).toBe(1);
        expect(r.stdout + r.stderr).toMatch(/okandRoll/);
        expect(r.stderr).toMatch(/vplan: commit stopped/);
    }, 60_000);
});

describe('docs/ci.md', () => {
    test('shows each recipe file whole, as it is in docs/ci/', () => {
        const doc = readFileSync(path.join(ROOT, 'docs/ci.md'), 'utf8');
        for (const file of readdirSync(RECIPES)) {
            expect(doc, file).toContain(readFileSync(path.join(RECIPES, file), 'utf8').trimEnd());
            expect(doc, file).toContain(`(ci/${file})`);
        }
    });
});
