// Linear-time matchers for the terminals that can run to the end of a line or of the file.
//
// The lexer tries each terminal's regular expression at every offset. For a text with many openers
// that never close (`"\"\"\"\…` on one line, `/* /* /* …` with no `*/`) each attempt scans to the
// end before failing, so lexing was quadratic: a 40 KB line of `"\` took 4.5 s to tokenize, on every
// keystroke. These matchers give exactly the same tokens as the grammar's expressions but remember
// where a scan already failed, so every character is scanned a bounded number of times.
import { DefaultTokenBuilder, RegExpUtils, type GrammarAST } from 'langium';
import type { CustomPatternMatcherFunc, TokenPattern, TokenType } from 'chevrotain';

type Matcher = (text: string, offset: number) => [string] | null;

/** STRING: /"(\\.|[^"\\\r\n])*"/ — an escape takes any character that `.` matches. */
export function stringMatcher(): Matcher {
    let memoText: string | undefined;
    // dead[i] = 1: a string body scanned from position i never closes on this line.
    let dead: Uint8Array | undefined;
    return (text, offset) => {
        if (text.charCodeAt(offset) !== 0x22) return null;
        if (text !== memoText) {
            memoText = text;
            dead = undefined;
        }
        const n = text.length;
        let j = offset + 1;
        let closed = -1;
        while (j < n && !(dead && dead[j])) {
            const c = text.charCodeAt(j);
            if (c === 0x22) {
                closed = j;
                break;
            }
            if (c === 0x0a || c === 0x0d) break;
            if (c === 0x5c /* \ */) {
                const next = text.charCodeAt(j + 1);
                if (j + 1 >= n || next === 0x0a || next === 0x0d || next === 0x2028 || next === 0x2029) break;
                j += 2;
            } else {
                j++;
            }
        }
        if (closed >= 0) return [text.slice(offset, closed + 1)];
        // Mark the positions this failed scan passed through: a later scan reaching one fails too.
        dead ??= new Uint8Array(n + 1);
        for (let k = offset + 1; k < j && k < n;) {
            if (dead[k]) break;
            dead[k] = 1;
            k += text.charCodeAt(k) === 0x5c ? 2 : 1;
        }
        return null;
    };
}

/** A block from `open` to the first `close` after it (ML_COMMENT, MARKDOWN). */
export function delimitedMatcher(open: string, close: string): Matcher {
    let memoText: string | undefined;
    // No `close` starts at or after this position.
    let noCloseFrom = Infinity;
    return (text, offset) => {
        if (!text.startsWith(open, offset)) return null;
        if (text !== memoText) {
            memoText = text;
            noCloseFrom = Infinity;
        }
        const from = offset + open.length;
        if (from >= noCloseFrom) return null;
        const end = text.indexOf(close, from);
        if (end < 0) {
            noCloseFrom = Math.min(noCloseFrom, from);
            return null;
        }
        return [text.slice(offset, end + close.length)];
    };
}

const MATCHERS: Record<string, { make: () => Matcher; start: string; source: string }> = {
    STRING: { make: stringMatcher, start: '"', source: '"(\\\\.|[^"\\\\\\r\\n])*"' },
    MARKDOWN: { make: () => delimitedMatcher('"""', '"""'), start: '"', source: '"""[\\s\\S]*?"""' },
    ML_COMMENT: { make: () => delimitedMatcher('/*', '*/'), start: '/', source: '\\/\\*[\\s\\S]*?\\*\\/' }
};

/** Keywords read in any case: Kolada and the documents write "IU", "Iu" and "iu". */
const ANY_CASE = new Set(['iu']);

/**
 * A keyword's pattern: as written in the grammar, or with a capital first letter, as Word
 * capitalises the first word of a cell or a line ("År 2026", "Grön 82 eller högre"). The value
 * converter and every reader of keywords see the grammar's lower-case keyword (the token type), so
 * only the lexer knows; the text keeps what was written.
 */
