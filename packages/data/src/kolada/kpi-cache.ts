// Kolada's KPI metadata kept on disk, so that the validator and the hover work offline and never
// wait for the network: `vplan kolada meta|pull` and the editor's fetch command write it, the CLI's
// validate and the language server read it. One JSON file in a folder under the user's cache
// directory (or --cache-dir / VPLAN_CACHE_DIR), written through the one write module.
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { KpiCatalogSnapshot, KpiRecord } from '@vplan/language';
import { writeUserFile } from '@vplan/language/node';
import type { KoladaClient } from './client.js';

const FILE = 'kolada-kpi.json';

/** The cache folder: the option, else VPLAN_CACHE_DIR, else the platform's user cache directory + vplan. */
export function kpiCacheDir(option?: string, env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
    const chosen = option?.trim() || env.VPLAN_CACHE_DIR?.trim();
    if (chosen) return path.resolve(chosen);
    const home = env.HOME || os.homedir();
    if (platform === 'win32') return path.join(env.LOCALAPPDATA || path.join(home, 'AppData', 'Local'), 'vplan', 'Cache');
    if (platform === 'darwin') return path.join(home, 'Library', 'Caches', 'vplan');
    return path.join(env.XDG_CACHE_HOME || path.join(home, '.cache'), 'vplan');
}

export function kpiCacheFile(dir: string): string {
    return path.join(dir, FILE);
}

/** The cached metadata; undefined when there is none or it cannot be read (a cache is never an error). */
export async function readKpiCache(dir: string): Promise<KpiCatalogSnapshot | undefined> {
    let text: string;
    try {
        text = await fs.readFile(kpiCacheFile(dir), 'utf8');
    } catch {
        return undefined;
    }
    try {
        const parsed = JSON.parse(text) as KpiCatalogSnapshot;
        if (typeof parsed !== 'object' || parsed === null || typeof parsed.kpis !== 'object' || parsed.kpis === null) return undefined;
        const kpis: Record<string, KpiRecord> = {};
        for (const [id, r] of Object.entries(parsed.kpis)) {
            if (r && typeof r === 'object' && typeof r.fetched === 'string' && (r.unknown === true || typeof r.title === 'string')) {
                kpis[id] = { id, title: r.title, description: typeof r.description === 'string' ? r.description : undefined, unknown: r.unknown === true || undefined, fetched: r.fetched };
            }
        }
        return { source: typeof parsed.source === 'string' ? parsed.source : undefined, kpis };
    } catch {
        return undefined;
    }
}

export interface KpiFetchResult {
    known: KpiRecord[];
    unknown: KpiRecord[];
    file: string;
}

/**
 * Fetches the KPIs' metadata (25 ids a request) and merges it into the cache: ids Kolada answered
 * without are recorded as unknown, with the date, so the validator can say so offline.
 */
export async function refreshKpiCache(dir: string, client: KoladaClient, ids: readonly string[], now: Date = new Date()): Promise<KpiFetchResult> {
    const wanted = [...new Set(ids)];
    const answered = await client.kpis(wanted);
    const fetched = now.toISOString();
    const byId = new Map(answered.map(k => [k.id, k]));
    const known: KpiRecord[] = [];
    const unknown: KpiRecord[] = [];
    for (const id of wanted) {
        const k = byId.get(id);
        if (k) known.push({ id, title: k.title, description: typeof k.description === 'string' ? k.description : undefined, fetched });
        else unknown.push({ id, unknown: true, fetched });
    }
    const previous = (await readKpiCache(dir)) ?? { kpis: {} };
    const kpis = { ...previous.kpis };
    for (const r of [...known, ...unknown]) kpis[r.id] = r;
    const file = kpiCacheFile(dir);
    // Through the project's one write module: atomic, folders created, a failure named in both languages.
    await writeUserFile(file, JSON.stringify({ source: client.baseUrl, kpis } satisfies KpiCatalogSnapshot, null, 1) + '\n', { createFolders: true });
    return { known, unknown, file };
}
