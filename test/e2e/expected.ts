// What the scenarios expect, computed from the examples by the language package itself (the same
// semantics the server runs), so that the UI is checked against the model, not against copied numbers.
// Shared by the code-server scenarios and the @vscode/test-electron suite.
import { join } from 'node:path';
import { NodeFileSystem } from 'langium/node';
import { createVplanCoreServices } from '@vplan/language';
import { loadWorkspace } from '@vplan/language/node';
import { statusCountsOf } from '../../packages/language/src/lsp/status-request.js';
import type { StatusCountsResult } from '../../packages/language/src/lsp/status-protocol.js';

/** The status counts of one file under `examplesDir`, as the server computes them for the status bar. */
export async function expectedStatus(examplesDir: string, relative: string): Promise<StatusCountsResult> {
    const services = createVplanCoreServices(NodeFileSystem);
    const { documents } = await loadWorkspace(services, [examplesDir], { validation: false });
    const file = join(examplesDir, relative);
    const document = documents.find(d => d.uri.fsPath === file);
    if (!document) throw new Error(`${file} was not loaded`);
    return statusCountsOf(document, 'en');
}

export interface ExpectedDiagnostic {
    code: string;
    /** 1-based, as the Problems panel shows it. */
    line: number;
    severity: 'error' | 'warning' | 'info';
}

/** The validator's errors, warnings and infos for one file (hints never appear in the Problems panel). */
export async function expectedDiagnostics(examplesDir: string, relative: string): Promise<ExpectedDiagnostic[]> {
    const services = createVplanCoreServices(NodeFileSystem);
    const { documents } = await loadWorkspace(services, [examplesDir], { validation: true });
    const file = join(examplesDir, relative);
    const document = documents.find(d => d.uri.fsPath === file);
    if (!document) throw new Error(`${file} was not loaded`);
    const severities = { 1: 'error', 2: 'warning', 3: 'info' } as const;
    return (document.diagnostics ?? []).flatMap(d => {
        const severity = severities[(d.severity ?? 1) as 1 | 2 | 3];
        const code = String(d.code ?? (d.data as { code?: string } | undefined)?.code ?? '');
        return severity ? [{ code, line: d.range.start.line + 1, severity }] : [];
    });
}
