import { DocumentState, UriUtils, type AstNode, type AstNodeDescription, type LangiumDocument, type ValidationAcceptor } from 'langium';
import type { LangiumSharedCoreServices } from 'langium';
import type { Lang } from '../i18n/lang.js';
import { REFERENCE_KIND, messages } from './messages.js';
import { report } from './report.js';

/**
 * Ids declared more than once in the workspace, per kind of declaration. The index of all exported
 * names is read once per build, not once per document, so that a workspace of a thousand plans
 * validates in linear time.
 */
export class DuplicateIds {
    private byKey: Map<string, AstNodeDescription[]> | undefined;

    constructor(private readonly shared: LangiumSharedCoreServices) {
        const reset = () => { this.byKey = undefined; };
        shared.workspace.DocumentBuilder.onUpdate(reset);
        shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.IndexedContent, reset);
    }

    private index(): Map<string, AstNodeDescription[]> {
        if (!this.byKey) {
            const map = new Map<string, AstNodeDescription[]>();
            for (const d of this.shared.workspace.IndexManager.allElements()) {
                const key = `${d.type}\u0000${d.name}`;
                const list = map.get(key);
                if (list) list.push(d);
                else map.set(key, [d]);
            }
            this.byKey = map;
        }
        return this.byKey;
    }

    check(node: AstNode & { name?: string }, accept: ValidationAcceptor, lang: Lang): void {
        const name = node.name;
        if (!name) return;
        const list = this.index().get(`${node.$type}\u0000${name}`);
        if (!list || list.length < 2) return;
        const document = getDocument(node);
        const self = node.$cstNode?.offset;
        const others = list.filter(d => !(d.documentUri.toString() === document?.uri.toString()
            && d.nameSegment && node.$cstNode && d.nameSegment.offset >= node.$cstNode.offset && d.nameSegment.end <= node.$cstNode.end));
        if (others.length === 0 || others.length === list.length && self === undefined) return;
        const other = others[0];
        const where = `${UriUtils.basename(other.documentUri)}:${(other.nameSegment?.range.start.line ?? 0) + 1}`;
        const kind = REFERENCE_KIND[node.$type] ?? { sv: node.$type, en: node.$type };
        report(accept, lang, 'duplicate-id', messages.duplicateId(name, kind, where), { node, property: 'name' as never },
            { name, kind: node.$type, other: { uri: other.documentUri.toString(), range: other.nameSegment?.range } });
    }
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
            { node, property: 'name' as never }, { name: node.name, kind: node.$type });
    }
}
