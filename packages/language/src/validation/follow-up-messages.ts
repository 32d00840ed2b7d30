import type { Localized } from '../i18n/lang.js';

// The messages of the follow-up checks, in Swedish and English.
type L = Localized;
const both = (sv: string, en: string): L => ({ sv, en });

export const followUpMessages = {
    missingAnalysis: (title: string, status: L, period: string): L => both(
        `Indikatorn "${title}" är ${status.sv} vid ${period} men saknar analys (analys """…""").`,
        `The indicator "${title}" is ${status.en} at ${period} but has no analysis (analysis """…""").`
    ),
    missingActions: (title: string, status: L, period: string): L => both(
        `Indikatorn "${title}" är ${status.sv} vid ${period}: vilka åtgärder vidtas? (åtgärder """…""")`,
        `The indicator "${title}" is ${status.en} at ${period}: what is done about it? (actions """…""")`
    ),
    missingOutcome: (title: string, period: string): L => both(
        `Uppföljningen ${period} är klar för rapport men indikatorn "${title}", som ska mätas då, saknar utfall.`,
        `The follow-up ${period} is ready for the report but the indicator "${title}", due then, has no outcome.`
    ),
    overdue: (title: string, deadline: string, state: L | undefined, asOf: string): L => both(
        `Aktiviteten "${title}" skulle vara klar ${deadline} men är ${state?.sv ?? 'utan status'} (per ${asOf}).`,
        `The activity "${title}" was due ${deadline} but is ${state?.en ?? 'without a status'} (as of ${asOf}).`
    ),
    backwards: (title: string, from: L, to: L): L => both(
        `"${title}" har gått från ${from.sv} till ${to.sv} utan kommentar: skriv varför (kommentar "…").`,
        `"${title}" went from ${from.en} to ${to.en} without a comment: say why (comment "…").`
    ),
    unknownPeriod: (period: string, plan: string, declared: string): L => both(
        `Planen ${plan} har ingen uppföljningsperiod ${period} (den följs upp ${declared}).`,
        `The plan ${plan} has no follow-up period ${period} (it is followed up ${declared}).`
    ),
    notInPlan: (what: L, written: string, plan: string): L => both(
        `Planen ${plan} har ingen ${what.sv} ${written}.`,
        `The plan ${plan} has no ${what.en} ${written}.`
    ),
    unknownSeries: (series: string, title: string): L => both(
        `Indikatorn "${title}" har ingen serie ${series}.`,
        `The indicator "${title}" has no series ${series}.`
    ),
    fixAddAnalysis: both('Lägg till en analys', 'Add an analysis'),
    fixAddActions: both('Lägg till åtgärder', 'Add actions'),
    fixAddComment: both('Lägg till en kommentar', 'Add a comment'),
    fixUse: (s: string): L => both(`Ändra till ${s}`, `Change to ${s}`)
};

export const FOLLOWED_KIND: Record<string, L> = {
    activity: both('aktivitet', 'activity'),
    budget: both('budgetuppdrag', 'budget assignment'),
    control: both('kontrollområde', 'control area'),
    mission: both('uppdrag', 'mission'),
    indicator: both('indikator', 'indicator')
};
