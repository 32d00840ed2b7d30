import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { statusCountsOf } from '../../src/lsp/status-request.js';
import { createServices, KOMMUN_SV, reset, workspace, type Services } from './fixtures.js';

// Three indicators whose statuses differ: red (62 < 74), green (90 >= 82), no data (iu).
const PLAN = `plan omsorg2026 "Verksamhetsplan Omsorg 2026" {
  år 2026
  enhet aldreomsorg "Äldreomsorgen" {
    indikator rod "Helhetssyn särskilt boende" {
      grön >= 82
      gul >= 74
      utfall 2025: 62
      ansvarig enhetschefSabo
    }
    indikator gron "Helhetssyn hemtjänst" {
      grön >= 82
      gul >= 74
      utfall 2025: 90
    }
    indikator saknas "Kontinuitet" {
      grön >= 82
      utfall 2025: iu
    }
  }
}
`;

describe('vplan/statusCounts', () => {
    let services: Services;
    beforeAll(async () => { services = await createServices(); });
    afterEach(async () => { await reset(services); });

    test('counts every indicator of the document by the semantics module\'s status', async () => {
        const [, plan] = await workspace(services, { 'kommun.vplan': KOMMUN_SV, 'plan.vplan': PLAN });
        const result = statusCountsOf(plan, 'sv');
        expect(result.plan).toBe('Verksamhetsplan Omsorg 2026');
        expect(result.counts).toEqual({ green: 1, yellow: 0, red: 1, 'no-data': 1, pending: 0, undefined: 0 });
        expect(result.indicators.map(i => [i.name, i.status])).toEqual([
            ['rod', 'red'], ['gron', 'green'], ['saknas', 'no-data']
        ]);
    });

    test('gives each indicator its position and a reason in the requested language', async () => {
        const [, plan] = await workspace(services, { 'kommun.vplan': KOMMUN_SV, 'plan.vplan': PLAN });
        const sv = statusCountsOf(plan, 'sv').indicators[0];
        const en = statusCountsOf(plan, 'en').indicators[0];
        expect(sv).toMatchObject({ title: 'Helhetssyn särskilt boende', line: 3, character: 4 });
        expect(sv.reason).not.toBe(en.reason);
        expect(sv.reason.length).toBeGreaterThan(0);
        expect(en.reason.length).toBeGreaterThan(0);
    });

    test('a file without indicators counts zero, and broken text does not throw', async () => {
        const [catalogue, broken] = await workspace(services, {
            'kommun.vplan': KOMMUN_SV,
            'broken.vplan': 'plan x "X" { enhet e "E" { indikator i "I" { grön >= utfall 2025: } '
        });
        expect(statusCountsOf(catalogue, 'en').counts).toEqual({ green: 0, yellow: 0, red: 0, 'no-data': 0, pending: 0, undefined: 0 });
        expect(() => statusCountsOf(broken, 'en')).not.toThrow();
    });
});
