import {
    AstUtils, Cancellation, DefaultIndexManager, DefaultReferenceDescriptionProvider, DocumentState,
    type AstNode, type LangiumDocument, type LangiumSharedCoreServices, type ReferenceDescription, type Stream, type URI
} from 'langium';

/** How long the server waits after the last build before indexing references in the background. */
const IDLE_DELAY_MS = 250;
/** The longest slice of background indexing before other work (the next keystroke) gets a turn. */
const SLICE_MS = 15;

/**
 * An index manager that indexes a document's references when they are asked for, not on every
 * keystroke.
 *
 * Langium indexes every reference of a re-linked document before it validates it, but only
 * find-references, rename, document highlights and the "where used" of a hover read that index.
 * On the keystroke path it was a full walk of the syntax tree (about a sixth of an edit's rebuild)
 * spent before the diagnostics could be published. Here a re-linked document is only marked; its
 * references are indexed when a reader asks, or in short slices once the editor is idle.
 */
export class VplanIndexManager extends DefaultIndexManager {
    /** Linked documents whose references are not indexed yet, by URI. */
    private readonly pending = new Map<string, URI>();
    private timer: ReturnType<typeof setTimeout> | undefined;

    constructor(services: LangiumSharedCoreServices) {
        super(services);
    }

    override async updateReferences(document: LangiumDocument, _cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        const uri = document.uri.toString();
        this.referenceIndex.delete(uri);
        this.pending.set(uri, document.uri);
        this.scheduleIdleIndexing();
    }

    override removeReferences(uri: URI): void {
        this.pending.delete(uri.toString());
        super.removeReferences(uri);
    }

    override findAllReferences(targetNode: AstNode, astNodePath: string): Stream<ReferenceDescription> {
        this.indexPending();
        return super.findAllReferences(targetNode, astNodePath);
    }

    override isAffected(document: LangiumDocument, changedUris: Set<string>): boolean {
        this.indexOne(document.uri.toString());
        return super.isAffected(document, changedUris);
    }

    /** Whether some document's references still wait to be indexed (for tests and benchmarks). */
    get hasPendingReferences(): boolean {
        return this.pending.size > 0;
    }

    /** Indexes every document that waits. */
    indexPending(): void {
        // indexOne deletes the entry it reads: a Map's iteration goes on past deleted entries.
        for (const uri of this.pending.keys()) this.indexOne(uri);
    }

    private indexOne(uri: string): void {
        const documentUri = this.pending.get(uri);
        if (!documentUri) return;
        this.pending.delete(uri);
        const document = this.documents.getDocument(documentUri);
        // Reset since it was marked (a new edit): the builder marks it again once it is re-linked.
        if (!document || document.state < DocumentState.Linked) return;
        this.referenceIndex.set(uri, this.describeReferences(document));
    }

    private describeReferences(document: LangiumDocument): ReferenceDescription[] {
        const provider = this.serviceRegistry.getServices(document.uri).workspace.ReferenceDescriptionProvider;
        if (provider instanceof VplanReferenceDescriptionProvider) return provider.describeNow(document);
        throw new Error('vplan: the reference index needs VplanReferenceDescriptionProvider');
    }

    private scheduleIdleIndexing(): void {
        if (this.timer) clearTimeout(this.timer);
        this.timer = setTimeout(() => this.indexSlice(), IDLE_DELAY_MS);
        // A batch run (tests, benchmarks) must not be kept alive by background work.
        this.timer.unref?.();
    }

    private indexSlice(): void {
        this.timer = undefined;
        const start = performance.now();
        for (const uri of this.pending.keys()) {
            this.indexOne(uri);
            if (performance.now() - start > SLICE_MS) break;
        }
        if (this.pending.size > 0) {
            this.timer = setTimeout(() => this.indexSlice(), 0);
            this.timer.unref?.();
        }
    }
}

/** Langium's reference descriptions, also computable in one synchronous walk (for the lazy index). */
export class VplanReferenceDescriptionProvider extends DefaultReferenceDescriptionProvider {
    describeNow(document: LangiumDocument): ReferenceDescription[] {
        const descriptions: ReferenceDescription[] = [];
        for (const node of AstUtils.streamAst(document.parseResult.value)) {
            AstUtils.streamReferences(node).forEach(info => {
                if (!info.reference.error) descriptions.push(...this.createInfoDescriptions(info));
            });
        }
        return descriptions;
    }
}
