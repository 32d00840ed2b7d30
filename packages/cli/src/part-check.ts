// One part of a parallel `vplan validate` (see parallel-load.ts): the same work in the main thread
// and in each worker thread. First its files are parsed and their symbol facts returned; then, told
// which other files their dependencies reach, it parses those too, builds them all in the run's
// file order and returns the findings of its own files.
import { URI, type LangiumDocument } from 'langium';
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
}

export class PartCheck {
    private readonly services: ReturnType<typeof coreServices>;
    private readonly own: Array<PartFile & { document: LangiumDocument }> = [];

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
     * Builds the part's files with the other files their dependencies reach (`extras`), all in the
     * run's file order as one workspace, and returns the findings of the part's own files.
     */
    async check(extras: readonly PartFile[]): Promise<PartResult> {
        const plans = [...this.own, ...extras].sort((a, b) => a.index - b.index);
        const documents = await buildPlans(this.services, plans, { referenceIndex: false });
        const mine = new Set(this.own.map(f => f.index));
        const reports: PartReport[] = [];
        let unresolved = false;
        plans.forEach((plan, k) => {
            if (!mine.has(plan.index)) return;
            const document = documents[k];
            const { text: _, ...report } = fileReport(document, this.settings.cwd);
            reports.push(report);
            unresolved ||= document.references.some(ref => ref.error !== undefined);
        });
        return { reports, unresolved };
    }
}
