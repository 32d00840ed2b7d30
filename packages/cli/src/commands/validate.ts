// `vplan validate`: checks plans as one workspace and reports in the chosen format.
import { parseCount, UsageError, type ParsedArgs } from '../args.js';
import { colors, useColor } from '../color.js';
import { reportInputProblem, type CommandContext } from '../context.js';
import { totals, type FileReport } from '../diagnostics.js';
import { formatGithub } from '../formats/github.js';
import { formatJson } from '../formats/json.js';
import { formatPretty } from '../formats/pretty.js';
import { formatSarif } from '../formats/sarif.js';
import { asOfOption } from '../follow-up.js';
import { kpiCacheDir, readKpiCache } from '@vplan/data';
import { contextOf } from '../inputs.js';
import { setAsOf } from '../load.js';
import { jobsFor, validateInParts } from '../parallel-load.js';
import type { InputProblem } from '@vplan/language/node';
import { msg } from '../messages.js';
import { VERSION } from '../version.js';

/** The findings per file: all checked now, or with `--cache` the unchanged ones from the cache. */
async function checkPlans(ctx: CommandContext, args: ParsedArgs): Promise<{ reports: FileReport[]; problems: InputProblem[] }> {
    const location = args.options['cache-location'] as string | undefined;
    // KPI ids are held against Kolada's metadata as cached by `vplan kolada meta`: read here, never fetched.
    const kpis = await readKpiCache(kpiCacheDir(args.options['kolada-cache'] as string | undefined, ctx.env));
    const who = { ...ctx, kpis };
    if (args.options.cache === true || (location !== undefined && args.options.cache !== false)) {
        // Loaded only here: the cache's hashing would cost every other run Node's crypto module at start-up.
        const { validateWithCache } = await import('../cached-load.js');
        const run = await validateWithCache(args.positionals, who, location, { context: await contextOf(args.positionals) });
        if (run.notWritten) ctx.err(`vplan: ${msg.cacheNotWritten[ctx.lang](run.notWritten)}\n`);
        return run;
    }
    // A plan file named on its own is checked against the plans of its folder, as `render` and the
    // editor do: its references to the municipality file and the shared catalogue resolve.
    // On several threads when the run is large (see parallel-load.ts); the findings are the same.
    const jobs = jobsFor(parseCount('jobs', args.options.jobs), ctx.env);
    const run = { lang: ctx.lang, language: ctx.language, kpis, asOf: asOfOption(args), cwd: ctx.cwd };
    return validateInParts(args.positionals, run, { jobs, context: await contextOf(args.positionals), env: ctx.env });
}

export async function runValidate(ctx: CommandContext, args: ParsedArgs): Promise<number> {
    const format = (args.options.format as string | undefined) ?? 'pretty';
    const maxWarnings = parseCount('max-warnings', args.options['max-warnings']);
    const quiet = args.options.quiet === true;
    const noFail = args.options.fail === false;
    if (args.positionals.length === 0) throw new UsageError('missing-input', 'vplan validate <files|folders|globs…>');

    setAsOf(asOfOption(args));
    const { reports, problems } = await checkPlans(ctx, args);
    const counted = totals(reports);
    const shown: FileReport[] = quiet
        ? reports.map(r => ({ ...r, diagnostics: r.diagnostics.filter(d => d.severity === 'error') }))
        : reports;

    switch (format) {
        case 'json': ctx.out(formatJson(shown)); break;
        case 'sarif': ctx.out(formatSarif(shown, VERSION)); break;
        case 'github': ctx.out(formatGithub(shown)); break;
        case 'gitlab': ctx.out((await import('../formats/gitlab.js')).formatGitlab(shown)); break;
        default: {
            // Nothing could be read: the input lines below say why; "No problems found in 0 files" would mislead.
            if (reports.length === 0 && problems.length > 0) break;
            const color = useColor(args.options.color as boolean | undefined, ctx.env, ctx.stdoutIsTTY);
            // The summary counts what -q hides too: "no problems" is never said of a file with warnings.
            ctx.out(formatPretty(shown, ctx.lang, colors(color), reports.length, counted));
        }
    }

    for (const problem of problems) reportInputProblem(ctx, problem.path, problem.reason);
    const tooManyWarnings = maxWarnings !== undefined && counted.warning > maxWarnings;
    if (tooManyWarnings) ctx.err(`vplan: ${msg.tooManyWarnings[ctx.lang](counted.warning, maxWarnings)}\n`);

    if (problems.length > 0) return 2;
    if (noFail) return 0;
    return counted.error > 0 || tooManyWarnings ? 1 : 0;
}
