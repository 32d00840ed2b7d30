// What a command gets from the process: streams, environment, language. Commands never touch
// `process` directly for output, so that everything they print goes through one place.
import { isAbsolute } from 'node:path';
import type { Lang, LanguagePreference } from '@vplan/language/i18n';
import { fsReasonInSwedish, isFileWriteError } from '@vplan/language/node';
import { displayPath } from './diagnostics.js';
import { printable } from './terminal-text.js';

export interface CommandContext {
    /** The language of the CLI's own words: `--lang`, `VPLAN_LANG`, else the locale. */
    lang: Lang;
    /**
     * The language of what is said about a plan (its diagnostics, report, status): `--lang` or
     * `VPLAN_LANG` when given, else `auto`, the plan's keyword language.
     */
    language?: LanguagePreference;
    cwd: string;
    env: NodeJS.ProcessEnv;
    stdoutIsTTY: boolean;
    out(text: string): void;
    err(text: string): void;
}

/** A problem with one input, printed as `vplan: <path>: <reason>`. */
export function reportInputProblem(ctx: CommandContext, p: string, reason: string): void {
    const shown = isAbsolute(p) ? displayPath(p, ctx.cwd) : p;
    ctx.err(`vplan: ${printable(shown)}: ${localizeReason(reason, ctx.lang)}\n`);
}

// The loader's reasons are English; these are the ones it gives.
const REASONS_SV: Record<string, string> = {
    'no such file or folder': 'filen eller mappen finns inte',
    'permission denied': 'åtkomst nekad',
    'too many symbolic links (a loop?)': 'för många symboliska länkar (en slinga?)',
    'is a folder': 'är en mapp',
    'no .vplan files in this folder': 'inga .vplan-filer i mappen',
    'not a .vplan file': 'inte en .vplan-fil',
    'binary file (contains NUL bytes), not a plan': 'binärfil (innehåller NUL-byte), inte en plan',
    'not valid UTF-8 text': 'inte giltig UTF-8-text',
    'no .vplan files match this pattern': 'inga .vplan-filer matchar mönstret',
    'not a regular file (a pipe, socket or device)': 'inte en vanlig fil (en pipe, socket eller enhet)',
    'not a valid pattern: a [ is not closed': 'inte ett giltigt mönster: en [ stängs inte',
    'not a valid pattern: a { is not closed': 'inte ett giltigt mönster: en { stängs inte',
    'not a valid pattern: a [...] range is not valid': 'inte ett giltigt mönster: ett [...]-intervall är ogiltigt'
};

/** The loader's size limit, whose reason carries the figures. */
const TOO_LARGE = /^too large for a plan \(([\d.]+) MB; the limit is ([\d.]+) MB\)$/;

export function localizeReason(reason: string, lang: Lang): string {
    if (lang !== 'sv') return reason;
    const large = TOO_LARGE.exec(reason);
    if (large) return `för stor för en plan (${large[1].replace('.', ',')} MB; gränsen är ${large[2].replace('.', ',')} MB)`;
    return REASONS_SV[reason] ?? fsReasonInSwedish(reason) ?? reason;
}

/**
 * A file that could not be written, as `vplan: <the user's path>: <reason>`; any other error is
 * not a write problem and goes on up.
 */
export function reportWriteError(ctx: CommandContext, err: unknown): void {
    if (!isFileWriteError(err)) throw err;
    const shown = isAbsolute(err.path) ? displayPath(err.path, ctx.cwd) : err.path;
    ctx.err(`vplan: ${printable(shown)}: ${err.reasonIn(ctx.lang)}\n`);
}
