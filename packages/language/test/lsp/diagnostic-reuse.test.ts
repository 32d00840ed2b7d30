// The language server keeps the findings of unchanged blocks across edits (validation/diagnostic-reuse.ts).
// What makes that safe: at every step of random edit sequences over the examples and generated plans,
// the edited document's diagnostics (and what each of its references resolves to) equal a fresh full
// build's, property for property. VPLAN_FUZZ_RUNS and VPLAN_FUZZ_SEED run it longer on another seed
// (docs/performance.md records such a run).
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { DocumentState, URI, type LangiumDocument, type Reference } from 'langium';
import { setTextDocument } from 'langium/test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { DiagnosticReuse } from '../../src/validation/diagnostic-reuse.js';
import type { VplanDocumentValidator } from '../../src/validation/index.js';
import { generatePlan, sharedFile } from '../../../../bench/plan-generator.js';
import { createServices, type Services } from './fixtures.js';

const ROOT = path.resolve(__dirname, '../../../..');
const RUNS = Number(process.env.VPLAN_FUZZ_RUNS ?? 10);
const SEED = Number(process.env.VPLAN_FUZZ_SEED ?? 20261203);
// VPLAN_FUZZ_PATH (with the seed) replays one failing case, as fast-check prints it.

/** A workspace: its files, and the one the edits go to. */
interface Corpus { name: string; files: Record<string, string>; edited: string }

function folder(dir: string, edited: string): Corpus {
    const files: Record<string, string> = {};
    for (const f of readdirSync(path.join(ROOT, dir)).filter(f => f.endsWith('.vplan'))) files[f] = readFileSync(path.join(ROOT, dir, f), 'utf8');
    return { name: dir, files, edited };
}

const CORPORA: Corpus[] = [
    folder('examples/norsjo', 'omsorg-2026.vplan'),
    folder('examples/english', 'school-2026.vplan'),
    folder('examples/uppfoljning', 'omsorg-2026.vplan'),
    { name: 'generated 24 KB', files: { 'kommun.vplan': sharedFile(), 'plan.vplan': generatePlan('plan', 24 * 1024) }, edited: 'plan.vplan' }
];

/** Text typed, pasted or deleted: valid and broken, keywords of both languages, lines that move blocks. */
const SNIPPETS = [
    '1', '7', 'x', ' ', '\n', '\n\n', '{', '}', '"', '//', 'utfall 2025: 90\n', 'utfall 2031: 3\n', 'ansvarig roll3\n',
    'rapporterar handlaggare\n', 'mäts månadsvis\n', 'senast 2026-02-30\n', 'senast 2025-10-31\n', 'grön 50 eller högre\n',
    'bidrar till valfard "Fel titel"\n', 'källa kolada kpi "n12345"\n', 'källa kolada kpi "U23001"\n', 'gul 60–81\n', 'år 2025\n', 'uppföljning T1, helår\n',
    'indikator ny "Ny" {\n  grön 90 eller högre\n  gul 80–89\n}\n', 'aktivitet "Ny aktivitet" {\n  senast 2026-05-01\n}\n'
];

type Edit =
    | { kind: 'insert'; at: number; snippet: number }
    | { kind: 'delete'; at: number; length: number }
    | { kind: 'paste'; from: number; length: number; at: number }
    | { kind: 'digit'; at: number };

const edit: fc.Arbitrary<Edit> = fc.oneof(
    fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), snippet: fc.nat(SNIPPETS.length - 1) }),
    fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 60 }) }),
    fc.record({ kind: fc.constant('paste' as const), from: fc.nat(), length: fc.integer({ min: 1, max: 800 }), at: fc.nat() }),
    // The keystroke of the benchmarks: one digit of a number, the plan stays valid.
    { arbitrary: fc.record({ kind: fc.constant('digit' as const), at: fc.nat() }), weight: 3 }
);

function apply(text: string, e: Edit): string {
    const n = text.length;
    switch (e.kind) {
        case 'insert': { const at = e.at % (n + 1); return text.slice(0, at) + SNIPPETS[e.snippet] + text.slice(at); }
        case 'delete': { const at = e.at % (n + 1); return text.slice(0, at) + text.slice(at + e.length); }
        case 'paste': {
            const from = e.from % (n + 1);
            const at = e.at % (n + 1);
            return text.slice(0, at) + text.slice(from, from + e.length) + text.slice(at);
        }
        case 'digit': {
            const digits = [...text.matchAll(/\d/g)].map(m => m.index!);
            if (digits.length === 0) return text;
            const at = digits[e.at % digits.length];
            return text.slice(0, at) + String((Number(text[at]) + 1) % 10) + text.slice(at + 1);
        }
    }
}

