// Hovers are Markdown that VS Code renders: a plan's text in them must stay text. Every hostile
// plan of hostile-plans.ts is hovered at every id; no link but the Kolada one, no raw HTML, and no
// line of the hover may start a Markdown block the renderer did not write.
import { describe, expect, test } from 'vitest';
import { AstUtils, URI } from 'langium';
import { createHarness } from './harness.js';
import { hostileCases, hostileCatalogue, hostilePlan } from './hostile-plans.js';

describe('hover Markdown with hostile plans', () => {
    test('titles, notes and kpi codes stay text in every hover', async () => {
        const { services } = await createHarness();
        const { shared, Vplan } = services;
        let hovers = 0;
        // Line breaks written as escapes in a string (`\n`) become real ones in the title.
        const escapes = { name: 'line breaks in titles', id: 'breaks', string: '', markdown: '' };
        const breaking = 'roll r "R\\n# Rubrik\\n> citat\\n```\\n| a |"\nplan breaks "P\\n# H" { enhet u "U\\n- punkt\\n[x](javascript:alert(1))" { indikator i "I\\n<img src=x onerror=alert(1)>" { ansvarig r } } }\n';
        for (const c of [...hostileCases(), escapes]) {
            const texts = c === escapes ? [breaking] : [hostileCatalogue(c.string), hostilePlan(c.id, c.string, c.markdown)];
            const docs = texts.map((text, i) => {
                const doc = shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse(`file:///ws/hover/${c.id}-${i}.vplan`));
                shared.workspace.LangiumDocuments.addDocument(doc);
                return doc;
            });
            await shared.workspace.DocumentBuilder.build(docs, { validation: true });
            try {
                for (const doc of docs) {
                    for (const node of AstUtils.streamAst(doc.parseResult.value)) {
                        const nameNode = Vplan.references.NameProvider.getNameNode(node);
                        if (!nameNode) continue;
                        const hover = await Vplan.lsp.HoverProvider!.getHoverContent(doc, {
                            textDocument: { uri: doc.uri.toString() }, position: doc.textDocument.positionAt(nameNode.offset)
                        });
                        const value = hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
                        if (!value) continue;
                        hovers++;
                        const where = `${c.name}: hover on ${nameNode.text}`;
                        // Links: only the renderer's own, to Kolada and to places in the workspace.
                        for (const link of value.matchAll(/\]\(([^)]*)\)/g)) expect(link[1], where).toMatch(/^(https:\/\/www\.kolada\.se\/|file:\/\/\/ws\/hover\/[^\s]*#L\d+$)/);
                        // Raw HTML tags would be rendered (VS Code allows some); `\<` is an escaped, literal `<`.
                        expect(value, where).not.toMatch(/(^|[^\\])<[a-z/!]/i);
                        // Plan text never starts a block (heading, quote, list, fence, table) of its own.
                        for (const line of value.split('\n').slice(1)) expect(line, where).not.toMatch(/^\s*(#|>|```|~~~|\|)/);
                    }
                }
            } finally {
                for (const doc of docs) {
                    shared.workspace.LangiumDocuments.deleteDocument(doc.uri);
                    shared.workspace.IndexManager.remove(doc.uri);
                }
            }
        }
        expect(hovers).toBeGreaterThan(100);
    }, 60_000);
});
