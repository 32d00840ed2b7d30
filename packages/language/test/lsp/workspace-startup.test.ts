import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { DocumentState, URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { createVplanServices } from '../../src/index.js';
import { KOMMUN_SV } from './fixtures.js';

const dir = mkdtempSync(path.join(tmpdir(), 'vplan-startup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('the first build of a workspace validates every plan, opened or not', async () => {
    writeFileSync(path.join(dir, 'kommun.vplan'), KOMMUN_SV);
    // Never opened in the editor: its unresolved role must still reach the Problems view.
    writeFileSync(path.join(dir, 'plan.vplan'), 'plan p "P" {\n  år 2026\n  indikator i "I" {\n    grön >= 82\n    ansvarig handlagare\n  }\n}\n');
    const { shared } = createVplanServices(NodeFileSystem);
    shared.workspace.WorkspaceManager.initialize({ processId: null, rootUri: null, capabilities: {}, workspaceFolders: [{ uri: URI.file(dir).toString(), name: 'plans' }] });
    await shared.workspace.WorkspaceManager.initialized({});
    await shared.workspace.WorkspaceManager.ready;
    const plan = shared.workspace.LangiumDocuments.getDocument(URI.file(path.join(dir, 'plan.vplan')))!;
    expect(plan.state).toBe(DocumentState.Validated);
    expect(plan.diagnostics?.map(d => d.code)).toContain('unresolved-reference');
});
