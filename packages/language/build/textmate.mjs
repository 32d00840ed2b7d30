// Writes the TextMate grammar VS Code colours .vplan files with. Langium generates one from the
// grammar's keywords as written (lower case); the lexer also reads a keyword with a capital first
// letter, as Word writes the first word of a cell ("Grön 82 eller högre"), and `iu` in any case
// (packages/language/src/parser/token-builder.ts). This gives the colouring the same rule, so
// `Grön` is coloured as a keyword exactly when the parser reads it as one.
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';

/** Keywords read in any case (the lexer's ANY_CASE). */
const ANY_CASE = new Set(['iu']);

function escape(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One keyword's alternative: the lexer's variants as an Oniguruma (and JavaScript) expression. */
export function keywordAlternative(word) {
    const letter = c => (c.toUpperCase() !== c.toLowerCase() ? `[${c.toLowerCase()}${c.toUpperCase()}]` : escape(c));
    if (ANY_CASE.has(word)) return [...word].map(letter).join('');
    const first = word.charAt(0);
    const upper = first.toUpperCase();
    if (upper === first || first.toLowerCase() !== first) return escape(word);
    return `[${first}${upper}]${escape(word.slice(1))}`;
}

/**
 * The generated grammar with its keyword pattern widened to the lexer's variants. Langium writes
 * the keywords as groups between word boundaries — `\b(…)\b`, and `\B(…)\b` or `\b(…)\B` for
 * those that begin or end with a letter outside ASCII (`år`, `nivå`), which `\b` does not see.
 */
export function withLexerKeywordCase(grammar) {
    const group = /(\\[bB])\(([^()]*)\)(?=\\[bB])/g;
    let rewritten = 0;
    const patterns = grammar.patterns.map(pattern => {
        if (typeof pattern.match !== 'string' || !pattern.name?.startsWith('keyword.')) return pattern;
        rewritten++;
        // Keywords come escaped for a regular expression; "-" is the only escape they need.
        const match = pattern.match.replace(group, (_, boundary, words) =>
            `${boundary}(${words.split('|').map(w => keywordAlternative(w.replace(/\\(.)/g, '$1'))).join('|')})`);
        return { ...pattern, match };
    });
    if (rewritten !== 1) throw new Error(`expected one keyword pattern in the generated TextMate grammar, found ${rewritten}`);
    return { ...grammar, patterns };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
    const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
    const generated = JSON.parse(await readFile(path.join(root, 'syntaxes/vplan.langium.tmLanguage.json'), 'utf8'));
    await writeFile(path.join(root, 'syntaxes/vplan.tmLanguage.json'), JSON.stringify(withLexerKeywordCase(generated), null, 2) + '\n');
}