export function keywordPattern(word: string): TokenPattern {
    if (ANY_CASE.has(word)) return new RegExp(RegExpUtils.escapeRegExp(word), 'i');
    const first = word.charAt(0);
    const upper = first.toUpperCase();
    if (upper === first || first.toLowerCase() !== first) return word;
    return new RegExp(`[${first}${upper}]${RegExpUtils.escapeRegExp(word.slice(1))}`);
}

/**
 * The characters a keyword's pattern can start with, for the lexer's first-character table, or
 * undefined to let Chevrotain work it out. The patterns above change at most the case of the first
 * letter; for an ASCII letter that is its two cases, also under the `i` flag (JavaScript does not fold
 * a non-ASCII letter onto an ASCII one).
 */
export function keywordStartChars(word: string, pattern: TokenPattern): string[] | undefined {
    if (!(pattern instanceof RegExp)) return undefined;
    const first = word.charAt(0);
    if (pattern.ignoreCase && first.charCodeAt(0) > 0x7f) return undefined;
    return [...new Set([first, first.toLowerCase(), first.toUpperCase()])];
}

export class VplanTokenBuilder extends DefaultTokenBuilder {
    /** Each terminal's partial expression, built once rather than once per keyword. */
    private readonly partials = new Map<TokenType, RegExp | undefined>();

    /**
     * Start-up: Chevrotain reads every regular expression with its own parser to learn which
     * characters can start it and whether it can cross a line, unless the token says so. A keyword
     * never crosses a line and starts with its first letter in either case, so its token says so:
     * with about 200 keywords as expressions (see keywordPattern) that analysis was a fifth of
     * building the parser.
     */
    protected override buildKeywordToken(keyword: GrammarAST.Keyword, terminalTokens: TokenType[], caseInsensitive: boolean): TokenType {
        const token = super.buildKeywordToken(keyword, terminalTokens, caseInsensitive);
        const start = keywordStartChars(keyword.value, token.PATTERN!);
        if (start === undefined || /[\r\n\u2028\u2029]/.test(keyword.value)) return token;
        return { ...token, START_CHARS_HINT: start, LINE_BREAKS: false };
    }

    /** Which terminals can match a longer text that begins with the keyword (an ID does: `skalan`). */
    protected override findLongerAlt(keyword: GrammarAST.Keyword, terminalTokens: TokenType[]): TokenType[] {
        // As Langium's, which builds the partial expression anew for each keyword and terminal.
        return terminalTokens.filter(token => {
            const partial = this.partialOf(token);
            const match = partial && keyword.value.match(partial);
            return !!match && match[0].length > 0;
        });
    }

    private partialOf(token: TokenType): RegExp | undefined {
        if (!this.partials.has(token)) {
            const source = (token.PATTERN as RegExp | undefined)?.source;
            this.partials.set(token, source ? RegExpUtils.partialRegExp('^' + source + '$') : undefined);
        }
        return this.partials.get(token);
    }

    protected override buildKeywordPattern(keyword: GrammarAST.Keyword, caseInsensitive: boolean): TokenPattern {
        return caseInsensitive ? super.buildKeywordPattern(keyword, caseInsensitive) : keywordPattern(keyword.value);
    }

    protected override buildTerminalToken(terminal: GrammarAST.TerminalRule): TokenType {
        const token = super.buildTerminalToken(terminal);
        const custom = MATCHERS[terminal.name];
        if (!custom) return token;
        // The grammar's expression must still be the one these matchers implement.
        const pattern = token.PATTERN;
        if (!(pattern instanceof RegExp) || pattern.source !== custom.source) return token;
        return {
            ...token,
            PATTERN: { exec: custom.make() as unknown as CustomPatternMatcherFunc },
            START_CHARS_HINT: [custom.start],
            LINE_BREAKS: terminal.name !== 'STRING'
        };
    }
}
