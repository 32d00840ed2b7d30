// Fails when a Langium upgrade changes the internals src/langium-internals.ts relies on.
import { AstUtils, EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { describe, expect, test } from 'vitest';
import { LLStarLookaheadStrategy } from 'chevrotain-allstar';
import { linkedDescription, parserLookaheadStrategy, repointReference, withoutReferenceIndex } from '../src/langium-internals.js';
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
});
