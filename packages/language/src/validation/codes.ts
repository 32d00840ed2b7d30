import type { ValidationSeverity } from 'langium';

/**
 * Every diagnostic the validator reports: a stable code (what tools, quick fixes and docs key on)
 * and its severity. Parse errors keep Langium's own codes (lexing-error, parsing-error).
 */
export const DIAGNOSTICS = {
    'band-overlap': 'warning',
    'band-gap': 'warning',
    'outcome-in-gap': 'error',
    'outcome-in-overlap': 'error',
    'outcome-outside-bands': 'error',
    'direction-conflict': 'warning',
    'mixed-threshold-kinds': 'warning',
    'out-of-scale': 'warning',
    'outcome-out-of-scale': 'error',
    'missing-responsible': 'warning',
    'missing-reporter': 'warning',
    'missing-frequency': 'warning',
    'unresolved-reference': 'error',
    'duplicate-id': 'error',
    'restated-thresholds-differ': 'warning',
    'goal-title-mismatch': 'warning',
    'outcome-outside-plan': 'warning',
    'deadline-outside-plan': 'warning',
    'missing-plan-year': 'warning',
    'unknown-period': 'warning',
    'stale-monthly-indicator': 'hint',
    // The plan's year: checks of a period's follow-up.
    'follow-up-missing-analysis': 'warning',
    'follow-up-missing-actions': 'hint',
    'follow-up-missing-outcome': 'warning',
    'activity-overdue': 'warning',
    'progress-backwards': 'warning',
    'follow-up-unknown-period': 'error',
    'follow-up-not-in-plan': 'error',
    'unknown-kpi': 'error',
    'kpi-title-mismatch': 'hint',
    'kpi-id-format': 'warning',
    'same-kpi-bands-differ': 'warning',
    'kolada-group-id-format': 'warning',
    'rank-direction-missing': 'warning'
} as const satisfies Record<string, ValidationSeverity>;

export type DiagnosticCode = keyof typeof DIAGNOSTICS;

/** What each code means, in a line (for summaries: the CLI, reports). */
export const DIAGNOSTIC_SUMMARY: Record<DiagnosticCode, { sv: string; en: string }> = {
    'band-overlap': { sv: 'två färger delar värden', en: 'two colours share values' },
    'band-gap': { sv: 'värden mellan två band hör till inget band', en: 'values between two bands belong to none' },
    'outcome-in-gap': { sv: 'ett utfall ligger i ett glapp mellan banden', en: 'an outcome falls in a gap between the bands' },
    'outcome-in-overlap': { sv: 'ett utfall ligger i två band', en: 'an outcome falls in two bands' },
    'outcome-outside-bands': { sv: 'ett utfall som inget band rymmer', en: 'an outcome no band can hold' },
    'direction-conflict': { sv: 'en sämre färg ligger på den bättre sidan', en: 'a worse colour lies on the better side' },
    'mixed-threshold-kinds': { sv: 'ett band av annat slag än de övriga', en: 'a band of another kind than the rest' },
    'out-of-scale': { sv: 'ett gränsvärde utanför skalan', en: 'a threshold outside the scale' },
    'outcome-out-of-scale': { sv: 'ett utfall utanför skalan', en: 'an outcome outside the scale' },
    'missing-responsible': { sv: 'ingen ansvarar för genomförandet', en: 'nobody is responsible for carrying it out' },
    'missing-reporter': { sv: 'ingen ansvarar för rapporteringen', en: 'nobody is responsible for reporting it' },
    'missing-frequency': { sv: 'indikatorn anger inte hur ofta den mäts', en: 'the indicator does not say how often it is measured' },
    'unresolved-reference': { sv: 'ett namn som inte är deklarerat', en: 'a name that is declared nowhere' },
    'duplicate-id': { sv: 'samma id deklarerat två gånger', en: 'the same id declared twice' },
    'restated-thresholds-differ': { sv: 'en återgiven indikator har andra band', en: 'a restated indicator has other bands' },
    'goal-title-mismatch': { sv: 'ett mål skrivet med en annan titel', en: 'a goal written with another title' },
    'outcome-outside-plan': { sv: 'ett utfall för ett år efter planen eller långt före', en: 'an outcome for a year after the plan or long before it' },
    'deadline-outside-plan': { sv: 'ett sista datum utanför planens år', en: "a deadline outside the plan's year" },
    'missing-plan-year': { sv: 'en plan som inte anger sitt år', en: 'a plan that does not state its year' },
    'unknown-period': { sv: 'ett utfall för en period planen inte följs upp', en: 'an outcome for a follow-up period the plan does not have' },
    'stale-monthly-indicator': { sv: 'en månatlig indikator utan utfall i år', en: 'a monthly indicator with no outcome this year' },
    'follow-up-missing-analysis': { sv: 'en röd eller gul indikator utan analys i en uppföljning klar för rapport', en: 'a red or yellow indicator without analysis in a follow-up ready for the report' },
    'follow-up-missing-actions': { sv: 'en röd eller gul indikator utan åtgärder', en: 'a red or yellow indicator without actions' },
    'follow-up-missing-outcome': { sv: 'en indikator som ska mätas i perioden saknar utfall', en: 'an indicator due in the period has no outcome' },
    'activity-overdue': { sv: 'en aktivitet efter sitt sista datum som inte är klar', en: 'an activity past its deadline that is not done' },
    'progress-backwards': { sv: 'en aktivitet som gått bakåt utan kommentar', en: 'an activity that went backwards without a comment' },
    'follow-up-unknown-period': { sv: 'en uppföljning av en period planen inte har', en: 'a follow-up of a period the plan does not have' },
    'follow-up-not-in-plan': { sv: 'en uppföljning av något planen inte har', en: 'a follow-up of something the plan does not have' },
    'unknown-kpi': { sv: 'ett KPI-id som Kolada inte känner till', en: 'a KPI id Kolada does not know' },
    'kpi-title-mismatch': { sv: 'en indikator vars titel inte liknar KPI:ns i Kolada', en: "an indicator whose title is unlike its Kolada KPI's" },
    'kpi-id-format': { sv: 'ett KPI-id som inte är en bokstav och fem siffror', en: 'a KPI id that is not a letter and five digits' },
    'same-kpi-bands-differ': { sv: 'samma KPI med andra band i en annan indikator', en: 'the same KPI with other bands in another indicator' },
    'kolada-group-id-format': { sv: 'ett Kolada-id för en jämförelsegrupp som inte är G och siffror', en: 'a Kolada group id that is not a G and digits' },
    'rank-direction-missing': { sv: 'rangband mot en Kolada-grupp utan riktning för värdet', en: 'rank bands against a Kolada group without the value\'s direction' }
};

export const DIAGNOSTIC_CODES = Object.keys(DIAGNOSTICS) as DiagnosticCode[];

/** A text edit a quick fix can apply as it stands. */
export interface SuggestedFix {
    title: { sv: string; en: string };
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
    newText: string;
}

/** What every vplan diagnostic carries in `data`: its code, the numbers it names, and a fix when one is obvious. */
export interface VplanDiagnosticData {
    code: DiagnosticCode;
    fix?: SuggestedFix;
    [key: string]: unknown;
}
