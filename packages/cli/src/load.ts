// Loads the inputs of a command into one batch workspace (parse, link, validate).
import type { LangiumDocument } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { createVplanCoreServices, type KpiCatalogSnapshot, type VplanCoreServices } from '@vplan/language';
import { loadWorkspace, type InputProblem, type LoadPhase } from '@vplan/language/node';
import type { Lang, LanguagePreference } from '@vplan/language/i18n';
import { expandInputs } from './inputs.js';

export interface LoadedPlans {
    documents: LangiumDocument[];
    problems: InputProblem[];
    services: VplanCoreServices;
}

type Services = ReturnType<typeof createVplanCoreServices>;

/** Services made ready in a start-up snapshot: lexer and parser built, their lookahead warmed up. */
let prewarmed: Services | undefined;

/** Called while the snapshot is built (see main.ts): the parse of a small plan warms the parser. */
export function prewarm(): void {
    prewarmed = createVplanCoreServices(NodeFileSystem);
    prewarmed.Vplan.parser.LangiumParser.parse(WARM_UP);
}

const WARM_UP = `organisation o "O" { kolada 1 }
mål g "G"
roll r "R"
källa k "K"
plan p "P" {
  organisation o
  år 2026
  uppföljning T1, T2, helår
  avsnitt "A" """
    Text
    """
  enhet u "U" {
    mål "M" { punkt "P" }
    förbättring "F"
    effekt "E"
    indikator i "I" {
      källa k kpi "U1" publiceras v 24
      bidrar till g
      skala 0..100
      grön >= 82
      gul 74–81
      utfall 2024: 67
      utfall 2025-T1: iu
      utfall 2026: väntas v 4
      nuläge 2023: nej
      mäts årligen
      ansvarig r
      rapporterar r
      aktivitet "A" { senast 2026-10-31 status påbörjad }
    }
    budgetuppdrag "B" { belopp 150 tkr ansvarig r rapporterar r uppföljning T2, helår }
  }
}
`;

/** `--as-of` of the run: the date follow-up checks judge deadlines at (else today). */
let asOfDate: string | undefined;
export function setAsOf(date: string | undefined): void {
    asOfDate = date;
}

/** The language of a run: the command's context (its language and the user's choice of it) or just a language. */
export type Who = Lang | {
    lang: Lang;
    language?: LanguagePreference;
    /** Kolada's KPI metadata from the cache (validate): the KPI checks read it, never the network. */
    kpis?: KpiCatalogSnapshot;
};

/**
 * Fresh services for one workspace, in the run's language (with `auto`, every document's diagnostics
 * are in that plan's keyword language). The warm ones from the snapshot serve the first call.
 */
export function coreServices(who: Who): Services {
    const lang = typeof who === 'string' ? who : who.lang;
    const language = typeof who === 'string' ? who : who.language ?? who.lang;
    // Services are single-use: a workspace is built once.
    const services = prewarmed ?? createVplanCoreServices(NodeFileSystem);
    prewarmed = undefined;
    services.Vplan.i18n.Locale.lang = lang;
    services.Vplan.i18n.Locale.preference = language;
    services.Vplan.followUp.AsOf.date = asOfDate;
    if (typeof who !== 'string' && who.kpis) services.Vplan.kolada.Kpis.set(who.kpis);
    return services;
}

export async function loadPlans(inputs: readonly string[], who: Who, options: { validation?: boolean; context?: string[] } = {}): Promise<LoadedPlans> {
    const loadOptions = options;
    // VPLAN_TIMING=1 prints where a run's time goes (the benchmarks read it).
    const timing = process.env.VPLAN_TIMING ? [`start ${performance.now().toFixed(0)} ms${prewarmed ? ' (snapshot)' : ''}`] : undefined;
    const expanded = await expandInputs(inputs);
    const { shared, Vplan } = coreServices(who);
    const { documents, problems } = await loadWorkspace({ shared, Vplan }, expanded.inputs, {
        ...loadOptions,
        // The CLI never answers find-references: the reference index would be built for nobody.
        referenceIndex: false,
        onPhase: timing && ((phase: LoadPhase, ms: number) => timing.push(`${phase} ${ms.toFixed(0)} ms`))
    });
    if (timing) process.stderr.write(`vplan timing: ${timing.join(' · ')}\n`);
    return { documents, problems: [...expanded.problems, ...problems], services: Vplan };
}
