// Colour on a terminal only, as the conventions say: NO_COLOR (any non-empty value) turns it off,
// FORCE_COLOR turns it on (FORCE_COLOR=0 off) and wins over NO_COLOR, an explicit --color /
// --no-color wins over both.

export interface Colors {
    enabled: boolean;
    red(s: string): string;
    yellow(s: string): string;
    blue(s: string): string;
    cyan(s: string): string;
    green(s: string): string;
    dim(s: string): string;
    bold(s: string): string;
}

export function useColor(flag: boolean | undefined, env: NodeJS.ProcessEnv, isTTY: boolean): boolean {
    if (flag !== undefined) return flag;
    // As in Node's own colour detection, FORCE_COLOR is the more explicit of the two.
    if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '') return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
    if (env.NO_COLOR) return false;
    return isTTY && env.TERM !== 'dumb';
}

export function colors(enabled: boolean): Colors {
    const wrap = (open: number, close: number) => (s: string) => (enabled ? `\u001b[${open}m${s}\u001b[${close}m` : s);
    return {
        enabled,
        red: wrap(31, 39),
        yellow: wrap(33, 39),
        blue: wrap(34, 39),
        cyan: wrap(36, 39),
        green: wrap(32, 39),
        dim: wrap(2, 22),
        bold: wrap(1, 22)
    };
}
