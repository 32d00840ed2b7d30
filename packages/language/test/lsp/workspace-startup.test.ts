import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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

test('plans a folder\'s .vplanignore lists are not part of the workspace', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'vplan-ignore-'));
    try {
        writeFileSync(path.join(root, 'kommun.vplan'), KOMMUN_SV);
        // A test fixture repeating the catalogue: in the workspace, each of its ids would be a duplicate.
        mkdirSync(path.join(root, 'test', 'fixtures'), { recursive: true });
        writeFileSync(path.join(root, 'test', 'fixtures', 'kommun.vplan'), KOMMUN_SV);
        const start = async () => {
            const { shared } = createVplanServices(NodeFileSystem);
            shared.workspace.WorkspaceManager.initialize({ processId: null, rootUri: null, capabilities: {}, workspaceFolders: [{ uri: URI.file(root).toString(), name: 'plans' }] });
            await shared.workspace.WorkspaceManager.initialized({});
            await shared.workspace.WorkspaceManager.ready;
            const kommun = shared.workspace.LangiumDocuments.getDocument(URI.file(path.join(root, 'kommun.vplan')))!;
            return { paths: shared.workspace.LangiumDocuments.all.map(d => path.relative(root, d.uri.fsPath)).toArray().sort(), codes: kommun.diagnostics?.map(d => d.code) };
        };
        const without = await start();
        expect(without.paths).toEqual(['kommun.vplan', 'test/fixtures/kommun.vplan']);
        expect(without.codes).toContain('duplicate-id');
        writeFileSync(path.join(root, '.vplanignore'), '# test data\ntest/fixtures/\n');
        expect(await start()).toEqual({ paths: ['kommun.vplan'], codes: [] });
    } finally {
        rmSync(root, { recursive: true, force: true });
    }
});
