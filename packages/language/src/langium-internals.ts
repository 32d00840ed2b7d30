// The one place where vplan reaches past Langium's public API. Every use elsewhere goes through these
// functions, and test/langium-internals.test.ts fails when a Langium upgrade changes what they rely on.
// Langium is pinned exactly (packages/language/package.json) so such an upgrade is a deliberate step.
import type { AstNode, AstNodeDescription, CompositeCstNode, CstNode, IndexManager, LangiumCompletionParser, LangiumParser, MultiReference, Reference, RootCstNode } from 'langium';

/** What a document lists as its references (Langium 4: single and multi references). */
type AnyReference = Reference | MultiReference;

/** A linked reference as Langium keeps it: the resolved node (cached) and the description it came from. */
type InternalReference = Reference & { _ref?: unknown; _nodeDescription?: AstNodeDescription };

/** The description a linked reference was resolved from, if it has been linked. */
export function linkedDescription(reference: AnyReference): AstNodeDescription | undefined {
    return (reference as InternalReference)._nodeDescription;
}

/**
 * Points a linked reference at another description of the same symbol (its node in a re-parsed
 * document) without re-linking the document: the node is resolved anew on the next `.ref`.
 */
export function repointReference(reference: AnyReference, description: AstNodeDescription): void {
    const internal = reference as InternalReference;
    internal._nodeDescription = description;
    internal._ref = undefined;
}

/**
 * Runs a build without the reference index (the CLI answers no find-references): Langium has no
 * option for it, so the index manager's `updateReferences` does nothing for the duration.
 */
export async function withoutReferenceIndex<T>(indexManager: IndexManager, work: () => Promise<T>): Promise<T> {
    const updateReferences = indexManager.updateReferences;
    indexManager.updateReferences = async () => {};
    try {
        return await work();
    } finally {
        indexManager.updateReferences = updateReferences;
    }
}

/**
 * The lookahead strategy the Chevrotain parser inside a Langium parser was built with (Langium keeps
 * that parser in a private `wrapper`; Chevrotain keeps the strategy as `lookaheadStrategy`). Tests
 * read it to check that vplan's parser decides lazily (parser/lazy-lookahead.ts).
 */
export function parserLookaheadStrategy(parser: LangiumParser | LangiumCompletionParser): unknown {
    return (parser as unknown as { wrapper?: { lookaheadStrategy?: unknown } }).wrapper?.lookaheadStrategy;
}

// ------------------------------------------------------------------ syntax tree splicing
// The incremental re-parse (parser/incremental-parse.ts) moves leaves of the concrete syntax tree and
// replaces a composite node's children. Langium 4.4 keeps a leaf's position in private fields
// (`_offset`, `_length`, `_startLine`…), computes a composite's offset and end from its leaves and
// caches its range in `_rangeCache`, and keeps the document's text in the root's `_text`.

/** A leaf's position: offset and the 0-based range Langium derives from the lexer's token. */
export interface LeafPosition {
    offset: number;
    length: number;
    startLine: number;
    startColumn: number;
    endLine: number;
    endColumn: number;
}

type InternalLeaf = {
    _offset: number; _length: number;
    _startLine: number; _startColumn: number; _endLine: number; _endColumn: number;
};
type InternalComposite = CompositeCstNode & { content: CstNode[]; _rangeCache: unknown; _astNode: AstNode | undefined };

/** Moves a leaf: its offset by `offset`; lines by `lines`; columns by `columns` where the line is `columnsOnLine` (before the move). */
export function shiftLeaf(leaf: CstNode, offset: number, lines: number, columns: number, columnsOnLine: number): void {
    const internal = leaf as unknown as InternalLeaf;
    internal._offset += offset;
    if (internal._startLine === columnsOnLine) internal._startColumn += columns;
    if (internal._endLine === columnsOnLine) internal._endColumn += columns;
    internal._startLine += lines;
    internal._endLine += lines;
}

/** Forgets a composite node's cached range (Langium caches it on first read). */
export function forgetRange(node: CompositeCstNode): void {
    (node as InternalComposite)._rangeCache = undefined;
}

/** Gives `parent` the children `children` (which become its own: their container is set). */
export function replaceChildren(parent: CompositeCstNode, children: readonly CstNode[]): void {
    for (const child of children) (child as { container?: CompositeCstNode }).container = parent;
    (parent as InternalComposite).content = [...children];
}

/** The AST node a composite node was built for (not inherited from its container), if any. */
export function ownAstNode(node: CompositeCstNode): AstNode | undefined {
    return (node as InternalComposite)._astNode;
}

/** Makes `astNode` the AST node of the composite `node` (what the parser does for each node it builds). */
export function setOwnAstNode(node: CompositeCstNode, astNode: AstNode): void {
    (node as InternalComposite)._astNode = astNode;
}

/** Replaces the text the root of a syntax tree holds (every node's `text` reads it). */
export function setRootText(root: RootCstNode, text: string): void {
    (root as unknown as { _text: string })._text = text;
}
