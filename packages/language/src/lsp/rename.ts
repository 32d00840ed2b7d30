import { CstUtils, type LangiumDocument } from 'langium';
import { DefaultRenameProvider } from 'langium/lsp';
import { ErrorCodes, ResponseError, type RenameParams, type WorkspaceEdit } from 'vscode-languageserver';
import type { Lang } from '../i18n/lang.js';
import type { VplanServices } from '../vplan-module.js';

/** An id as the grammar's ID terminal reads it (letters incl. å ä ö é…, digits, underscore). */
const ID = /^[A-Za-z_\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F][A-Za-z0-9_\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F]*$/;
/** Keywords the grammar also accepts as ids (Name: ID | 'kolada' | …). */
const KEYWORD_IDS = new Set(['kolada', 'kpi', 'url', 'max', 'text', 'status', 'plan', 'budget', 'control', 'mission']);

/**
 * Rename of ids: every reference in every file (Langium's reference index, which follows our
 * scoping, so a series `htj` and a role `htj` stay apart), refusing names the plan could not parse.
 */
export class VplanRenameProvider extends DefaultRenameProvider {
    private readonly services: VplanServices;

    constructor(services: VplanServices) {
        super(services);
        this.services = services;
    }

    override async rename(document: LangiumDocument, params: RenameParams): Promise<WorkspaceEdit | undefined> {
        const problem = this.checkNewName(document, params);
        if (problem) throw new ResponseError(ErrorCodes.InvalidParams, problem);
        return super.rename(document, params);
    }

    /** Why a new name cannot be used, in the display language, or undefined when it can. */
    checkNewName(document: LangiumDocument, params: RenameParams): string | undefined {
        const lang: Lang = this.services.i18n.Locale.langOf(document);
        const name = params.newName;
        const keywords = this.services.parser.Lexer.definition;
        if (!ID.test(name)) {
            return lang === 'sv'
                ? `"${name}" kan inte vara ett id: ett id börjar med en bokstav eller _ och innehåller bara bokstäver, siffror och _ (inga mellanslag eller bindestreck).`
                : `"${name}" cannot be an id: an id starts with a letter or _ and contains only letters, digits and _ (no spaces or hyphens).`;
        }
        // Own keys only: `in` also finds "constructor", "toString"… on the prototype, which are fine ids.
        if (Object.hasOwn(keywords, name) && !KEYWORD_IDS.has(name)) {
            return lang === 'sv'
                ? `"${name}" är ett nyckelord i planspråket och kan inte vara ett id.`
                : `"${name}" is a keyword of the plan language and cannot be an id.`;
        }
        // Refuse a name another declaration of the same kind already has: the references would merge.
        const root = document.parseResult.value.$cstNode;
        const leaf = root && CstUtils.findDeclarationNodeAtOffset(root, document.textDocument.offsetAt(params.position), this.grammarConfig.nameRegexp);
        const target = leaf ? this.references.findDeclarations(leaf)[0] : undefined;
        if (target) {
            const taken = this.services.shared.workspace.IndexManager.allElements(target.$type)
                .some(d => d.name === name && d.node !== target);
            if (taken) {
                return lang === 'sv'
                    ? `Det finns redan något med id "${name}" av samma slag; välj ett annat id.`
                    : `Something of the same kind already has the id "${name}"; choose another id.`;
            }
        }
        return undefined;
    }
}
