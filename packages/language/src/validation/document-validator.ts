import {
    Cancellation, DefaultDocumentValidator, interruptAndCheck, type AstNode, type AstReflection, type LangiumDocument,
    type ParseResult, type ScopeProvider, type ValidationAcceptor, type ValidationCheck, type ValidationOptions
} from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import { isRestatement } from '../generated/ast.js';
import type { LocaleService } from '../i18n/locale-service.js';
import { nodesInOrder } from '../parser/ast-walk.js';
import type { VplanCoreServices } from '../vplan-module.js';
import { closestName } from './edit-distance.js';
import { messages, REFERENCE_KIND } from './messages.js';
import { localizeSyntaxMessage } from './syntax-messages.js';
import { isSyntax, withoutCascades } from './cascades.js';
import { explainNearMisses } from './near-misses.js';
import { scopeOf } from './check-scope.js';
import type { DiagnosticReuse } from './diagnostic-reuse.js';

/** Nodes validated between two checks for cancellation (a newer keystroke). */
const NODES_PER_SLICE = 256;

/**
 * Langium's document validator, with unresolved references reported as `unresolved-reference`
 * in the user's language and with a "did you mean" taken from what is in scope, and a cheaper walk
 * over the nodes.
 */
export class VplanDocumentValidator extends DefaultDocumentValidator {
    private readonly locale: LocaleService;
    private readonly scopes: ScopeProvider;
    private readonly reflection: AstReflection;

    constructor(services: VplanCoreServices) {
        super(services);
        this.locale = services.i18n.Locale;
        this.scopes = services.references.ScopeProvider;
        this.reflection = services.shared.AstReflection;
    }

    /**
     * Every message about a document in that document's language (or the one the user chose), and
     * no finding built on text the parser could not read (see cascades.ts).
     */
    override validateDocument(document: LangiumDocument, options: ValidationOptions = {}, cancelToken = Cancellation.CancellationToken.None): Promise<Diagnostic[]> {
        return this.locale.within(document, async () => {
            const diagnostics = withoutCascades(document, await super.validateDocument(document, options, cancelToken));
            if (!diagnostics.some(d => isSyntax(d) || (d.data as { code?: string } | undefined)?.code === 'unresolved-reference')) return diagnostics;
            const text = document.textDocument;
            const line = (n: number) => text.getText({ start: { line: n, character: 0 }, end: { line: n + 1, character: 0 } }).replace(/\r?\n$/, '');
            return explainNearMisses(line, diagnostics, isSyntax, this.locale.lang);
        });
    }

    /** Findings of unchanged blocks kept across edits (set by the language server; see diagnostic-reuse.ts). */
    reuse?: DiagnosticReuse;

    /**
     * Langium's validateAst, with the checks' findings collected here, so that the walk can keep and
     * reuse those of unchanged blocks.
     */
    protected override async validateAst(root: AstNode, options: ValidationOptions, cancelToken = Cancellation.CancellationToken.None): Promise<Diagnostic[]> {
        const items: Diagnostic[] = [];
        const acceptor: ValidationAcceptor = (severity, message, info) => { items.push(this.toDiagnostic(severity, message, info)); };
        await this.validateAstBefore(root, options, acceptor, cancelToken);
        const document = (root as { $document?: LangiumDocument }).$document;
        if (this.profiler?.isActive('validating') || !document) {
            await this.validateAstNodes(root, options, acceptor, cancelToken);
        } else {
            await this.walk(document, options, items, acceptor, cancelToken);
        }
        await this.validateAstAfter(root, options, acceptor, cancelToken);
        return items;
    }

    /**
     * The same checks on the same nodes in the same order as Langium's walk, which on every keystroke
     * built a stream per node to walk the tree and another to look up its checks (most nodes have
     * none) and awaited once per node.
     */
    protected override async validateAstNodes(root: AstNode, options: ValidationOptions, acceptor: ValidationAcceptor, cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        if (this.profiler?.isActive('validating')) return super.validateAstNodes(root, options, acceptor, cancelToken);
        await this.walk(undefined, options, undefined, acceptor, cancelToken, root);
    }

