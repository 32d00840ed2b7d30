import { Cancellation, DefaultLinker, interruptAndCheck, type AstNode, type LangiumDocument, type Reference } from 'langium';
import { nodesInOrder } from '../parser/ast-walk.js';

/** Nodes linked between two checks for cancellation (a newer keystroke). */
const NODES_PER_SLICE = 256;

/**
 * Langium's linker with a cheaper walk: the references of a plan are found in one pass over its
 * nodes, without a stream per node and without an `await` per node (cancellation is still checked
 * every few hundred nodes). Resolution itself is Langium's (`doLink`).
 */
export class VplanLinker extends DefaultLinker {
    override async link(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        if (this.profiler?.isActive('linking')) return super.link(document, cancelToken);
        const nodes = nodesInOrder(document.parseResult.value);
        for (let i = 0; i < nodes.length; i++) {
            if (i % NODES_PER_SLICE === 0) await interruptAndCheck(cancelToken);
            this.linkNode(nodes[i], document);
        }
    }

    private linkNode(node: AstNode, document: LangiumDocument): void {
        for (const property in node) {
            if (property.charCodeAt(0) === 36 /* $ */) continue;
            const value = (node as unknown as Record<string, unknown>)[property];
            if (typeof value !== 'object' || value === null) continue;
            if (Array.isArray(value)) {
                for (let index = 0; index < value.length; index++) {
                    if (isReferenceLike(value[index])) this.doLink({ reference: value[index], container: node, property, index }, document);
                }
            } else if (isReferenceLike(value)) {
                this.doLink({ reference: value, container: node, property }, document);
            }
        }
    }
}

/** A reference or a multi-reference (what Langium's `streamReferences` yields). */
function isReferenceLike(value: unknown): value is Reference {
    return typeof value === 'object' && value !== null && typeof (value as Reference).$refText === 'string';
}
