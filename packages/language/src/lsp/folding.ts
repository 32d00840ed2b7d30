import { GrammarUtils, type AstNode, type LangiumDocument } from 'langium';
import { DefaultFoldingRangeProvider, type FoldingRangeAcceptor } from 'langium/lsp';
import { isSection } from '../generated/ast.js';

/**
 * Folding of blocks (Langium's default: every node that spans lines, and comments) plus the Markdown
 * prose of a section header on its own, so a long introduction folds away under its heading.
 */
export class VplanFoldingRangeProvider extends DefaultFoldingRangeProvider {
    protected override collectObjectFolding(document: LangiumDocument, node: AstNode, acceptor: FoldingRangeAcceptor): void {
        super.collectObjectFolding(document, node, acceptor);
        if (isSection(node) && node.text !== undefined) {
            const prose = GrammarUtils.findNodeForProperty(node.$cstNode, 'text');
            // Keep the closing line (`""" {`) visible: it opens the section's block.
            if (prose && prose.range.end.line - prose.range.start.line >= 2) {
                acceptor({ startLine: prose.range.start.line, endLine: prose.range.end.line - 1 });
            }
        }
    }
}
