import type { Lang } from '../i18n/lang.js';

/**
 * Parse and lex errors in the user's language, on one line. Chevrotain writes them in English and,
 * where several tokens could come next, lists every token sequence (72 lines after a bare `grön`).
 * These read the few forms Chevrotain writes and say what was expected and what was found; a
 * message of any other form is kept as it is.
 */

type Both = { sv: string; en: string };

const TERMINAL: Record<string, Both> = {
    ID: { sv: 'ett id', en: 'an id' },
    NUMBER: { sv: 'ett tal', en: 'a number' },
    STRING: { sv: 'en titel inom citattecken', en: 'a title in quotes' },
    MARKDOWN: { sv: 'text inom """', en: 'text in """' },
    DATE: { sv: 'ett datum (2025-10-31)', en: 'a date (2025-10-31)' },
    PERIOD: { sv: 'en period (2025-T1)', en: 'a period (2025-T1)' },
    EOF: { sv: 'filens slut', en: 'the end of the file' }
};

/** Keywords that are also valid ids (docs/language.md, Lexical elements): listed once, as "an id". */
const KEYWORD_IDS = new Set(['kolada', 'kpi', 'url', 'max', 'text', 'status', 'plan', 'budget', 'control', 'mission']);

/** Alternatives shown before the list is cut off. */
const MAX_SHOWN = 8;

function expected(token: string, lang: Lang): string {
    const t = token.trim();
    return TERMINAL[t]?.[lang] ?? `'${t}'`;
}

function found(text: string, lang: Lang): string {
    return text === '' ? TERMINAL.EOF[lang] : `'${text}'`;
}

function orList(items: string[], lang: Lang): string {
    const shown = items.slice(0, MAX_SHOWN);
    const more = items.length > MAX_SHOWN;
    if (shown.length === 1) return shown[0];
    const or = lang === 'sv' ? 'eller' : 'or';
    if (more) return `${shown.join(', ')} ${or} ${lang === 'sv' ? 'annat' : 'other'} (${items.length} ${lang === 'sv' ? 'möjligheter' : 'options'})`;
    return `${shown.slice(0, -1).join(', ')} ${or} ${shown[shown.length - 1]}`;
}

/** A keyword where an id was expected: the usual cause of "expected an id". */
function keywordHint(foundText: string, ids: boolean, lang: Lang): string {
    if (!ids || !/^[\p{L}_][\p{L}\d_-]*$/u.test(foundText)) return '';
    return lang === 'sv'
        ? ` ('${foundText}' är ett nyckelord, inte ett id.)`
        : ` ('${foundText}' is a keyword, not an id.)`;
}

/** The first token of every sequence Chevrotain lists, deduplicated, in the order listed. */
function firstTokens(list: string): string[] {
    const firsts: string[] = [];
    for (const m of list.matchAll(/\[([^\]]*)\]/g)) {
        let first = m[1].split(', ')[0].trim();
        if (first === '-') first = 'NUMBER'; // a minus sign starts a (negative) number
        if (first && !firsts.includes(first)) firsts.push(first);
    }
    const ids = firsts.includes('ID');
    const kept = firsts.filter(t => !(ids && KEYWORD_IDS.has(t)));
    // Ids, numbers and titles first: they say most about what belongs here.
    const rank = (t: string) => (TERMINAL[t] ? 0 : 1);
    return kept.sort((a, b) => rank(a) - rank(b));
}

export function localizeSyntaxMessage(message: string, lang: Lang): string {
    let m = /^Expecting token of type '(.*)' but found `([\s\S]*)`\.$/.exec(message);
    if (m) {
        const [, want, got] = m;
        if (want === 'EOF') return endOfFile(got, lang);
        return lang === 'sv'
            ? `Här väntades ${expected(want, lang)}, men här står ${found(got, lang)}.${keywordHint(got, want === 'ID', lang)}`
            : `Expected ${expected(want, lang)} here, but found ${found(got, lang)}.${keywordHint(got, want === 'ID', lang)}`;
    }
    m = /^Expecting end of file but found `([\s\S]*)`\.$/.exec(message);
    if (m) return endOfFile(m[1], lang);
    m = /^Expecting: (?:one of these possible Token sequences:|expecting at least one iteration which starts with one of these possible Token sequences::)([\s\S]*)\nbut found: '([\s\S]*)'$/.exec(message);
    if (m) {
        const [, list, got] = m;
        const firsts = firstTokens(list);
        if (firsts.length > 0) {
            const what = orList(firsts.map(t => expected(t, lang)), lang);
            return lang === 'sv'
                ? `Här väntades ${what}, men här står ${found(got, lang)}.${keywordHint(got, firsts.includes('ID'), lang)}`
                : `Expected ${what} here, but found ${found(got, lang)}.${keywordHint(got, firsts.includes('ID'), lang)}`;
        }
    }
    m = /^unexpected character: ->([\s\S])<- at offset: \d+, skipped (\d+) characters?\.$/.exec(message);
    if (m) return unexpectedCharacter(m[1], lang);
    return message;
}

function endOfFile(got: string, lang: Lang): string {
    if (got === '}') {
        return lang === 'sv'
            ? `En '}' för mycket: den stänger inget block.`
            : `One '}' too many: it closes no block.`;
    }
    return lang === 'sv'
        ? `${found(got, lang)} kan inte stå här: utanför en plan får en fil bara ha organisation, mål, roll, källa, jämförelsegrupp, plan och uppföljning.`
        : `${found(got, lang)} cannot stand here: outside a plan a file holds only organization, goal, role, source, group, plan and follow-up.`;
}

const CHARACTER_HINT: Record<string, Both> = {
    '"': {
        sv: 'ett citattecken som inte stängs (en titel slutar på samma rad, text inom """ slutar med """)',
        en: 'a quote that is not closed (a title ends on the same line, text in """ ends with """)'
    },
    '\u2212': { sv: 'skriv minustecknet som -', en: 'write the minus sign as -' },
    '\u2012': { sv: 'skriv minustecknet som -', en: 'write the minus sign as -' },
    '\u202F': { sv: 'skriv tusentalsavgränsaren som ett mellanslag', en: 'write the thousands separator as a space' },
    '\u2009': { sv: 'skriv tusentalsavgränsaren som ett mellanslag', en: 'write the thousands separator as a space' },
    '\u201D': { sv: 'en titel står inom raka citattecken "…"', en: 'a title stands in straight quotes "…"' },
    '\u201C': { sv: 'en titel står inom raka citattecken "…"', en: 'a title stands in straight quotes "…"' },
    '\u00BB': { sv: 'en titel står inom raka citattecken "…"', en: 'a title stands in straight quotes "…"' }
};

function unexpectedCharacter(ch: string, lang: Lang): string {
    const code = `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    const hint = CHARACTER_HINT[ch]?.[lang];
    const shown = /\s/.test(ch) ? code : `'${ch}' (${code})`;
    return lang === 'sv'
        ? `Oväntat tecken ${shown}${hint ? `: ${hint}` : ''}.`
        : `Unexpected character ${shown}${hint ? `: ${hint}` : ''}.`;
}
