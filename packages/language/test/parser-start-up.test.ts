// What makes building the parser cheap at start-up must not change a single token or tree:
// the keyword tokens' hints to the lexer, the cached longer-alternative search, and the lookahead
// worked out lazily are each compared with what Langium and Chevrotain build without them, on the
// examples and on texts broken at random (a fixed seed: the same texts every run).
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Lexer, type IToken, type TokenType } from 'chevrotain';
import { LLStarLookaheadStrategy } from 'chevrotain-allstar';
import { createLangiumParser, DefaultTokenBuilder, EmptyFileSystem, GrammarAST, isReference, type AstNode, type LangiumParser } from 'langium';
import { describe, expect, test } from 'vitest';
import { createVplanCoreServices } from '../src/index.js';
import { parserLookaheadStrategy } from '../src/langium-internals.js';
import { LazyLookaheadStrategy } from '../src/parser/lazy-lookahead.js';
import { keywordStartChars, VplanTokenBuilder } from '../src/parser/token-builder.js';

const examplesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../examples');

function exampleTexts(dir = examplesDir): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
        const p = path.join(dir, entry.name);
        if (entry.isDirectory()) return exampleTexts(p);
        return p.endsWith('.vplan') ? [readFileSync(p, 'utf8')] : [];
    });
}

/** Each example cut, pasted and given stray braces, quotes and keywords (a linear congruential generator). */
function brokenTexts(texts: string[], perText: number): string[] {
    let seed = 18;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const inserts = ['{', '}', '"', '"""', 'enhet', 'mål x', 'indikator', '/*', ' 12,5 ', '\n', 'Skala', 'iU'];
    return texts.flatMap(text => Array.from({ length: perText }, () => {
        let s = text;
        for (let edits = 1 + Math.floor(random() * 4); edits > 0; edits--) {
            const at = Math.floor(random() * s.length);
            const length = Math.floor(random() * 80);
            const kind = random();
            if (kind < 0.4) s = s.slice(0, at) + s.slice(at + length);
            else if (kind < 0.7) {
                const from = Math.floor(random() * s.length);
                s = s.slice(0, at) + s.slice(from, from + length) + s.slice(at);
            } else s = s.slice(0, at) + inserts[Math.floor(random() * inserts.length)] + s.slice(at);
        }
        return s;
    }));
}

const examples = exampleTexts();
const texts = [...examples, ...brokenTexts(examples, 8)];

function services() {
    return createVplanCoreServices(EmptyFileSystem).Vplan;
}

// ---------------------------------------------------------------- lexer

/** The vplan token builder without the keyword hints and with Langium's own longer-alternative search. */
class UnhintedTokenBuilder extends VplanTokenBuilder {
    protected override buildKeywordToken(keyword: GrammarAST.Keyword, terminalTokens: TokenType[], caseInsensitive: boolean): TokenType {
        const { START_CHARS_HINT: _start, LINE_BREAKS: _lineBreaks, ...token } = super.buildKeywordToken(keyword, terminalTokens, caseInsensitive);
        return token;
    }

    protected override findLongerAlt(keyword: GrammarAST.Keyword, terminalTokens: TokenType[]): TokenType[] {
        return (DefaultTokenBuilder.prototype as unknown as { findLongerAlt: VplanTokenBuilder['findLongerAlt'] }).findLongerAlt.call(this, keyword, terminalTokens);
    }
}

function lexerOf(builder: VplanTokenBuilder): { tokens: TokenType[]; lexer: Lexer } {
    const tokens = builder.buildTokens(services().Grammar, { caseInsensitive: false }) as TokenType[];
    // As Langium's DefaultLexer builds it in production mode.
    return { tokens, lexer: new Lexer(tokens, { positionTracking: 'full', skipValidations: true }) };
}

const shapeOfToken = (t: IToken) => [t.tokenType.name, t.image, t.startOffset, t.endOffset, t.startLine, t.startColumn, t.endLine, t.endColumn];

function tokenize(lexer: Lexer, text: string) {
    const result = lexer.tokenize(text);
    return {
        tokens: result.tokens.map(shapeOfToken),
        hidden: (result.groups.hidden ?? []).map(shapeOfToken),
        errors: result.errors.map(e => [e.offset, e.length, e.line, e.column])
    };
}

