import { AstUtils, GrammarUtils, type AstNode } from 'langium';
import type { DiagnosticRelatedInformation, Range } from 'vscode-languageserver-types';
import type { Lang, Localized } from '../i18n/lang.js';

/**
 * The other place a finding is about ("already declared in kommun.vplan:12"), as a related
 * location: the editor lists it under the problem, clickable; the CLI prints it and writes it to
 * SARIF and JSON.
 */
export function relatedAt(uri: string, range: Range | undefined, message: Localized, lang: Lang): DiagnosticRelatedInformation[] {
    return range ? [{ location: { uri, range }, message: message[lang] }] : [];
}

/** A declaration's name (or, without one, its whole text) as a related location. */
export function relatedNode(node: AstNode | undefined, message: Localized, lang: Lang): DiagnosticRelatedInformation[] {
    if (!node) return [];
    let uri: string;
    try {
        uri = AstUtils.getDocument(node).uri.toString();
    } catch {
        return [];
    }
    const range = (GrammarUtils.findNodeForProperty(node.$cstNode, 'name') ?? node.$cstNode)?.range;
    return relatedAt(uri, range, message, lang);
}
