import type { AstNode, IndexManager, LangiumDocument, LangiumDocuments } from 'langium';
import { DocumentState, URI } from 'langium';
import { isIndicator, isPeriodReport, isSourceRef, type Document, type Indicator } from '../generated/ast.js';
import { walkContents } from '../parser/ast-walk.js';
import { planYear } from '../validation/plan-checks.js';
import { pointsInto, textChange, type TextChange } from './diagnostic-locations.js';

/**
 * What the workspace-wide checks of other documents read of a document, by tie: a declared symbol
 * (`duplicate-id`: `Type:name`, with where each declaration is in the document's tree), a KPI
 * (`same-kpi-bands-differ`: per indicator of that KPI its name, plan year and the members that set
 * its bands), a followed plan (the follow-ups of one plan read each other: the text of this
 * document's follow-ups of it). Positions are left out: a finding that shows a place in a changed
 * document is found by pointsInto.
 */
export type Ties = Map<string, string>;

/** The members of an indicator that checkSameKpi does not read (outcomes, duties, prose). */
const NOT_BANDS = new Set(['Outcome', 'Baseline', 'Activity', 'Responsible', 'Reporting', 'Measures', 'Prose', 'Footnote', 'Frequency', 'Contribution']);

const tiesByRoot = new WeakMap<AstNode, Ties>();

/** The ties of a document (kept with its syntax tree: a document not re-parsed has the same ones). */
export function tiesOf(document: LangiumDocument, index: IndexManager): Ties {
    const uri = document.uri.toString();
    const root = document.parseResult.value as Document;
    const known = tiesByRoot.get(root);
    if (known) return known;
    const ties: Ties = new Map();
    tiesByRoot.set(root, ties);
    const add = (key: string, value: string) => ties.set(key, ties.has(key) ? `${ties.get(key)}\u0001${value}` : value);
    for (const d of index.allElements(undefined, new Set([uri]))) add(`${d.type}:${d.name}`, d.path);
    walkContents(root, node => {
        if (isSourceRef(node) && node.kpi && isIndicator(node.$container)) add(`Kpi:${node.kpi}`, bandsKey(node.$container));
        if (isPeriodReport(node) && node.plan?.$refText) add(`FollowUp:${node.plan.$refText}`, node.$cstNode?.text ?? '');
    });
    return ties;
}

function bandsKey(indicator: Indicator): string {
    const parts = [indicator.name ?? '', String(planYear(indicator) ?? '')];
    for (const member of indicator.members ?? []) {
        if (!NOT_BANDS.has(member.$type)) parts.push((member as AstNode).$cstNode?.text ?? '');
    }
    return parts.join('\u0002');
}

/** The ties whose value differs between before and after the edit. */
export function changedTies(before: Ties, after: Ties): Set<string> {
    const changed = new Set<string>();
    for (const [key, value] of before) if (after.get(key) !== value) changed.add(key);
    for (const key of after.keys()) if (!before.has(key)) changed.add(key);
    return changed;
}

/**
 * The validated documents (other than the edited ones) whose workspace-wide findings an edit may
 * have changed: they share a changed tie with an edited document, or a finding of theirs shows a
 * place in one.
 */
export function staleDocuments(changed: Set<string>, edited: ReadonlyMap<string, TextChange | 'unknown'>, validated: ReadonlySet<string>, documents: LangiumDocuments, index: IndexManager): LangiumDocument[] {
    const stale: LangiumDocument[] = [];
    let tied: Set<string> | undefined;
    if (changed.size > 0) {
        tied = new Set();
        const symbols = [...changed].filter(key => !key.startsWith('Kpi:') && !key.startsWith('FollowUp:'));
        for (const key of symbols) {
            const [type, name] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
            for (const d of index.allElements(type)) if (d.name === name) tied.add(d.documentUri.toString());
        }
        const others = [...changed].filter(key => key.startsWith('Kpi:') || key.startsWith('FollowUp:'));
        if (others.length > 0) {
            for (const document of documents.all) {
                const uri = document.uri.toString();
                if (tied.has(uri) || edited.has(uri)) continue;
                const ties = tiesOf(document, index);
                if (others.some(key => ties.has(key))) tied.add(uri);
            }
        }
    }
    for (const document of documents.all) {
        const uri = document.uri.toString();
        if (edited.has(uri) || validated.has(uri) || document.state < DocumentState.Validated) continue;
        if (tied?.has(uri) || pointsInto(document.diagnostics, edited)) stale.push(document);
    }
    return stale;
}

/**
 * Keeps other documents' workspace-wide findings up to date after edits. Langium rebuilds only the
 * documents that reference an edited one, but a duplicate id, a same-KPI finding or a follow-up's
 * are about documents that need not reference each other (a plan declaring `kolada` again makes the
 * shared file's source a duplicate). An edit cancelled by the next one leaves its ties to the next.
 */
/** The whole text a document was parsed from (its root's text leaves out what the parser skipped). */
function fullText(document: LangiumDocument): string | undefined {
    return document.parseResult.value.$cstNode?.root.fullText;
}

export class WorkspaceFindings {
    /** Per edited document not settled yet: its ties and text before the first of its unsettled edits. */
    private readonly before = new Map<string, { ties: Ties; text?: string }>();

    constructor(private readonly documents: LangiumDocuments, private readonly index: IndexManager) { }

    /** Call before the edited documents are re-parsed; the result after their rebuild. */
    beforeEdit(uris: URI[]): { staleDocuments(validated: ReadonlySet<string>): LangiumDocument[]; done(): void } {
        for (const uri of uris) {
            const key = uri.toString();
            if (this.before.has(key)) continue;
            const document = this.documents.getDocument(uri);
            const indexed = document !== undefined && document.state >= DocumentState.IndexedContent;
            this.before.set(key, { ties: indexed ? tiesOf(document, this.index) : new Map(), text: indexed ? fullText(document) : undefined });
        }
        return {
            staleDocuments: (validated: ReadonlySet<string>) => {
                const changed = new Set<string>();
                const edits = new Map<string, TextChange | 'unknown'>();
                for (const [uri, was] of this.before) {
                    const document = this.documents.getDocument(URI.parse(uri));
                    const indexed = document !== undefined && document.state >= DocumentState.IndexedContent;
                    changedTies(was.ties, indexed ? tiesOf(document, this.index) : new Map<string, string>()).forEach(key => changed.add(key));
                    const now = indexed ? fullText(document) : undefined;
                    const change = was.text !== undefined && now !== undefined ? textChange(was.text, now) : 'unknown';
                    edits.set(uri, change ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 }, lines: 0 });
                }
                return staleDocuments(changed, edits, validated, this.documents, this.index);
            },
            done: () => this.before.clear()
        };
    }
}
