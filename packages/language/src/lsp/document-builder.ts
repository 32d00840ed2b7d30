import {
    Cancellation, DefaultDocumentBuilder, DocumentState, isAstNodeDescription, type AstNode, type AstNodeDescription,
    type BuildOptions, type LangiumDocument, type LangiumSharedCoreServices, type Reference, URI
} from 'langium';
import { linkedDescription, repointReference } from '../langium-internals.js';
import { WorkspaceFindings } from './workspace-findings.js';

/**
 * A document builder that rebuilds only what an edit can affect.
 *
 * Langium re-links (and so re-validates) every document that references a changed document. In a
 * municipality every plan references the shared file of goals, roles and sources, so a keystroke in
 * that file would rebuild the whole workspace. Yet most edits there (a comment, the prose, one goal's
 * title, a new role) leave what other plans see unchanged. So this builder compares what the
 * changed document exports before and after the edit: every exported symbol by kind and name, and
 * the text of its node (which is all another plan's references, hovers and checks can read of it).
 * A dependent plan is re-linked and re-validated only when it names a symbol that appeared,
 * disappeared or became ambiguous (a new role it mentions, a renamed one it references); it is only
 * re-validated when it references a symbol whose text changed (a goal's title, an indicator's
 * bands), since its links stay the same but a check may now say otherwise.
 *
 * Every other dependent plan keeps its links and diagnostics: its references are re-pointed (and
 * resolved on next access) at the re-parsed nodes, and when those moved in the file (a role inserted
 * above them) its entries in the reference index are renewed so find-references and rename follow.
 */
export class VplanDocumentBuilder extends DefaultDocumentBuilder {
    /** Whether the running build is an update (an edit), not the workspace's first build. */
    private updating = false;
    /** Changed documents whose exports are compared, with their signatures before the edit. */
    private before?: Map<string, Signature>;
    /** Documents that reference only compared documents: their re-linking waits for the comparison. */
    private deferred: LangiumDocument[] = [];
    /** Whether this update's deferred documents have been compared already. */
    private settled = false;
    /**
     * Per linked document: whether it has linking errors, and which documents its references point
     * into. Both only change when it is re-linked, so a keystroke does not re-read every reference
     * of every plan in the workspace to decide what to rebuild.
     */
    private readonly linkFacts = new WeakMap<LangiumDocument, { errors: boolean; targets: Set<string> }>();

    constructor(services: LangiumSharedCoreServices) {
        super(services);
        this.onDocumentPhase(DocumentState.Validated, document => { this.validatedInUpdate.add(document.uri.toString()); });
    }

    override async update(changed: URI[], deleted: URI[], cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        this.updating = true;
        try {
            await this.compareAndUpdate(changed, deleted, cancelToken);
        } finally {
            this.updating = false;
        }
    }

    /**
     * An edit's own plan is parsed and linked before a newer edit may cancel the build.
     *
     * Hover and completion wait until the edited plan is linked again, and every keystroke cancels
     * the build the previous one started. When keystrokes come faster than a build reaches the link
     * phase (a large workspace, a busy core), no build reached it and requests waited until the
     * typing paused. So when an update has only a few documents to link (the edited plan, not a
     * shared file's hundreds of dependants), they are parsed and linked first, without
     * cancellation; the rest of the build (reference index, validation) stays cancellable.
     */
    protected override async buildDocuments(documents: LangiumDocument[], options: BuildOptions, cancelToken: Cancellation.CancellationToken): Promise<void> {
        if (this.updating && cancelToken !== Cancellation.CancellationToken.None) {
            const toLink = documents.filter(document => document.state < DocumentState.Linked);
            if (toLink.length > 0 && toLink.length <= LINK_FIRST_LIMIT) await this.linkFirst(toLink);
        }
        if (this.updating && this.openEditorsFirst && documents.length > LINK_FIRST_LIMIT) {
            await this.buildOpenFirst(documents, options, cancelToken);
            return;
        }
        await super.buildDocuments(documents, options, cancelToken);
    }

