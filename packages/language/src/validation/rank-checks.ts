// Rank bands fetched from a Kolada municipality group: the group's id has Kolada's form, and the
// indicator says which value is better, without which no rank can be computed.
import type { ValidationAcceptor } from 'langium';
import { isSourceRef, type ComparisonGroup, type Indicator } from '../generated/ast.js';
import type { Lang } from '../i18n/lang.js';
import { rankSetup } from '../semantics/index.js';
import { checkIdForm } from './id-form.js';
import { messages } from './messages.js';
import { report } from './report.js';

/** Kolada's municipality group ids: a G and digits (G124026). */
export const KOLADA_GROUP_ID = /^G\d{1,9}$/;

export function checkKoladaGroupId(group: ComparisonGroup, accept: ValidationAcceptor, lang: Lang): void {
    checkIdForm(group, 'koladaId', KOLADA_GROUP_ID, 'kolada-group-id-format', messages.koladaGroupIdFormat, 'id', accept, lang);
}

/** Only where the plan asks for a fetch: a KPI id and a group with a Kolada id. */
export function checkRankDirection(indicator: Indicator, accept: ValidationAcceptor, lang: Lang): void {
    const kpi = (indicator.members ?? []).find(isSourceRef)?.kpi;
    if (!kpi) return;
    const setup = rankSetup(indicator);
    if (!setup?.koladaGroup || setup.better || !setup.group) return;
    const ref = (indicator.members ?? []).find(isSourceRef)!;
    report(accept, lang, 'rank-direction-missing', messages.rankDirectionMissing(setup.group.title ?? setup.group.name),
        { node: ref, property: 'kpi' }, { group: setup.group.name, koladaGroup: setup.koladaGroup });
}
