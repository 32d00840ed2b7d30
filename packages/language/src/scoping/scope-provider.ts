import {
    AstUtils, DefaultScopeProvider, stream, type AstNode, type AstNodeDescription, type LocalSymbols, type ReferenceInfo,
    type Scope, type Stream
} from 'langium';

/**
 * Langium's scope provider, with the local symbols of each container looked up by name instead of
 * scanned. Every indicator of a plan is local to the plan (see scope-computation.ts), and Langium's
 * `getScope` filtered the plan's whole list by type and searched it front to back for every
 * reference that resolves further out (a role, a source, a goal): with thousands of units in a plan
 * that made linking quadratic (0.38 s at 1 MB, 1.6 s at 2 MB, 6.4 s at 4 MB on a quiet machine).
 * The per-type index of each container is built once per scope computation and shared by every
 * reference, so a lookup costs the same in a plan of 10 KB and one of 10 MB.
 */
export class VplanScopeProvider extends DefaultScopeProvider {
    /** Per scope computation (a fresh LocalSymbols each build), per container, per reference type. */
    private readonly indexes = new WeakMap<LocalSymbols, Map<AstNode, Map<string, LocalIndex>>>();

    override getScope(context: ReferenceInfo): Scope {
        const referenceType = this.reflection.getReferenceType(context);
        const localSymbols = AstUtils.getDocument(context.container).localSymbols;
        const levels: LocalIndex[] = [];
        if (localSymbols) {
            for (let node: AstNode | undefined = context.container; node; node = node.$container) {
                if (localSymbols.has(node)) levels.push(this.indexOf(localSymbols, node, referenceType));
            }
        }
        let result = this.getGlobalScope(referenceType, context);
        for (let i = levels.length - 1; i >= 0; i--) {
            if (levels[i].all.length > 0) result = new IndexedScope(levels[i], result);
        }
        return result;
    }

    private indexOf(localSymbols: LocalSymbols, container: AstNode, referenceType: string): LocalIndex {
        let byContainer = this.indexes.get(localSymbols);
        if (!byContainer) this.indexes.set(localSymbols, byContainer = new Map());
        let byType = byContainer.get(container);
        if (!byType) byContainer.set(container, byType = new Map());
        let index = byType.get(referenceType);
        if (!index) {
            const all = localSymbols.getStream(container).filter(d => this.reflection.isSubtype(d.type, referenceType)).toArray();
            const byName = new Map<string, AstNodeDescription[]>();
            for (const d of all) {
                const list = byName.get(d.name);
                if (list) list.push(d);
                else byName.set(d.name, [d]);
            }
            byType.set(referenceType, index = { all, byName });
        }
        return index;
    }
}

interface LocalIndex {
    /** In declaration order, as Langium's stream scope gives them. */
    all: AstNodeDescription[];
    byName: Map<string, AstNodeDescription[]>;
}

/** A container's local symbols of one type, found by name, in front of the scope outside it. */
class IndexedScope implements Scope {
    constructor(private readonly index: LocalIndex, private readonly outer: Scope) {}

    getElement(name: string): AstNodeDescription | undefined {
        return this.index.byName.get(name)?.[0] ?? this.outer.getElement(name);
    }

    getElements(name: string): Stream<AstNodeDescription> {
        return stream(this.index.byName.get(name) ?? []).concat(this.outer.getElements(name));
    }

    getAllElements(): Stream<AstNodeDescription> {
        return stream(this.index.all).concat(this.outer.getAllElements());
    }
}
