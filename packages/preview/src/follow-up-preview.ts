// What the preview shows for a document: the plan, or the follow-up report of a chosen period (the
// period picker), or — for a follow-up file — the report of its period. Shared by the language
// server's render and the extension host's fallback.
import type { LangiumDocument } from 'langium';
import { defaultPeriod, periodLabel, type Document, type Lang } from '@vplan/language';
import { renderFollowUpReport } from './follow-up-report.js';
import { planYearOfDocument } from './follow-up-model.js';
import { renderDocument } from './render-plan.js';

export interface PreviewChoice {
    lang: Lang;
    dashboard: boolean;
    /** A period of the plan ('T1', 'annual'); empty or absent: the plan itself (a follow-up file: its period). */
    period?: string;
    deviationsOnly?: boolean;
}

export interface PreviewBody {
    html: string;
    /** The plan's follow-up periods, for the picker; empty when the document has no plan. */
    periods: { name: string; label: string }[];
    /** The period shown, or undefined for the plan itself. */
    period?: string;
}

export function renderPreviewBody(document: LangiumDocument<Document>, all: Iterable<LangiumDocument>, choice: PreviewChoice): PreviewBody {
    const year = planYearOfDocument(document, all);
    if (!year) return { html: renderDocument(document, { lang: choice.lang, mode: 'fragment', dashboard: choice.dashboard }), periods: [] };
    const { model, ownPlan, followUpPeriod } = year;
    const periods = model.periods.map(p => ({ name: p.name, label: periodLabel(p, choice.lang) }));
    const wanted = choice.period || (followUpPeriod ?? (choice.deviationsOnly ? defaultPeriod(model)?.name ?? model.periods[0]?.name : undefined));
    const period = model.periods.find(p => p.name === wanted);
    if (!period) {
        const html = ownPlan
            ? renderDocument(document, { lang: choice.lang, mode: 'fragment', dashboard: choice.dashboard })
            : renderDocument(document, { lang: choice.lang, mode: 'fragment', dashboard: false });
        return { html, periods };
    }
    return {
        html: renderFollowUpReport(model, period, { lang: choice.lang, mode: 'fragment', deviationsOnly: choice.deviationsOnly }),
        periods, period: period.name
    };
}
