import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { isReference, type AstNode, type LangiumDocument } from 'langium';
import { expectFormatting, parseHelper } from 'langium/test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createServices, type Services } from './fixtures.js';

const EXAMPLES = join(__dirname, '../../../../examples');

/** The model without positions or CST: what the plan means, to compare before and after formatting. */
function model(node: unknown): unknown {
    if (Array.isArray(node)) return node.map(model);
    if (isReference(node)) return { ref: node.$refText };
    if (node && typeof node === 'object') {
        const out: Record<string, unknown> = {};
        for (const [key, value] of Object.entries(node as AstNode)) {
            if (key.startsWith('$') && key !== '$type') continue;
            out[key] = model(value);
        }
        return out;
    }
    return node;
}

describe('formatter', () => {
    let s: Services;
    let parse: ReturnType<typeof parseHelper>;
    beforeAll(async () => {
        s = await createServices();
        parse = parseHelper(s.Vplan);
    });

    async function format(text: string): Promise<{ text: string; before: LangiumDocument; after: LangiumDocument }> {
        const before = await parse(text);
        const edits = await s.Vplan.lsp.Formatter!.formatDocument(before, {
            textDocument: { uri: before.uri.toString() }, options: { tabSize: 4, insertSpaces: false }
        });
        const formatted = TextDocument.applyEdits(before.textDocument as unknown as TextDocument, edits);
        return { text: formatted, before, after: await parse(formatted) };
    }

    test('one member per line, two spaces per block, braces on the header line (Swedish)', async () => {
        await expectFormatting(s.Vplan)({
            before: `plan p "P"\n{ år 2026\nuppföljning T1, T2\n      enhet u "U" { indikator i "I" { serie htj "H" serie sabo "S"\n   grön >= 82   gul 74–81\n   utfall 2025: 1 330 } }\n}`,
            after: `plan p "P" {\n  år 2026\n  uppföljning T1, T2\n  enhet u "U" {\n    indikator i "I" {\n      serie htj "H"\n      serie sabo "S"\n      grön >= 82\n      gul 74–81\n      utfall 2025: 1 330\n    }\n  }\n}`
        });
    });

    test('keeps keywords written with a capital first letter as written', async () => {
        await expectFormatting(s.Vplan)({
            before: `Plan p "P" { År 2026\nIndikator i "I" { Grön minst 80  Gul 70 till 79\n Röd under 70 Utfall 2024: IU Mäts varje månad } }`,
            after: `Plan p "P" {\n  År 2026\n  Indikator i "I" {\n    Grön minst 80\n    Gul 70 till 79\n    Röd under 70\n    Utfall 2024: IU\n    Mäts varje månad\n  }\n}`
        });
    });

    test('the same in English keywords, which it keeps', async () => {
        await expectFormatting(s.Vplan)({
            before: `organization o "O" { kolada 2417 department d "D" }\nplan p "P" { budget "R" { amount 150 tkr activity "T" { deadline 2026-10-31 status not started } responsible r reports r } }`,
            after: `organization o "O" {\n  kolada 2417\n  department d "D"\n}\nplan p "P" {\n  budget "R" {\n    amount 150 tkr\n    activity "T" {\n      deadline 2026-10-31\n      status not started\n    }\n    responsible r\n    reports r\n  }\n}`
        });
    });

    test('keeps comments, at most one blank line, and Markdown prose exactly', async () => {
        const prose = `"""\n    Syftet med *planen*:\n\n      - indraget   med  mellanslag\n  """`;
        await expectFormatting(s.Vplan)({
            before: `// huvud\nmål a "A"   // efter\n\n\n\nplan p "P" {\navsnitt "Inledning" ${prose} {\n/* block\n   kommentar */\n      text ${prose}\n}\n}`,
            after: `// huvud\nmål a "A"   // efter\n\nplan p "P" {\n  avsnitt "Inledning" ${prose} {\n    /* block\n       kommentar */\n    text ${prose}\n  }\n}`
        });
    });

    test('range formatting touches only the range', async () => {
        await expectFormatting(s.Vplan)({
            before: `plan p "P" {\når 2026\n  enhet u "U" {\n       mål "G"\n  }\n}`,
            range: { start: { line: 3, character: 0 }, end: { line: 3, character: 15 } },
            after: `plan p "P" {\når 2026\n  enhet u "U" {\n    mål "G"\n  }\n}`
        });
    });

    test('leaves a plan with syntax errors alone', async () => {
        const doc = await parse(`plan p "P" {   år\n  enhet u "U" {`);
        expect(await s.Vplan.lsp.Formatter!.formatDocument(doc, { textDocument: { uri: doc.uri.toString() }, options: { tabSize: 2, insertSpaces: true } })).toEqual([]);
    });

    const examples = readdirSync(EXAMPLES, { recursive: true, encoding: 'utf8' }).filter(f => f.endsWith('.vplan')).sort();
    test('the examples exist', () => {
        expect(examples.length).toBeGreaterThanOrEqual(3);
    });
    test.each(examples)('%s: formatting twice changes nothing and the model stays the same', async file => {
        const original = readFileSync(join(EXAMPLES, file), 'utf8');
        const once = await format(original);
        expect(once.before.parseResult.parserErrors).toEqual([]);
        expect(once.after.parseResult.parserErrors).toEqual([]);
        expect(model(once.after.parseResult.value)).toEqual(model(once.before.parseResult.value));
        const twice = await format(once.text);
        expect(twice.text).toBe(once.text);
        // Only whitespace changed: the same tokens in the same order.
        expect(once.text.replace(/\s+/g, '')).toBe(original.replace(/\s+/g, ''));
    });
});
