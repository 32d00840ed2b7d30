// `vplan init [folder]`: the municipality file and a first plan, from the same template as the
// editor's *New plan* command (@vplan/language/templates). Never replaces a file: when one of the
// files is already there, nothing is written.
import { stat } from 'node:fs/promises';
import * as path from 'node:path';
import { writeUserFile } from '@vplan/language/node';
import { newPlanFiles } from '@vplan/language/templates';
import { UsageError, type ParsedArgs } from '../args.js';
import { reportWriteError, type CommandContext } from '../context.js';
import { displayPath } from '../diagnostics.js';
import { msg } from '../messages.js';
import { printable } from '../terminal-text.js';

export async function runInit(ctx: CommandContext, args: ParsedArgs): Promise<number> {
    if (args.positionals.length > 1) throw new UsageError('too-many-inputs', args.positionals.slice(1).join(' '));
    const folder = path.resolve(ctx.cwd, args.positionals[0] ?? '.');
    const year = parseYear(args.options.year as string | undefined);
    const files = newPlanFiles({ lang: ctx.lang, year }).map(f => ({ ...f, path: path.join(folder, f.name) }));
    const shown = (p: string) => printable(displayPath(p, ctx.cwd));

    const existing = [];
    for (const file of files) if (await exists(file.path)) existing.push(file.path);
    if (existing.length > 0) {
        for (const p of existing) ctx.err(`vplan: ${shown(p)}: ${msg.initExists[ctx.lang]}\n`);
        ctx.err(`vplan: ${msg.initNothingWritten[ctx.lang]}\n`);
        return 1;
    }
    for (const file of files) {
        try {
            await writeUserFile(file.path, file.text, { createFolders: true, exclusive: true });
        } catch (err) {
            // A folder that cannot be written, or a file created by someone else since the check.
            reportWriteError(ctx, err);
            return 2;
        }
        ctx.out(`${msg.wrote[ctx.lang]} ${shown(file.path)}\n`);
    }
    ctx.out(msg.initNext[ctx.lang](printable(args.positionals[0] ?? '.'), shown(files[1].path)) + '\n');
    return 0;
}

function parseYear(value: string | undefined): number | undefined {
    if (value === undefined) return undefined;
    if (!/^\d{4}$/.test(value)) throw new UsageError('bad-value', `--year ${value}`);
    return Number(value);
}

async function exists(p: string): Promise<boolean> {
    try {
        await stat(p);
        return true;
    } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
        throw err;
    }
}
