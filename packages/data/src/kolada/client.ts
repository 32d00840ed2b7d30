// The Kolada v3 client (https://api.kolada.se/v3): open, read-only, no key. Answers are JSON
// `{ values, count, next_url | next_page }`; a page holds at most 5,000 rows and a list in a path at
// most 25 ids or years, so requests are split and pages followed here, once, for every caller.
import { KoladaError, describeFailure } from './errors.js';

export const DEFAULT_KOLADA_URL = 'https://api.kolada.se/v3';
/** Kolada refuses longer id and year lists in one path. */
export const MAX_LIST = 25;
const DEFAULT_TIMEOUT_MS = 15_000;
/** A loop guard: 5,000 rows a page, and no plan asks for a million rows. */
const MAX_PAGES = 200;

export type Gender = 'T' | 'K' | 'M';

/** One value of a data row: `value` is null when Kolada has none. */
export interface KoladaValue {
    gender: Gender;
    count?: number;
    status?: string | null;
    value: number | null;
}

export interface KoladaDataRow {
    kpi: string;
    municipality: string;
    period: number;
    values: KoladaValue[];
}

export interface KoladaKpi {
    id: string;
    title: string;
    description?: string;
    [field: string]: unknown;
}

export interface KoladaMunicipalityGroup {
    id: string;
    title: string;
    members: { id: string; title?: string }[];
}

export interface KoladaClientOptions {
    /** The API's base, `https://api.kolada.se/v3` unless a mirror or a test server is named. */
    baseUrl?: string;
    timeoutMs?: number;
    /** Aborts every request in flight (the editor's cancel button). */
    signal?: AbortSignal;
}

/** The base URL: the option, else VPLAN_KOLADA_URL, else Kolada's. Trailing slashes dropped. */
export function koladaBaseUrl(option: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
    const chosen = option?.trim() || env.VPLAN_KOLADA_URL?.trim() || DEFAULT_KOLADA_URL;
    let url: URL;
    try {
        url = new URL(chosen);
    } catch {
        throw new KoladaError(chosen, { sv: 'ogiltig adress', en: 'not a valid URL' });
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        throw new KoladaError(chosen, { sv: 'adressen måste börja med http:// eller https://', en: 'the URL must start with http:// or https://' });
    }
    return chosen.replace(/\/+$/, '');
}

/** Splits a list into Kolada-sized parts. */
export function chunks<T>(items: readonly T[], size = MAX_LIST): T[][] {
    const out: T[][] = [];
    for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
    return out;
}

export class KoladaClient {
    readonly baseUrl: string;
    private readonly timeoutMs: number;
    private readonly signal?: AbortSignal;
    /** How many HTTP requests this client made (for tests and the progress message). */
    requests = 0;

    constructor(options: KoladaClientOptions = {}) {
        this.baseUrl = (options.baseUrl ?? DEFAULT_KOLADA_URL).replace(/\/+$/, '');
        this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
        this.signal = options.signal;
    }

    /** Data rows for every combination of the KPIs, municipalities and years (each list split by 25). */
    async data(kpis: readonly string[], municipalities: readonly string[], years: readonly number[]): Promise<KoladaDataRow[]> {
        const rows: KoladaDataRow[] = [];
        const kpiList = unique(kpis);
        const munList = unique(municipalities);
        const yearList = unique(years.map(String));
        if (kpiList.length === 0 || munList.length === 0 || yearList.length === 0) return rows;
        for (const k of chunks(kpiList)) {
            for (const m of chunks(munList)) {
                for (const y of chunks(yearList)) {
                    const path = `/data/kpi/${k.map(encodeURIComponent).join(',')}/municipality/${m.map(encodeURIComponent).join(',')}/year/${y.join(',')}`;
                    for (const row of await this.list(path)) {
                        const parsed = asDataRow(row);
                        if (parsed) rows.push(parsed);
                    }
                }
            }
        }
        return rows;
    }

    /** Metadata of the KPIs Kolada knows; an id missing from the answer is unknown to Kolada. */
    async kpis(ids: readonly string[]): Promise<KoladaKpi[]> {
        const out: KoladaKpi[] = [];
        for (const part of chunks(unique(ids))) {
            for (const value of await this.list(`/kpi/${part.map(encodeURIComponent).join(',')}`)) {
                if (isRecord(value) && typeof value.id === 'string' && typeof value.title === 'string') out.push(value as KoladaKpi);
            }
        }
        return out;
    }

