// The `vplan` command: bundled by esbuild.mjs into out/vplan-cli.cjs, started by the launcher
// bin/vplan.cjs. Only the argument parser and the texts load eagerly; each command is imported
// when it runs, so `--help` and `validate` do not pay for the renderer or the formatter.
import { langFromEnv, type Lang } from '@vplan/language/i18n';
import { isUsageError, parseArgs, UsageError, type OptionSpecs, type ParsedArgs } from './args.js';
import type { CommandContext } from './context.js';
import { help, usageMessage } from './messages.js';
import { VERSION } from './version.js';
import { PART_THREAD_ARG } from './part-thread.js';

type CommandName = 'validate' | 'render' | 'fmt' | 'status' | 'kolada' | 'outcomes' | 'init' | 'diff';

const common: OptionSpecs = {
    help: { kind: 'boolean', short: 'h' },
    version: { kind: 'boolean', short: 'v' },
    lang: { kind: 'string', choices: ['sv', 'en'] }
};

const specs: Record<CommandName, OptionSpecs> = {
    validate: {
        ...common,
        format: { kind: 'string', short: 'f', choices: ['pretty', 'json', 'sarif', 'github', 'gitlab'] },
        'max-warnings': { kind: 'string' },
        quiet: { kind: 'boolean', short: 'q' },
        fail: { kind: 'boolean', negatable: true },
        color: { kind: 'boolean', negatable: true },
        'as-of': { kind: 'string' },
        cache: { kind: 'boolean', negatable: true },
        'cache-location': { kind: 'string' },
        'kolada-cache': { kind: 'string' },
        jobs: { kind: 'string', short: 'j' }
    },
    render: {
        ...common,
        output: { kind: 'string', short: 'o' },
        format: { kind: 'string', short: 'f', choices: ['html', 'md', 'docx', 'pdf'] },
        status: { kind: 'boolean', negatable: true },
        period: { kind: 'string' },
        'as-of': { kind: 'string' },
        'deviations-only': { kind: 'boolean' }
    },
    fmt: {
        ...common,
        check: { kind: 'boolean' },
        write: { kind: 'boolean', short: 'w' }
    },
    status: {
        ...common,
        format: { kind: 'string', short: 'f', choices: ['table', 'json', 'csv'] },
        period: { kind: 'string' },
        'as-of': { kind: 'string' }
    },
    diff: {
        ...common,
        format: { kind: 'string', short: 'f', choices: ['text', 'md', 'json'] }
    },
    kolada: {
        ...common,
        write: { kind: 'boolean', short: 'w' },
        year: { kind: 'string' },
        'api-url': { kind: 'string' },
        'cache-dir': { kind: 'string' }
    },
    outcomes: {
        ...common,
        write: { kind: 'boolean', short: 'w' },
        sheet: { kind: 'string' }
    },
    init: {
        ...common,
        year: { kind: 'string' }
    }
};

/**
 * The language the user chose: `--lang` as written anywhere on the line (so that even a usage error
 * is in it), else `VPLAN_LANG`; undefined when neither says `sv` or `en`.
 */
function chosenLang(argv: readonly string[], env: NodeJS.ProcessEnv): Lang | undefined {
    for (let i = 0; i < argv.length; i++) {
        const value = argv[i] === '--lang' ? argv[i + 1] : argv[i].startsWith('--lang=') ? argv[i].slice(7) : undefined;
        if (value === 'sv' || value === 'en') return value;
    }
    const fromEnv = env.VPLAN_LANG?.trim().toLowerCase();
    return fromEnv === 'sv' || fromEnv === 'en' ? fromEnv : undefined;
}

async function main(argv: readonly string[], ctx: CommandContext): Promise<number> {
    const [command, ...rest] = argv;
    if (command === undefined || command === 'help' || command === '--help' || command === '-h' || command.startsWith('--lang')) {
        const topic = command === 'help' && rest[0] && rest[0] in specs ? (rest[0] as CommandName) : 'main';
        // Without a command, the help goes to stderr: it answers a usage mistake.
        (command === undefined ? ctx.err : ctx.out)(help[topic][ctx.lang] + '\n');
        return command === undefined ? 2 : 0;
    }
    if (command === '--version' || command === '-v') {
        ctx.out(`vplan ${VERSION}\n`);
        return 0;
    }
    if (!(command in specs)) {
        throw new UsageError(command.startsWith('-') ? 'unknown-option' : 'unknown-command', command);
    }
    const name = command as CommandName;
    let args: ParsedArgs;
    try {
        args = parseArgs(rest, specs[name]);
    } catch (err) {
        if (err instanceof UsageError) throw new CommandUsageError(err, name);
        throw err;
    }
    if (args.options.help) {
        ctx.out(help[name][ctx.lang] + '\n');
        return 0;
    }
    if (args.options.version) {
        ctx.out(`vplan ${VERSION}\n`);
        return 0;
    }
    try {
        switch (name) {
            case 'validate': return await (await import('./commands/validate.js')).runValidate(ctx, args);
            case 'status': return await (await import('./commands/status.js')).runStatus(ctx, args);
            case 'render': return await loadBundle<typeof import('./commands/render.js')>('render').runRender(ctx, args);
            case 'fmt': return await loadBundle<typeof import('./commands/fmt.js')>('fmt').runFmt(ctx, args);
            case 'kolada': return await (await import('./commands/kolada.js')).runKolada(ctx, args);
            case 'outcomes': return await loadBundle<typeof import('./commands/outcomes.js')>('outcomes').runOutcomes(ctx, args);
            case 'init': return await (await import('./commands/init.js')).runInit(ctx, args);
            case 'diff': return await (await import('./commands/diff.js')).runDiff(ctx, args);
        }
    } catch (err) {
        if (isUsageError(err)) throw new CommandUsageError(err, name);
        throw err;
    }
}

