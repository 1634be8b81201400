/**
 * `revops/retention`: customers kept and revenue kept — logo churn and retention rates
 * under each provider's convention, exact MRR movements, GRR/NRR, cohort tables, unit
 * economics (lifetime, LTV, LTV:CAC, CAC payback, quick ratio), the profit impact of
 * retention, and the shifted-beta-geometric retention model of Fader & Hardie (2007).
 * @module retention
 */
export type { MaybeInfinite } from './maybe-infinite.js';
export {
  sbgSurvival,
  sbgRetentionRate,
  sbgProject,
  sbgExpectedLifetime,
  sbgDel,
  sbgDerl,
  MIN_DISCOUNT_RATE,
  type SbgParameters,
  type SbgProjectionPoint,
  type SbgProjectOptions,
  type SbgDelOptions,
  type SbgDerlOptions,
} from './sbg.js';
export {
  fitShiftedBetaGeometric,
  type FitShiftedBetaGeometricOptions,
  type ShiftedBetaGeometricFit,
} from './sbg-fit.js';
export {
  RETENTION_PRESETS,
  type RetentionPresetName,
  type RetentionConvention,
  type SameWindowRule,
  type ReactivationRule,
  type ChurnRecognition,
  type FreePlanRule,
  type DiscountRule,
  type QuickRatioReactivation,
  type MovementConvention,
  type ConventionOptions,
} from './presets.js';
export {
  customerRetentionRate,
  churnRate,
  type RetentionCounts,
  type ChurnCounts,
  type ChurnRateOptions,
} from './rates.js';
export {
  customerLifetime,
  lifetimeValue,
  ltvToCac,
  cacPaybackMonths,
  type LifetimeValueOptions,
  type CacPaybackOptions,
} from './unit-economics.js';
export {
  customerAcquisitionCost,
  type AcquisitionChannel,
  type AcquisitionSpend,
  type ChannelAcquisitionCost,
  type CustomerAcquisitionCost,
  type CustomerAcquisitionCostOptions,
} from './acquisition-cost.js';
export {
  retentionProfitImpact,
  type RetentionProfitImpactInput,
  type RetentionScenario,
  type RetentionProfitImpact,
} from './profit-impact.js';
export {
  summarizeMrrMovements,
  type MrrMovementsOptions,
  type MrrMovementsSummary,
  type MovementAmounts,
  type MovementCounts,
  type WindowChurnCounts,
} from './mrr-movements-summary.js';
export { mergeMrrMovements } from './mrr-movements-merge.js';
export { mrrMovements, finalizeMrrMovements, type MrrMovements } from './mrr-movements.js';
export {
  grossRevenueRetention,
  netRevenueRetention,
  quickRatio,
  type MoneyRate,
  type RevenueRetention,
  type GrossRevenueRetentionOptions,
  type NetRevenueRetentionOptions,
  type QuickRatioOptions,
} from './revenue-retention.js';
export {
  summarizeCohortRetention,
  type CohortGranularity,
  type CohortSummaryOptions,
  type CohortSummaryRow,
  type CohortRetentionSummary,
} from './cohort-retention.js';
export {
  cohortRetention,
  mergeCohortRetention,
  finalizeCohortRetention,
  type CohortBasis,
  type CohortCell,
  type CohortRow,
  type CohortAverage,
  type CohortTable,
  type CohortRetentionOptions,
  type FinalizeCohortOptions,
} from './cohort-table.js';
export { compoundRetention, compoundChurn } from './compound.js';
