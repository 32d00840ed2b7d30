import { GrammarUtils, type AstNode, type LangiumDocument } from 'langium';
import type { DocumentSymbolProvider, NodeKindProvider } from 'langium/lsp';
import type { DocumentSymbol } from 'vscode-languageserver';
import {
    isActivity, isBudgetAssignment, isComparisonGroup, isControlArea, isGoal, isIndicator, isMission, isOrganisation,
    isPlan, isRole, isSection, isSource, isUnit
} from '../generated/ast.js';
import type { VplanServices } from '../vplan-module.js';
import { idOf, titleOf } from './titles.js';

/** The parts of a plan that make up its outline; prose, bands and outcomes are details, not symbols. */
function isOutlined(node: AstNode): boolean {
    return isPlan(node) || isSection(node) || isUnit(node) || isGoal(node) || isIndicator(node) || isActivity(node)
        || isBudgetAssignment(node) || isControlArea(node) || isMission(node) || isOrganisation(node) || isRole(node)
        || isSource(node) || isComparisonGroup(node);
}

/**
 * The outline: plan → sections → units → goals / indicators / activities / assignments, named by
 * their titles (what a strategist recognises), with the id as detail.
 */
export class VplanDocumentSymbolProvider implements DocumentSymbolProvider {
    private readonly kinds: NodeKindProvider;

    constructor(services: VplanServices) {
        this.kinds = services.shared.lsp.NodeKindProvider;
    }

    getSymbols(document: LangiumDocument): DocumentSymbol[] {
        return this.children(document.parseResult.value);
    }

    private children(node: AstNode): DocumentSymbol[] {
        const result: DocumentSymbol[] = [];
        for (const child of directChildren(node)) {
            if (isOutlined(child)) {
                const symbol = this.symbol(child);
                if (symbol) result.push(symbol);
            }
        }
        return result;
    }

    private symbol(node: AstNode): DocumentSymbol | undefined {
        const cst = node.$cstNode;
        if (!cst) return undefined;
        const nameNode = GrammarUtils.findNodeForProperty(cst, 'title') ?? GrammarUtils.findNodeForProperty(cst, 'name') ?? cst;
        const name = titleOf(node) ?? idOf(node) ?? cst.text.slice(0, 40);
        const children = this.children(node);
        return {
            name: name.trim() || node.$type,
            detail: idOf(node),
            kind: this.kinds.getSymbolKind(node),
            range: cst.range,
            selectionRange: nameNode.range,
            children: children.length > 0 ? children : undefined
        };
    }
}

/** The AST children of a node, in source order. */
function directChildren(node: AstNode): AstNode[] {
    const result: AstNode[] = [];
    for (const [key, value] of Object.entries(node)) {
        if (key.startsWith('$')) continue;
        if (Array.isArray(value)) {
            for (const item of value) if (isAstNodeLike(item)) result.push(item);
        } else if (isAstNodeLike(value)) {
            result.push(value);
        }
    }
    return result.sort((a, b) => (a.$cstNode?.offset ?? 0) - (b.$cstNode?.offset ?? 0));
}

function isAstNodeLike(value: unknown): value is AstNode {
    return typeof value === 'object' && value !== null && typeof (value as AstNode).$type === 'string' && '$container' in value;
}
