// `vplan kolada pull` and `vplan kolada check`: the outcomes Kolada has for the plans' indicators,
// shown as a diff (pull), listed for CI (check), or written as minimal edits (pull --write).
import {
    KoladaClient, KoladaError, koladaBaseUrl, koladaTargets, kpiCacheDir, pullFromKolada, refreshKpiCache, type KoladaPlanTarget,
    type KoladaPull
} from '@vplan/data';
import type { LangiumDocument } from 'langium';
import type { Document } from '@vplan/language';
import { isFileWriteError } from '@vplan/language/node';
import { UsageError, type ParsedArgs } from '../args.js';
import type { CommandContext } from '../context.js';
import { displayPath } from '../diagnostics.js';
import { countKinds, loadWithSiblings, printDiff, printList, summary, writeChanges } from '../outcome-writes.js';
import { printable } from '../terminal-text.js';

const T = {
    source: { en: 'Source: Kolada', sv: 'Källa: Kolada' },
    upToDate: {
        en: (n: number) => `The outcomes of ${n} ${n === 1 ? 'indicator' : 'indicators'} agree with Kolada.`,
        sv: (n: number) => `Utfallen för ${n} ${n === 1 ? 'indikator' : 'indikatorer'} stämmer med Kolada.`
    },
    runWrite: { en: 'run vplan kolada pull --write to apply', sv: 'kör vplan kolada pull --write för att skriva in dem' },
    noKoladaId: {
        en: (plan: string) => `plan ${plan}: its organisation has no Kolada id (write kolada <id> in the organisation); skipped`,
        sv: (plan: string) => `plan ${plan}: organisationen saknar Kolada-id (skriv kolada <id> i organisationen); hoppas över`
    },
    noRows: {
        en: (kpi: string, who: string, years: string) => `Kolada has no figures for ${kpi} (municipality ${who}, ${years})`,
        sv: (kpi: string, who: string, years: string) => `Kolada har inga uppgifter för ${kpi} (kommun ${who}, ${years})`
    },
    series: {
        en: (name: string) => `indicator ${name} has series; Kolada's totals are not written into it`,
        sv: (name: string) => `indikatorn ${name} har serier; Koladas totaler skrivs inte in i den`
    },
    rankWithoutGroup: {
        en: (name: string, group: string) => `indicator ${name} has rank bands, but its comparison group ${group} names no Kolada group (write kolada "G…" in the group); skipped`,
        sv: (name: string, group: string) => `indikatorn ${name} har rangband, men jämförelsegruppen ${group} anger ingen grupp i Kolada (skriv kolada "G…" i gruppen); hoppas över`
    },
    rankWithoutDirection: {
        en: (name: string, group: string) => `indicator ${name}: ranking among ${group} needs to know which value is better (write direction higher or lower); skipped`,
        sv: (name: string, group: string) => `indikatorn ${name}: rangen bland ${group} kräver att man vet vilket värde som är bäst (skriv riktning högre eller lägre); hoppas över`
    },
    unknownGroup: {
        en: (id: string, group: string, name: string) => `Kolada has no municipality group ${id} (comparison group ${group}); indicator ${name} skipped`,
        sv: (id: string, group: string, name: string) => `Kolada har ingen kommungrupp ${id} (jämförelsegruppen ${group}); indikatorn ${name} hoppas över`
    },
    kpiFormat: {
        en: (kpi: string) => `"${kpi}" is not a Kolada KPI id (a letter and five digits, e.g. U23471); skipped`,
        sv: (kpi: string) => `"${kpi}" är inget KPI-id i Kolada (en bokstav och fem siffror, t.ex. U23471); hoppas över`
    },
    meta: {
        en: (known: number, unknown: string[], file: string) => `${known} KPI ${known === 1 ? 'id' : 'ids'} known to Kolada`
            + (unknown.length > 0 ? `, ${unknown.length} unknown (${unknown.join(', ')})` : '') + `; cached in ${file}`,
        sv: (known: number, unknown: string[], file: string) => `${known} KPI-id kända i Kolada`
            + (unknown.length > 0 ? `, ${unknown.length} okända (${unknown.join(', ')})` : '') + `; sparat i ${file}`
    },
    cacheFailed: {
        en: (reason: string) => `KPI descriptions not cached: ${reason}`,
        sv: (reason: string) => `KPI-beskrivningarna sparades inte: ${reason}`
    },
    noKpis: { en: 'no indicator with a Kolada KPI id (källa … kpi "U23471")', sv: 'ingen indikator med KPI-id från Kolada (källa … kpi "U23471")' },
    nothing: {
        en: 'no indicator with a Kolada KPI id (källa … kpi "U23471") in a plan whose organisation has a Kolada id',
        sv: 'ingen indikator med KPI-id från Kolada (källa … kpi "U23471") i en plan vars organisation har Kolada-id'
    }
};

