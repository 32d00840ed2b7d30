// What the scenarios expect, computed from the examples by the language package itself (the same
// semantics the server runs), so that the UI is checked against the model, not against copied numbers.
import { join } from 'node:path';
import { createVplanCoreServices } from '@vplan/language';
import { NodeFileSystem } from 'langium/node';
import { loadWorkspace } from '@vplan/language/node';
import { statusCountsOf } from '../../packages/language/src/lsp/status-request.js';
import type { StatusCountsResult } from '../../packages/language/src/lsp/status-protocol.js';
import { ROOT } from './code-server.js';

/** The status counts of one example file, as the server computes them for the status bar. */
export async function expectedStatus(relative: string): Promise<StatusCountsResult> {
    const services = createVplanCoreServices(NodeFileSystem);
    const { documents } = await loadWorkspace(services, [join(ROOT, 'examples')], { validation: false });
    const file = join(ROOT, 'examples', relative);
    const document = documents.find(d => d.uri.fsPath === file);
    if (!document) throw new Error(`examples/${relative} was not loaded`);
    return statusCountsOf(document, 'en');
}
