import { CstUtils, GrammarAST, isCompositeCstNode, type CompositeCstNode, type CstNode, type RootCstNode } from 'langium';

/**
 * Completion needs the parser's state at the cursor. Langium re-parses the whole text before the
 * cursor for that, which costs as much as parsing the plan (hundreds of ms in a 1 MB plan). The state
 * only depends on the blocks that enclose the cursor and on the member being written, because a
 * block's members are a repetition: what came before in the same block does not matter.
 *
 * So the text handed to the completion parser is the headers of the enclosing blocks (each up to its
 * `{`), then the text of the current member up to the cursor:
 *
 *     plan p "P" {            ← header
 *     enhet u "U" {           ← header
 *     indikator i "I" {       ← header
 *     ansvarig a, |           ← the member being written
 *
 * The positions come from the last full parse, which must be of the same text.
 */
export function completionPrefix(root: RootCstNode, offset: number): { prefix: string; memberStart: number } | undefined {
    const text = root.fullText;
    const headers: string[] = [];
    let node: CompositeCstNode = root;
    let from = 0;
    let blockAst = root.astNode;
    let memberStart = 0;
    for (let depth = 0; depth < 64; depth++) {
        // The last member of this block that starts before the cursor.
        let current: CstNode | undefined;
        for (let i = from; i < node.content.length; i++) {
            const child = node.content[i];
            if (child.hidden) continue;
            if (child.offset >= offset) break;
            if (isCompositeCstNode(child) && child.astNode !== blockAst) current = child;
            else if (node !== root) current = undefined; // a token of the block itself: start after the brace
        }
        if (!current) break;
        const inner = own(current);
        const open = inner.content.findIndex(k => isKeyword(k, '{'));
        const close = open >= 0 ? inner.content.findIndex((k, i) => i > open && isKeyword(k, '}')) : -1;
        if (open >= 0 && inner.content[open].end <= offset && (close < 0 || inner.content[close].offset >= offset)) {
            // The cursor is inside this block: its header is context, its members are the next level.
            headers.push(text.slice(current.offset, inner.content[open].end));
            memberStart = inner.content[open].end;
            node = inner;
            from = open + 1;
            blockAst = inner.astNode;
            continue;
        }
        // A closed block before the cursor cannot continue: start after it.
        memberStart = close >= 0 && inner.content[close].end <= offset ? inner.content[close].end : current.offset;
        break;
    }
    if (memberStart > offset) return undefined;
    return { prefix: `${headers.join('\n')}\n${text.slice(memberStart, offset)}`, memberStart };
}

/** A token boundary shortly before `offset`, from which lexing finds the tokens around the cursor. */
export function lexingStart(root: RootCstNode, offset: number): number {
    const window = completionPrefix(root, offset);
    if (!window) return 0;
    const before = window.memberStart > 0 ? CstUtils.findLeafNodeBeforeOffset(root, window.memberStart - 1) : undefined;
    return before ? before.offset : window.memberStart;
}

/** The node a rule reached through an unassigned rule call wraps (`TopLevel: Plan | …`). */
function own(node: CstNode): CompositeCstNode {
    let current = node as CompositeCstNode;
    while (isCompositeCstNode(current) && current.content.length === 1 && isCompositeCstNode(current.content[0])) {
        current = current.content[0];
    }
    return current;
}

function isKeyword(node: CstNode, value: string): boolean {
    return GrammarAST.isKeyword(node.grammarSource) && node.grammarSource.value === value;
}
