// File-watch events from the client, kept to the workspace. A client may report a change for a
// folder (`file:///`, an empty URI) or a file anywhere on the disk; Langium would walk that folder
// and add every plan it finds (a `file:///` event walked the whole disk: 20 s of blocked hovers,
// 2 GB, 1,240 foreign plans). Only changes inside the workspace folders are passed on; a folder
// inside is rescanned alone, honouring `.vplanignore` (VplanWorkspaceManager.searchFolder).
import { URI } from 'langium';
import { DefaultDocumentUpdateHandler, type LangiumSharedServices } from 'langium/lsp';
import type { DidChangeWatchedFilesParams } from 'vscode-languageserver';
import type { VplanWorkspaceManager } from './workspace-manager.js';

export class VplanDocumentUpdateHandler extends DefaultDocumentUpdateHandler {
    private readonly workspace: VplanWorkspaceManager;

    constructor(services: LangiumSharedServices) {
        super(services);
        this.workspace = services.workspace.WorkspaceManager as VplanWorkspaceManager;
    }

    override didChangeWatchedFiles(params: DidChangeWatchedFilesParams): void {
        const changes = (params.changes ?? []).filter(change => {
            try {
                return this.workspace.workspaceFolderOf(URI.parse(change.uri)) !== undefined;
            } catch {
                return false;
            }
        });
        if (changes.length > 0) super.didChangeWatchedFiles({ ...params, changes });
    }
}