    /**
     * The walk. With a document and `items` (the findings so far), the findings of `block` checks
     * on unchanged blocks come from the previous validation (see diagnostic-reuse.ts).
     */
    private async walk(document: LangiumDocument | undefined, options: ValidationOptions, items: Diagnostic[] | undefined, acceptor: ValidationAcceptor,
        cancelToken: Cancellation.CancellationToken, root: AstNode = document!.parseResult.value): Promise<void> {
        const checksOf = new Map<string, ValidationCheck[]>();
        const nodes = nodesInOrder(root);
        const run = document && items ? this.reuse?.begin(document, nodes, this.locale.lang) : undefined;
        // Nodes whose subtrees validateSingleNodeOptions said to skip (Langium's own walk prunes them).
        const pruned = new Set<AstNode>();
        for (let i = 0; i < nodes.length; i++) {
            if (i % NODES_PER_SLICE === 0) await interruptAndCheck(cancelToken);
            const node = nodes[i];
            if (pruned.size > 0 && insideOf(node, pruned)) continue;
            const nodeOptions = this.validateSingleNodeOptions(node, options);
            if (!nodeOptions.validateChildren) pruned.add(node);
            if (!nodeOptions.validateNode) continue;
            let checks = checksOf.get(node.$type);
            if (!checks) {
                checks = this.validationRegistry.getChecks(node.$type, options.categories).toArray();
                checksOf.set(node.$type, checks);
            }
            const block = run?.blockOf(i);
            for (let c = 0; c < checks.length; c++) {
                const check = checks[c];
                if (!block || scopeOf(check) !== 'block') {
                    await check(node, acceptor, cancelToken);
                } else if (block.reused) {
                    for (const diagnostic of run!.reusedFindings(block, i, c)) items!.push(diagnostic);
                } else {
                    const from = items!.length;
                    await check(node, acceptor, cancelToken);
                    for (let k = from; k < items!.length; k++) run!.record(block, i, c, items![k]);
                }
            }
        }
        run?.done();
    }

    /** Parse errors in the user's language, on one line (Chevrotain's own can run to 72 lines). */
    protected override processParsingErrors(parseResult: ParseResult, diagnostics: Diagnostic[], options: ValidationOptions): void {
        const start = diagnostics.length;
        super.processParsingErrors(parseResult, diagnostics, options);
        this.localizeSyntax(diagnostics, start);
    }

    protected override processLexingErrors(parseResult: ParseResult, diagnostics: Diagnostic[], options: ValidationOptions): void {
        const start = diagnostics.length;
        super.processLexingErrors(parseResult, diagnostics, options);
        this.localizeSyntax(diagnostics, start);
    }

    private localizeSyntax(diagnostics: Diagnostic[], start: number): void {
        const lang = this.locale.lang;
        for (let i = start; i < diagnostics.length; i++) {
            const message = diagnostics[i].message;
            if (typeof message === 'string') diagnostics[i].message = localizeSyntaxMessage(message, lang);
        }
    }

    protected override processLinkingErrors(document: LangiumDocument, diagnostics: Diagnostic[], _options: ValidationOptions): void {
        const lang = this.locale.lang;
        // Series and periods are local; every other kind sees the same global names, so a file
        // with many unresolved names asks the scope and compares names once per kind and text.
        const namesOfKind = new Map<string, string[]>();
        const suggestions = new Map<string, string | undefined>();
        for (const reference of document.references) {
            const error = reference.error;
            if (!error) continue;
            const info = error.info;
            const written = info.reference.$refText ?? '';
            let type = '';
            let suggestion: string | undefined;
            try {
                type = this.reflection.getReferenceType(info);
                const global = type !== 'SeriesDecl' && type !== 'Period';
                const key = `${type}\u0000${written}`;
                if (global && suggestions.has(key)) {
                    suggestion = suggestions.get(key);
                } else if (written) {
                    let names = global ? namesOfKind.get(type) : undefined;
                    if (!names) {
                        names = this.scopes.getScope(info).getAllElements().map(d => d.name).toArray();
                        if (global) namesOfKind.set(type, names);
                    }
                    suggestion = closestName(written, names);
                    if (global) suggestions.set(key, suggestion);
                }
                // An indicator does not restate itself: suggest the closest other one.
                const self = isRestatement(info.container) ? (info.container.$container as { name?: string }).name : undefined;
                if (self && suggestion === self) {
                    suggestion = closestName(written, (namesOfKind.get(type) ?? []).filter(n => n !== self));
                }
            } catch {
                // A scope that cannot be computed leaves the message without a suggestion.
            }
            const kind = REFERENCE_KIND[type] ?? { sv: type || 'referens', en: type || 'reference' };
            const message = messages.unresolved(kind, written, suggestion)[lang];
            const range = reference.$refNode?.range;
            diagnostics.push(this.toDiagnostic('error', message, {
                node: info.container,
                range,
                property: info.property,
                index: info.index,
                code: 'unresolved-reference',
                data: {
                    code: 'unresolved-reference',
                    refText: written,
                    referenceType: type,
                    containerType: info.container.$type,
                    property: info.property,
                    suggestion,
                    ...(suggestion && range ? { fix: { title: messages.fixUseSuggestion(suggestion), range, newText: suggestion } } : {})
                }
            }));
        }
    }
}

function insideOf(node: AstNode, ancestors: ReadonlySet<AstNode>): boolean {
    for (let n = node.$container; n; n = n.$container) if (ancestors.has(n)) return true;
    return false;
}
