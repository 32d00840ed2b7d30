import { DefaultWorkspaceManager, URI, UriUtils, type LangiumSharedCoreServices } from 'langium';
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

    /**
     * The workspace folder holding `uri` (a file or folder at or below it), or undefined for
     * anything outside the workspace: a watch event there must not pull foreign plans in.
     */
    workspaceFolderOf(uri: URI): URI | undefined {
        if (uri.scheme !== 'file') return undefined;
        for (const folder of this.workspaceFolders ?? []) {
            let root: URI;
            try { root = URI.parse(folder.uri); } catch { continue; }
            if (root.scheme !== 'file') continue;
            const base = root.path.endsWith('/') ? root.path : `${root.path}/`;
            if (uri.path === root.path || uri.path === base.slice(0, -1) || uri.path.startsWith(base)) return root;
        }
        return undefined;
    }

    /**
     * A folder below a workspace folder (a watch event for it): its plans, leaving out what the
     * `.vplanignore` files of the folders above it list as well as its own.
     */
    override async searchFolder(folder: URI): Promise<URI[]> {
        const found = await super.searchFolder(folder);
        const root = this.workspaceFolderOf(folder);
        if (!root) return [];
        const above: { base: string; ignored: PlanIgnore }[] = [];
        const rootPath = root.path.replace(/\/$/, '');
        const parts = folder.path.slice(rootPath.length).split('/').filter(Boolean);
        for (let i = 0; i < parts.length; i++) {
            const ancestor = root.with({ path: [rootPath, ...parts.slice(0, i)].join('/') });
            const ignored = await this.readPlanIgnore(ancestor);
            if (ignored) above.push({ base: `${ancestor.path.replace(/\/$/, '')}/`, ignored });
        }
        return found.filter(uri => !above.some(({ base, ignored }) => {
            const relative = uri.path.slice(base.length);
            // The folder itself, or any folder between it and the plan, may be what is listed.
            const segments = relative.split('/');
            return segments.some((_, k) => ignored(segments.slice(0, k + 1).join('/'), k < segments.length - 1));
        }));
    }

    private async readPlanIgnore(folder: URI): Promise<PlanIgnore | undefined> {
        try {
            return parsePlanIgnore(await this.fileSystemProvider.readFile(UriUtils.joinPath(folder, PLAN_IGNORE_FILE)));
        } catch {
            return undefined;
        }
    }
}
