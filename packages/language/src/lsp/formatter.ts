import { GrammarAST, isCompositeCstNode, type AstNode, type CstNode, type LangiumDocument } from 'langium';
import { AbstractFormatter, Formatting, type FormattingAction, type FormattingContext } from 'langium/lsp';
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

    /**
     * Re-indents a comment on a line of its own. Langium's version counts a tab as `tabSize` columns
     * but then deletes that many characters, so a comment indented with tabs lost all its indentation
     * on the first format and got it back on the second (found by the robustness suite). Here the
     * whole leading whitespace of each of the comment's lines is replaced, measured in columns.
     */
    protected override createHiddenTextEdits(previous: CstNode | undefined, hidden: CstNode, formatting: FormattingAction | undefined, context: FormattingContext): TextEdit[] {
        const start = hidden.range.start;
        if (previous && previous.range.end.line === start.line) return [];
        const lineStart = { line: start.line, character: 0 };
        const leading = context.document.getText({ start: lineStart, end: start });
        if (!/^[ \t]*$/.test(leading)) return [];
        const move = this.findFittingMove({ start: lineStart, end: start }, formatting?.moves ?? [], context);
        // Even at the right width, tabs become spaces like everywhere else in a plan.
        const delta = this.getIndentationCharacterCount(context, move) - columns(leading, context.options.tabSize);
        const edits: TextEdit[] = [];
        const lines = hidden.text.split('\n');
        for (let i = 0; i < lines.length; i++) {
            const line = start.line + i;
            const lead = i === 0 ? leading : /^[ \t]*/.exec(lines[i])![0];
            const wanted = ' '.repeat(Math.max(0, columns(lead, context.options.tabSize) + delta));
            if (lead !== wanted) edits.push({ range: { start: { line, character: 0 }, end: { line, character: lead.length } }, newText: wanted });
        }
        return edits;
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

/** Width of leading whitespace in columns, a tab counting as `tabSize`. */
function columns(whitespace: string, tabSize: number): number {
    let n = 0;
    for (const ch of whitespace) n += ch === '\t' ? tabSize : 1;
    return n;
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
