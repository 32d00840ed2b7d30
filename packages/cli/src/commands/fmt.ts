// `vplan fmt`: the editor's formatter from the command line. The LSP services are created only
// here, so the other commands never load the language-server layer.
import { promises as fs } from 'node:fs';
import { TextDocument, type LangiumDocument } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { createVplanServices } from '@vplan/language';
import { decodePlan, FileWriteError, fsReason, loadWorkspace, writeUserFile } from '@vplan/language/node';
import { UsageError, type ParsedArgs } from '../args.js';
import { reportInputProblem, reportWriteError, type CommandContext } from '../context.js';
import { displayPath } from '../diagnostics.js';
import { expandInputs } from '../inputs.js';
import { msg } from '../messages.js';
import { printable } from '../terminal-text.js';

const BOM = '\uFEFF';

export async function runFmt(ctx: CommandContext, args: ParsedArgs): Promise<number> {
    const check = args.options.check === true;
    const write = args.options.write === true;
    if (check && write) throw new UsageError('conflicting-options', '--check --write');
    if (args.positionals.length === 0) throw new UsageError('missing-input', 'vplan fmt <files|folders…>');

    const expanded = await expandInputs(args.positionals);
    const { shared, Vplan } = createVplanServices({ ...NodeFileSystem });
    Vplan.i18n.Locale.lang = ctx.lang;
    // Formatting needs the syntax tree only: no linking errors or checks stand in its way.
    const { documents, problems } = await loadWorkspace({ shared, Vplan }, expanded.inputs, { validation: false });
    const allProblems = [...expanded.problems, ...problems];
    for (const problem of allProblems) reportInputProblem(ctx, problem.path, problem.reason);
    if (!check && !write && documents.length + allProblems.length > 1) {
        throw new UsageError('too-many-inputs', msg.fmtSingleFileOnly[ctx.lang]);
    }

    let syntaxErrors = 0;
    let writeFailures = 0;
    const changed: string[] = [];
    for (const document of documents) {
        const shown = printable(displayPath(document.uri.fsPath, ctx.cwd));
        if (hasSyntaxErrors(document)) {
            syntaxErrors++;
            ctx.err(`vplan: ${shown}: ${msg.fmtSyntaxErrors[ctx.lang]}\n`);
            continue;
        }
        const original = document.textDocument.getText();
        const edits = Vplan.lsp.Formatter?.formatDocument(document, {
            textDocument: { uri: document.uri.toString() },
            options: { tabSize: 2, insertSpaces: true }
        }) ?? [];
        const formatted = TextDocument.applyEdits(document.textDocument, await edits);
        if (!check && !write) {
            ctx.out(formatted);
            continue;
        }
        if (formatted === original) continue;
        changed.push(shown);
        if (check) {
            ctx.out(`${shown}\n`);
        } else {
            try {
                await rewrite(document.uri.fsPath, original, formatted);
                ctx.out(`${shown}\n`);
            } catch (err) {
                // One file that cannot be written does not stop the others.
                reportWriteError(ctx, err);
                writeFailures++;
            }
        }
    }
    if (check) {
        ctx.err(changed.length === 0 ? msg.fmtAllFormatted[ctx.lang](documents.length) + '\n' : msg.fmtSomeChange[ctx.lang](changed.length) + '\n');
    }
    if (allProblems.length > 0 || writeFailures > 0) return 2;
    return syntaxErrors > 0 || (check && changed.length > 0) ? 1 : 0;
}

function hasSyntaxErrors(document: LangiumDocument): boolean {
    const result = document.parseResult;
    return result.lexerErrors.length > 0 || result.parserErrors.length > 0;
}

/**
 * Replaces the file with its formatted text, atomically and keeping its mode and byte-order mark.
 * If the file changed on disk since it was read (an editor saved it), it is left alone.
 */
async function rewrite(file: string, original: string, formatted: string): Promise<void> {
    let bytes: Buffer;
    try {
        bytes = await fs.readFile(file);
    } catch (err) {
        throw new FileWriteError(file, { en: fsReason(err, 'en'), sv: fsReason(err, 'sv') });
    }
    if (decodePlan(bytes) !== original) throw new FileWriteError(file, CHANGED_ON_DISK);
    const hadBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    await writeUserFile(file, hadBom ? BOM + formatted : formatted);
}

const CHANGED_ON_DISK = { en: 'changed on disk while formatting; not written', sv: 'ändrades på disken under formateringen; skrivs inte' };
