import type { LangiumSharedServices } from 'langium/lsp';
import { langFromLocale } from '../i18n/lang.js';
import type { VplanServices } from '../vplan-module.js';

/**
 * Sets the display language of hovers, hints and messages from the client's locale when the server
 * initialises: `initializationOptions.locale` wins (a client may pass its UI language there), then
 * the LSP `locale` (VS Code sends its display language, e.g. "sv" or "en-us").
 */
export function followClientLocale(shared: LangiumSharedServices, services: VplanServices): void {
    shared.lsp.LanguageServer.onInitialize(params => {
        const options = params.initializationOptions as { locale?: unknown } | undefined;
        const locale = typeof options?.locale === 'string' ? options.locale : params.locale;
        if (locale) services.i18n.Locale.lang = langFromLocale(locale);
    });
}
