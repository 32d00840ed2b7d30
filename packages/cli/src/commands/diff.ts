// `vplan diff <old> <new>`: what changed between two plans, as text, Markdown or JSON. Exit codes as
// diff(1): 0 no differences, 1 differences, 2 trouble.
import * as path from 'node:path';
import type { LangiumDocument } from 'langium';
import { isPlan, type Document, type Plan } from '@vplan/language';
import { UsageError, type ParsedArgs } from '../args.js';
import { reportInputProblem, type CommandContext } from '../context.js';
import { displayPath } from '../diagnostics.js';
import { loadPlans } from '../load.js';
import { msg } from '../messages.js';
import { diffPlans, diffText, hasChanges } from '../plan-diff.js';
import { printable } from '../terminal-text.js';

export async function runDiff(ctx: CommandContext, args: ParsedArgs): Promise<number> {
    if (args.positionals.length < 2) throw new UsageError('missing-input', 'vplan diff <old.vplan> <new.vplan>');
    if (args.positionals.length > 2) throw new UsageError('too-many-inputs', 'vplan diff <old.vplan> <new.vplan>');
    const [oldPath, newPath] = args.positionals.map(p => path.resolve(ctx.cwd, p));
    // Each plan with its folder, so goals and roles in a shared file resolve.
    const folders = [...new Set([path.dirname(oldPath), path.dirname(newPath)])];
    const { documents, problems, services } = await loadPlans([oldPath, newPath, ...folders], ctx, { validation: false });
    const own = problems.filter(p => [oldPath, newPath].includes(path.resolve(ctx.cwd, p.path)));
    for (const problem of own) reportInputProblem(ctx, problem.path, problem.reason);
    const docOf = (file: string) => documents.find(d => d.uri.fsPath === file) as LangiumDocument<Document> | undefined;
    const planOf = (file: string): Plan | undefined => docOf(file)?.parseResult.value.elements?.find(isPlan);
    const [oldPlan, newPlan] = [planOf(oldPath), planOf(newPath)];
    if (own.length > 0) return 2;
    for (const [file, plan] of [[oldPath, oldPlan], [newPath, newPlan]] as const) {
        if (!plan) {
            ctx.err(`vplan: ${printable(displayPath(file, ctx.cwd))}: ${msg.noPlanInFile[ctx.lang]}\n`);
            return 2;
        }
    }
    // In the new plan's language unless the user chose one, as its report would be.
    const lang = services.i18n.Locale.langOf(docOf(newPath)!);
    const diff = diffPlans(oldPlan!, newPlan!, lang);
    const format = (args.options.format as string | undefined) ?? 'text';
    ctx.out(format === 'json' ? JSON.stringify(diff, null, 2) + '\n' : diffText(diff, lang, format === 'md'));
    return hasChanges(diff) ? 1 : 0;
}
