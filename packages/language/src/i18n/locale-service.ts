import type { LangiumDocument } from 'langium';
import { documentKeywordLanguage } from '../lsp/keyword-language.js';
import { languagePreference, type Lang, type LanguagePreference } from './lang.js';

/**
 * The language of user-facing text for this instance of the services. A user's explicit choice
 * (`vplan.language`, `--lang`, `VPLAN_LANG`) wins; otherwise text about a plan is in the plan's
 * keyword language, and text about nothing in particular in the environment's language (the
 * editor's display language in the language server, the locale in the CLI).
 */
export class LocaleService {
    private environment: Lang = 'en';
    private chosen: LanguagePreference = 'auto';
    /** The document being validated, whose language the checks write in. */
    private current: LangiumDocument | undefined;

    /** The language when no particular document is meant (or the one being validated). */
    get lang(): Lang {
        if (this.chosen !== 'auto') return this.chosen;
        return (this.current && documentKeywordLanguage(this.current)) ?? this.environment;
    }

    /** Sets the environment's language (display language, locale). */
    set lang(lang: Lang) {
        this.environment = lang;
    }

    get preference(): LanguagePreference {
        return this.chosen;
    }

    set preference(preference: LanguagePreference) {
        this.chosen = languagePreference(preference);
    }

    /** The language of text about a document: the user's choice, else the plan's, else the environment's. */
    langOf(document: LangiumDocument | undefined): Lang {
        if (this.chosen !== 'auto') return this.chosen;
        return (document && documentKeywordLanguage(document)) ?? this.environment;
    }

    /** Runs the (possibly asynchronous) work of one document with that document's language as `lang`. */
    async within<T>(document: LangiumDocument, work: () => Promise<T>): Promise<T> {
        const previous = this.current;
        this.current = document;
        try {
            return await work();
        } finally {
            this.current = previous;
        }
    }
}
