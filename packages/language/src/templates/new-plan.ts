// The files a new plan starts from: the municipality file (what every plan of the municipality
// shares) and a first plan that refers to it. One template for both surfaces that create plans:
// `vplan init` and the editor's *New plan* command. Plain strings and no Langium, so that the
// extension's client can import it without loading the language.
import type { Lang } from '../i18n/lang.js';

export interface NewPlanOptions {
    lang: Lang;
    /** The plan's year; the current year when absent. */
    year?: number;
}

export interface TemplateFile {
    /** File name, relative to the folder the plan is created in. */
    name: string;
    text: string;
}

/** File names first, so that a caller can check for existing files before it writes anything. */
export function newPlanFileNames(options: NewPlanOptions): { shared: string; plan: string } {
    const year = options.year ?? new Date().getFullYear();
    return options.lang === 'sv'
        ? { shared: 'kommun.vplan', plan: `verksamhetsplan-${year}.vplan` }
        : { shared: 'municipality.vplan', plan: `plan-${year}.vplan` };
}

/** The municipality file and the first plan, in the chosen keyword language. */
export function newPlanFiles(options: NewPlanOptions): TemplateFile[] {
    const year = options.year ?? new Date().getFullYear();
    const names = newPlanFileNames({ ...options, year });
    const [shared, plan] = options.lang === 'sv' ? swedish(year) : english(year);
    return [{ name: names.shared, text: shared }, { name: names.plan, text: plan }];
}

function swedish(year: number): [string, string] {
    const shared = `// Det som alla kommunens planer delar: organisationen, de övergripande målen, roller och källor.
// Byt namnen mot era egna. Varje plan i mappen kan hänvisa till det som står här.

organisation kommunen "Vår kommun" {
  förvaltning forvaltningen "Förvaltningen"
}

// Kommunfullmäktiges övergripande mål.
mål livskvalitet "God livskvalitet genom hela livet"
mål ekonomiIBalans "En ekonomi i balans"

// Roller: vem som genomför och vem som rapporterar.
roll forvaltningschef "Förvaltningschef"
roll enhetschef "Enhetschef"
roll controller "Controller"

// Källor till utfallen.
källa kolada "Kolada" {
  url "https://www.kolada.se"
}
källa egenUppfoljning "Egen uppföljning"
`;
    const plan = `// Verksamhetsplan ${year}. Skriv om texterna, lägg till enheter, indikatorer och aktiviteter.
// Förhandsvisningen visar planen som den läses; fel och varningar syns medan du skriver.

plan verksamhetsplan${year} "Verksamhetsplan ${year}" {
  organisation kommunen forvaltningen
  år ${year}
  uppföljning T1, T2, helår

  avsnitt "1 Inledning" """
    Vad planen är till för och hur den följs upp.
    """

  avsnitt "2 Enheter" {
    enhet enheten "2.1 Enheten" {
      mål "Ett mål för enheten."

      indikator nojdaBrukare "Nöjda brukare (%)" {
        källa egenUppfoljning
        bidrar till livskvalitet
        skala 0..100
        måttenhet "%"
        grön 85 eller högre
        gul 75–84
        utfall ${year - 1}: 80
        mäts årligen
        ansvarig enhetschef
        rapporterar controller
        aktivitet "En första aktivitet" {
          ansvarig enhetschef
          rapporterar controller
          senast ${year}-12-31
          status ej påbörjad
        }
      }
    }
  }
}
`;
    return [shared, plan];
}

function english(year: number): [string, string] {
    const shared = `// What every plan of the municipality shares: the organization, the overarching goals, roles and
// sources. Replace the names with your own. Every plan in this folder can refer to what is here.

organization municipality "Our Municipality" {
  department administration "The Administration"
}

// The council's overarching goals.
goal wellbeing "A good life at every age"
goal balanced "An economy in balance"

// Roles: who carries out and who reports.
role director "Director"
role unitManager "Unit Manager"
role controller "Controller"

// Where the outcomes come from.
source kolada "Kolada" {
  url "https://www.kolada.se"
}
source ownFollowUp "Own follow-up"
`;
    const plan = `// Operational plan ${year}. Rewrite the texts, add units, indicators and activities.
// The preview shows the plan as it reads; errors and warnings appear as you type.

plan plan${year} "Operational Plan ${year}" {
  organization municipality administration
  year ${year}
  follow-up T1, T2, annual

  section "1 Introduction" """
    What the plan is for and how it is followed up.
    """

  section "2 Units" {
    unit theUnit "2.1 The Unit" {
      goal "A goal for the unit."

      indicator satisfiedUsers "Satisfied users (%)" {
        source ownFollowUp
        contributes to wellbeing
        scale 0..100
        measure "%"
        green 85 or higher
        yellow 75–84
        outcome ${year - 1}: 80
        measured yearly
        responsible unitManager
        reports controller
        activity "A first activity" {
          responsible unitManager
          reports controller
          deadline ${year}-12-31
          status not started
        }
      }
    }
  }
}
`;
    return [shared, plan];
}
