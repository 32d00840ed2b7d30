import { describe, expect, test } from 'vitest';
import { AstUtils, Cancellation, DocumentState, OperationCancelled, URI, type LangiumDocument } from 'langium';
import { setTextDocument } from 'langium/test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { isContribution, isIndicator, isResponsible } from '../../src/index.js';
import { createServices, KOMMUN_SV, workspace } from './fixtures.js';

const planUsing = (name: string, goal: string) => `plan ${name} "${name}" {\n  år 2026\n  indikator ${name}Ind "I" {\n    bidrar till ${goal} "Välfärd och välbefinnande genom livet"\n    grön >= 82\n    ansvarig handlaggare\n  }\n}\n`;

async function setup() {
    const s = await createServices();
    const docs = await workspace(s, {
        'kommun.vplan': KOMMUN_SV,
        'a.vplan': planUsing('a', 'valfard'),
        'b.vplan': planUsing('b', 'effektiv')
    });
    const linked: string[] = [];
    const linker = s.Vplan.references.Linker;
    const link = linker.link.bind(linker);
    linker.link = (doc, token) => { linked.push(doc.uri.path); return link(doc, token); };
    let version = 1;
    const edit = async (text: string) => {
        linked.length = 0;
        setTextDocument(s.shared, TextDocument.create('file:///ws/kommun.vplan', 'vplan', ++version, text));
        await s.shared.workspace.DocumentBuilder.update([URI.parse('file:///ws/kommun.vplan')], []);
        return [...linked].sort();
    };
    return { s, docs, edit };
}

const role = (doc: LangiumDocument) => {
    const indicator = [...(doc.parseResult.value as any).elements[0].members].find(isIndicator)!;
    return indicator.members.find(isResponsible)!.roles[0].ref;
};

describe('rebuilding only what an edit can affect', () => {
    test('an edit that changes no exported symbol re-links no other plan, yet references see the new nodes', async () => {
        const { s, docs, edit } = await setup();
        const [, a] = docs;
        const diagnosticsBefore = a.diagnostics;
        expect(await edit(`// en kommentar\n${KOMMUN_SV}`)).toEqual(['/ws/kommun.vplan']);
        expect(a.diagnostics).toBe(diagnosticsBefore);
        const kommun = s.shared.workspace.LangiumDocuments.getDocument(URI.parse('file:///ws/kommun.vplan'))!;
        // The role reference resolves into the re-parsed shared file, at its new position.
        expect(AstUtils.getDocument(role(a)!)).toBe(kommun);
        expect(role(a)?.$cstNode?.range.start.line).toBe(KOMMUN_SV.split('\n').findIndex(l => l.includes('roll handlaggare')) + 1);
        // Find references still work from the new declaration.
        const refs = s.Vplan.references.References.findReferences(role(a)!, { includeDeclaration: false }).toArray();
        expect(refs.map(r => r.sourceUri.path).sort()).toEqual(['/ws/a.vplan', '/ws/b.vplan']);
    });

    test('changing one goal\'s title re-validates only the plans that reference that goal, without re-linking them', async () => {
        const { s, docs, edit } = await setup();
        const [, a, b] = docs;
        const bDiagnostics = b.diagnostics;
        const validated: string[] = [];
        s.shared.workspace.DocumentBuilder.onDocumentPhase(6, doc => { validated.push(doc.uri.path); });
        expect(a.diagnostics?.some(d => d.code === 'goal-title-mismatch')).toBe(false);
        expect(await edit(KOMMUN_SV.replace('"Välfärd och välbefinnande genom livet"', '"Välfärd genom livet"'))).toEqual(['/ws/kommun.vplan']);
        expect(validated.sort()).toEqual(['/ws/a.vplan', '/ws/kommun.vplan']);
        // The plan that restates the old title now gets told so, and its goal is the re-parsed one.
        expect(a.diagnostics?.some(d => d.code === 'goal-title-mismatch')).toBe(true);
        expect(b.diagnostics).toBe(bDiagnostics);
    });

    test('renaming a symbol the plans reference re-links those plans', async () => {
        const { docs, edit } = await setup();
        expect(await edit(KOMMUN_SV.replace('roll handlaggare', 'roll handlaggare2'))).toEqual(['/ws/a.vplan', '/ws/b.vplan', '/ws/kommun.vplan']);
        expect(await edit(KOMMUN_SV.replace('roll handlaggare', 'roll handlaggaren'))).toEqual(['/ws/a.vplan', '/ws/b.vplan', '/ws/kommun.vplan']);
        // The renamed role no longer resolves in either plan.
        for (const doc of docs.slice(1)) {
            expect(doc.diagnostics?.some(d => d.code === 'unresolved-reference' && String(d.message).includes('handlaggare'))).toBe(true);
        }
    });
});

