/**
 * `revops/metrics`: conversion and funnels, win rates, rate intervals and comparisons,
 * empirical-Bayes shrinkage, and the team KPIs managers steer by, each with a mergeable
 * summary for large data.
 *
 * The rate and interval functions (`conversionRate`, `wilsonInterval`, `compareRates`,
 * `shrinkRates`, `normalCdf`, `normalQuantile`) are plain-number code in files that import
 * neither zod nor decimal.js, so importing one of them costs a few hundred bytes.
 * @module metrics
 */
export { conversionRate } from './conversion-rate.js';
export { wilsonInterval, type RateInterval, type WilsonIntervalOptions } from './wilson-interval.js';
export { compareRates, type RateCounts, type CompareRatesOptions, type RateComparison } from './compare-rates.js';
export {
  shrinkRates,
  type RateGroup,
  type BetaPrior,
  type ShrinkRatesOptions,
  type ShrunkRate,
  type ShrinkRatesResult,
} from './shrink-rates.js';
export {
  GROUP_BY_KEYS,
  UNASSIGNED,
  type GroupBy,
  type GroupByKey,
  type GroupingOptions,
} from '../model/group-by.js';
export type { Grouped, GroupedSummary, GroupLabel } from './grouped-summary.js';
export type { OutcomeOptions } from './deal-outcome.js';
export {
  mergeFunnel,
  finalizeFunnel,
  type Funnel,
  type FunnelParameters,
  type FunnelRow,
  type FunnelState,
  type FunnelSummary,
} from './funnel-summary.js';
export { summarizeFunnel, type FunnelEntity, type FunnelOptions } from './funnel-count.js';
export { funnel } from './funnel.js';
export type { DealKpiOptions, KpiDeal } from './deal-kpi.js';
export {
  winRate,
  summarizeWinRate,
  mergeWinRate,
  finalizeWinRate,
  type WinRate,
  type WinRateOptions,
  type WinRateParameters,
  type WinRateState,
  type WinRateSummary,
} from './win-rate.js';
export {
  averageDealSize,
  summarizeAverageDealSize,
  mergeAverageDealSize,
  finalizeAverageDealSize,
  type AverageDealSize,
  type AverageDealSizeOptions,
  type DealSizeParameters,
  type DealSizeState,
  type DealSizeSummary,
} from './deal-size.js';
export {
  salesCycleLength,
  summarizeSalesCycleLength,
  mergeSalesCycleLength,
  finalizeSalesCycleLength,
  type SalesCycleLength,
  type SalesCycleLengthOptions,
  type CycleLengthParameters,
  type CycleLengthState,
  type CycleLengthSummary,
} from './cycle-length.js';
export type { ActivityKpiOptions, KpiActivity } from './activity-kpi.js';
export {
  averageCallDuration,
  summarizeAverageCallDuration,
  mergeAverageCallDuration,
  finalizeAverageCallDuration,
  type AverageCallDuration,
  type AverageCallDurationOptions,
  type CallDurationParameters,
  type CallDurationState,
  type CallDurationSummary,
} from './call-duration.js';
export {
  activityCounts,
  summarizeActivityCounts,
  mergeActivityCounts,
  finalizeActivityCounts,
  type ActivityCounts,
  type ActivityCountState,
  type ActivityCountSummary,
} from './activity-counts.js';
export {
  quotaAttainment,
  summarizeQuotaAttainment,
  mergeQuotaAttainment,
  finalizeQuotaAttainment,
  type AttainmentDeal,
  type QuotaRef,
  type QuotaAttainment,
  type QuotaAttainmentOptions,
  type QuotaAttainmentRow,
  type AttainmentTotal,
  type AttainmentSummaryRow,
  type QuotaAttainmentSummary,
} from './quota-attainment.js';
export {
  pipelineVelocity,
  type PipelineVelocity,
  type PipelineVelocityInputs,
  type PipelineVelocityOptions,
} from './pipeline-velocity.js';
export {
  revenuePerRep,
  summarizeRevenuePerRep,
  mergeRevenuePerRep,
  finalizeRevenuePerRep,
  type RevenuePerRep,
  type RevenuePerRepOptions,
  type RevenuePerRepParameters,
  type RepRef,
  type RevenuePerRepState,
  type RevenuePerRepSummary,
} from './revenue-per-rep.js';
export {
  territoryBalance,
  summarizeTerritoryBalance,
  mergeTerritoryBalance,
  finalizeTerritoryBalance,
  type TerritoryBalance,
  type TerritoryBalanceOptions,
  type BalanceAccount,
  type TerritoryBalanceSummary,
  type TerritoryLoad,
  type Dispersion,
} from './territory-balance.js';
export {
  assignAccountTiers,
  type TierThreshold,
  type AssignAccountTiersOptions,
  type AccountTiers,
} from './account-tiers.js';