/** What every reference of a document resolves to: its text, and the target's document and path (or nothing). */
function links(services: Services, document: LangiumDocument): string[] {
    const locator = services.Vplan.workspace.AstNodeLocator;
    return (document.references as Reference[]).map(ref => {
        const target = ref.ref;
        const where = ref.$refNode ? `${ref.$refNode.offset}` : '?';
        if (!target) return `${where} ${ref.$refText} -> (unresolved)`;
        const root = target.$cstNode?.root.astNode as { $document?: LangiumDocument } | undefined;
        return `${where} ${ref.$refText} -> ${root?.$document?.uri.toString()}#${locator.getAstNodePath(target)}`;
    });
}

/** The language server's services with every file open in an editor, as a user has them. */
async function editor(files: Record<string, string>) {
    const services = await createServices();
    const documents: LangiumDocument[] = [];
    for (const [name, text] of Object.entries(files)) {
        const uri = `file:///ws/${name}`;
        setTextDocument(services.shared, TextDocument.create(uri, 'vplan', 1, text));
        const document = services.shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse(uri));
        services.shared.workspace.LangiumDocuments.addDocument(document);
        documents.push(document);
    }
    await services.shared.workspace.DocumentBuilder.build(documents, { validation: true });
    return services;
}

/** A fresh full build of the files as they are now, with nothing kept from before. */
async function fresh(services: Services, files: Record<string, string>): Promise<Map<string, LangiumDocument>> {
    const documents = services.shared.workspace.LangiumDocuments;
    const built = new Map<string, LangiumDocument>();
    for (const [name, text] of Object.entries(files)) {
        const uri = URI.parse(`file:///ws/${name}`);
        if (documents.hasDocument(uri)) documents.deleteDocument(uri);
        setTextDocument(services.shared, TextDocument.create(uri.toString(), 'vplan', 1, text));
        const document = services.shared.workspace.LangiumDocumentFactory.fromString(text, uri);
        documents.addDocument(document);
        built.set(name, document);
    }
    await services.shared.workspace.DocumentBuilder.build([...built.values()], { validation: true });
    return built;
}

const reuseOf = (services: Services) => (services.Vplan.validation.DocumentValidator as VplanDocumentValidator).reuse!;

