import type { Diagnostic } from 'vscode-languageserver-types';
import type { Lang } from '../i18n/lang.js';
import type { SuggestedFix } from './codes.js';

/**
 * Bands written almost as the language reads them ("80 och högre", "mellan 70 och 79", "=> 80"):
 * the syntax error on such a line says what to write instead, with the edit as a quick fix.
 */

interface NearMiss {
    message: string;
    fix: SuggestedFix;
}

// Non-ASCII letters are written as \u escapes, which RegExp reads as the letters: the CLI's bundle
// stays ASCII (see esbuild.mjs).
const COLOR = String.raw`(?:gr\u00f6n|gul|r\u00f6d|green|yellow|red)`;
const NUM = String.raw`[-\u2212]?\d[\d\u00A0 ]*(?:[.,]\d+)?(?:\s*%)?`;

type Rule = (line: string) => { from: number; to: number; newText: string; what: 'bound' | 'range' } | undefined;

const RULES: Rule[] = [
    // "80 och högre" → "80 eller högre"
    (line) => {
        const m = new RegExp(String.raw`^(\s*${COLOR}\s+(?:\p{L}+\s+)?)(${NUM})\s+(och|and)\s+(h\u00f6gre|mer|fler|\u00f6ver|l\u00e4gre|mindre|f\u00e4rre|under|higher|more|above|lower|less|fewer|below)\b`, 'iu').exec(line);
        if (!m) return undefined;
        const or = m[3].toLowerCase() === 'och' ? 'eller' : 'or';
        const start = m[1].length;
        return { from: start, to: start + m[0].length - m[1].length, newText: `${m[2].trim()} ${or} ${m[4]}`, what: 'bound' };
    },
    // "mellan 70 och 79", "från 70 till 79", "between 70 and 79", "from 70 to 79" → "70–79"
    (line) => {
        const m = new RegExp(String.raw`^(\s*${COLOR}\s+(?:\p{L}+\s+)?)(?:mellan|fr\u00e5n|between|from)\s+(${NUM})\s+(?:och|till|and|to)\s+(${NUM})`, 'iu').exec(line);
        if (!m) return undefined;
        const start = m[1].length;
        return { from: start, to: m[0].length, newText: `${m[2].trim()}–${m[3].trim()}`, what: 'range' };
    },
    // "=> 80", "=< 80" → ">= 80", "<= 80"
    (line) => {
        const m = new RegExp(String.raw`^(\s*${COLOR}\s+(?:\p{L}+\s+)?)(=>|=<)\s*(${NUM})`, 'iu').exec(line);
        if (!m) return undefined;
        const start = m[1].length;
        return { from: start, to: m[0].length, newText: `${m[2] === '=>' ? '>=' : '<='} ${m[3].trim()}`, what: 'bound' };
    }
];

export function nearMiss(line: string, lineNumber: number, lang: Lang): NearMiss | undefined {
    for (const rule of RULES) {
        const hit = rule(line);
        if (!hit) continue;
        const text = hit.newText;
        const range = { start: { line: lineNumber, character: hit.from }, end: { line: lineNumber, character: hit.to } };
        const message = hit.what === 'range'
            ? { sv: `Skriv intervallet som ${text}.`, en: `Write the range as ${text}.` }
            : { sv: `Skriv gränsen som ${text}.`, en: `Write the bound as ${text}.` };
        return { message: message[lang], fix: { title: { sv: `Skriv ${text}`, en: `Write ${text}` }, range, newText: text } };
    }
    return undefined;
}

/** The first syntax error (or unknown name) on a near-miss line names the accepted form; the rest on that line go. */
export function explainNearMisses(lines: (line: number) => string, diagnostics: Diagnostic[], isSyntax: (d: Diagnostic) => boolean, lang: Lang): Diagnostic[] {
    const explained = new Set<number>();
    const out: Diagnostic[] = [];
    for (const d of diagnostics) {
        // "gul från 70 till 79" parses, with "från" read as the name of a series.
        const unresolved = (d.data as { code?: string } | undefined)?.code === 'unresolved-reference';
        if (!isSyntax(d) && !unresolved) {
            out.push(d);
            continue;
        }
        const line = d.range.start.line;
        if (explained.has(line)) continue;
        const hit = nearMiss(lines(line), line, lang);
        if (hit) {
            explained.add(line);
            out.push({ ...d, message: hit.message, data: { ...(d.data as object), fix: hit.fix } });
        } else {
            out.push(d);
        }
    }
    return out;
}
