import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AstUtils, EmptyFileSystem, GrammarAST, isReference, type AstNode } from 'langium';
import { parseHelper } from 'langium/test';
import { createVplanCoreServices, type Document } from '../src/index.js';

// Every keyword has a Swedish and an English form, and a plan written either way is the same plan.
// The two texts below say the same thing, one in each language; together they use every keyword of
// the grammar (checked below), so a keyword whose twin is missing or normalised differently fails here.

const services = createVplanCoreServices(EmptyFileSystem).Vplan;
const parse = parseHelper<Document>(services);

const SWEDISH = `
organisation norsjo "Norsjö kommun" {
  kolada 2417
  förvaltning omsorg "Omsorg"
}
mål valfard "Välfärd och välbefinnande genom livet"
mål delmal "Delmål" {
  bidrar till valfard
  punkt "Första punkten"
  aktivitet "Göra något"
  text """Om målet."""
}
roll chef "Verksamhetschef"
roll strateg "Strateg"
källa kolada "Kolada" {
  url "https://www.kolada.se"
  publiceras v 24, vecka 48
}
jämförelsegrupp jamforbara "Jämförbara kommuner"

plan p2026 "Verksamhetsplan 2026" {
  organisation norsjo omsorg
  år 2026
  måluppfyllelse uppfyllt 75 %, ej uppfyllt 50 %
  beslutad av kommunstyrelsen 2025-12-10 § 123, dnr KS 2025/456
  uppföljning T1, T2, delår "Delårsrapport", helår
  text """Inledande **text**."""
  avsnitt "1 Inledning" """
    - en punkt
      - en underpunkt
    """ {
    avsnitt "1.1 Bakgrund" """Bakgrund."""
    mål "Ett mål i ett avsnitt"
    indikator kfHelhet "Helhetssyn" {
      maxvärde 100
      grön nivå 82
      gul nivå 76
    }
  }
  enhet aldre "Äldreomsorgen" {
    mål "Säkerställa kompetensförsörjning"
    förbättring "Kontinuitet i personalgrupperna"
    effekt "Bättre ekonomi och lägre sjuktal"
    fotnot "Resultat presenteras v 24"
    text """Om enheten."""
    avsnitt "Analys" """Analys."""
    aktivitet "En aktivitet i enheten"
    indikator helhet "Helhetssyn särskilt boende" {
      återger kfHelhet
      källa kolada kpi "U23471" publiceras v 24
      bidrar till valfard "Välfärd och välmående genom livet"
      skala 0..100
      måttenhet "%"
      decimaler 1
      riktning högre
      grön 82 eller högre
      gul 74–81
      röd 0-73
      utfall 2024: 67
      utfall 2025: 62,5 (2024)
      utfall 2023: iu
      utfall 2026-T1: väntas v 4
      utfall 2026-03: väntas
      nuläge 2023: nej
      nuläge: grön
      mäts årligen "maj"
      ansvarig chef, strateg
      rapporterar strateg
      mäter "Andel nöjda"
      fotnot """Fotnot."""
      text """Analys av indikatorn."""
      aktivitet "Särskilt fokus på kompetens" {
        ansvarig chef
        rapporterar strateg
        senast 2026-10-31
        mäter "Antal utbildade"
        status påbörjad
        uppföljning T2, årsbokslut 2026
        text """Not."""
      }
      aktivitet "Alla tillstånd" {
        status klar
        status ej påbörjad
        status försenad
        status inställd
      }
    }
    indikator zoo "Alla trösklar" {
      riktning lägre
      serie htj "Hemtjänst"
      serie sabo
      grön htj 13 eller färre
      gul htj 14–15
      grön sabo 1,3 eller mindre
      gul sabo 1,4..1,7
      grön 7,0 eller lägre
      gul 1 eller mer
      gul 2 eller fler
      gul 3 eller över
      gul 4 eller under
      grön >= 1
      grön ≥ 2
      grön > 3
      grön <= 4
      grön ≤ 5
      grön < 6
      gul 1—2
      grön ja
      röd nej
      grön ja 95 %
      gul ja 90 %
      grön öka med 10 %
      gul minska med 5 %
      grön 25 % bästa
      gul 26–50 % bästa
      jämfört med jamforbara
      jämfört med föregående
      jämfört med nuläge
      grön 0 tkr
      gul 1 330 kr
      röd -5 mkr
      utfall 2025 htj: 13
      utfall 2025 sabo: -
      utfall 2024 sabo: .
      utfall 2023 sabo: ..
      utfall 2022: ja
      utfall 2021: röd
      utfall 2020: 31 % bästa
      nuläge 2019 htj: 7,06
      mäts årlig
      mäts månatligen
      mäts månadsvis
      mäts månatlig
      mäts kvartalsvis
      mäts tertialvis
      mäts veckovis
      grön minst 1
      grön högst 2
      gul över 3
      gul under 4
      gul 70 till 79
      gul 5 %–8 %
      gul ≥ 74 och < 82
      gul ja 80–90 %
      gul ja ≥ 95 %
      gul öka med 5–9 %
      röd −6 mkr
      mäts varje år
      mäts varje månad
      mäts varje kvartal
      mäts varje tertial
      mäts varje vecka
      mäts en gång per år
    }
    budgetuppdrag arbetsskor "Riktlinjer för arbetsskor" {
      belopp 150 tkr
      effekt "Färre skador"
      aktivitet "Ta fram riktlinjer"
      uppföljning T2, delår, helår 2026
      ansvarig chef
      rapporterar chef
      mäter "Riktlinjer finns"
      fotnot "Tillskjuten budget"
      text """Mer om uppdraget."""
      bidrar till valfard
    }
  }
  kontrollområde seniorAlert "Uppstart av senior alert" {
    aktivitet "Projekt för införande"
    ansvarig strateg
    rapporterar chef
  }
  uppdrag demensteam "Demensteam" {
    effekt "Individer kan bo hemma längre"
    aktivitet "Implementera identifierat team"
    ansvarig chef
    rapporterar chef
  }
  budgetuppdrag "Utan id" {
    belopp 2,5 mkr
  }
}
uppföljning T1 av p2026 {
  klar för rapport
  utkast
  indikator helhet {
    utfall: 81
    utfall htj: 13
    analys """Bättre än väntat."""
    åtgärder "Fortsätt som nu."
    text """Mer."""
  }
  aktivitet "Särskilt fokus på kompetens" {
    status påbörjad
    kommentar "Halvvägs."
  }
  budgetuppdrag arbetsskor { status klar }
  kontrollområde seniorAlert { status ej påbörjad }
  uppdrag "Demensteam" { status försenad kommentar """Vakanser.""" }
}
`;

