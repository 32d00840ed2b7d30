// The linear-time matchers for STRING, MARKDOWN and ML_COMMENT give exactly the tokens of the
// grammar's regular expressions, and lexing texts full of openers that never close stays linear.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { EmptyFileSystem } from 'langium';
import { createVplanServices } from '@vplan/language';
import { delimitedMatcher, stringMatcher } from '../../packages/language/src/parser/token-builder.js';

const STRING = /"(\\.|[^"\\\r\n])*"/y;
const MARKDOWN = /"""[\s\S]*?"""/y;
const ML_COMMENT = /\/\*[\s\S]*?\*\//y;

function regexAt(re: RegExp, text: string, offset: number): string | null {
    re.lastIndex = offset;
    return re.exec(text)?.[0] ?? null;
}

/** Texts made of the characters that matter to these terminals. */
const text = fc.array(fc.constantFrom('"', '\\', '\n', '\r', '\u2028', '*', '/', 'a', ' ', '"""'), { maxLength: 60 }).map(a => a.join(''));

describe('lexer matchers', () => {
    // The lexer calls a matcher at increasing offsets of one text; the memo must never change an answer.
    test.each([
        ['STRING', STRING, stringMatcher],
        ['MARKDOWN', MARKDOWN, () => delimitedMatcher('"""', '"""')],
        ['ML_COMMENT', ML_COMMENT, () => delimitedMatcher('/*', '*/')]
    ] as const)('%s matches what the grammar\'s expression matches, at every offset in order and at random', (_name, re, make) => {
        fc.assert(fc.property(text, fc.array(fc.nat(), { maxLength: 20 }), (t, randomOffsets) => {
            const inOrder = make();
            for (let i = 0; i <= t.length; i++) expect(inOrder(t, i)?.[0] ?? null).toBe(regexAt(re, t, i));
            const shuffled = make();
            for (const r of randomOffsets) {
                const i = r % (t.length + 1);
                expect(shuffled(t, i)?.[0] ?? null).toBe(regexAt(re, t, i));
            }
        }), { seed: 42, numRuns: 2000 });
    });

    test('the language uses these matchers (the grammar still has the expressions they implement)', () => {
        const { Vplan } = createVplanServices(EmptyFileSystem);
        const tokens = Vplan.parser.Lexer.tokenize('/* c */ "s" """m"""').tokens;
        expect(tokens.map(t => t.tokenType.name)).toEqual(['STRING', 'MARKDOWN']);
        const definition = Vplan.parser.TokenBuilder.buildTokens(Vplan.Grammar, { caseInsensitive: false }) as { name: string; PATTERN: unknown }[];
        for (const name of ['STRING', 'MARKDOWN', 'ML_COMMENT']) {
            const token = definition.find(t => t.name === name);
            expect(token?.PATTERN, name).not.toBeInstanceOf(RegExp);
        }
    });

    test('openers that never close lex as fast as any unreadable text', () => {
        const { Vplan } = createVplanServices(EmptyFileSystem);
        const time = (input: string) => {
            const start = performance.now();
            Vplan.parser.Lexer.tokenize(input);
            return performance.now() - start;
        };
        // 40 KB of characters no token starts with: the lexer's own error recovery, linear.
        const baseline = Math.max(time('\\'.repeat(40_000)), time('#'.repeat(40_000)));
        for (const unit of ['"\\', '/*', '"""x"', '"x\n']) {
            // With the grammar's expressions, 40 KB of `"\` took 4.5 s, ten times the baseline.
            const ms = time(unit.repeat(Math.ceil(40_000 / unit.length)));
            expect(ms, JSON.stringify(unit)).toBeLessThan(3 * baseline + 100);
        }
    });
});
