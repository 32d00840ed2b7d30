import { AstUtils, type AstNode, type LangiumDocument, type Reference } from 'langium';
import type { Diagnostic, Position, Range } from 'vscode-languageserver-types';
import { isPlan, type Plan } from '../generated/ast.js';
import { declaredPeriods, planYear } from './plan-checks.js';
import { habitsOf } from './responsibility-checks.js';

/**
 * Findings of unchanged blocks kept across edits (language server, open documents).
 *
 * A keystroke changes one block of a plan (an indicator, an activity, an assignment) and leaves the
 * hundreds of others as they were. The checks declared `block` (check-scope.ts) read only their
 * block, the plan's context and what the block's references resolve to, so their findings on a
 * block are a function of a key made of exactly those: the block's text, the plan's context, the
 * document's language, and for each reference the text, place and (transitively) references of the
 * node it resolves to. After an edit, a block whose key is unchanged takes its findings from the
 * previous validation, moved to where the block is now; every other block, and every `document`
 * check, runs again. This works on a full re-parse (blocks are matched by key, not by node identity)
 * and on a re-parse that keeps unchanged subtrees alike.
 *
 * A block with a syntax error in it is validated in full and its findings are not kept (the
 * parser's recovery may read the same text differently another time).
 */
export class DiagnosticReuse {
    /** Per document: the findings of its blocks at the last complete validation, by key. */
    private readonly kept = new Map<string, Map<string, BlockFindings>>();
    /**
     * A short number for each referenced node's key (its document, place, text and references), so
     * that the blocks' keys do not repeat the text of the roles and goals they name.
     */
    private readonly targets = new Map<string, number>();

    /** Off: every validation runs every check (VPLAN_DIAGNOSTIC_REUSE=0, or the benchmark's paired runs). */
    enabled = process.env.VPLAN_DIAGNOSTIC_REUSE !== '0';

    /** What the last validation of a document did: how many blocks it had and how many it reused. */
    readonly last = new Map<string, { blocks: number; reused: number }>();

    /** @param keeps whether findings of this document are worth keeping (it is open in an editor). */
    constructor(private readonly keeps: (uri: string) => boolean = () => true) { }

    /** Forgets a document (closed or deleted). */
    forget(uri: string): void {
        this.kept.delete(uri);
        this.last.delete(uri);
    }

    /** Starts a validation of `document` (walk of `nodes`, in document order); undefined when not reusing. */
    begin(document: LangiumDocument, nodes: AstNode[], lang: string): ValidationRun | undefined {
        const uri = document.uri.toString();
        if (!this.keeps(uri)) {
            this.forget(uri);
            return undefined;
        }
        // Switched off for a while (the benchmark's paired runs): what is kept stays true, as it is
        // kept by everything its findings depend on.
        if (!this.enabled) return undefined;
        // Numbers are never reused while a key made with them may be kept: start afresh when too many.
        if (this.targets.size > MAX_TARGETS) {
            this.targets.clear();
            this.kept.clear();
        }
        return new ValidationRun(uri, nodes, lang, errorOffsets(document), this.kept.get(uri), this.targets, (kept, stats) => {
            this.kept.set(uri, kept);
            this.last.set(uri, stats);
        });
    }
}

const MAX_TARGETS = 100_000;

/** The node types whose outermost occurrence is a block. */
export const BLOCK_TYPES: ReadonlySet<string> = new Set(['Indicator', 'Activity', 'BudgetAssignment', 'ControlArea', 'Mission']);

/** One finding of a `block` check: on which node of the block (in walk order), by which check of that node. */
interface Finding {
    node: number;
    check: number;
    diagnostic: Diagnostic;
}

interface BlockFindings {
    /** Where the block started when its findings were made. */
    start: Position;
    end: Position;
    findings: Finding[];
}

/** A block of the running validation. */
export interface Block {
    /** Index in the walk of the block's node, and of its last descendant. */
    first: number;
    last: number;
    /** Its findings from the previous validation, when its key is unchanged. */
    reused?: BlockFindings;
    /** Its findings now (collected when not reused). */
    findings: Finding[];
    key: string;
    /** A syntax error lies in it: validated, not kept. */
    broken: boolean;
    start: Position;
    end: Position;
    cursor: number;
}

export class ValidationRun {
    private readonly blocks: Block[] = [];
    /** The block each node index belongs to (index into blocks), -1 for none. */
    private readonly blockAt: Int32Array;
    private readonly targetKeys = new Map<AstNode, string>();
    private readonly planKeys = new Map<Plan, string>();

