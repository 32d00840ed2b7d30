import { describe, expect, test } from 'vitest';
import { comparePeriods, formatNumber, parseNumber, parsePeriod } from '../../src/index.js';

describe('numbers as written', () => {
    test.each([
        ['7,06', 7.06, 2], ['7.06', 7.06, 2], ['1 330', 1330, 0], ['1\u00A0330,5', 1330.5, 1], ['-5', -5, 0],
        ['−5', -5, 0], ['0', 0, 0], ['82', 82, 0], ['14,0', 14, 1], ['-0', 0, 0]
    ])('%s → %d with %d decimals', (text, value, decimals) => {
        expect(parseNumber(text)).toEqual({ value, decimals });
    });
    test.each(['', 'abc', '7,', ',5', '1,2,3', '7 ,06'])('%j is not a number', text => {
        expect(parseNumber(text)).toBeUndefined();
    });
    test('formatted per language', () => {
        expect(formatNumber(7.06, 2, 'sv')).toBe('7,06');
        expect(formatNumber(7.06, 2, 'en')).toBe('7.06');
        expect(formatNumber(7, 1, 'sv')).toBe('7,0');
        expect(formatNumber(1330, 0, 'sv')).toBe('1\u00A0330');
        expect(formatNumber(1330, 0, 'en')).toBe('1330');
        expect(formatNumber(-0.5, 1, 'sv')).toBe('-0,5');
        expect(formatNumber(-0.001, 1, 'en')).toBe('0.0');
    });
});

describe('periods', () => {
    test('read and ordered in time, a year after its parts', () => {
        expect(parsePeriod('2025-T2')).toMatchObject({ year: 2025, kind: 'tertial', index: 2, endMonth: 8 });
        expect(parsePeriod('2025-13')).toBeUndefined();
        expect(parsePeriod('2025-T4')).toBeUndefined();
        const sorted = ['2025', '2025-T1', '2024', '2025-03', '2025-T3', '2025-Q2'].sort(comparePeriods);
        expect(sorted).toEqual(['2024', '2025-03', '2025-T1', '2025-Q2', '2025-T3', '2025']);
    });
});