    /**
     * Whether an update with many documents to rebuild builds the ones open in editors first (on by
     * default; the latency benchmark turns it off to measure what it buys).
     */
    openEditorsFirst = true;

    /**
     * The plans open in editors, all the way to their diagnostics, then the rest.
     *
     * Langium sorts the open documents first but runs each phase over all documents before the next,
     * so after a role that 985 plans use is renamed, the open plans' diagnostics came only after all
     * 985 were re-linked and re-validated. Now they come after their own rebuild; the rest follow in
     * a second build that the next keystroke cancels (its documents stay below Validated, so the next
     * update picks them up again).
     */
    private async buildOpenFirst(documents: LangiumDocument[], options: BuildOptions, cancelToken: Cancellation.CancellationToken): Promise<void> {
        const isOpen = (document: LangiumDocument) => this.textDocuments?.get(document.uri.toString()) !== undefined;
        const open = documents.filter(isOpen);
        let rest = documents.filter(document => !isOpen(document));
        if (open.length === 0 || rest.length === 0) {
            await super.buildDocuments(documents, options, cancelToken);
            return;
        }
        await super.buildDocuments(open, options, cancelToken);
        // Plans waiting for the comparison of the changed file's exports (an open plan among them
        // would otherwise wait for the whole build): compared now, once the changed files are indexed.
        const before = this.before;
        if (before && this.deferred.length > 0 && !this.settled && [...before.keys()].every(uri => this.isIndexed(uri))) {
            this.settled = true;
            const rebuild = await this.settle(before, this.deferred, cancelToken);
            const openToo = rebuild.filter(isOpen);
            if (openToo.length > 0) await super.buildDocuments(openToo, options, cancelToken);
            rest = [...rest, ...rebuild.filter(document => !isOpen(document))];
        }
        // The workspace is not as far as the open plans: a request waiting on a plan of the rest waits for it.
        this.currentState = Math.min(...rest.map(document => document.state));
        await super.buildDocuments(rest, options, cancelToken);
    }

    private isIndexed(uri: string): boolean {
        const document = this.langiumDocuments.getDocument(URI.parse(uri));
        return document !== undefined && document.state >= DocumentState.IndexedContent;
    }

    /** Langium's first four build phases for `documents`, not cancellable. */
    private async linkFirst(documents: LangiumDocument[]): Promise<void> {
        const none = Cancellation.CancellationToken.None;
        await this.runCancelable(documents, DocumentState.Parsed, none, document => this.langiumDocumentFactory.update(document, none));
        await this.runCancelable(documents, DocumentState.IndexedContent, none, document => this.indexManager.updateContent(document, none));
        await this.runCancelable(documents, DocumentState.ComputedScopes, none, async document => {
            const scopes = this.serviceRegistry.getServices(document.uri).references.ScopeComputation;
            document.localSymbols = await scopes.collectLocalSymbols(document, none);
        });
        await this.runCancelable(documents, DocumentState.Linked, none, document =>
            this.serviceRegistry.getServices(document.uri).references.Linker.link(document, none));
    }

