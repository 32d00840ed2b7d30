import { describe, expect, test } from 'vitest';
import { EmptyFileSystem } from 'langium';
import { parseHelper } from 'langium/test';
import { createVplanCoreServices, isDecision, isPlan, type Decision, type Document } from '../src/index.js';

const parse = parseHelper<Document>(createVplanCoreServices(EmptyFileSystem).Vplan);

async function decisionOf(text: string): Promise<Decision | undefined> {
    const doc = await parse(text);
    expect([...doc.parseResult.lexerErrors, ...doc.parseResult.parserErrors].map(e => e.message)).toEqual([]);
    return doc.parseResult.value.elements.find(isPlan)?.members.find(isDecision);
}

describe('decision details: who adopted the plan, when, and its reference', () => {
    test('Swedish, as a cover states it, with an unquoted diary number', async () => {
        const d = await decisionOf('plan p "P" { beslutad av kommunstyrelsen 2025-12-10 § 123, dnr KS 2025/456\n år 2026 }');
        expect([d?.body, d?.date, d?.paragraph, d?.reference]).toEqual(['kommunstyrelsen', '2025-12-10', '123', 'KS 2025/456']);
    });
    test('English, with a body of several words and a quoted reference', async () => {
        const d = await decisionOf('plan p "P" { adopted by "Municipal Executive Board" 2025-12-10 § 12, ref "KS 2025/456" year 2026 }');
        expect([d?.body, d?.date, d?.paragraph, d?.reference]).toEqual(['Municipal Executive Board', '2025-12-10', '12', 'KS 2025/456']);
    });
    test('only the body is required; a bare diary number needs no letters', async () => {
        expect((await decisionOf('plan p "P" { beslutad av socialnämnden }'))?.body).toBe('socialnämnden');
        const d = await decisionOf('plan p "P" { beslutad av socialnämnden dnr 2025/12 }');
        expect([d?.date, d?.reference]).toEqual([undefined, '2025/12']);
    });
    test('the diary number does not take ids or numbers elsewhere', async () => {
        const doc = await parse('plan p "P" { indikator a "A" { serie htj "H"\n grön htj 2025 eller högre\n utfall 2025 htj: 2026 } }');
        expect([...doc.parseResult.lexerErrors, ...doc.parseResult.parserErrors]).toEqual([]);
    });
});
