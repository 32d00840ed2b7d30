// Asks the server for the status of a document's indicators (vplan/statusCounts).
import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { sendTypedRequest, STATUS_COUNTS, type StatusCountsResult } from '@vplan/language/protocol';

export async function requestStatusCounts(
    client: LanguageClient, document: vscode.TextDocument, token?: vscode.CancellationToken
): Promise<StatusCountsResult | undefined> {
    if (!client.isRunning()) return undefined;
    const result = await sendTypedRequest(client, STATUS_COUNTS, { uri: client.code2ProtocolConverter.asUri(document.uri) }, token);
    return result ?? undefined;
}