describe('the lexer, built with hints', () => {
    const hinted = lexerOf(new VplanTokenBuilder());
    const unhinted = lexerOf(new UnhintedTokenBuilder());

    test('every keyword written as an expression tells the lexer its start characters and that it stays on one line', () => {
        const terminals = new Set(services().Grammar.rules.filter(GrammarAST.isTerminalRule).map(rule => rule.name));
        const keywords = hinted.tokens.filter(t => t.PATTERN instanceof RegExp && !terminals.has(t.name));
        expect(keywords.length).toBeGreaterThan(100);
        for (const token of keywords) {
            expect(token.LINE_BREAKS, token.name).toBe(false);
            expect(token.START_CHARS_HINT, token.name).toEqual(keywordStartChars(token.name, token.PATTERN!));
        }
        expect(keywordStartChars('skala', /[sS]kala/)).toEqual(['s', 'S']);
        expect(keywordStartChars('iu', /iu/i)).toEqual(['i', 'I']);
        // A non-ASCII letter under the `i` flag may fold onto others: Chevrotain works those out.
        expect(keywordStartChars('µs', /µs/i)).toBeUndefined();
        expect(keywordStartChars('{', '{')).toBeUndefined();
    });

    test('each keyword has the longer alternatives Langium finds', () => {
        const byName = (tokens: TokenType[]) => new Map(tokens.map(t => [t.name, ((t.LONGER_ALT ?? []) as TokenType[]).map(alt => alt.name)]));
        const ours = byName(hinted.tokens);
        const langiums = byName(unhinted.tokens);
        expect([...ours.keys()]).toEqual([...langiums.keys()]);
        expect(ours).toEqual(langiums);
        // An identifier can continue a keyword (`skalan`), so ID is among them.
        expect(ours.get('skala')).toContain('ID');
    });

    test('the same tokens, positions and errors as without the hints, on the examples and broken texts', () => {
        const words = hinted.tokens.map(t => t.name).filter(name => /^\p{L}/u.test(name));
        // Every keyword as written, capitalised, upper-case, and continued into an identifier.
        const allKeywords = words.map(w => `${w} ${w[0].toUpperCase()}${w.slice(1)} ${w.toUpperCase()} ${w}x ${w}1\n`).join('');
        for (const text of [allKeywords, ...texts]) {
            expect(tokenize(hinted.lexer, text)).toEqual(tokenize(unhinted.lexer, text));
        }
    });
});

// ---------------------------------------------------------------- parser

/** The tree as data: types, properties, text ranges, references by their text. */
function shapeOfTree(node: AstNode): unknown {
    return JSON.parse(JSON.stringify(node, (key, value) => {
        if (key === '$container' || key === '$document') return undefined;
        if (key === '$cstNode') return value ? [value.offset, value.end, value.range.start.line, value.range.start.character] : undefined;
        if (isReference(value)) return { $refText: value.$refText };
        return value;
    }));
}

function parseShape(parser: LangiumParser, text: string) {
    const result = parser.parse(text);
    return {
        tree: shapeOfTree(result.value),
        lexerErrors: result.lexerErrors.map(e => [e.offset, e.length, e.message]),
        parserErrors: result.parserErrors.map(e => [e.message, e.token.startOffset, e.token.image, e.name])
    };
}

describe('the parser, with its lookahead worked out as it is needed', () => {
    test('it is the parser vplan builds, and a small plan needs a fraction of its decisions', () => {
        const parser = services().parser.LangiumParser;
        const strategy = parserLookaheadStrategy(parser);
        expect(strategy).toBeInstanceOf(LazyLookaheadStrategy);
        const lazy = strategy as LazyLookaheadStrategy;
        expect(lazy.built).toBe(0);
        parser.parse('plan p "P" {\n  år 2026\n}\n');
        const forSmallPlan = lazy.built;
        expect(forSmallPlan).toBeGreaterThan(0);
        for (const text of examples) parser.parse(text);
        expect(lazy.built).toBeGreaterThan(forSmallPlan * 3);
    });

    test('the same trees, ranges and errors as Langium\'s parser with all lookahead built up front', () => {
        const vplan = services();
        const lazy = vplan.parser.LangiumParser;
        // Langium's own parser for the same services: its default ALL(*) strategy, built eagerly.
        const eager = createLangiumParser(vplan);
        expect(parserLookaheadStrategy(eager)).toBeInstanceOf(LLStarLookaheadStrategy);
        expect(parserLookaheadStrategy(eager)).not.toBeInstanceOf(LazyLookaheadStrategy);
        let withErrors = 0;
        for (const text of texts) {
            const ours = parseShape(lazy, text);
            expect(ours).toEqual(parseShape(eager, text));
            if (ours.parserErrors.length > 0) withErrors++;
        }
        // The broken texts do exercise error recovery.
        expect(withErrors).toBeGreaterThan(texts.length / 3);
    });

    test('the completion parser keeps Langium\'s own strategy (it predicts over incomplete text)', () => {
        const strategy = parserLookaheadStrategy(services().parser.CompletionParser);
        expect(strategy).toBeInstanceOf(LLStarLookaheadStrategy);
        expect(strategy).not.toBeInstanceOf(LazyLookaheadStrategy);
    });
});
