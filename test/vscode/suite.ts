// The extension-host suite for @vscode/test-electron: the same assertions as the code-server scenarios
// (test/e2e/), through VS Code's API instead of the UI. Bundled by run.ts and loaded by VS Code, which
// calls run(). Each check waits for the language server, never for a fixed time.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { expectedStatus } from '../e2e/expected.js';

const OMSORG = 'norsjo/omsorg-2026.vplan';
const KOMMUN = 'norsjo/kommun.vplan';
const AKTIVITETER = 'norsjo/aktiviteter-2025.vplan';
const TIMEOUT_MS = 60_000;

type Check = { name: string; body: () => Promise<void> };
const checks: Check[] = [];
const check = (name: string, body: () => Promise<void>) => checks.push({ name, body });

function folder(): vscode.Uri {
    const root = vscode.workspace.workspaceFolders?.[0]?.uri;
    if (!root) throw new Error('the suite must run with a copy of examples/ as its workspace folder');
    return root;
}
const uriOf = (relative: string) => vscode.Uri.joinPath(folder(), ...relative.split('/'));

async function open(relative: string): Promise<vscode.TextDocument> {
    const document = await vscode.workspace.openTextDocument(uriOf(relative));
    await vscode.window.showTextDocument(document);
    return document;
}

/** Polls until `probe` returns a value (not undefined), or fails with `what`. */
async function eventually<T>(what: string, probe: () => Promise<T | undefined> | T | undefined): Promise<T> {
    const deadline = Date.now() + TIMEOUT_MS;
    let lastError: unknown;
    while (Date.now() < deadline) {
        try {
            const value = await probe();
            if (value !== undefined) return value;
        } catch (err) {
            lastError = err;
        }
        await new Promise(r => setTimeout(r, 250));
    }
    throw new Error(`timed out waiting for ${what}${lastError ? `: ${String(lastError)}` : ''}`);
}

function lineOf(document: vscode.TextDocument, pattern: RegExp): number {
    for (let i = 0; i < document.lineCount; i++) if (pattern.test(document.lineAt(i).text)) return i;
    throw new Error(`no line of ${document.uri.path} matches ${pattern}`);
}

const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code ?? ''));

check('diagnostics of the examples by code and line', async () => {
    const document = await open(OMSORG);
    const outcome = lineOf(document, /utfall 2025: 7,06/);
    const gap = lineOf(document, /gul 7,1–7,5/);
    const diagnostics = await eventually('outcome-in-gap', () => {
        const all = vscode.languages.getDiagnostics(document.uri);
        return all.some(d => codeOf(d) === 'outcome-in-gap' && d.range.start.line === outcome) ? all : undefined;
    });
    const inGap = diagnostics.find(d => codeOf(d) === 'outcome-in-gap' && d.range.start.line === outcome)!;
    assert.equal(inGap.severity, vscode.DiagnosticSeverity.Error);
    const bandGap = diagnostics.find(d => codeOf(d) === 'band-gap' && d.range.start.line === gap);
    assert.ok(bandGap, 'band-gap at the yellow band');
    assert.equal(bandGap.severity, vscode.DiagnosticSeverity.Warning);
});

check('hover on an indicator shows its status', async () => {
    const expected = await expectedStatus(folder().fsPath, OMSORG);
    const red = expected.indicators.find(i => i.status === 'red');
    assert.ok(red, 'the example has a red indicator');
    const document = await open(OMSORG);
    const position = new vscode.Position(red.line, document.lineAt(red.line).text.indexOf(red.name) + 1);
    const text = await eventually('a hover with the status', async () => {
        const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
        const all = hovers.flatMap(h => h.contents.map(c => (typeof c === 'string' ? c : c.value))).join('\n');
        return all.includes('Latest status') ? all : undefined;
    });
    assert.match(text, /Latest status: \S+ red/);
});