    constructor(
        private readonly uri: string,
        nodes: AstNode[],
        private readonly lang: string,
        errors: number[],
        private readonly previous: Map<string, BlockFindings> | undefined,
        private readonly targetIds: Map<string, number>,
        private readonly commit: (kept: Map<string, BlockFindings>, stats: { blocks: number; reused: number }) => void
    ) {
        this.blockAt = new Int32Array(nodes.length).fill(-1);
        let current: Block | undefined;
        for (let i = 0; i < nodes.length; i++) {
            const node = nodes[i];
            if (current && isInside(node, nodes[current.first])) {
                current.last = i;
                this.blockAt[i] = this.blocks.length - 1;
                continue;
            }
            current = undefined;
            const cst = node.$cstNode;
            if (!BLOCK_TYPES.has(node.$type) || !cst) continue;
            current = { first: i, last: i, findings: [], key: '', broken: false, start: cst.range.start, end: cst.range.end, cursor: 0 };
            this.blocks.push(current);
            this.blockAt[i] = this.blocks.length - 1;
        }
        const starts = this.blocks.map(x => nodes[x.first].$cstNode!.offset);
        for (const at of errors) {
            const b = lastAtOrBefore(starts, at);
            if (b >= 0 && at <= nodes[this.blocks[b].first].$cstNode!.end) this.blocks[b].broken = true;
        }
        this.computeKeys(nodes);
    }

    /** The block node `index` of the walk lies in, with the node's index inside it. */
    blockOf(index: number): Block | undefined {
        const b = this.blockAt[index];
        return b < 0 ? undefined : this.blocks[b];
    }

    /** The reused findings of check `check` on node `index` of `block`, moved to where the block is now. */
    *reusedFindings(block: Block, index: number, check: number): Iterable<Diagnostic> {
        const reused = block.reused!;
        const node = index - block.first;
        while (block.cursor < reused.findings.length) {
            const finding = reused.findings[block.cursor];
            if (finding.node !== node || finding.check !== check) return;
            block.cursor++;
            yield moved(finding.diagnostic, this.uri, reused.start, reused.end, block.start);
        }
    }

    /** Records a finding of check `check` on node `index` of `block` (a copy: the caller's may be changed later). */
    record(block: Block, index: number, check: number, diagnostic: Diagnostic): void {
        block.findings.push({ node: index - block.first, check, diagnostic: moved(diagnostic, this.uri, block.start, block.end, block.start) });
    }

    /** The validation completed: its findings are the ones kept for the next. */
    done(): void {
        const kept = new Map<string, BlockFindings>();
        let reused = 0;
        for (const block of this.blocks) {
            if (block.broken) continue;
            if (block.reused) reused++;
            // A reused block keeps its findings where they were made (they are moved when reused).
            kept.set(block.key, block.reused ?? { start: block.start, end: block.end, findings: block.findings });
        }
        this.commit(kept, { blocks: this.blocks.length, reused });
    }

    private computeKeys(nodes: AstNode[]): void {
        if (this.blocks.length === 0) return;
        // The references of each block, found by offset (blocks are disjoint and in document order).
        const refs: Reference[][] = this.blocks.map(() => []);
        const offsets = this.blocks.map(b => nodes[b.first].$cstNode!.offset);
        const ends = this.blocks.map(b => nodes[b.first].$cstNode!.end);
        const document = AstUtils.getDocument(nodes[0]);
        for (const ref of document.references as Reference[]) {
            const at = ref.$refNode?.offset;
            if (at === undefined) continue;
            const b = lastAtOrBefore(offsets, at);
            if (b >= 0 && at < ends[b]) refs[b].push(ref);
        }
        for (let b = 0; b < this.blocks.length; b++) {
            const block = this.blocks[b];
            if (block.broken) continue;
            const node = nodes[block.first];
            const parts = [this.lang, this.planKey(node), node.$cstNode!.text];
            for (const ref of refs[b]) parts.push(this.referenceKey(ref, new Set()));
            block.key = parts.join('\u0001');
            const reused = this.previous?.get(block.key);
            // Two blocks of one key (a pasted copy) are both validated: the map keeps one of them.
            if (reused && !this.previous!.delete(block.key)) continue;
            block.reused = reused;
        }
    }