const ENGLISH = `
organization norsjo "Norsjö kommun" {
  kolada 2417
  department omsorg "Omsorg"
}
goal valfard "Välfärd och välbefinnande genom livet"
goal delmal "Delmål" {
  contributes to valfard
  point "Första punkten"
  activity "Göra något"
  text """Om målet."""
}
role chef "Verksamhetschef"
role strateg "Strateg"
source kolada "Kolada" {
  url "https://www.kolada.se"
  published week 24, week 48
}
group jamforbara "Jämförbara kommuner"

plan p2026 "Verksamhetsplan 2026" {
  organization norsjo omsorg
  year 2026
  goal-fulfilment fulfilled 75 %, not fulfilled 50 %
  adopted by kommunstyrelsen 2025-12-10 § 123, ref KS 2025/456
  follow-up T1, T2, interim "Delårsrapport", annual
  text """Inledande **text**."""
  section "1 Inledning" """
    - en punkt
      - en underpunkt
    """ {
    section "1.1 Bakgrund" """Bakgrund."""
    goal "Ett mål i ett avsnitt"
    indicator kfHelhet "Helhetssyn" {
      max 100
      green level 82
      yellow level 76
    }
  }
  unit aldre "Äldreomsorgen" {
    goal "Säkerställa kompetensförsörjning"
    improvement "Kontinuitet i personalgrupperna"
    effect "Bättre ekonomi och lägre sjuktal"
    footnote "Resultat presenteras v 24"
    text """Om enheten."""
    section "Analys" """Analys."""
    activity "En aktivitet i enheten"
    indicator helhet "Helhetssyn särskilt boende" {
      restates kfHelhet
      source kolada kpi "U23471" published week 24
      contributes to valfard "Välfärd och välmående genom livet"
      scale 0..100
      measure "%"
      precision 1
      direction higher
      green 82 or higher
      yellow 74–81
      red 0-73
      outcome 2024: 67
      outcome 2025: 62,5 (2024)
      outcome 2023: no-data
      outcome 2026-T1: pending week 4
      outcome 2026-03: pending
      baseline 2023: no
      baseline: green
      measured annually "maj"
      responsible chef, strateg
      reports strateg
      measures "Andel nöjda"
      footnote """Fotnot."""
      text """Analys av indikatorn."""
      activity "Särskilt fokus på kompetens" {
        responsible chef
        reports strateg
        deadline 2026-10-31
        measures "Antal utbildade"
        status started
        follow-up T2, annual 2026
        text """Not."""
      }
      activity "Alla tillstånd" {
        status done
        status not started
        status delayed
        status cancelled
      }
    }
    indicator zoo "Alla trösklar" {
      direction lower
      series htj "Hemtjänst"
      series sabo
      green htj 13 or fewer
      yellow htj 14–15
      green sabo 1,3 or less
      yellow sabo 1,4..1,7
      green 7,0 or lower
      yellow 1 or more
      yellow 2 or more
      yellow 3 or above
      yellow 4 or below
      green >= 1
      green ≥ 2
      green > 3
      green <= 4
      green ≤ 5
      green < 6
      yellow 1—2
      green yes
      red no
      green yes 95 %
      yellow yes 90 %
      green increase by 10 %
      yellow decrease by 5 %
      green 25 % best
      yellow 26–50 % best
      compared with jamforbara
      compared with previous
      compared with baseline
      green 0 tkr
      yellow 1 330 kr
      red -5 mkr
      outcome 2025 htj: 13
      outcome 2025 sabo: -
      outcome 2024 sabo: .
      outcome 2023 sabo: ..
      outcome 2022: yes
      outcome 2021: red
      outcome 2020: 31 % best
      baseline 2019 htj: 7,06
      measured yearly
      measured monthly
      measured monthly
      measured monthly
      measured quarterly
      measured per-tertial
      measured weekly
      green at least 1
      green at most 2
      yellow above 3
      yellow below 4
      yellow 70 to 79
      yellow 5 %–8 %
      yellow ≥ 74 and < 82
      yellow yes 80–90 %
      yellow yes ≥ 95 %
      yellow increase by 5–9 %
      red −6 mkr
      measured every year
      measured every month
      measured every quarter
      measured every tertial
      measured every week
      measured every year
    }
    budget arbetsskor "Riktlinjer för arbetsskor" {
      amount 150 tkr
      effect "Färre skador"
      activity "Ta fram riktlinjer"
      follow-up T2, interim, annual 2026
      responsible chef
      reports chef
      measures "Riktlinjer finns"
      footnote "Tillskjuten budget"
      text """Mer om uppdraget."""
      contributes to valfard
    }
  }
  control seniorAlert "Uppstart av senior alert" {
    activity "Projekt för införande"
    responsible strateg
    reports chef
  }
  mission demensteam "Demensteam" {
    effect "Individer kan bo hemma längre"
    activity "Implementera identifierat team"
    responsible chef
    reports chef
  }
  budget "Utan id" {
    amount 2,5 mkr
  }
}
follow-up T1 of p2026 {
  ready for report
  draft
  indicator helhet {
    outcome: 81
    outcome htj: 13
    analysis """Bättre än väntat."""
    actions "Fortsätt som nu."
    text """Mer."""
  }
  activity "Särskilt fokus på kompetens" {
    status started
    comment "Halvvägs."
  }
  budget arbetsskor { status done }
  control seniorAlert { status not started }
  mission "Demensteam" { status delayed comment """Vakanser.""" }
}
`;

