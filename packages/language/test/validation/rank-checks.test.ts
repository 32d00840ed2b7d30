// Rank bands fetched from a Kolada municipality group: the group id's form, and the value's direction.
import { describe, expect, test } from 'vitest';
import { CATALOGUE, validate } from './helpers.js';

const plan = (group: string, direction: string, kpi = 'kpi "N15006"') => `${CATALOGUE}
${group}
plan p "P" {
  år 2026
  indikator kostnad "Kostnad ekonomiskt bistånd" {
    källa kolada ${kpi}
    ${direction}
    grön 25 % bästa
    gul 26–50 % bästa
    jämfört med jmf
    mäts årligen
    ansvarig chef
    rapporterar strateg
  }
}`;

describe('a comparison group with a Kolada id', () => {
    test('a G and digits is accepted, quoted or not, any keyword case', async () => {
        for (const g of ['jämförelsegrupp jmf "Jämförbara kommuner" { kolada "G124026" }', 'Jämförelsegrupp jmf "J" { Kolada G5 }', 'group jmf "Similar" { kolada "G33" }']) {
            const r = await validate(plan(g, 'riktning lägre'), 'sv');
            expect(r.diagnostics.map(d => d.message)).toEqual([]);
        }
    });

    test('another form is a warning on the id, with a fix to the capital G when that is all', async () => {
        const r = await validate(plan('jämförelsegrupp jmf "J" { kolada "g124026" }', 'riktning lägre'), 'sv');
        const [d] = r.byCode('kolada-group-id-format');
        expect(d.severity).toBe(2);
        expect(r.text(d)).toBe('"g124026"');
        expect(d.message).toBe('Kolada-id:t "g124026" ser inte ut som en kommungrupp i Kolada: G och siffror, som "G124026".');
        expect((d.data as { fix?: { newText: string } }).fix?.newText).toBe('"G124026"');
        const other = await validate(plan('jämförelsegrupp jmf "J" { kolada "2417" }', 'riktning lägre'), 'en');
        const [e] = other.byCode('kolada-group-id-format');
        expect(e.message).toMatch(/^The Kolada id "2417" does not look like a Kolada municipality group/);
        expect((e.data as { fix?: unknown }).fix).toBeUndefined();
    });
});

describe('rank-direction-missing', () => {
    test('a KPI ranked against a Kolada group without riktning: a warning on the KPI id', async () => {
        const r = await validate(plan('jämförelsegrupp jmf "Jämförbara kommuner" { kolada "G124026" }', ''), 'sv');
        const [d] = r.byCode('rank-direction-missing');
        expect(d.severity).toBe(2);
        expect(r.text(d)).toBe('"N15006"');
        expect(d.message).toBe('Rangen bland Jämförbara kommuner kan inte räknas fram utan att veta vilket värde som är bäst: skriv riktning högre eller riktning lägre.');
    });

    test('nothing to say without a Kolada group, without a KPI, or with a direction', async () => {
        expect((await validate(plan('jämförelsegrupp jmf "J"', ''), 'sv')).byCode('rank-direction-missing')).toEqual([]);
        expect((await validate(plan('jämförelsegrupp jmf "J" { kolada "G1" }', '', ''), 'sv')).byCode('rank-direction-missing')).toEqual([]);
        expect((await validate(plan('jämförelsegrupp jmf "J" { kolada "G1" }', 'riktning högre'), 'sv')).codes()).toEqual([]);
    });
});
