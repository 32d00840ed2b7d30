// The CLI's view of a diagnostic: what every output format needs, independent of Langium's types.
import * as path from 'node:path';
import { URI, type LangiumDocument } from 'langium';

export type Severity = 'error' | 'warning' | 'info' | 'hint';

export interface Position {
    /** 0-based line. */
    line: number;
    /** 0-based UTF-16 column. */
    character: number;
}

export interface RelatedLocation {
    /** Relative to the working directory, with forward slashes (as FileReport.path). */
    path: string;
    range: { start: Position; end: Position };
    message: string;
}

export interface CliDiagnostic {
    code: string;
    severity: Severity;
    message: string;
    range: { start: Position; end: Position };
    /** The other places the finding is about: the other declaration, the restated indicator… */
    related?: RelatedLocation[];
}

export interface FileReport {
    /** Relative to the working directory, with forward slashes. */
    path: string;
    /** The text as checked, for code frames. */
    text: string;
    diagnostics: CliDiagnostic[];
}

const SEVERITIES: Severity[] = ['error', 'warning', 'info', 'hint'];

/** LSP severities are 1 (error) to 4 (hint); Langium leaves none unset, but the default is error. */
export function severityName(severity: number | undefined): Severity {
    return SEVERITIES[(severity ?? 1) - 1] ?? 'error';
}

/** The stable code of a diagnostic: its `code`, or Langium's `data.code` (lexing/parsing/linking errors). */
export function diagnosticCode(diagnostic: { code?: unknown; data?: unknown }): string {
    if (typeof diagnostic.code === 'string' || typeof diagnostic.code === 'number') return String(diagnostic.code);
    const data = diagnostic.data as { code?: unknown } | undefined;
    if (data && (typeof data.code === 'string' || typeof data.code === 'number')) return String(data.code);
    return 'vplan';
}

export function displayPath(absolute: string, cwd = process.cwd()): string {
    const relative = path.relative(cwd, absolute);
    const shown = relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : absolute;
    return shown.split(path.sep).join('/');
}

export function fileReport(document: LangiumDocument, cwd = process.cwd()): FileReport {
    const diagnostics = (document.diagnostics ?? []).map(d => ({
        code: diagnosticCode(d),
        severity: severityName(d.severity),
        // LSP 3.18 allows Markdown messages; the CLI prints their text.
        message: typeof d.message === 'string' ? d.message : d.message.value,
        range: {
            start: { line: d.range.start.line, character: d.range.start.character },
            end: { line: d.range.end.line, character: d.range.end.character }
        },
        ...(d.relatedInformation?.length ? { related: d.relatedInformation.map(r => relatedLocation(r, cwd)) } : {})
    }));
    diagnostics.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    return { path: displayPath(document.uri.fsPath, cwd), text: document.textDocument.getText(), diagnostics };
}

function relatedLocation(r: { location: { uri: string; range: CliDiagnostic['range'] }; message: string }, cwd: string): RelatedLocation {
    const uri = URI.parse(r.location.uri);
    const { start, end } = r.location.range;
    return {
        path: uri.scheme === 'file' ? displayPath(uri.fsPath, cwd) : r.location.uri,
        range: { start: { line: start.line, character: start.character }, end: { line: end.line, character: end.character } },
        message: r.message
    };
}

/** "kommun.vplan:12:5", 1-based as editors and terminals show it. */
export function relatedWhere(r: RelatedLocation): string {
    return `${r.path}:${r.range.start.line + 1}:${r.range.start.character + 1}`;
}

export interface Totals {
    error: number;
    warning: number;
    info: number;
    hint: number;
}

export function totals(files: readonly FileReport[]): Totals {
    const t: Totals = { error: 0, warning: 0, info: 0, hint: 0 };
    for (const file of files) for (const d of file.diagnostics) t[d.severity]++;
    return t;
}
