// The language server's side of "Fetch outcomes from Kolada": it runs in the server because the
// server has the parsed, linked plan; the request is async (fetch never blocks the event loop), so
// hover, completion and validation go on while Kolada answers. The KPI cache is refreshed on the way.
import { DocumentState, URI, type LangiumDocument } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { Document, Lang, VplanServices } from '@vplan/language';
import { KoladaClient, koladaBaseUrl } from '../kolada/client.js';
import { KoladaError } from '../kolada/errors.js';
import { kpiCacheDir, refreshKpiCache } from '../kolada/kpi-cache.js';
import { pullFromKolada } from '../kolada/pull.js';
import type { KoladaPlanTarget } from '../kolada/targets.js';
import { positionAt } from '../outcomes/text-edits.js';
import { KOLADA_PULL_REQUEST, type KoladaPullParams, type KoladaPullResult } from './kolada-protocol.js';

const T = {
    notFound: { sv: 'Planen är inte inläst i språkservern.', en: 'The plan is not loaded in the language server.' },
    syntax: { sv: 'Planen har syntaxfel; rätta dem först.', en: 'The plan has syntax errors; correct them first.' },
    noKoladaId: {
        sv: (plan: string) => `Planen ${plan}: organisationen saknar Kolada-id (skriv kolada <id> i organisationen).`,
        en: (plan: string) => `Plan ${plan}: its organisation has no Kolada id (write kolada <id> in the organisation).`
    },
    noRows: { sv: (kpi: string) => `Kolada har inga uppgifter för ${kpi}.`, en: (kpi: string) => `Kolada has no figures for ${kpi}.` },
    series: { sv: (n: string) => `${n} har serier; Koladas totaler skrivs inte in.`, en: (n: string) => `${n} has series; Kolada's totals are not written in.` },
    kpiFormat: { sv: (k: string) => `"${k}" är inget KPI-id i Kolada.`, en: (k: string) => `"${k}" is not a Kolada KPI id.` },
    rankWithoutGroup: {
        sv: (n: string, g: string) => `${n} har rangband, men jämförelsegruppen ${g} anger ingen grupp i Kolada (skriv kolada "G…" i gruppen).`,
        en: (n: string, g: string) => `${n} has rank bands, but the comparison group ${g} names no Kolada group (write kolada "G…" in the group).`
    },
    rankWithoutDirection: {
        sv: (n: string, g: string) => `${n}: rangen bland ${g} kräver att man vet vilket värde som är bäst (skriv riktning högre eller lägre).`,
        en: (n: string, g: string) => `${n}: ranking among ${g} needs to know which value is better (write direction higher or lower).`
    },
    unknownGroup: {
        sv: (id: string, g: string) => `Kolada har ingen kommungrupp ${id} (jämförelsegruppen ${g}).`,
        en: (id: string, g: string) => `Kolada has no municipality group ${id} (comparison group ${g}).`
    }
};

function skipNote(s: KoladaPlanTarget['skipped'][number], lang: Lang): string {
    switch (s.reason) {
        case 'series': return T.series[lang](s.indicator.name);
        case 'rank-without-group': return T.rankWithoutGroup[lang](s.indicator.name, s.group ?? '?');
        case 'rank-without-direction': return T.rankWithoutDirection[lang](s.indicator.name, s.group ?? '?');
        default: return T.kpiFormat[lang](s.kpi);
    }
}

export async function koladaPullFor(document: LangiumDocument<Document>, apiUrl: string | undefined, lang: Lang, signal?: AbortSignal): Promise<KoladaPullResult> {
    const parse = document.parseResult;
    if (parse.lexerErrors.length > 0 || parse.parserErrors.length > 0) return { ok: false, reason: 'syntax', message: T.syntax[lang] };
    const version = document.textDocument.version;
    const text = document.textDocument.getText();
    let client: KoladaClient;
    try {
        client = new KoladaClient({ baseUrl: koladaBaseUrl(apiUrl), signal });
        const pull = await pullFromKolada([document], client);
        const notes: string[] = [];
        let asked = 0;
        for (const t of pull.targets) {
            if (!t.municipality && t.indicators.length > 0) notes.push(T.noKoladaId[lang](t.plan.name));
            for (const s of t.skipped) notes.push(skipNote(s, lang));
            if (t.municipality) asked += t.indicators.length;
        }
        for (const u of pull.unknownGroups) notes.push(T.unknownGroup[lang](u.group, u.indicator.rank?.title ?? u.group));
        for (const w of pull.withoutRows) notes.push(T.noRows[lang](w.kpi));
        const changes = pull.changes.get(document) ?? [];
        const kpis = pull.targets.flatMap(t => t.indicators.map(i => i.kpi));
        if (kpis.length > 0) await refreshKpiCache(kpiCacheDir(), client, kpis).catch(() => undefined); // a cache is never an error
        return {
            ok: true,
            version,
            asked,
            notes,
            changes: changes.map(c => ({
                indicator: c.indicator.name, kind: c.kind, period: c.period, before: c.before, after: c.after,
                line: positionAt(text, c.edit.start).line + (c.kind === 'add' && /^\r?\n/.test(c.edit.text) ? 1 : 0)
            })),
            edits: changes.map(c => ({ range: { start: positionAt(text, c.edit.start), end: positionAt(text, c.edit.end) }, newText: c.edit.text }))
        };
    } catch (err) {
        if (err instanceof KoladaError) return { ok: false, reason: 'unreachable', message: err.line(lang) };
        throw err;
    }
}

export function registerKoladaPullRequest(shared: LangiumSharedServices, services: VplanServices): void {
    const connection = shared.lsp.Connection;
    if (!connection) return;
    connection.onRequest(KOLADA_PULL_REQUEST, async (params: KoladaPullParams, token): Promise<KoladaPullResult> => {
        const lang = services.i18n.Locale.lang;
        const uri = URI.parse(params.uri);
        const documents = shared.workspace.LangiumDocuments;
        if (!documents.hasDocument(uri)) return { ok: false, reason: 'not-found', message: T.notFound[lang] };
        try {
            await shared.workspace.DocumentBuilder.waitUntil(DocumentState.Linked, uri, token);
        } catch {
            return { ok: false, reason: 'not-found', message: T.notFound[lang] };
        }
        const abort = new AbortController();
        const subscription = token.onCancellationRequested(() => abort.abort());
        try {
            return await koladaPullFor(documents.getDocument(uri) as LangiumDocument<Document>, params.apiUrl, lang, abort.signal);
        } finally {
            subscription.dispose();
        }
    });
}
