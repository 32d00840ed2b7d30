// Writing a user's file: never a half-written file, even if the process dies or the disk fills up.
// The text goes to a temporary file in the same folder (so the rename stays on one file system),
// is flushed to disk, and then renamed over the target in one step.
import { promises as fs, constants } from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';

export async function writeFileAtomic(target: string, content: string, options: { mode?: number } = {}): Promise<void> {
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
            await handle.writeFile(content, 'utf8');
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

/**
 * Creates a new file with the whole text or not at all, and never replaces one: the text goes to a
 * temporary file that is then hard-linked to the target name, which fails with EEXIST when a file
 * is already there (even one created a moment ago by someone else).
 */
export async function createFileExclusive(target: string, content: string): Promise<void> {
    const dir = path.dirname(target);
    const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    const handle = await fs.open(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o666);
    try {
        try {
            await handle.writeFile(content, 'utf8');
            await handle.sync();
        } finally {
            await handle.close();
        }
        await fs.link(temp, target);
    } finally {
        await fs.rm(temp, { force: true });
    }
}
