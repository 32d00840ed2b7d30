// Every check declares what it reads (validation/check-scope.ts): the language server reuses the
// findings of `block` checks on blocks an edit left unchanged (validation/diagnostic-reuse.ts). A check
// declared `block` that reads another block, another document, the date or a cache would leave stale
// findings in the editor. When this test fails because a check was added or reclassified: make sure
// a `block` check reads only its block, the plan's context (planKey in diagnostic-reuse.ts) and what
// its block's references resolve to; then update the table.
import { describe, expect, test } from 'vitest';
import { EmptyFileSystem } from 'langium';
import { createVplanServices } from '../../src/index.js';
import { blockCheck, documentCheck, scopeOf, ScopedValidationRegistry } from '../../src/validation/check-scope.js';

describe('what each check reads', () => {
    const services = createVplanServices(EmptyFileSystem);
    const registry = services.Vplan.validation.ValidationRegistry;

    test('every registered check declares its scope, and the table says which', () => {
        const scopes: Record<string, string[]> = {};
        for (const type of services.shared.AstReflection.getAllTypes().sort()) {
            const checks = registry.getChecks(type).toArray();
            if (checks.length > 0) scopes[type] = checks.map(check => scopeOf(check) ?? 'undeclared');
        }
        expect(scopes).toEqual({
            // Thresholds, restatement, duties; the series' duplicate ids (a line number), same KPI (the workspace);
            // rank direction (the group it references); duplicate ids.
            Indicator: ['block', 'block', 'block', 'document', 'document', 'block', 'document'],
            Outcome: ['block'],
            // The id's form; what the Kolada cache (refreshed at any time) says of it.
            SourceRef: ['block', 'document'],
            Deadline: ['block'],
            Frequency: ['block'],
            Contribution: ['block'],
            Activity: ['block'],
            BudgetAssignment: ['block', 'document'],
            ControlArea: ['block', 'document'],
            Mission: ['block', 'document'],
            Plan: ['document', 'document', 'document'],
            Goal: ['document'],
            Role: ['document'],
            Source: ['document'],
            // The Kolada group id's form; duplicate ids.
            ComparisonGroup: ['block', 'document'],
            Organisation: ['document'],
            Department: ['document'],
            Unit: ['document'],
            PeriodReport: ['document']
        });
    });

    test('a check registered without a scope is refused', () => {
        const fresh = new ScopedValidationRegistry(services.Vplan);
        expect(() => fresh.register({ Goal: () => undefined } as never)).toThrow(/blockCheck|documentCheck/);
        expect(() => fresh.register({ Goal: [blockCheck(() => undefined), documentCheck(() => undefined)] } as never)).not.toThrow();
        expect(fresh.getChecks('Goal').toArray().map(scopeOf)).toEqual(['block', 'document']);
    });
});
