import { isDecision, type Decision, type Lang, type Plan } from '@vplan/language';

/** The plan's decision details, if it states them. */
export function decisionOf(plan: Plan): Decision | undefined {
    return (plan.members ?? []).find(isDecision);
}

/**
 * The decision as a cover states it: "Beslutad av kommunstyrelsen 2025-12-10 § 123, dnr KS 2025/456",
 * "Adopted by the Board 2025-12-10 § 123, ref. KS 2025/456".
 */
export function decisionText(decision: Decision, lang: Lang): string {
    const words = lang === 'sv' ? { by: 'Beslutad av', ref: 'dnr' } : { by: 'Adopted by', ref: 'ref.' };
    let out = `${words.by} ${decision.body ?? ''}`.trim();
    if (decision.date) out += ` ${decision.date}`;
    if (decision.paragraph) out += ` § ${decision.paragraph}`;
    if (decision.reference) out += `, ${words.ref} ${decision.reference}`;
    return out;
}
