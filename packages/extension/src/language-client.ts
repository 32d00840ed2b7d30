// Starts the vplan language server (out/server.cjs, next to this bundle) over IPC.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

export const LANGUAGE_ID = 'vplan';

/** What the server reads on initialize: the display language and the settings that shape its answers. */
export interface VplanInitializationOptions {
    locale: string;
    settings: {
        keywordLanguage: string;
        inlineStatus: boolean;
    };
}

export function initializationOptions(): VplanInitializationOptions {
    const config = vscode.workspace.getConfiguration('vplan');
    return {
        // "sv", "en", "en-us"…: the server shows diagnostics and hovers in Swedish for any Swedish locale.
        locale: vscode.env.language,
        settings: {
            keywordLanguage: config.get<string>('completion.keywordLanguage', 'auto'),
            inlineStatus: config.get<boolean>('inlineStatus.enabled', true)
        }
    };
}

export function createLanguageClient(context: vscode.ExtensionContext, outputChannel: vscode.LogOutputChannel): LanguageClient {
    const module = context.asAbsolutePath(path.join('out', 'server.cjs'));
    const serverOptions: ServerOptions = {
        run: { module, transport: TransportKind.ipc },
        debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } }
    };
    const clientOptions: LanguageClientOptions = {
        documentSelector: [
            { scheme: 'file', language: LANGUAGE_ID },
            { scheme: 'untitled', language: LANGUAGE_ID },
            // Remote and virtual workspaces (code-server, WSL, …) open files under other schemes.
            { scheme: 'vscode-remote', language: LANGUAGE_ID },
            { scheme: 'vscode-vfs', language: LANGUAGE_ID }
        ],
        // Plans reference the shared catalogue (roles, goals) in files that need not be open.
        synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/*.vplan') },
        initializationOptions: initializationOptions(),
        outputChannel
    };
    // The id 'vplan' makes the client honour the `vplan.trace.server` setting.
    return new LanguageClient(LANGUAGE_ID, 'vplan', serverOptions, clientOptions);
}
