import type { ValidationAcceptor, ValidationChecks } from 'langium';
import {
    isFollowUp, isSeriesDecl, type Activity, type BudgetAssignment, type ComparisonGroup, type Contribution, type ControlArea, type Deadline,
    type Frequency, type Indicator, type Mission, type Outcome, type PeriodReport, type Plan, type SourceRef, type VplanAstType
} from '../generated/ast.js';
import type { VplanCoreServices } from '../vplan-module.js';
import { DuplicateIds, checkLocalDuplicates } from './duplicate-ids.js';
import { checkContribution, checkDeadline, checkMonthly, checkOutcome, checkPlanYear } from './plan-checks.js';
import { checkPeriodReport } from './follow-up-checks.js';
import { checkKpi, checkKpiId, checkSameKpi, KpiIndicators } from './kpi-checks.js';
import { checkKoladaGroupId, checkRankDirection } from './rank-checks.js';
import { checkActivity, checkAssignment, checkIndicatorDuties } from './responsibility-checks.js';
import { checkRestatement, checkThresholds } from './threshold-checks.js';
import { blockCheck, documentCheck } from './check-scope.js';

export { DIAGNOSTICS, DIAGNOSTIC_CODES, DIAGNOSTIC_SUMMARY, type DiagnosticCode, type SuggestedFix, type VplanDiagnosticData } from './codes.js';
export { AsOfDate } from './follow-up-checks.js';
export { VplanDocumentValidator } from './document-validator.js';
export { ScopedValidationRegistry, scopeOf, type CheckScope } from './check-scope.js';
export { editDistance, closestName, foldName } from './edit-distance.js';
export { messages as validationMessages } from './messages.js';

/**
 * Registers the vplan checks. Every check is local to a node or reads cached models, so all run in
 * the 'fast' category (on every keystroke); the workspace-wide duplicate-id check reads an index of
 * names built once per build.
 */
export function registerVplanChecks(services: VplanCoreServices): void {
    const registry = services.validation.ValidationRegistry;
    // Resolved once: reading a service through the injector on every node costs more than the check.
    const locale = services.i18n.Locale;
    const lang = () => locale.lang;
    const kpis = services.kolada.Kpis;
    const duplicates = new DuplicateIds(services.shared);
    const documents = services.shared.workspace.LangiumDocuments;
    const asOf = services.followUp.AsOf;
    const kpiIndicators = new KpiIndicators(services.shared);
    // Duplicate ids read every document's symbols (and name the other's line): document checks.
    const named = documentCheck((node: { name?: string } & Parameters<DuplicateIds['check']>[0], accept: ValidationAcceptor) =>
        duplicates.check(node, accept, lang()));
    // Each check says what it reads (check-scope.ts): `block` findings are reused after an edit that
    // leaves the block, its references' targets and the plan's context as they were.
    const checks: ValidationChecks<VplanAstType> = {
        Indicator: [
            blockCheck((n: Indicator, a) => checkThresholds(n, a, lang())),
            blockCheck((n: Indicator, a) => checkRestatement(n, a, lang())),
            blockCheck((n: Indicator, a) => checkIndicatorDuties(n, a, lang())),
            // Names the line of the first declaration: moves with the block.
            documentCheck((n: Indicator, a) => checkLocalDuplicates(n.members.filter(isSeriesDecl), a, lang())),
            // Other indicators with the same KPI, in every document.
            documentCheck((n: Indicator, a) => checkSameKpi(n, kpiIndicators, a, lang())),
            // The comparison group it is ranked in: a reference.
            blockCheck((n: Indicator, a) => checkRankDirection(n, a, lang())),
            named
        ],
        Outcome: blockCheck((n: Outcome, a) => checkOutcome(n, a, lang())),
        SourceRef: [
            blockCheck((n: SourceRef, a) => checkKpiId(n, a, lang())),
            // The Kolada cache can be refreshed between two edits.
            documentCheck((n: SourceRef, a) => checkKpi(n, a, lang(), kpis))
        ],
        Deadline: blockCheck((n: Deadline, a) => checkDeadline(n, a, lang())),
        Frequency: blockCheck((n: Frequency, a) => checkMonthly(n, a, lang())),
        Contribution: blockCheck((n: Contribution, a) => checkContribution(n, a, lang())),
        Activity: blockCheck((n: Activity, a) => checkActivity(n, a, lang())),
        BudgetAssignment: [blockCheck((n: BudgetAssignment, a) => checkAssignment(n, a, lang())), named],
        ControlArea: [blockCheck((n: ControlArea, a) => checkAssignment(n, a, lang())), named],
        Mission: [blockCheck((n: Mission, a) => checkAssignment(n, a, lang())), named],
        Plan: [
            documentCheck((n: Plan, a) => checkLocalDuplicates(n.members.filter(isFollowUp).flatMap(f => f.periods), a, lang())),
            documentCheck((n: Plan, a) => checkPlanYear(n, a, lang())),
            named
        ],
        Goal: named,
        Role: named,
        Source: named,
        ComparisonGroup: [blockCheck((n: ComparisonGroup, a) => checkKoladaGroupId(n, a, lang())), named],
        Organisation: named,
        Department: named,
        Unit: named,
        // Other follow-ups of the plan, and the date.
        PeriodReport: documentCheck((n: PeriodReport, a) => checkPeriodReport(n, a, lang(), documents, asOf.value))
    };
    registry.register(checks, undefined, 'fast');
}
