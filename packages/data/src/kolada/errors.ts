// A failed request to Kolada, as one line: the URL and the reason, in Swedish and English.
import type { Lang, Localized } from '@vplan/language';

export class KoladaError extends Error {
    constructor(readonly url: string, readonly reason: Localized, readonly status?: number) {
        super(`${url}: ${reason.en}`);
    }

    line(lang: Lang): string {
        return `${this.url}: ${this.reason[lang]}`;
    }
}

/** Why fetch() failed, in words a user can act on (the cause's code when there is one). */
export function describeFailure(err: unknown, timeoutMs: number): Localized {
    const e = err as { name?: string; cause?: { code?: string; message?: string }; message?: string };
    if (e?.name === 'TimeoutError') {
        const s = `${Math.round(timeoutMs / 100) / 10}`;
        return { sv: `inget svar inom ${s.replace('.', ',')} s`, en: `no answer within ${s} s` };
    }
    if (e?.name === 'AbortError') return { sv: 'avbruten', en: 'cancelled' };
    const code = e?.cause?.code;
    switch (code) {
        case 'ECONNREFUSED': return { sv: 'anslutningen nekades (ECONNREFUSED)', en: 'connection refused (ECONNREFUSED)' };
        case 'ENOTFOUND':
        case 'EAI_AGAIN': return { sv: `värden hittades inte (${code}): ingen nätverksanslutning?`, en: `host not found (${code}): no network?` };
        case 'ECONNRESET': return { sv: 'anslutningen bröts (ECONNRESET)', en: 'connection reset (ECONNRESET)' };
        case 'ETIMEDOUT':
        case 'UND_ERR_CONNECT_TIMEOUT': return { sv: `anslutningen tog för lång tid (${code})`, en: `connection timed out (${code})` };
        case 'ENETUNREACH':
        case 'EHOSTUNREACH': return { sv: `nätverket nås inte (${code})`, en: `network unreachable (${code})` };
    }
    const detail = (e?.cause?.message ?? e?.message ?? String(err)).split('\n')[0];
    const withCode = code ? `${detail} (${code})` : detail;
    return { sv: withCode, en: withCode };
}
