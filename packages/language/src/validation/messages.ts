import type { Localized } from '../i18n/lang.js';

/**
 * The validator's messages in Swedish and English. Each takes the numbers and names it must show,
 * already formatted per language where they differ (decimal comma or point).
 */
type L = Localized;

const both = (sv: string, en: string): L => ({ sv, en });

const BETTER: Record<'higher' | 'lower', L> = {
    higher: both('högre är bättre', 'higher is better'),
    lower: both('lägre är bättre', 'lower is better')
};

const SIDE: Record<'higher' | 'lower', L> = {
    higher: both('över', 'above'),
    lower: both('under', 'below')
};

/** A kind of declaration; `neuter` marks a Swedish ett-word ("ett mål": "okänt mål", "ett annat mål"). */
export type Kind = L & { neuter?: boolean };

const neuter = (sv: string, en: string): Kind => ({ sv, en, neuter: true });

export const REFERENCE_KIND: Record<string, Kind> = {
    Role: both('roll', 'role'),
    Goal: neuter('mål', 'goal'),
    Source: both('källa', 'source'),
    Indicator: both('indikator', 'indicator'),
    SeriesDecl: both('serie', 'series'),
    Period: both('uppföljningsperiod', 'follow-up period'),
    Organisation: both('organisation', 'organisation'),
    Department: both('förvaltning', 'department'),
    ComparisonGroup: both('jämförelsegrupp', 'comparison group'),
    Plan: both('plan', 'plan'),
    Unit: both('enhet', 'unit'),
    BudgetAssignment: neuter('budgetuppdrag', 'budget assignment'),
    ControlArea: neuter('kontrollområde', 'control area'),
    Mission: neuter('uppdrag', 'mission')
};

/** "Aktiviteten", "The activity" — what a responsibility message is about. */
export const THING: Record<string, L> = {
    Activity: both('Aktiviteten', 'The activity'),
    BudgetAssignment: both('Budgetuppdraget', 'The budget assignment'),
    ControlArea: both('Kontrollområdet', 'The control area'),
    Mission: both('Uppdraget', 'The mission'),
    Indicator: both('Indikatorn', 'The indicator')
};

