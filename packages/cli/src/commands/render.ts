// `vplan render`: a plan as a self-contained HTML page (or Markdown), with the renderer the VS Code
// preview uses. With `-o <folder>/`, every plan among the inputs, one page each.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { LangiumDocument } from 'langium';
import { isPlan, type Document, type Lang } from '@vplan/language';
import { collectPlanFiles, writeUserFile } from '@vplan/language/node';
import { renderDocument, renderMarkdownDocument } from '@vplan/preview';
import { UsageError, type ParsedArgs } from '../args.js';
import { reportInputProblem, reportWriteError, type CommandContext } from '../context.js';
import { displayPath } from '../diagnostics.js';
import { expandInputs, siblingPlans } from '../inputs.js';
import { loadPlans } from '../load.js';
import { msg } from '../messages.js';
import { printable } from '../terminal-text.js';

type Format = 'html' | 'md';

export async function runRender(ctx: CommandContext, args: ParsedArgs): Promise<number> {
    if (args.positionals.length === 0) throw new UsageError('missing-input', 'vplan render <plan.vplan>');
    const output = args.options.output as string | undefined;
    const explicit = args.options.format as Format | undefined;
    if (output && output !== '-' && (await isFolderOutput(path.resolve(ctx.cwd, output), output))) {
        return renderAll(ctx, args.positionals, path.resolve(ctx.cwd, output), explicit ?? 'html');
    }
    let format = explicit;
    if (!format && output && output !== '-') {
        const inferred = formatOfFile(output);
        if (inferred.kind === 'refused') {
            ctx.err(`vplan: ${printable(output)}: ${inferred.reason[ctx.lang]}\n`);
            return 2;
        }
        format = inferred.format;
    }
    return renderOne(ctx, args.positionals, output, format ?? 'html');
}

/**
 * The format an output file's extension asks for, when --format does not say: a report named
 * `x.pdf` must not quietly be HTML.
 */
function formatOfFile(output: string): { kind: 'format'; format: Format } | { kind: 'refused'; reason: { en: string; sv: string } } {
    const ext = path.extname(output).toLowerCase();
    if (ext === '.html' || ext === '.htm') return { kind: 'format', format: 'html' };
    if (ext === '.md' || ext === '.markdown') return { kind: 'format', format: 'md' };
    const known = '.html, .md';
    return {
        kind: 'refused',
        reason: ext === ''
            ? { en: `no file extension to choose the format by (${known}, or give --format)`, sv: `ingen filändelse att välja format efter (${known}, eller ange --format)` }
            : { en: `vplan cannot write ${ext} files (${known}, or give --format)`, sv: `vplan kan inte skriva ${ext}-filer (${known}, eller ange --format)` }
    };
}

/**
 * `-o out/`, an existing folder, or a name without an extension that does not exist yet (`-o report`):
 * one page per plan into that folder, created if missing.
 */
async function isFolderOutput(resolved: string, given: string): Promise<boolean> {
    if (given.endsWith('/') || given.endsWith(path.sep)) return true;
    try {
        return (await fs.stat(resolved)).isDirectory();
    } catch {
        return path.extname(given) === '';
    }
}

function render(document: LangiumDocument<Document>, format: Format, lang: Lang): string {
    return format === 'md'
        ? renderMarkdownDocument(document, { lang })
        : renderDocument(document, { lang, mode: 'page' });
}

function hasPlan(document: LangiumDocument): boolean {
    return (document.parseResult.value as Document).elements?.some(isPlan) ?? false;
}

