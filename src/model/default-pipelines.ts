/**
 * The data of the built-in pipelines of the three phases of the sales cycle: stages (order,
 * kind, default probability and forecast category) and the moves each built-in role may make.
 *
 * The data lives here, in revops/model, so that every module reads the same stage kinds
 * ({@link dealOutcome}, the importer's stage defaults) without importing revops/pipeline;
 * revops/pipeline's `defaultLeadPipeline`, `defaultDealPipeline` and `defaultCustomerPipeline`
 * are these specs passed through `definePipeline` (validated, frozen, indexed).
 *
 * Role lists are written out (this file never loads the role catalogue, which needs zod);
 * tests/pipeline/default-pipelines.test.ts checks each against the permission it stands for.
 * @module
 */
import type { Pipeline } from './pipeline.js';

// Roles holding each permission in `defaultRoles`.
// lead.work, .qualify, .nurture, .disqualify, .convert
const LEAD_ROLES = ['sdr', 'bdr', 'sales-manager', 'assistant-sales-manager'];
// deal.advance
const DEAL_ADVANCE = ['account-executive', 'sales-specialist', 'sales-manager', 'assistant-sales-manager'];
const DEAL_CLOSE = ['account-executive', 'sales-manager', 'assistant-sales-manager']; // deal.closeWon, deal.closeLost
const CUSTOMER_ONBOARD = ['customer-success', 'sales-manager', 'assistant-sales-manager']; // customer.onboard
const CUSTOMER_RENEW = ['customer-success', 'sales-manager', 'assistant-sales-manager']; // customer.renew
const CUSTOMER_CHURN = ['customer-success', 'sales-manager']; // customer.churn
const MANAGER = ['sales-manager']; // deal.reopen: only managers reopen

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

type Move = [from: string, to: string, roles: string[], requiresReason?: boolean];

function moves(list: readonly Move[]): Pipeline['transitions'] {
  return list.map(([from, to, roles, requiresReason = false]) => ({
    from,
    to,
    roles: [...roles],
    requiredFields: [],
    requiresReason,
  }));
}

/**
 * The lead generation pipeline's data (SDR / BDR): `new` → `working` → `qualified` →
 * `converted` (won: the hand-off to the account executive), with `nurture` (open) and
 * `disqualified` (lost); nurturing and disqualifying need a reason. Leads carry no forecast:
 * open stages have probability 0 and category `omitted`; `converted` has 1 and `closed`.
 * Deeply frozen. `defaultLeadPipeline` in revops/pipeline is this spec, defined.
 *
 * @example
 * ```ts
 * import { defaultLeadPipelineSpec } from 'revops/model';
 * defaultLeadPipelineSpec.stages.filter((s) => s.kind !== 'open').map((s) => [s.id, s.kind]);
 * //=> [['converted', 'won'], ['disqualified', 'lost']]
 * ```
 */
export const defaultLeadPipelineSpec: Pipeline = /* @__PURE__ */ deepFreeze<Pipeline>({
  id: 'lead',
  name: 'Lead generation',
  entity: 'lead',
  stages: [
    { id: 'new', name: 'New', kind: 'open', probability: 0, forecastCategory: 'omitted', requiredFields: [] },
    {
      id: 'working',
      name: 'Working (contacted)',
      kind: 'open',
      probability: 0,
      forecastCategory: 'omitted',
      requiredFields: [],
    },
    {
      id: 'qualified',
      name: 'Qualified',
      kind: 'open',
      probability: 0,
      forecastCategory: 'omitted',
      requiredFields: [],
    },
    {
      id: 'converted',
      name: 'Converted',
      kind: 'won',
      probability: 1,
      forecastCategory: 'closed',
      requiredFields: ['accountId', 'convertedDealId'],
    },
    { id: 'nurture', name: 'Nurture', kind: 'open', probability: 0, forecastCategory: 'omitted', requiredFields: [] },
    {
      id: 'disqualified',
      name: 'Disqualified',
      kind: 'lost',
      probability: 0,
      forecastCategory: 'omitted',
      requiredFields: [],
    },
  ],
  transitions: moves([
    ['new', 'working', LEAD_ROLES],
    ['new', 'disqualified', LEAD_ROLES, true],
    ['working', 'qualified', LEAD_ROLES],
    ['working', 'nurture', LEAD_ROLES, true],
    ['working', 'disqualified', LEAD_ROLES, true],
    ['qualified', 'converted', LEAD_ROLES],
    ['qualified', 'nurture', LEAD_ROLES, true],
    ['qualified', 'disqualified', LEAD_ROLES, true],
    ['nurture', 'working', LEAD_ROLES],
    ['nurture', 'disqualified', LEAD_ROLES, true],
  ]),
  startStages: ['new'],
  handoffStages: ['converted'],
  reopen: { roles: MANAGER, toStage: 'working', requiresReason: true, fromStages: ['disqualified'] },
});

