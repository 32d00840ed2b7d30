// "Export Plan…" on the language server's side: the documents come back as their readers open them
// (the .docx unzipped and its XML read, the PDF's header), in the plan's language.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Cancellation, EmptyFileSystem, URI } from 'langium';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { createVplanServices, type Document } from '@vplan/language';
import { EXPORT_PLAN, type ExportPlanParams, type ExportPlanResult } from '../src/protocol.js';
import { exportPeriods, exportPlan, registerExportRequest } from '../src/server.js';
import { FIXTURES, REPO } from './load.js';

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

    test('a period of the plan: its follow-up report (Word, HTML); a follow-up file exports its own period; an unknown period is an error', async () => {
        const folder = path.join(REPO, 'examples/uppfoljning');
        const files = Object.fromEntries(['kommun', 'omsorg-2026', 'uppfoljning-t1', 'uppfoljning-t2']
            .map(f => [`file:///w/${f}.vplan`, readFileSync(path.join(folder, `${f}.vplan`), 'utf8')]));
        const server = await serverWith(files);
        const plan = server.docs[1];
        const docx = unzipSync(bytesOf(await server.ask({ uri: 'file:///w/omsorg-2026.vplan', format: 'docx', period: 'T1' })));
        const body = strFromU8(docx['word/document.xml']);
        expect(body).toContain('>Uppföljning T1</w:t>');
        expect(body).toContain('>Avvikelser</w:t>');
        expect(body).toContain('>Klar för rapport</w:t>');
        // Without a period: the adopted plan, as before.
        const whole = strFromU8(unzipSync(bytesOf(await server.ask({ uri: 'file:///w/omsorg-2026.vplan', format: 'docx' })))['word/document.xml']);
        expect(whole).not.toContain('>Avvikelser</w:t>');
        // The periods offered, named in the plan's language, with how far each follow-up is.
        expect(exportPeriods(plan, server.docs, 'sv')).toEqual({
            periods: [
                { name: 'T1', label: 'T1', state: 'ready', slug: 't1' },
                { name: 'T2', label: 'T2', state: 'draft', slug: 't2' },
                { name: 'annual', label: 'helår', state: 'none', slug: 'helar' }
            ],
            ownPlan: true, followUpPeriod: undefined, planUri: 'file:///w/omsorg-2026.vplan'
        });
        // From the T2 follow-up file: its plan's periods, its own period, the plan's file for the name.
        expect(exportPeriods(server.docs[3], server.docs, 'sv')).toMatchObject({ ownPlan: false, followUpPeriod: 'T2', planUri: 'file:///w/omsorg-2026.vplan' });
        const html = Buffer.from(bytesOf(await server.ask({ uri: 'file:///w/uppfoljning-t2.vplan', format: 'html', period: 'T2' }))).toString('utf8');
        expect(html).toContain('<h1 class="doc-title">Uppföljning T2</h1>');
        expect(html).toContain('data-ready="false">Utkast</p>');
        // A follow-up file has no adopted plan of its own to export.
        expect(await server.ask({ uri: 'file:///w/uppfoljning-t2.vplan', format: 'html' })).toEqual({ ok: false, error: 'no-plan' });
        expect(await server.ask({ uri: 'file:///w/omsorg-2026.vplan', format: 'html', period: 'T3' })).toMatchObject({ ok: false, error: 'failed' });
        expect(await server.ask({ uri: 'file:///w/omsorg-2026.vplan', format: 'html', period: 7 as never })).toMatchObject({ ok: false, error: 'failed' });
    });
});
