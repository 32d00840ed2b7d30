// Drives two language servers with the same random edits — one re-parsing incrementally, one always
// parsing the whole document — and compares them after every edit. Used by incremental-parse.test.ts
// (fixed seed) and bench/fuzz-parse.ts (long run, fresh seed).
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { AstUtils, isAstNode, isMultiReference, isReference, URI, type AstNode, type CstNode, type LangiumDocument } from 'langium';
import { clearDocuments, setTextDocument } from 'langium/test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { VplanDocumentFactory } from '../../src/lsp/document-factory.js';
import { documentKeywordLanguage } from '../../src/lsp/keyword-language.js';
import type { VplanDocumentValidator } from '../../src/validation/document-validator.js';
import { generatePlan, sharedFile } from '../../../../bench/plan-generator.js';
import { createServices, type Services } from './fixtures.js';

// The repository: from this file, or (bundled by bench/fuzz.mjs into a temporary folder) the working directory.
const REPO = [path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..'), process.cwd()]
    .find(dir => existsSync(path.join(dir, 'examples', 'norsjo')))!;

interface Scenario {
    name: string;
    files: Record<string, string>;
    edited: string;
}

function example(folder: string, edited: string): Scenario {
    const dir = path.join(REPO, 'examples', folder);
    const names = { norsjo: ['kommun.vplan', 'omsorg-2026.vplan', 'aktiviteter-2025.vplan'], english: ['municipality.vplan', 'school-2026.vplan'], uppfoljning: ['kommun.vplan', 'omsorg-2026.vplan', 'uppfoljning-t1.vplan', 'uppfoljning-t2.vplan'] }[folder]!;
    return { name: `${folder}/${edited}`, edited, files: Object.fromEntries(names.map(name => [name, readFileSync(path.join(dir, name), 'utf8')])) };
}

function crlf(scenario: Scenario): Scenario {
    return { ...scenario, name: `${scenario.name} (CRLF)`, files: Object.fromEntries(Object.entries(scenario.files).map(([name, text]) => [name, text.replace(/\r?\n/g, '\r\n')])) };
}

export const SCENARIOS: Scenario[] = [
    example('norsjo', 'omsorg-2026.vplan'),
    example('norsjo', 'aktiviteter-2025.vplan'),
    example('english', 'school-2026.vplan'),
    example('uppfoljning', 'uppfoljning-t1.vplan'),
    example('uppfoljning', 'omsorg-2026.vplan'),
    // Written on Windows: every line ends in \r\n.
    crlf(example('english', 'school-2026.vplan')),
    { name: 'generated 12 KB', edited: 'plan.vplan', files: { 'kommun.vplan': sharedFile(), 'plan.vplan': generatePlan('gen', 12_000, 0, 7) } }
];

/** What is typed: words, numbers, members, line breaks — and the characters that span blocks. */
const TYPED = [
    '7', '42', ',5', ' 1 330', 'x', 'ab', ' ', '\n', '\n    ', '\r\n  ', '\r', 'utfall 2025: 81', 'grön >= 82', 'gul 74–81', 'ansvarig chef',
    'mäts årligen', 'status klar', 'senast 2026-06-30', 'källa kolada kpi "U1"', '"', '{', '}', '"""', '/*', '*/', '//', '\\',
    'indikator n1 "Ny" { grön >= 1 }', 'aktivitet "A" { status klar }', 'Grön', 'iu', '-', '—', '%'
];

type Edit =
    | { kind: 'type'; at: number; text: number }
    | { kind: 'backspace'; at: number; count: number }
    | { kind: 'delete'; at: number; length: number }
    | { kind: 'paste'; from: number; length: number; at: number }
    | { kind: 'digit'; at: number; digit: number }
    | { kind: 'title'; at: number; text: string }
    | { kind: 'revert' };

const fraction = fc.integer({ min: 0, max: 999_999 }).map(n => n / 1_000_000);

const editArbitrary: fc.Arbitrary<Edit> = fc.oneof(
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('type' as const), at: fraction, text: fc.nat(TYPED.length - 1) }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('backspace' as const), at: fraction, count: fc.integer({ min: 1, max: 6 }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fraction, length: fc.integer({ min: 1, max: 400 }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('paste' as const), from: fraction, length: fc.integer({ min: 1, max: 600 }), at: fraction }) },
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('digit' as const), at: fraction, digit: fc.nat(9) }) },
    // Typing in a title or a Markdown text, the commonest edit of all.
    { weight: 6, arbitrary: fc.record({ kind: fc.constant('title' as const), at: fraction, text: fc.constantFrom('ny', ' och', 'Åtgärd', ' 2026', 'ö', ' - x', 'Personalens kompetens', ' inom äldreomsorgen') }) },
    // The writer fixes what they broke: back to the last text without syntax errors.
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('revert' as const) }) }
);

