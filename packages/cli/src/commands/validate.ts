// `vplan validate`: checks plans as one workspace and reports in the chosen format.
import { parseCount, UsageError, type ParsedArgs } from '../args.js';
import { colors, useColor } from '../color.js';
import { reportInputProblem, type CommandContext } from '../context.js';
import { fileReport, totals, type FileReport } from '../diagnostics.js';
import { formatGithub } from '../formats/github.js';
import { formatJson } from '../formats/json.js';
import { formatPretty } from '../formats/pretty.js';
import { formatSarif } from '../formats/sarif.js';
import { contextOf } from '../inputs.js';
import { loadPlans } from '../load.js';
import { msg } from '../messages.js';
import { VERSION } from '../version.js';

export async function runValidate(ctx: CommandContext, args: ParsedArgs): Promise<number> {
    const format = (args.options.format as string | undefined) ?? 'pretty';
    const maxWarnings = parseCount('max-warnings', args.options['max-warnings']);
    const quiet = args.options.quiet === true;
    const noFail = args.options.fail === false;
    if (args.positionals.length === 0) throw new UsageError('missing-input', 'vplan validate <files|folders|globs…>');

    // A plan file named on its own is checked against the plans of its folder, as `render` and the
    // editor do: its references to the municipality file and the shared catalogue resolve.
    const { documents, problems } = await loadPlans(args.positionals, ctx.lang, { context: await contextOf(args.positionals) });
    const reports = documents.map(d => fileReport(d, ctx.cwd));
    const counted = totals(reports);
    const shown: FileReport[] = quiet
        ? reports.map(r => ({ ...r, diagnostics: r.diagnostics.filter(d => d.severity === 'error') }))
        : reports;

    switch (format) {
        case 'json': ctx.out(formatJson(shown)); break;
        case 'sarif': ctx.out(formatSarif(shown, VERSION)); break;
        case 'github': ctx.out(formatGithub(shown)); break;
        default: {
            const color = useColor(args.options.color as boolean | undefined, ctx.env, ctx.stdoutIsTTY);
            ctx.out(formatPretty(shown, ctx.lang, colors(color), reports.length));
        }
    }

    for (const problem of problems) reportInputProblem(ctx, problem.path, problem.reason);
    const tooManyWarnings = maxWarnings !== undefined && counted.warning > maxWarnings;
    if (tooManyWarnings) ctx.err(`vplan: ${msg.tooManyWarnings[ctx.lang](counted.warning, maxWarnings)}\n`);

    if (problems.length > 0) return 2;
    if (noFail) return 0;
    return counted.error > 0 || tooManyWarnings ? 1 : 0;
}
