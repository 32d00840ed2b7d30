// "Export Plan…" on the language server's side: the documents come back as their readers open them
// (the .docx unzipped and its XML read, the PDF's header), in the plan's language.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Cancellation, EmptyFileSystem, URI } from 'langium';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { createVplanServices, type Document } from '@vplan/language';
import { EXPORT_PLAN, type ExportPlanParams, type ExportPlanResult } from '../src/protocol.js';
import { exportPlan, registerExportRequest } from '../src/server.js';
import { FIXTURES } from './load.js';

type Handler = (params: ExportPlanParams, token: Cancellation.CancellationToken) => Promise<ExportPlanResult>;

/** The language server's services with a connection that only records request handlers, its documents built. */
async function serverWith(files: Record<string, string>) {
    const handlers = new Map<string, Handler>();
    const connection = { onRequest: (name: string, handler: Handler) => handlers.set(name, handler) };
    const { shared, Vplan } = createVplanServices({ connection: connection as never, ...EmptyFileSystem });
    registerExportRequest(shared, d => Vplan.i18n.Locale.langOf(d));
    const docs = Object.entries(files).map(([uri, text]) => {
        const doc = shared.workspace.LangiumDocumentFactory.fromString<Document>(text, URI.parse(uri));
        shared.workspace.LangiumDocuments.addDocument(doc);
        return doc;
    });
    await shared.workspace.DocumentBuilder.build(docs);
    const handler = handlers.get(EXPORT_PLAN.method)!;
    return { docs, ask: (params: ExportPlanParams) => handler(params, Cancellation.CancellationToken.None) };
}

const PLAN = {
    'file:///w/plan.vplan': readFileSync(path.join(FIXTURES, 'all/plan.vplan'), 'utf8'),
    'file:///w/shared.vplan': readFileSync(path.join(FIXTURES, 'all/shared.vplan'), 'utf8')
};

function bytesOf(result: ExportPlanResult): Uint8Array {
    if (!result.ok) throw new Error(`export failed: ${result.error} ${result.message ?? ''}`);
    return new Uint8Array(Buffer.from(result.base64, 'base64'));
}

describe('vplan/export', () => {
    test('HTML is the report page of the plan, in the plan\'s language (Swedish keywords: Swedish)', async () => {
        const server = await serverWith(PLAN);
        const result = await server.ask({ uri: 'file:///w/plan.vplan', format: 'html' });
        expect(result.ok && result.lang).toBe('sv');
        const html = Buffer.from(bytesOf(result)).toString('utf8');
        expect(html).toMatch(/^<!DOCTYPE html>/i);
        expect(html).toContain('<html lang="sv"');
        expect(html).toContain('Verksamhetsplan Demo 2026');
        expect(html).toContain('Hämtas från');
    });

    test('Word unzips to a document that holds the plan', async () => {
        const server = await serverWith(PLAN);
        const parts = unzipSync(bytesOf(await server.ask({ uri: 'file:///w/plan.vplan', format: 'docx' })));
        const body = strFromU8(parts['word/document.xml']);
        expect(body).toContain('Verksamhetsplan Demo 2026');
        // In the plan's language: the contents heading is Swedish.
        expect(body).toContain('>Innehåll</w:t>');
    });

    test('an unknown document, a non-file URI, a file without a plan and a bad format answer an error, not bytes', async () => {
        const server = await serverWith(PLAN);
        expect(await server.ask({ uri: 'file:///w/none.vplan', format: 'html' })).toEqual({ ok: false, error: 'unknown-document' });
        expect(await server.ask({ uri: 'vscode-notebook-cell:/x#1', format: 'docx' })).toEqual({ ok: false, error: 'unknown-document' });
        expect(await server.ask({ uri: 'file:///w/shared.vplan', format: 'html' })).toEqual({ ok: false, error: 'no-plan' });
        const bad = await server.ask({ uri: 'file:///w/plan.vplan', format: 'odt' as never });
        expect(bad.ok).toBe(false);
        expect(await server.ask(undefined as never)).toMatchObject({ ok: false, error: 'failed' });
    });

    test('PDF without a browser says so; with one it is a PDF', async () => {
        const server = await serverWith(PLAN);
        const plan = server.docs[0];
        expect(await exportPlan(plan, 'pdf', 'sv', { VPLAN_CHROMIUM: '/nonexistent/chromium' }))
            .toMatchObject({ ok: false, error: 'browser-missing' });
        const pdf = bytesOf(await exportPlan(plan, 'pdf', 'sv', { VPLAN_CHROMIUM: '/usr/bin/chromium' }));
        expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    }, 120_000);
});
