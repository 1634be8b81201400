/**
 * `revops/model`: zod schemas, inferred types and parsers for every entity of a sales
 * organisation, and the built-in role catalogue.
 *
 * All object schemas are strict: unknown keys are rejected, so a typo is an error and a
 * `__proto__` key can never pollute a prototype. `parseX` throws
 * `RevopsError('INVALID_INPUT')` listing every problem with its path; `safeParseX` returns a
 * `Result`.
 * @module model
 */
export {
  IdSchema,
  IsoDateSchema,
  InstantSchema,
  CreatedAtSchema,
  CurrencyCodeSchema,
  DecimalStringSchema,
  MoneySchema,
  FractionSchema,
  PeriodSchema,
  CustomFieldsSchema,
  type CustomFields,
} from './common.js';
export {
  SEGMENTS,
  SegmentSchema,
  DEAL_TYPES,
  DealTypeSchema,
  FORECAST_CATEGORIES,
  ForecastCategorySchema,
  type Segment,
  type DealType,
  type ForecastCategory,
} from './segment.js';
export { GROUP_BY_KEYS, UNASSIGNED, type GroupBy, type GroupByKey, type GroupingOptions } from './group-by.js';
export { PHASES, PERMISSIONS, type Phase, type Permission, type Role } from './role-types.js';
export { RoleSchema, parseRole, safeParseRole } from './role.js';
export { defaultRoles, roleHasPermission, type DefaultRoleId } from './default-roles.js';
export {
  MemberSchema,
  parseMember,
  safeParseMember,
  type Member,
  type MemberInput,
  type ReportingLine,
} from './member.js';
export { TeamSchema, parseTeam, safeParseTeam, type Team, type TeamInput } from './team.js';
export {
  TerritorySchema,
  parseTerritory,
  safeParseTerritory,
  type Territory,
  type TerritoryInput,
} from './territory.js';
export { AccountSchema, parseAccount, safeParseAccount, type Account, type AccountInput } from './account.js';
export { StageEventSchema, type StageEvent } from './stage-event.js';
export {
  LEAD_SOURCES,
  LeadSchema,
  parseLead,
  safeParseLead,
  type Lead,
  type LeadInput,
  type LeadSource,
} from './lead.js';
export {
  DealSplitSchema,
  DealSchema,
  parseDeal,
  safeParseDeal,
  type Deal,
  type DealInput,
  type DealSplit,
  type ParseDealOptions,
} from './deal.js';
export {
  ACTIVITY_KINDS,
  ActivitySchema,
  parseActivity,
  safeParseActivity,
  type Activity,
  type ActivityInput,
  type ActivityKind,
} from './activity.js';
export { MEASURES } from './vocabulary.js';
export {
  QUOTA_MEASURES,
  QuotaSchema,
  parseQuota,
  safeParseQuota,
  type Quota,
  type QuotaInput,
  type QuotaMeasure,
} from './quota.js';
export {
  CREDIT_KINDS,
  CreditSchema,
  parseCredit,
  safeParseCredit,
  type Credit,
  type CreditInput,
  type CreditKind,
  type Measure,
} from './credit.js';
export {
  SubscriptionSchema,
  parseSubscription,
  safeParseSubscription,
  type Subscription,
  type SubscriptionInput,
} from './subscription.js';
export {
  PIPELINE_ENTITIES,
  STAGE_KINDS,
  PipelineStageSchema,
  PipelineTransitionSchema,
  PipelineSchema,
  LostReasonSchema,
  parsePipeline,
  safeParsePipeline,
  type PipelineEntity,
  type StageKind,
  type PipelineStage,
  type PipelineTransition,
  type LostReason,
  type Pipeline,
  type PipelineInput,
  type PipelineReopen,
} from './pipeline.js';
export {
  DRAW_TYPES,
  CreditFilterSchema,
  MultiplierSchema,
  TierSchema,
  RateComponentSchema,
  TieredComponentSchema,
  PerUnitComponentSchema,
  BonusComponentSchema,
  SpiffComponentSchema,
  OverrideComponentSchema,
  PlanComponentSchema,
  DrawSchema,
  ClawbackPolicySchema,
  PlanVersionSchema,
  PlanSchema,
  parsePlan,
  safeParsePlan,
  type Plan,
  type PlanInput,
  type PlanVersion,
  type PlanComponent,
  type Tier,
  type CreditFilter,
  type Draw,
  type ClawbackPolicy,
  type ClawbackStep,
  type CreditSelector,
  type Multiplier,
  type ComponentCap,
  type ComponentBase,
  type RateComponent,
  type TieredComponent,
  type PerUnitComponent,
  type BonusStep,
  type BonusComponent,
  type SpiffComponent,
  type OverrideComponent,
  type DrawType,
} from './plan.js';
export {
  defaultLeadPipelineSpec,
  defaultDealPipelineSpec,
  defaultCustomerPipelineSpec,
} from './default-pipelines.js';
export {
  dealOutcome,
  dealOutcomeOf,
  type DealOutcome,
  type DealOutcomeOf,
  type DealOutcomeOptions,
  type StagedRecord,
} from './deal-outcome.js';
