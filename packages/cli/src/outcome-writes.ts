// Shared by `vplan kolada pull` and `vplan outcomes import`: the plans of the inputs loaded with the
// files their references need, the planned outcome edits shown as a diff or a list, and written —
// only on --write, atomically, as the minimal edits, never into a file with syntax errors or one
// that changed on disk since it was read.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { LangiumDocument } from 'langium';
import type { Document, Lang } from '@vplan/language';
import { collectPlanFiles, writeUserFile } from '@vplan/language/node';
import { applyEdits, lineHunks, positionAt, type OutcomeChange } from '@vplan/data';
import { reportInputProblem, reportWriteError, type CommandContext } from './context.js';
import { displayPath } from './diagnostics.js';
import { expandInputs } from './inputs.js';
import { loadPlans } from './load.js';
import { printable } from './terminal-text.js';

export interface LoadedInputs {
    /** The documents the inputs name (files, and the plans in folders), in input order. */
    targets: LangiumDocument<Document>[];
    /** Inputs that could not be read. */
    problems: number;
}

/** Loads the inputs and the .vplan files next to them (the municipality's shared file). */
export async function loadWithSiblings(ctx: CommandContext, inputs: readonly string[]): Promise<LoadedInputs> {
    const expanded = await expandInputs(inputs);
    const collected = await collectPlanFiles(expanded.inputs);
    const problems = [...expanded.problems, ...collected.problems];
    const wanted = new Set(collected.files);
    const siblings = new Set<string>();
    for (const folder of new Set(collected.files.map(f => path.dirname(f)))) {
        for (const entry of await fs.readdir(folder, { withFileTypes: true }).catch(() => [])) {
            const full = path.join(folder, entry.name);
            if (entry.isFile() && entry.name.endsWith('.vplan') && !wanted.has(full)) siblings.add(full);
        }
    }
    const loaded = await loadPlans([...collected.files, ...siblings], ctx.lang, { validation: false });
    problems.push(...loaded.problems.filter(p => wanted.has(path.resolve(ctx.cwd, p.path))));
    for (const p of problems) reportInputProblem(ctx, p.path, p.reason);
    const byPath = new Map(loaded.documents.map(d => [d.uri.fsPath, d as LangiumDocument<Document>]));
    const targets = collected.files.map(f => byPath.get(f)).filter((d): d is LangiumDocument<Document> => d !== undefined);
    return { targets, problems: problems.length };
}

export function hasSyntaxErrors(document: LangiumDocument): boolean {
    return document.parseResult.lexerErrors.length > 0 || document.parseResult.parserErrors.length > 0;
}

const T = {
    add: { en: 'add', sv: 'lägg till' },
    change: { en: 'change', sv: 'ändra' },
    changedOnDisk: { en: 'changed on disk while vplan read it; not written (run again)', sv: 'ändrades på disken medan vplan läste den; skrevs inte (kör igen)' },
    syntax: { en: 'has syntax errors; outcomes not written (run vplan validate)', sv: 'har syntaxfel; utfallen skrevs inte (kör vplan validate)' }
};

/** A unified diff of the changed lines (no context lines: each hunk names its indicator). */
export function printDiff(ctx: CommandContext, document: LangiumDocument, changes: readonly OutcomeChange[], source: string): void {
    const text = document.textDocument.getText();
    const shown = printable(displayPath(document.uri.fsPath, ctx.cwd));
    ctx.out(`--- ${shown}\n+++ ${shown} (${source})\n`);
    for (const hunk of lineHunks(text, changes.map(c => c.edit))) {
        const names = changes
            .filter(c => { const l = positionAt(text, c.edit.start).line; return l >= hunk.oldLine - 1 && l <= hunk.oldLine + hunk.oldLines.length; })
            .map(c => c.indicator.name);
        // As diff writes them: a side without lines is named by the line before it.
        const from = (line: number, n: number) => `${n === 0 ? line : line + 1},${n}`;
        ctx.out(`@@ -${from(hunk.oldLine, hunk.oldLines.length)} +${from(hunk.newLine, hunk.newLines.length)} @@ ${[...new Set(names)].join(', ')}\n`);
        for (const line of hunk.oldLines) ctx.out(`-${printable(line)}\n`);
        for (const line of hunk.newLines) ctx.out(`+${printable(line)}\n`);
    }
}

/** One line per change, `file:line:col: indicator: before → after`, for CI logs. */
export function printList(ctx: CommandContext, document: LangiumDocument, changes: readonly OutcomeChange[]): void {
    const text = document.textDocument.getText();
    const shown = printable(displayPath(document.uri.fsPath, ctx.cwd));
    for (const c of changes) {
        // An added line is named where it will stand: the line after its anchor when it starts one.
        const at = positionAt(text, c.edit.start);
        const pos = c.kind === 'add' && /^\r?\n/.test(c.edit.text)
            ? { line: at.line + 1, character: c.edit.text.replace(/^\r?\n/, '').search(/\S/) }
            : at;
        const what = c.kind === 'change' ? `${c.before} → ${c.after}` : `${T.add[ctx.lang]}: ${c.after}`;
        ctx.out(`${shown}:${pos.line + 1}:${pos.character + 1}: ${c.indicator.name}: ${printable(what)}\n`);
    }
}

/** Writes the changes of one document; false (with one line on stderr) when it must not. */
export async function writeChanges(ctx: CommandContext, document: LangiumDocument, changes: readonly OutcomeChange[]): Promise<boolean> {
    const file = document.uri.fsPath;
    const shown = printable(displayPath(file, ctx.cwd));
    if (hasSyntaxErrors(document)) {
        ctx.err(`vplan: ${shown}: ${T.syntax[ctx.lang]}\n`);
        return false;
    }
    const text = document.textDocument.getText();
    const raw = await fs.readFile(file, 'utf8');
    const bom = raw.charCodeAt(0) === 0xfeff ? '\uFEFF' : '';
    if (raw.slice(bom.length) !== text) {
        ctx.err(`vplan: ${shown}: ${T.changedOnDisk[ctx.lang]}\n`);
        return false;
    }
    try {
        await writeUserFile(file, bom + applyEdits(text, changes.map(c => c.edit)));
    } catch (err) {
        reportWriteError(ctx, err);
        return false;
    }
    return true;
}

export function countKinds(changes: readonly OutcomeChange[]): { added: number; changed: number } {
    return { added: changes.filter(c => c.kind === 'add').length, changed: changes.filter(c => c.kind === 'change').length };
}

export function summary(lang: Lang, counts: { added: number; changed: number }, written: boolean): string {
    const { added, changed } = counts;
    if (lang === 'sv') {
        const parts = [changed > 0 ? `${changed} ${changed === 1 ? 'utfall' : 'utfall'} ${written ? 'ändrade' : 'att ändra'}` : '', added > 0 ? `${added} ${written ? 'tillagda' : 'att lägga till'}` : ''].filter(Boolean);
        return parts.join(', ');
    }
    const parts = [changed > 0 ? `${changed} ${changed === 1 ? 'outcome' : 'outcomes'} ${written ? 'changed' : 'to change'}` : '', added > 0 ? `${added} ${written ? 'added' : 'to add'}` : ''].filter(Boolean);
    return parts.join(', ');
}
