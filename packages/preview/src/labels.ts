import type { Lang, Localized } from '@vplan/language';

/**
 * Every user-visible word the renderer writes, in Swedish and English. One catalogue, so a label is
 * translated once and the page, the Markdown output and the webview always agree.
 */
export const LABELS = {
    contents: { sv: 'Innehåll', en: 'Contents' },
    overview: { sv: 'Översikt', en: 'Overview' },
    overviewIntro: {
        sv: 'Senaste utfall per indikator jämfört med målnivåerna, utvecklingen sedan föregående mätning och läget för aktiviteterna.',
        en: 'Latest outcome of each indicator against its target levels, the change since the previous measurement, and the progress of the activities.'
    },
    byGoal: { sv: 'Per övergripande mål', en: 'By overarching goal' },
    byUnit: { sv: 'Per enhet', en: 'By unit' },
    indicators: { sv: 'Indikatorer', en: 'Indicators' },
    indicator: { sv: 'Indikator', en: 'Indicator' },
    activities: { sv: 'Aktiviteter', en: 'Activities' },
    noIndicators: { sv: 'Inga indikatorer', en: 'No indicators' },
    noActivities: { sv: 'Inga aktiviteter', en: 'No activities' },
    noTrend: { sv: 'Ej jämförbar', en: 'No comparison' },
    noOutcomeYet: { sv: 'Inget utfall ännu', en: 'No outcome yet' },
    wholePlan: { sv: 'Hela planen', en: 'Whole plan' },
    year: { sv: 'År', en: 'Year' },
    followUp: { sv: 'Uppföljning', en: 'Follow-up' },
    organisation: { sv: 'Organisation', en: 'Organisation' },
    goals: { sv: 'Mål', en: 'Goals' },
    improvements: { sv: 'Synliga förbättringar', en: 'Visible improvements' },
    effects: { sv: 'Effekter', en: 'Effects' },
    expectedEffects: { sv: 'Förväntade effekter', en: 'Expected effects' },
    source: { sv: 'Hämtas från', en: 'Source' },
    kolada: { sv: 'Nyckeltal i Kolada', en: 'Key figure in Kolada' },
    published: { sv: 'Publiceras', en: 'Published' },
    week: { sv: 'v', en: 'week' },
    overarchingGoal: { sv: 'Övergripande mål', en: 'Overarching goal' },
    targetLevels: { sv: 'Målnivåer', en: 'Target levels' },
    outcomes: { sv: 'Utfall', en: 'Outcomes' },
    outcome: { sv: 'Utfall', en: 'Outcome' },
    period: { sv: 'Period', en: 'Period' },
    status: { sv: 'Status', en: 'Status' },
    baseline: { sv: 'Nuläge', en: 'Baseline' },
    series: { sv: 'Serie', en: 'Series' },
    scale: { sv: 'Skala', en: 'Scale' },
    unitOfMeasure: { sv: 'Måttenhet', en: 'Unit' },
    measuredHow: { sv: 'Mäts', en: 'Measured' },
    measures: { sv: 'Mäter', en: 'Measures' },
    responsible: { sv: 'Ansvarig för genomförande', en: 'Responsible for execution' },
    reporting: { sv: 'Ansvarig för rapportering', en: 'Responsible for reporting' },
    deadline: { sv: 'Senast', en: 'Deadline' },
    followUpPeriods: { sv: 'Följs upp', en: 'Followed up' },
    footnote: { sv: 'Not', en: 'Note' },
    amount: { sv: 'Belopp', en: 'Amount' },
    budgetAssignment: { sv: 'Budgetuppdrag', en: 'Budget assignment' },
    controlArea: { sv: 'Kontrollområde', en: 'Quality-control assignment' },
    mission: { sv: 'Uppdrag', en: 'Mission' },
    restates: { sv: 'Återger', en: 'Restates' },
    comparedWith: { sv: 'Jämförs med', en: 'Compared with' },
    direction: { sv: 'Riktning', en: 'Direction' },
    higherIsBetter: { sv: 'högre är bättre', en: 'higher is better' },
    lowerIsBetter: { sv: 'lägre är bättre', en: 'lower is better' },
    // With rank bands `riktning` is the measured value's; the rank itself is better when lower.
    higherValueIsBetter: { sv: 'högre värde är bättre', en: 'a higher value is better' },
    lowerValueIsBetter: { sv: 'lägre värde är bättre', en: 'a lower value is better' },
    chartOf: { sv: 'Diagram: utfall för', en: 'Chart: outcomes of' },
    chartNoData: { sv: 'inga mätvärden att rita', en: 'no values to draw' },
    syntaxErrors: {
        sv: 'Planen har syntaxfel. Förhandsvisningen visar den senaste versionen som gick att läsa.',
        en: 'The plan has syntax errors. The preview shows the last version that could be read.'
    },
    syntaxErrorsNoGood: {
        sv: 'Planen har syntaxfel. Det som gick att läsa visas nedan.',
        en: 'The plan has syntax errors. What could be read is shown below.'
    },
    noPlan: {
        sv: 'Filen innehåller ingen plan (plan … { … }). Gemensamma mål, roller och källor visas nedan.',
        en: 'The file holds no plan (plan … { … }). Shared goals, roles and sources are listed below.'
    },
    sharedGoals: { sv: 'Kommunövergripande mål', en: 'Overarching goals' },
    roles: { sv: 'Roller', en: 'Roles' },
    sources: { sv: 'Källor', en: 'Sources' },
    generatedBy: { sv: 'Skapad med vplan', en: 'Made with vplan' },
    of: { sv: 'av', en: 'of' },
    // exported documents (Word, PDF) and the deviations list
    page: { sv: 'Sida', en: 'Page' },
    howOften: { sv: 'Hur ofta det ska mätas', en: 'How often it is measured' },
    performance: { sv: 'Prestationer – det som ska mätas', en: 'Performance – what is measured' },
    result: { sv: 'Resultat', en: 'Result' },
    deviations: { sv: 'Avvikelser', en: 'Deviations' },
    deviationsIntro: {
        sv: 'Indikatorer som är röda, gula eller inte kan bedömas, de allvarligaste först.',
        en: 'Indicators that are red, yellow or cannot be assessed, the most serious first.'
    },
    indexTitle: { sv: 'Planer och måluppfyllelse', en: 'Plans and target fulfilment' },
    plans: { sv: 'Planer', en: 'Plans' },
    barometer: { sv: 'Barometer per övergripande mål', en: 'Barometer by overarching goal' },
    barometerIntro: {
        sv: 'Alla planers indikatorer och aktiviteter samlade per kommunövergripande mål.',
        en: 'The indicators and activities of every plan, gathered by overarching goal.'
    },
    noDeviations: { sv: 'Inga avvikelser: alla indikatorer med utfall är gröna.', en: 'No deviations: every indicator with an outcome is green.' },
    // progress of an activity
    'progress.done': { sv: 'Klar', en: 'Done' },
    'progress.started': { sv: 'Påbörjad', en: 'Started' },
    'progress.not-started': { sv: 'Ej påbörjad', en: 'Not started' },
    'progress.delayed': { sv: 'Försenad', en: 'Delayed' },
    'progress.cancelled': { sv: 'Inställd', en: 'Cancelled' },
    'progress.unknown': { sv: 'Ingen status', en: 'No status' },
    // frequencies
    'frequency.yearly': { sv: 'årligen', en: 'yearly' },
    'frequency.monthly': { sv: 'månadsvis', en: 'monthly' },
    'frequency.quarterly': { sv: 'kvartalsvis', en: 'quarterly' },
    'frequency.tertial': { sv: 'tertialvis', en: 'every tertial' },
    'frequency.weekly': { sv: 'veckovis', en: 'weekly' },
    // periods
    'period.annual': { sv: 'Helår', en: 'Annual' },
    'period.interim': { sv: 'Delår', en: 'Interim' },
    // outcome values
    'value.iu': { sv: 'iu', en: 'n/a' },
    'value.yes': { sv: 'Ja', en: 'Yes' },
    'value.no': { sv: 'Nej', en: 'No' },
    'value.pending': { sv: 'väntas', en: 'pending' }
} as const satisfies Record<string, Localized>;