export async function runKolada(ctx: CommandContext, args: ParsedArgs): Promise<number> {
    const [sub, ...inputs] = args.positionals;
    if (sub !== 'pull' && sub !== 'check' && sub !== 'meta') throw new UsageError(sub ? 'unknown-command' : 'missing-input', sub ?? 'vplan kolada pull|check|meta <files|folders…>');
    if (inputs.length === 0) throw new UsageError('missing-input', `vplan kolada ${sub} <files|folders…>`);
    const write = sub === 'pull' && Boolean(args.options.write);
    if (sub !== 'pull' && args.options.write) throw new UsageError('conflicting-options', `${sub} --write`);
    const years = parseYears(args.options.year as string | undefined);
    let baseUrl: string;
    try {
        baseUrl = koladaBaseUrl(args.options['api-url'] as string | undefined, ctx.env);
    } catch (err) {
        if (err instanceof KoladaError) {
            ctx.err(`vplan: ${err.line(ctx.lang)}\n`);
            return 2;
        }
        throw err;
    }
    const loaded = await loadWithSiblings(ctx, inputs);
    let bad = loaded.problems > 0;
    const client = new KoladaClient({ baseUrl, timeoutMs: timeoutFrom(ctx.env) });
    const cacheDir = kpiCacheDir(args.options['cache-dir'] as string | undefined, ctx.env);
    if (sub === 'meta') return runMeta(ctx, client, cacheDir, loaded.targets, bad);
    let pull: KoladaPull;
    try {
        pull = await pullFromKolada(loaded.targets, client, years);
        // The KPIs' titles and descriptions come along (one request per 25), for validate and hover.
        if (sub === 'pull') await cacheMetadata(ctx, client, cacheDir, pull.targets.flatMap(t => t.indicators.map(i => i.kpi)));
    } catch (err) {
        if (err instanceof KoladaError) {
            ctx.err(`vplan: ${printable(err.line(ctx.lang))}\n`);
            return 2;
        }
        throw err;
    }
    const note = (document: { uri: { fsPath: string } }, text: string) =>
        ctx.err(`vplan: ${printable(displayPath(document.uri.fsPath, ctx.cwd))}: ${printable(text)}\n`);
    let asked = 0;
    for (const t of pull.targets) {
        if (!t.municipality && (t.indicators.length > 0 || t.skipped.length > 0)) note(t.document, T.noKoladaId[ctx.lang](t.plan.name));
        for (const s of t.skipped) note(t.document, skipNote(ctx, s));
        if (t.municipality) asked += t.indicators.length;
    }
    for (const { target, indicator, group } of pull.unknownGroups) {
        note(target.document, T.unknownGroup[ctx.lang](group, indicator.rank?.title ?? group, indicator.indicator.name));
    }
    for (const { target, kpi } of pull.withoutRows) {
        const span = target.years.length > 1 ? `${target.years[0]}–${target.years[target.years.length - 1]}` : String(target.years[0] ?? '');
        note(target.document, T.noRows[ctx.lang](kpi, target.municipality ?? '', span));
    }
    if (asked === 0) {
        ctx.err(`vplan: ${T.nothing[ctx.lang]}\n`);
        return bad ? 2 : 0;
    }
    const total = { added: 0, changed: 0 };
    for (const [document, changes] of pull.changes) {
        const counts = countKinds(changes);
        total.added += counts.added;
        total.changed += counts.changed;
        if (sub === 'check') printList(ctx, document, changes);
        else if (!write) printDiff(ctx, document, changes, T.source[ctx.lang]);
        else if (!(await writeChanges(ctx, document, changes))) {
            bad = true;
        } else {
            ctx.err(`${printable(displayPath(document.uri.fsPath, ctx.cwd))}: ${summary(ctx.lang, counts, true)} (${T.source[ctx.lang]})\n`);
        }
    }
    if (total.added + total.changed === 0) {
        ctx.err(`${T.upToDate[ctx.lang](asked)} (${T.source[ctx.lang]})\n`);
        return bad ? 2 : 0;
    }
    if (!write) ctx.err(`${summary(ctx.lang, total, false)}${sub === 'pull' ? ` — ${T.runWrite[ctx.lang]}` : ''} (${T.source[ctx.lang]})\n`);
    if (bad) return 2;
    return write ? 0 : 1;
}

