// The one place where vplan reaches past Langium's public API. Every use elsewhere goes through these
// functions, and test/langium-internals.test.ts fails when a Langium upgrade changes what they rely on.
// Langium is pinned exactly (packages/language/package.json) so such an upgrade is a deliberate step.
import type { AstNodeDescription, IndexManager, LangiumCompletionParser, LangiumParser, MultiReference, Reference } from 'langium';

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
