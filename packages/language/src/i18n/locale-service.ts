import type { Lang } from './lang.js';

/**
 * The language of user-facing text for this instance of the services: the editor's display
 * language in the language server (set on initialize), `--lang` in the CLI.
 */
export class LocaleService {
    private current: Lang = 'en';

    get lang(): Lang {
        return this.current;
    }

    set lang(lang: Lang) {
        this.current = lang;
    }
}
