// A small argument parser: the CLI's four commands need flags, values and positionals, nothing more,
// and a framework would cost start-up time on every run.

export type OptionKind = 'boolean' | 'string';

export interface OptionSpec {
    kind: OptionKind;
    /** One-letter alias, without the dash. */
    short?: string;
    /** Allowed values of a string option. */
    choices?: readonly string[];
    /** For booleans: whether `--no-<name>` is accepted. */
    negatable?: boolean;
}

export type OptionSpecs = Record<string, OptionSpec>;

export interface ParsedArgs {
    options: Record<string, string | boolean | undefined>;
    positionals: string[];
}

/** Wrong usage: reported in one line with exit code 2. */
export class UsageError extends Error {
    override readonly name = 'UsageError';

    constructor(readonly key: UsageProblem, readonly detail: string) {
        super(`${key}: ${detail}`);
    }
}

/** Also true for a UsageError of the fmt bundle, whose class is another copy of this one. */
export function isUsageError(err: unknown): err is UsageError {
    return err instanceof Error && err.name === 'UsageError' && typeof (err as UsageError).key === 'string';
}

export type UsageProblem = 'unknown-option' | 'missing-value' | 'bad-value' | 'unexpected-value' | 'unknown-command'
    | 'missing-input' | 'too-many-inputs' | 'conflicting-options';

/**
 * Parses `argv` (without the command) against the command's options. Accepts `--name value`,
 * `--name=value`, `-x value`, `--no-name` for negatable booleans, and `--` to end options.
 */
export function parseArgs(argv: readonly string[], specs: OptionSpecs): ParsedArgs {
    const options: ParsedArgs['options'] = {};
    const positionals: string[] = [];
    const shorts = new Map<string, string>();
    for (const [name, spec] of Object.entries(specs)) if (spec.short) shorts.set(spec.short, name);

    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        if (arg === '--') {
            positionals.push(...argv.slice(i + 1));
            break;
        }
        if (arg.length < 2 || !arg.startsWith('-')) {
            positionals.push(arg); // includes a lone "-"
            continue;
        }
        let name: string;
        let inline: string | undefined;
        if (arg.startsWith('--')) {
            const eq = arg.indexOf('=');
            name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
            inline = eq < 0 ? undefined : arg.slice(eq + 1);
        } else {
            const short = arg.slice(1, 2);
            const long = shorts.get(short);
            if (!long) throw new UsageError('unknown-option', arg);
            name = long;
            inline = arg.length > 2 ? arg.slice(2).replace(/^=/, '') : undefined;
        }
        let spec = specs[name];
        if (!spec && name.startsWith('no-')) {
            const positive = specs[name.slice(3)];
            if (positive?.kind === 'boolean' && positive.negatable) {
                if (inline !== undefined) throw new UsageError('unexpected-value', `--${name}`);
                options[name.slice(3)] = false;
                continue;
            }
        }
        if (!spec) throw new UsageError('unknown-option', arg.split('=')[0]);
        if (spec.kind === 'boolean') {
            if (inline !== undefined) throw new UsageError('unexpected-value', `--${name}`);
            options[name] = true;
            continue;
        }
        let value = inline;
        if (value === undefined) {
            const next = argv[i + 1];
            if (next === undefined || (next.startsWith('-') && next.length > 1 && !/^-\d/.test(next))) {
                throw new UsageError('missing-value', `--${name}`);
            }
            value = next;
            i++;
        }
        if (spec.choices && !spec.choices.includes(value)) {
            throw new UsageError('bad-value', `--${name} ${value} (${spec.choices.join(' | ')})`);
        }
        options[name] = value;
    }
    return { options, positionals };
}

/** A non-negative integer option such as `--max-warnings`. */
export function parseCount(name: string, value: string | boolean | undefined): number | undefined {
    if (value === undefined || typeof value === 'boolean') return undefined;
    if (!/^\d+$/.test(value)) throw new UsageError('bad-value', `--${name} ${value}`);
    return Number(value);
}
