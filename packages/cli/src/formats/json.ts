// Machine output: `{ files: [ { path, diagnostics: [ { code, severity, message, range, related? } ] } ] }`,
// `related` (when the finding is about another place too) is `[ { path, range, message } ]`;
// lines and columns 0-based as in LSP, paths relative to the working directory.
import type { FileReport } from '../diagnostics.js';

export function formatJson(files: readonly FileReport[]): string {
    const payload = {
        files: files.map(f => ({
            path: f.path,
            diagnostics: f.diagnostics.map(d => ({
                code: d.code, severity: d.severity, message: d.message, range: d.range, ...(d.related ? { related: d.related } : {})
            }))
        }))
    };
    return JSON.stringify(payload, null, 2) + '\n';
}
