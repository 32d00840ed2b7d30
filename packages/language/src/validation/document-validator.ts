import { DefaultDocumentValidator, type LangiumDocument, type ValidationOptions, type AstReflection, type ScopeProvider } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { LocaleService } from '../i18n/locale-service.js';
import type { VplanCoreServices } from '../vplan-module.js';
import { closestName } from './edit-distance.js';
import { messages, REFERENCE_KIND } from './messages.js';

/**
 * Langium's document validator, with unresolved references reported as `unresolved-reference`
 * in the user's language and with a "did you mean" taken from what is in scope.
 */
export class VplanDocumentValidator extends DefaultDocumentValidator {
    private readonly locale: LocaleService;
    private readonly scopes: ScopeProvider;
    private readonly reflection: AstReflection;

    constructor(services: VplanCoreServices) {
        super(services);
        this.locale = services.i18n.Locale;
        this.scopes = services.references.ScopeProvider;
        this.reflection = services.shared.AstReflection;
    }

    protected override processLinkingErrors(document: LangiumDocument, diagnostics: Diagnostic[], _options: ValidationOptions): void {
        const lang = this.locale.lang;
        for (const reference of document.references) {
            const error = reference.error;
            if (!error) continue;
            const info = error.info;
            const written = info.reference.$refText ?? '';
            let type = '';
            let suggestion: string | undefined;
            try {
                type = this.reflection.getReferenceType(info);
                const names = this.scopes.getScope(info).getAllElements().map(d => d.name);
                suggestion = written ? closestName(written, names) : undefined;
            } catch {
                // A scope that cannot be computed leaves the message without a suggestion.
            }
            const kind = REFERENCE_KIND[type] ?? { sv: type || 'referens', en: type || 'reference' };
            const message = messages.unresolved(kind, written, suggestion)[lang];
            const range = reference.$refNode?.range;
            diagnostics.push(this.toDiagnostic('error', message, {
                node: info.container,
                range,
                property: info.property,
                index: info.index,
                code: 'unresolved-reference',
                data: {
                    code: 'unresolved-reference',
                    refText: written,
                    referenceType: type,
                    containerType: info.container.$type,
                    property: info.property,
                    suggestion,
                    ...(suggestion && range ? { fix: { title: messages.fixUseSuggestion(suggestion), range, newText: suggestion } } : {})
                }
            }));
        }
    }
}
