// Machine output: `{ files: [ { path, diagnostics: [ { code, severity, message, range } ] } ] }`,
// lines and columns 0-based as in LSP, paths relative to the working directory.
import type { FileReport } from '../diagnostics.js';

export function formatJson(files: readonly FileReport[]): string {
    const payload = {
        files: files.map(f => ({
            path: f.path,
            diagnostics: f.diagnostics.map(d => ({ code: d.code, severity: d.severity, message: d.message, range: d.range }))
        }))
    };
    return JSON.stringify(payload, null, 2) + '\n';
}
