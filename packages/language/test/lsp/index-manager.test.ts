import { describe, expect, test } from 'vitest';
import { URI } from 'langium';
import { setTextDocument } from 'langium/test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { VplanIndexManager } from '../../src/lsp/index-manager.js';
import { createServices, KOMMUN_SV, workspace } from './fixtures.js';

const plan = (name: string, role: string) =>
    `plan ${name} "${name}" {\n  år 2026\n  indikator ${name}Ind "I" {\n    grön >= 82\n    ansvarig ${role}\n    rapporterar ${role}\n  }\n}\n`;

async function setup() {
    const s = await createServices();
    await workspace(s, { 'kommun.vplan': KOMMUN_SV, 'a.vplan': plan('a', 'handlaggare'), 'b.vplan': plan('b', 'htj') });
    const index = s.shared.workspace.IndexManager as VplanIndexManager;
    const roleNode = (name: string) => {
        const kommun = s.shared.workspace.LangiumDocuments.getDocument(URI.parse('file:///ws/kommun.vplan'))!;
        return (kommun.parseResult.value as any).elements.find((e: any) => e.$type === 'Role' && e.name === name);
    };
    const usesOf = (name: string) => s.Vplan.references.References.findReferences(roleNode(name), { includeDeclaration: false })
        .toArray().map(r => `${r.sourceUri.path}:${r.segment.range.start.line}`).sort();
    let version = 1;
    const edit = async (file: string, text: string) => {
        setTextDocument(s.shared, TextDocument.create(`file:///ws/${file}`, 'vplan', ++version, text));
        await s.shared.workspace.DocumentBuilder.update([URI.parse(`file:///ws/${file}`)], []);
    };
    return { index, usesOf, edit };
}

describe('the reference index, built when asked for', () => {
    test('a build leaves references unindexed, and the first reader gets every one of them', async () => {
        const { index, usesOf } = await setup();
        expect(index).toBeInstanceOf(VplanIndexManager);
        expect(index.hasPendingReferences).toBe(true);
        expect(usesOf('handlaggare')).toEqual(['/ws/a.vplan:4', '/ws/a.vplan:5']);
        expect(index.hasPendingReferences).toBe(false);
        expect(usesOf('htj')).toEqual(['/ws/b.vplan:4', '/ws/b.vplan:5']);
    });

    test('after an edit, readers see the edited plan\'s references and none of its old ones', async () => {
        const { index, usesOf, edit } = await setup();
        expect(usesOf('handlaggare')).toEqual(['/ws/a.vplan:4', '/ws/a.vplan:5']);
        await edit('a.vplan', `// rad\n${plan('a', 'htj')}`);
        expect(index.hasPendingReferences).toBe(true);
        expect(usesOf('handlaggare')).toEqual([]);
        expect(usesOf('htj')).toEqual(['/ws/a.vplan:5', '/ws/a.vplan:6', '/ws/b.vplan:4', '/ws/b.vplan:5']);
    });

    test('once the editor is idle, the index is completed in the background', async () => {
        const { index, edit } = await setup();
        await edit('b.vplan', plan('b', 'handlaggare'));
        expect(index.hasPendingReferences).toBe(true);
        await new Promise(resolve => setTimeout(resolve, 600));
        expect(index.hasPendingReferences).toBe(false);
    });
});
