// `vplan outcomes import <table.xlsx|.csv> [--sheet S] [--write] <plan>`: outcomes from a spreadsheet
// (columns indicator, period, value), shown as a diff and written like `kolada pull --write`. A row
// that matches no indicator is reported with a did-you-mean, and then nothing is written.
import * as path from 'node:path';
import { importTable, readTable, TableError, type Table } from '@vplan/data/tables';
import { UsageError, type ParsedArgs } from '../args.js';
import { reportInputProblem, type CommandContext } from '../context.js';
import { displayPath } from '../diagnostics.js';
import { countKinds, loadWithSiblings, printDiff, summary, writeChanges } from '../outcome-writes.js';
import { printable } from '../terminal-text.js';

const T = {
    row: { en: 'row', sv: 'rad' },
    upToDate: {
        en: (n: number) => `The plan already has the ${n} ${n === 1 ? 'outcome' : 'outcomes'} of the table.`,
        sv: (n: number) => `Planen har redan tabellens ${n} utfall.`
    },
    runWrite: { en: 'run again with --write to apply', sv: 'kör igen med --write för att skriva in dem' },
    notWritten: {
        en: (n: number) => `${n} ${n === 1 ? 'row' : 'rows'} could not be used; nothing written (correct the table and run again)`,
        sv: (n: number) => `${n} ${n === 1 ? 'rad' : 'rader'} kunde inte användas; inget skrevs (rätta tabellen och kör igen)`
    },
    notFound: { en: 'no such file', sv: 'filen finns inte' },
    onePlan: { en: 'exactly one plan file', sv: 'exakt en planfil' }
};

export async function runOutcomes(ctx: CommandContext, args: ParsedArgs): Promise<number> {
    const [sub, tableFile, ...plans] = args.positionals;
    if (sub !== 'import') throw new UsageError(sub ? 'unknown-command' : 'missing-input', sub ?? 'vplan outcomes import <file.xlsx|file.csv> <plan>');
    if (!tableFile || plans.length === 0) throw new UsageError('missing-input', 'vplan outcomes import <file.xlsx|file.csv> <plan>');
    if (plans.length > 1) throw new UsageError('too-many-inputs', `${plans.join(' ')} (${T.onePlan[ctx.lang]})`);
    const write = Boolean(args.options.write);
    const source = path.basename(tableFile);

    let table: Table;
    try {
        table = await readTable(path.resolve(ctx.cwd, tableFile), { sheet: args.options.sheet as string | undefined });
    } catch (err) {
        if (err instanceof TableError) {
            ctx.err(`vplan: ${printable(tableFile)}: ${printable(err.reason[ctx.lang])}\n`);
            return 2;
        }
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') reportInputProblem(ctx, tableFile, 'no such file or folder');
        else if (code === 'EISDIR') reportInputProblem(ctx, tableFile, 'is a folder');
        else if (code === 'EACCES') reportInputProblem(ctx, tableFile, 'permission denied');
        else throw err;
        return 2;
    }

    const loaded = await loadWithSiblings(ctx, plans);
    const document = loaded.targets[0];
    if (!document || loaded.problems > 0) return 2;
    const result = importTable(document, table);
    const shownTable = printable(tableFile) + (table.sheet ? ` [${printable(table.sheet)}]` : '');
    for (const p of result.problems) ctx.err(`vplan: ${shownTable}: ${T.row[ctx.lang]} ${p.row}: ${printable(p.message[ctx.lang])}\n`);

    const counts = countKinds(result.changes);
    if (result.problems.length > 0) {
        if (result.changes.length > 0) printDiff(ctx, document, result.changes, source);
        ctx.err(`vplan: ${T.notWritten[ctx.lang](result.problems.length)}\n`);
        return 2;
    }
    if (result.changes.length === 0) {
        ctx.err(`${T.upToDate[ctx.lang](result.matched)}\n`);
        return 0;
    }
    if (!write) {
        printDiff(ctx, document, result.changes, source);
        ctx.err(`${summary(ctx.lang, counts, false)} — ${T.runWrite[ctx.lang]}\n`);
        return 1;
    }
    if (!(await writeChanges(ctx, document, result.changes))) return 2;
    ctx.err(`${printable(displayPath(document.uri.fsPath, ctx.cwd))}: ${summary(ctx.lang, counts, true)} (${printable(source)})\n`);
    return 0;
}
