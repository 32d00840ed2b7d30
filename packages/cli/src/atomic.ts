// Writing a user's file: never a half-written file, even if the process dies or the disk fills up.
// The text goes to a temporary file in the same folder (so the rename stays on one file system),
// is flushed to disk, and then renamed over the target in one step.
import { promises as fs, constants } from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';

export async function writeFileAtomic(target: string, content: string | Uint8Array, options: { mode?: number } = {}): Promise<void> {
    const dir = path.dirname(target);
    const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    let mode = options.mode;
    if (mode === undefined) {
        // Keep the permissions of a file that is replaced.
        try {
            mode = (await fs.stat(target)).mode & 0o7777;
        } catch {
            mode = undefined;
        }
    }
    const handle = await fs.open(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, mode ?? 0o666);
    try {
        try {
            await handle.writeFile(content, typeof content === 'string' ? 'utf8' : undefined);
            // The umask may have narrowed the mode at creation; the kept mode is set as it was.
            if (mode !== undefined) await handle.chmod(mode);
            await handle.sync();
        } finally {
            await handle.close();
        }
        await fs.rename(temp, target);
    } catch (err) {
        await fs.rm(temp, { force: true });
        throw err;
    }
    // The rename itself is durable once the folder is flushed (not supported everywhere).
    try {
        const dirHandle = await fs.open(dir, constants.O_RDONLY);
        try { await dirHandle.sync(); } finally { await dirHandle.close(); }
    } catch { /* e.g. Windows: folders cannot be opened */ }
}
