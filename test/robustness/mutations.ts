// What a user can do to a plan by typing, pasting or opening the wrong file, as fast-check
// arbitraries: edits of the examples' lines and characters, truncation, hostile Unicode, very long
// lines and deep nesting. Each mutation is a plain function of the text, so a failing case shrinks
// to the few edits that matter.
import fc from 'fast-check';

export type Mutation = (text: string) => string;

/** Characters that have broken parsers and editors before. */
export const NASTY_CHARS = [
    '\u0000', '\r', '\r\n', '\n', '\t', '\v', '\f', '\u0085', '\u2028', '\u2029', '\uFEFF', '\u00A0', '\u200B',
    '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F',
    '\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\uD83D\uDE00', '\uFFFD', '\uFFFF', '\u0301', 'å', 'Ö', '–', '—', '≥', '≤',
    '"', '"""', '\\', '{', '}', '(', ')', ':', ',', '-', '..', '.', '%', '/', '//', '/*', '*/', '<', '>', '&', '#', '`', '$'
];

/** Words of the language and pieces of its syntax, so that random text is often almost a plan. */
export const TOKENS = [
    'plan', 'enhet', 'unit', 'indikator', 'indicator', 'mål', 'goal', 'avsnitt', 'section', 'text', 'roll', 'role',
    'källa', 'source', 'grön', 'gul', 'röd', 'green', 'yellow', 'red', 'utfall', 'outcome', 'nuläge', 'baseline',
    'serie', 'series', 'skala', 'scale', 'max', 'riktning', 'högre', 'lägre', 'ja', 'nej', 'iu', 'väntas', 'v', 'vecka',
    'bidrar', 'till', 'contributes', 'to', 'ansvarig', 'rapporterar', 'aktivitet', 'activity', 'status', 'klar',
    'ej', 'påbörjad', 'senast', 'deadline', 'uppföljning', 'follow-up', 'budget', 'belopp', 'tkr', 'uppdrag', 'mission',
    'kontrollområde', 'organisation', 'år', 'year', 'jämfört', 'med', 'bästa', 'eller', 'fler', 'öka', 'minska',
    'fotnot', 'återger', 'mäts', 'årligen', 'kpi', 'publiceras', 'helår', 'T1', 'T2', '2025', '2025-T1', '2026-03-31',
    '82', '7,06', '1 330', '-5', '>=', '≥', '<', '–', '74–81', '..', '%', '{', '}', ':', ',', '"Titel"', '"åäö"',
    '"""\n  *prosa*\n  """', 'norsjo', 'valfard', 'kolada', 'htj', 'x', '\n', ' ', '  '
];

const anyCodeUnit = fc.integer({ min: 0, max: 0xffff }).map(c => String.fromCharCode(c));
const anyCodePoint = fc.integer({ min: 0, max: 0x10ffff }).map(c => String.fromCodePoint(c));

/** Random text: hostile characters, any UTF-16 code unit (lone surrogates too), any code point. */
export const nastyString: fc.Arbitrary<string> = fc
    .array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...NASTY_CHARS) }, anyCodeUnit, anyCodePoint, fc.constantFrom(...TOKENS)), { maxLength: 12 })
    .map(parts => parts.join(''));

/** A fraction in [0, 1): where in the text a mutation applies, whatever the text's length. */
const at = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });

function index(fraction: number, length: number): number {
    return Math.floor(fraction * length);
}

function onLines(fn: (lines: string[]) => void): (text: string) => string {
    return text => {
        const lines = text.split('\n');
        fn(lines);
        return lines.join('\n');
    };
}

const long = fc.integer({ min: 1000, max: 12000 });

/** One edit of a text. */
export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    at.map(f => onLines(lines => { lines.splice(index(f, lines.length), 1); })),
    at.map(f => onLines(lines => { const i = index(f, lines.length); lines.splice(i, 0, lines[i]); })),
    fc.tuple(at, at).map(([a, b]) => onLines(lines => {
        const i = index(a, lines.length), j = index(b, lines.length);
        [lines[i], lines[j]] = [lines[j], lines[i]];
    })),
    fc.tuple(at, fc.integer({ min: 1, max: 40 })).map(([f, n]) => (t: string) => { const i = index(f, t.length); return t.slice(0, i) + t.slice(i + n); }),
    fc.tuple(at, fc.integer({ min: 1, max: 40 })).map(([f, n]) => (t: string) => { const i = index(f, t.length); return t.slice(0, i + n) + t.slice(i); }),
    fc.tuple(at, at).map(([a, b]) => (t: string) => {
        const i = index(a, t.length), j = index(b, t.length);
        if (i === j) return t;
        const [x, y] = i < j ? [i, j] : [j, i];
        return t.slice(0, x) + t[y] + t.slice(x + 1, y) + t[x] + t.slice(y + 1);
    }),
    at.map(f => (t: string) => t.slice(0, index(f, t.length))),
    fc.tuple(at, nastyString).map(([f, s]) => (t: string) => { const i = index(f, t.length); return t.slice(0, i) + s + t.slice(i); }),
    fc.tuple(at, fc.array(fc.constantFrom(...TOKENS), { minLength: 1, maxLength: 8 }))
        .map(([f, words]) => (t: string) => { const i = index(f, t.length); return t.slice(0, i) + ' ' + words.join(' ') + ' ' + t.slice(i); }),
    fc.constant((t: string) => t.replace(/\r?\n/g, '\r')),
    fc.constant((t: string) => t.replace(/\n/g, '\r\n')),
    fc.tuple(at, long, fc.constantFrom('x', 'å', '"', '1', ' ', '{', '\u202E', 'a"', '/'))
        .map(([f, n, c]) => (t: string) => { const i = index(f, t.length); return t.slice(0, i) + c.repeat(n) + t.slice(i); }),
    fc.tuple(at, long).map(([f, n]) => (t: string) => {
        const i = index(f, t.length);
        return t.slice(0, i) + '"' + 'lång titel '.repeat(n / 10) + '"' + t.slice(i);
    }),
    fc.tuple(at, fc.integer({ min: 10, max: 800 }), fc.boolean(), fc.constantFrom('avsnitt "A" {', 'section "S" """x""" {', '{', 'mål "M" {', 'enhet u "U" {'))
        .map(([f, depth, close, open]) => (t: string) => {
            const i = index(f, t.length);
            return t.slice(0, i) + open.repeat(depth) + (close ? '}'.repeat(depth) : '') + t.slice(i);
        })
);

/** An example after one to four edits. */
export function mutatedExample(examples: readonly string[]): fc.Arbitrary<string> {
    return fc.tuple(fc.constantFrom(...examples), fc.array(mutation, { minLength: 1, maxLength: 4 }))
        .map(([text, edits]) => edits.reduce((t, edit) => edit(t), text));
}

/** Token soup: words of the language in random order, with some hostile text. */
export const tokenSoup: fc.Arbitrary<string> = fc
    .array(fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...TOKENS) }, nastyString), { maxLength: 200 })
    .map(parts => parts.join(' '));

/** Cursor offsets as fractions of the text's length. */
export const cursorFractions = fc.array(at, { minLength: 1, maxLength: 3 });

export function offsetsIn(text: string, fractions: number[]): number[] {
    return fractions.map(f => index(f, text.length + 1));
}
