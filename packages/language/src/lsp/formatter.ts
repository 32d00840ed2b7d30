import { GrammarAST, isCompositeCstNode, type AstNode, type CstNode, type LangiumDocument } from 'langium';
import { AbstractFormatter, Formatting, type FormattingAction } from 'langium/lsp';
import type { DocumentFormattingParams, DocumentRangeFormattingParams, FormattingOptions, TextEdit } from 'vscode-languageserver';
import { isDocument } from '../generated/ast.js';

/** Plans are indented with two spaces, whatever the editor's default for other files. */
const PLAN_INDENTATION: FormattingOptions = { tabSize: 2, insertSpaces: true };

/**
 * The plan formatter. It only changes whitespace between tokens, so the author's keyword language,
 * comments and numbers as written survive, and it never touches the inside of a token: Markdown
 * prose (`"""…"""`) and strings stay exactly as they are.
 *
 * Layout: one member per line, two spaces of indentation per block, `{` on the header line and `}`
 * on a line of its own. Blank lines the author put between members are kept (at most one).
 */
export class VplanFormatter extends AbstractFormatter {
    override formatDocument(document: LangiumDocument, params: DocumentFormattingParams): TextEdit[] {
        if (!isFormattable(document)) return [];
        return super.formatDocument(document, { ...params, options: { ...params.options, ...PLAN_INDENTATION } }) as TextEdit[];
    }

    override formatDocumentRange(document: LangiumDocument, params: DocumentRangeFormattingParams): TextEdit[] {
        if (!isFormattable(document)) return [];
        return super.formatDocumentRange(document, { ...params, options: { ...params.options, ...PLAN_INDENTATION } }) as TextEdit[];
    }

    protected format(node: AstNode): void {
        let cst = node.$cstNode;
        // A rule reached through an unassigned rule call (TopLevel: Plan | …) wraps its own node.
        while (isCompositeCstNode(cst) && cst.content.length === 1 && isCompositeCstNode(cst.content[0]) && cst.content[0].astNode === node) {
            cst = cst.content[0];
        }
        if (!cst || !isCompositeCstNode(cst)) return;
        const formatter = this.getNodeFormatter(node);
        if (isDocument(node)) {
            // Top-level declarations start at the margin, one per line.
            const first = node.elements[0];
            const rest = node.elements.slice(1);
            if (rest.length > 0) formatter.nodes(...rest).prepend(lines(0));
            if (first) formatter.node(first).prepend(Formatting.noIndent());
            return;
        }
        const children = cst.content;
        const open = children.findIndex(child => isKeyword(child, '{'));
        if (open < 0) return;
        const close = children.findIndex((child, i) => i > open && isKeyword(child, '}'));
        const openRegion = formatter.cst([children[open]]);
        openRegion.prepend(Formatting.oneSpace());
        const inner = children.slice(open + 1, close < 0 ? undefined : close);
        const members = inner.filter(child => startsMember(child, node));
        if (members.length > 0) formatter.cst(members).prepend(lines(1));
        if (close >= 0) {
            formatter.cst([children[close]]).prepend(Formatting.newLine());
        }
    }
}

/** A new line at the given depth, keeping one blank line where the author left one (never more). */
function lines(tabs: number): FormattingAction {
    return { options: {}, moves: [{ tabs, lines: 1 }, { tabs, lines: 2 }] };
}

function isKeyword(node: CstNode, value: string): boolean {
    return GrammarAST.isKeyword(node.grammarSource) && node.grammarSource.value === value;
}

/**
 * Whether a direct child of a block starts a member line: a child node of its own (an indicator's
 * `grön >= 82`, a unit's indicator), or a leading keyword of an inline member such as `kolada 2417`
 * in an organisation or `url "…"` in a source.
 */
function startsMember(child: CstNode, owner: AstNode): boolean {
    // A comment between members is indented like them (one on a member's own line stays there).
    if (child.hidden) return true;
    if (child.astNode !== owner) return true;
    return isKeyword(child, 'kolada') || isKeyword(child, 'url');
}

/** A document with syntax errors is left alone: the formatter must never make a broken plan worse. */
function isFormattable(document: LangiumDocument): boolean {
    return document.parseResult.lexerErrors.length === 0 && document.parseResult.parserErrors.length === 0;
}
