// One part of a parallel `vplan validate` (see parallel-load.ts): the same work in the main thread
// and in each worker thread. First its files are parsed and their symbol facts returned; then, told
// which other files their dependencies reach, it parses those too, builds them all in the run's
// file order and returns the findings of its own files.
import { DocumentState, URI, type LangiumDocument } from 'langium';
import { symbolFacts, type KpiCatalogSnapshot, type SymbolFacts } from '@vplan/language';
import { buildPlans } from '@vplan/language/node';
import type { Lang, LanguagePreference } from '@vplan/language/i18n';
import { fileReport, type FileReport } from './diagnostics.js';
import { coreServices, setAsOf } from './load.js';

/** What every part needs to check as the one-thread run does (sent to the workers as it is). */
export interface PartSettings {
    lang: Lang;
    language?: LanguagePreference;
    kpis?: KpiCatalogSnapshot;
    /** The date follow-up checks judge deadlines at, fixed by the main thread (so midnight cannot split a run). */
    asOf: string;
    cwd: string;
}

/** A file of the run: its index in the run's file order, its absolute path and its text. */
export interface PartFile {
    index: number;
    file: string;
    text: string;
}

/** The findings of one file, without its text (the main thread has it). */
export type PartReport = Omit<FileReport, 'text'>;

export interface PartResult {
    reports: PartReport[];
    /** Whether one of the part's files has a name that does not resolve (see parallel-load.ts). */
    unresolved: boolean;
    /** CPU milliseconds this thread has used so far (what a quiet machine's wall time would follow). */
    cpuMs: number;
}

function threadCpuMs(): number {
    // Node 23.9 and later; the timing line only.
    const usage = typeof process.threadCpuUsage === 'function' ? process.threadCpuUsage() : { user: 0, system: 0 };
    return (usage.user + usage.system) / 1000;
}

/** Files checked together: `check` (of the part) with `load`, every file their findings depend on (sorted). */
export interface PartBatch {
    check: number[];
    load: number[];
}

export class PartCheck {
    private readonly services: ReturnType<typeof coreServices>;
    private readonly own: Array<PartFile & { document?: LangiumDocument }> = [];

    constructor(private readonly settings: PartSettings) {
        setAsOf(settings.asOf);
        this.services = coreServices(settings);
    }

    /** Parses the part's files (in order) and returns what each declares and uses. */
    async parse(files: readonly PartFile[]): Promise<SymbolFacts[]> {
        const factory = this.services.shared.workspace.LangiumDocumentFactory;
        const facts: SymbolFacts[] = [];
        for (const file of files) {
            const document = factory.fromString(file.text, URI.file(file.file));
            this.own.push({ ...file, document });
            facts.push(await symbolFacts(document, this.services, false));
        }
        return facts;
    }

    /**
     * Checks the part's files batch by batch: each batch with the files its findings depend on
     * (`load`, in the run's file order; `extras` holds those of other parts), as one workspace. A
     * batch's documents leave the workspace before the next comes in, and are dropped once no later
     * batch needs them, so memory holds the part's parsed files and one batch linked.
     */
    async check(extras: readonly PartFile[], batches: readonly PartBatch[]): Promise<PartResult> {
        const { LangiumDocuments: langiumDocuments, DocumentBuilder: builder } = this.services.shared.workspace;
        const factory = this.services.shared.workspace.LangiumDocumentFactory;
        // The part's own parsed files, and the others parsed when a batch first needs them.
        const files = new Map<number, { file: PartFile; document?: LangiumDocument }>();
        for (const { document, ...file } of this.own) files.set(file.index, { file, document });
        for (const file of extras) files.set(file.index, { file });
        this.own.length = 0;
        const lastUse = new Map<number, number>();
        batches.forEach((batch, k) => { for (const i of batch.load) lastUse.set(i, k); });
        const reports: PartReport[] = [];
        let unresolved = false;
        let loaded: LangiumDocument[] = [];
        for (let k = 0; k < batches.length; k++) {
            // Out of the workspace, unlinked, back to just parsed (the text has not changed).
            for (const document of loaded) {
                builder.resetToState(document, DocumentState.Parsed);
                langiumDocuments.deleteDocument(document.uri);
                document.state = DocumentState.Parsed;
            }
            for (const [index, f] of files) if ((lastUse.get(index) ?? -1) < k) files.delete(index);
            const check = new Set(batches[k].check);
            const plans = batches[k].load.map(index => {
                const entry = files.get(index)!;
                const { file, text } = entry.file;
                entry.document ??= factory.fromString(text, URI.file(file));
                return { file, text, document: entry.document, linkOnly: !check.has(index) };
            });
            const documents = await buildPlans(this.services, plans, { referenceIndex: false });
            for (const document of documents) {
                const { text: _, ...report } = fileReport(document, this.settings.cwd);
                reports.push(report);
                unresolved ||= document.references.some(ref => ref.error !== undefined);
            }
            loaded = plans.map(p => p.document);
        }
        return { reports, unresolved, cpuMs: threadCpuMs() };
    }
}