/** The texts one edit goes through: typing and backspace give one text per character. */
function steps(text: string, edit: Edit, lastClean: string): string[] {
    const out: string[] = [];
    const at = (f: number) => Math.floor(f * (text.length + 1));
    switch (edit.kind) {
        case 'type': {
            let position = at(edit.at);
            for (const ch of TYPED[edit.text]) {
                text = text.slice(0, position) + ch + text.slice(position);
                position += ch.length;
                out.push(text);
            }
            break;
        }
        case 'backspace': {
            let position = at(edit.at);
            for (let i = 0; i < edit.count && position > 0; i++) {
                text = text.slice(0, position - 1) + text.slice(position);
                position--;
                out.push(text);
            }
            break;
        }
        case 'delete': {
            const start = at(edit.at);
            out.push(text.slice(0, start) + text.slice(start + edit.length));
            break;
        }
        case 'paste': {
            const from = at(edit.from);
            const slice = text.slice(from, from + edit.length);
            const to = at(edit.at);
            out.push(text.slice(0, to) + slice + text.slice(to));
            break;
        }
        case 'digit': {
            // The benchmark's edit: a digit of the text changes (typing over an outcome).
            const digits = [...text.matchAll(/\d/g)].map(m => m.index!);
            if (digits.length === 0) break;
            const position = digits[Math.floor(edit.at * digits.length)];
            out.push(text.slice(0, position) + String(edit.digit) + text.slice(position + 1));
            break;
        }
        case 'title': {
            const quotes = [...text.matchAll(/"[^"\n]+"/g)].map(m => m.index! + 1 + Math.floor((m[0].length - 2) / 2));
            if (quotes.length === 0) break;
            let position = quotes[Math.floor(edit.at * quotes.length)];
            for (const ch of edit.text) {
                text = text.slice(0, position) + ch + text.slice(position);
                position += ch.length;
                out.push(text);
            }
            break;
        }
        case 'revert':
            out.push(lastClean);
            break;
    }
    return out;
}

export interface EquivalenceReport {
    edits: number;
    incremental: number;
    full: number;
    runs: number;
}

/**
 * Runs `runs` random edit sequences of about `steps` edits each (typing counts once per character)
 * and throws on the first difference between the incremental and the full document.
 */
export async function runEditSequences(options: { seed: number; runs: number; steps: number; onRun?: (report: EquivalenceReport) => void }): Promise<EquivalenceReport> {
    const incremental = await createServices();
    const full = await createServices();
    const incFactory = incremental.shared.workspace.LangiumDocumentFactory as VplanDocumentFactory;
    const fullFactory = full.shared.workspace.LangiumDocumentFactory as VplanDocumentFactory;
    if (!(incFactory instanceof VplanDocumentFactory)) throw new Error('the language server does not use the incremental factory');
    incFactory.incremental = true;
    fullFactory.incremental = false;
    // The reference runs every check on every edit: no findings kept from before the edit.
    const reference = full.Vplan.validation.DocumentValidator as VplanDocumentValidator;
    if (reference.reuse) reference.reuse.enabled = false;
    for (const s of [incremental, full]) s.Vplan.i18n.Locale.lang = 'sv';
    const report: EquivalenceReport = { edits: 0, incremental: 0, full: 0, runs: 0 };
    let attempt = 0;
    await fc.assert(
        fc.asyncProperty(fc.array(editArbitrary, { minLength: options.steps, maxLength: options.steps }), fc.nat(), async (edits, hoverSeed) => {
            // Every scenario in turn, so a short run covers them all.
            const scenario = SCENARIOS[attempt++ % SCENARIOS.length];
            const uri = `file:///ws/${scenario.edited}`;
            for (const s of [incremental, full]) {
                await clearDocuments(s.shared);
                const documents = Object.entries(scenario.files).map(([name, text]) => {
                    const u = `file:///ws/${name}`;
                    setTextDocument(s.shared, TextDocument.create(u, 'vplan', 1, text));
                    const document = s.shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse(u));
                    s.shared.workspace.LangiumDocuments.addDocument(document);
                    return document;
                });
                await s.shared.workspace.DocumentBuilder.build(documents, { validation: true });
            }
            let text = scenario.files[scenario.edited];
            let lastClean = text;
            let version = 1;
            let random = hoverSeed;
            const before = { ...incFactory.counts };
            for (const [index, edit] of edits.entries()) {
                for (const next of steps(text, edit, lastClean)) {
                    if (next === text) continue;
                    // Keep the documents small enough for the comparison to stay fast.
                    if (next.length > 3 * scenario.files[scenario.edited].length) continue;
                    const previousText = text;
                    text = next;
                    version++;
                    for (const s of [incremental, full]) {
                        setTextDocument(s.shared, TextDocument.create(uri, 'vplan', version, text));
                        await s.shared.workspace.DocumentBuilder.update([URI.parse(uri)], []);
                    }
                    report.edits++;
                    const parsed = full.shared.workspace.LangiumDocuments.getDocument(URI.parse(uri))!.parseResult;
                    if (parsed.lexerErrors.length === 0 && parsed.parserErrors.length === 0) lastClean = text;
                    random = (random * 1103515245 + 12345) % 2147483648;
                    try {
                        await compare(incremental, full, uri, text, random);
                    } catch (error) {
                        const where = changedAt(previousText, text);
                        throw new Error(`${scenario.name}, edit ${index} (${JSON.stringify(edit)}), at offset ${where}: ` +
                            `${JSON.stringify(previousText.slice(Math.max(0, where - 60), where + 60))} → ${JSON.stringify(text.slice(Math.max(0, where - 60), where + 60))}\n${(error as Error).message}`);
                    }
                }
            }
            report.incremental += incFactory.counts.incremental - before.incremental;
            report.full += incFactory.counts.full - before.full;
            report.runs++;
            options.onRun?.(report);
        }),
        { seed: options.seed, numRuns: options.runs, endOnFailure: true }
    );
    return report;
}

