/** The two languages every user-facing text exists in. */
export type Lang = 'sv' | 'en';

/** What the user chose for the language of text about a plan: `auto` follows the plan. */
export type LanguagePreference = 'auto' | Lang;

/** A setting's or an option's value as a preference: anything but `sv` or `en` is `auto`. */
export function languagePreference(value: unknown): LanguagePreference {
    return value === 'sv' || value === 'en' ? value : 'auto';
}

/** A text in both languages. */
export interface Localized {
    sv: string;
    en: string;
}

/**
 * The language for a locale string as VS Code ("sv", "en-us") or the environment ("sv_SE.UTF-8")
 * gives it: Swedish for any Swedish locale, English otherwise.
 */
export function langFromLocale(locale: string | undefined): Lang {
    return locale && /^sv([-_.]|$)/i.test(locale.trim()) ? 'sv' : 'en';
}

/** The language of the process environment (LC_ALL, LC_MESSAGES, LANG), for the CLI's default. */
export function langFromEnv(env: Record<string, string | undefined>): Lang {
    return langFromLocale(env.LC_ALL || env.LC_MESSAGES || env.LANG);
}

export function localize(text: Localized, lang: Lang): string {
    return text[lang];
}
