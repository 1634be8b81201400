/**
 * The global bundle for spreadsheet scripts (`dist/revops.global.js`, `var revops`): every export
 * of the package but the zod side — revops/model's schemas and `parseX`/`safeParseX` functions and
 * revops/import (whose importers validate through them) — so that the script carries no zod.
 * revops/sheets' formulas, core's money and dates, and every computation are here.
 * tests/bundle/global-contents.test.ts checks the list against the root `revops`.
 * @module global
 */
export * from './core/index.js';
// revops/model without zod: its vocabularies, role catalogue, default pipeline specs and deal outcomes
export {
  ACTIVITY_KINDS,
  CREDIT_KINDS,
  DEAL_TYPES,
  DRAW_TYPES,
  FORECAST_CATEGORIES,
  LEAD_SOURCES,
  MEASURES,
  MEASURES as QUOTA_MEASURES,
  PIPELINE_ENTITIES,
  SEGMENTS,
  STAGE_KINDS,
} from './model/vocabulary.js';
export { GROUP_BY_KEYS, UNASSIGNED } from './model/group-by.js';
export { PHASES, PERMISSIONS } from './model/role-types.js';
export { defaultRoles, roleHasPermission } from './model/default-roles.js';
export {
  defaultLeadPipelineSpec,
  defaultDealPipelineSpec,
  defaultCustomerPipelineSpec,
} from './model/default-pipelines.js';
export { dealOutcome, dealOutcomeOf } from './model/deal-outcome.js';
export * from './pipeline/index.js';
export * from './metrics/index.js';
export * from './retention/index.js';
export * from './commission/index.js';
export * from './forecast/index.js';
export * from './planning/index.js';
export * from './sheets/index.js';
