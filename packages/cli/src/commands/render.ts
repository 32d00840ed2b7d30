// `vplan render`: a plan as a self-contained HTML page (or Markdown, a Word document, a PDF), with the
// renderer the VS Code preview uses. With `-o <folder>/`, every plan among the inputs, one each.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { LangiumDocument } from 'langium';
import { isPlan, type Document, type Lang, type Plan } from '@vplan/language';
import { collectPlanFiles, writeUserFile } from '@vplan/language/node';
import { periodSlug, renderDocument, renderFollowUpMarkdown, renderFollowUpReport, renderIndex, renderMarkdownDocument, type IndexEntry } from '@vplan/preview';
import { UsageError, type ParsedArgs } from '../args.js';
import { asOfOption, choosePeriod, declaredPeriods, NO_SUCH_PERIOD, periodOption, planYearModels } from '../follow-up.js';
import { reportInputProblem, reportWriteError, type CommandContext } from '../context.js';
import { displayPath } from '../diagnostics.js';
import { expandInputs, siblingPlans } from '../inputs.js';
import { loadPlans } from '../load.js';
import { msg } from '../messages.js';
import { printable } from '../terminal-text.js';

type Format = 'html' | 'md' | 'docx' | 'pdf';

interface RenderSettings {
    format: Format;
    /** The Word document's status column. */
    status: boolean;
    /** Where the PDF printer looks for a browser (VPLAN_CHROMIUM, PATH). */
    env: NodeJS.ProcessEnv;
}

/** `--period P`: the follow-up report of that period instead of the plan. */
interface PeriodChoice { period?: string; asOf?: string; deviationsOnly: boolean }

