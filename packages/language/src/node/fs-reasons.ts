// Why a file could not be read or written, as a sentence in the user's language: never a bare
// `ENAMETOOLONG`, never Node's `ENOSPC: no space left on device, write`. One table for the readers
// (the workspace loader) and the writer (write-file.ts), so both say the same thing.
import type { Lang, Localized } from '../i18n/lang.js';

const REASONS: Record<string, Localized> = {
    ENOENT: { en: 'no such file or folder', sv: 'filen eller mappen finns inte' },
    EACCES: { en: 'permission denied', sv: 'åtkomst nekad' },
    EPERM: { en: 'permission denied', sv: 'åtkomst nekad' },
    ELOOP: { en: 'too many symbolic links (a loop?)', sv: 'för många symboliska länkar (en slinga?)' },
    EISDIR: { en: 'is a folder', sv: 'är en mapp' },
    ENOTDIR: { en: 'a part of the path is a file, not a folder', sv: 'en del av sökvägen är en fil, inte en mapp' },
    ENAMETOOLONG: { en: 'the file name or path is too long', sv: 'filnamnet eller sökvägen är för lång' },
    ENOSPC: { en: 'no space left on the disk', sv: 'disken är full' },
    EDQUOT: { en: 'the disk quota is used up', sv: 'diskkvoten är slut' },
    EROFS: { en: 'the file system is read-only', sv: 'filsystemet är skrivskyddat' },
    EFBIG: { en: 'the file is too large for the file system', sv: 'filen är för stor för filsystemet' },
    EBUSY: { en: 'the file is in use', sv: 'filen används' },
    ETXTBSY: { en: 'the file is in use', sv: 'filen används' },
    EIO: { en: 'input/output error (a disk or network problem)', sv: 'in-/utmatningsfel (ett disk- eller nätverksproblem)' },
    EMFILE: { en: 'too many open files', sv: 'för många öppna filer' },
    ENFILE: { en: 'too many open files', sv: 'för många öppna filer' },
    EEXIST: { en: 'already exists', sv: 'finns redan' },
    EINVAL: { en: 'the file system does not allow this name or operation', sv: 'filsystemet tillåter inte namnet eller åtgärden' },
    ENXIO: { en: 'not a regular file (a pipe, socket or device)', sv: 'inte en vanlig fil (en pipe, socket eller enhet)' },
    ENODEV: { en: 'not a regular file (a pipe, socket or device)', sv: 'inte en vanlig fil (en pipe, socket eller enhet)' }
};

/** The reason for a failed file operation, from its error code; unknown codes keep the code visible. */
export function fsReason(err: unknown, lang: Lang): string {
    const code = (err as NodeJS.ErrnoException)?.code;
    const known = code ? REASONS[code] : undefined;
    if (known) return known[lang];
    if (code) return lang === 'sv' ? `filsystemet svarade ${code}` : `the file system answered ${code}`;
    const message = err instanceof Error ? err.message : String(err);
    return message.split('\n')[0];
}

/** The Swedish of an English reason this table gives (the loader's reasons are carried in English). */
export function fsReasonInSwedish(english: string): string | undefined {
    for (const text of Object.values(REASONS)) if (text.en === english) return text.sv;
    const answered = /^the file system answered (\w+)$/.exec(english);
    return answered ? `filsystemet svarade ${answered[1]}` : undefined;
}
