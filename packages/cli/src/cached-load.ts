// `vplan validate --cache`: the findings of the files whose text and dependencies are unchanged come
// from the cache; the rest are checked in a workspace of just them and the files they depend on.
import type { KpiCatalogSnapshot } from '@vplan/language';
import { URI, type LangiumDocument } from 'langium';
import { symbolFacts } from '@vplan/language';
import { buildPlans, collectPlanFiles, isFileWriteError, readPlanFiles, writeUserFile, type InputProblem } from '@vplan/language/node';
import type { Lang, LanguagePreference } from '@vplan/language/i18n';
import { cachePath, contentHash, DependencyGraph, readCache, serializeCache, type CacheConditions, type CacheEntry, type FileFacts } from './cache.js';
import { displayPath, fileReport, type FileReport } from './diagnostics.js';
import { expandInputs } from './inputs.js';
import { coreServices } from './load.js';
import { VERSION } from './version.js';

export interface CachedRun {
    reports: FileReport[];
    problems: InputProblem[];
    /** How many files were checked (the rest came from the cache). */
    checked: number;
    /** Why the cache could not be written, if it could not (the run's result stands). */
    notWritten?: string;
}

export async function validateWithCache(
    inputs: readonly string[], who: { lang: Lang; language?: LanguagePreference; cwd: string; kpis?: KpiCatalogSnapshot }, location: string | undefined,
    options: { context?: readonly string[] } = {}
): Promise<CachedRun> {
    const { lang, cwd } = who;
    const timing = process.env.VPLAN_TIMING ? [`start ${performance.now().toFixed(0)} ms`] : undefined;
    let mark = performance.now();
    const phase = (name: string) => {
        if (!timing) return;
        const now = performance.now();
        timing.push(`${name} ${(now - mark).toFixed(0)} ms`);
        mark = now;
    };
    const expanded = await expandInputs(inputs);
    const { files: asked, problems } = await collectPlanFiles(expanded.inputs);
    // A plan named alone is checked against its folder's plans, as without the cache: they are read,
    // checked and cached too, but only the plans asked for are reported.
    const reported = new Set(asked);
    const allFiles = [...asked, ...(await collectPlanFiles([...(options.context ?? [])])).files.filter(f => !reported.has(f))];
    const { texts, failures } = await readPlanFiles(allFiles);
    failures.forEach((failure, i) => { if (failure && reported.has(allFiles[i])) problems.push(failure); });
    // The readable plans, in file order: the order a run without cache builds them in.
    const files: string[] = [];
    const textOf: string[] = [];
    allFiles.forEach((file, i) => {
        if (texts[i] === undefined) return;
        files.push(file);
        textOf.push(texts[i]);
    });
    const hashes = textOf.map(contentHash);
    const services = coreServices(who);
    const conditions: CacheConditions = {
        vplan: VERSION, lang: `${lang}/${who.language ?? lang}`, cwd,
        // Follow-up checks judge deadlines as of a date (--as-of, else today): another date, other findings.
        asOf: services.Vplan.followUp.AsOf.value,
        // Other KPI metadata, other KPI findings: a cache checked against another one is not used.
        ...(who.kpis ? { kpis: contentHash(JSON.stringify(who.kpis)) } : {})
    };
    const cacheFile = await cachePath(location, cwd);
    const cached = await readCache(cacheFile, conditions);
    phase('read');

    // Files whose text changed (or that the cache does not know) are parsed now: their names decide
    // which other files' findings may change.
    const parsed = new Map<number, LangiumDocument>();
    const facts: FileFacts[] = [];
    for (let i = 0; i < files.length; i++) {
        const entry = cached.get(files[i]);
        if (entry && entry.hash === hashes[i]) {
            facts.push({ file: files[i], hash: hashes[i], exports: entry.exports, refs: entry.refs, unresolved: entry.unresolved });
            continue;
        }
        const document = services.shared.workspace.LangiumDocumentFactory.fromString(textOf[i], URI.file(files[i]));
        parsed.set(i, document);
        // Not linked yet: whether a reference fails is known after the build; until then, assume one may.
        facts.push({ file: files[i], hash: hashes[i], ...(await symbolFacts(document, services, false)), unresolved: true });
    }
    const graph = new DependencyGraph(facts);
    const stale = new Set<number>(parsed.keys());
    for (let i = 0; i < files.length; i++) {
        if (stale.has(i)) continue;
        if (cached.get(files[i])!.deps !== graph.key(i)) stale.add(i);
    }
    phase(`keys (${stale.size} of ${files.length} to check)`);

    let checkedDocuments = new Map<number, LangiumDocument>();
    let built = services;
    if (stale.size > 0) {
        const needed = [...graph.needed(stale)].sort((a, b) => a - b);
        const plans = needed.map(i => ({ file: files[i], text: textOf[i], document: parsed.get(i) }));
        const documents = await buildPlans(services, plans, { referenceIndex: false });
        needed.forEach((i, k) => checkedDocuments.set(i, documents[k]));
        // A plan with an unresolved name is told the closest declared name of the whole workspace:
        // checked in part of it, the suggestion could differ. Then everything is checked.
        const partial = needed.length < files.length;
        if (partial && [...stale].some(i => hasUnresolved(checkedDocuments.get(i)!))) {
            phase('partial build (an unresolved name: checking all)');
            built = coreServices(who);
            const documents = await buildPlans(built, files.map((file, i) => ({ file, text: textOf[i] })), { referenceIndex: false });
            checkedDocuments = new Map(documents.map((d, i) => [i, d]));
            for (let i = 0; i < files.length; i++) stale.add(i);
        }
        phase('build');
    }

    // The new cache: fresh entries for the checked files, the others as they were.
    const reports: FileReport[] = [];
    const entries = new Map<string, CacheEntry>();
    const fresh: FileFacts[] = [];
    for (let i = 0; i < files.length; i++) {
        const document = stale.has(i) ? checkedDocuments.get(i)! : undefined;
        if (document) {
            const f = await symbolFacts(document, built, true);
            fresh.push({ file: files[i], hash: hashes[i], ...f, unresolved: hasUnresolved(document) });
        } else {
            fresh.push(facts[i]);
        }
    }
    const finalGraph = new DependencyGraph(fresh);
    for (let i = 0; i < files.length; i++) {
        const document = stale.has(i) ? checkedDocuments.get(i)! : undefined;
        const report = document ? fileReport(document, cwd) : { path: displayPath(files[i], cwd), text: textOf[i], diagnostics: cached.get(files[i])!.diagnostics };
        if (reported.has(files[i])) reports.push(report);
        const { exports, refs, unresolved } = fresh[i];
        entries.set(files[i], { hash: hashes[i], deps: finalGraph.key(i), exports, refs, unresolved, diagnostics: report.diagnostics });
    }
    let notWritten: string | undefined;
    // Nothing checked and the same files as before: the cache on disk says it all already.
    const unchanged = stale.size === 0 && cached.size === files.length;
    if (!unchanged) try {
        await writeUserFile(cacheFile, serializeCache(conditions, entries));
    } catch (err) {
        // A cache that cannot be written costs the next run time, not this run's result.
        notWritten = isFileWriteError(err) ? err.reasonIn(lang) : String(err);
    }
    phase('cache written');
    if (timing) process.stderr.write(`vplan timing: ${timing.join(' · ')}\n`);
    return { reports, problems: [...expanded.problems, ...problems], checked: stale.size, notWritten };
}

function hasUnresolved(document: LangiumDocument): boolean {
    return document.references.some(ref => ref.error !== undefined);
}
