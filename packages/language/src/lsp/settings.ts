import type { ConfigurationProvider } from 'langium';
import type { Lang } from '../i18n/lang.js';
import { languagePreference, type LanguagePreference } from '../i18n/lang.js';

/** The editor settings the language server reads (section `vplan` of the workspace configuration). */
export interface VplanEditorSettings {
    /** Which keyword set completion offers: the file's own (auto), or always Swedish / English. */
    keywordLanguage: 'auto' | Lang;
    /** Status hints after each indicator's title. */
    inlineStatus: boolean;
    /** The language of hovers, diagnostics, hints, the status bar and the preview: the plan's (auto), or always Swedish / English. */
    language: LanguagePreference;
}

const DEFAULTS: VplanEditorSettings = { keywordLanguage: 'auto', inlineStatus: true, language: 'auto' };

/**
 * Reads the settings without ever blocking: until the client has answered the configuration request
 * (or in a host without a client) the defaults apply.
 */
export class EditorSettings {
    private readySeen = false;

    constructor(private readonly configuration: ConfigurationProvider) {
        void configuration.ready.then(() => { this.readySeen = true; });
    }

    async get(): Promise<VplanEditorSettings> {
        if (!this.readySeen) {
            // Give an already-answered configuration a moment to be seen; never wait for the client.
            this.readySeen = await Promise.race([
                this.configuration.ready.then(() => true),
                new Promise<boolean>(resolve => setImmediate(() => resolve(false)))
            ]);
            if (!this.readySeen) return DEFAULTS;
        }
        const completion = await this.configuration.getConfiguration('vplan', 'completion').catch(() => undefined);
        const inline = await this.configuration.getConfiguration('vplan', 'inlineStatus').catch(() => undefined);
        const language = await this.configuration.getConfiguration('vplan', 'language').catch(() => undefined);
        const keywordLanguage = completion?.keywordLanguage;
        return {
            keywordLanguage: keywordLanguage === 'sv' || keywordLanguage === 'en' ? keywordLanguage : 'auto',
            inlineStatus: inline?.enabled !== false,
            language: languagePreference(language)
        };
    }
}
