import type { LangiumSharedServices } from 'langium/lsp';
import { langFromLocale, languagePreference } from '../i18n/lang.js';
import type { VplanServices } from '../vplan-module.js';

/**
 * Sets the display language of hovers, hints and messages from the client's locale when the server
 * initialises: `initializationOptions.locale` wins (a client may pass its UI language there), then
 * the LSP `locale` (VS Code sends its display language, e.g. "sv" or "en-us"). The display language
 * is the fallback: the `vplan.language` setting (default `auto`: the plan's keyword language)
 * decides first, and a change of it rebuilds the open documents so diagnostics follow.
 */
export function followClientLocale(shared: LangiumSharedServices, services: VplanServices): void {
    const locale = services.i18n.Locale;
    shared.lsp.LanguageServer.onInitialize(params => {
        const options = params.initializationOptions as { locale?: unknown } | undefined;
        const given = typeof options?.locale === 'string' ? options.locale : params.locale;
        if (given) locale.lang = langFromLocale(given);
    });
    const configuration = shared.workspace.ConfigurationProvider;
    const follow = (setting: unknown) => {
        const preference = languagePreference(setting);
        if (preference === locale.preference) return;
        locale.preference = preference;
        const uris = shared.workspace.LangiumDocuments.all.map(d => d.uri).toArray();
        // Messages are written when a document is validated: rebuild so they come in the new language.
        void shared.workspace.DocumentBuilder.update(uris, []).catch(() => undefined);
    };
    configuration.onConfigurationSectionUpdate(update => {
        if (update.section === 'vplan') follow((update.configuration as { language?: unknown } | undefined)?.language);
    });
    // The first answer of the client is stored without an update event.
    void configuration.ready.then(() => configuration.getConfiguration('vplan', 'language')).then(follow, () => undefined);
}
