// What Langium's core takes from vscode-languageserver-protocol, without loading the protocol
// (see ../core-bundle.mjs): cancellation, events, ResponseError and the LSP error codes.
import ralModule from 'vscode-jsonrpc-common/ral.js';
import { CancellationToken, CancellationTokenSource } from 'vscode-jsonrpc-common/cancellation.js';
import { Emitter } from 'vscode-jsonrpc-common/events.js';
import { ResponseError } from 'vscode-jsonrpc-common/messages.js';

export { CancellationToken, CancellationTokenSource, Emitter, ResponseError };

export const LSPErrorCodes = {
    lspReservedErrorRangeStart: -32899,
    RequestFailed: -32803,
    ServerCancelled: -32802,
    ContentModified: -32801,
    RequestCancelled: -32800,
    lspReservedErrorRangeEnd: -32800
};

// The runtime layer the protocol's Node entry would install: timers for cancellation, the console
// for listener errors.
// (From an .mjs file the default import of a CommonJS module is its module.exports.)
const RAL = ralModule.default ?? ralModule;
const disposable = (clear, handle) => ({ dispose: () => clear(handle) });
RAL.install({
    console,
    timer: {
        setTimeout: (callback, ms, ...args) => disposable(clearTimeout, setTimeout(callback, ms, ...args)),
        setImmediate: (callback, ...args) => disposable(clearImmediate, setImmediate(callback, ...args)),
        setInterval: (callback, ms, ...args) => disposable(clearInterval, setInterval(callback, ms, ...args))
    }
});
