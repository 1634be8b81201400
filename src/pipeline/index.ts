/**
 * `revops/pipeline`: the sales cycle as data. Pipeline definitions (stages, transitions,
 * guards, role permissions, hand-offs, reopen rules) validated once by `definePipeline`; pure
 * transition functions that return a new entity or a typed refusal; the SDR-to-AE hand-off
 * (`convertLead`); and what a stage history tells: time in stage, stage durations, aging.
 *
 * Refusals (`{ ok: false, error }`) carry a `RevopsError` whose code is a {@link RefusalCode} and whose
 * `details` are {@link RefusalDetails}; misuse throws a
 * `RevopsError`. Nothing here loads zod or decimal.js.
 * @module pipeline
 */
export type { Actor, StagedEntity, RefusalCode, RefusalDetails, Changes, ChangeValue } from './types.js';
export { definePipeline, type DefinedPipeline, type PipelineSpec } from './define-pipeline.js';
export { defaultLeadPipeline, defaultDealPipeline, defaultCustomerPipeline } from './default-pipelines.js';
export { transition, type TransitionOptions } from './transition.js';
export { reopen, type ReopenOptions } from './reopen.js';
export { enterPipeline, type EnterPipelineOptions } from './enter-pipeline.js';
export {
  availableTransitions,
  type AvailableTransition,
  type AvailableTransitionsOptions,
} from './available-transitions.js';
export {
  convertLead,
  type ConvertLeadOptions,
  type ConvertLeadDeal,
  type ConvertibleLead,
  type ConvertedLead,
} from './convert-lead.js';
export { replayHistory, type ReplayHistoryOptions } from './replay-history.js';
export {
  MS_PER_DAY,
  stageVisits,
  timeInStage,
  type StageVisit,
  type StageVisitsOptions,
  type HistoryHolder,
  type TimeInStageOptions,
} from './time-in-stage.js';
export {
  stageDurations,
  summarizeStageDurations,
  mergeStageDurations,
  finalizeStageDurations,
  type StageDurationsOptions,
  type StageDurationStats,
  type StageDurationsSummary,
} from './stage-durations.js';
export { agingDeals, type AgingOptions, type AgingEntity } from './aging.js';
export {
  lossReasons,
  type LossEntity,
  type LossReasonCount,
  type LossReasons,
  type LossReasonsOptions,
} from './loss-reasons.js';
