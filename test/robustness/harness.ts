// Runs everything an editor does on a keystroke (parse, link, validate, then the editor requests)
// and both renderers on one text, in a workspace that holds the examples' municipality files, and
// reports any exception, any error the services swallowed into a log, and the time it took.
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import type { Position } from 'vscode-languageserver-types';
import { createVplanServices, type Document } from '@vplan/language';
import { renderDocument, renderMarkdownDocument } from '@vplan/preview';
import { statusCountsOf } from '../../packages/language/src/lsp/status-request.js';

/** The repository: two levels above this file, or the working folder when bundled (bench/fuzz.mjs). */
export const REPO = [path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..'), process.cwd()]
    .find(dir => existsSync(path.join(dir, 'examples/norsjo'))) ?? process.cwd();

export const EXAMPLE_FILES = [
    'examples/norsjo/kommun.vplan',
    'examples/norsjo/omsorg-2026.vplan',
    'examples/norsjo/aktiviteter-2025.vplan',
    'examples/english/municipality.vplan',
    'examples/english/school-2026.vplan'
] as const;

/** The shared catalogues every example plan references; they stay in the workspace. */
export const CATALOGUES = ['examples/norsjo/kommun.vplan', 'examples/english/municipality.vplan'];

export function readExample(file: string): string {
    return readFileSync(path.join(REPO, file), 'utf8');
}

export type Services = ReturnType<typeof createVplanServices>;

/** Language-server services without a client, with the catalogues loaded. */
export async function createHarness(): Promise<Harness> {
    const services = createVplanServices(EmptyFileSystem);
    await services.shared.workspace.ConfigurationProvider.initialized({});
    const factory = services.shared.workspace.LangiumDocumentFactory;
    const catalogues = CATALOGUES.map(file => {
        const doc = factory.fromString(readExample(file), URI.parse(`file:///ws/${file}`));
        services.shared.workspace.LangiumDocuments.addDocument(doc);
        return doc;
    });
    await services.shared.workspace.DocumentBuilder.build(catalogues, { validation: true });
    return new Harness(services);
}

export interface CheckResult {
    /** Wall time of one keystroke: build, then what the editor asks at the cursor, and the preview. */
    ms: number;
    /** Wall time of everything, at every position. */
    totalMs: number;
    /** The slowest single step and its time. */
    slowest: { step: string; ms: number };
    diagnostics: number;
}

/** An input that broke something: the step, the error, and the text to save in the corpus. */
export class RobustnessFailure extends Error {
    constructor(readonly step: string, readonly error: unknown, readonly input: string) {
        super(`${step}: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    }
}

/** Messages Langium writes when it swallows an exception from a check or a scope. */
const SWALLOWED = /An error occurred|Error:|TypeError|RangeError|Maximum call stack/;

export class Harness {
    private counter = 0;

    constructor(readonly services: Services) {}

    /**
     * Opens the text as a new document of the workspace, builds it, asks for every editor service at
     * the given offsets (and a few fixed places), renders it, and closes it again. Throws a
     * RobustnessFailure naming the step when anything throws or logs an error.
     */
    async check(text: string, offsets: number[] = []): Promise<CheckResult> {
        const { shared, Vplan } = this.services;
        const uri = URI.parse(`file:///ws/fuzz/input-${++this.counter}.vplan`);
        const logged: string[] = [];
        const originalError = console.error;
        const originalWarn = console.warn;
        console.error = (...args: unknown[]) => { logged.push(args.map(String).join(' ')); };
        console.warn = console.error;
        let slowest = { step: '', ms: 0 };
        const start = performance.now();
        let step = 'build';
        const timed = async <T>(name: string, fn: () => T | Promise<T>): Promise<T> => {
            step = name;
            const t = performance.now();
            const result = await fn();
            const ms = performance.now() - t;
            if (ms > slowest.ms) slowest = { step: name, ms };
            return result;
        };
        let document: LangiumDocument<Document> | undefined;
        try {
            document = shared.workspace.LangiumDocumentFactory.fromString<Document>(text, uri);
            shared.workspace.LangiumDocuments.addDocument(document);
            const doc = document;
            await timed('build (parse, link, validate)', () => shared.workspace.DocumentBuilder.build([doc], { validation: true }));
            const diagnostics = doc.diagnostics ?? [];
            const swallowed = diagnostics.map(d => typeof d.message === 'string' ? d.message : d.message.value).find(m => SWALLOWED.test(m));
            if (swallowed) throw new Error(`a diagnostic hides an exception: ${swallowed}`);
            const textDocument = { uri: uri.toString() };
            const lines = doc.textDocument.lineCount;
            const end = doc.textDocument.positionAt(text.length);
            const positions: Position[] = [
                { line: 0, character: 0 }, end, { line: lines + 3, character: 5 },
                ...offsets.map(o => doc.textDocument.positionAt(Math.max(0, Math.min(text.length, o))))
            ];
            const lsp = Vplan.lsp;
            const range = { start: { line: 0, character: 0 }, end };
            // What the editor asks after an edit, at the cursor: this is the keystroke's latency.
            const cursor = offsets.length > 0 ? doc.textDocument.positionAt(Math.max(0, Math.min(text.length, offsets[0]))) : end;
            await timed('hover', () => lsp.HoverProvider?.getHoverContent(doc, { textDocument, position: cursor }));
            await timed('completion', () => lsp.CompletionProvider?.getCompletion(doc, { textDocument, position: cursor }));
            await timed('document symbols', () => lsp.DocumentSymbolProvider?.getSymbols(doc, { textDocument }));
            await timed('semantic tokens', () => lsp.SemanticTokenProvider?.semanticHighlight(doc, { textDocument }));
            await timed('folding', () => lsp.FoldingRangeProvider?.getFoldingRanges(doc, { textDocument }));
            await timed('inlay hints', () => lsp.InlayHintProvider?.getInlayHints(doc, { textDocument, range }));
            await timed('code actions', () => lsp.CodeActionProvider?.getCodeActions(doc, { textDocument, range, context: { diagnostics } }));
            await timed('status counts', () => statusCountsOf(doc, 'sv'));
            await timed('render fragment', () => renderDocument(doc, { lang: 'sv', mode: 'fragment' }));
            const keystrokeMs = performance.now() - start;
            // Everything else, at every position: coverage, not latency.
            for (const position of positions) {
                await timed('hover', () => lsp.HoverProvider?.getHoverContent(doc, { textDocument, position }));
                await timed('completion', () => lsp.CompletionProvider?.getCompletion(doc, { textDocument, position }));
                await timed('definition', () => lsp.DefinitionProvider?.getDefinition(doc, { textDocument, position }));
                await timed('references', () => lsp.ReferencesProvider?.findReferences(doc, { textDocument, position, context: { includeDeclaration: true } }));
                await timed('prepare rename', () => lsp.RenameProvider?.prepareRename(doc, { textDocument, position }));
            }
            const options = { tabSize: 2, insertSpaces: true };
            await timed('formatting', () => lsp.Formatter?.formatDocument(doc, { textDocument, options }));
            await timed('range formatting', () => lsp.Formatter?.formatDocumentRange(doc, {
                textDocument, options, range: { start: positions[positions.length - 1] ?? positions[0], end }
            }));
            await timed('render page', () => renderDocument(doc, { lang: 'en', mode: 'page', nonce: 'abc' }));
            await timed('render markdown', () => renderMarkdownDocument(doc, { lang: 'sv' }));
            if (logged.length > 0) throw new Error(`logged: ${logged[0]}`);
            return { ms: keystrokeMs, totalMs: performance.now() - start, slowest, diagnostics: diagnostics.length };
        } catch (err) {
            throw new RobustnessFailure(step, err, text);
        } finally {
            console.error = originalError;
            console.warn = originalWarn;
            if (document) {
                shared.workspace.LangiumDocuments.deleteDocument(uri);
                // Forget the document's exports and references, as closing an unsaved file does.
                shared.workspace.IndexManager.remove(uri);
            }
        }
    }
}