/**
 * The sales solution pipeline's data (account executive, sales specialist): `discovery` (0.1,
 * pipeline) → `demo` (0.2, pipeline) → `proposal` (0.5, best case) → `negotiation` (0.8,
 * commit) → `closed-won` (won: 1, closed) or `closed-lost` (lost: 0, omitted, reason required).
 * Stage ids and probabilities are those of the sample organisation (data/sample). Deeply
 * frozen. `defaultDealPipeline` in revops/pipeline is this spec, defined; it is the default
 * `pipeline` of {@link dealOutcome}.
 *
 * @example
 * ```ts
 * import { defaultDealPipelineSpec } from 'revops/model';
 * defaultDealPipelineSpec.stages.map((s) => s.id);
 * //=> ['discovery', 'demo', 'proposal', 'negotiation', 'closed-won', 'closed-lost']
 * defaultDealPipelineSpec.stages.map((s) => `${s.kind} ${s.probability}`);
 * //=> ['open 0.1', 'open 0.2', 'open 0.5', 'open 0.8', 'won 1', 'lost 0']
 * ```
 */
export const defaultDealPipelineSpec: Pipeline = /* @__PURE__ */ deepFreeze<Pipeline>({
  id: 'deal',
  name: 'Sales solution',
  entity: 'deal',
  stages: [
    {
      id: 'discovery',
      name: 'Discovery / needs analysis',
      kind: 'open',
      probability: 0.1,
      forecastCategory: 'pipeline',
      requiredFields: [],
    },
    {
      id: 'demo',
      name: 'Presentation / demo',
      kind: 'open',
      probability: 0.2,
      forecastCategory: 'pipeline',
      requiredFields: [],
    },
    {
      id: 'proposal',
      name: 'Proposal',
      kind: 'open',
      probability: 0.5,
      forecastCategory: 'bestCase',
      requiredFields: [],
    },
    {
      id: 'negotiation',
      name: 'Negotiation',
      kind: 'open',
      probability: 0.8,
      forecastCategory: 'commit',
      requiredFields: [],
    },
    {
      id: 'closed-won',
      name: 'Closed won',
      kind: 'won',
      probability: 1,
      forecastCategory: 'closed',
      requiredFields: ['amount', 'expectedCloseDate'],
    },
    {
      id: 'closed-lost',
      name: 'Closed lost',
      kind: 'lost',
      probability: 0,
      forecastCategory: 'omitted',
      requiredFields: [],
    },
  ],
  transitions: moves([
    ['discovery', 'demo', DEAL_ADVANCE],
    ['discovery', 'proposal', DEAL_ADVANCE],
    ['demo', 'proposal', DEAL_ADVANCE],
    ['demo', 'discovery', DEAL_ADVANCE],
    ['proposal', 'negotiation', DEAL_ADVANCE],
    ['proposal', 'demo', DEAL_ADVANCE],
    ['negotiation', 'proposal', DEAL_ADVANCE],
    ['proposal', 'closed-won', DEAL_CLOSE],
    ['negotiation', 'closed-won', DEAL_CLOSE],
    ['discovery', 'closed-lost', DEAL_CLOSE, true],
    ['demo', 'closed-lost', DEAL_CLOSE, true],
    ['proposal', 'closed-lost', DEAL_CLOSE, true],
    ['negotiation', 'closed-lost', DEAL_CLOSE, true],
  ]),
  startStages: ['discovery'],
  handoffStages: ['closed-won'],
  reopen: { roles: MANAGER, toStage: 'discovery', requiresReason: true },
});

/**
 * The serving-the-customer pipeline's data (customer success), one contract term per entity:
 * `onboarding` → `active` → `renewal-due` → `renewed` (won) or `churned` (lost, reason
 * required). No forecast: open stages have probability 0 and category `omitted`. Deeply
 * frozen. `defaultCustomerPipeline` in revops/pipeline is this spec, defined.
 *
 * @example
 * ```ts
 * import { defaultCustomerPipelineSpec } from 'revops/model';
 * defaultCustomerPipelineSpec.startStages;
 * //=> ['onboarding', 'active']
 * ```
 */
export const defaultCustomerPipelineSpec: Pipeline = /* @__PURE__ */ deepFreeze<Pipeline>({
  id: 'customer',
  name: 'Serving the customer',
  entity: 'customer',
  stages: [
    {
      id: 'onboarding',
      name: 'Onboarding',
      kind: 'open',
      probability: 0,
      forecastCategory: 'omitted',
      requiredFields: [],
    },
    { id: 'active', name: 'Active', kind: 'open', probability: 0, forecastCategory: 'omitted', requiredFields: [] },
    {
      id: 'renewal-due',
      name: 'Renewal due',
      kind: 'open',
      probability: 0,
      forecastCategory: 'omitted',
      requiredFields: [],
    },
    { id: 'renewed', name: 'Renewed', kind: 'won', probability: 1, forecastCategory: 'closed', requiredFields: [] },
    { id: 'churned', name: 'Churned', kind: 'lost', probability: 0, forecastCategory: 'omitted', requiredFields: [] },
  ],
  transitions: moves([
    ['onboarding', 'active', CUSTOMER_ONBOARD],
    ['active', 'renewal-due', CUSTOMER_RENEW],
    ['renewal-due', 'renewed', CUSTOMER_RENEW],
    ['onboarding', 'churned', CUSTOMER_CHURN, true],
    ['active', 'churned', CUSTOMER_CHURN, true],
    ['renewal-due', 'churned', CUSTOMER_CHURN, true],
  ]),
  startStages: ['onboarding', 'active'],
  handoffStages: [],
  reopen: { roles: MANAGER, toStage: 'active', requiresReason: true, fromStages: ['churned'] },
});