check('completion after "ansvarig " offers the declared roles', async () => {
    const document = await open(AKTIVITETER);
    const line = lineOf(document, /^\s+ansvarig \w+/);
    const indent = /^\s*/.exec(document.lineAt(line).text)![0];
    const edit = new vscode.WorkspaceEdit();
    edit.insert(document.uri, new vscode.Position(line + 1, 0), `${indent}ansvarig \n`);
    assert.ok(await vscode.workspace.applyEdit(edit));
    const position = new vscode.Position(line + 1, indent.length + 'ansvarig '.length);
    const labels = await eventually('role completions', async () => {
        const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position);
        const names = list.items.map(i => (typeof i.label === 'string' ? i.label : i.label.label));
        return names.includes('verksamhetschef') ? names : undefined;
    });
    for (const role of ['handlaggare', 'enhetschefHemtjanst']) assert.ok(labels.includes(role), role);
    assert.ok(!labels.includes('indikator'), 'no keywords after ansvarig');
    await vscode.commands.executeCommand('workbench.action.files.revert');
});

check('a quick fix applies and its diagnostic disappears', async () => {
    const document = await open(AKTIVITETER);
    const line = lineOf(document, /bidrar till valfard "Välfärd och välbefinnande genom livet"/);
    const diagnostic = await eventually('goal-title-mismatch', () =>
        vscode.languages.getDiagnostics(document.uri).find(d => codeOf(d) === 'goal-title-mismatch' && d.range.start.line === line));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, diagnostic.range,
        vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find(a => a.title.includes('Välfärd och välmående genom livet'));
    assert.ok(fix?.edit, `a quick fix using the goal's title among: ${actions.map(a => a.title).join(', ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.match(document.lineAt(line).text, /bidrar till valfard "Välfärd och välmående genom livet"/);
    await eventually('the diagnostic to disappear', () =>
        vscode.languages.getDiagnostics(document.uri).some(d => codeOf(d) === 'goal-title-mismatch' && d.range.start.line === line) ? undefined : true);
    await vscode.commands.executeCommand('workbench.action.files.revert');
});

check('renaming a role updates its declaration and the references in other files', async () => {
    const kommun = await open(KOMMUN);
    const line = lineOf(kommun, /^roll handlaggare\b/);
    const position = new vscode.Position(line, 'roll '.length + 1);
    const edit = await eventually('a rename edit across files', async () => {
        const result = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', kommun.uri, position,
            'handlaggareOmsorg');
        return result && result.entries().some(([uri]) => uri.path.endsWith(AKTIVITETER)) ? result : undefined;
    });
    const byFile = new Map(edit.entries().map(([uri, edits]) => [uri.path.split('/').pop(), edits]));
    assert.equal(byFile.get('kommun.vplan')?.length, 1);
    const aktiviteter = await vscode.workspace.openTextDocument(uriOf(AKTIVITETER));
    const uses = aktiviteter.getText().match(/\bhandlaggare\b/g)?.length ?? 0;
    assert.equal(byFile.get('aktiviteter-2025.vplan')?.length, uses);
    for (const edits of byFile.values()) for (const e of edits) assert.equal(e.newText, 'handlaggareOmsorg');
});

/** Called by VS Code's test host. Throws when any check failed, so the run exits non-zero. */
export async function run(): Promise<void> {
    const extension = vscode.extensions.getExtension('vplan.vplan');
    assert.ok(extension, 'the vplan extension is loaded');
    let passed = 0;
    let failed = 0;
    for (const { name, body } of checks) {
        try {
            await body();
            passed++;
            console.log(`  ✓ ${name}`);
        } catch (err) {
            failed++;
            console.log(`  ✗ ${name}\n    ${String((err as Error).stack ?? err).replace(/\n/g, '\n    ')}`);
        }
    }
    console.log(`${passed} passed, ${failed} failed`);
    if (failed > 0) throw new Error(`${failed} of ${checks.length} checks failed`);
}
