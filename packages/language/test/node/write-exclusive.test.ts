// writeUserFile's `exclusive` option (vplan init): a new file is created whole; anything already at
// the path — a file, a dangling symbolic link — is left as it was and named in the error.
import { describe, expect, test } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { FileWriteError, writeUserFile } from '../../src/node/write-file.js';

const temp = () => mkdtempSync(path.join(tmpdir(), 'vplan-exclusive-'));

describe('writeUserFile with exclusive', () => {
    test('creates a new file, and its missing folders with createFolders', async () => {
        const dir = temp();
        const target = path.join(dir, 'a/b/kommun.vplan');
        await writeUserFile(target, 'plan\n', { exclusive: true, createFolders: true });
        expect(readFileSync(target, 'utf8')).toBe('plan\n');
        expect(readdirSync(path.join(dir, 'a/b'))).toEqual(['kommun.vplan']);
    });

    test('an existing file is not replaced: a FileWriteError in both languages, no temporary file left', async () => {
        const dir = temp();
        const target = path.join(dir, 'kommun.vplan');
        writeFileSync(target, 'mine\n');
        const error = await writeUserFile(target, 'template\n', { exclusive: true }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(FileWriteError);
        expect((error as FileWriteError).path).toBe(target);
        expect((error as FileWriteError).reasonIn('sv')).toBe('finns redan; ersätts inte');
        expect((error as FileWriteError).reasonIn('en')).toBe('already exists; not replaced');
        expect(readFileSync(target, 'utf8')).toBe('mine\n');
        expect(readdirSync(dir)).toEqual(['kommun.vplan']);
    });

    test('a dangling symbolic link at the path is not written through', async () => {
        const dir = temp();
        const link = path.join(dir, 'kommun.vplan');
        symlinkSync(path.join(dir, 'elsewhere.vplan'), link);
        const error = await writeUserFile(link, 'template\n', { exclusive: true }).catch((e: unknown) => e);
        expect((error as FileWriteError).reasonIn('en')).toBe('already exists; not replaced');
        expect(readlinkSync(link)).toBe(path.join(dir, 'elsewhere.vplan'));
        expect(readdirSync(dir)).toEqual(['kommun.vplan']);
    });
});
