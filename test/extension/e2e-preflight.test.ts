// The end-to-end run must fail, saying what to install, on a machine without Chromium or libkrb5-dev;
// it never passes without having run.
import { describe, expect, test } from 'vitest';
import { preflight } from '../e2e/code-server.js';

describe('e2e preflight', () => {
    test('names chromium and the apt-get command when Chromium is missing', () => {
        expect(() => preflight({ chromium: '/nonexistent/chromium', hasKrb5Dev: () => true }))
            .toThrow(/missing chromium[\s\S]*sudo apt-get install -y chromium libkrb5-dev/);
    });

    test('names libkrb5-dev when its headers are missing', () => {
        expect(() => preflight({ chromium: process.execPath, hasKrb5Dev: () => false }))
            .toThrow(/missing libkrb5-dev[\s\S]*apt-get install/);
    });

    test('passes when both are there', () => {
        expect(() => preflight({ chromium: process.execPath, hasKrb5Dev: () => true })).not.toThrow();
    });
});
