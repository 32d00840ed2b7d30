import type { AstNode, DiagnosticInfo, ValidationAcceptor } from 'langium';
import type { Lang, Localized } from '../i18n/lang.js';
import { DIAGNOSTICS, type DiagnosticCode, type SuggestedFix } from './codes.js';

/** Reports a diagnostic with its stable code, its severity, its message in the user's language and its data. */
export function report<N extends AstNode>(
    accept: ValidationAcceptor, lang: Lang, code: DiagnosticCode, message: Localized,
    info: Omit<DiagnosticInfo<N>, 'code' | 'data'>, data: Record<string, unknown> = {}, fix?: SuggestedFix
): void {
    accept(DIAGNOSTICS[code], message[lang], {
        ...info,
        code,
        data: { code, ...data, ...(fix ? { fix } : {}) }
    } as DiagnosticInfo<N>);
}
