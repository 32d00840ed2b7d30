// The language server survives any client. A message whose parameters do not have the shape the
// protocol gives them (`didOpen` with `text: null`, a position of `null`) is stopped here, before
// Langium's handlers see it: a notification is dropped with a line in the log, a request is answered
// with an InvalidParams error. (Before, `didOpen` with `text: null` became an unhandled rejection in
// the document builder and the process ended.) What still slips through is caught by a process-wide
// safety net that logs instead of exiting.
import { URI } from 'langium';
import type { ConnectionOptions, Message, NotificationMessage, RequestMessage } from 'vscode-languageserver';
import { ErrorCodes, ResponseError, type Connection } from 'vscode-languageserver';

/** The request a malformed request is turned into: it answers with InvalidParams. */
const INVALID_PARAMS_REQUEST = 'vplan/$invalidParams';

type Check = (params: unknown) => boolean;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): boolean => Number.isInteger(v) && (v as number) >= 0;
const isPosition = (v: unknown): boolean => isObject(v) && isCount(v.line) && isCount(v.character);
const isRange = (v: unknown): boolean => isObject(v) && isPosition(v.start) && isPosition(v.end);

export function isUriText(v: unknown): v is string {
    if (typeof v !== 'string' || v.length === 0) return false;
    try {
        URI.parse(v);
        return true;
    } catch {
        return false;
    }
}

const hasDocument = (p: unknown): p is Record<string, unknown> & { textDocument: Record<string, unknown> & { uri: string } } =>
    isObject(p) && isObject(p.textDocument) && isUriText(p.textDocument.uri);
const atPosition: Check = p => hasDocument(p) && isPosition(p.position);
const inRange: Check = p => hasDocument(p) && isRange(p.range);

const isContentChange = (c: unknown): boolean => isObject(c) && typeof c.text === 'string' && (c.range === undefined || isRange(c.range));

/** The shape each method's parameters must have; methods not listed need an object (or nothing). */
const CHECKS: Record<string, Check> = {
    'textDocument/didOpen': p => hasDocument(p) && typeof p.textDocument.text === 'string' && Number.isInteger(p.textDocument.version)
        && typeof p.textDocument.languageId === 'string',
    'textDocument/didChange': p => hasDocument(p) && Number.isInteger(p.textDocument.version)
        && Array.isArray(p.contentChanges) && p.contentChanges.every(isContentChange),
    'textDocument/didClose': hasDocument,
    'textDocument/didSave': hasDocument,
    'textDocument/willSave': hasDocument,
    'textDocument/willSaveWaitUntil': hasDocument,
    'workspace/didChangeWatchedFiles': p => isObject(p) && Array.isArray(p.changes),
    'textDocument/hover': atPosition,
    'textDocument/completion': atPosition,
    'textDocument/definition': atPosition,
    'textDocument/declaration': atPosition,
    'textDocument/typeDefinition': atPosition,
    'textDocument/implementation': atPosition,
    'textDocument/documentHighlight': atPosition,
    'textDocument/signatureHelp': atPosition,
    'textDocument/prepareRename': atPosition,
    'textDocument/linkedEditingRange': atPosition,
    'textDocument/prepareCallHierarchy': atPosition,
    'textDocument/prepareTypeHierarchy': atPosition,
    'textDocument/references': p => atPosition(p) && isObject((p as Record<string, unknown>).context),
    'textDocument/rename': p => atPosition(p) && typeof (p as Record<string, unknown>).newName === 'string',
    'textDocument/onTypeFormatting': p => atPosition(p) && typeof (p as Record<string, unknown>).ch === 'string' && isObject((p as Record<string, unknown>).options),
    'textDocument/formatting': p => hasDocument(p) && isObject(p.options),
    'textDocument/rangeFormatting': p => inRange(p) && isObject((p as Record<string, unknown>).options),
    'textDocument/codeAction': p => inRange(p) && isObject((p as Record<string, unknown>).context)
        && Array.isArray(((p as Record<string, unknown>).context as Record<string, unknown>).diagnostics),
    'textDocument/inlayHint': inRange,
    'textDocument/semanticTokens/range': inRange,
    'workspace/symbol': p => isObject(p) && typeof p.query === 'string',
    'vplan/statusCounts': p => isObject(p) && isUriText(p.uri),
    'vplan/renderPreview': p => isObject(p) && isUriText(p.uri)
};

/** Why the parameters of `method` cannot be handled, or undefined when they can. */
export function paramsProblem(method: string, params: unknown): string | undefined {
    const check = CHECKS[method];
    if (check) return check(params) ? undefined : `malformed parameters for ${method}`;
    // Every other request about a document names it.
    if (method.startsWith('textDocument/')) return hasDocument(params) ? undefined : `malformed parameters for ${method}: no textDocument.uri`;
    if (params !== undefined && params !== null && typeof params !== 'object') return `malformed parameters for ${method}`;
    return undefined;
}

/** Only the watch events the server can use: a URI and a known change type. */
function usableWatchEvents(params: { changes: unknown[] }): { changes: unknown[] } {
    return { ...params, changes: params.changes.filter(c => isObject(c) && isUriText(c.uri) && (c.type === 1 || c.type === 2 || c.type === 3)) };
}

const isRequest = (m: Message): m is RequestMessage => 'id' in m && 'method' in m;
const isNotification = (m: Message): m is NotificationMessage => !('id' in m) && 'method' in m;

/**
 * Connection options whose message strategy checks every incoming message's parameters before it is
 * dispatched. `log` receives one line per message stopped.
 */
export function protocolGuardOptions(log: (line: string) => void): ConnectionOptions {
    return {
        messageStrategy: {
            handleMessage(message: Message, next: (message: Message) => void): void {
                if (!isRequest(message) && !isNotification(message)) return next(message);
                const problem = paramsProblem(message.method, message.params);
                if (problem === undefined) {
                    if (message.method === 'workspace/didChangeWatchedFiles') {
                        return next({ ...message, params: usableWatchEvents(message.params as { changes: unknown[] }) } as Message);
                    }
                    return next(message);
                }
                log(`vplan: ignored ${isRequest(message) ? 'request' : 'notification'}: ${problem}`);
                if (isRequest(message)) next({ ...message, method: INVALID_PARAMS_REQUEST, params: { problem } } as Message);
            }
        }
    };
}

/**
 * Answers the requests the guard stopped, and keeps the process alive when a handler still fails
 * outside a request (an unhandled rejection in a build): logged, not fatal.
 */
export function registerProtocolGuard(connection: Connection): void {
    connection.onRequest(INVALID_PARAMS_REQUEST, (params: { problem: string }) => {
        throw new ResponseError(ErrorCodes.InvalidParams, params.problem);
    });
    const log = (what: string) => (err: unknown) => {
        const text = err instanceof Error ? err.stack ?? err.message : String(err);
        try { connection.console.error(`vplan: ${what}: ${text}`); } catch { /* the connection is gone */ }
    };
    process.on('unhandledRejection', log('unhandled rejection'));
    process.on('uncaughtException', log('uncaught exception'));
}
