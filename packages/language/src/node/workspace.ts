import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { URI, type LangiumDocument } from 'langium';
import type { VplanCoreServices } from '../vplan-module.js';
import type { LangiumSharedCoreServices } from 'langium';

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

/**
 * Finds the plan files under the given files and folders (folders recursively, in a stable order),
 * reporting paths that do not exist or are not plans instead of throwing.
 */
export async function collectPlanFiles(inputs: string[]): Promise<{ files: string[]; problems: InputProblem[] }> {
    const files: string[] = [];
    const problems: InputProblem[] = [];
    const seen = new Set<string>();
    const visit = async (p: string, explicit: boolean, visitedDirs: Set<string>): Promise<void> => {
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
            let entries: string[];
            try {
                entries = (await fs.readdir(p)).sort();
            } catch (err) {
                problems.push({ path: p, reason: describeFsError(err) });
                return;
            }
            const before = files.length;
            for (const entry of entries) {
                if (entry === 'node_modules' || entry.startsWith('.')) continue;
                await visit(path.join(p, entry), false, next);
            }
            if (explicit && files.length === before) problems.push({ path: p, reason: 'no .vplan files in this folder' });
        } else if (p.endsWith(PLAN_EXTENSION)) {
            const abs = path.resolve(p);
            if (!seen.has(abs)) {
                seen.add(abs);
                files.push(abs);
            }
        } else if (explicit) {
            problems.push({ path: p, reason: 'not a .vplan file' });
        }
    };
    for (const input of inputs) await visit(input, true, new Set());
    return { files, problems };
}

function describeFsError(err: unknown): string {
    const code = (err as NodeJS.ErrnoException)?.code;
    switch (code) {
        case 'ENOENT': return 'no such file or folder';
        case 'EACCES': case 'EPERM': return 'permission denied';
        case 'ELOOP': return 'too many symbolic links (a loop?)';
        case 'EISDIR': return 'is a folder';
        default: return code ?? String(err);
    }
}

/**
 * Loads plan files into one Langium workspace, so references across files resolve, and builds them
 * (parse, link, validate). Files that cannot be read are reported, the rest are still built.
 */
export async function loadWorkspace(
    services: { shared: LangiumSharedCoreServices; Vplan: VplanCoreServices },
    inputs: string[],
    options: { validation?: boolean } = {}
): Promise<LoadedWorkspace> {
    const { files, problems } = await collectPlanFiles(inputs);
    const documents: LangiumDocument[] = [];
    const factory = services.shared.workspace.LangiumDocumentFactory;
    const langiumDocuments = services.shared.workspace.LangiumDocuments;
    for (const file of files) {
        let text: string;
        try {
            const bytes = await fs.readFile(file);
            text = decodePlan(bytes);
        } catch (err) {
            problems.push({ path: file, reason: err instanceof PlanDecodingError ? err.message : describeFsError(err) });
            continue;
        }
        const document = factory.fromString(text, URI.file(file));
        langiumDocuments.addDocument(document);
        documents.push(document);
    }
    await services.shared.workspace.DocumentBuilder.build(documents, { validation: options.validation ?? true });
    return { documents, problems };
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
