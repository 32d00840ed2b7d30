// The plan's own words: a follow-up period written `årsbokslut` is shown as `årsbokslut`, a frequency
// written `månatlig` as `månatlig`, not as the word the parser normalises them to. Only a surface in
// the other language than the word shows a translation.
import { GrammarUtils, type AstNode } from 'langium';
import type { Lang } from '../i18n/lang.js';
import { keywordLanguage } from '../lsp/keyword-language.js';

/** The text of a property exactly as written in the file, or undefined without source text. */
export function writtenText(node: AstNode | undefined, property: string): string | undefined {
    const cst = node?.$cstNode && GrammarUtils.findNodeForProperty(node.$cstNode, property);
    return cst?.text;
}

/**
 * A keyword value as the plan writes it, when the word is in the surface's language (or in
 * neither, like `T1`); otherwise `translated`, the surface language's word for it.
 */
export function planWord(node: AstNode | undefined, property: string, lang: Lang, translated: string): string {
    const written = writtenText(node, property);
    if (!written) return translated;
    const own = keywordLanguage(written);
    return own === undefined || own === lang ? written : translated;
}
