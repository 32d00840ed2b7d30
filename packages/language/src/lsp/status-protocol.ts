// The custom request between the VS Code client and the language server that gives the status bar and
// the status summary their figures. Types only (no imports), so the client bundle stays free of Langium.

/** `vplan/statusCounts`: the status of every indicator of one document. */
export const STATUS_COUNTS_REQUEST = 'vplan/statusCounts';

export interface StatusCountsParams {
    /** The document's URI as the client knows it. */
    uri: string;
}

/** The same six statuses as the semantics module's `Status`. */
export type StatusName = 'green' | 'yellow' | 'red' | 'no-data' | 'pending' | 'undefined';

export interface IndicatorStatusEntry {
    /** The indicator's id. */
    name: string;
    /** Its title as written, if any. */
    title?: string;
    status: StatusName;
    /** Why it has that status, in the server's display language. */
    reason: string;
    /** Zero-based line and character where the indicator is declared. */
    line: number;
    character: number;
}

export interface StatusCountsResult {
    uri: string;
    /** The plan's title when the document holds a plan. */
    plan?: string;
    counts: Record<StatusName, number>;
    indicators: IndicatorStatusEntry[];
}