// The English text spells each word list once; its remaining synonyms are used here, so the coverage
// check below sees them too.
const ENGLISH_SYNONYMS = `
plan synonyms "Synonyms" {
  indicator s "S" {
    activity "A" {
      status not-started
    }
  }
}
`;

/** The model without Langium's bookkeeping ($type kept, $container/$cstNode/positions dropped); references as their text. */
function serialise(node: unknown): unknown {
    if (Array.isArray(node)) return node.map(serialise);
    if (isReference(node)) return { ref: node.$refText };
    if (node && typeof node === 'object') {
        const out: Record<string, unknown> = {};
        const record = node as Record<string, unknown>;
        if (typeof record.$type === 'string') out.type = record.$type;
        for (const key of Object.keys(record).sort()) {
            if (key.startsWith('$')) continue;
            out[key] = serialise(record[key]);
        }
        return out;
    }
    return node;
}

async function parseClean(text: string) {
    const doc = await parse(text);
    expect(doc.parseResult.lexerErrors.map(e => `${e.line}:${e.column} ${e.message}`)).toEqual([]);
    expect(doc.parseResult.parserErrors.map(e => `${e.token.startLine}: ${e.message}`)).toEqual([]);
    return doc;
}

function keywordsOfGrammar(): Set<string> {
    return new Set(AstUtils.streamAllContents(services.Grammar).filter(GrammarAST.isKeyword).map(k => k.value).toArray());
}

