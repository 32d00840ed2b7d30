// Re-parses only the block an edit falls in (an indicator, an activity, a unit…) and splices the new
// block into the previous syntax tree, instead of parsing the whole document again.
//
// When it is safe: the previous document parsed without errors; the edit lies strictly inside one
// block (not touching its first token or its closing `}`), and neither the removed nor the inserted
// text holds a character that can open or close a token spanning blocks (quotes, comments) or change
// the nesting (braces); the block, parsed alone with its own grammar rule as the entry, has no
// lexer or parser error and ends exactly where the block ends. Then everything outside the block
// lexes and parses as before: the lexer starts the block at the same token boundary, a block starts
// with its own keyword and ends with `}`, and the parser's choice of rule at the block's start reads
// only that keyword. In every other case the caller parses the whole document.
//
// The splice keeps the CST nodes outside the block and moves their positions; the AST nodes from the
// root down to the block's container are new objects (shallow copies), so caches keyed on the
// document's root or plan (keyword language, plan year, follow-up indexes…) see a new tree, while
// nodes of unchanged blocks are kept. test/lsp/incremental-parse.test.ts compares the result with a
// fresh full parse after every edit of long random edit sequences.
import {
    isAstNode, isMultiReference, isReference, type AstNode, type CompositeCstNode, type CstNode, type LangiumParser,
    type Linker, type ParseResult, type RootCstNode
} from 'langium';
import { forgetRange, ownAstNode, replaceChildren, setOwnAstNode, setRootText, shiftLeaf } from '../langium-internals.js';

/** The AST types of blocks that are re-parsed alone: each starts with a keyword and ends with `}`. */
export const BLOCK_TYPES: ReadonlySet<string> = new Set([
    'Indicator', 'Activity', 'Unit', 'Section', 'Goal', 'BudgetAssignment', 'ControlArea', 'Mission',
    'IndicatorFollowUp', 'ProgressFollowUp', 'Organisation', 'Source', 'Plan', 'PeriodReport'
]);