describe('symbols that move or appear', () => {
    test('inserting a role above the others re-links no plan, and references and find-references follow the moved roles', async () => {
        const { s, docs, edit } = await setup();
        const [, a, b] = docs;
        const before = a.diagnostics;
        const inserted = KOMMUN_SV.replace('roll enhetschefSabo', 'roll ny "Ny roll"\nroll enhetschefSabo');
        expect(await edit(inserted)).toEqual(['/ws/kommun.vplan']);
        expect(a.diagnostics).toBe(before);
        const handlaggare = role(a)!;
        expect(handlaggare.$cstNode?.range.start.line).toBe(inserted.split('\n').findIndex(l => l.includes('roll handlaggare')));
        const refs = s.Vplan.references.References.findReferences(handlaggare, { includeDeclaration: false }).toArray();
        expect(refs.map(r => r.sourceUri.path).sort()).toEqual(['/ws/a.vplan', '/ws/b.vplan']);
        void b;
    });

    test('a new name re-links only the plans that mention it', async () => {
        const { s, edit } = await setup();
        await workspace(s, { 'c.vplan': 'plan c "C" {\n  indikator cI "I" {\n    ansvarig nyRoll\n  }\n}\n' });
        const c = s.shared.workspace.LangiumDocuments.getDocument(URI.parse('file:///ws/c.vplan'))!;
        expect(c.diagnostics?.some(d => d.code === 'unresolved-reference')).toBe(true);
        expect(await edit(`${KOMMUN_SV}roll nyRoll "Ny roll"\n`)).toEqual(['/ws/c.vplan', '/ws/kommun.vplan']);
        expect(c.diagnostics?.some(d => d.code === 'unresolved-reference')).toBe(false);
    });
});

describe('an edit cancelled by the next keystroke', () => {
    test('still leaves its plan linked, so hover and completion need not wait for the typing to stop', async () => {
        const { s } = await setup();
        const builder = s.shared.workspace.DocumentBuilder;
        const uri = 'file:///ws/a.vplan';
        const source = new Cancellation.CancellationTokenSource();
        // The next keystroke arrives as soon as this edit's plan is parsed.
        const listener = builder.onDocumentPhase(DocumentState.Parsed, doc => { if (doc.uri.toString() === uri) source.cancel(); });
        setTextDocument(s.shared, TextDocument.create(uri, 'vplan', 2, planUsing('a', 'effektiv')));
        await expect(builder.update([URI.parse(uri)], [], source.token)).rejects.toBe(OperationCancelled);
        listener.dispose();
        const a = s.shared.workspace.LangiumDocuments.getDocument(URI.parse(uri))!;
        expect(a.state).toBeGreaterThanOrEqual(DocumentState.Linked);
        // Linked against the new text: the contribution now points at the other goal.
        const indicator = [...(a.parseResult.value as any).elements[0].members].find(isIndicator)!;
        expect(indicator.members.find(isContribution)?.goal.ref?.name).toBe('effektiv');
        // Not validated yet: that part of the build stays cancellable.
        expect(a.state).toBeLessThan(DocumentState.Validated);
    });
});

