import { GrammarUtils, isReference, type AstNode, type Reference } from 'langium';
import { AbstractSemanticTokenProvider, AllSemanticTokenTypes, type SemanticTokenAcceptor } from 'langium/lsp';
import { SemanticTokenModifiers, SemanticTokenTypes } from 'vscode-languageserver';
import { isBand, isColorValue, isPeriod, isQuantity } from '../generated/ast.js';

/**
 * Token types beyond LSP's standard set, so a theme (and the extension's `semanticTokenScopes`) can
 * colour the status words green, yellow and red, and Markdown prose as prose.
 */
export const VplanTokenTypes = {
    statusGreen: 'statusGreen',
    statusYellow: 'statusYellow',
    statusRed: 'statusRed',
    prose: 'prose'
} as const;

const TYPES: Record<string, number> = (() => {
    const types = { ...AllSemanticTokenTypes };
    let next = Math.max(...Object.values(types)) + 1;
    for (const extra of Object.values(VplanTokenTypes)) types[extra] = next++;
    return types;
})();

/** What a declaration or reference of each kind is shown as. */
const KIND_TYPES: Record<string, string> = {
    Plan: SemanticTokenTypes.namespace,
    Organisation: SemanticTokenTypes.namespace,
    Department: SemanticTokenTypes.namespace,
    Unit: SemanticTokenTypes.class,
    Goal: SemanticTokenTypes.event,
    Indicator: SemanticTokenTypes.variable,
    Role: SemanticTokenTypes.type,
    Source: SemanticTokenTypes.enum,
    ComparisonGroup: SemanticTokenTypes.enum,
    SeriesDecl: SemanticTokenTypes.enumMember,
    Period: SemanticTokenTypes.enumMember,
    BudgetAssignment: SemanticTokenTypes.struct,
    ControlArea: SemanticTokenTypes.struct,
    Mission: SemanticTokenTypes.struct
};

/** Properties that hold numbers, years and periods, per node type. */
const NUMBER_PROPERTIES: Record<string, string[]> = {
    Quantity: ['value'], RangeBand: ['from'], Scale: ['min', 'max'], Precision: ['decimals'], Organisation: ['koladaId'],
    Outcome: ['period', 'refersTo'], Baseline: ['period'], PlanYear: ['year'], Week: ['number'], FollowUpRef: ['year']
};

const COLOR_TYPES: Record<string, string> = {
    green: VplanTokenTypes.statusGreen, yellow: VplanTokenTypes.statusYellow, red: VplanTokenTypes.statusRed
};

/** Semantic tokens on top of the TextMate grammar: ids, references, numbers, status words, prose. */
export class VplanSemanticTokenProvider extends AbstractSemanticTokenProvider {
    override get tokenTypes(): Record<string, number> {
        return TYPES;
    }

    protected highlightElement(node: AstNode, acceptor: SemanticTokenAcceptor): void {
        // Declarations: the id, as a declaration.
        const kind = KIND_TYPES[node.$type];
        if (kind && typeof (node as { name?: unknown }).name === 'string' && !isPeriod(node)) {
            acceptor({ node, property: 'name' as never, type: kind, modifier: SemanticTokenModifiers.declaration });
        }
        if (isPeriod(node)) acceptor({ node, property: 'name', type: SemanticTokenTypes.enumMember, modifier: SemanticTokenModifiers.declaration });
        // References: shown as what they point to.
        for (const [property, value] of Object.entries(node)) {
            if (property.startsWith('$')) continue;
            const refs = Array.isArray(value) ? value.filter(isReference) : isReference(value) ? [value] : [];
            refs.forEach((ref: Reference) => {
                const type = KIND_TYPES[ref.ref?.$type ?? ''] ?? SemanticTokenTypes.variable;
                if (ref.$refNode) acceptor({ cst: ref.$refNode, type });
            });
        }
        if (isBand(node) || isColorValue(node)) {
            const type = COLOR_TYPES[node.color];
            if (type) acceptor({ node, property: 'color', type });
        }
        const numbers = NUMBER_PROPERTIES[node.$type];
        for (const property of numbers ?? []) {
            if ((node as unknown as Record<string, unknown>)[property] !== undefined) acceptor({ node, property: property as never, type: SemanticTokenTypes.number });
        }
        if (isQuantity(node) && node.unit) acceptor({ node, property: 'unit', type: SemanticTokenTypes.operator });
        // Markdown prose ("""…""") as prose; a footnote written as a plain string stays a string.
        if (node.$type === 'Prose' || node.$type === 'Section' || node.$type === 'Footnote') {
            const text = GrammarUtils.findNodeForProperty(node.$cstNode, 'text');
            if (text?.text.startsWith('"""')) acceptor({ cst: text, type: VplanTokenTypes.prose });
        }
    }
}
