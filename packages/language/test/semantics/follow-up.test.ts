import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
    activitiesAt, defaultPeriod, findPeriod, fulfilmentOf, indicatorsAt, isDue, isOverdue, isPlan, isReady, periodKey,
    periodReportsIn, planFulfilment, planYearModel, wentBackwards, type Document, type Plan
} from '../../src/index.js';
import { validate } from '../validation/helpers.js';

const example = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../examples/uppfoljning');
const files = ['kommun.vplan', 'omsorg-2026.vplan', 'uppfoljning-t1.vplan', 'uppfoljning-t2.vplan']
    .map(f => readFileSync(path.join(example, f), 'utf8'));

async function exampleModel(only = files) {
    const v = await validate(only, 'sv');
    const roots = v.documents.map(d => d.parseResult.value as Document);
    for (const d of v.documents) expect(d.parseResult.parserErrors).toEqual([]);
    const plan = roots.flatMap(r => r.elements).find(isPlan) as Plan;
    return planYearModel(plan, periodReportsIn(roots));
}

describe('periods of a plan', () => {
    test('period keys in the plan year', () => {
        expect(periodKey('T1', 2026)).toBe('2026-T1');
        expect(periodKey('annual', 2026)).toBe('2026');
        expect(periodKey('interim', 2026)).toBe('2026-interim');
        expect(periodKey('Q3', 2026)).toBe('2026-Q3');
    });
    test('the default period is the latest with a follow-up; T1 is ready, T2 a draft', async () => {
        const model = await exampleModel();
        expect(model.periods.map(p => p.name)).toEqual(['T1', 'T2', 'annual']);
        expect(defaultPeriod(model)?.name).toBe('T2');
        expect(isReady(model, findPeriod(model, 'T1')!)).toBe(true);
        expect(isReady(model, findPeriod(model, 'T2')!)).toBe(false);
        expect(findPeriod(model, 'helår')?.key).toBe('2026');
        const withoutT2 = await exampleModel(files.slice(0, 3));
        expect(defaultPeriod(withoutT2)?.name).toBe('T1');
    });
});

describe('indicators as of a period', () => {
    test('status, outcome, trend and analysis at T1 and T2', async () => {
        const model = await exampleModel();
        const t1 = indicatorsAt(model, findPeriod(model, 'T1')!);
        const byName = new Map(t1.map(i => [i.indicator.name, i]));
        const kont = byName.get('exPersonalkontinuitet')!;
        expect(kont.status).toBe('red');
        expect(kont.display).toBe('17');
        expect(kont.outcomePeriod).toBe('2026-T1');
        expect(kont.current).toBe(true);
        expect(kont.trend).toBe('worsening');
        expect(kont.analysis).toContain('vakanta tjänster');
        expect(kont.actions).toContain('Rekrytera');
        expect(byName.get('exSjukfranvaro')!.status).toBe('red');
        expect(byName.get('exSjukfranvaro')!.analysis).toBeUndefined();
        expect(byName.get('exFallskador')!.status).toBe('yellow');
        // A yearly indicator at T1: last year's outcome carried forward, not due.
        const nojd = byName.get('exNojdHemtjanst')!;
        expect(nojd.current).toBe(false);
        expect(nojd.outcomePeriod).toBe('2025');
        expect(nojd.due).toBe(false);

        const t2 = new Map(indicatorsAt(model, findPeriod(model, 'T2')!).map(i => [i.indicator.name, i]));
        expect(t2.get('exPersonalkontinuitet')!.status).toBe('yellow');
        expect(t2.get('exPersonalkontinuitet')!.previousStatus).toBe('red');
        expect(t2.get('exPersonalkontinuitet')!.trend).toBe('improving');
        expect(t2.get('exFallskador')!.status).toBe('green');
        // T1's analysis is T1's: T2 of sjukfrånvaro has its own.
        expect(t2.get('exSjukfranvaro')!.analysis).toContain('långa');
    });
    test('due by frequency: tertial indicators at T1, yearly ones only at the annual report', async () => {
        const model = await exampleModel();
        const kont = indicatorsAt(model, model.periods[0]).find(i => i.indicator.name === 'exPersonalkontinuitet')!;
        expect(kont.due).toBe(true);
        const nojd = indicatorsAt(model, model.periods[2]).find(i => i.indicator.name === 'exNojdHemtjanst')!;
        expect(isDue(nojd.indicator, model.periods[2])).toBe(true);
    });
});

