import { afterEach, describe, expect, test } from 'vitest';
import { createServer } from 'node:net';
import { KoladaClient, KoladaError, koladaBaseUrl, totalValue, type KoladaDataRow } from '../src/index.js';
import { fixture, startStandIn, type StandIn } from './kolada-stand-in.js';

let standIn: StandIn | undefined;
afterEach(async () => {
    await standIn?.close();
    standIn = undefined;
});

/** A port nothing listens on: bound, then closed. */
async function closedPort(): Promise<number> {
    const server = createServer();
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    await new Promise<void>(resolve => server.close(() => resolve()));
    return port;
}

async function failure(p: Promise<unknown>): Promise<KoladaError> {
    try {
        await p;
    } catch (err) {
        if (err instanceof KoladaError) return err;
        throw err;
    }
    throw new Error('expected a KoladaError');
}

describe('the Kolada v3 client', () => {
    test('follows the pages (next_url) until the last', async () => {
        standIn = await startStandIn(fixture('norsjo'), { pageSize: 2 });
        const client = new KoladaClient({ baseUrl: standIn.url });
        const rows = await client.data(['U23471', 'U21468'], ['2417'], [2023, 2024, 2025, 2026]);
        expect(rows.map(r => `${r.kpi} ${r.period}`).sort()).toEqual(
            ['U21468 2024', 'U21468 2025', 'U21468 2026', 'U23471 2023', 'U23471 2024', 'U23471 2025']);
        expect(standIn.requests).toEqual([
            '/v3/data/kpi/U23471,U21468/municipality/2417/year/2023,2024,2025,2026',
            '/v3/data/kpi/U23471,U21468/municipality/2417/year/2023,2024,2025,2026?page=2&per_page=2',
            '/v3/data/kpi/U23471,U21468/municipality/2417/year/2023,2024,2025,2026?page=3&per_page=2'
        ]);
    });

    test('splits more than 25 KPIs (or years) into requests of at most 25', async () => {
        const kpis = Array.from({ length: 30 }, (_, i) => `N${String(10000 + i)}`);
        const data: KoladaDataRow[] = kpis.map((kpi, i) => ({ kpi, municipality: '2417', period: 2025, values: [{ gender: 'T', count: 1, status: '', value: i }] }));
        standIn = await startStandIn({ kpis: [], data });
        const client = new KoladaClient({ baseUrl: standIn.url });
        const rows = await client.data(kpis, ['2417'], Array.from({ length: 27 }, (_, i) => 1999 + i));
        expect(rows).toHaveLength(30);
        expect(standIn.requests).toHaveLength(4); // 2 KPI lists × 2 year lists
        for (const r of standIn.requests) {
            const [, kpiList, , , , yearList] = r.split('/').slice(2);
            expect(kpiList.split(',').length).toBeLessThanOrEqual(25);
            expect(yearList.split(',').length).toBeLessThanOrEqual(25);
        }
    });

    test('a value Kolada lacks is null; the total is the T value', async () => {
        standIn = await startStandIn(fixture('norsjo'));
        const rows = await new KoladaClient({ baseUrl: standIn.url }).data(['U21468'], ['2417'], [2024, 2025]);
        const byYear = new Map(rows.map(r => [r.period, totalValue(r)]));
        expect(byYear).toEqual(new Map([[2024, 93], [2025, null]]));
    });

    test('KPI metadata: an unknown id is absent from the answer', async () => {
        standIn = await startStandIn(fixture('norsjo'));
        const kpis = await new KoladaClient({ baseUrl: standIn.url }).kpis(['U23471', 'X99999']);
        expect(kpis.map(k => k.id)).toEqual(['U23471']);
        expect(kpis[0].title).toMatch(/helhetssyn/);
    });

    test('a municipality group with its members; an unknown id (404) is undefined, a 500 a failure', async () => {
        const group = { id: 'G7', title: 'Liknande kommuner', members: [{ id: '2401', title: 'Arjeplog' }, { id: '2403' }] };
        standIn = await startStandIn({ kpis: [], data: [], municipality_groups: [group] }, { faults: [{ match: '/G500', fault: 500 }] });
        const client = new KoladaClient({ baseUrl: standIn.url });
        expect(await client.municipalityGroup('G7')).toEqual(group);
        expect(await client.municipalityGroup('G8')).toBeUndefined();
        expect(standIn.requests).toEqual(['/v3/municipality_groups/G7', '/v3/municipality_groups/G8']);
        expect((await failure(client.municipalityGroup('G500'))).status).toBe(500);
    });

    test('404 and 500 fail with the URL and the status', async () => {
        standIn = await startStandIn(fixture('norsjo'), { faults: [{ match: '/kpi/U404', fault: 404 }, { match: '/kpi/U500', fault: 500 }] });
        const client = new KoladaClient({ baseUrl: standIn.url });
        const notFound = await failure(client.kpis(['U404']));
        expect(notFound.status).toBe(404);
        expect(notFound.line('en')).toBe(`${standIn.url}/kpi/U404: HTTP 404 Not Found`);
        const broken = await failure(client.kpis(['U500']));
        expect(broken.line('sv')).toBe(`${standIn.url}/kpi/U500: HTTP 500 Internal Server Error`);
    });

    test('a server that does not answer times out; one that is not there is refused', async () => {
        standIn = await startStandIn(fixture('norsjo'), { faults: [{ match: '/data/', fault: 'timeout' }] });
        const slow = await failure(new KoladaClient({ baseUrl: standIn.url, timeoutMs: 300 }).data(['U23471'], ['2417'], [2025]));
        expect(slow.line('en')).toMatch(/\/data\/kpi\/U23471\/municipality\/2417\/year\/2025: no answer within 0.3 s$/);
        expect(slow.line('sv')).toMatch(/inget svar inom 0,3 s$/);
        const port = await closedPort();
        const refused = await failure(new KoladaClient({ baseUrl: `http://127.0.0.1:${port}/v3` }).kpis(['U23471']));
        expect(refused.line('en')).toBe(`http://127.0.0.1:${port}/v3/kpi/U23471: connection refused (ECONNREFUSED)`);
    });

    test('an answer that is not Kolada\'s JSON is a failure, not an empty result', async () => {
        standIn = await startStandIn(fixture('norsjo'), { faults: [{ match: '/kpi/', fault: 'not-json' }] });
        const e = await failure(new KoladaClient({ baseUrl: standIn.url }).kpis(['U23471']));
        expect(e.line('en')).toMatch(/: the answer is not JSON$/);
    });

    test('the base URL: the option, else VPLAN_KOLADA_URL, else Kolada; bad ones refused', () => {
        expect(koladaBaseUrl(undefined, {})).toBe('https://api.kolada.se/v3');
        expect(koladaBaseUrl(undefined, { VPLAN_KOLADA_URL: 'http://127.0.0.1:8080/v3/' })).toBe('http://127.0.0.1:8080/v3');
        expect(koladaBaseUrl('http://mirror.example/v3', { VPLAN_KOLADA_URL: 'http://other/v3' })).toBe('http://mirror.example/v3');
        expect(() => koladaBaseUrl('ftp://x', {})).toThrow(KoladaError);
        expect(() => koladaBaseUrl('not a url', {})).toThrow(/not a valid URL/);
    });
});
