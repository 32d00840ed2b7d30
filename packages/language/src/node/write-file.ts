// The one way vplan writes a user's file (fmt, render, outcome imports, Kolada pulls, exports).
//
// - A symbolic link is followed and its target rewritten: a plan linked into several folders stays
//   shared. (Renaming over the link itself would turn it into a file and leave the target as it was.)
// - Only a regular file or a new file is written. A pipe, socket, device or folder at the path is
//   refused: replacing `/dev/null` or a FIFO with a regular file is never what the user meant.
// - The text goes to a temporary file beside the target, is flushed, gets the target's mode (and
//   owner, when running as root), and is renamed over the target in one step: never a half-written
//   file, even if the process dies or the disk fills up.
// - A failure is a `FileWriteError` naming the user's path (never the temporary file) and the reason
//   in both languages; callers report it and go on with their other files.
// - Temporary files left by a process that was killed (`kill -9`, power loss) are removed by the next
//   write into the same folder.
import { promises as fs, constants, type Stats } from 'node:fs';
import * as path from 'node:path';
import type { Lang, Localized } from '../i18n/lang.js';
import { fsReason } from './fs-reasons.js';

export interface WriteOptions {
    /** Create the missing folders above a new file (`render -o out/report.html`). Default false. */
    createFolders?: boolean;
    /** Create a new file only, never replace one (`vplan init`): anything at the path is an error. Default false. */
    exclusive?: boolean;
}

/** A file that could not be written: the path as the user gave it and why, in both languages. */
export class FileWriteError extends Error {
    constructor(readonly path: string, readonly reason: Localized) {
        super(`${path}: ${reason.en}`);
        this.name = 'FileWriteError';
    }

    reasonIn(lang: Lang): string {
        return this.reason[lang];
    }
}

export function isFileWriteError(err: unknown): err is FileWriteError {
    return err instanceof FileWriteError;
}

const NOT_REGULAR: Localized = { en: 'not a regular file (a pipe, socket or device); not written', sv: 'inte en vanlig fil (en pipe, socket eller enhet); skrivs inte' };
const IS_FOLDER: Localized = { en: 'is a folder; not written', sv: 'är en mapp; skrivs inte' };
const EXISTS: Localized = { en: 'already exists; not replaced', sv: 'finns redan; ersätts inte' };
const LINK_LOOP: Localized = { en: 'too many symbolic links (a loop?)', sv: 'för många symboliska länkar (en slinga?)' };

function reasonOf(err: unknown): Localized {
    return { en: fsReason(err, 'en'), sv: fsReason(err, 'sv') };
}

/** Linux follows at most 40 links in a path; so do we. */
const MAX_LINKS = 40;

interface Target {
    /** The file that is written: the given path with every symbolic link at its end followed. */
    file: string;
    /** Its current state, or undefined for a new file. */
    stat?: Stats;
}

async function resolveTarget(given: string): Promise<Target> {
    let file = path.resolve(given);
    for (let hops = 0; hops <= MAX_LINKS; hops++) {
        let stat: Stats;
        try {
            stat = await fs.lstat(file);
        } catch (err) {
            if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { file };
            throw new FileWriteError(given, reasonOf(err));
        }
        if (stat.isSymbolicLink()) {
            try {
                file = path.resolve(path.dirname(file), await fs.readlink(file));
            } catch (err) {
                throw new FileWriteError(given, reasonOf(err));
            }
            continue;
        }
        if (stat.isDirectory()) throw new FileWriteError(given, IS_FOLDER);
        if (!stat.isFile()) throw new FileWriteError(given, NOT_REGULAR);
        return { file, stat };
    }
    throw new FileWriteError(given, LINK_LOOP);
}

/** `.<name>.<pid>.<8 hex>.tmp`; the name is shortened so the temporary name stays within 255 bytes. */
const TEMP = /^\..*\.(\d+)\.[0-9a-f]{8}\.tmp$/;

function tempName(file: string): string {
    let base = path.basename(file);
    while (Buffer.byteLength(base) > 200) base = base.slice(0, -1);
    // Created with O_EXCL, so the random part only keeps writers apart; Math.random spares every
    // start of the CLI loading Node's crypto module.
    const random = Math.floor(Math.random() * 0x1_0000_0000).toString(16).padStart(8, '0');
    return path.join(path.dirname(file), `.${base}.${process.pid}.${random}.tmp`);
}

/** A temporary file is stale when its process is gone and it is older than a minute (a shared folder's other machine may still be writing it). */
const STALE_AFTER_MS = 60_000;

function processIsGone(pid: number): boolean {
    if (pid === process.pid) return false;
    try {
        process.kill(pid, 0);
        return false;
    } catch (err) {
        return (err as NodeJS.ErrnoException).code === 'ESRCH';
    }
}

/** Removes the temporary files our earlier, killed runs left in `folder`. Never fails a write. */
export async function removeStaleTempFiles(folder: string, now = Date.now()): Promise<string[]> {
    const removed: string[] = [];
    let names: string[];
    try {
        names = await fs.readdir(folder);
    } catch {
        return removed;
    }
    for (const name of names) {
        const match = TEMP.exec(name);
        if (!match || !processIsGone(Number(match[1]))) continue;
        const full = path.join(folder, name);
        try {
            const stat = await fs.lstat(full);
            if (!stat.isFile() || now - stat.mtimeMs < STALE_AFTER_MS) continue;
            await fs.rm(full);
            removed.push(full);
        } catch { /* gone already, or not ours to remove */ }
    }
    return removed;
}

/**
 * Writes `content` to the user's file at `target` (see the top of this module). Throws only
 * `FileWriteError`. Returns the path actually written (the link's target for a symbolic link).
 */
export async function writeUserFile(target: string, content: string | Uint8Array, options: WriteOptions = {}): Promise<string> {
    const { file, stat } = await resolveTarget(target);
    if (stat && options.exclusive) throw new FileWriteError(target, EXISTS);
    const dir = path.dirname(file);
    if (!stat && options.createFolders) {
        try {
            await fs.mkdir(dir, { recursive: true });
        } catch (err) {
            throw new FileWriteError(target, reasonOf(err));
        }
    }
    await removeStaleTempFiles(dir);
    const temp = tempName(file);
    const mode = stat ? stat.mode & 0o7777 : undefined;
    let handle: fs.FileHandle | undefined;
    try {
        handle = await fs.open(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, mode ?? 0o666);
        await handle.writeFile(content);
        // The umask may have narrowed the mode at creation: the replaced file's mode is set as it was.
        if (mode !== undefined) await handle.chmod(mode);
        if (stat && process.getuid?.() === 0) await handle.chown(stat.uid, stat.gid).catch(() => undefined);
        await handle.sync();
        await handle.close();
        handle = undefined;
        if (options.exclusive) {
            // A hard link fails when anything is at the path, even a file created a moment ago.
            await fs.link(temp, path.resolve(target));
            await fs.rm(temp, { force: true });
        } else {
            await fs.rename(temp, file);
        }
    } catch (err) {
        await handle?.close().catch(() => undefined);
        await fs.rm(temp, { force: true }).catch(() => undefined);
        throw new FileWriteError(target, (err as NodeJS.ErrnoException).code === 'EEXIST' && options.exclusive ? EXISTS : reasonOf(err));
    }
    // The rename is durable once the folder is flushed (not possible everywhere).
    try {
        const folder = await fs.open(dir, constants.O_RDONLY);
        try { await folder.sync(); } finally { await folder.close(); }
    } catch { /* e.g. Windows: folders cannot be opened */ }
    return file;
}
