/** Escapes text for an HTML text node or a double-quoted attribute value. */
export function esc(text: string | undefined | null): string {
    if (text === undefined || text === null) return '';
    return String(text).replace(/[&<>"']/g, ch => ESCAPES[ch]);
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Bidirectional control characters (U+202A–U+202E, U+2066–U+2069) in a title could reorder the text
 * around them ("Trojan Source"); in a plan they are never intended, so they are shown as visible
 * marks instead of taking effect.
 */
export function neutraliseBidi(text: string): string {
    return text.replace(/[\u202A-\u202E\u2066-\u2069]/g, ch => `\u2039U+${ch.charCodeAt(0).toString(16).toUpperCase()}\u203A`);
}

const TEXT_SPECIAL = /[&<>"'\u202A-\u202E\u2066-\u2069]/g;

/** Plain text from a plan (a title, a role) made safe for HTML: escaped, bidi controls shown (one pass). */
export function text(value: string | undefined | null): string {
    if (!value) return '';
    return value.replace(TEXT_SPECIAL, ch => ESCAPES[ch] ?? `\u2039U+${ch.charCodeAt(0).toString(16).toUpperCase()}\u203A`);
}

/** A link is rendered only for http(s) and mailto: no javascript:, data:, file: or relative targets. */
export function isSafeHref(url: string): boolean {
    return /^(https?:\/\/|mailto:)/i.test(url.trim());
}
