import { describe, expect, test } from 'vitest';
import { EmptyFileSystem } from 'langium';
import { createVplanServices } from '../../src/index.js';

async function initialize(params: { locale?: string; initializationOptions?: unknown }) {
    const services = createVplanServices(EmptyFileSystem);
    await services.shared.lsp.LanguageServer.initialize({ processId: null, rootUri: null, capabilities: {}, ...params });
    return services.Vplan.i18n.Locale.lang;
}

describe('display language from the client', () => {
    test('the LSP locale sets it', async () => {
        expect(await initialize({ locale: 'sv' })).toBe('sv');
        expect(await initialize({ locale: 'sv-SE' })).toBe('sv');
        expect(await initialize({ locale: 'en-us' })).toBe('en');
    });

    test('initializationOptions.locale wins over the LSP locale', async () => {
        expect(await initialize({ locale: 'en', initializationOptions: { locale: 'sv' } })).toBe('sv');
        expect(await initialize({ locale: 'sv', initializationOptions: { locale: 'de' } })).toBe('en');
    });
});