/**
 * Commands that need much more than the language run from bundles of their own beside this one:
 * `fmt` the editor services (the formatter), `render` the renderer (Markdown, Word), `outcomes` the
 * spreadsheet readers. The main bundle, which every start reads, stays small (see
 * packages/cli/build/core-bundle.mjs and docs/performance.md).
 */
function loadBundle<T>(name: 'fmt' | 'render' | 'outcomes'): T {
    return require(`${__dirname}/vplan-${name}.cjs`) as T;
}

class CommandUsageError extends Error {
    constructor(readonly usage: UsageError, readonly command: string) {
        super(usage.message);
    }
}

/** Runs the CLI in this process: the single place that turns any failure into one line and an exit code. */
function run(argv: readonly string[]): void {
    const chosen = chosenLang(argv, process.env);
    const lang = chosen ?? langFromEnv(process.env);
    const ctx: CommandContext = {
        lang,
        language: chosen ?? 'auto',
        cwd: process.cwd(),
        env: process.env,
        stdoutIsTTY: Boolean(process.stdout.isTTY),
        out: text => { process.stdout.write(text); },
        err: text => { process.stderr.write(text); }
    };
    // A closed pipe (`vplan status | head`) is not an error worth a message.
    process.stdout.on('error', (err: NodeJS.ErrnoException) => {
        if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
        fail(err);
    });
    const fail = (err: unknown) => {
        if (err instanceof CommandUsageError) {
            process.stderr.write(`vplan: ${usageMessage(lang, err.usage.key, err.usage.detail, err.command)}\n`);
        } else if (isUsageError(err)) {
            process.stderr.write(`vplan: ${usageMessage(lang, err.key, err.detail)}\n`);
        } else {
            const message = err instanceof Error ? err.message : String(err);
            process.stderr.write(`vplan: ${message.split('\n')[0]}\n`);
            if (process.env.VPLAN_DEBUG && err instanceof Error && err.stack) process.stderr.write(err.stack + '\n');
        }
        process.exitCode = 2;
    };
    process.on('uncaughtException', fail);
    process.on('unhandledRejection', fail);
    main(argv, ctx).then(exit, fail);
}

/**
 * Ends the process as soon as the command is done and what it printed is out. Letting Node's event
 * loop run dry instead cost a cold `vplan validate` a garbage collection and a teardown that nobody
 * waits for (about a tenth of its CPU time on a small plan). Where writing to a pipe is asynchronous
 * (Windows) and output is still queued, the loop runs dry as before.
 */
function exit(code: number): void {
    process.exitCode = code;
    if (process.stdout.writableLength === 0 && process.stderr.writableLength === 0) process.exit(code);
}

/**
 * Built as a V8 start-up snapshot (packages/cli/build/snapshot.mjs), the bundle loads its modules and
 * builds the parser at build time, and a Node started from the snapshot begins here with everything
 * warm (the arguments then follow the executable). The launcher does not start from one (it would
 * take a second Node start); bench/cli.mjs builds one to measure that alternative.
 */
if (process.argv.includes(PART_THREAD_ARG) && !(require('node:worker_threads') as typeof import('node:worker_threads')).isMainThread) {
    // A worker thread of a parallel `vplan validate` (parallel-load.ts) runs this bundle too.
    void import('./part-worker.js').then(worker => worker.servePart());
} else if (process.execArgv.includes('--build-snapshot')) {
    // Node's v8 module only then: loading it costs every start a few milliseconds.
    const v8 = require('node:v8') as typeof import('node:v8');
    prepareSnapshot();
    v8.startupSnapshot.setDeserializeMainFunction(() => run(process.argv.slice(1)));
} else {
    run(process.argv.slice(2));
}

function prepareSnapshot(): void {
    // The commands' modules (not fmt's: it has its own bundle; not render's: the renderer would
    // make the snapshot larger, and slower to start, for every command) and warm services.
    void Promise.all([import('./commands/validate.js'), import('./commands/status.js'), import('./load.js')])
        .then(([, , load]) => load.prewarm());
}