/** Throws with the path of the first difference between two plain structures. */
function same(what: string, actual: unknown, expected: unknown): void {
    const difference = firstDifference(actual, expected, what);
    if (difference) throw new Error(`incremental ≠ full: ${difference}`);
}

function firstDifference(a: unknown, b: unknown, at: string): string | undefined {
    if (Object.is(a, b)) return undefined;
    if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) {
        return `${at}: ${JSON.stringify(a)?.slice(0, 300)} ≠ ${JSON.stringify(b)?.slice(0, 300)}`;
    }
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) {
        const found = firstDifference((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${at}.${key}`);
        if (found) return found;
    }
    return undefined;
}

function changedAt(a: string, b: string): number {
    let i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    return i;
}

async function compare(incremental: Services, full: Services, uri: string, text: string, seed: number): Promise<void> {
    const inc = incremental.shared.workspace.LangiumDocuments.getDocument(URI.parse(uri))!;
    const ref = full.shared.workspace.LangiumDocuments.getDocument(URI.parse(uri))!;
    same('text document', inc.textDocument.getText(), text);
    same('root text', inc.parseResult.value.$cstNode?.root.fullText, text);
    same('root $document', inc.parseResult.value.$document === inc, true);
    same('state', inc.state, ref.state);
    same('errors', errors(inc), errors(ref));
    same('ast', astShape(inc.parseResult.value, undefined), astShape(ref.parseResult.value, undefined));
    same('cst', cstShape(inc.parseResult.value.$cstNode!, new Set(AstUtils.streamAst(inc.parseResult.value))),
        cstShape(ref.parseResult.value.$cstNode!, new Set(AstUtils.streamAst(ref.parseResult.value))));
    same('keyword language', documentKeywordLanguage(inc), documentKeywordLanguage(ref));
    same('diagnostics', JSON.parse(JSON.stringify(inc.diagnostics ?? null)), JSON.parse(JSON.stringify(ref.diagnostics ?? null)));
    // Hovers at a few positions (a token's middle is where a user points).
    const lines = text.split('\n');
    for (let i = 0; i < 4; i++) {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        const line = seed % lines.length;
        const character = Math.floor(((seed >>> 8) % 997) / 997 * (lines[line].length + 1));
        const params = { textDocument: { uri }, position: { line, character } };
        const a = await incremental.Vplan.lsp.HoverProvider?.getHoverContent(inc, params);
        const b = await full.Vplan.lsp.HoverProvider?.getHoverContent(ref, params);
        same(`hover at ${line}:${character}`, JSON.parse(JSON.stringify(a ?? null)), JSON.parse(JSON.stringify(b ?? null)));
    }
}

function errors(document: LangiumDocument) {
    const { lexerErrors, parserErrors, lexerReport } = document.parseResult;
    return {
        lexer: lexerErrors.map(e => ({ ...e })),
        parser: parserErrors.map(e => ({ message: e.message, name: e.name, token: { image: e.token.image, startOffset: e.token.startOffset, endOffset: e.token.endOffset, startLine: e.token.startLine, startColumn: e.token.startColumn } })),
        report: lexerReport?.diagnostics.map(d => ({ ...d }))
    };
}

/** Every property of every AST node (back links as checks, references by text and target). */
function astShape(node: AstNode, container: AstNode | undefined): unknown {
    if (node.$container !== container) throw new Error(`${node.$type}: $container is not its parent`);
    const out: Record<string, unknown> = { $keys: Object.keys(node).sort() };
    for (const key of Object.keys(node).sort()) {
        if (key === '$container' || key === '$document' || key === '$cstNode') continue;
        out[key] = value((node as unknown as Record<string, unknown>)[key], node);
    }
    const cst = node.$cstNode;
    out.$cst = cst ? { offset: cst.offset, end: cst.end, ownsAst: cst.astNode === node } : null;
    return out;
}

function value(v: unknown, container: AstNode): unknown {
    if (Array.isArray(v)) return v.map(item => value(item, container));
    if (isAstNode(v)) return astShape(v, container);
    if (isReference(v)) {
        const target = v.ref;
        return { ref: v.$refText, at: v.$refNode?.offset, target: target ? [target.$type, target.$cstNode?.offset, target.$document?.uri.toString() ?? rootUri(target)] : v.error?.message };
    }
    if (isMultiReference(v)) return { multi: v.$refText, at: v.$refNode?.offset, items: v.items.map(item => [item.ref.$type, item.ref.$cstNode?.offset]) };
    return v;
}

function rootUri(node: AstNode): string | undefined {
    let root = node;
    while (root.$container) root = root.$container;
    return root.$document?.uri.toString();
}

const grammarIds = new WeakMap<object, number>();
let nextGrammarId = 0;

/** Grammar elements by identity (both servers load the one grammar of the module). */
function grammarId(element: object | undefined): number | null {
    if (!element) return null;
    let id = grammarIds.get(element);
    if (id === undefined) grammarIds.set(element, id = nextGrammarId++);
    return id;
}

/** Every CST node: kind, offset, length, end, range, text, grammar element, AST node, children. */
function cstShape(node: CstNode, tree: Set<AstNode>): unknown {
    const children = (node as { content?: CstNode[] }).content;
    const base = {
        offset: node.offset, length: node.length, end: node.end, range: node.range, text: node.text, hidden: node.hidden,
        grammar: grammarId(node.grammarSource), container: node.container ? node.container.offset : null
    };
    if (!children) return { ...base, token: (node as { tokenType?: { name: string } }).tokenType?.name };
    for (const child of children) if (child.container !== node) throw new Error('a CST node is not its container\'s child');
    const ast = node.astNode;
    // The AST node must be the one in the document's tree (not one the edit replaced).
    return { ...base, ast: [ast.$type, ast.$cstNode?.offset, ast.$cstNode?.end, tree.has(ast)], children: children.map(child => cstShape(child, tree)) };
}
