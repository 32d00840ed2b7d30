import {
    createCompletionParser, createDefaultCoreModule, createDefaultSharedCoreModule, createLangiumParser, inject, type DefaultSharedCoreModuleContext,
    type LangiumCoreServices, type LangiumSharedCoreServices, type Module, type PartialLangiumCoreServices
} from 'langium';
import {
    createDefaultModule, createDefaultSharedModule, type DefaultSharedModuleContext, type LangiumServices,
    type LangiumSharedServices, type PartialLangiumServices
} from 'langium/lsp';
import { VplanGeneratedModule, VplanGeneratedSharedModule } from './generated/module.js';
import { VplanValueConverter } from './parser/value-converter.js';
import { guardCompletionNesting, guardNesting } from './parser/nesting-guard.js';
import { VplanTokenBuilder } from './parser/token-builder.js';
import { withLazyLookahead } from './parser/lazy-lookahead.js';
import { VplanLinker } from './scoping/linker.js';
import { VplanScopeComputation } from './scoping/scope-computation.js';
import { VplanScopeProvider } from './scoping/scope-provider.js';
import { LocaleService } from './i18n/locale-service.js';
import { KpiCatalog } from './kolada/kpi-catalog.js';
import { AsOfDate, registerVplanChecks, ScopedValidationRegistry, VplanDocumentValidator } from './validation/index.js';
import { DiagnosticReuse } from './validation/diagnostic-reuse.js';
import { followClientLocale, VplanEditorServices, VplanReferenceDescriptionProvider, VplanSharedLspModule } from './lsp/index.js';

/** Services the vplan language adds to Langium's. */
export type VplanAddedServices = {
    followUp: {
        /** The date activities' deadlines are judged at (the CLI's --as-of; else today). */
        AsOf: AsOfDate;
    };
    i18n: {
        Locale: LocaleService;
    };
    kolada: {
        /** Kolada's KPI metadata as last cached; filled by the host, read by checks and hover. */
        Kpis: KpiCatalog;
    };
};

export type VplanCoreServices = LangiumCoreServices & VplanAddedServices;
export type VplanServices = LangiumServices & VplanAddedServices;

/** What the language needs in any host: parsing, scoping, validation. No LSP, no editor. */
export const VplanCoreModule: Module<VplanCoreServices, PartialLangiumCoreServices & VplanAddedServices> = {
    parser: {
        ValueConverter: () => new VplanValueConverter(),
        // Deeply nested blocks would overflow the parser's stack (and break it for later parses).
        // Its lookahead is worked out decision by decision as parsing meets them (start-up time).
        LangiumParser: services => guardNesting(createLangiumParser(withLazyLookahead(services)), services.i18n.Locale),
        CompletionParser: services => guardCompletionNesting(createCompletionParser(services)),
        // Strings and comments that never close made lexing quadratic.
        TokenBuilder: () => new VplanTokenBuilder()
    },
    references: {
        ScopeComputation: services => new VplanScopeComputation(services),
        Linker: services => new VplanLinker(services),
        // Local symbols looked up by name: linking stays linear in the number of units of a plan.
        ScopeProvider: services => new VplanScopeProvider(services)
    },
    validation: {
        DocumentValidator: services => new VplanDocumentValidator(services),
        ValidationRegistry: services => new ScopedValidationRegistry(services)
    },
    followUp: {
        AsOf: () => new AsOfDate()
    },
    i18n: {
        Locale: () => new LocaleService()
    },
    kolada: {
        Kpis: () => new KpiCatalog()
    }
};

/** The editor services on top of the core: hover, completion, formatting, code actions… */
export const VplanLspModule: Module<VplanServices, PartialLangiumServices> = {
    lsp: VplanEditorServices,
    workspace: {
        // Lets the server's lazy reference index describe a document's references synchronously.
        ReferenceDescriptionProvider: services => new VplanReferenceDescriptionProvider(services)
    }
};

/**
 * The services for a batch host (the CLI, tests): Langium's core without its LSP layer, so that
 * start-up does not pay for what a batch run never answers.
 */
export function createVplanCoreServices(context: DefaultSharedCoreModuleContext): {
    shared: LangiumSharedCoreServices;
    Vplan: VplanCoreServices;
} {
    const shared = inject(createDefaultSharedCoreModule(context), VplanGeneratedSharedModule);
    const Vplan = inject(createDefaultCoreModule({ shared }), VplanGeneratedModule, VplanCoreModule);
    shared.ServiceRegistry.register(Vplan);
    registerValidation(Vplan);
    return { shared, Vplan };
}

/** The services for the language server. */
export function createVplanServices(context: DefaultSharedModuleContext): {
    shared: LangiumSharedServices;
    Vplan: VplanServices;
} {
    const shared = inject(createDefaultSharedModule(context), VplanGeneratedSharedModule, VplanSharedLspModule);
    const Vplan = inject(
        createDefaultModule({ shared }),
        VplanGeneratedModule,
        VplanCoreModule as Module<VplanServices, PartialLangiumServices>,
        VplanLspModule
    );
    shared.ServiceRegistry.register(Vplan);
    registerValidation(Vplan);
    followClientLocale(shared, Vplan);
    keepFindingsOfOpenDocuments(shared, Vplan);
    // Langium's first build of the workspace does not validate: the Problems view would stay empty
    // for plans not opened yet, and the first keystroke would validate the whole workspace while
    // hover and completion wait. Validate with the checks a keystroke runs.
    shared.workspace.WorkspaceManager.initialBuildOptions = { validation: { categories: ['built-in', 'fast'] } };
    return { shared, Vplan };
}

/** Open documents keep their blocks' findings for the next keystroke (validation/diagnostic-reuse.ts). */
function keepFindingsOfOpenDocuments(shared: LangiumSharedServices, services: VplanServices): void {
    const documents = shared.workspace.TextDocuments;
    const reuse = new DiagnosticReuse(uri => documents.get(uri) !== undefined);
    (services.validation.DocumentValidator as VplanDocumentValidator).reuse = reuse;
    documents.onDidClose(event => reuse.forget(event.document.uri));
    shared.workspace.DocumentBuilder.onUpdate((_changed, deleted) => deleted.forEach(uri => reuse.forget(uri.toString())));
}

function registerValidation(services: VplanCoreServices): void {
    registerVplanChecks(services);
}