describe('the open editors first', () => {
    /** The shared file and 30 plans that use its role `handlaggare`; the shared file and two plans are open. */
    async function many() {
        const s = await createServices();
        const files: Record<string, string> = { 'kommun.vplan': KOMMUN_SV };
        for (let i = 0; i < 30; i++) files[`p${i}.vplan`] = planUsing(`p${i}`, 'valfard');
        // Five plans that use another role, `htj`; one of them open.
        for (let i = 0; i < 5; i++) files[`q${i}.vplan`] = planUsing(`q${i}`, 'valfard').replace('ansvarig handlaggare', 'ansvarig htj');
        const docs = await workspace(s, files);
        for (const name of ['p3.vplan', 'p27.vplan', 'q1.vplan']) setTextDocument(s.shared, TextDocument.create(`file:///ws/${name}`, 'vplan', 1, files[name]));
        const validated: string[] = [];
        s.shared.workspace.DocumentBuilder.onDocumentPhase(DocumentState.Validated, doc => { validated.push(doc.uri.path); });
        let version = 1;
        const renameRole = async (to: string, token?: Cancellation.CancellationToken) => {
            validated.length = 0;
            setTextDocument(s.shared, TextDocument.create('file:///ws/kommun.vplan', 'vplan', ++version, KOMMUN_SV.replace('roll handlaggare', `roll ${to}`)));
            await s.shared.workspace.DocumentBuilder.update([URI.parse('file:///ws/kommun.vplan')], [], token);
        };
        const unresolved = (doc: LangiumDocument) => doc.diagnostics?.some(d => d.code === 'unresolved-reference') ?? false;
        return { s, docs, validated, renameRole, unresolved };
    }

    test('renaming a role thirty plans use validates the open plans before any other', async () => {
        const { docs, validated, renameRole, unresolved } = await many();
        await renameRole('handlaggare2');
        const plans = validated.filter(p => p !== '/ws/kommun.vplan');
        expect(plans).toHaveLength(30);
        expect(plans.slice(0, 2).sort()).toEqual(['/ws/p27.vplan', '/ws/p3.vplan']);
        expect(docs.filter(d => d.uri.path.startsWith('/ws/p')).every(unresolved)).toBe(true);
    });

    test('typing the name back: the open plans come first, also one that waited for the comparison of the exports', async () => {
        const { validated, renameRole, docs, unresolved } = await many();
        // `handlaggare` becomes a second `htj`: thirty plans fail, the five that use htj are re-linked.
        await renameRole('htj');
        await renameRole('handlaggare');
        const open = ['/ws/p3.vplan', '/ws/p27.vplan', '/ws/q1.vplan'];
        const firstOther = validated.findIndex(p => p !== '/ws/kommun.vplan' && !open.includes(p));
        expect(validated.length).toBeGreaterThan(open.length);
        expect(validated.slice(0, firstOther).filter(p => open.includes(p)).sort()).toEqual([...open].sort());
        expect(docs.some(unresolved)).toBe(false);
    });

    test('the next keystroke cancels the rest, which the next update then finishes', async () => {
        const { s, docs, validated, renameRole, unresolved } = await many();
        const source = new Cancellation.CancellationTokenSource();
        // The next keystroke arrives as soon as both open plans have their diagnostics.
        const listener = s.shared.workspace.DocumentBuilder.onDocumentPhase(DocumentState.Validated, () => {
            if (validated.includes('/ws/p3.vplan') && validated.includes('/ws/p27.vplan')) source.cancel();
        });
        await expect(renameRole('handlaggare2', source.token)).rejects.toBe(OperationCancelled);
        listener.dispose();
        const open = docs.filter(d => ['/ws/p3.vplan', '/ws/p27.vplan'].includes(d.uri.path));
        expect(open.every(unresolved)).toBe(true);
        expect(open.every(d => d.state === DocumentState.Validated)).toBe(true);
        const rest = docs.slice(1).filter(d => !open.includes(d) && d.uri.path.startsWith('/ws/p'));
        expect(rest.some(d => d.state < DocumentState.Validated)).toBe(true);
        // The next update (the name typed back) brings every plan up to date.
        await renameRole('handlaggare');
        expect(docs.every(d => d.state === DocumentState.Validated)).toBe(true);
        expect(docs.slice(1).some(unresolved)).toBe(false);
    });
});
