/**
 * The built-in pipelines of the three phases of the sales cycle, with the roles of the
 * built-in role catalogue (`defaultRoles` in revops/model) allowed on each move.
 *
 * The data (stages, moves, roles) lives in revops/model (`defaultLeadPipelineSpec`,
 * `defaultDealPipelineSpec`, `defaultCustomerPipelineSpec`), so that every module reads the
 * same stage kinds without importing this one; here each is validated, frozen and indexed.
 * @module
 */
import {
  defaultCustomerPipelineSpec,
  defaultDealPipelineSpec,
  defaultLeadPipelineSpec,
} from '../model/default-pipelines.js';
import { definePipeline, type DefinedPipeline } from './define-pipeline.js';

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
export const defaultLeadPipeline: DefinedPipeline = /* @__PURE__ */ definePipeline(defaultLeadPipelineSpec);

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
 * defaultDealPipeline.stages.map((s) => `${s.id} ${s.probability}`).join(', ');
 * //=> 'discovery 0.1, demo 0.2, proposal 0.5, negotiation 0.8, closed-won 1, closed-lost 0'
 * ```
 */
export const defaultDealPipeline: DefinedPipeline = /* @__PURE__ */ definePipeline(defaultDealPipelineSpec);

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
export const defaultCustomerPipeline: DefinedPipeline = /* @__PURE__ */ definePipeline(defaultCustomerPipelineSpec);
