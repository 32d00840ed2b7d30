import { DocumentState, UriUtils, type URI, type AstNode, type AstNodeDescription, type LangiumDocument, type ValidationAcceptor } from 'langium';
import type { LangiumSharedCoreServices } from 'langium';
import type { Lang } from '../i18n/lang.js';
import { isPlan, type Document } from '../generated/ast.js';
import { REFERENCE_KIND, messages } from './messages.js';
import { report } from './report.js';
import { relatedAt, relatedNode } from './related.js';

/**
 * Ids declared more than once in the workspace, per kind of declaration. What a plan declares
 * (units, indicators, assignments, a unit's goals) is unique within that plan: last year's plan may
 * sit beside this year's with the same ids. What stands outside plans (the municipality's goals,
 * roles, sources) is unique in the whole workspace, and clashes with a plan's declaration too.
 *
 * The index of all exported names is kept up to date per document: a keystroke re-reads the exports
 * of the documents that changed, not of the whole workspace (rebuilding it from every export cost
 * about 100 ms per keystroke in a workspace of a thousand plans, found by bench/load).
 */
export class DuplicateIds {
    private readonly byKey = new Map<string, AstNodeDescription[]>();
    /** The keys each document contributed, to take them out again when it changes or goes. */
    private readonly keysByUri = new Map<string, string[]>();
    /** Documents whose exports may have changed since the index was brought up to date. */
    private readonly dirty = new Set<string>();

    constructor(private readonly shared: LangiumSharedCoreServices) {
        shared.workspace.DocumentBuilder.onUpdate((changed, deleted) => {
            for (const uri of [...changed, ...deleted]) this.dirty.add(uri.toString());
        });
        shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.IndexedContent, documents => {
            for (const document of documents) this.dirty.add(document.uri.toString());
        });
    }

    private index(): Map<string, AstNodeDescription[]> {
        if (this.dirty.size === 0) return this.byKey;
        // Documents removed without an update (closed unsaved files) go too.
        const present = new Set(this.shared.workspace.LangiumDocuments.all.map(d => d.uri.toString()));
        for (const uri of this.keysByUri.keys()) if (!present.has(uri)) this.dirty.add(uri);
        const indexManager = this.shared.workspace.IndexManager;
        for (const uri of this.dirty) {
            for (const key of this.keysByUri.get(uri) ?? []) {
                const list = this.byKey.get(key)?.filter(d => d.documentUri.toString() !== uri);
                if (list && list.length > 0) this.byKey.set(key, list);
                else this.byKey.delete(key);
            }
            this.keysByUri.delete(uri);
            if (!present.has(uri)) continue;
            const keys: string[] = [];
            for (const d of indexManager.allElements(undefined, new Set([uri]))) {
                const key = `${d.type}\u0000${d.name}`;
                const list = this.byKey.get(key);
                if (list) list.push(d);
                else this.byKey.set(key, [d]);
                keys.push(key);
            }
            this.keysByUri.set(uri, keys);
        }
        this.dirty.clear();
        return this.byKey;
    }

    /** The plan a declaration stands in (`uri#index` of the plan among the file's elements), if any. */
    private planKey(description: AstNodeDescription): string | undefined {
        const top = /^\/elements@(\d+)\//.exec(description.path);
        if (!top) return undefined;
        const root = this.shared.workspace.LangiumDocuments.getDocument(description.documentUri)?.parseResult.value as Document | undefined;
        return root && isPlan(root.elements?.[Number(top[1])]) ? `${description.documentUri.toString()}#${top[1]}` : undefined;
    }

    private inAnotherPlan(description: AstNodeDescription, plan: string | undefined): boolean {
        if (plan === undefined) return false;
        const other = this.planKey(description);
        return other !== undefined && other !== plan;
    }

    check(node: AstNode & { name?: string }, accept: ValidationAcceptor, lang: Lang): void {
        const name = node.name;
        if (!name) return;
        const list = this.index().get(`${node.$type}\u0000${name}`);
        if (!list || list.length < 2) return;
        const document = getDocument(node);
        const self = node.$cstNode?.offset;
        const plan = planKeyOfNode(node, document);
        const others = list.filter(d => !(d.documentUri.toString() === document?.uri.toString()
            && d.nameSegment && node.$cstNode && d.nameSegment.offset >= node.$cstNode.offset && d.nameSegment.end <= node.$cstNode.end)
            // Declarations of two different plans do not clash (this year's plan beside last year's).
            && !this.inAnotherPlan(d, plan));
        if (others.length === 0 || others.length === list.length && self === undefined) return;
        // The first by file and place: the index's order depends on which files were edited last.
        const other = others.length === 1 ? others[0] : others.reduce((a, b) => firstOf(a, b));
        const where = `${fileName(other.documentUri, document?.uri)}:${(other.nameSegment?.range.start.line ?? 0) + 1}`;
        const kind = REFERENCE_KIND[node.$type] ?? { sv: node.$type, en: node.$type };
        report(accept, lang, 'duplicate-id', messages.duplicateId(name, kind, where), {
            node, property: 'name' as never,
            relatedInformation: relatedAt(other.documentUri.toString(), other.nameSegment?.range, messages.relatedAlsoDeclared(name), lang)
        },
            { name, kind: node.$type, other: { uri: other.documentUri.toString(), range: other.nameSegment?.range } });
    }
}

