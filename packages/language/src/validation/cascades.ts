import { CstUtils, DocumentValidator, type AstNode, type LangiumDocument } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';

/**
 * No finding built on text the parser could not read. After a syntax error the parser recovers and
 * the model holds what it made of the rest: a band that lost its sign, a plan whose `år` line was
 * skipped, a keyword read as a name. Findings about such a model only repeat the syntax error in
 * other words (or contradict it), so they wait until the syntax error is fixed.
 */

/** Findings that something is absent: after a syntax error it may only be unreadable. */
const ABSENCE = new Set(['missing-plan-year', 'missing-responsible', 'missing-reporter', 'missing-frequency']);

/** The constructs a syntax error inside spoils as a whole (an indicator's bands are read together). */
const SPOILABLE = new Set([
    'Indicator', 'Activity', 'BudgetAssignment', 'ControlArea', 'Mission', 'Goal', 'Organisation', 'Source',
    'Band', 'Outcome', 'Baseline', 'PlanOrganisation', 'PlanYear', 'FollowUp'
]);

const SYNTAX = new Set<unknown>([DocumentValidator.LexingError, DocumentValidator.ParsingError]);

export function isSyntax(d: Diagnostic): boolean {
    return SYNTAX.has((d.data as { code?: unknown } | undefined)?.code) || SYNTAX.has(d.code);
}

/** The outermost spoilable construct around an offset, if any. */
function spoiledAt(root: AstNode, offset: number): AstNode | undefined {
    const cst = root.$cstNode;
    if (!cst) return undefined;
    const leaf = CstUtils.findLeafNodeAtOffset(cst, offset) ?? CstUtils.findLeafNodeBeforeOffset(cst, offset);
    let spoiled: AstNode | undefined;
    for (let node: AstNode | undefined = leaf?.astNode; node; node = node.$container) {
        if (SPOILABLE.has(node.$type)) spoiled = node;
    }
    return spoiled;
}

export function withoutCascades(document: LangiumDocument, diagnostics: Diagnostic[]): Diagnostic[] {
    const { lexerErrors, parserErrors, value: root } = document.parseResult;
    if (lexerErrors.length === 0 && parserErrors.length === 0) return diagnostics;
    const text = document.textDocument;
    const offsets = [
        ...lexerErrors.map(e => e.offset),
        ...parserErrors.map(e => Number.isNaN(e.token.startOffset) ? ((e as { previousToken?: { startOffset: number } }).previousToken?.startOffset ?? text.getText().length) : e.token.startOffset)
    ];
    const lines = new Set<number>();
    const spans: [number, number][] = [];
    for (const offset of offsets) {
        lines.add(text.positionAt(offset).line);
        const node = spoiledAt(root, offset);
        const range = node?.$cstNode;
        if (range) spans.push([range.offset, range.end]);
    }
    return diagnostics.filter(d => {
        if (isSyntax(d)) return true;
        const code = String((d.data as { code?: unknown } | undefined)?.code ?? d.code ?? '');
        if (ABSENCE.has(code)) return false;
        if (lines.has(d.range.start.line)) return false;
        const at = text.offsetAt(d.range.start);
        return !spans.some(([from, to]) => at >= from && at <= to);
    });
}
