import type { Lang, Localized } from '@vplan/language';

/** The follow-up report's own headings and words, in Swedish and English. Status and progress words come from LABELS. */
export const REPORT_LABELS = {
    followUp: { sv: 'Uppföljning', en: 'Follow-up' },
    ready: { sv: 'Klar för rapport', en: 'Ready for the report' },
    draft: { sv: 'Utkast', en: 'Draft' },
    deviations: { sv: 'Avvikelser', en: 'Deviations' },
    noDeviations: { sv: 'Inga avvikelser: ingen indikator är röd, gul eller går inte att bedöma.', en: 'No deviations: no indicator is red, yellow or cannot be assessed.' },
    analysis: { sv: 'Analys', en: 'Analysis' },
    actions: { sv: 'Åtgärder', en: 'Actions' },
    noAnalysis: { sv: 'Analys saknas.', en: 'No analysis yet.' },
    fulfilment: { sv: 'Måluppfyllelse', en: 'Goal fulfilment' },
    goal: { sv: 'Mål', en: 'Goal' },
    councilGoals: { sv: 'Kommunfullmäktiges mål', en: "The council's goals" },
    unitGoals: { sv: 'Enheternas mål', en: "The units' goals" },
    units: { sv: 'Enheter', en: 'Units' },
    notAssessable: { sv: 'Ej bedömbara', en: 'Not assessable' },
    indicators: { sv: 'Indikatorer per enhet', en: 'Indicators per unit' },
    indicator: { sv: 'Indikator', en: 'Indicator' },
    planLevel: { sv: 'Planen', en: 'The plan' },
    activities: { sv: 'Aktiviteter och uppdrag', en: 'Activities and assignments' },
    activity: { sv: 'Aktivitet eller uppdrag', en: 'Activity or assignment' },
    comment: { sv: 'Kommentar', en: 'Comment' },
    deadline: { sv: 'senast', en: 'due' },
    overdue: { sv: 'försenad mot sista datum', en: 'past its deadline' },
    changes: { sv: 'Förändringar sedan', en: 'Changes since' },
    noChanges: { sv: 'Inga förändringar.', en: 'No changes.' },
    period: { sv: 'Period', en: 'Period' },
    deviationsOnly: { sv: 'Bara avvikelser', en: 'Deviations only' },
    wholePlan: { sv: 'Hela planen', en: 'The whole plan' }
} as const satisfies Record<string, Localized>;

export function reportLabel(key: keyof typeof REPORT_LABELS, lang: Lang): string {
    return REPORT_LABELS[key][lang];
}
