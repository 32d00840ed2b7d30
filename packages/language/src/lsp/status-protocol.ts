// The custom request between the VS Code client and the language server that gives the status bar and
// the status summary their figures. Imports only the semantics vocabulary (types, words and marks, no
// Langium), so the client bundle stays small and both ends share one definition.
import type { Lang } from '../i18n/lang.js';
import type { Status } from '../semantics/vocabulary.js';

import { typedRequest } from './typed-request.js';

export { onTypedRequest, sendTypedRequest, typedRequest, type TypedRequest } from './typed-request.js';

/** `vplan/statusCounts`: the status of every indicator of one document (null for a document the server does not have). */
export const STATUS_COUNTS = typedRequest<StatusCountsParams, StatusCountsResult | null>('vplan/statusCounts');
export const STATUS_COUNTS_REQUEST = STATUS_COUNTS.method;

export interface StatusCountsParams {
    /** The document's URI as the client knows it. */
    uri: string;
}

export interface IndicatorStatusEntry {
    /** The indicator's id. */
    name: string;
    /** Its title as written, if any. */
    title?: string;
    status: Status;
    /** Why it has that status, in `lang`. */
    reason: string;
    /** Zero-based line and character where the indicator is declared. */
    line: number;
    character: number;
}

export interface StatusCountsResult {
    uri: string;
    /** The language the reasons are in, for the client's words around them (the plan's, or the one the user chose). */
    lang: Lang;
    /** The plan's title when the document holds a plan. */
    plan?: string;
    counts: Record<Status, number>;
    indicators: IndicatorStatusEntry[];
}
