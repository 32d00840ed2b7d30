import { describe, expect, test } from 'vitest';
import { localizeSyntaxMessage } from '../../src/validation/syntax-messages.js';
import { validate } from './helpers.js';

/** The syntax errors of a text: [line (1-based), text under the range, message]. */
async function syntax(text: string, lang: 'sv' | 'en' = 'sv'): Promise<[number, string, string][]> {
    const v = await validate(text, lang);
    return v.diagnostics
        .filter(d => ['parsing-error', 'lexing-error'].includes(String((d.data as { code?: string })?.code ?? d.code)))
        .map(d => [d.range.start.line + 1, v.text(d), String(d.message)]);
}

describe('parse errors in the user\'s language, on one line', () => {
    test('a keyword used as an id', async () => {
        const [first] = await syntax('roll r "R"\nplan p "P" { år 2025\n  indikator mål "Mål" { grön ja }\n}');
        expect(first).toEqual([3, 'mål', "Här väntades ett id, men här står 'mål'. ('mål' är ett nyckelord, inte ett id.)"]);
        const [en] = await syntax('plan p "P" { year 2025\n  indicator goal "Goal" { green yes }\n}', 'en');
        expect(en).toEqual([2, 'goal', "Expected an id here, but found 'goal'. ('goal' is a keyword, not an id.)"]);
        expect(await syntax('roll r "R"\nplan p "P" { år 2025\n  indikator malet "Mål" { grön ja }\n}')).toEqual([]);
    });
    test('a band without a value: what may come, not 72 token sequences', async () => {
        const [d] = await syntax('plan p "P" { år 2025\n  indikator i "I" { grön }\n}');
        expect(d[0]).toBe(2);
        expect(d[2]).not.toContain('\n');
        expect(d[2]).toMatch(/^Här väntades ett tal, '>=', .* men här står '}'\.$/);
        expect(await syntax('plan p "P" { år 2025\n  indikator i "I" { grön ja }\n}')).toEqual([]);
    });
    test('a declaration that cannot stand at the top level, and one brace too many', async () => {
        expect(await syntax('indikator x "X" { grön ja }')).toEqual([
            [1, 'indikator', "'indikator' kan inte stå här: utanför en plan får en fil bara ha organisation, mål, roll, källa, jämförelsegrupp, plan och uppföljning."]
        ]);
        expect(await syntax('plan p "P" { år 2025 } }', 'en')).toEqual([[1, '}', "One '}' too many: it closes no block."]]);
    });
    test('a missing title and a missing closing brace', async () => {
        expect(await syntax('roll r R')).toEqual([[1, 'R', "Här väntades en titel inom citattecken, men här står 'R'."]]);
        const [d] = await syntax('plan p "P" { år 2025\n  indikator i "I" { grön ja\n', 'en');
        expect(d[2]).toBe("Expected '}' here, but found the end of the file.");
    });
    test('an unexpected character, with a hint for the typographic minus where it is no sign', async () => {
        expect(await syntax('roll r "R" ¤')).toEqual([[1, '¤', "Oväntat tecken '¤' (U+00A4)."]]);
        // Word's minus sign is read as a sign before a number…
        expect(await syntax('plan p "P" { år 2025\n  indikator i "I" { skala \u221210..10 }\n}', 'en')).toEqual([]);
        // …and a sign without its number says what is missing.
        const minus = await syntax('plan p "P" { år 2025\n  indikator i "I" { utfall 2025: \u2212 }\n}', 'en');
        expect(minus[0]?.[2]).toBe("Expected a number here, but found '}'.");
    });
    test('a quote that is not closed', async () => {
        const errors = await syntax('plan p "P" {\n  år 2025\n  avsnitt "A" """\n    Text utan slut\n}\n');
        expect(errors.find(e => e[2].startsWith('Oväntat'))).toEqual(
            [3, '"', `Oväntat tecken '"' (U+0022): ett citattecken som inte stängs (en titel slutar på samma rad, text inom """ slutar med """).`]);
    });
    test('a message of another form is kept as it is', () => {
        expect(localizeSyntaxMessage('Something else.', 'sv')).toBe('Something else.');
    });
});
