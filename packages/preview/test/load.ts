import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { createVplanCoreServices, isPlan, type Document } from '@vplan/language';
import { loadWorkspace } from '@vplan/language/node';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const FIXTURES = path.join(REPO, 'packages/preview/test/fixtures');

/** Loads every plan under a folder into one workspace, as `vplan render` does. */
export async function loadFolder(folder: string): Promise<LangiumDocument<Document>[]> {
    const services = createVplanCoreServices(NodeFileSystem);
    const { documents } = await loadWorkspace(services, [folder], { validation: false });
    return documents as LangiumDocument<Document>[];
}

/** The documents of a folder that hold a plan. */
export async function loadPlans(folder: string): Promise<LangiumDocument<Document>[]> {
    return (await loadFolder(folder)).filter(d => d.parseResult.value.elements.some(isPlan));
}

/** Parses one text (with optional companion texts for cross-references) in a fresh workspace. */
export async function parseText(text: string, companions: string[] = []): Promise<LangiumDocument<Document>> {
    const services = createVplanCoreServices(EmptyFileSystem);
    const factory = services.shared.workspace.LangiumDocumentFactory;
    const docs = [text, ...companions].map((t, i) => {
        const doc = factory.fromString<Document>(t, URI.parse(`memory:///doc${i}.vplan`));
        services.shared.workspace.LangiumDocuments.addDocument(doc);
        return doc;
    });
    await services.shared.workspace.DocumentBuilder.build(docs, { validation: false });
    return docs[0];
}

/**
 * A parser that keeps one workspace (with the companions loaded once) and replaces the main
 * document on each call: cheap enough to parse hundreds of variants of a plan.
 */
export async function textParser(companions: string[] = []): Promise<(text: string) => Promise<LangiumDocument<Document>>> {
    const services = createVplanCoreServices(EmptyFileSystem);
    const { LangiumDocumentFactory: factory, LangiumDocuments: documents, DocumentBuilder: builder } = services.shared.workspace;
    const others = companions.map((t, i) => {
        const doc = factory.fromString<Document>(t, URI.parse(`memory:///companion${i}.vplan`));
        documents.addDocument(doc);
        return doc;
    });
    await builder.build(others, { validation: false });
    const uri = URI.parse('memory:///main.vplan');
    return async text => {
        if (documents.hasDocument(uri)) documents.deleteDocument(uri);
        const doc = factory.fromString<Document>(text, uri);
        documents.addDocument(doc);
        await builder.build([doc], { validation: false });
        return doc;
    };
}
