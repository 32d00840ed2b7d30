import { describe, expect, test } from 'vitest';
import { AstUtils, EmptyFileSystem, GrammarAST } from 'langium';
import { parseHelper } from 'langium/test';
import { createVplanServices } from '../../src/index.js';
import { documentKeywordLanguage, keywordLanguage, kw } from '../../src/lsp/keyword-language.js';

const services = createVplanServices(EmptyFileSystem).Vplan;
/** Words both keyword sets use. */
const NEUTRAL = new Set(['plan', 'text', 'status', 'kpi', 'url', 'kolada', 'organisation', 'tkr', 'kr', 'mkr', 'tertial']);

describe('keyword language', () => {
    test('every word keyword of the grammar is Swedish, English or explicitly shared', () => {
        const keywords = AstUtils.streamAllContents(services.Grammar).filter(GrammarAST.isKeyword)
            .map(k => k.value).filter(v => /\p{L}/u.test(v)).distinct().toArray();
        const unclassified = keywords.filter(k => keywordLanguage(k) === undefined && !NEUTRAL.has(k));
        expect(unclassified).toEqual([]);
        expect(keywords.filter(k => NEUTRAL.has(k) && keywordLanguage(k) !== undefined)).toEqual([]);
    });

    test('every English keyword written by the server has a Swedish form that is a keyword', () => {
        for (const english of ['indicator', 'activity', 'responsible', 'reports', 'green', 'yellow', 'outcome', 'measured', 'budget', 'control', 'mission', 'unit', 'goal']) {
            expect(keywordLanguage(kw(english, 'sv'))).toBe('sv');
            expect(keywordLanguage(english)).toBe('en');
        }
    });

    test('a document\'s keyword language is the majority of its keyword tokens', async () => {
        const parse = parseHelper(services);
        expect(documentKeywordLanguage(await parse('mål a "A"\nroll b "B"\ngoal c "C"'))).toBe('sv');
        expect(documentKeywordLanguage(await parse('goal a "mål och roll"\nrole b "B"'))).toBe('en');
        expect(documentKeywordLanguage(await parse('plan p "P" { }'))).toBeUndefined();
        expect(documentKeywordLanguage(await parse(''))).toBeUndefined();
    });
});
