/**
 * The built-in pipelines of the three phases of the sales cycle, with the roles of the
 * built-in role catalogue (`defaultRoles` in revops/model) allowed on each move.
 *
 * Role lists are written out (this module never loads the catalogue, which needs zod); a test
 * checks each against the permission it stands for.
 * @module
 */
import { definePipeline, type DefinedPipeline } from './define-pipeline.js';

// Roles holding each permission in `defaultRoles` (tests/pipeline/default-pipelines.test.ts checks them).
const LEAD_ROLES = ['sdr', 'bdr', 'sales-manager', 'assistant-sales-manager']; // lead.work, .qualify, .nurture, .disqualify, .convert
const DEAL_ADVANCE = ['account-executive', 'sales-specialist', 'sales-manager', 'assistant-sales-manager']; // deal.advance
const DEAL_CLOSE = ['account-executive', 'sales-manager', 'assistant-sales-manager']; // deal.closeWon, deal.closeLost
const CUSTOMER_ONBOARD = ['customer-success', 'sales-manager', 'assistant-sales-manager']; // customer.onboard
const CUSTOMER_RENEW = ['customer-success', 'sales-manager', 'assistant-sales-manager']; // customer.renew
const CUSTOMER_CHURN = ['customer-success', 'sales-manager']; // customer.churn
const MANAGER = ['sales-manager']; // deal.reopen: only managers reopen

/**
 * Lead generation (SDR / BDR): `new` → `working` → `qualified` → `converted` (the hand-off to
 * the account executive, a won stage), with `nurture` (not ready yet) and `disqualified` (a
 * lost stage); nurturing and disqualifying need a reason. SDRs, BDRs and the sales managers
 * make every move. Entering `converted` requires `accountId` and `convertedDealId`, which
 * {@link convertLead} supplies. A sales manager may reopen a disqualified lead into `working`.
 *
 * Leads carry no forecast (deals do): open lead stages have probability 0 and forecast category
 * `omitted`; `converted` has 1 and `closed` as every won stage must.
 *
 * @example
 * ```ts
 * import { defaultLeadPipeline } from 'revops/pipeline';
 * defaultLeadPipeline.stages.map((s) => s.id);
 * //=> ['new', 'working', 'qualified', 'converted', 'nurture', 'disqualified']
 * ```
 */
export const defaultLeadPipeline: DefinedPipeline = /* @__PURE__ */ definePipeline({
  id: 'lead',
  name: 'Lead generation',
  entity: 'lead',
  stages: [
    { id: 'new', name: 'New', kind: 'open', probability: 0, forecastCategory: 'omitted' },
    { id: 'working', name: 'Working (contacted)', kind: 'open', probability: 0, forecastCategory: 'omitted' },
    { id: 'qualified', name: 'Qualified', kind: 'open', probability: 0, forecastCategory: 'omitted' },
    {
      id: 'converted',
      name: 'Converted',
      kind: 'won',
      probability: 1,
      forecastCategory: 'closed',
      requiredFields: ['accountId', 'convertedDealId'],
    },
    { id: 'nurture', name: 'Nurture', kind: 'open', probability: 0, forecastCategory: 'omitted' },
    { id: 'disqualified', name: 'Disqualified', kind: 'lost', probability: 0, forecastCategory: 'omitted' },
  ],
  transitions: [
    { from: 'new', to: 'working', roles: LEAD_ROLES },
    { from: 'new', to: 'disqualified', roles: LEAD_ROLES, requiresReason: true },
    { from: 'working', to: 'qualified', roles: LEAD_ROLES },
    { from: 'working', to: 'nurture', roles: LEAD_ROLES, requiresReason: true },
    { from: 'working', to: 'disqualified', roles: LEAD_ROLES, requiresReason: true },
    { from: 'qualified', to: 'converted', roles: LEAD_ROLES },
    { from: 'qualified', to: 'nurture', roles: LEAD_ROLES, requiresReason: true },
    { from: 'qualified', to: 'disqualified', roles: LEAD_ROLES, requiresReason: true },
    { from: 'nurture', to: 'working', roles: LEAD_ROLES },
    { from: 'nurture', to: 'disqualified', roles: LEAD_ROLES, requiresReason: true },
  ],
  startStages: ['new'],
  handoffStages: ['converted'],
  reopen: { roles: MANAGER, toStage: 'working', requiresReason: true, fromStages: ['disqualified'] },
});

/**
 * The sales solution (account executive and sales specialist): `discovery` (needs analysis,
 * 0.1) → `demo` (presentation, 0.2) → `proposal` (0.5, best case) → `negotiation` (0.8, commit)
 * → `closed-won` (1, closed) or `closed-lost` (0, omitted, reason required). The demo may be
 * skipped (`discovery` → `proposal`) and a deal may step back one stage; small deals may close
 * from `proposal`. Account executives, sales specialists and managers advance deals; only
 * account executives and managers close them; only the sales manager reopens (into
 * `discovery`, with a reason). `closed-won` requires `amount` and `expectedCloseDate` and is the
 * hand-off to customer success.
 *
 * Stage ids and default probabilities are those of the sample organisation (data/sample).
 *
 * @example
 * ```ts
 * import { defaultDealPipeline } from 'revops/pipeline';
 * defaultDealPipeline.stages.map((s) => [s.id, s.probability]);
 * //=> [['discovery', 0.1], ['demo', 0.2], ['proposal', 0.5], ['negotiation', 0.8], ['closed-won', 1], ['closed-lost', 0]]
 * ```
 */
