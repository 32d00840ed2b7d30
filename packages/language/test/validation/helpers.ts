import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { clearDocuments } from 'langium/test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { createVplanCoreServices, type Lang } from '../../src/index.js';

export const services = createVplanCoreServices(EmptyFileSystem);

/** The catalogue most test plans use: roles, a goal, a source. */
export const CATALOGUE = `
mål valfard "Välfärd och välmående genom livet"
roll chef "Verksamhetschef"
roll strateg "Strateg"
källa kolada "Kolada"
`;

export interface Validated {
    documents: LangiumDocument[];
    /** Diagnostics of the first (or only) file. */
    diagnostics: Diagnostic[];
    /** The text a diagnostic's range covers, in the document it belongs to. */
    text(d: Diagnostic, file?: number): string;
    codes(file?: number): string[];
    byCode(code: string, file?: number): Diagnostic[];
}

/**
 * Validates one or more files together in a fresh workspace (documents of earlier calls are
 * removed, so ids do not clash across tests), in the given language.
 */
export async function validate(files: string | string[], lang: Lang | 'auto' = 'en'): Promise<Validated> {
    await clearDocuments(services.shared);
    services.Vplan.i18n.Locale.preference = lang;
    const texts = Array.isArray(files) ? files : [files];
    const factory = services.shared.workspace.LangiumDocumentFactory;
    const documents = texts.map((text, i) => {
        const doc = factory.fromString(text, URI.parse(`file:///test/file${i}.vplan`));
        services.shared.workspace.LangiumDocuments.addDocument(doc);
        return doc;
    });
    await services.shared.workspace.DocumentBuilder.build(documents, { validation: true });
    const diags = (file = 0) => documents[file].diagnostics ?? [];
    return {
        documents,
        diagnostics: diags(0),
        text: (d, file = 0) => documents[file].textDocument.getText(d.range),
        codes: (file = 0) => diags(file).map(d => String(d.code ?? (d.data as { code?: string })?.code)),
        byCode: (code, file = 0) => diags(file).filter(d => d.code === code)
    };
}

/** An indicator inside a minimal plan of 2025 with tertials. */
export function plan(indicatorBody: string, extra = ''): string {
    return `${CATALOGUE}
plan p "Plan" {
  år 2025
  uppföljning T1, T2, helår
  indikator i "Indikatorn" {
${indicatorBody}
  }
${extra}
}
`;
}
