import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AstUtils, EmptyFileSystem, GrammarAST } from 'langium';
import { createVplanCoreServices } from '../src/index.js';

// VS Code colours a .vplan file with the TextMate grammar that `npm run build` writes
// (packages/language/build/textmate.mjs). A word must be coloured as a keyword exactly when the
// lexer reads it as one: "Grön 82 eller högre" is coloured, "GRÖN" (which the parser rejects) is not.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const services = createVplanCoreServices(EmptyFileSystem).Vplan;

function keywordExpression(): RegExp {
    const grammar = JSON.parse(readFileSync(path.join(root, 'syntaxes/vplan.tmLanguage.json'), 'utf8'));
    const keyword = grammar.patterns.find((p: { name?: string }) => p.name?.startsWith('keyword.'));
    return new RegExp(`^(?:${keyword.match})$`);
}

function lexerReadsAsKeyword(text: string, keyword: string): boolean {
    const { tokens, errors } = services.parser.Lexer.tokenize(text);
    return errors.length === 0 && tokens.length === 1 && tokens[0].tokenType.name === keyword;
}

const words = [...new Set(AstUtils.streamAllContents(services.Grammar).filter(GrammarAST.isKeyword).map(k => k.value))]
    .filter(w => /^\p{L}/u.test(w));

describe('TextMate colouring follows the lexer', () => {
    test('every keyword, lower case, capitalised and in capitals: coloured exactly when the lexer reads it', () => {
        const expression = keywordExpression();
        const disagree: string[] = [];
        for (const word of words) {
            const variants = new Set([word, word.charAt(0).toUpperCase() + word.slice(1), word.toUpperCase()]);
            for (const variant of variants) {
                if (expression.test(variant) !== lexerReadsAsKeyword(variant, word)) disagree.push(variant);
            }
        }
        expect(disagree).toEqual([]);
        expect(words.length).toBeGreaterThan(150);
    });

    test('the words strategists write as Word does are coloured', () => {
        const expression = keywordExpression();
        for (const variant of ['Grön', 'grön', 'Gul', 'Röd', 'Minst', 'Högst', 'År', 'Indikator', 'IU', 'Iu', 'iu', 'Över']) {
            expect(expression.test(variant), variant).toBe(true);
        }
        for (const other of ['GRÖN', 'gRön', 'Grönt', 'MINST']) expect(expression.test(other), other).toBe(false);
    });
});
