/**
 * `revops/planning`: the sales manager's questions. Why a rep lags (an exact decomposition of
 * the bookings gap into its drivers, with each rate's statistical strength and the territory's
 * share), what the best do differently, and how big the team must be (the reverse funnel and
 * the month-by-month capacity plan).
 * @module planning
 */
export { logarithmicMean, lmdiDecomposition, type LmdiDecomposition } from './lmdi.js';
export {
  diagnosePerformance,
  type DiagnoseData,
  type DiagnosePerformanceOptions,
  type PerformanceDiagnosis,
  type PerformanceDriver,
  type TerritorySplit,
} from './diagnose-performance.js';
export type { DiagnosisAccount, DiagnosisActivity, DiagnosisDeal } from './rep-facts.js';
export {
  diagnoseTopPerformers,
  type DiagnoseTopPerformersOptions,
} from './top-performers.js';
export {
  reverseFunnel,
  type ReverseFunnelInputs,
  type ReverseFunnel,
  type FunnelNeed,
  type FunnelStep,
  type MeasuredRate,
} from './reverse-funnel.js';
export { capacityPlan, type CapacityPlanInputs, type CapacityPlan, type CapacityMonth } from './capacity-plan.js';