export const messages = {
    bandOverlap: (a: L, b: L, shared: L): L => both(
        `Banden överlappar: ${a.sv} och ${b.sv} delar ${shared.sv}. Ett utfall där får två färger.`,
        `The bands overlap: ${a.en} and ${b.en} share ${shared.en}. An outcome there would get two colours.`
    ),
    bandGap: (below: L, above: L, uncovered: L, decimals: number): L => both(
        `Glapp mellan ${below.sv} och ${above.sv}: ${uncovered.sv} täcks inte av något band (med ${decimals} ${decimals === 1 ? 'decimal' : 'decimaler'}).`,
        `Gap between ${below.en} and ${above.en}: ${uncovered.en} is covered by no band (at ${decimals} ${decimals === 1 ? 'decimal' : 'decimals'}).`
    ),
    outcomeInGap: (value: L, period: string, below: L, above: L): L => both(
        `Utfallet ${value.sv} (${period}) ligger i glappet mellan ${below.sv} och ${above.sv} och kan inte bedömas.`,
        `The outcome ${value.en} (${period}) falls in the gap between ${below.en} and ${above.en} and cannot be assessed.`
    ),
    outcomeInOverlap: (value: L, period: string, bands: L): L => both(
        `Utfallet ${value.sv} (${period}) ligger i flera band (${bands.sv}) och kan inte bedömas.`,
        `The outcome ${value.en} (${period}) is in more than one band (${bands.en}) and cannot be assessed.`
    ),
    outcomeOutsideBands: (value: L, period: string, bands: L): L => both(
        `Utfallet ${value.sv} (${period}) ligger utanför alla band (${bands.sv}) och kan inte bedömas.`,
        `The outcome ${value.en} (${period}) is outside every band (${bands.en}) and cannot be assessed.`
    ),
    outcomeWrongKind: (display: string, period: string, bands: L): L => both(
        `Utfallet ${display} (${period}) är av ett annat slag än indikatorns band (${bands.sv}) och kan inte bedömas.`,
        `The outcome ${display} (${period}) is of another kind than the indicator's bands (${bands.en}) and cannot be assessed.`
    ),
    outcomeNoSeries: (display: string, period: string, series: string | undefined, withBands: string): L => both(
        (series ? `Utfallet ${display} (${period}) gäller serien ${series}, som saknar band, och` : `Utfallet ${display} (${period}) anger ingen serie och`)
            + ` kan inte bedömas: indikatorn har band för ${withBands}.`,
        (series ? `The outcome ${display} (${period}) is for the series ${series}, which has no bands, and` : `The outcome ${display} (${period}) names no series and`)
            + ` cannot be assessed: the indicator has bands for ${withBands}.`
    ),
    directionConflictBands: (better: L, worse: L, direction: 'higher' | 'lower'): L => both(
        `Motstridig riktning: ${better.sv} betyder att ${BETTER[direction].sv}, men ${worse.sv} ligger ${SIDE[direction].sv} det.`,
        `Conflicting direction: ${better.en} means ${BETTER[direction].en}, but ${worse.en} lies ${SIDE[direction].en} it.`
    ),
    /** A worse band on the better side, where the direction is the declared one (not the bands' own). */
    directionConflictDeclaredBands: (better: L, worse: L, declared: 'higher' | 'lower'): L => both(
        `Motstridig riktning: indikatorn anger att ${BETTER[declared].sv}, men ${worse.sv} ligger ${SIDE[declared].sv} ${better.sv}.`,
        `Conflicting direction: the indicator declares that ${BETTER[declared].en}, but ${worse.en} lies ${SIDE[declared].en} ${better.en}.`
    ),
    directionConflictDeclared: (band: L, declared: 'higher' | 'lower'): L => both(
        `Motstridig riktning: indikatorn anger att ${BETTER[declared].sv}, men ${band.sv} säger motsatsen.`,
        `Conflicting direction: the indicator declares that ${BETTER[declared].en}, but ${band.en} says the opposite.`
    ),
    mixedKinds: (band: L, kind: L, expected: L): L => both(
        `Bandet ${band.sv} mäter ${kind.sv}, indikatorns övriga band ${expected.sv}; det räknas inte.`,
        `The band ${band.en} measures ${kind.en}, the indicator's other bands ${expected.en}; it is ignored.`
    ),
    thresholdOutOfScale: (value: L, scale: L): L => both(
        `Gränsvärdet ${value.sv} ligger utanför skalan ${scale.sv}.`,
        `The threshold ${value.en} is outside the scale ${scale.en}.`
    ),
    outcomeOutOfScale: (value: L, period: string, scale: L): L => both(
        `Utfallet ${value.sv} (${period}) ligger utanför skalan ${scale.sv}.`,
        `The outcome ${value.en} (${period}) is outside the scale ${scale.en}.`
    ),
    baselineOutOfScale: (value: L, period: string | undefined, scale: L): L => both(
        `Nuläget ${value.sv}${period ? ` (${period})` : ''} ligger utanför skalan ${scale.sv}.`,
        `The baseline ${value.en}${period ? ` (${period})` : ''} is outside the scale ${scale.en}.`
    ),
    missingResponsible: (thing: L, title: string): L => both(
        `${thing.sv} "${title}" saknar ansvarig för genomförande (ansvarig …).`,
        `${thing.en} "${title}" has no one responsible for carrying it out (responsible …).`
    ),
    missingReporter: (thing: L, title: string): L => both(
        `${thing.sv} "${title}" saknar ansvarig för rapportering (rapporterar …).`,
        `${thing.en} "${title}" has no one responsible for reporting it (reports …).`
    ),
    indicatorNotReported: (title: string): L => both(
        `Ingen rapporterar indikatorn "${title}": varken den eller dess aktiviteter har rapporterar ….`,
        `Nobody reports the indicator "${title}": neither it nor its activities have reports ….`
    ),
    missingFrequency: (title: string): L => both(
        `Indikatorn "${title}" anger inte hur ofta den mäts (mäts årligen, mäts månatligen …), som planens övriga indikatorer gör.`,
        `The indicator "${title}" does not say how often it is measured (measured yearly, measured monthly …), as the plan's other indicators do.`
    ),
    unresolved: (kind: Kind, written: string, suggestion?: string): L => both(
        `${kind.neuter ? 'Okänt' : 'Okänd'} ${kind.sv} "${written}".` + (suggestion ? ` Menade du "${suggestion}"?` : ''),
        `Unknown ${kind.en} "${written}".` + (suggestion ? ` Did you mean "${suggestion}"?` : '')
    ),
    duplicateId: (name: string, kind: Kind, where: string): L => both(
        `Id:t "${name}" är redan deklarerat för ${kind.neuter ? 'ett annat' : 'en annan'} ${kind.sv} (${where}).`,
        `The id "${name}" is already declared for another ${kind.en} (${where}).`
    ),
    restatedDiffers: (color: L, restated: string, ours: L, theirs: L): L => both(
        `${capital(color.sv)} skiljer sig från den återgivna indikatorn ${restated}: här ${ours.sv}, där ${theirs.sv}.`,
        `${capital(color.en)} differs from the restated indicator ${restated}: here ${ours.en}, there ${theirs.en}.`
    ),
    unknownKpi: (kpi: string, fetched: string): L => both(
        `Kolada känner inte till KPI ${kpi} (enligt Kolada ${fetched}). Kontrollera id:t.`,
        `Kolada does not know the KPI ${kpi} (as Kolada answered on ${fetched}). Check the id.`
    ),
    kpiTitleMismatch: (kpi: string, koladaTitle: string, title: string): L => both(
        `KPI ${kpi} heter "${koladaTitle}" i Kolada, vilket inte liknar "${title}". Rätt KPI-id?`,
        `The KPI ${kpi} is titled "${koladaTitle}" in Kolada, unlike "${title}". The right KPI id?`
    ),
    koladaGroupIdFormat: (id: string): L => both(
        `Kolada-id:t "${id}" ser inte ut som en kommungrupp i Kolada: G och siffror, som "G124026".`,
        `The Kolada id "${id}" does not look like a Kolada municipality group: a G and digits, such as "G124026".`
    ),
    rankDirectionMissing: (group: string): L => both(
        `Rangen bland ${group} kan inte räknas fram utan att veta vilket värde som är bäst: skriv riktning högre eller riktning lägre.`,
        `The rank among ${group} cannot be computed without knowing which value is best: write direction higher or direction lower.`
    ),
    kpiIdFormat: (kpi: string): L => both(
        `KPI-id:t "${kpi}" ser inte ut som Koladas: en bokstav och fem siffror, som "U23471" eller "N00945".`,
        `The KPI id "${kpi}" does not look like Kolada's: a letter and five digits, such as "U23471" or "N00945".`
    ),
    sameKpiBandsDiffer: (kpi: string, other: string, ours: L, theirs: L): L => both(
        `Samma KPI (${kpi}) som indikatorn ${other}, men andra band: här ${ours.sv}, där ${theirs.sv}. Skriv återger ${other} om det är samma indikator.`,
        `The same KPI (${kpi}) as the indicator ${other}, but other bands: here ${ours.en}, there ${theirs.en}. Write restates ${other} if it is the same indicator.`
    ),
    relatedAlsoDeclared: (name: string): L => both(`"${name}" deklareras också här`, `"${name}" is also declared here`),
    relatedGoal: (goal: string): L => both(`Målet ${goal} deklareras här`, `The goal ${goal} is declared here`),
    relatedRestated: (restated: string, theirs: L): L => both(`${restated}: ${theirs.sv}`, `${restated}: ${theirs.en}`),
    relatedSameKpi: (other: string, theirs: L): L => both(`${other}: ${theirs.sv}`, `${other}: ${theirs.en}`),
    goalTitleMismatch: (goal: string, declared: string, written: string): L => both(
        `Målet ${goal} heter "${declared}", inte "${written}".`,
        `The goal ${goal} is titled "${declared}", not "${written}".`
    ),
    outcomeAfterPlan: (period: string, year: number): L => both(
        `Utfallet gäller ${period}, efter planens år ${year}.`,
        `The outcome is for ${period}, after the plan's year ${year}.`
    ),
    outcomeLongBeforePlan: (period: string, year: number, years: number): L => both(
        `Utfallet gäller ${period}, mer än ${years} år före planens år ${year}.`,
        `The outcome is for ${period}, more than ${years} years before the plan's year ${year}.`
    ),
    deadlineOutsidePlan: (date: string, year: number): L => both(
        `Sista datum ${date} ligger utanför planens år ${year}.`,
        `The deadline ${date} is outside the plan's year ${year}.`
    ),
    nonexistentPeriod: (period: string, letter: string, count: number): L => both(
        `Perioden ${period} finns inte: ett år har ${{ T: 'tertialerna', Q: 'kvartalen', H: 'halvåren' }[letter] ?? 'perioderna'} ${letter}1–${letter}${count}.`,
        `The period ${period} does not exist: a year has the ${{ T: 'tertials', Q: 'quarters', H: 'half-years' }[letter] ?? 'periods'} ${letter}1–${letter}${count}.`
    ),
    deadlineNotADate: (date: string): L => both(
        `Sista datum ${date} finns inte i kalendern.`,
        `The deadline ${date} is not a date of the calendar.`
    ),
    unknownPeriod: (label: string, declared: string): L => both(
        `Planen har ingen uppföljningsperiod ${label} (den följs upp ${declared}).`,
        `The plan has no follow-up period ${label} (it is followed up ${declared}).`
    ),
    missingPlanYear: (title: string): L => both(
        `Planen "${title}" anger inget år (år 2026 …): utfall och sista datum kan inte jämföras med planens år.`,
        `The plan "${title}" states no year (year 2026 …): outcomes and deadlines cannot be compared with the plan's year.`
    ),
    staleMonthly: (title: string, year: number): L => both(
        `Indikatorn "${title}" mäts månatligen men har inget utfall för en period under ${year}.`,
        `The indicator "${title}" is measured monthly but has no outcome for a period of ${year}.`
    ),
    fixUseSuggestion: (s: string): L => both(`Ändra till "${s}"`, `Change to "${s}"`),
    fixReplace: (text: string): L => both(`Ändra till ${text}`, `Change to ${text}`),
    fixUseDeclaredTitle: (title: string): L => both(`Använd målets titel "${title}"`, `Use the goal's title "${title}"`)
};

export const KIND_WORD: Record<string, L> = {
    numeric: both('värdet', 'the value'),
    'share-of-yes': both('andelen ja', 'the share of yes'),
    'relative-change': both('förändringen', 'the change'),
    rank: both('rangen', 'the rank'),
    'yes-no': both('ja eller nej', 'yes or no')
};

function capital(s: string): string {
    return s.charAt(0).toUpperCase() + s.slice(1);
}
