import {
    AstUtils, DefaultScopeComputation, MultiMap, type AstNode, type AstNodeDescription, type LangiumDocument,
    type LocalSymbols
} from 'langium';
import { Cancellation } from 'langium';
const { CancellationToken } = Cancellation;
import { isIndicator, isPeriod, isPlan, isSeriesDecl } from '../generated/ast.js';
import { walkContents } from '../parser/ast-walk.js';

/**
 * What is visible where.
 *
 * Goals, roles, sources, comparison groups, organisations, departments, plans and indicators are
 * global: declared once (usually in the municipality's shared file) and referenced from every plan,
 * so they are exported wherever they stand in the tree. An indicator of a plan is also local to that
 * plan, so that a reference inside the plan (`återger`) finds the plan's own indicator first when last
 * year's plan beside it has one of the same id. Series are local to their indicator and follow-up
 * periods to their plan; only those are not exported. Local scopes stay small and linking linear in
 * the size of a plan.
 *
 * One walk over the tree finds both: the exports when the document is indexed, the local symbols
 * kept for the scope phase that follows (a 1,000-plan workspace walked its trees twice with
 * Langium's streams, about a tenth of a batch validation).
 */
export class VplanScopeComputation extends DefaultScopeComputation {
    /** The local declarations found while exporting, per parse result (a re-parse gives a new root). */
    private readonly pendingLocals = new WeakMap<AstNode, AstNode[]>();

    override async collectExportedSymbols(document: LangiumDocument, cancelToken = CancellationToken.None): Promise<AstNodeDescription[]> {
        const exports: AstNodeDescription[] = [];
        const locals: AstNode[] = [];
        const root = document.parseResult.value;
        if (cancelToken.isCancellationRequested) return exports;
        walkContents(root, node => {
            if (isLocalOnly(node)) {
                locals.push(node);
                return;
            }
            const name = this.nameProvider.getName(node);
            if (!name) return;
            exports.push(this.descriptions.createDescription(node, name, document));
            if (isIndicator(node)) locals.push(node);
        });
        this.pendingLocals.set(root, locals);
        return exports;
    }

    override async collectLocalSymbols(document: LangiumDocument, cancelToken = CancellationToken.None): Promise<LocalSymbols> {
        const symbols = new MultiMap<AstNode, AstNodeDescription>();
        const root = document.parseResult.value;
        let locals = this.pendingLocals.get(root);
        this.pendingLocals.delete(root);
        if (!locals) {
            locals = [];
            walkContents(root, node => { if (isLocalOnly(node) || isIndicator(node)) locals!.push(node); });
        }
        if (cancelToken.isCancellationRequested) return symbols;
        for (const node of locals) {
            // A period is declared in the plan's follow-up line but referenced anywhere in the plan.
            const scope = isPeriod(node) || isIndicator(node) ? AstUtils.getContainerOfType(node, isPlan) : node.$container;
            const name = this.nameProvider.getName(node);
            if (scope && name) symbols.add(scope, this.descriptions.createDescription(node, name, document));
        }
        return symbols;
    }
}

/** Declarations visible only where they stand (not exported). */
function isLocalOnly(node: AstNode): boolean {
    return isSeriesDecl(node) || isPeriod(node);
}
