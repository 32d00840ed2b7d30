import {
    AstUtils, DefaultScopeComputation, MultiMap, type AstNode, type AstNodeDescription, type LangiumDocument,
    type LocalSymbols
} from 'langium';
import { Cancellation } from 'langium';
const { CancellationToken } = Cancellation;
import { isPeriod, isPlan, isSeriesDecl } from '../generated/ast.js';

/**
 * What is visible where.
 *
 * Goals, roles, sources, comparison groups, organisations, departments, plans and indicators are
 * global: declared once (usually in the municipality's shared file) and referenced from every plan,
 * so they are exported wherever they stand in the tree. Series are local to their indicator and
 * follow-up periods to their plan; those are the only local symbols, which keeps every local scope a
 * handful of entries and linking linear in the size of a plan.
 */
export class VplanScopeComputation extends DefaultScopeComputation {
    override async collectExportedSymbols(document: LangiumDocument, cancelToken = CancellationToken.None): Promise<AstNodeDescription[]> {
        const exports: AstNodeDescription[] = [];
        for (const node of AstUtils.streamAllContents(document.parseResult.value)) {
            if (cancelToken.isCancellationRequested) break;
            if (isLocal(node)) continue;
            const name = this.nameProvider.getName(node);
            if (name) exports.push(this.descriptions.createDescription(node, name, document));
        }
        return exports;
    }

    override async collectLocalSymbols(document: LangiumDocument, cancelToken = CancellationToken.None): Promise<LocalSymbols> {
        const symbols = new MultiMap<AstNode, AstNodeDescription>();
        for (const node of AstUtils.streamAllContents(document.parseResult.value)) {
            if (cancelToken.isCancellationRequested) break;
            if (!isLocal(node)) continue;
            // A period is declared in the plan's follow-up line but referenced anywhere in the plan.
            const scope = isPeriod(node) ? AstUtils.getContainerOfType(node, isPlan) : node.$container;
            const name = this.nameProvider.getName(node);
            if (scope && name) symbols.add(scope, this.descriptions.createDescription(node, name, document));
        }
        return symbols;
    }
}

function isLocal(node: AstNode): boolean {
    return isSeriesDecl(node) || isPeriod(node);
}
