// The parser recurses once per block, about 6 KB of stack per `{` level: a pasted or generated text
// with ~150 nested blocks overflowed Node's stack, and the overflow left Langium's shared parser with
// a dirty rule stack, so every later parse in the same language server failed too. Plans nest
// about six levels deep; blocks nested deeper than MAX_NESTING are not parsed but reported.
import type { AstNode, LangiumCompletionParser, LangiumParser, ParseResult } from 'langium';
import type { LocaleService } from '../i18n/locale-service.js';
import { delimitedMatcher, stringMatcher } from './token-builder.js';

/** Deepest block nesting that is parsed; far beyond any real plan, far below the stack's limit. */
export const MAX_NESTING = 40;

/** A too-deep block: where its `{` is and where its matching `}` ends (or the text ends). */
export interface DeepRegion {
    start: number;
    end: number;
}

/**
 * Finds the blocks nested deeper than `limit`, skipping braces inside strings, Markdown prose and
 * comments the way the lexer does.
 */
export function findDeepRegions(text: string, limit = MAX_NESTING): DeepRegion[] {
    const regions: DeepRegion[] = [];
    // The lexer's own matchers: a scan that fails is remembered, so this stays linear too.
    const string = stringMatcher();
    const markdown = delimitedMatcher('"""', '"""');
    const comment = delimitedMatcher('/*', '*/');
    let depth = 0;
    let regionStart = -1;
    const n = text.length;
    let i = 0;
    while (i < n) {
        const c = text.charCodeAt(i);
        if (c === 0x2f /* / */) {
            if (text.charCodeAt(i + 1) === 0x2f) {
                while (i < n && text[i] !== '\n' && text[i] !== '\r') i++;
                continue;
            }
            const match = comment(text, i);
            if (match) {
                i += match[0].length;
                continue;
            }
        } else if (c === 0x22 /* " */) {
            const match = markdown(text, i) ?? string(text, i);
            if (match) {
                i += match[0].length;
                continue;
            }
        } else if (c === 0x7b /* { */) {
            depth++;
            if (depth > limit && regionStart < 0) regionStart = i;
        } else if (c === 0x7d /* } */ && depth > 0) {
            depth--;
            if (regionStart >= 0 && depth === limit) {
                regions.push({ start: regionStart, end: i + 1 });
                regionStart = -1;
            }
        }
        i++;
    }
    if (regionStart >= 0) regions.push({ start: regionStart, end: n });
    return regions;
}

/** The text with the regions blanked out (line breaks kept, so every position stays where it was). */
export function blankRegions(text: string, regions: readonly DeepRegion[]): string {
    let out = '';
    let last = 0;
    for (const { start, end } of regions) {
        out += text.slice(last, start) + text.slice(start, end).replace(/[^\r\n]/g, ' ');
        last = end;
    }
    return out + text.slice(last);
}

const MESSAGE = {
    sv: (limit: number) => `Blocken är nästlade djupare än ${limit} nivåer; det här blocket läses inte.`,
    en: (limit: number) => `Blocks are nested more than ${limit} levels deep; this block is not read.`
};

/** 1-based line and column of an offset, counting \r\n, \r and \n as line ends like the lexer. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < offset; i++) {
        const c = text[i];
        if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) {
            line++;
            lineStart = i + 1;
        }
    }
    return { line, column: offset - lineStart + 1 };
}

/**
 * Wraps the parser so that blocks nested too deeply are reported as errors instead of overflowing
 * the stack. A stack overflow that happens anyway (a recursion this scan does not foresee) is
 * turned into an error too, after resetting the parser's state so the next parse starts clean.
 */
export function guardNesting(parser: LangiumParser, locale: LocaleService): LangiumParser {
    const parse = parser.parse.bind(parser);
    parser.parse = <T extends AstNode = AstNode>(input: string, options?: { rule?: string }): ParseResult<T> => {
        const regions = findDeepRegions(input);
        const text = regions.length > 0 ? blankRegions(input, regions) : input;
        let result: ParseResult<T>;
        try {
            result = parse<T>(text, options);
        } catch (err) {
            if (!(err instanceof RangeError)) throw err;
            resetParserState(parser);
            // Parse nothing rather than fail: the document is then empty, with one error.
            result = parse<T>(text.replace(/[^\r\n]/g, ' '), options);
            regions.splice(0, regions.length, { start: 0, end: input.length });
        }
        for (const region of regions) {
            const { line, column } = lineColumn(input, region.start);
            result.lexerErrors.push({ offset: region.start, length: 1, line, column, message: MESSAGE[locale.lang](MAX_NESTING) });
        }
        return result;
    };
    return parser;
}

/** Langium keeps its rule stack between parses and does not clear it after an exception. */
function resetParserState(parser: LangiumParser): void {
    const state = parser as unknown as { stack?: unknown[] };
    if (Array.isArray(state.stack)) state.stack.length = 0;
}

/**
 * The completion parser reads the text up to the cursor with the same recursion: a cursor inside
 * too-deep blocks gets the completions of the outermost readable context instead of an exception.
 */
export function guardCompletionNesting(parser: LangiumCompletionParser): LangiumCompletionParser {
    const parse = parser.parse.bind(parser);
    parser.parse = (input: string) => {
        const regions = findDeepRegions(input);
        return parse(regions.length > 0 ? blankRegions(input, regions) : input);
    };
    return parser;
}
