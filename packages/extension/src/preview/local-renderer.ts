// The preview's fallback when the language server is not there (not started yet, crashed, or the
// extension was given no client): parse and render in the extension host with the batch services.
// Bundled on its own (out/preview-local.cjs) and loaded only when needed, so the extension's own
// bundle stays small and activation fast.
import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { createVplanCoreServices, type Document, type LanguagePreference } from '@vplan/language';
import { renderDocument } from '@vplan/preview';
import type { RenderPreviewResult } from '@vplan/preview/protocol';
import { syntaxErrorsOf } from '@vplan/preview/server';

export interface WorkspaceFile {
    uri: string;
    text: string;
}

export interface LocalRenderer {
    render(uri: string, text: string, version: number, options: { language: LanguagePreference; fallback: 'sv' | 'en'; dashboard: boolean }): Promise<RenderPreviewResult>;
    /** Another plan file changed (the shared catalogue, say): the next render links against it. */
    updateFile(file: WorkspaceFile): void;
}

/**
 * A renderer over its own small workspace: the other plan files are read once (for the goals, roles
 * and sources a plan refers to), the previewed document is parsed afresh from the editor's text.
 */
export function createLocalRenderer(readWorkspace: () => Promise<WorkspaceFile[]>): LocalRenderer {
    const services = createVplanCoreServices(EmptyFileSystem);
    const documents = services.shared.workspace.LangiumDocuments;
    const factory = services.shared.workspace.LangiumDocumentFactory;
    const builder = services.shared.workspace.DocumentBuilder;
    let loaded: Promise<void> | undefined;
    const stale = new Map<string, string>();

    const put = async (uri: string, text: string): Promise<LangiumDocument<Document>> => {
        const parsed = URI.parse(uri);
        if (documents.hasDocument(parsed)) documents.deleteDocument(parsed);
        const doc = factory.fromString<Document>(text, parsed);
        documents.addDocument(doc);
        await builder.build([doc], { validation: false });
        return doc;
    };

    const load = () => (loaded ??= (async () => {
        const files = await readWorkspace().catch(() => [] as WorkspaceFile[]);
        const docs = files.map(f => {
            const doc = factory.fromString<Document>(f.text, URI.parse(f.uri));
            documents.addDocument(doc);
            return doc;
        });
        await builder.build(docs, { validation: false });
    })());

    return {
        async render(uri, text, version, options) {
            await load();
            for (const [other, otherText] of stale) await put(other, otherText);
            stale.clear();
            const doc = await put(uri, text);
            const start = performance.now();
            const locale = services.Vplan.i18n.Locale;
            locale.lang = options.fallback;
            locale.preference = options.language;
            const lang = locale.langOf(doc);
            const html = renderDocument(doc, { lang, mode: 'fragment', dashboard: options.dashboard });
            return { html, version, errors: syntaxErrorsOf(doc), renderMs: performance.now() - start, lang };
        },
        updateFile(file) {
            stale.set(file.uri, file.text);
        }
    };
}