    private async compareAndUpdate(changed: URI[], deleted: URI[], cancelToken: Cancellation.CancellationToken): Promise<void> {
        const before = new Map<string, Signature>();
        for (const uri of changed) {
            const document = this.langiumDocuments.getDocument(uri);
            if (document && document.state >= DocumentState.IndexedContent) before.set(uri.toString(), this.signature(uri.toString()));
        }
        this.before = before.size > 0 ? before : undefined;
        this.deferred = [];
        this.settled = false;
        const deferred = this.deferred;
        const edit = this.workspaceFindings.beforeEdit([...changed, ...deleted]);
        this.validatedInUpdate.clear();
        try {
            await super.update(changed, deleted, cancelToken);
        } catch (err) {
            // Cancelled before the comparison: the deferred documents are re-linked by the next build.
            if (!this.settled) for (const document of deferred) this.resetToState(document, DocumentState.ComputedScopes);
            throw err;
        } finally {
            this.before = undefined;
            this.deferred = [];
        }
        // Settled already while the open editors were built first (see buildOpenFirst).
        if (deferred.length > 0 && !this.settled) {
            const rebuild = await this.settle(before, deferred, cancelToken);
            if (rebuild.length > 0) await this.buildDocuments(rebuild, this.updateBuildOptions, cancelToken);
        }
        // Other documents' duplicate ids, same-KPI and follow-up findings that the edit concerns.
        const stale = edit.staleDocuments(this.validatedInUpdate);
        for (const document of stale) this.resetToState(document, DocumentState.IndexedReferences);
        if (stale.length > 0) await this.buildDocuments(stale, this.updateBuildOptions, cancelToken);
        edit.done();
    }

    private readonly workspaceFindings = new WorkspaceFindings(this.langiumDocuments, this.indexManager);
    /** The documents validated since the running update began (validated already: not again). */
    private readonly validatedInUpdate = new Set<string>();

    /**
     * Compares the changed documents' exports before and after, and decides for each deferred
     * document: re-link, re-validate or keep (its references re-pointed). Returns the ones to rebuild,
     * already reset to the state they are rebuilt from.
     */
    private async settle(before: Map<string, Signature>, deferred: LangiumDocument[], cancelToken: Cancellation.CancellationToken): Promise<LangiumDocument[]> {
        const names = new Set<string>();
        const successors = new Map<AstNodeDescription, Successor>();
        for (const [uri, old] of before) {
            const change = compare(old, this.signature(uri));
            change.names.forEach(name => names.add(name));
            for (const [description, successor] of change.successors) successors.set(description, successor);
        }
        const comparedUris = new Set(before.keys());
        const rebuild: LangiumDocument[] = [];
        for (const document of deferred) {
            const outcome = this.repoint(document, comparedUris, names, successors);
            if (outcome.relink) {
                this.resetToState(document, DocumentState.ComputedScopes);
                rebuild.push(document);
                continue;
            }
            // Symbols that moved (a role inserted above them): the references stay, their index entries follow.
            if (outcome.moved) await this.indexManager.updateReferences(document, cancelToken);
            // A referenced symbol's text changed (a goal's title): same links, but the checks may say otherwise now.
            if (outcome.revalidate) {
                this.resetToState(document, DocumentState.IndexedReferences);
                rebuild.push(document);
            }
        }
        return rebuild;
    }

    protected override shouldRelink(document: LangiumDocument, changedUris: Set<string>): boolean {
        const facts = this.factsOf(document);
        if (!facts) return super.shouldRelink(document, changedUris);
        // Maybe a reference that did not resolve can now.
        if (facts.errors) return true;
        let affectedByCompared = false;
        for (const uri of changedUris) {
            if (!facts.targets.has(uri)) continue;
            if (!this.before?.has(uri)) return true;
            affectedByCompared = true;
        }
        if (affectedByCompared) this.deferred.push(document);
        return false;
    }

    override resetToState<T extends AstNode>(document: LangiumDocument<T>, state: DocumentState): void {
        if (state < DocumentState.Linked) this.linkFacts.delete(document);
        super.resetToState(document, state);
    }

    /** A document validated with the categories now requested has nothing missing: skip the set arithmetic. */
    protected override resultsAreIncomplete(document: LangiumDocument, options: BuildOptions | undefined): boolean {
        const state = this.buildState.get(document.uri.toString());
        if (state?.completed) {
            const executed = state.result?.validationChecks;
            if (!executed) return false;
            const requested = options?.validation;
            if (typeof requested === 'object' && requested.categories?.every(c => executed.includes(c))) return false;
        }
        return super.resultsAreIncomplete(document, options);
    }