/** Characters whose insertion or removal can change tokens or nesting beyond one block. */
const SPANNING = /["/*{}]/;

/** What an incremental re-parse replaced: the block before and after the edit. */
export interface Splice {
    before: AstNode;
    after: AstNode;
    /** The block's CST children before the edit (detached; their positions are the old text's). */
    removed: readonly CstNode[];
}

export interface IncrementalResult {
    parseResult: ParseResult<AstNode>;
    splice: Splice;
}

/**
 * The parse result of `newText` made from `previous` (the parse of `oldText`) by re-parsing one
 * block, or undefined when that is not safe (the caller then parses the whole text). `previous` is
 * consumed: its CST nodes and unchanged AST nodes become part of the result.
 */
export function reparseIncrementally(
    previous: ParseResult<AstNode>, oldText: string, newText: string, parser: LangiumParser, linker: Linker
): IncrementalResult | undefined {
    if (hasErrors(previous)) return undefined;
    const rootCst = previous.value.$cstNode as RootCstNode | undefined;
    if (!rootCst || rootCst.fullText !== oldText) return undefined;
    const { start, oldEnd, newEnd } = changedRange(oldText, newText);
    if (SPANNING.test(oldText.slice(start, oldEnd)) || SPANNING.test(newText.slice(start, newEnd))) return undefined;
    const block = enclosingBlock(previous.value, start, oldEnd);
    if (!block) return undefined;
    const blockCst = block.$cstNode as CompositeCstNode;
    const first = firstLeaf(blockCst);
    const last = lastLeaf(blockCst);
    const delta = newEnd - oldEnd;
    const blockText = newText.slice(first.offset, last.end + delta);
    let parsed: ParseResult<AstNode>;
    try {
        parsed = parser.parse(blockText, { rule: block.$type });
    } catch {
        return undefined;
    }
    const newRoot = parsed.value.$cstNode as RootCstNode | undefined;
    if (hasErrors(parsed) || parsed.value.$type !== block.$type || !newRoot || newRoot.content.length === 0) return undefined;
    const newLast = lastLeaf(newRoot);
    if (firstLeaf(newRoot).offset !== 0 || newLast.end !== blockText.length || newLast.text !== '}') return undefined;

    // Positions: the old block's end, and where the new one ends in the new text.
    const { start: blockStart } = first.range;
    const oldEndPos = last.range.end;
    const relEnd = newLast.range.end;
    const newEndLine = blockStart.line + relEnd.line;
    const newEndColumn = relEnd.line === 0 ? blockStart.character + relEnd.character : relEnd.character;

    // Leaves after the block move; ranges cached on the block's ancestors and on what follows are forgotten.
    const ancestors = new Set<CstNode>();
    for (let node: CstNode | undefined = blockCst; node; node = node.container) ancestors.add(node);
    shiftAfter(rootCst, blockCst, ancestors, delta, newEndLine - oldEndPos.line, newEndColumn - oldEndPos.character, oldEndPos.line);
    // The new block's leaves were lexed from offset 0, line 0, column 0.
    const children = newRoot.content;
    for (const child of children) shiftAll(child, first.offset, blockStart.line, blockStart.character, 0);

    // The block's composite node (and the wrappers of rule calls around it) keep their place in the tree.
    const after = parsed.value;
    let inner: CompositeCstNode = blockCst;
    for (;;) {
        forgetRange(inner);
        if (ownAstNode(inner) === block) setOwnAstNode(inner, after);
        const only = inner.content.length === 1 ? inner.content[0] : undefined;
        if (!only || !isComposite(only)) break;
        inner = only;
    }
    const removed = [...inner.content];
    replaceChildren(inner, children);
    setOwnAstNode(blockCst, after);
    (after as { $cstNode?: CstNode }).$cstNode = blockCst;
    setRootText(rootCst, newText);

    const root = replacePath(block, after, linker);
    return {
        parseResult: { value: root, lexerErrors: parsed.lexerErrors, lexerReport: parsed.lexerReport, parserErrors: parsed.parserErrors },
        splice: { before: block, after, removed }
    };
}

/** The changed part of the text: old[start, oldEnd) became new[start, newEnd). */
export function changedRange(oldText: string, newText: string): { start: number; oldEnd: number; newEnd: number } {
    const limit = Math.min(oldText.length, newText.length);
    let start = 0;
    while (start < limit && oldText.charCodeAt(start) === newText.charCodeAt(start)) start++;
    let suffix = 0;
    while (suffix < limit - start && oldText.charCodeAt(oldText.length - 1 - suffix) === newText.charCodeAt(newText.length - 1 - suffix)) suffix++;
    return { start, oldEnd: oldText.length - suffix, newEnd: newText.length - suffix };
}

function hasErrors(result: ParseResult<AstNode>): boolean {
    return result.lexerErrors.length > 0 || result.parserErrors.length > 0 || (result.lexerReport?.diagnostics.length ?? 0) > 0;
}

/**
 * The smallest block whose text holds old[start, end) strictly inside: after the end of its first
 * token and before its closing `}`.
 */
function enclosingBlock(root: AstNode, start: number, end: number): AstNode | undefined {
    let found: AstNode | undefined;
    let node: AstNode | undefined = root;
    while (node) {
        let next: AstNode | undefined;
        forEachChild(node, child => {
            const cst = child.$cstNode;
            if (!next && cst && cst.offset <= start && end <= cst.end) next = child;
        });
        node = next;
        if (node && BLOCK_TYPES.has(node.$type)) {
            const cst = node.$cstNode as CompositeCstNode;
            const last = lastLeaf(cst);
            if (last.text === '}' && firstLeaf(cst).end < start && end < last.offset) found = node;
        }
    }
    return found;
}

function forEachChild(node: AstNode, visit: (child: AstNode) => void): void {
    for (const key in node) {
        if (key.charCodeAt(0) === 0x24 /* $ */) continue;
        const value = (node as unknown as Record<string, unknown>)[key];
        if (Array.isArray(value)) {
            for (const item of value) if (isAstNode(item)) visit(item);
        } else if (isAstNode(value)) {
            visit(value);
        }
    }
}

function isComposite(node: CstNode): node is CompositeCstNode {
    return 'content' in node;
}

function firstLeaf(node: CstNode): CstNode {
    while (isComposite(node)) node = node.content.find(child => !child.hidden) ?? node.content[0];
    return node;
}

function lastLeaf(node: CstNode): CstNode {
    while (isComposite(node)) node = node.content.findLast(child => !child.hidden) ?? node.content[node.content.length - 1];
    return node;
}

/**
 * Moves every leaf after the block (outside `skip`) and forgets the ranges that may change: those of
 * the block's ancestors and of everything after it. A composite's children are in text order, so
 * the siblings before the block's ancestor are left alone without looking at them.
 */
function shiftAfter(node: CompositeCstNode, skip: CstNode, ancestors: Set<CstNode>, offset: number, lines: number, columns: number, endLine: number): void {
    forgetRange(node);
    const content = node.content;
    let i = 0;
    while (i < content.length && !ancestors.has(content[i])) i++;
    if (i === content.length) return;
    const onPath = content[i];
    if (onPath !== skip) shiftAfter(onPath as CompositeCstNode, skip, ancestors, offset, lines, columns, endLine);
    for (i++; i < content.length; i++) shiftAll(content[i], offset, lines, columns, endLine);
}

function shiftAll(node: CstNode, offset: number, lines: number, columns: number, onLine: number): void {
    if (isComposite(node)) {
        forgetRange(node);
        for (const child of node.content) shiftAll(child, offset, lines, columns, onLine);
    } else {
        shiftLeaf(node, offset, lines, columns, onLine);
    }
}

/**
 * Puts `after` where `before` was, with new AST objects for every container from the root down
 * (their children re-pointed at them, their CST nodes too). Returns the new root.
 */
function replacePath(before: AstNode, after: AstNode, linker: Linker): AstNode {
    const path: AstNode[] = [];
    for (let node = before.$container; node; node = node.$container) path.unshift(node);
    const copies = path.map((node, i) => {
        const copy = copyNode(node, linker);
        return { node, copy, parent: i };
    });
    for (let i = 1; i < copies.length; i++) place(copies[i - 1].copy, copies[i].node, copies[i].copy);
    place(copies[copies.length - 1].copy, before, after);
    for (const { node, copy } of copies) {
        forEachChild(copy, child => { (child as { $container?: AstNode }).$container = copy; });
        // The CST node of the container (and the wrappers of rule calls down to it) now stands for the copy.
        let cst = copy.$cstNode as CstNode | undefined;
        while (cst && isComposite(cst)) {
            if (ownAstNode(cst) === node) setOwnAstNode(cst, copy);
            cst = cst.content.length === 1 ? cst.content[0] : undefined;
        }
    }
    return copies[0].copy;
}

/** A shallow copy of an AST node; its own references are built anew for the copy (they know their container). */
function copyNode(node: AstNode, linker: Linker): AstNode {
    const copy: Record<string, unknown> = {};
    const rebuild = (key: string, value: unknown): unknown => {
        if (isReference(value)) return linker.buildReference(copy as unknown as AstNode, key, value.$refNode, value.$refText);
        if (isMultiReference(value)) return linker.buildMultiReference(copy as unknown as AstNode, key, value.$refNode, value.$refText);
        return value;
    };
    for (const key in node) {
        const value = (node as unknown as Record<string, unknown>)[key];
        copy[key] = key.charCodeAt(0) === 0x24 ? value : Array.isArray(value) ? value.map(item => rebuild(key, item)) : rebuild(key, value);
    }
    return copy as unknown as AstNode;
}

/** Puts `child` where `old` is in `parent` (in the property and at the index `old` has). */
function place(parent: AstNode, old: AstNode, child: AstNode): void {
    const property = old.$containerProperty!;
    const holder = parent as unknown as Record<string, unknown>;
    const value = holder[property];
    if (Array.isArray(value)) {
        const index = old.$containerIndex ?? value.indexOf(old);
        value[index] = child;
    } else {
        holder[property] = child;
    }
    const target = child as { $container?: AstNode; $containerProperty?: string; $containerIndex?: number };
    target.$container = parent;
    target.$containerProperty = property;
    if (old.$containerIndex !== undefined) target.$containerIndex = old.$containerIndex;
}
