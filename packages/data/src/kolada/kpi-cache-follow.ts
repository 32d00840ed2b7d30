// The language server's view of the KPI cache: read once at start (off the keystroke path: the
// read is async and the first build does not wait for it), and again whenever the file changes
// (the CLI's `kolada meta|pull` or the editor's fetch command wrote it); then the plans naming a
// KPI are validated again so unknown ids and title hints appear without a keystroke.
import { watchFile } from 'node:fs';
import type { LangiumSharedCoreServices, URI } from 'langium';
import { isSourceRef, type VplanCoreServices } from '@vplan/language';
import { AstUtils } from 'langium';
import { kpiCacheDir, kpiCacheFile, readKpiCache } from './kpi-cache.js';

/** Polls the cache file's stat every few seconds (works when the file or its folder does not exist yet). */
const POLL_MS = 4000;

export function followKpiCache(shared: LangiumSharedCoreServices, services: VplanCoreServices, dir: string = kpiCacheDir()): void {
    const load = async () => {
        const snapshot = await readKpiCache(dir);
        services.kolada.Kpis.set(snapshot);
        const affected: URI[] = [];
        for (const doc of shared.workspace.LangiumDocuments.all) {
            const root = doc.parseResult?.value;
            if (root && AstUtils.streamAllContents(root).some(n => isSourceRef(n) && Boolean(n.kpi))) affected.push(doc.uri);
        }
        if (affected.length > 0) await shared.workspace.DocumentBuilder.update(affected, []);
    };
    void load().catch(err => console.error('vplan: reading the Kolada KPI cache failed:', err));
    const watcher = watchFile(kpiCacheFile(dir), { interval: POLL_MS, persistent: false }, (now, before) => {
        if (now.mtimeMs !== before.mtimeMs) void load().catch(err => console.error('vplan: reading the Kolada KPI cache failed:', err));
    });
    void watcher;
}