export type LabelKey = keyof typeof LABELS;

/** The label in the given language. */
export function label(key: LabelKey, lang: Lang): string {
    // Keys built from words of the plan are checked by the types; a half-written plan can still
    // produce one that is not there, and a preview must not fail over a label.
    return LABELS[key]?.[lang] ?? key;
}

/** The label for a key built at run time (a word from the plan), or the fallback if there is none. */
export function labelOr(key: string, lang: Lang, fallback: string): string {
    return Object.prototype.hasOwnProperty.call(LABELS, key) ? LABELS[key as LabelKey][lang] : fallback;
}

/** A count with its noun ("3 klara"), used in text alternatives of the charts; statuses and trends count with semantics' statusCount. */
export function countPhrase(kind: string, n: number, lang: Lang): string {
    const forms = COUNT_FORMS[kind];
    if (!forms) return `${n}`;
    const [one, many] = forms[lang];
    return `${n} ${n === 1 ? one : many}`;
}

const COUNT_FORMS: Record<string, Record<Lang, [string, string]>> = {
    done: { sv: ['klar', 'klara'], en: ['done', 'done'] },
    started: { sv: ['påbörjad', 'påbörjade'], en: ['started', 'started'] },
    'not-started': { sv: ['ej påbörjad', 'ej påbörjade'], en: ['not started', 'not started'] },
    delayed: { sv: ['försenad', 'försenade'], en: ['delayed', 'delayed'] },
    cancelled: { sv: ['inställd', 'inställda'], en: ['cancelled', 'cancelled'] },
    unknown: { sv: ['utan status', 'utan status'], en: ['without status', 'without status'] },
    indicators: { sv: ['indikator', 'indikatorer'], en: ['indicator', 'indicators'] },
    activities: { sv: ['aktivitet', 'aktiviteter'], en: ['activity', 'activities'] }
};
