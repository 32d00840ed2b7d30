import { describe, expect, test } from 'vitest';
import * as path from 'node:path';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { buildReport } from './report.js';

const root = path.resolve(__dirname, '../../../..');
const target = path.join(root, 'docs/validation-report.md');

describe('docs/validation-report.md', () => {
    test('matches a fresh run of the validator on examples/norsjo', async () => {
        const report = await buildReport(root);
        if (process.env.UPDATE_REPORT) writeFileSync(target, report + '\n');
        expect(existsSync(target)).toBe(true);
        expect(readFileSync(target, 'utf8'), 'docs/validation-report.md is stale: regenerate it with UPDATE_REPORT=1 npx vitest run packages/language/test/validation/report.test.ts').toBe(report + '\n');
    });
});

describe('docs/diagnostics.md', () => {
    test('documents every code with its severity', async () => {
        const { DIAGNOSTICS } = await import('../../src/index.js');
        const doc = readFileSync(path.join(root, 'docs/diagnostics.md'), 'utf8');
        for (const [code, severity] of Object.entries(DIAGNOSTICS)) {
            expect(doc, code).toContain(`### ${code}\n`);
            expect(doc, code).toContain(`| [\`${code}\`](#${code}) | ${severity} |`);
        }
    });
});
