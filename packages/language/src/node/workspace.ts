import { promises as fs, type Dirent } from 'node:fs';
import * as path from 'node:path';
import { DocumentState, URI, type LangiumDocument } from 'langium';
import type { VplanCoreServices } from '../vplan-module.js';
import type { LangiumSharedCoreServices } from 'langium';
import { withoutReferenceIndex } from '../langium-internals.js';
import { fsReason } from './fs-reasons.js';
import { parsePlanIgnore, PLAN_IGNORE_FILE, type PlanIgnore } from '../workspace/plan-ignore.js';

/** A `.vplanignore` met while walking, with the folder its patterns are relative to. */
interface IgnoreScope {
    root: string;
    ignored: PlanIgnore;
}

async function readPlanIgnore(folder: string): Promise<PlanIgnore | undefined> {
    try {
        return parsePlanIgnore(await fs.readFile(path.join(folder, PLAN_IGNORE_FILE), 'utf8'));
    } catch {
        return undefined;
    }
}

function isIgnored(scopes: IgnoreScope[], target: string, isDirectory: boolean): boolean {
    return scopes.some(({ root, ignored }) => ignored(path.relative(root, target).split(path.sep).join('/'), isDirectory));
}

/** A path the user gave that could not be read as a plan. */
export interface InputProblem {
    path: string;
    reason: string;
}

export interface LoadedWorkspace {
    documents: LangiumDocument[];
    problems: InputProblem[];
}

export const PLAN_EXTENSION = '.vplan';

/** Largest plan file read: 20 times the largest real plan we design for (1 MB); 10 MB builds in about 5 s. */
export const MAX_PLAN_BYTES = 20 * 1024 * 1024;

function megabytes(bytes: number): string {
    return (bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '');
}

/**
 * Finds the plan files under the given files and folders (folders recursively, in a stable order),
 * reporting paths that do not exist or are not plans instead of throwing. Below a folder, what its
 * `.vplanignore` lists is left out; a path given explicitly is always read.
 */