export async function runRender(ctx: CommandContext, args: ParsedArgs): Promise<number> {
    if (args.positionals.length === 0) throw new UsageError('missing-input', 'vplan render <plan.vplan>');
    const output = args.options.output as string | undefined;
    const explicit = args.options.format as Format | undefined;
    const settings = (format: Format): RenderSettings => ({ format, status: args.options.status !== false, env: ctx.env });
    const choice: PeriodChoice | undefined = args.options.period !== undefined || args.options['deviations-only'] === true
        ? { period: periodOption(args), asOf: asOfOption(args), deviationsOnly: args.options['deviations-only'] === true }
        : undefined;
    if (output && output !== '-' && (await isFolderOutput(path.resolve(ctx.cwd, output), output))) {
        return withBrowserCheck(ctx, () => renderAll(ctx, args.positionals, path.resolve(ctx.cwd, output), settings(explicit ?? 'html'), choice));
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
    if ((format === 'docx' || format === 'pdf') && (!output || output === '-')) {
        ctx.err(`vplan: ${msg.binaryNeedsOutput[ctx.lang](format)}\n`);
        return 2;
    }
    return withBrowserCheck(ctx, () => renderOne(ctx, args.positionals, output, settings(format ?? 'html'), choice));
}

/**
 * The follow-up report of the document's (first) plan at the chosen period in the format asked for, or
 * why there is none. Every format lays out the same report model.
 */
async function renderPeriod(document: LangiumDocument<Document>, all: readonly LangiumDocument[], choice: PeriodChoice, lang: Lang,
    settings: RenderSettings): Promise<{ rendered?: string | Uint8Array; error?: string }> {
    const entry = planYearModels(all).find(m => m.document === document);
    if (!entry) return { error: msg.noPlanInFile[lang] };
    const period = choosePeriod(entry.model, choice.period);
    if (!period) return { error: NO_SUCH_PERIOD[lang](choice.period ?? '', entry.model.plan.name, declaredPeriods(entry.model, lang)) };
    const options = { lang, asOf: choice.asOf, deviationsOnly: choice.deviationsOnly };
    switch (settings.format) {
        case 'md': return { rendered: renderFollowUpMarkdown(entry.model, period, options) };
        case 'docx': return { rendered: await (await import('@vplan/preview/docx')).renderFollowUpDocx(entry.model, period, options) };
        case 'pdf': {
            const html = renderFollowUpReport(entry.model, period, { ...options, mode: 'page', print: true });
            return { rendered: await (await import('@vplan/preview/pdf')).renderPdf(html, settings.env) };
        }
        default: return { rendered: renderFollowUpReport(entry.model, period, { ...options, mode: 'page' }) };
    }
}

/** A PDF without a browser: one line saying what to install, exit 2. */
async function withBrowserCheck(ctx: CommandContext, work: () => Promise<number>): Promise<number> {
    try {
        return await work();
    } catch (err) {
        if (err instanceof Error && err.name === 'BrowserMissing') {
            ctx.err(`vplan: ${msg.browserMissing[ctx.lang]((err as { chosen?: string }).chosen)}\n`);
            return 2;
        }
        throw err;
    }
}

/**
 * The format an output file's extension asks for, when --format does not say: a report named
 * `x.pdf` must not quietly be HTML.
 */
function formatOfFile(output: string): { kind: 'format'; format: Format } | { kind: 'refused'; reason: { en: string; sv: string } } {
    const ext = path.extname(output).toLowerCase();
    if (ext === '.html' || ext === '.htm') return { kind: 'format', format: 'html' };
    if (ext === '.md' || ext === '.markdown') return { kind: 'format', format: 'md' };
    if (ext === '.docx') return { kind: 'format', format: 'docx' };
    if (ext === '.pdf') return { kind: 'format', format: 'pdf' };
    const known = '.html, .md, .docx, .pdf';
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

/** The rendered plan: text for HTML and Markdown, bytes for Word and PDF. */
async function render(document: LangiumDocument<Document>, settings: RenderSettings, lang: Lang): Promise<string | Uint8Array> {
    const { format } = settings;
    switch (format) {
        case 'md': return renderMarkdownDocument(document, { lang });
        case 'docx': return (await import('@vplan/preview/docx')).renderDocx(document, { lang, statusColumn: settings.status });
        case 'pdf': return (await import('@vplan/preview/pdf')).renderPdf(renderDocument(document, { lang, mode: 'page', print: true }), settings.env);
        default: return renderDocument(document, { lang, mode: 'page' });
    }
}

function hasPlan(document: LangiumDocument): boolean {
    return (document.parseResult.value as Document).elements?.some(isPlan) ?? false;
}

/** The first input is the plan; the rest, and the plan's folder, give the context its references need. */
async function renderOne(ctx: CommandContext, inputs: string[], output: string | undefined, settings: RenderSettings, choice?: PeriodChoice): Promise<number> {
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
    const lang = services.i18n.Locale.langOf(document);
    let rendered: string | Uint8Array;
    if (choice) {
        const r = await renderPeriod(document, documents, choice, lang, settings);
        if (r.error) {
            ctx.err(`vplan: ${printable(displayPath(target, ctx.cwd))}: ${printable(r.error)}\n`);
            return 2;
        }
        rendered = r.rendered!;
    } else {
        rendered = await render(document, settings, lang);
    }
    if (output && output !== '-') {
        try {
            await writeUserFile(path.resolve(ctx.cwd, output), rendered, { createFolders: true });
        } catch (err) {
            reportWriteError(ctx, err);
            return 2;
        }
    } else {
        ctx.out(rendered as string);
    }
    return ownProblems.length > 0 ? 2 : 0;
}

/**
 * Every plan among the inputs, to `<outDir>/<name>.html`. Each folder is its own workspace (its
 * plans and their shared file), as when a plan of it is rendered alone.
 */
async function renderAll(ctx: CommandContext, inputs: string[], outDir: string, settings: RenderSettings, choice?: PeriodChoice): Promise<number> {
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
    const index: IndexEntry[] = [];
    // The index speaks the language of the first plan's report.
    let indexLang: Lang | undefined;
    for (const [folder, files] of byFolder) {
        const siblings = (await siblingPlans(path.join(folder, 'x.vplan'))).filter(s => !files.includes(s));
        const loaded = await loadPlans([...files, ...siblings], ctx, { validation: false });
        problems.push(...loaded.problems.filter(p => files.includes(path.resolve(ctx.cwd, p.path))));
        for (const document of loaded.documents) {
            if (!files.includes(document.uri.fsPath) || !hasPlan(document)) continue;
            const lang = loaded.services.i18n.Locale.langOf(document);
            let page: string | Uint8Array;
            if (choice) {
                // A plan without the period asked for is left out: a folder may hold last year's plan.
                const r = await renderPeriod(document as LangiumDocument<Document>, loaded.documents, choice, lang, settings);
                if (!r.rendered) continue;
                page = r.rendered;
            } else {
                page = await render(document as LangiumDocument<Document>, settings, lang);
            }
            const file = path.join(outDir, `${names.get(document.uri.fsPath)}${choice ? `-${periodSlug(choice.period)}` : ''}.${settings.format}`);
            try {
                await writeUserFile(file, page, { createFolders: true });
            } catch (err) {
                // One page that cannot be written does not stop the others.
                reportWriteError(ctx, err);
                writeFailures++;
                continue;
            }
            ctx.out(`${printable(displayPath(document.uri.fsPath, ctx.cwd))} → ${printable(displayPath(file, ctx.cwd))}\n`);
            rendered++;
            const plan = (document.parseResult.value as Document).elements.find(isPlan) as Plan;
            index.push({ plan, href: encodeURI(path.basename(file)) });
            indexLang ??= lang;
        }
    }
    // The folder's front page: every plan with its status, and the barometer per overarching goal.
    if (settings.format === 'html' && !choice && index.length > 0) {
        const file = path.join(outDir, 'index.html');
        try {
            await writeUserFile(file, renderIndex(index, { lang: indexLang ?? ctx.lang }), { createFolders: true });
            ctx.out(`index → ${printable(displayPath(file, ctx.cwd))}\n`);
        } catch (err) {
            reportWriteError(ctx, err);
            writeFailures++;
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