function keywordTokens(text: string): Set<string> {
    const keywords = keywordsOfGrammar();
    const { tokens } = services.parser.Lexer.tokenize(text);
    return new Set(tokens.map(t => t.tokenType.name).filter(name => keywords.has(name)));
}

describe('Swedish and English keywords', () => {
    test('the same plan in Swedish and in English parses to the same model', async () => {
        const sv = await parseClean(SWEDISH);
        const en = await parseClean(ENGLISH);
        const a = serialise(sv.parseResult.value);
        const b = serialise(en.parseResult.value);
        expect(b).toEqual(a);
        // Not vacuous: the model holds the whole plan.
        expect(JSON.stringify(a)).toContain('"Alla trösklar"');
        expect(AstUtils.streamAllContents(sv.parseResult.value).count()).toBeGreaterThan(200);
    });

    test('word lists are normalised to one canonical value', async () => {
        const sv = await parseClean(SWEDISH);
        const model = serialise(sv.parseResult.value);
        const json = JSON.stringify(model);
        for (const swedishOnly of ['"grön"', '"gul"', '"röd"', '"årligen"', '"påbörjad"', '"helår"', '"delår"', '"nej"', '"högre"']) {
            expect(json).not.toContain(swedishOnly);
        }
        const bands = AstUtils.streamAllContents(sv.parseResult.value).filter(n => n.$type === 'Band').toArray() as AstNode[];
        expect(new Set(bands.map(b => (b as unknown as { color: string }).color))).toEqual(new Set(['green', 'yellow', 'red']));
    });

    test('the texts use every keyword of the grammar', async () => {
        await parseClean(ENGLISH_SYNONYMS);
        const used = new Set([...keywordTokens(SWEDISH), ...keywordTokens(ENGLISH), ...keywordTokens(ENGLISH_SYNONYMS)]);
        const missing = [...keywordsOfGrammar()].filter(k => !used.has(k)).sort();
        expect(missing).toEqual([]);
    });

    test('docs/language.md lists every keyword of the grammar', () => {
        const docPath = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../docs/language.md');
        const doc = readFileSync(docPath, 'utf8');
        // Every word in a code span of the reference counts as documented.
        const documented = new Set<string>();
        for (const span of doc.matchAll(/`([^`\n]+)`/g)) {
            for (const word of span[1].split(/\s+/)) documented.add(word);
        }
        const punctuation = new Set(['(', ')', ',', ':', '{', '}']);
        const missing = [...keywordsOfGrammar()].filter(k => !punctuation.has(k) && !documented.has(k)).sort();
        expect(missing).toEqual([]);
    });
});
