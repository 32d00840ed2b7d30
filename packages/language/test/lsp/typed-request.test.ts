import { expect, test } from 'vitest';
import { onTypedRequest, sendTypedRequest, STATUS_COUNTS } from '../../src/lsp/status-protocol.js';

test('a typed request sends its params alone when no token is given (the client\'s sendRequest is variadic)', async () => {
    const sent: unknown[][] = [];
    const sender = { sendRequest: async (...args: unknown[]) => { sent.push(args); return null; } };
    await sendTypedRequest(sender as never, STATUS_COUNTS, { uri: 'file:///a.vplan' });
    const token = { isCancellationRequested: false };
    await sendTypedRequest(sender as never, STATUS_COUNTS, { uri: 'file:///a.vplan' }, token);
    expect(sent).toEqual([['vplan/statusCounts', { uri: 'file:///a.vplan' }], ['vplan/statusCounts', { uri: 'file:///a.vplan' }, token]]);
    const handlers = new Map<string, unknown>();
    onTypedRequest({ onRequest: (method: string, handler: unknown) => handlers.set(method, handler) }, STATUS_COUNTS, () => null);
    expect([...handlers.keys()]).toEqual(['vplan/statusCounts']);
});
