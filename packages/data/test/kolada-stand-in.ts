// A stand-in for Kolada's v3 API on 127.0.0.1, for tests: it answers the data, KPI and
// municipality-group routes from recorded rows, in Kolada's shape ({ values, count, next_url }),
// refuses lists longer than 25 as Kolada does (an unknown municipality group is a 404), pages its answers, and can be told to fail
// (404, 500, a timeout). No test ever calls the real network.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import type { KoladaDataRow, KoladaKpi, KoladaMunicipalityGroup } from '../src/index.js';

export interface StandInData {
    kpis: KoladaKpi[];
    data: KoladaDataRow[];
    municipality_groups?: KoladaMunicipalityGroup[];
}

export type Fault = 404 | 500 | 'timeout' | 'not-json';

export interface StandInOptions {
    /** Rows per page (Kolada: 5,000); small in tests so that paging is exercised. */
    pageSize?: number;
    /** Paths (a substring or a pattern of the path) that fail in the given way. */
    faults?: { match: string | RegExp; fault: Fault }[];
}

export interface StandIn {
    /** The base URL, like https://api.kolada.se/v3. */
    url: string;
    /** Every path asked for, in order (with its query). */
    requests: string[];
    close(): Promise<void>;
}

/** The recorded answers in packages/data/test/fixtures/<name>.json. */
export function fixture(name: string): StandInData {
    return JSON.parse(readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8')) as StandInData;
}

export async function startStandIn(data: StandInData, options: StandInOptions = {}): Promise<StandIn> {
    const requests: string[] = [];
    const pageSize = options.pageSize ?? 5000;
    let base = '';
    const hanging = new Set<ServerResponse>();
    const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
        const url = new URL(req.url ?? '/', 'http://127.0.0.1');
        requests.push(url.pathname + url.search);
        const fault = options.faults?.find(f => (typeof f.match === 'string' ? url.pathname.includes(f.match) : f.match.test(url.pathname)))?.fault;
        if (fault === 'timeout') {
            hanging.add(res);
            return; // never answers
        }
        if (fault === 'not-json') return send(res, 200, '<html>maintenance</html>', 'text/html');
        if (fault) return send(res, fault, JSON.stringify({ error: fault === 404 ? 'Not Found' : 'Internal Server Error' }));
        const path = url.pathname.replace(/^\/v3/, '');
        const list = (s: string) => decodeURIComponent(s).split(',').filter(Boolean);
        let values: unknown[];
        let m: RegExpExecArray | null;
        if ((m = /^\/data\/kpi\/([^/]+)\/municipality\/([^/]+)(?:\/year\/([^/]+))?$/.exec(path))) {
            const [kpis, muns, years] = [list(m[1]), list(m[2]), m[3] ? list(m[3]) : undefined];
            if ([kpis, muns, years ?? []].some(l => l.length > 25)) return send(res, 400, JSON.stringify({ error: 'At most 25 ids per list' }));
            values = data.data.filter(r => kpis.includes(r.kpi) && muns.includes(r.municipality) && (!years || years.includes(String(r.period))));
        } else if ((m = /^\/kpi\/([^/]+)$/.exec(path))) {
            const ids = list(m[1]);
            if (ids.length > 25) return send(res, 400, JSON.stringify({ error: 'At most 25 ids per list' }));
            values = data.kpis.filter(k => ids.includes(k.id));
        } else if (path === '/municipality_groups') {
            values = data.municipality_groups ?? [];
        } else if ((m = /^\/municipality_groups\/([^/]+)$/.exec(path))) {
            const ids = list(m[1]);
            values = (data.municipality_groups ?? []).filter(g => ids.includes(g.id));
            if (values.length === 0) return send(res, 404, JSON.stringify({ error: 'Not Found' }));
        } else {
            return send(res, 404, JSON.stringify({ error: 'Not Found' }));
        }
        const page = Math.max(1, Number(url.searchParams.get('page') ?? 1));
        const rows = values.slice((page - 1) * pageSize, page * pageSize);
        const more = page * pageSize < values.length;
        const body: Record<string, unknown> = { values: rows, count: rows.length };
        if (more) body.next_url = `${base}${path}?page=${page + 1}&per_page=${pageSize}`;
        if (page > 1) body.previous_url = `${base}${path}?page=${page - 1}&per_page=${pageSize}`;
        send(res, 200, JSON.stringify(body));
    });
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v3`;
    return {
        url: base,
        requests,
        close: () => new Promise<void>(resolve => {
            for (const res of hanging) res.destroy();
            server.closeAllConnections();
            server.close(() => resolve());
        })
    };
}

function send(res: ServerResponse, status: number, body: string, type = 'application/json; charset=utf-8'): void {
    res.writeHead(status, { 'content-type': type });
    res.end(body);
}
