// `vplan render`: one plan as a self-contained HTML page (or Markdown), with the renderer the
// VS Code preview uses.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Document } from '@vplan/language';
import { isPlan } from '@vplan/language';
import { renderDocument, renderMarkdownDocument } from '@vplan/preview';
import type { LangiumDocument } from 'langium';
import { UsageError, type ParsedArgs } from '../args.js';
import { writeFileAtomic } from '../atomic.js';
import { reportInputProblem, type CommandContext } from '../context.js';
import { displayPath } from '../diagnostics.js';
import { loadPlans } from '../load.js';
import { msg } from '../messages.js';

export async function runRender(ctx: CommandContext, args: ParsedArgs): Promise<number> {
    const [planPath, ...extra] = args.positionals;
    if (!planPath) throw new UsageError('missing-input', 'vplan render <plan.vplan>');
    const output = args.options.output as string | undefined;
    const format = (args.options.format as string | undefined) ?? (output && /\.(md|markdown)$/i.test(output) ? 'md' : 'html');

    // The other plans of the folder are loaded too, so that references to a shared file resolve.
    const siblings = await siblingPlans(planPath);
    const { documents, problems } = await loadPlans([planPath, ...extra, ...siblings], ctx.lang, { validation: false });
    const target = path.resolve(ctx.cwd, planPath);
    const document = documents.find(d => d.uri.fsPath === target) as LangiumDocument<Document> | undefined;
    // A sibling that cannot be read is not the user's concern here; the plan and the named files are.
    const siblingSet = new Set(siblings.map(s => path.resolve(ctx.cwd, s)));
    const ownProblems = problems.filter(p => !siblingSet.has(path.resolve(ctx.cwd, p.path)));
    for (const problem of ownProblems) reportInputProblem(ctx, problem.path, problem.reason);
    if (!document) return 2;
    if (!document.parseResult.value.elements?.some(isPlan)) {
        ctx.err(`vplan: ${displayPath(target, ctx.cwd)}: ${msg.noPlanInFile[ctx.lang]}\n`);
        return 1;
    }
    const rendered = format === 'md'
        ? renderMarkdownDocument(document, { lang: ctx.lang })
        : renderDocument(document, { lang: ctx.lang, mode: 'page' });
    if (output && output !== '-') {
        await fs.mkdir(path.dirname(path.resolve(ctx.cwd, output)), { recursive: true });
        await writeFileAtomic(path.resolve(ctx.cwd, output), rendered);
    } else {
        ctx.out(rendered);
    }
    return ownProblems.length > 0 ? 2 : 0;
}

/** The .vplan files next to the plan (not in subfolders). */
async function siblingPlans(planPath: string): Promise<string[]> {
    const dir = path.dirname(planPath);
    try {
        const entries = await fs.readdir(dir, { withFileTypes: true });
        return entries
            .filter(e => e.isFile() && e.name.endsWith('.vplan') && path.join(dir, e.name) !== path.join(dir, path.basename(planPath)))
            .map(e => path.join(dir, e.name))
            .sort();
    } catch {
        return [];
    }
}