    /** Every municipality group (`/municipality_groups`), with its members. */
    async municipalityGroups(): Promise<KoladaMunicipalityGroup[]> {
        const out: KoladaMunicipalityGroup[] = [];
        for (const value of await this.list('/municipality_groups')) {
            const group = asGroup(value);
            if (group) out.push(group);
        }
        return out;
    }

    /**
     * One municipality group with its members (`/municipality_groups/{id}`); undefined when Kolada
     * does not know the id (a 404, or an empty answer).
     */
    async municipalityGroup(id: string): Promise<KoladaMunicipalityGroup | undefined> {
        let values: unknown[];
        try {
            values = await this.list(`/municipality_groups/${encodeURIComponent(id)}`);
        } catch (err) {
            if (err instanceof KoladaError && err.status === 404) return undefined;
            throw err;
        }
        return values.map(asGroup).find(g => g?.id === id);
    }

    /** Every row of a listing, following the pages. */
    private async list(path: string): Promise<unknown[]> {
        const values: unknown[] = [];
        let url: string | undefined = this.baseUrl + path;
        const seen = new Set<string>();
        for (let page = 0; url; page++) {
            if (page >= MAX_PAGES || seen.has(url)) throw new KoladaError(url, { sv: 'sidorna tar aldrig slut', en: 'the pages never end' });
            seen.add(url);
            const body = await this.getJson(url);
            if (!isRecord(body) || !Array.isArray(body.values)) {
                throw new KoladaError(url, { sv: 'svaret är inte Koladas format ({ values, count })', en: 'the answer is not in Kolada\'s shape ({ values, count })' });
            }
            values.push(...body.values);
            const next = body.next_url ?? body.next_page;
            url = typeof next === 'string' && next ? new URL(next, url).toString() : undefined;
        }
        return values;
    }

    private async getJson(url: string): Promise<unknown> {
        this.requests++;
        const timeout = AbortSignal.timeout(this.timeoutMs);
        const signal = this.signal ? AbortSignal.any([this.signal, timeout]) : timeout;
        let response: Response;
        try {
            response = await fetch(url, { headers: { accept: 'application/json' }, signal });
        } catch (err) {
            throw new KoladaError(url, describeFailure(err, this.timeoutMs));
        }
        let text: string;
        try {
            text = await response.text();
        } catch (err) {
            throw new KoladaError(url, describeFailure(err, this.timeoutMs));
        }
        if (!response.ok) {
            const status = `HTTP ${response.status}${response.statusText ? ' ' + response.statusText : ''}`;
            throw new KoladaError(url, { sv: status, en: status }, response.status);
        }
        try {
            return JSON.parse(text);
        } catch {
            throw new KoladaError(url, { sv: 'svaret är inte JSON', en: 'the answer is not JSON' });
        }
    }
}

function unique(items: readonly string[]): string[] {
    return [...new Set(items)];
}

function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asGroup(value: unknown): KoladaMunicipalityGroup | undefined {
    if (!isRecord(value) || typeof value.id !== 'string' || typeof value.title !== 'string' || !Array.isArray(value.members)) return undefined;
    const members = value.members.filter(isRecord).filter(m => typeof m.id === 'string') as { id: string; title?: string }[];
    return { id: value.id, title: value.title, members };
}

function asDataRow(value: unknown): KoladaDataRow | undefined {
    if (!isRecord(value) || typeof value.kpi !== 'string' || !Array.isArray(value.values)) return undefined;
    const period = Number(value.period);
    if (!Number.isInteger(period)) return undefined;
    const values: KoladaValue[] = [];
    for (const v of value.values) {
        if (!isRecord(v) || (v.gender !== 'T' && v.gender !== 'K' && v.gender !== 'M')) continue;
        const n = v.value === null || v.value === undefined ? null : Number(v.value);
        values.push({
            gender: v.gender,
            count: typeof v.count === 'number' ? v.count : undefined,
            status: typeof v.status === 'string' ? v.status : null,
            value: n === null || Number.isFinite(n) ? n : null
        });
    }
    return { kpi: value.kpi, municipality: String(value.municipality), period, values };
}

/** The total (gender T) of a row; null when Kolada has none. */
export function totalValue(row: KoladaDataRow): number | null {
    return row.values.find(v => v.gender === 'T')?.value ?? null;
}
