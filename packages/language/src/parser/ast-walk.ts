import { isAstNode, type AstNode } from 'langium';

// Linking, validation and the symbol index visit every node of a plan on every keystroke, and most
// nodes (numbers, bands, words) have nothing to link, check or export. Langium's streams allocate
// an iterator, a key array and a result object per node; these walks allocate nothing per node.

/**
 * Every node below `root`, depth first, in document order: what AstUtils.streamAllContents gives.
 * References are objects without `$type` and are not entered (nor resolved).
 */
export function walkContents(root: AstNode, visit: (node: AstNode) => void): void {
    for (const key in root) {
        if (key.charCodeAt(0) === 36 /* $ */) continue;
        const value = (root as unknown as Record<string, unknown>)[key];
        if (Array.isArray(value)) {
            for (const item of value) {
                if (isAstNode(item)) {
                    visit(item);
                    walkContents(item, visit);
                }
            }
        } else if (isAstNode(value)) {
            visit(value);
            walkContents(value, visit);
        }
    }
}

/** `root` and every node below it, in the order of AstUtils.streamAst. */
export function nodesInOrder(root: AstNode): AstNode[] {
    const nodes: AstNode[] = [root];
    walkContents(root, node => { nodes.push(node); });
    return nodes;
}
