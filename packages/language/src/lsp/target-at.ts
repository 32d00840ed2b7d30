import { AstUtils, CstUtils, GrammarUtils, type AstNode, type LangiumDocument, type LeafCstNode } from 'langium';
import type { LangiumServices } from 'langium/lsp';

/**
 * The declaration the cursor is on: the target of a reference, or the node whose id or title is
 * under the cursor. Used by hover and inlay hints alike, so both agree on what "this" is.
 */
export function declarationAt(services: LangiumServices, document: LangiumDocument, offset: number): { node: AstNode; leaf: LeafCstNode } | undefined {
    const root = document.parseResult.value.$cstNode;
    if (!root) return undefined;
    const leaf = CstUtils.findDeclarationNodeAtOffset(root, offset, services.parser.GrammarConfig.nameRegexp)
        ?? CstUtils.findLeafNodeAtOffset(root, offset);
    if (!leaf) return undefined;
    const declarations = services.references.References.findDeclarations(leaf);
    if (declarations.length > 0) return { node: declarations[0], leaf };
    // The title of a declaration ("indikator x "Titel" {" with the cursor on the title).
    const owner = leaf.astNode;
    if (GrammarUtils.findNodeForProperty(owner.$cstNode, 'title') === leaf) return { node: owner, leaf };
    return undefined;
}

/** The nearest node that has an id or a title, for naming where something is used. */
export function describedContainer(node: AstNode): AstNode | undefined {
    return AstUtils.getContainerOfType(node, (n): n is AstNode => typeof (n as { name?: unknown }).name === 'string'
        || typeof (n as { title?: unknown }).title === 'string');
}