describe('findings of unchanged blocks, kept across edits', () => {
    test('at every step of random edit sequences, the diagnostics and links equal a fresh full build\'s', async () => {
        let steps = 0;
        let reusedSteps = 0;
        let reusedBlocks = 0;
        let blocks = 0;
        // Most edits go to one plan; some to another file of the workspace (the shared file of goals and roles).
        const target = fc.oneof({ arbitrary: fc.constant(-1), weight: 4 }, fc.nat());
        await fc.assert(fc.asyncProperty(fc.nat(CORPORA.length - 1), fc.array(fc.tuple(target, edit), { minLength: 4, maxLength: 12 }), async (c, edits) => {
            const corpus = CORPORA[c];
            const names = Object.keys(corpus.files);
            const files = { ...corpus.files };
            const incremental = await editor(files);
            const full = await editor(files);
            reuseOf(full).enabled = false;
            let version = 1;
            for (const [t, e] of edits) {
                const name = t < 0 ? corpus.edited : names[t % names.length];
                const next = apply(files[name], e);
                if (next === files[name]) continue;
                files[name] = next;
                const uri = `file:///ws/${name}`;
                setTextDocument(incremental.shared, TextDocument.create(uri, 'vplan', ++version, next));
                await incremental.shared.workspace.DocumentBuilder.update([URI.parse(uri)], []);
                const reference = await fresh(full, files);
                for (const [n, expected] of reference) {
                    const document = incremental.shared.workspace.LangiumDocuments.getDocument(URI.parse(`file:///ws/${n}`))!;
                    expect(document.state, n).toBe(DocumentState.Validated);
                    expect(document.diagnostics, n).toStrictEqual(expected.diagnostics);
                    expect(links(incremental, document), n).toEqual(links(full, expected));
                }
                const stats = reuseOf(incremental).last.get(uri);
                steps++;
                if (stats && stats.reused > 0) reusedSteps++;
                reusedBlocks += stats?.reused ?? 0;
                blocks += stats?.blocks ?? 0;
            }
        }), { numRuns: RUNS, seed: SEED, ...(process.env.VPLAN_FUZZ_PATH ? { path: process.env.VPLAN_FUZZ_PATH, endOnFailure: true } : {}) });
        // The comparison above would pass if nothing were ever reused: the reuse path must be taken.
        console.log(`diagnostic reuse: ${steps} edits, ${reusedSteps} of them reused findings (${reusedBlocks} of ${blocks} blocks)`);
        if (!process.env.VPLAN_FUZZ_PATH) {
            expect(reusedSteps / steps).toBeGreaterThan(0.3);
            expect(reusedBlocks / blocks).toBeGreaterThan(0.2);
        }
    }, Math.max(300_000, RUNS * 40_000));

    test('a block whose text is unchanged but whose plan year changed is checked again', async () => {
        const files = { 'kommun.vplan': sharedFile(), 'plan.vplan': generatePlan('plan', 6 * 1024) };
        const services = await editor(files);
        const uri = 'file:///ws/plan.vplan';
        const text = files['plan.vplan'].replace('år 2026', 'år 2027');
        setTextDocument(services.shared, TextDocument.create(uri, 'vplan', 2, text));
        await services.shared.workspace.DocumentBuilder.update([URI.parse(uri)], []);
        const document = services.shared.workspace.LangiumDocuments.getDocument(URI.parse(uri))!;
        // Every deadline (2026-10-31) is now outside the plan's year.
        expect(document.diagnostics!.filter(d => d.code === 'deadline-outside-plan').length).toBeGreaterThan(0);
        expect(reuseOf(services).last.get(uri)?.reused).toBe(0);
    });

    test('a digit edit reuses every other block, and the findings move with inserted lines', async () => {
        const files = { 'kommun.vplan': sharedFile(), 'plan.vplan': generatePlan('plan', 12 * 1024).replace(/senast 2026-10-31/, 'senast 2026-13-31') };
        const services = await editor(files);
        const reuse: DiagnosticReuse = reuseOf(services);
        const uri = 'file:///ws/plan.vplan';
        const before = services.shared.workspace.LangiumDocuments.getDocument(URI.parse(uri))!.diagnostics!.find(d => d.code === 'deadline-outside-plan')!;
        const text = files['plan.vplan'].replace('  år 2026\n', '  år 2026\n\n\n');
        setTextDocument(services.shared, TextDocument.create(uri, 'vplan', 2, text));
        await services.shared.workspace.DocumentBuilder.update([URI.parse(uri)], []);
        const stats = reuse.last.get(uri)!;
        expect(stats.reused).toBe(stats.blocks);
        const after = services.shared.workspace.LangiumDocuments.getDocument(URI.parse(uri))!.diagnostics!.find(d => d.code === 'deadline-outside-plan')!;
        expect(after.range.start.line).toBe(before.range.start.line + 2);
        expect(after.range.start.character).toBe(before.range.start.character);
    });

    test('a role declared again in a plan makes the shared file\'s role a duplicate at once, and removing it clears that', async () => {
        const plan = generatePlan('plan', 4 * 1024);
        const services = await editor({ 'kommun.vplan': sharedFile(), 'plan.vplan': plan });
        const shared = () => services.shared.workspace.LangiumDocuments.getDocument(URI.parse('file:///ws/kommun.vplan'))!;
        const duplicates = () => shared().diagnostics!.filter(d => d.code === 'duplicate-id').map(d => d.message);
        expect(duplicates()).toEqual([]);
        const type = async (text: string, version: number) => {
            setTextDocument(services.shared, TextDocument.create('file:///ws/plan.vplan', 'vplan', version, text));
            await services.shared.workspace.DocumentBuilder.update([URI.parse('file:///ws/plan.vplan')], []);
        };
        // The plan does not reference the shared file's role roll5 by this declaration: Langium alone would not revisit the shared file.
        await type(`roll roll5 "Samma id"\n${plan}`, 2);
        expect(duplicates()).toEqual([expect.stringContaining('roll5')]);
        expect(duplicates()[0]).toContain('plan.vplan:1');
        // Two lines above it: the shared file's finding names the new line.
        await type(`\n\nroll roll5 "Samma id"\n${plan}`, 3);
        expect(duplicates()[0]).toContain('plan.vplan:3');
        await type(plan, 4);
        expect(duplicates()).toEqual([]);
    });
});
