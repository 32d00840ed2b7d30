import { DefaultWorkspaceManager, UriUtils, type LangiumSharedCoreServices, type URI } from 'langium';
import { parsePlanIgnore, PLAN_IGNORE_FILE, type PlanIgnore } from '../workspace/plan-ignore.js';

/**
 * Langium's workspace manager, leaving out of the workspace the plans a folder's `.vplanignore`
 * lists (test fixtures, drafts): their ids would clash with the real plans' as duplicates. A plan
 * opened in the editor is still checked.
 */
export class VplanWorkspaceManager extends DefaultWorkspaceManager {
    constructor(services: LangiumSharedCoreServices) {
        super(services);
    }

    // Called for every folder of the walk (the default walk recurses through this method), so a
    // `.vplanignore` applies to its own folder and below.
    protected override async traverseFolder(folder: URI, uris: URI[]): Promise<void> {
        const ignored = await this.readPlanIgnore(folder);
        if (!ignored) return super.traverseFolder(folder, uris);
        const found: URI[] = [];
        await super.traverseFolder(folder, found);
        const base = folder.path.endsWith('/') ? folder.path : `${folder.path}/`;
        for (const uri of found) {
            if (!uri.path.startsWith(base) || !ignored(uri.path.slice(base.length), false)) uris.push(uri);
        }
    }

    private async readPlanIgnore(folder: URI): Promise<PlanIgnore | undefined> {
        try {
            return parsePlanIgnore(await this.fileSystemProvider.readFile(UriUtils.joinPath(folder, PLAN_IGNORE_FILE)));
        } catch {
            return undefined;
        }
    }
}
