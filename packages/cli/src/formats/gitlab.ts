// GitLab Code Quality report (`artifacts: reports: codequality:`): a JSON array of issues, each
// with `description`, `check_name`, `fingerprint`, `severity` (info|minor|major|critical|blocker)
// and `location: { path, lines: { begin } }`, paths relative to the repository (the working
// directory in CI), lines 1-based. GitLab shows one issue per fingerprint, so the fingerprint
// tells apart two equal findings in one file by their order, but not by their line: an issue keeps
// its fingerprint when lines above it move, and a merge request shows only new and fixed ones.
import { createHash } from 'node:crypto';
import type { FileReport, Severity } from '../diagnostics.js';

const SEVERITY: Record<Severity, string> = { error: 'major', warning: 'minor', info: 'info', hint: 'info' };

export function formatGitlab(files: readonly FileReport[]): string {
    const issues = [];
    for (const file of files) {
        const seen = new Map<string, number>();
        for (const d of file.diagnostics) {
            const key = `${file.path}\0${d.code}\0${d.message}`;
            const nth = (seen.get(key) ?? 0) + 1;
            seen.set(key, nth);
            issues.push({
                type: 'issue',
                description: d.message,
                check_name: `vplan/${d.code}`,
                fingerprint: createHash('sha256').update(`${key}\0${nth}`).digest('hex'),
                severity: SEVERITY[d.severity],
                location: { path: file.path, lines: { begin: d.range.start.line + 1, end: d.range.end.line + 1 } }
            });
        }
    }
    return JSON.stringify(issues, null, 2) + '\n';
}
