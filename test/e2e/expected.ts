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
