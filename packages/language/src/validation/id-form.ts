// An id another system defines (a Kolada KPI, a Kolada municipality group) checked against its form,
// with a quick fix when capitals are all it lacks.
import { GrammarUtils, type AstNode, type Properties, type ValidationAcceptor } from 'langium';
import type { Lang, Localized } from '../i18n/lang.js';
import type { DiagnosticCode } from './codes.js';
import { messages } from './messages.js';
import { report } from './report.js';

export function checkIdForm<N extends AstNode>(
    node: N, property: Properties<N> & string, form: RegExp, code: DiagnosticCode, message: (id: string) => Localized,
    dataKey: string, accept: ValidationAcceptor, lang: Lang
): void {
    const id = (node as Record<string, unknown>)[property];
    if (typeof id !== 'string' || form.test(id)) return;
    const upper = id.trim().toUpperCase();
    const cst = GrammarUtils.findNodeForProperty(node.$cstNode, property);
    const fix = form.test(upper) && cst
        ? { title: messages.fixReplace(`"${upper}"`), range: cst.range, newText: JSON.stringify(upper) } : undefined;
    report(accept, lang, code, message(id), { node, property }, { [dataKey]: id }, fix);
}