export async function collectPlanFiles(inputs: string[]): Promise<{ files: string[]; problems: InputProblem[] }> {
    const files: string[] = [];
    const problems: InputProblem[] = [];
    const seen = new Set<string>();
    const visit = async (p: string, explicit: boolean, visitedDirs: Set<string>, ignores: IgnoreScope[]): Promise<void> => {
        let stat;
        try {
            stat = await fs.stat(p);
        } catch (err) {
            if (explicit) problems.push({ path: p, reason: describeFsError(err) });
            return;
        }
        if (stat.isDirectory()) {
            const real = await fs.realpath(p).catch(() => p);
            if (visitedDirs.has(real)) return; // a symlink loop
            const next = new Set(visitedDirs).add(real);
            let entries: Dirent[];
            try {
                entries = (await fs.readdir(p, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
            } catch (err) {
                problems.push({ path: p, reason: describeFsError(err) });
                return;
            }
            const own = await readPlanIgnore(p);
            const scopes = own ? [...ignores, { root: p, ignored: own }] : ignores;
            const before = files.length;
            let skipped = 0;
            for (const entry of entries) {
                const name = entry.name;
                if (name === 'node_modules' || name.startsWith('.')) continue;
                const child = path.join(p, name);
                if (scopes.length > 0 && isIgnored(scopes, child, await isDirectory(entry, child))) {
                    skipped++;
                    continue;
                }
                await visit(child, false, next, scopes);
            }
            if (explicit && files.length === before) {
                problems.push({ path: p, reason: skipped > 0 ? `no .vplan files in this folder outside what ${PLAN_IGNORE_FILE} leaves out` : 'no .vplan files in this folder' });
            }
        } else if (p.endsWith(PLAN_EXTENSION)) {
            // Reading a FIFO or a device named *.vplan blocks forever, and a plan of tens of MB takes
            // minutes and gigabytes: both are refused with a reason, the other inputs still load.
            if (!stat.isFile()) {
                problems.push({ path: p, reason: 'not a regular file (a pipe, socket or device)' });
                return;
            }
            if (stat.size > MAX_PLAN_BYTES) {
                problems.push({ path: p, reason: `too large for a plan (${megabytes(stat.size)} MB; the limit is ${megabytes(MAX_PLAN_BYTES)} MB)` });
                return;
            }
            const abs = path.resolve(p);
            if (!seen.has(abs)) {
                seen.add(abs);
                files.push(abs);
            }
        } else if (explicit) {
            problems.push({ path: p, reason: 'not a .vplan file' });
        }
    };
    for (const input of inputs) await visit(input, true, new Set(), []);
    return { files, problems };
}

/** From the folder listing; a symbolic link is matched as what it points to. */
async function isDirectory(entry: Dirent, p: string): Promise<boolean> {
    return entry.isSymbolicLink() ? fs.stat(p).then(s => s.isDirectory(), () => false) : entry.isDirectory();
}

/** In English: the CLI localises the reasons it prints (see fs-reasons.ts). */
function describeFsError(err: unknown): string {
    return fsReason(err, 'en');
}

/** Options of a batch build. */
export interface LoadOptions {
    /** Run the validation checks (default true). */
    validation?: boolean;
    /**
     * Index the references between documents (default true). Only find-references and rename use
     * that index; a batch host that answers neither (the CLI) skips it and saves a build phase.
     */
    referenceIndex?: boolean;
    /**
     * Files loaded only so that the inputs' references resolve (the other plans of an input's
     * folder): linked, not validated, not returned, and a file that cannot be read is not reported.
     */
    context?: string[];
    /** Called as each phase finishes, with its wall-clock milliseconds (read, parsed, then Langium's build phases). */
    onPhase?: (phase: LoadPhase, ms: number) => void;
}

export type LoadPhase = 'read' | 'parsed' | 'indexed' | 'scoped' | 'linked' | 'references' | 'validated';

const PHASES: [DocumentState, LoadPhase][] = [
    [DocumentState.IndexedContent, 'indexed'],
    [DocumentState.ComputedScopes, 'scoped'],
    [DocumentState.Linked, 'linked'],
    [DocumentState.IndexedReferences, 'references'],
    [DocumentState.Validated, 'validated']
];

/** Files read at once: enough to keep the disk busy, few enough not to run out of file handles. */
const READ_CONCURRENCY = 16;

/**
 * Loads plan files into one Langium workspace, so references across files resolve, and builds them
 * (parse, link, validate). Files that cannot be read are reported, the rest are still built.
 */
export async function loadWorkspace(
    services: { shared: LangiumSharedCoreServices; Vplan: VplanCoreServices },
    inputs: string[],
    options: LoadOptions = {}
): Promise<LoadedWorkspace> {
    let mark = performance.now();
    const phase = (name: LoadPhase) => {
        const now = performance.now();
        options.onPhase?.(name, now - mark);
        mark = now;
    };
    const { files, problems } = await collectPlanFiles(inputs);
    const { texts, failures } = await readPlanFiles(files);
    // Reported in file order, however the reads finished.
    for (const failure of failures) if (failure) problems.push(failure);
    phase('read');
    const plans: Array<{ file: string; text: string; context?: boolean }> = [];
    files.forEach((file, index) => {
        const text = texts[index];
        if (text !== undefined) plans.push({ file, text });
    });
    const given = new Set(files.map(f => path.resolve(f)));
    const wanted = [...new Set((options.context ?? []).map(f => path.resolve(f)))].filter(f => !given.has(f));
    // The same refusals as for inputs (a pipe, a 50 MB file), silently: context is not the user's concern.
    const context = wanted.length > 0 ? (await collectPlanFiles(wanted)).files : [];
    const read = await readPlanFiles(context);
    context.forEach((file, index) => {
        const text = read.texts[index];
        if (text !== undefined) plans.push({ file, text, context: true });
    });
    const documents = await buildPlans(services, plans, options, phase);
    return { documents, problems };
}

/** Reads plan files (a few at once), each as text or as the reason it could not be read, in file order. */
export async function readPlanFiles(files: readonly string[]): Promise<{ texts: (string | undefined)[]; failures: (InputProblem | undefined)[] }> {
    // Reading overlaps on the disk; parsing is CPU work and runs in file order.
    const texts: (string | undefined)[] = new Array(files.length);
    const failures: (InputProblem | undefined)[] = new Array(files.length);
    let next = 0;
    const reader = async () => {
        while (next < files.length) {
            const index = next++;
            try {
                texts[index] = decodePlan(await fs.readFile(files[index]));
            } catch (err) {
                failures[index] = { path: files[index], reason: err instanceof PlanDecodingError ? err.message : describeFsError(err) };
            }
        }
    };
    await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, files.length) }, reader));
    return { texts, failures };
}

