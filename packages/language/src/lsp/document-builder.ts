import {
    Cancellation, DefaultDocumentBuilder, DocumentState, isAstNodeDescription, type AstNode, type AstNodeDescription,
    type BuildOptions, type LangiumDocument, type LangiumSharedCoreServices, type Reference, type URI
} from 'langium';

/**
 * A document builder that rebuilds only what an edit can affect.
 *
 * Langium re-links (and so re-validates) every document that references a changed document. In a
 * municipality every plan references the shared file of goals, roles and sources, so a keystroke in
 * that file would rebuild the whole workspace. Yet most edits there (a comment, the prose, one goal's
 * title) leave what other plans see unchanged. So this builder compares what the changed document
 * exports before and after the edit: the name, type and place of every exported symbol and the text
 * of its node (which is all another plan's references, hovers and checks can read of it).
 *
 * - Same names, types and places: the dependent plans keep their links and diagnostics; their
 *   references are only re-pointed (lazily) at the re-parsed nodes. Plans that reference a symbol
 *   whose text changed (a goal's title, an indicator's bands) are re-linked and re-validated.
 * - Any name, type or place changed: every dependent plan is re-linked, as Langium does by default.
 */
export class VplanDocumentBuilder extends DefaultDocumentBuilder {
    /** Changed documents whose exports are compared, with their signatures before the edit. */
    private before?: Map<string, Map<string, string>>;
    /** Documents that reference only compared documents: their re-linking waits for the comparison. */
    private deferred: LangiumDocument[] = [];
    /**
     * Per linked document: whether it has linking errors, and which documents its references point
     * into. Both only change when it is re-linked, so a keystroke does not re-read every reference
     * of every plan in the workspace to decide what to rebuild.
     */
    private readonly linkFacts = new WeakMap<LangiumDocument, { errors: boolean; targets: Set<string> }>();

    constructor(services: LangiumSharedCoreServices) {
        super(services);
    }

    override async update(changed: URI[], deleted: URI[], cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        const before = new Map<string, Map<string, string>>();
        for (const uri of changed) {
            const document = this.langiumDocuments.getDocument(uri);
            if (document && document.state >= DocumentState.IndexedContent) before.set(uri.toString(), this.signature(uri.toString()));
        }
        this.before = before.size > 0 ? before : undefined;
        this.deferred = [];
        const deferred = this.deferred;
        try {
            await super.update(changed, deleted, cancelToken);
        } catch (err) {
            // Cancelled before the comparison: the deferred documents are re-linked by the next build.
            for (const document of deferred) this.resetToState(document, DocumentState.ComputedScopes);
            throw err;
        } finally {
            this.before = undefined;
            this.deferred = [];
        }
        if (deferred.length === 0) return;
        const relink: LangiumDocument[] = [];
        const changedPaths = new Map<string, Set<string> | 'all'>();
        for (const [uri, old] of before) changedPaths.set(uri, this.compare(old, this.signature(uri)));
        const fresh = this.descriptionsByPath(before.keys());
        for (const document of deferred) {
            if (this.referencesChanged(document, changedPaths)) {
                this.resetToState(document, DocumentState.ComputedScopes);
                relink.push(document);
            } else {
                this.repoint(document, fresh);
            }
        }
        if (relink.length > 0) await this.buildDocuments(relink, this.updateBuildOptions, cancelToken);
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

    /** type, name and path of each exported symbol → the text of its node. */
    private signature(uri: string): Map<string, string> {
        const result = new Map<string, string>();
        for (const description of this.indexManager.allElements(undefined, new Set([uri]))) {
            result.set(`${description.type}\u0000${description.name}\u0000${description.path}`, description.node?.$cstNode?.text ?? '');
        }
        return result;
    }

    /** The paths whose text changed, or 'all' when a symbol appeared, disappeared or moved. */
    private compare(old: Map<string, string>, now: Map<string, string>): Set<string> | 'all' {
        if (old.size !== now.size) return 'all';
        const changed = new Set<string>();
        for (const [key, text] of old) {
            const current = now.get(key);
            if (current === undefined) return 'all';
            if (current !== text) changed.add(key.split('\u0000')[2]);
        }
        return changed;
    }

    private referencesChanged(document: LangiumDocument, changed: Map<string, Set<string> | 'all'>): boolean {
        for (const ref of document.references) {
            const description = (ref as Reference).$nodeDescription;
            if (!description) continue;
            const paths = changed.get(description.documentUri.toString());
            if (paths === 'all') return true;
            if (paths && paths.has(description.path)) return true;
        }
        return false;
    }

    /** The re-parsed documents' exported symbols, by document and path. */
    private descriptionsByPath(uris: Iterable<string>): Map<string, Map<string, AstNodeDescription>> {
        const fresh = new Map<string, Map<string, AstNodeDescription>>();
        for (const uri of uris) {
            const byPath = new Map<string, AstNodeDescription>();
            for (const d of this.indexManager.allElements(undefined, new Set([uri]))) byPath.set(d.path, d);
            fresh.set(uri, byPath);
        }
        return fresh;
    }

    /** Points the references into re-parsed documents at the new nodes, resolved on next access. */
    private repoint(document: LangiumDocument, fresh: Map<string, Map<string, AstNodeDescription>>): void {
        for (const ref of document.references as Array<Reference & { _ref?: unknown; _nodeDescription?: AstNodeDescription }>) {
            const description = ref._nodeDescription;
            if (!isAstNodeDescription(description)) continue;
            const replacement = fresh.get(description.documentUri.toString())?.get(description.path);
            if (!replacement) continue;
            ref._nodeDescription = replacement;
            ref._ref = undefined;
        }
    }
}
