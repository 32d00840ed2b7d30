// Asks the server for the status of a document's indicators (vplan/statusCounts).
import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { STATUS_COUNTS_REQUEST, type StatusCountsParams, type StatusCountsResult } from '@vplan/language/protocol';

export async function requestStatusCounts(
    client: LanguageClient, document: vscode.TextDocument, token?: vscode.CancellationToken
): Promise<StatusCountsResult | undefined> {
    if (!client.isRunning()) return undefined;
    const params: StatusCountsParams = { uri: client.code2ProtocolConverter.asUri(document.uri) };
    const result = await client.sendRequest<StatusCountsResult | null>(STATUS_COUNTS_REQUEST, params, token);
    return result ?? undefined;
}
