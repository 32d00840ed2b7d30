import type { AstNode, AstNodeDescription } from 'langium';
import type { NodeKindProvider } from 'langium/lsp';
import { CompletionItemKind, SymbolKind } from 'vscode-languageserver';

/**
 * Icons for the plan's parts in outlines, symbol search and completion lists, chosen for what the
 * parts are to a strategist, not to a programmer: a unit is a box of the organisation, a goal a key
 * (nyckelmål), an activity something that happens, an indicator a number.
 */
const KINDS: Record<string, [SymbolKind, CompletionItemKind]> = {
    Plan: [SymbolKind.Module, CompletionItemKind.Module],
    Organisation: [SymbolKind.Namespace, CompletionItemKind.Module],
    Department: [SymbolKind.Package, CompletionItemKind.Folder],
    Section: [SymbolKind.Namespace, CompletionItemKind.Text],
    Unit: [SymbolKind.Package, CompletionItemKind.Folder],
    Goal: [SymbolKind.Key, CompletionItemKind.Event],
    Indicator: [SymbolKind.Number, CompletionItemKind.Value],
    Activity: [SymbolKind.Event, CompletionItemKind.Event],
    BudgetAssignment: [SymbolKind.Struct, CompletionItemKind.Struct],
    ControlArea: [SymbolKind.Interface, CompletionItemKind.Interface],
    Mission: [SymbolKind.Object, CompletionItemKind.Reference],
    Role: [SymbolKind.Constant, CompletionItemKind.Constant],
    Source: [SymbolKind.Package, CompletionItemKind.Module],
    ComparisonGroup: [SymbolKind.Array, CompletionItemKind.Enum],
    SeriesDecl: [SymbolKind.Field, CompletionItemKind.Field],
    Period: [SymbolKind.EnumMember, CompletionItemKind.EnumMember]
};

export class VplanNodeKindProvider implements NodeKindProvider {
    getSymbolKind(node: AstNode | AstNodeDescription): SymbolKind {
        return KINDS[typeOf(node)]?.[0] ?? SymbolKind.Field;
    }

    getCompletionItemKind(node: AstNode | AstNodeDescription): CompletionItemKind {
        return KINDS[typeOf(node)]?.[1] ?? CompletionItemKind.Reference;
    }
}

function typeOf(node: AstNode | AstNodeDescription): string {
    return '$type' in node ? node.$type : node.type;
}
