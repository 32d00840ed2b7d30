// The inputs of a command: files, folders and glob patterns. Shells expand globs on their own, but
// not inside quotes, on Windows or in npm scripts run by some shells, so the CLI expands them too.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { InputProblem } from '@vplan/language/node';

const MAGIC = /[*?[{]/;

export function isGlob(input: string): boolean {
    return MAGIC.test(input);
}

/** The other plans of a plan's folder: the context its references need, as the editor sees it. */
export async function siblingPlans(planPath: string): Promise<string[]> {
    const dir = path.resolve(path.dirname(planPath));
    const self = path.resolve(planPath);
    try {
        const entries = await fs.readdir(dir, { withFileTypes: true });
        return entries
            .filter(e => e.isFile() && e.name.endsWith('.vplan'))
            .map(e => path.join(dir, e.name))
            .filter(f => f !== self)
            .sort();
    } catch {
        return [];
    }
}

/** The sibling plans of every input that names a plan file (folders and globs bring their own). */
export async function contextOf(inputs: readonly string[]): Promise<string[]> {
    const context: string[] = [];
    for (const input of inputs) {
        if (isGlob(input) || !input.endsWith('.vplan')) continue;
        context.push(...await siblingPlans(input));
    }
    return context;
}

/**
 * Expands the glob patterns among the inputs to the .vplan files they match (sorted), keeping other
 * inputs as they are. A pattern that matches nothing is a problem, like a missing file.
 */
export async function expandInputs(inputs: readonly string[]): Promise<{ inputs: string[]; problems: InputProblem[] }> {
    const out: string[] = [];
    const problems: InputProblem[] = [];
    for (const input of inputs) {
        if (!isGlob(input)) {
            out.push(input);
            continue;
        }
        // A file whose name really contains a glob character is taken literally.
        if (await exists(input)) {
            out.push(input);
            continue;
        }
        let matches: string[];
        try {
            matches = await expandGlob(input);
        } catch (err) {
            // One bad pattern is reported; the other inputs are still checked.
            if (!(err instanceof GlobError)) throw err;
            problems.push({ path: input, reason: err.message });
            continue;
        }
        if (matches.length === 0) problems.push({ path: input, reason: 'no .vplan files match this pattern' });
        out.push(...matches);
    }
    return { inputs: out, problems };
}

async function exists(p: string): Promise<boolean> {
    try {
        await fs.stat(p);
        return true;
    } catch {
        return false;
    }
}

/** The .vplan files matching a pattern with `*`, `?`, `**`, `[…]` and `{a,b}`. */
export async function expandGlob(pattern: string): Promise<string[]> {
    const normalized = pattern.replace(/\\/g, '/');
    const segments = normalized.split('/');
    const firstMagic = segments.findIndex(s => MAGIC.test(s));
    const baseSegments = segments.slice(0, firstMagic);
    const base = baseSegments.length === 0 ? '.' : baseSegments.join('/') || '/';
    const rest = segments.slice(firstMagic).join('/');
    const matcher = globToRegExp(rest);
    const deep = rest.includes('**') || segments.length - firstMagic > 1;
    const results: string[] = [];
    const walk = async (dir: string, rel: string): Promise<void> => {
        let entries;
        try {
            entries = await fs.readdir(dir, { withFileTypes: true });
        } catch {
            return;
        }
        for (const entry of entries) {
            if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
            const relPath = rel ? `${rel}/${entry.name}` : entry.name;
            const full = path.join(dir, entry.name);
            if (entry.isDirectory()) {
                if (deep) await walk(full, relPath);
            } else if (entry.name.endsWith('.vplan') && matcher.test(relPath)) {
                results.push(baseSegments.length === 0 ? relPath : `${base === '/' ? '' : base}/${relPath}`);
            }
        }
    };
    await walk(base, '');
    return results.sort();
}

/** A pattern that cannot be read (an unclosed `[` or `{`); its message is the reason shown. */
export class GlobError extends Error {}

export const GLOB_REASONS = {
    unclosedClass: 'not a valid pattern: a [ is not closed',
    unclosedBrace: 'not a valid pattern: a { is not closed'
} as const;

/** Translates a glob (with `/` separators) to an anchored regular expression; throws GlobError for an invalid one. */
export function globToRegExp(glob: string): RegExp {
    let re = '';
    let inClass = false;
    let braces = 0;
    for (let i = 0; i < glob.length; i++) {
        const c = glob[i];
        if (inClass) {
            if (c === ']') inClass = false;
            re += c === '\\' ? '\\\\' : c;
            continue;
        }
        switch (c) {
            case '*':
                if (glob[i + 1] === '*') {
                    // "**/" matches any number of folders, including none.
                    if (glob[i + 2] === '/') {
                        re += '(?:[^/]*/)*';
                        i += 2;
                    } else {
                        re += '.*';
                        i += 1;
                    }
                } else {
                    re += '[^/]*';
                }
                break;
            case '?': re += '[^/]'; break;
            case '[':
                inClass = true;
                re += glob[i + 1] === '!' ? (i++, '[^') : '[';
                break;
            case '{': braces++; re += '(?:'; break;
            case '}': if (braces > 0) { braces--; re += ')'; } else re += '\\}'; break;
            case ',': re += braces > 0 ? '|' : ','; break;
            default: re += c.replace(/[.+^$()|\\]/g, '\\$&');
        }
    }
    if (inClass) throw new GlobError(GLOB_REASONS.unclosedClass);
    if (braces > 0) throw new GlobError(GLOB_REASONS.unclosedBrace);
    try {
        return new RegExp(`^${re}$`);
    } catch {
        // A class the regular-expression engine refuses (`[z-a]`).
        throw new GlobError(GLOB_REASONS.unclosedClass.replace('a [ is not closed', 'a [...] range is not valid'));
    }
}
