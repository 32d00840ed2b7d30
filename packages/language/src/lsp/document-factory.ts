// The language server's document factory: an edit inside one block re-parses only that block
// (parser/incremental-parse.ts); anything else parses the whole document as Langium does. The CLI
// keeps Langium's factory: it parses every file once.
import {
    DefaultLangiumDocumentFactory, type AstNode, type Cancellation, type LangiumDocument, type LangiumSharedCoreServices,
    type ParseResult, type URI
} from 'langium';
import { reparseIncrementally, type Splice } from '../parser/incremental-parse.js';
import { carryKeywordCounts } from './keyword-language.js';

/** `VPLAN_INCREMENTAL_PARSE=0` turns the incremental re-parse off (every edit parses the whole document). */
export function incrementalParseFromEnvironment(): boolean {
    return (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.VPLAN_INCREMENTAL_PARSE !== '0';
}

export class VplanDocumentFactory extends DefaultLangiumDocumentFactory {
    /** Whether edits inside a block re-parse only that block. */
    incremental = incrementalParseFromEnvironment();
    /** How many updates re-parsed one block, and how many the whole document (for tests and benchmarks). */
    readonly counts = { incremental: 0, full: 0 };
    /** The document being updated and its parse before the edit (read by `parseAsync`). */
    private previous?: { uri: string; parseResult: ParseResult<AstNode> };
    private readonly splices = new WeakMap<LangiumDocument, Splice>();

    constructor(services: LangiumSharedCoreServices) {
        super(services);
    }

    /** The block the last update of `document` re-parsed alone, or undefined if it parsed the whole text. */
    lastSplice(document: LangiumDocument): Splice | undefined {
        return this.splices.get(document);
    }

    override async update<T extends AstNode = AstNode>(document: LangiumDocument<T>, cancellationToken: Cancellation.CancellationToken): Promise<LangiumDocument<T>> {
        this.splices.delete(document);
        this.previous = { uri: document.uri.toString(), parseResult: document.parseResult };
        try {
            const updated = await super.update(document, cancellationToken);
            const splice = this.lastResult;
            if (splice && splice.parseResult === document.parseResult) this.splices.set(document, splice.splice);
            return updated;
        } finally {
            this.previous = undefined;
            this.lastResult = undefined;
        }
    }

    private lastResult?: { parseResult: ParseResult<AstNode>; splice: Splice };

    protected override async parseAsync<T extends AstNode>(uri: URI, text: string, cancellationToken: Cancellation.CancellationToken): Promise<ParseResult<T>> {
        const previous = this.previous;
        this.previous = undefined;
        if (this.incremental && previous?.uri === uri.toString()) {
            const oldText = previous.parseResult.value.$cstNode?.root.fullText;
            const services = this.serviceRegistry.getServices(uri);
            let result: ReturnType<typeof reparseIncrementally>;
            try {
                result = oldText === undefined ? undefined
                    : reparseIncrementally(previous.parseResult, oldText, text, services.parser.LangiumParser, services.references.Linker);
            } catch {
                // Never worse than Langium: the whole text is parsed (the old tree is not read again).
                result = undefined;
            }
            if (result) {
                carryKeywordCounts(previous.parseResult.value, result.parseResult.value, result.splice.removed, [result.splice.after.$cstNode!]);
                this.counts.incremental++;
                this.lastResult = result;
                return result.parseResult as ParseResult<T>;
            }
        }
        this.counts.full++;
        return super.parseAsync<T>(uri, text, cancellationToken);
    }
}