export const defaultDealPipeline: DefinedPipeline = /* @__PURE__ */ definePipeline({
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
    },
    { id: 'demo', name: 'Presentation / demo', kind: 'open', probability: 0.2, forecastCategory: 'pipeline' },
    { id: 'proposal', name: 'Proposal', kind: 'open', probability: 0.5, forecastCategory: 'bestCase' },
    { id: 'negotiation', name: 'Negotiation', kind: 'open', probability: 0.8, forecastCategory: 'commit' },
    {
      id: 'closed-won',
      name: 'Closed won',
      kind: 'won',
      probability: 1,
      forecastCategory: 'closed',
      requiredFields: ['amount', 'expectedCloseDate'],
    },
    { id: 'closed-lost', name: 'Closed lost', kind: 'lost', probability: 0, forecastCategory: 'omitted' },
  ],
  transitions: [
    { from: 'discovery', to: 'demo', roles: DEAL_ADVANCE },
    { from: 'discovery', to: 'proposal', roles: DEAL_ADVANCE },
    { from: 'demo', to: 'proposal', roles: DEAL_ADVANCE },
    { from: 'demo', to: 'discovery', roles: DEAL_ADVANCE },
    { from: 'proposal', to: 'negotiation', roles: DEAL_ADVANCE },
    { from: 'proposal', to: 'demo', roles: DEAL_ADVANCE },
    { from: 'negotiation', to: 'proposal', roles: DEAL_ADVANCE },
    { from: 'proposal', to: 'closed-won', roles: DEAL_CLOSE },
    { from: 'negotiation', to: 'closed-won', roles: DEAL_CLOSE },
    { from: 'discovery', to: 'closed-lost', roles: DEAL_CLOSE, requiresReason: true },
    { from: 'demo', to: 'closed-lost', roles: DEAL_CLOSE, requiresReason: true },
    { from: 'proposal', to: 'closed-lost', roles: DEAL_CLOSE, requiresReason: true },
    { from: 'negotiation', to: 'closed-lost', roles: DEAL_CLOSE, requiresReason: true },
  ],
  startStages: ['discovery'],
  handoffStages: ['closed-won'],
  reopen: { roles: MANAGER, toStage: 'discovery', requiresReason: true },
});

/**
 * Serving the customer (customer success), one contract term per entity: `onboarding` →
 * `active` → `renewal-due` → `renewed` (won) or `churned` (lost, reason required, from any open
 * stage). A renewed term is closed; the next term starts as a new entity in `active` (both
 * `onboarding` and `active` are start stages). Customer success and the managers onboard and
 * renew; customer success and the sales manager record churn; only the sales manager reopens a
 * churned customer (into `active`, with a reason). Customer stages carry no forecast (renewals
 * are forecast as renewal deals): open stages have probability 0 and category `omitted`.
 *
 * @example
 * ```ts
 * import { defaultCustomerPipeline } from 'revops/pipeline';
 * defaultCustomerPipeline.transitions.filter((t) => t.to === 'renewed').map((t) => t.roles);
 * //=> [['customer-success', 'sales-manager', 'assistant-sales-manager']]
 * ```
 */
export const defaultCustomerPipeline: DefinedPipeline = /* @__PURE__ */ definePipeline({
  id: 'customer',
  name: 'Serving the customer',
  entity: 'customer',
  stages: [
    { id: 'onboarding', name: 'Onboarding', kind: 'open', probability: 0, forecastCategory: 'omitted' },
    { id: 'active', name: 'Active', kind: 'open', probability: 0, forecastCategory: 'omitted' },
    { id: 'renewal-due', name: 'Renewal due', kind: 'open', probability: 0, forecastCategory: 'omitted' },
    { id: 'renewed', name: 'Renewed', kind: 'won', probability: 1, forecastCategory: 'closed' },
    { id: 'churned', name: 'Churned', kind: 'lost', probability: 0, forecastCategory: 'omitted' },
  ],
  transitions: [
    { from: 'onboarding', to: 'active', roles: CUSTOMER_ONBOARD },
    { from: 'active', to: 'renewal-due', roles: CUSTOMER_RENEW },
    { from: 'renewal-due', to: 'renewed', roles: CUSTOMER_RENEW },
    { from: 'onboarding', to: 'churned', roles: CUSTOMER_CHURN, requiresReason: true },
    { from: 'active', to: 'churned', roles: CUSTOMER_CHURN, requiresReason: true },
    { from: 'renewal-due', to: 'churned', roles: CUSTOMER_CHURN, requiresReason: true },
  ],
  startStages: ['onboarding', 'active'],
  handoffStages: [],
  reopen: { roles: MANAGER, toStage: 'active', requiresReason: true, fromStages: ['churned'] },
});
