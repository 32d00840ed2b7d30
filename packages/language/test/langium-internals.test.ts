// Fails when a Langium upgrade changes the internals src/langium-internals.ts relies on.
import { AstUtils, EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { describe, expect, test } from 'vitest';
import { LLStarLookaheadStrategy } from 'chevrotain-allstar';
import type { CompositeCstNode, CstNode, RootCstNode } from 'langium';
import {
    forgetRange, linkedDescription, ownAstNode, parserLookaheadStrategy, replaceChildren, repointReference, setOwnAstNode, setRootText, shiftLeaf, withoutReferenceIndex
} from '../src/langium-internals.js';
import { createVplanCoreServices, isIndicator, isResponsible, type Indicator, type Role } from '../src/index.js';

async function workspace(files: Record<string, string>) {
    const services = createVplanCoreServices(EmptyFileSystem);
    const documents: LangiumDocument[] = Object.entries(files).map(([name, text]) => {
        const doc = services.shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse(`file:///internals/${name}`));
        services.shared.workspace.LangiumDocuments.addDocument(doc);
        return doc;
    });
    return { services, documents };
}

const PLAN = `plan p "P" { år 2025\n  enhet u "U" {\n    indikator i "I" { grön >= 1 ansvarig chef }\n  }\n}\n`;

function roleReference(document: LangiumDocument) {
    const indicator = AstUtils.streamAllContents(document.parseResult.value).find(isIndicator) as Indicator;
    return indicator.members.find(isResponsible)!.roles[0];
}

describe('Langium internals behind one adapter', () => {
    test('a linked reference keeps the description it was resolved from; repointing resolves anew', async () => {
        const { services, documents } = await workspace({ 'a.vplan': 'roll chef "Chef A"\n', 'b.vplan': 'roll chef2 "Chef B"\n', 'plan.vplan': PLAN });
        await services.shared.workspace.DocumentBuilder.build(documents);
        const reference = roleReference(documents[2]);
        expect((reference.ref as Role).title).toBe('Chef A');
        const description = linkedDescription(reference);
        expect(description?.name).toBe('chef');
        expect(description?.documentUri.toString()).toBe('file:///internals/a.vplan');
        // Point it at another role's description: the next access resolves that node.
        const other = services.shared.workspace.IndexManager.allElements('Role').find(d => d.name === 'chef2')!;
        repointReference(reference, other);
        expect(linkedDescription(reference)).toBe(other);
        expect((reference.ref as Role).title).toBe('Chef B');
    });

    test('a build without the reference index never updates it, and the index manager is restored', async () => {
        const { services, documents } = await workspace({ 'a.vplan': 'roll chef "Chef A"\n', 'plan.vplan': PLAN });
        const indexManager = services.shared.workspace.IndexManager;
        let calls = 0;
        const counting = async () => { calls++; };
        indexManager.updateReferences = counting;
        await withoutReferenceIndex(indexManager, () => services.shared.workspace.DocumentBuilder.build(documents));
        expect(calls).toBe(0);
        expect(indexManager.updateReferences).toBe(counting);
        // The same build with the index updates it once per document: what the adapter switched off.
        const again = await workspace({ 'a.vplan': 'roll chef "Chef A"\n', 'plan.vplan': PLAN });
        again.services.shared.workspace.IndexManager.updateReferences = counting;
        await again.services.shared.workspace.DocumentBuilder.build(again.documents);
        expect(calls).toBeGreaterThan(0);
    });

    test('a Langium parser\'s Chevrotain parser and its lookahead strategy can be reached', () => {
        const { Vplan } = createVplanCoreServices(EmptyFileSystem);
        // Langium's own completion parser: the strategy Langium gives it, ALL(*).
        expect(parserLookaheadStrategy(Vplan.parser.CompletionParser)).toBeInstanceOf(LLStarLookaheadStrategy);
        expect(parserLookaheadStrategy(Vplan.parser.LangiumParser)).toBeInstanceOf(LLStarLookaheadStrategy);
    });

    test('syntax tree splicing: leaves move, composite ranges are cached until forgotten, children and text replaced', () => {
        const { services } = createVplanCoreServicesForParse();
        const parsed = services.parser.LangiumParser.parse(PLAN);
        const root = parsed.value.$cstNode as RootCstNode;
        const indicator = AstUtils.streamAllContents(parsed.value).find(isIndicator)!;
        const cst = indicator.$cstNode as CompositeCstNode;
        const leaves = [...leavesOf(cst)];
        const last = leaves[leaves.length - 1];
        expect(last.text).toBe('}');
        const { offset, range } = last;
        // A composite's range is computed once from its leaves and then cached (Langium 4.4).
        const before = cst.range;
        expect(before.end).toEqual(range.end);
        shiftLeaf(last, 3, 1, 2, range.start.line);
        expect(last.offset).toBe(offset + 3);
        expect(last.end).toBe(offset + 3 + 1);
        expect(last.range).toEqual({ start: { line: range.start.line + 1, character: range.start.character + 2 }, end: { line: range.end.line + 1, character: range.end.character + 2 } });
        expect(cst.end).toBe(offset + 4);
        expect(cst.range).toBe(before);
        // Each composite caches its own: forgotten from the leaf's parent up to the indicator.
        for (let node = last.container; node && node !== cst.container; node = node.container) forgetRange(node);
        expect(cst.range.end).toEqual(last.range.end);
        // Columns move only on the given line.
        shiftLeaf(last, 0, 0, 5, range.start.line);
        expect(last.range.start.character).toBe(range.start.character + 2);
        // Children replaced: their container is the new parent.
        const inner = innermost(cst);
        const children = [...inner.content];
        replaceChildren(inner, children.slice(0, 2));
        expect(inner.content).toHaveLength(2);
        expect(inner.content.every(child => child.container === inner)).toBe(true);
        replaceChildren(inner, children);
        // The AST node a composite was built for.
        expect(ownAstNode(cst)).toBe(indicator);
        expect(cst.astNode).toBe(indicator);
        const other = { $type: 'Indicator' } as typeof indicator;
        setOwnAstNode(cst, other);
        expect(cst.astNode).toBe(other);
        expect(children[0].astNode).toBe(other);
        // The root's text: every node's text reads it.
        setRootText(root, PLAN.replace('plan p', 'plan q'));
        expect(root.fullText.startsWith('plan q')).toBe(true);
        expect(leavesOf(root).next().value?.text).toBe('plan');
    });

    test('a block parses alone with its rule as the entry; its CST root holds its leaves directly', () => {
        const { services } = createVplanCoreServicesForParse();
        const block = 'indikator i "I" { grön >= 1 ansvarig chef }';
        const parsed = services.parser.LangiumParser.parse(block, { rule: 'Indicator' });
        expect(parsed.parserErrors).toHaveLength(0);
        expect(parsed.value.$type).toBe('Indicator');
        const root = parsed.value.$cstNode as RootCstNode;
        expect(root.fullText).toBe(block);
        expect(root.content[0].text).toBe('indikator');
        expect(root.content[root.content.length - 1].text).toBe('}');
    });
});

function createVplanCoreServicesForParse() {
    const { Vplan } = createVplanCoreServices(EmptyFileSystem);
    return { services: Vplan };
}

function* leavesOf(node: CstNode): Generator<CstNode> {
    const content = (node as CompositeCstNode).content;
    if (!content) {
        yield node;
        return;
    }
    for (const child of content) yield* leavesOf(child);
}

function innermost(node: CompositeCstNode): CompositeCstNode {
    while (node.content.length === 1 && 'content' in node.content[0]) node = node.content[0] as CompositeCstNode;
    return node;
}