/** `vplan kolada meta`: fetches the plans' KPIs' metadata into the cache; exit 1 when Kolada knows some id not. */
async function runMeta(ctx: CommandContext, client: KoladaClient, cacheDir: string, documents: LangiumDocument<Document>[], bad: boolean): Promise<number> {
    const ids = [...new Set(documents.flatMap(d => koladaTargets(d).flatMap(t => t.indicators.map(i => i.kpi))))].sort();
    if (ids.length === 0) {
        ctx.err(`vplan: ${T.noKpis[ctx.lang]}\n`);
        return bad ? 2 : 0;
    }
    let unknown: string[];
    try {
        const result = await refreshKpiCache(cacheDir, client, ids);
        unknown = result.unknown.map(r => r.id);
        ctx.err(`${printable(T.meta[ctx.lang](result.known.length, unknown, displayPath(result.file, ctx.cwd)))} (${T.source[ctx.lang]})\n`);
    } catch (err) {
        if (err instanceof KoladaError) {
            ctx.err(`vplan: ${printable(err.line(ctx.lang))}\n`);
            return 2;
        }
        ctx.err(`vplan: ${printable(T.cacheFailed[ctx.lang](cacheFailure(ctx, err, cacheDir)))}\n`);
        return 2;
    }
    if (bad) return 2;
    return unknown.length > 0 ? 1 : 0;
}

/** Pull keeps the cache fresh on the way; a cache that cannot be written is a note, not a failure. */
async function cacheMetadata(ctx: CommandContext, client: KoladaClient, cacheDir: string, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    try {
        await refreshKpiCache(cacheDir, client, ids);
    } catch (err) {
        if (err instanceof KoladaError) throw err;
        ctx.err(`vplan: ${printable(T.cacheFailed[ctx.lang](cacheFailure(ctx, err, cacheDir)))}\n`);
    }
}

function cacheFailure(ctx: CommandContext, err: unknown, cacheDir: string): string {
    if (isFileWriteError(err)) return `${displayPath(err.path, ctx.cwd)}: ${err.reason[ctx.lang]}`;
    const e = err as NodeJS.ErrnoException;
    return `${e.path ?? cacheDir}: ${e.code ?? e.message}`;
}

function skipNote(ctx: CommandContext, s: KoladaPlanTarget['skipped'][number]): string {
    switch (s.reason) {
        case 'series': return T.series[ctx.lang](s.indicator.name);
        case 'rank-without-group': return T.rankWithoutGroup[ctx.lang](s.indicator.name, s.group ?? '?');
        case 'rank-without-direction': return T.rankWithoutDirection[ctx.lang](s.indicator.name, s.group ?? '?');
        default: return T.kpiFormat[ctx.lang](s.kpi);
    }
}

function parseYears(text: string | undefined): number[] | undefined {
    if (text === undefined) return undefined;
    const parts = text.split(',').map(s => s.trim());
    if (parts.some(p => !/^\d{4}$/.test(p))) throw new UsageError('bad-value', `--year ${text}`);
    return parts.map(Number);
}

/** VPLAN_KOLADA_TIMEOUT (seconds) for slow links; 15 s otherwise. */
function timeoutFrom(env: NodeJS.ProcessEnv): number | undefined {
    const s = Number(env.VPLAN_KOLADA_TIMEOUT);
    return Number.isFinite(s) && s > 0 ? s * 1000 : undefined;
}
