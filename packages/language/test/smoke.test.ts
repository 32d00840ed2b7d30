import { describe, expect, test } from 'vitest';
import { EmptyFileSystem } from 'langium';
import { parseHelper } from 'langium/test';
import { createVplanCoreServices, type Document } from '../src/index.js';

const services = createVplanCoreServices(EmptyFileSystem).Vplan;
const parse = parseHelper<Document>(services);

describe('smoke', () => {
    test('parses a small plan', async () => {
        const doc = await parse(`
organisation norsjo "Norsjö kommun" { kolada 2417 }
mål valfard "Välfärd och välbefinnande genom livet"
roll enhetschefSabo "Enhetschef särskilt boende"
roll handlaggare "Handläggare"
källa kolada "Kolada"
jämförelsegrupp jamforbara "Jämförbara kommuner"
plan omsorg2026 "Verksamhetsplan Omsorg 2026" {
  organisation norsjo
  år 2026
  uppföljning T1, T2, helår
  avsnitt "1 Inledning" """
    Syftet med verksamhetsplanen är **att** vara ett verktyg.
    """
  enhet aldreomsorg "Äldreomsorgen" {
    mål "Säkerställa kompetensförsörjning"
    förbättring "Kontinuitet i personalgrupperna"
    effekt "Bättre ekonomi och lägre sjuktal"
    indikator helhetssynSabo "Helhetssyn särskilt boende" {
      källa kolada kpi "U23471" publiceras v 24
      bidrar till valfard "Välfärd och välbefinnande genom livet"
      skala 0..100
      grön 82 eller högre
      gul 74–81
      utfall 2024: 67
      utfall 2025: 62,5 (2024)
      utfall 2023: iu
      utfall 2026-T1: väntas v 4
      nuläge 2023: nej
      mäts årligen "maj"
      ansvarig enhetschefSabo
      rapporterar handlaggare
      aktivitet "Särskilt fokus på personalens kompetens" {
        senast 2025-10-31
        status ej påbörjad
        uppföljning T2, helår 2025
      }
    }
    indikator p "Personalkontinuitet" {
      serie htj "Hemtjänst" serie sabo "SÄBO"
      grön htj 13 eller färre
      grön sabo 1,3 eller färre
      gul htj 14-15
      gul sabo 1,4..1,7
      grön ja 95 %
      grön öka med 10 %
      grön 25 % bästa
      gul 26–50 % bästa
      jämfört med jamforbara
      röd nej
      grön >= 82
      utfall 2024 htj: 1 330
    }
  }
  budgetuppdrag "Riktlinjer för arbetsskor" { belopp 150 tkr aktivitet "Ta fram riktlinjer" uppföljning T2, årsbokslut 2025 ansvarig handlaggare rapporterar handlaggare }
}
`, { documentUri: 'file:///t/a.vplan' });
        expect(doc.parseResult.lexerErrors).toEqual([]);
        expect(doc.parseResult.parserErrors.map(e => e.message)).toEqual([]);
        const plan = doc.parseResult.value.elements.find(e => e.$type === 'Plan');
        expect(plan).toBeDefined();
    });
});
