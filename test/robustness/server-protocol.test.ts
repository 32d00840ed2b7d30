// The built language server (out/server.cjs) over stdio, as a client that does not follow the
// protocol meets it: malformed parameters, folder watch events, URIs that are no plan on disk. The
// server must stay up, answer each request (with a result or a proper error) and keep answering.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
    createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ProtocolConnection
} from 'vscode-languageserver-protocol/node';
import { ensureBuilt, ROOT } from '../../packages/cli/test/helpers.js';

const SERVER = path.join(ROOT, 'out/server.cjs');

const PLAN = (id: string, unit: string) => `plan ${id} "Plan ${id}" {
  organization lakeside education
  year 2026
  section "Units" {
    unit ${unit} "Unit ${unit}" {
      goal "Something"
    }
  }
}
`;

let server: ChildProcess;
let connection: ProtocolConnection;
let workspace: string;
let outside: string;
let stderr = '';
let exited: number | null | undefined;

function uri(file: string): string {
    return pathToFileURL(file).href;
}

/** The names of the workspace symbols matching `query`: which plans the server has loaded. */
async function symbols(query: string): Promise<string[]> {
    const found = await connection.sendRequest('workspace/symbol', { query }) as { name: string }[] | null;
    return (found ?? []).map(s => s.name).sort();
}

async function hoverWorks(): Promise<void> {
    const started = Date.now();
    const result = await connection.sendRequest('textDocument/hover', {
        textDocument: { uri: uri(path.join(workspace, 'a.vplan')) }, position: { line: 0, character: 6 }
    });
    expect(result).not.toBeUndefined();
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(exited).toBeUndefined();
}

/** A request that must not kill the server: its answer, or the error it got. */
async function answer(method: string, params: unknown): Promise<{ result?: unknown; error?: { code: number; message: string } }> {
    try {
        return { result: await connection.sendRequest(method, params) };
    } catch (err) {
        const e = err as { code: number; message: string };
        return { error: { code: e.code, message: e.message } };
    }
}

beforeAll(async () => {
    ensureBuilt();
    workspace = mkdtempSync(path.join(tmpdir(), 'vplan-server-ws-'));
    outside = mkdtempSync(path.join(tmpdir(), 'vplan-server-outside-'));
    writeFileSync(path.join(workspace, 'a.vplan'), PLAN('alpha', 'alphaUnit'));
    writeFileSync(path.join(outside, 'foreign.vplan'), PLAN('foreign', 'foreignUnit'));
    server = spawn(process.execPath, [SERVER, '--stdio'], { cwd: workspace, stdio: ['pipe', 'pipe', 'pipe'] });
    server.stderr!.on('data', chunk => { stderr += String(chunk); });
    server.on('exit', code => { exited = code; });
    connection = createProtocolConnection(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!));
    connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => null));
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onNotification('window/logMessage', (m: { message: string }) => { stderr += `log: ${m.message}\n`; });
    connection.listen();
    await connection.sendRequest('initialize', {
        processId: process.pid, rootUri: uri(workspace), workspaceFolders: [{ uri: uri(workspace), name: 'ws' }],
        capabilities: { workspace: { configuration: true, workspaceFolders: true, symbol: {} }, textDocument: { hover: {} } }
    });
    await connection.sendNotification('initialized', {});
    // The workspace is loaded once its plan answers find-references.
    await connection.sendRequest('textDocument/references', {
        textDocument: { uri: uri(path.join(workspace, 'a.vplan')) }, position: { line: 0, character: 6 }, context: { includeDeclaration: true }
    });
}, 240_000);

afterAll(() => {
    connection?.dispose();
    server?.kill();
});

