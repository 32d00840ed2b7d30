import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Cancellation, EmptyFileSystem, URI } from 'langium';
import { describe, expect, test } from 'vitest';
import { createVplanServices, type Document } from '@vplan/language';
import { RENDER_PREVIEW_REQUEST, type RenderPreviewParams, type RenderPreviewResult } from '../src/protocol.js';
import { registerPreviewRequest } from '../src/server.js';
import { FIXTURES } from './load.js';

type Handler = (params: RenderPreviewParams, token: Cancellation.CancellationToken) => Promise<RenderPreviewResult | null>;

/** The language server's services with a connection that only records request handlers. */
function serverWith(files: Record<string, string>) {
    const handlers = new Map<string, Handler>();
    const connection = { onRequest: (name: string, handler: Handler) => handlers.set(name, handler) };
    const { shared } = createVplanServices({ connection: connection as never, ...EmptyFileSystem });
    registerPreviewRequest(shared);
    const docs = Object.entries(files).map(([uri, text]) => {
        const doc = shared.workspace.LangiumDocumentFactory.fromString<Document>(text, URI.parse(uri));
        shared.workspace.LangiumDocuments.addDocument(doc);
        return doc;
    });
    return { handler: handlers.get(RENDER_PREVIEW_REQUEST)!, build: () => shared.workspace.DocumentBuilder.build(docs) };
}

describe('vplan/renderPreview', () => {
    test('renders a document the server has built, in the language asked for', async () => {
        const server = serverWith({
            'file:///w/plan.vplan': readFileSync(path.join(FIXTURES, 'all/plan.vplan'), 'utf8'),
            'file:///w/shared.vplan': readFileSync(path.join(FIXTURES, 'all/shared.vplan'), 'utf8')
        });
        expect(server.handler).toBeTypeOf('function');
        // Asked before the build finished: the answer waits for the linked document.
        const answer = server.handler({ uri: 'file:///w/plan.vplan', lang: 'en', dashboard: true }, Cancellation.CancellationToken.None);
        await server.build();
        const result = (await answer)!;
        expect(result.errors).toEqual([]);
        expect(result.html).toContain('>Overview</h2>');
        expect(result.html).toContain('Demo kommun · Omsorg');
        expect(result.renderMs).toBeGreaterThanOrEqual(0);
        const sv = (await server.handler({ uri: 'file:///w/plan.vplan', lang: 'sv', dashboard: false }, Cancellation.CancellationToken.None))!;
        expect(sv.html).not.toContain('class="dashboard"');
        expect(sv.html).toContain('<dt data-line="30">Hämtas från</dt>');
    });

    test('says which lines have syntax errors and answers null for unknown documents', async () => {
        const server = serverWith({ 'file:///w/broken.vplan': 'plan p "P" {\n  år 2026\n  enhet "x" {\n}\n' });
        await server.build();
        const result = (await server.handler({ uri: 'file:///w/broken.vplan', lang: 'sv', dashboard: true }, Cancellation.CancellationToken.None))!;
        expect(result.errors.length).toBeGreaterThan(0);
        expect(result.errors[0].line).toBe(2);
        expect(await server.handler({ uri: 'file:///w/none.vplan', lang: 'sv', dashboard: true }, Cancellation.CancellationToken.None)).toBeNull();
    });
});