    private factsOf(document: LangiumDocument): { errors: boolean; targets: Set<string> } | undefined {
        if (document.state < DocumentState.Linked) return undefined;
        let facts = this.linkFacts.get(document);
        if (!facts) {
            const targets = new Set<string>();
            let errors = false;
            for (const ref of document.references) {
                if (ref.error !== undefined) errors = true;
                const target = (ref as Reference).$nodeDescription?.documentUri;
                if (target) targets.add(target.toString());
            }
            facts = { errors, targets };
            this.linkFacts.set(document, facts);
        }
        return facts;
    }

    /** Each exported symbol by kind and name, with its description(s) and the text of its node. */
    private signature(uri: string): Signature {
        const result: Signature = new Map();
        for (const description of this.indexManager.allElements(undefined, new Set([uri]))) {
            const key = symbolKey(description);
            const text = description.node?.$cstNode?.text ?? '';
            const facts = result.get(key);
            if (facts) facts.push({ description, text });
            else result.set(key, [{ description, text }]);
        }
        return result;
    }

    /**
     * Points the references into re-parsed documents at the new nodes (resolved on next access), or
     * says the document must be re-linked (it names a symbol that appeared, disappeared or became
     * ambiguous); says whether it must be re-validated (it references a symbol whose text changed)
     * and whether its reference index must follow moved symbols.
     */
    private repoint(document: LangiumDocument, compared: Set<string>, names: Set<string>, successors: Map<AstNodeDescription, Successor>): { relink?: boolean; moved?: boolean; revalidate?: boolean } {
        const references = document.references;
        const relink = { relink: true };
        if (names.size > 0) {
            for (const ref of references) if (names.has(ref.$refText)) return relink;
        }
        let moved = false;
        let revalidate = false;
        const updates: Array<[LangiumDocument['references'][number], AstNodeDescription]> = [];
        for (const ref of references) {
            const description = linkedDescription(ref);
            if (description === undefined) continue;
            const successor = successors.get(description);
            if (successor === undefined) {
                // A description of a changed document that the comparison does not know: be safe.
                if (compared.has(description.documentUri.toString())) return relink;
                continue;
            }
            if (successor === 'relink') return relink;
            moved ||= successor.moved;
            revalidate ||= successor.textChanged;
            updates.push([ref, successor.description]);
        }
        for (const [ref, description] of updates) repointReference(ref, description);
        return { moved, revalidate };
    }
}

/** At most this many documents are linked ahead of an update's cancellable build. */
const LINK_FIRST_LIMIT = 20;

/** The exported symbols of a document by kind and name (several when the name is ambiguous). */
type Signature = Map<string, Array<{ description: AstNodeDescription; text: string }>>;

/** What replaces a symbol's old description: the new one, or a re-link when it cannot be matched. */
type Successor = { description: AstNodeDescription; moved: boolean; textChanged: boolean } | 'relink';

/** What an edit changed in a document's exported symbols. */
interface SymbolChanges {
    /** Names that appeared, disappeared or became (or stopped being) ambiguous. */
    names: Set<string>;
    /** For every old description: its successor. */
    successors: Map<AstNodeDescription, Successor>;
}

function symbolKey(description: AstNodeDescription): string {
    return `${description.type}\u0000${description.name}`;
}

function compare(before: Signature, after: Signature): SymbolChanges {
    const names = new Set<string>();
    const successors = new Map<AstNodeDescription, Successor>();
    const nameOf = (key: string) => key.slice(key.indexOf('\u0000') + 1);
    for (const [key, old] of before) {
        const now = after.get(key);
        if (!now || now.length !== 1 || old.length !== 1) {
            if (now?.length !== old.length || old.length === 1) names.add(nameOf(key));
            for (const { description } of old) successors.set(description, 'relink');
            continue;
        }
        const [was] = old;
        const [is] = now;
        successors.set(was.description, {
            description: is.description,
            moved: is.description.path !== was.description.path,
            textChanged: is.text !== was.text
        });
    }
    for (const key of after.keys()) if (!before.has(key)) names.add(nameOf(key));
    return { names, successors };
}
