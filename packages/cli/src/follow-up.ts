// What `--period` and `--as-of` mean for the commands: the plan's year model of every plan among the
// loaded documents, the period asked for, the date deadlines are judged at.
import type { LangiumDocument } from 'langium';
import {
    defaultPeriod, findPeriod, isPlan, periodLabel, periodReportsIn, planYearModel,
    type Document, type Lang, type PlanPeriod, type PlanYearModel
} from '@vplan/language';
import { UsageError, type ParsedArgs } from './args.js';

/** `--as-of 2026-05-15`: a date of the calendar, else a usage error. */
export function asOfOption(args: ParsedArgs): string | undefined {
    const value = args.options['as-of'];
    if (value === undefined) return undefined;
    const s = String(value);
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
    const date = m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])) : undefined;
    if (!m || !date || date.getUTCMonth() !== +m[2] - 1 || date.getUTCDate() !== +m[3]) {
        throw new UsageError('bad-value', `--as-of ${s} (YYYY-MM-DD)`);
    }
    return s;
}

export function periodOption(args: ParsedArgs): string | undefined {
    const value = args.options.period;
    if (value === undefined) return undefined;
    if (typeof value !== 'string' || value.trim() === '') throw new UsageError('missing-value', '--period');
    return value;
}

/** Every plan among the documents with the follow-ups any of the documents hold for it. */
export function planYearModels(documents: readonly LangiumDocument[]): { model: PlanYearModel; document: LangiumDocument }[] {
    const roots = documents.map(d => d.parseResult.value as Document);
    const reports = periodReportsIn(roots);
    return documents.flatMap(document => (document.parseResult.value as Document).elements.filter(isPlan)
        .map(plan => ({ model: planYearModel(plan, reports), document })));
}

/** The period asked for (by name, title or key), else the latest with a follow-up, else the first. */
export function choosePeriod(model: PlanYearModel, asked: string | undefined): PlanPeriod | undefined {
    return asked !== undefined ? findPeriod(model, asked) : defaultPeriod(model) ?? model.periods[0];
}

export const NO_SUCH_PERIOD: Record<Lang, (asked: string, plan: string, declared: string) => string> = {
    en: (asked, plan, declared) => `the plan ${plan} has no follow-up period ${asked} (it has: ${declared || 'none'})`,
    sv: (asked, plan, declared) => `planen ${plan} har ingen uppföljningsperiod ${asked} (den har: ${declared || 'inga'})`
};

export function declaredPeriods(model: PlanYearModel, lang: Lang): string {
    return model.periods.map(p => periodLabel(p, lang)).join(', ');
}
