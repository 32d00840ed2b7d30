// KPI ids against Kolada's metadata as cached: the validator reads the catalogue the host filled
// and never the network; with nothing cached it says nothing.
import { afterEach, describe, expect, test } from 'vitest';
import { titlesPlainlyDiffer } from '../../src/index.js';
import { CATALOGUE, services, validate } from './helpers.js';

const plan = (kpi: string, title = 'Helhetssyn särskilt boende') => `${CATALOGUE}
plan p "P" {
  år 2026
  indikator i "${title}" {
    källa kolada kpi "${kpi}"
    grön 82 eller högre
    mäts årligen
    ansvarig chef
    rapporterar strateg
  }
}`;

const cached = {
    source: 'http://127.0.0.1/v3',
    kpis: {
        U23471: { id: 'U23471', title: 'Brukarbedömning särskilt boende äldreomsorg - helhetssyn, andel (%)', fetched: '2026-11-30T10:00:00.000Z' },
        U99999: { id: 'U99999', unknown: true, fetched: '2026-11-30T10:00:00.000Z' }
    }
};

afterEach(() => services.Vplan.kolada.Kpis.set(undefined));

describe('KPI ids held against the cached Kolada metadata', () => {
    test('nothing cached: no KPI finding at all', async () => {
        const r = await validate(plan('U99999'), 'sv');
        expect(r.codes().filter(c => c.includes('kpi'))).toEqual([]);
    });

    test('an id Kolada answered it does not know is an error on the id, in the plan\'s language', async () => {
        services.Vplan.kolada.Kpis.set(cached);
        const r = await validate(plan('U99999'), 'sv');
        const [d] = r.byCode('unknown-kpi');
        expect(d.severity).toBe(1);
        expect(r.text(d)).toBe('"U99999"');
        expect(d.message).toBe('Kolada känner inte till KPI U99999 (enligt Kolada 2026-11-30). Kontrollera id:t.');
    });

    test('a Kolada title sharing no word with the indicator\'s is a hint; a shortened one is not', async () => {
        services.Vplan.kolada.Kpis.set(cached);
        const same = await validate(plan('U23471'), 'en');
        expect(same.codes().filter(c => c.includes('kpi'))).toEqual([]);
        const other = await validate(plan('U23471', 'Sjukfrånvaro bland medarbetare'), 'en');
        const [d] = other.byCode('kpi-title-mismatch');
        expect(d.severity).toBe(4);
        expect(d.message).toBe('The KPI U23471 is titled "Brukarbedömning särskilt boende äldreomsorg - helhetssyn, andel (%)" in Kolada, unlike "Sjukfrånvaro bland medarbetare". The right KPI id?');
    });

    test('a KPI not in the cache (fetched for other plans) is not judged', async () => {
        services.Vplan.kolada.Kpis.set(cached);
        const r = await validate(plan('U21468', 'Helhetssyn hemtjänst'), 'sv');
        expect(r.codes().filter(c => c.includes('kpi'))).toEqual([]);
    });

    test('titles: generic words (andel, antal) do not make two titles alike; stems do', () => {
        expect(titlesPlainlyDiffer('Andel nöjda elever', 'Andel invånare med bredband')).toBe(true);
        expect(titlesPlainlyDiffer('Särskilda boenden, helhet', 'Brukarbedömning särskilt boende')).toBe(false);
        expect(titlesPlainlyDiffer('KPI', 'Något helt annat')).toBe(false);
    });
});
