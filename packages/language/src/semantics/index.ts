// The one place where thresholds, status and trend are defined. Hover, inlay hints, preview, CLI and
// validation all call this module.
export { parseNumber, formatNumber, localizedNumber, type ParsedNumber } from './numbers.js';
export { parsePeriod, comparePeriods, periodOrder, type ParsedPeriod } from './periods.js';
export {
    readThresholds, effectiveBands, restatedIndicator, bandText, bandsText, intervalText, colorWord, uncoveredText,
    contains, intersect, isEmpty, isSubset,
    type BandColor, type BetterDirection, type Bound, type Interval, type ThresholdKind, type NormalBand, type DirectionSource,
    type SeriesThresholds, type ThresholdProblem, type IndicatorThresholds
} from './thresholds.js';
export { trendBetween, trendByRank } from './trend.js';
export { rankInGroup, rankSetup, type GroupRank, type RankSetup } from './rank.js';
export * from './vocabulary.js';
export {
    assessIndicator, thresholdsOf, statusOfValue, countStatuses, comparedWithText, restatementChain,
    type OutcomeAssessment, type SeriesAssessment, type IndicatorAssessment, type StatusCounts
} from './status.js';
export { assessIndicatorAsOf } from './status.js';
export {
    planPeriods, planYear, periodKey, periodLabel, periodReportsIn, planYearModel, defaultPeriod, findPeriod, isReady,
    reportState, reportPlan, indicatorAt, indicatorsAt, deviationsAtPeriod, followedIndicator, planIndicators, isDue, activityAt, activitiesAt,
    followedTarget, planProgressTargets, wentBackwards, isOverdue, today, PROGRESS_STATES, PROGRESS_WORD,
    type PlanPeriod, type PlanYearModel, type IndicatorAtPeriod, type ActivityAtPeriod, type ProgressState, type FollowedTarget
} from './follow-up.js';
export {
    fulfilmentOf, fulfilmentRule, goalChain, isCouncilGoal, planFulfilment, DEFAULT_FULFILMENT_RULE,
    FULFILMENTS, FULFILMENT_WORD, type Fulfilment, type FulfilmentResult, type FulfilmentRuleValues, type GoalFulfilment
} from './goal-fulfilment.js';
export { contributedGoals, overarchingGoals, type GoalRef } from './goals.js';
export { outcomeOutOfScale, outsideScale, scaleText } from './scale.js';
export { planWord, writtenText } from './words.js';
export { deviationsOf, deviationsIn, type Deviation, type DeviationStatus } from './deviations.js';