/**
 * Parses the given plans (absolute paths with their text) into the services' workspace, in the order
 * given, and builds them together (link, validate). `phase` is told when each phase is done.
 * Context plans are built first and not validated; `linkOnly` plans are built with the others, in
 * their place, but not validated; neither is returned.
 */
export async function buildPlans(
    services: { shared: LangiumSharedCoreServices; Vplan: VplanCoreServices },
    plans: ReadonlyArray<{ file: string; text: string; document?: LangiumDocument; context?: boolean; linkOnly?: boolean }>,
    options: LoadOptions = {},
    phase: (name: LoadPhase) => void = () => {}
): Promise<LangiumDocument[]> {
    const documents: LangiumDocument[] = [];
    const context: LangiumDocument[] = [];
    const inOrder: LangiumDocument[] = [];
    const factory = services.shared.workspace.LangiumDocumentFactory;
    const langiumDocuments = services.shared.workspace.LangiumDocuments;
    for (const { file, text, document: parsed, context: isContext, linkOnly } of plans) {
        const document = parsed ?? factory.fromString(text, URI.file(file));
        langiumDocuments.addDocument(document);
        if (isContext) context.push(document);
        else {
            inOrder.push(document);
            if (!linkOnly) documents.push(document);
        }
    }
    phase('parsed');
    const builder = services.shared.workspace.DocumentBuilder;
    const listeners = options.onPhase ? PHASES.map(([state, name]) => builder.onBuildPhase(state, () => phase(name))) : [];
    // Context first, linked but not validated; then the inputs, against it.
    const build = async () => {
        if (context.length > 0) await builder.build(context, { validation: false });
        if (inOrder.length === documents.length) {
            await builder.build(documents, { validation: options.validation ?? true });
            return;
        }
        // Plans loaded only to be linked against are linked with the rest, in the order given; then
        // the others are validated as a build would (a second build would re-announce them as
        // changed, and the workspace-wide indexes would list them after the rest).
        await builder.build(inOrder, { validation: false });
        if (options.validation === false) return;
        for (const document of documents) {
            const validator = services.shared.ServiceRegistry.getServices(document.uri).validation.DocumentValidator;
            document.diagnostics = await validator.validateDocument(document, {});
            document.state = DocumentState.Validated;
        }
    };
    try {
        if (options.referenceIndex === false) await withoutReferenceIndex(services.shared.workspace.IndexManager, build);
        else await build();
    } finally {
        for (const listener of listeners) listener.dispose();
    }
    return documents;
}

export class PlanDecodingError extends Error {}

/** UTF-8 only, a BOM is dropped; binary content and invalid UTF-8 are refused with a reason. */
export function decodePlan(bytes: Uint8Array): string {
    if (bytes.includes(0)) throw new PlanDecodingError('binary file (contains NUL bytes), not a plan');
    let text: string;
    try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
        throw new PlanDecodingError('not valid UTF-8 text');
    }
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