describe('activities as of a period', () => {
    test('progress from the period, carried from an earlier one, the comment', async () => {
        const model = await exampleModel();
        const t1 = new Map(activitiesAt(model, model.periods[0]).map(a => [a.title, a]));
        const team = t1.get('Införa fasta team i varje hemtjänstgrupp')!;
        expect(team.state).toBe('started');
        expect(team.stateFrom).toBe('period');
        expect(team.comment).toContain('östra');
        expect(team.deadline).toBe('2026-04-30');
        expect(isOverdue(team, '2026-05-15')).toBe(true);
        expect(isOverdue(team, '2026-04-01')).toBe(false);
        const schema = t1.get('Nytt schema med önskad sysselsättningsgrad')!;
        expect(schema.state).toBe('not-started');
        const t2 = new Map(activitiesAt(model, model.periods[1]).map(a => [a.title, a]));
        expect(t2.get('Införa fasta team i varje hemtjänstgrupp')!.state).toBe('done');
        expect(t2.get('Införa fasta team i varje hemtjänstgrupp')!.previousState).toBe('started');
        const annual = new Map(activitiesAt(model, model.periods[2]).map(a => [a.title, a]));
        expect(annual.get('Införa fasta team i varje hemtjänstgrupp')!.stateFrom).toBe('earlier');
    });
    test('going backwards', () => {
        expect(wentBackwards('done', 'started')).toBe(true);
        expect(wentBackwards('started', 'not-started')).toBe(true);
        expect(wentBackwards('started', 'done')).toBe(false);
        expect(wentBackwards('done', 'cancelled')).toBe(false);
        expect(wentBackwards(undefined, 'started')).toBe(false);
    });
});

describe('goal fulfilment', () => {
    test('the rule: share of green fulfils, share of red fails, else partly', () => {
        expect(fulfilmentOf(['green', 'green', 'green', 'yellow']).fulfilment).toBe('fulfilled');
        expect(fulfilmentOf(['green', 'yellow']).fulfilment).toBe('partly');
        expect(fulfilmentOf(['red', 'yellow']).fulfilment).toBe('not-fulfilled');
        expect(fulfilmentOf(['no-data', 'pending']).fulfilment).toBe('not-assessable');
        expect(fulfilmentOf(['green', 'no-data']).greenShare).toBe(100);
        expect(fulfilmentOf(['green', 'yellow'], { fulfilled: 50, notFulfilled: 50, stated: true }).fulfilment).toBe('fulfilled');
    });
    test('rolled up along the chain: indicator → unit goal → council goal', async () => {
        const model = await exampleModel();
        const at = (n: number) => {
            const statuses = new Map(indicatorsAt(model, model.periods[n]).map(i => [i.indicator, i.status]));
            return planFulfilment(model.plan, statuses);
        };
        const t1 = at(0);
        expect(t1.rule.stated).toBe(true);
        const trygghet = t1.councilGoals.find(g => g.target.name === 'exTrygghet')!;
        // personalkontinuitet through the unit goal exKontinuitet, nöjdhet and fallskador directly
        expect(trygghet.indicators.map(i => i.name).sort()).toEqual(['exFallskador', 'exNojdHemtjanst', 'exPersonalkontinuitet']);
        expect(trygghet.result.fulfilment).toBe('partly');
        expect(t1.unitGoals.map(g => g.target.name)).toEqual(['exKontinuitet']);
        expect(t1.unitGoals[0].result.fulfilment).toBe('not-fulfilled');
        expect(t1.councilGoals.find(g => g.target.name === 'exArbetsgivare')!.result.fulfilment).toBe('not-fulfilled');
        expect(t1.units.map(u => u.title)).toEqual(['Hemtjänsten', 'Särskilt boende']);
        const t2 = at(1);
        expect(t2.units.find(u => u.title === 'Särskilt boende')!.result).toMatchObject({ green: 1, red: 1, fulfilment: 'not-fulfilled' });
    });
});