/** The first input is the plan; the rest, and the plan's folder, give the context its references need. */
async function renderOne(ctx: CommandContext, inputs: string[], output: string | undefined, format: Format): Promise<number> {
    const [planPath, ...extra] = inputs;
    const siblings = await siblingPlans(planPath);
    const { documents, problems, services } = await loadPlans([planPath, ...extra, ...siblings], ctx, { validation: false });
    const target = path.resolve(ctx.cwd, planPath);
    const document = documents.find(d => d.uri.fsPath === target) as LangiumDocument<Document> | undefined;
    // A sibling that cannot be read is not the user's concern here; the plan and the named files are.
    const siblingSet = new Set(siblings.map(s => path.resolve(ctx.cwd, s)));
    const ownProblems = problems.filter(p => !siblingSet.has(path.resolve(ctx.cwd, p.path)));
    for (const problem of ownProblems) reportInputProblem(ctx, problem.path, problem.reason);
    if (!document) return 2;
    if (!hasPlan(document)) {
        ctx.err(`vplan: ${printable(displayPath(target, ctx.cwd))}: ${msg.noPlanInFile[ctx.lang]}\n`);
        return 1;
    }
    // A report speaks the plan's language unless the user chose one.
    const rendered = render(document, format, services.i18n.Locale.langOf(document));
    if (output && output !== '-') {
        try {
            await writeUserFile(path.resolve(ctx.cwd, output), rendered, { createFolders: true });
        } catch (err) {
            reportWriteError(ctx, err);
            return 2;
        }
    } else {
        ctx.out(rendered);
    }
    return ownProblems.length > 0 ? 2 : 0;
}

/**
 * Every plan among the inputs, to `<outDir>/<name>.html`. Each folder is its own workspace (its
 * plans and their shared file), as when a plan of it is rendered alone.
 */
async function renderAll(ctx: CommandContext, inputs: string[], outDir: string, format: Format): Promise<number> {
    const expanded = await expandInputs(inputs);
    const collected = await collectPlanFiles(expanded.inputs);
    const problems = [...expanded.problems, ...collected.problems];
    const byFolder = new Map<string, string[]>();
    for (const file of collected.files) {
        const list = byFolder.get(path.dirname(file)) ?? [];
        list.push(file);
        byFolder.set(path.dirname(file), list);
    }
    const names = outputNames(collected.files);
    let rendered = 0;
    let writeFailures = 0;
    for (const [folder, files] of byFolder) {
        const siblings = (await siblingPlans(path.join(folder, 'x.vplan'))).filter(s => !files.includes(s));
        const loaded = await loadPlans([...files, ...siblings], ctx, { validation: false });
        problems.push(...loaded.problems.filter(p => files.includes(path.resolve(ctx.cwd, p.path))));
        for (const document of loaded.documents) {
            if (!files.includes(document.uri.fsPath) || !hasPlan(document)) continue;
            const file = path.join(outDir, `${names.get(document.uri.fsPath)}.${format}`);
            try {
                await writeUserFile(file, render(document as LangiumDocument<Document>, format, loaded.services.i18n.Locale.langOf(document)), { createFolders: true });
            } catch (err) {
                // One page that cannot be written does not stop the others.
                reportWriteError(ctx, err);
                writeFailures++;
                continue;
            }
            ctx.out(`${printable(displayPath(document.uri.fsPath, ctx.cwd))} → ${printable(displayPath(file, ctx.cwd))}\n`);
            rendered++;
        }
    }
    for (const problem of problems) reportInputProblem(ctx, problem.path, problem.reason);
    if (problems.length > 0 || writeFailures > 0) return 2;
    if (rendered === 0) {
        ctx.err(`vplan: ${printable(inputs.join(' '))}: ${msg.noPlanInFile[ctx.lang]}\n`);
        return 1;
    }
    return 0;
}

/** `omsorg-2026` for omsorg-2026.vplan; the folder is prefixed when two inputs share a name. */
function outputNames(files: string[]): Map<string, string> {
    const base = (f: string) => path.basename(f, '.vplan');
    const counts = new Map<string, number>();
    for (const f of files) counts.set(base(f), (counts.get(base(f)) ?? 0) + 1);
    return new Map(files.map(f => [f, counts.get(base(f))! > 1 ? `${path.basename(path.dirname(f))}-${base(f)}` : base(f)]));
}

/** The .vplan files next to the plan (not in subfolders), as absolute paths. */