describe('malformed parameters never kill the server', () => {
    test('didOpen / didChange / didClose with missing or null fields', async () => {
        const file = uri(path.join(workspace, 'broken.vplan'));
        const notifications: [string, unknown][] = [
            ['textDocument/didOpen', { textDocument: { uri: file, languageId: 'vplan', version: 1, text: null } }],
            ['textDocument/didOpen', { textDocument: { uri: uri(path.join(workspace, 'n.vplan')), languageId: 'vplan', version: 1, text: 42 } }],
            ['textDocument/didOpen', { textDocument: null }],
            ['textDocument/didOpen', null],
            ['textDocument/didOpen', { textDocument: { uri: null, languageId: 'vplan', version: 1, text: 'plan' } }],
            ['textDocument/didOpen', { textDocument: { uri: 'not a uri', languageId: 'vplan', version: 1, text: 'plan' } }],
            ['textDocument/didChange', { textDocument: { uri: file, version: 2 }, contentChanges: null }],
            ['textDocument/didChange', { textDocument: { uri: file, version: 3 }, contentChanges: [{ text: null }] }],
            ['textDocument/didChange', { textDocument: { uri: file, version: 4 }, contentChanges: [{ range: null, text: 'x' }] }],
            ['textDocument/didChange', {}],
            ['textDocument/didClose', { textDocument: null }],
            ['textDocument/didSave', null],
            ['workspace/didChangeWatchedFiles', { changes: null }],
            ['workspace/didChangeWatchedFiles', { changes: [{ uri: null, type: 1 }, { type: 2 }] }],
            ['workspace/didChangeConfiguration', null],
            ['workspace/didChangeWorkspaceFolders', { event: null }]
        ];
        for (const [method, params] of notifications) await connection.sendNotification(method, params);
        await hoverWorks();
        await new Promise(r => setTimeout(r, 500));
        expect(exited).toBeUndefined();
        expect(stderr).not.toMatch(/Unhandled|TypeError|ReferenceError/);
        await hoverWorks();
    }, 60_000);

    test('requests with malformed parameters get an answer or a proper error, never a dead server', async () => {
        const a = uri(path.join(workspace, 'a.vplan'));
        const requests: [string, unknown][] = [
            ['textDocument/hover', { textDocument: { uri: a }, position: null }],
            ['textDocument/hover', { textDocument: null, position: { line: 0, character: 0 } }],
            ['textDocument/hover', null],
            ['textDocument/completion', { textDocument: { uri: a }, position: { line: -1, character: 'x' } }],
            ['textDocument/definition', { textDocument: { uri: a } }],
            ['textDocument/references', { textDocument: { uri: a }, position: { line: 0, character: 6 } }],
            ['textDocument/rename', { textDocument: { uri: a }, position: { line: 0, character: 6 }, newName: null }],
            ['textDocument/documentSymbol', { textDocument: { uri: 42 } }],
            ['textDocument/formatting', { textDocument: { uri: a }, options: null }],
            ['textDocument/codeAction', { textDocument: { uri: a }, range: null, context: null }],
            ['textDocument/semanticTokens/full', {}],
            ['textDocument/foldingRange', null],
            ['textDocument/inlayHint', { textDocument: { uri: a }, range: null }],
            ['workspace/symbol', null],
            ['vplan/statusCounts', null],
            ['vplan/renderPreview', { uri: null }]
        ];
        for (const [method, params] of requests) {
            const { error } = await answer(method, params);
            if (error) {
                expect(typeof error.code, method).toBe('number');
                expect(error.message, method).not.toMatch(/^\s*at /m);
            }
            expect(exited, method).toBeUndefined();
        }
        await hoverWorks();
    }, 60_000);
});

describe('URIs that are no plan on disk get an empty answer', () => {
    test('references, rename and highlights on a missing .vplan file and on an http: URI', async () => {
        const position = { line: 0, character: 6 };
        for (const target of [uri(path.join(workspace, 'missing.vplan')), 'http://example.com/plan.vplan', 'untitled:Untitled-1']) {
            const references = await answer('textDocument/references', { textDocument: { uri: target }, position, context: { includeDeclaration: true } });
            expect(references, target).toEqual({ result: [] });
            const highlights = await answer('textDocument/documentHighlight', { textDocument: { uri: target }, position });
            expect(highlights, target).toEqual({ result: [] });
            const rename = await answer('textDocument/rename', { textDocument: { uri: target }, position, newName: 'beta' });
            expect(rename.error, target).toBeUndefined();
            expect(rename.result ?? null, target).toBeNull();
            const prepare = await answer('textDocument/prepareRename', { textDocument: { uri: target }, position });
            expect(prepare.result ?? null, target).toBeNull();
        }
        await hoverWorks();
    }, 60_000);
});

describe('folder watch events', () => {
    test('a folder outside the workspace (file:///, an empty URI, another folder) is ignored', async () => {
        await connection.sendNotification('workspace/didChangeWatchedFiles', {
            changes: [{ uri: 'file:///', type: 2 }, { uri: '', type: 1 }, { uri: uri(outside), type: 1 }, { uri: uri(path.join(outside, 'foreign.vplan')), type: 1 }]
        });
        await hoverWorks();
        expect(await symbols('foreign')).toEqual([]);
        expect(await symbols('alpha')).toContain('alpha');
    }, 60_000);

    test('a folder inside the workspace is rescanned, honouring .vplanignore', async () => {
        const sub = path.join(workspace, 'sub');
        mkdirSync(path.join(sub, 'drafts'), { recursive: true });
        writeFileSync(path.join(sub, 'b.vplan'), PLAN('bravo', 'bravoUnit'));
        writeFileSync(path.join(sub, 'drafts/c.vplan'), PLAN('charlie', 'charlieUnit'));
        writeFileSync(path.join(sub, '.vplanignore'), 'drafts/\n');
        // A .vplanignore above the folder counts too.
        mkdirSync(path.join(sub, 'old'));
        writeFileSync(path.join(sub, 'old/d.vplan'), PLAN('delta', 'deltaUnit'));
        writeFileSync(path.join(workspace, '.vplanignore'), 'sub/old/\n');
        await connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri(sub), type: 1 }] });
        const deadline = Date.now() + 20_000;
        while (!(await symbols('bravo')).includes('bravo') && Date.now() < deadline) await new Promise(r => setTimeout(r, 200));
        expect(await symbols('bravo')).toContain('bravo');
        expect(await symbols('charlie')).toEqual([]);
        expect(await symbols('delta')).toEqual([]);
        await hoverWorks();
    }, 60_000);
});
