// A custom request typed once, for both ends: the method name with the types of its params and result.
// Not vscode-jsonrpc's RequestType: the client and the server bundle different copies of
// vscode-jsonrpc (the languageclient's and the languageserver's), and a RequestType made by one copy
// fails the other's identity checks on its parameter structure. A plain method name passes both.

export interface TypedRequest<P, R> {
    readonly method: string;
    /** Never set: carries the types. */
    readonly types?: { params: P; result: R };
}

export function typedRequest<P, R>(method: string): TypedRequest<P, R> {
    return { method };
}

/** What either end's connection offers (vscode-languageclient's LanguageClient, vscode-languageserver's Connection). */
interface Sender {
    sendRequest<R>(method: string, params: unknown, token?: unknown): Promise<R>;
}
interface Receiver {
    onRequest(method: string, handler: (params: never, token: never) => unknown): unknown;
}

export function sendTypedRequest<P, R>(sender: Sender, request: TypedRequest<P, R>, params: P, token?: unknown): Promise<R> {
    // The client's sendRequest is variadic: an undefined token would be sent as a second parameter.
    const send = sender.sendRequest.bind(sender) as (...args: unknown[]) => Promise<R>;
    return token === undefined ? send(request.method, params) : send(request.method, params, token);
}

export function onTypedRequest<P, R, T>(receiver: Receiver, request: TypedRequest<P, R>, handler: (params: P, token: T) => R | Promise<R>): void {
    receiver.onRequest(request.method, handler as (params: never, token: never) => unknown);
}