/**
 * The other file as the message names it: its name, or its path from this file's folder when both
 * have the same name (`2025/omsorg.vplan` and `2026/omsorg.vplan`), so it is not read as this file.
 */
function firstOf(a: AstNodeDescription, b: AstNodeDescription): AstNodeDescription {
    const ua = a.documentUri.toString(), ub = b.documentUri.toString();
    if (ua !== ub) return ua < ub ? a : b;
    return (b.nameSegment?.offset ?? 0) < (a.nameSegment?.offset ?? 0) ? b : a;
}

function fileName(other: URI, self: URI | undefined): string {
    const name = UriUtils.basename(other);
    if (!self || other.toString() === self.toString() || UriUtils.basename(self) !== name) return name;
    return UriUtils.relative(UriUtils.dirname(self), other);
}

/** The plan a node stands in, as `planKey` writes it, if any. */
function planKeyOfNode(node: AstNode, document: LangiumDocument | undefined): string | undefined {
    let top: AstNode = node;
    while (top.$container?.$container) top = top.$container;
    if (top === node || !isPlan(top) || !document || top.$containerIndex === undefined) return undefined;
    return `${document.uri.toString()}#${top.$containerIndex}`;
}

function getDocument(node: AstNode): LangiumDocument | undefined {
    let n: AstNode | undefined = node;
    while (n?.$container) n = n.$container;
    return (n as { $document?: LangiumDocument } | undefined)?.$document;
}

/** Series of one indicator and periods of one plan are local: duplicates among siblings. */
export function checkLocalDuplicates(nodes: (AstNode & { name?: string })[], accept: ValidationAcceptor, lang: Lang): void {
    const seen = new Map<string, AstNode>();
    for (const node of nodes) {
        if (!node.name) continue;
        const first = seen.get(node.name);
        if (!first) {
            seen.set(node.name, node);
            continue;
        }
        const line = (first.$cstNode?.range.start.line ?? 0) + 1;
        const kind = REFERENCE_KIND[node.$type] ?? { sv: node.$type, en: node.$type };
        const doc = getDocument(node);
        report(accept, lang, 'duplicate-id', messages.duplicateId(node.name, kind, `${doc ? UriUtils.basename(doc.uri) : ''}:${line}`),
            { node, property: 'name' as never, relatedInformation: relatedNode(first, messages.relatedAlsoDeclared(node.name), lang) },
            { name: node.name, kind: node.$type });
    }
}
