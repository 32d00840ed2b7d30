import type { ValidationAcceptor, ValidationChecks } from 'langium';
import {
    isFollowUp, isSeriesDecl, type Activity, type BudgetAssignment, type ComparisonGroup, type Contribution, type ControlArea, type Deadline,
    type Frequency, type Indicator, type Mission, type Outcome, type PeriodReport, type Plan, type SourceRef, type VplanAstType
} from '../generated/ast.js';
import type { VplanCoreServices } from '../vplan-module.js';
import { DuplicateIds, checkLocalDuplicates } from './duplicate-ids.js';
import { checkContribution, checkDeadline, checkMonthly, checkOutcome, checkPlanYear } from './plan-checks.js';
import { checkPeriodReport } from './follow-up-checks.js';
import { checkKpi, checkKpiId, checkSameKpi, SameKpiIndex } from './kpi-checks.js';
import { checkKoladaGroupId, checkRankDirection } from './rank-checks.js';
import { checkActivity, checkAssignment, checkIndicatorDuties } from './responsibility-checks.js';
import { checkRestatement, checkThresholds } from './threshold-checks.js';

export { DIAGNOSTICS, DIAGNOSTIC_CODES, DIAGNOSTIC_SUMMARY, type DiagnosticCode, type SuggestedFix, type VplanDiagnosticData } from './codes.js';
export { AsOfDate } from './follow-up-checks.js';
export { VplanDocumentValidator } from './document-validator.js';
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
    const sameKpi = new SameKpiIndex(services.shared);
    const documents = services.shared.workspace.LangiumDocuments;
    const asOf = services.followUp.AsOf;
    const named = (node: { name?: string } & Parameters<DuplicateIds['check']>[0], accept: ValidationAcceptor) =>
        duplicates.check(node, accept, lang());
    const checks: ValidationChecks<VplanAstType> = {
        Indicator: [
            (n: Indicator, a) => checkThresholds(n, a, lang()),
            (n: Indicator, a) => checkRestatement(n, a, lang()),
            (n: Indicator, a) => checkIndicatorDuties(n, a, lang()),
            (n: Indicator, a) => checkLocalDuplicates(n.members.filter(isSeriesDecl), a, lang()),
            (n: Indicator, a) => checkSameKpi(n, sameKpi, a, lang()),
            (n: Indicator, a) => checkRankDirection(n, a, lang()),
            named
        ],
        Outcome: (n: Outcome, a) => checkOutcome(n, a, lang()),
        SourceRef: [
            (n: SourceRef, a) => checkKpiId(n, a, lang()),
            (n: SourceRef, a) => checkKpi(n, a, lang(), kpis)
        ],
        Deadline: (n: Deadline, a) => checkDeadline(n, a, lang()),
        Frequency: (n: Frequency, a) => checkMonthly(n, a, lang()),
        Contribution: (n: Contribution, a) => checkContribution(n, a, lang()),
        Activity: (n: Activity, a) => checkActivity(n, a, lang()),
        BudgetAssignment: [(n: BudgetAssignment, a) => checkAssignment(n, a, lang()), named],
        ControlArea: [(n: ControlArea, a) => checkAssignment(n, a, lang()), named],
        Mission: [(n: Mission, a) => checkAssignment(n, a, lang()), named],
        Plan: [
            (n: Plan, a) => checkLocalDuplicates(n.members.filter(isFollowUp).flatMap(f => f.periods), a, lang()),
            (n: Plan, a) => checkPlanYear(n, a, lang()),
            named
        ],
        Goal: named,
        Role: named,
        Source: named,
        ComparisonGroup: [(n: ComparisonGroup, a) => checkKoladaGroupId(n, a, lang()), named],
        Organisation: named,
        Department: named,
        Unit: named,
        PeriodReport: (n: PeriodReport, a) => checkPeriodReport(n, a, lang(), documents, asOf.value)
    };
    registry.register(checks, undefined, 'fast');
}
