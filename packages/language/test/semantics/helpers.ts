import { EmptyFileSystem } from 'langium';
import { parseHelper } from 'langium/test';
import { createVplanCoreServices, isIndicator, type Document, type Indicator } from '../../src/index.js';
import { AstUtils } from 'langium';

export const services = createVplanCoreServices(EmptyFileSystem).Vplan;
const parse = parseHelper<Document>(services);
let counter = 0;

/** Parses an indicator body inside a minimal plan and returns the indicator. */
export async function indicator(body: string): Promise<Indicator> {
    const doc = await parse(`roll r "R"\nplan p "P" { år 2025 uppföljning T1, T2\n indikator i "I" {\n${body}\n} }`,
        { documentUri: `file:///sem/${++counter}.vplan` });
    const errors = [...doc.parseResult.lexerErrors, ...doc.parseResult.parserErrors];
    if (errors.length > 0) throw new Error(errors.map(e => e.message).join('\n'));
    const found = AstUtils.streamAllContents(doc.parseResult.value).find(isIndicator);
    if (!found) throw new Error('no indicator');
    return found;
}
