// `vplan validate --cache`: per-file findings kept between runs, so a run with one plan changed
// re-checks that plan and what depends on it instead of the whole workspace.
//
// A file's findings depend on its own text and on the files that declare a name it uses or declares
// (its references resolve there; a duplicate id is reported against them), and on theirs in turn.
// So each entry is keyed by the file's content hash and by a dependency key: the paths and content
// hashes of every file it reaches that way. A plan with an unresolved name also depends on every
// declared name of the workspace (the "did you mean" suggestion reads them all).
//
// The cache is a hint, never trusted: a file that cannot be read, is not JSON, has another format
// version, was written by another vplan version, for another language or working folder, or has
// one malformed entry is ignored as a whole, and the run checks everything.
import type { createHash as CreateHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { SymbolFacts } from '@vplan/language';
import type { CliDiagnostic } from './diagnostics.js';

export const CACHE_FORMAT = 'vplan-validate-cache';
/** Raised whenever what an entry holds or means changes: an older cache is then ignored. */
export const CACHE_FORMAT_VERSION = 1;
export const DEFAULT_CACHE_FILE = '.vplancache';

/** What a run depends on beyond the files: a cache written under other conditions is ignored. */
export interface CacheConditions {
    vplan: string;
    /** The CLI's language and the language of the findings (`sv/auto`). */
    lang: string;
    cwd: string;
    /** The date follow-up checks judge deadlines as of. */
    asOf?: string;
    /** A hash of Kolada's KPI metadata the findings were checked against (unknown-kpi, kpi-title-mismatch). */
    kpis?: string;
}

/** What the cache knows of one file. */
export interface CacheEntry {
    /** Hash of the file's text. */
    hash: string;
    /** Hash of the paths and texts of the files its findings depend on (see the top of this file). */
    deps: string;
    /** The names it declares, as `Type:name`. */
    exports: string[];
    /** The names its references are written with. */
    refs: string[];
    /** Whether a reference did not resolve (its findings then depend on every declared name). */
    unresolved: boolean;
    diagnostics: CliDiagnostic[];
}

export interface CacheFile extends CacheConditions {
    format: typeof CACHE_FORMAT;
    version: number;
    /** By absolute path. */
    files: Record<string, CacheEntry>;
}

/** Where the cache lives: the given file, or `.vplancache` in the given folder or the working folder. */
export async function cachePath(location: string | undefined, cwd: string): Promise<string> {
    if (location === undefined) return path.join(cwd, DEFAULT_CACHE_FILE);
    const resolved = path.resolve(cwd, location);
    if (/[\\/]$/.test(location)) return path.join(resolved, DEFAULT_CACHE_FILE);
    const stat = await fs.stat(resolved).catch(() => undefined);
    return stat?.isDirectory() ? path.join(resolved, DEFAULT_CACHE_FILE) : resolved;
}

/** The cached entries, or an empty map when there is no usable cache. */
export async function readCache(file: string, conditions: CacheConditions): Promise<Map<string, CacheEntry>> {
    let parsed: unknown;
    try {
        parsed = JSON.parse(await fs.readFile(file, 'utf8'));
    } catch {
        return new Map();
    }
    if (!isCacheFile(parsed) || parsed.version !== CACHE_FORMAT_VERSION
        || parsed.vplan !== conditions.vplan || parsed.lang !== conditions.lang || parsed.cwd !== conditions.cwd
        || (parsed.kpis ?? '') !== (conditions.kpis ?? '') || (parsed.asOf ?? '') !== (conditions.asOf ?? '')) {
        return new Map();
    }
    return new Map(Object.entries(parsed.files));
}

export function serializeCache(conditions: CacheConditions, entries: ReadonlyMap<string, CacheEntry>): string {
    const file: CacheFile = { format: CACHE_FORMAT, version: CACHE_FORMAT_VERSION, ...conditions, files: Object.fromEntries(entries) };
    return JSON.stringify(file);
}

function isCacheFile(value: unknown): value is CacheFile {
    if (typeof value !== 'object' || value === null) return false;
    const v = value as Record<string, unknown>;
    if (v.format !== CACHE_FORMAT || typeof v.version !== 'number' || typeof v.vplan !== 'string'
        || typeof v.lang !== 'string' || typeof v.cwd !== 'string' || typeof v.files !== 'object' || v.files === null) return false;
    return Object.values(v.files as Record<string, unknown>).every(isEntry);
}

function isEntry(value: unknown): value is CacheEntry {
    if (typeof value !== 'object' || value === null) return false;
    const e = value as Record<string, unknown>;
    return typeof e.hash === 'string' && typeof e.deps === 'string' && typeof e.unresolved === 'boolean'
        && isStrings(e.exports) && isStrings(e.refs) && Array.isArray(e.diagnostics) && e.diagnostics.every(isDiagnostic);
}

function isStrings(value: unknown): value is string[] {
    return Array.isArray(value) && value.every(x => typeof x === 'string');
}

function isPosition(value: unknown): boolean {
    const p = value as { line?: unknown; character?: unknown } | null;
    return typeof p === 'object' && p !== null && Number.isInteger(p.line) && Number.isInteger(p.character);
}

function isDiagnostic(value: unknown): boolean {
    const d = value as Record<string, unknown> | null;
    if (typeof d !== 'object' || d === null) return false;
    const range = d.range as { start?: unknown; end?: unknown } | null;
    return typeof d.code === 'string' && typeof d.message === 'string'
        && ['error', 'warning', 'info', 'hint'].includes(d.severity as string)
        && typeof range === 'object' && range !== null && isPosition(range.start) && isPosition(range.end);
}

export function contentHash(text: string): string {
    // Loaded on first use: a run without --cache (which imports this module for the parallel split) never hashes.
    const { createHash } = require('node:crypto') as { createHash: typeof CreateHash };
    return createHash('sha256').update(text).digest('base64url');
}

/** One file of the run as the dependency keys see it. */
export interface FileFacts extends SymbolFacts {
    file: string;
    hash: string;
    unresolved: boolean;
}

/** For every file, the other files that declare a name it uses or declares. */
function directDependencies(files: readonly FileFacts[]): Set<number>[] {
    const declaredBy = new Map<string, number[]>();
    files.forEach((f, index) => {
        for (const exported of f.exports) {
            const name = nameOf(exported);
            const list = declaredBy.get(name);
            if (!list) declaredBy.set(name, [index]);
            else if (list[list.length - 1] !== index) list.push(index);
        }
    });
    return files.map((f, index) => {
        const out = new Set<number>();
        const add = (name: string) => { for (const other of declaredBy.get(name) ?? []) if (other !== index) out.add(other); };
        for (const name of f.refs) add(name);
        for (const exported of f.exports) add(nameOf(exported));
        return out;
    });
}

function nameOf(exported: string): string {
    return exported.slice(exported.indexOf(':') + 1);
}

/** The files reached from `starts` (included) through the direct dependencies, transitively. */
function reach(direct: readonly Set<number>[], starts: Iterable<number>): Set<number> {
    const reached = new Set<number>();
    const stack = [...starts];
    while (stack.length > 0) {
        const index = stack.pop()!;
        if (reached.has(index)) continue;
        reached.add(index);
        for (const next of direct[index]) if (!reached.has(next)) stack.push(next);
    }
    return reached;
}

/** A run's files and how their findings depend on each other. */
export class DependencyGraph {
    private readonly direct: Set<number>[];
    private everyName?: string;

    constructor(private readonly files: readonly FileFacts[]) {
        this.direct = directDependencies(files);
    }

    /**
     * The dependency key of a file: the files it reaches through the names it uses or declares,
     * transitively, with their content hashes; for a file with an unresolved reference also every
     * declared name of the workspace.
     */
    key(index: number): string {
        const reached = reach(this.direct, this.direct[index]);
        reached.delete(index);
        const parts = [...reached].sort((a, b) => a - b).map(i => `${this.files[i].file}\u0000${this.files[i].hash}`);
        if (this.files[index].unresolved) {
            this.everyName ??= contentHash(this.files.map(f => `${f.file}\u0000${[...f.exports].sort().join('\u0001')}`).join('\u0002'));
            parts.push(`*${this.everyName}`);
        }
        return contentHash(parts.join('\u0002'));
    }

    /** The files that must be loaded to check `indices` as in a run over all files: they and what they reach. */
    needed(indices: Iterable<number>): Set<number> {
        return reach(this.direct, indices);
    }
}
