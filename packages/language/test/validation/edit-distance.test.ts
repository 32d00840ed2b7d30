import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { closestName, editDistance } from '../../src/index.js';

describe('edit distance', () => {
    test.each([
        ['chef', 'chef', 0], ['chfe', 'chef', 1], ['chef', 'chefer', 2], ['kitten', 'sitting', 3],
        ['enhetschefHemtjänst', 'enhetschefHemtjanst', 0], ['Valfard', 'valfärd', 0], ['', 'abc', 3]
    ])('%s ↔ %s = %d', (a, b, d) => {
        expect(editDistance(a, b)).toBe(d);
    });
    test('symmetric, zero for equal names, between the difference in length and the longer length', () => {
        const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'å', 'ä'), maxLength: 8 });
        fc.assert(fc.property(word, word, word, (a, b, c) => {
            expect(editDistance(a, b)).toBe(editDistance(b, a));
            const d = editDistance(a, c);
            expect(d).toBeGreaterThanOrEqual(Math.abs(a.length - c.length));
            expect(d).toBeLessThanOrEqual(Math.max(a.length, c.length));
            expect(editDistance(a, a)).toBe(0);
            // A single substituted letter costs one.
            if (b.length > 0) expect(editDistance(b, 'z' + b.slice(1))).toBeLessThanOrEqual(1);
        }));
    });
    test('the limit cuts the work short without changing small answers', () => {
        expect(editDistance('abcdefgh', 'zzzzzzzz', 2)).toBe(3);
        expect(editDistance('chfe', 'chef', 2)).toBe(1);
    });
});

describe('closest name', () => {
    test('the closest candidate within a third of the letters', () => {
        expect(closestName('enhetschef', ['enhetschefer', 'enhetschefHemtjanst', 'strateg'])).toBe('enhetschefer');
        expect(closestName('stratge', ['strateg', 'strategOmsorg'])).toBe('strateg');
        expect(closestName('xyz', ['strateg', 'chef'])).toBeUndefined();
        expect(closestName('chef', ['chef'])).toBeUndefined();
    });
});