    /** What the plan's `block` checks read of the plan around a block (see CheckScope). */
    private planKey(node: AstNode): string {
        const plan = AstUtils.getContainerOfType(node, isPlan);
        if (!plan) return '';
        let key = this.planKeys.get(plan);
        if (key === undefined) {
            const habits = habitsOf(plan);
            key = JSON.stringify([planYear(plan) ?? null, declaredPeriods(plan) ?? null, habits.reporters, habits.frequencies > 0]);
            this.planKeys.set(plan, key);
        }
        return key;
    }

    /** A reference: what it resolves to (its document, place and text), and what that refers to. */
    private referenceKey(ref: Reference, seen: Set<AstNode>): string {
        const target = ref.ref;
        if (!target) return `?${ref.$refText}`;
        return `${ref.$refText}>${this.targetKey(target, seen)}`;
    }

    private targetKey(target: AstNode, seen: Set<AstNode>): string {
        const known = this.targetKeys.get(target);
        if (known !== undefined) return known;
        if (seen.has(target)) return '(cycle)';
        seen.add(target);
        const cst = target.$cstNode;
        let uri = '';
        try {
            uri = AstUtils.getDocument(target).uri.toString();
        } catch {
            // A node outside any document has no place to point at.
        }
        const r = cst?.range;
        const parts = [uri, r ? `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}` : '', cst?.text ?? ''];
        for (const node of AstUtils.streamAst(target)) {
            for (const ref of AstUtils.streamReferences(node)) parts.push(this.referenceKey(ref.reference as Reference, seen));
        }
        const full = parts.join('\u0002');
        let id = this.targetIds.get(full);
        if (id === undefined) this.targetIds.set(full, id = this.targetIds.size);
        const key = `#${id}`;
        this.targetKeys.set(target, key);
        return key;
    }
}

/** Where the lexer and parser found errors (a parser error at the end of the text: there). */
function errorOffsets(document: LangiumDocument): number[] {
    const { lexerErrors, parserErrors } = document.parseResult;
    const end = document.textDocument.getText().length;
    return [
        ...lexerErrors.map(e => e.offset),
        ...parserErrors.flatMap(e => {
            const at = e.token.startOffset;
            const previous = (e as { previousToken?: { startOffset: number } }).previousToken?.startOffset;
            return Number.isNaN(at) ? [previous ?? end, end] : [at];
        })
    ];
}

function isInside(node: AstNode, ancestor: AstNode): boolean {
    for (let n = node.$container; n; n = n.$container) if (n === ancestor) return true;
    return false;
}

function lastAtOrBefore(sorted: number[], value: number): number {
    let lo = 0, hi = sorted.length - 1, found = -1;
    while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (sorted[mid] <= value) { found = mid; lo = mid + 1; } else hi = mid - 1;
    }
    return found;
}

function before(a: Position, b: Position): boolean {
    return a.line < b.line || (a.line === b.line && a.character < b.character);
}

function isRange(value: object): value is Range {
    const r = value as Partial<Range>;
    return typeof r.start?.line === 'number' && typeof r.end?.line === 'number' && Object.keys(value).length === 2;
}

/**
 * A copy of `diagnostic` with every range in this document that lies in the block [start, end]
 * moved to a block now starting at `to`; ranges elsewhere (a referenced goal, another file) stay.
 */
function moved(diagnostic: Diagnostic, uri: string, start: Position, end: Position, to: Position): Diagnostic {
    const lines = to.line - start.line;
    const columns = to.character - start.character;
    const position = (p: Position): Position => ({ line: p.line + lines, character: p.line === start.line ? p.character + columns : p.character });
    const inBlock = (r: Range) => !before(r.start, start) && !before(end, r.end);
    const copy = (value: unknown): unknown => {
        if (Array.isArray(value)) return value.map(copy);
        if (value === null || typeof value !== 'object') return value;
        if (isRange(value)) {
            return inBlock(value) ? { start: position(value.start), end: position(value.end) } : { start: { ...value.start }, end: { ...value.end } };
        }
        const other = typeof (value as { uri?: unknown }).uri === 'string' && (value as { uri: string }).uri !== uri;
        const out: Record<string, unknown> = {};
        for (const key of Object.keys(value)) {
            const v = (value as Record<string, unknown>)[key];
            out[key] = other ? structuredClone(v) : copy(v);
        }
        return out;
    };
    return copy(diagnostic) as Diagnostic;
}
