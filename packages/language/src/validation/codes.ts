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
    'unknown-period': 'warning',
    'stale-monthly-indicator': 'hint'
} as const satisfies Record<string, ValidationSeverity>;

export type DiagnosticCode = keyof typeof DIAGNOSTICS;

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
