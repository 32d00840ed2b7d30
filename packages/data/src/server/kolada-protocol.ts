// `vplan/koladaPull`: the editor asks the language server what Kolada would change in one open plan.
// The server fetches (asynchronously: no keystroke waits for it) and answers with text edits for the
// version it read; the editor shows them and applies them as one undoable edit. Types only.

export const KOLADA_PULL_REQUEST = 'vplan/koladaPull';

export interface KoladaPullParams {
    uri: string;
    /** The `vplan.kolada.apiUrl` setting; empty for VPLAN_KOLADA_URL or Kolada's own. */
    apiUrl?: string;
}

export interface KoladaPullChange {
    indicator: string;
    kind: 'add' | 'change';
    period: string;
    before?: string;
    after: string;
    /** 0-based line of the change. */
    line: number;
}

export interface KoladaPullEdit {
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
    newText: string;
}

export type KoladaPullResult =
    | {
        ok: true;
        /** The document version the edits apply to. */
        version: number;
        changes: KoladaPullChange[];
        edits: KoladaPullEdit[];
        /** How many indicators were asked of Kolada. */
        asked: number;
        /** Why some indicators or plans were left out, in the server's language. */
        notes: string[];
    }
    | { ok: false; reason: 'unreachable' | 'not-found' | 'syntax'; message: string };
