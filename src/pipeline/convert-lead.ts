/**
 * `convertLead`: the hand-off from lead generation to the sales solution — a qualified lead
 * becomes converted and a new deal starts, owned by an account executive, with the SDR
 * recorded as its source.
 * @module
 */
import { assertIsoDate } from '../core/dates.js';
import { invalid, type RevopsError } from '../core/errors.js';
import { money, type Money } from '../core/money.js';
import type { Result } from '../core/result.js';
import type { Deal } from '../model/deal.js';
import type { DealType, Segment } from '../model/segment.js';
import { currentStage, refuse } from './apply-move.js';
import { defaultDealPipeline, defaultLeadPipeline } from './default-pipelines.js';
import type { DefinedPipeline } from './define-pipeline.js';
import { enterPipeline } from './enter-pipeline.js';
import { indexOf } from './pipeline-index.js';
import { transition } from './transition.js';
import type { Actor, Changes, StagedEntity } from './types.js';
import { readFailure } from '../core/read.js';

/** What {@link convertLead} needs of a lead (the model's `Lead` has it all). */
export interface ConvertibleLead extends StagedEntity {
  readonly name: string;
  /** The SDR/BDR who owns the lead: recorded as the deal's `sourceMemberId`. */
  readonly ownerId: string;
  readonly company?: string | undefined;
  readonly accountId?: string | undefined;
  readonly segment?: Segment | undefined;
}

/** The new deal's own facts. */
export interface ConvertLeadDeal {
  /** The new deal's id. Required. */
  readonly id: string;
  /** The account executive who will own the deal. Required (refused with `OWNER_REQUIRED` when absent). */
  readonly ownerId?: string;
  /** Deal amount (`{ amount, currency }`, amount a decimal string or number). Required. */
  readonly amount: { readonly amount: string | number; readonly currency: string };
  /** Expected close date `YYYY-MM-DD`. Required. */
  readonly expectedCloseDate: string;
  /** The account; default the lead's `accountId` (refused with `ACCOUNT_REQUIRED` when neither is set). */
  readonly accountId?: string;
  /** Deal name; default the lead's `company`, else its `name`. */
  readonly name?: string;
  /** Deal type; default `'new'`. */
  readonly type?: DealType;
}

/** Options of {@link convertLead}. */
export interface ConvertLeadOptions {
  /** Who converts (an SDR/BDR or a manager). Required. */
  readonly actor: Actor;
  /** When (ISO-8601 instant with offset). Required. */
  readonly at: string;
  /** The deal to create. Required. */
  readonly deal: ConvertLeadDeal;
  /** The lead's pipeline; default {@link defaultLeadPipeline}. */
  readonly leadPipeline?: DefinedPipeline;
  /** The deal's pipeline; default {@link defaultDealPipeline}. */
  readonly dealPipeline?: DefinedPipeline;
}

/** The result of a conversion: the converted lead and the new deal. */
export interface ConvertedLead<L> {
  readonly lead: L;
  readonly deal: Deal;
}

/**
 * Converts a qualified lead: moves it into the lead pipeline's hand-off stage (`converted`)
 * with `convertedDealId` (and `accountId`, if the lead had none), and creates a deal in the
 * deal pipeline's first start stage (`discovery`): owned by `deal.ownerId` (the account
 * executive), `sourceMemberId` = the lead's owner (the SDR, credited later), `leadId` = the
 * lead, `createdAt` = `at`, the stage's default probability (`probabilitySource` 'stage') and
 * forecast category, the lead's segment, and a history whose creation event names the
 * converting actor.
 *
 * Refusals, in order: `LEAD_NOT_QUALIFIED` (the lead's stage has no transition into a hand-off
 * stage — it is not qualified yet, or already closed); `OWNER_REQUIRED` (no `deal.ownerId`, or
 * a lead without `ownerId`: there would be no SDR to credit);
 * `ACCOUNT_REQUIRED` (neither `deal.accountId` nor the lead's `accountId`); then any refusal of
 * the lead's move (`TIME_TRAVEL`, `ROLE_NOT_PERMITTED`, `GUARD_FAILED`, …) or of the deal's
 * start (`GUARD_FAILED`).
 *
 * @param lead - The lead (the model's `Lead`, or any object with its fields used here).
 * @param options - See {@link ConvertLeadOptions}.
 * @returns `{ ok: true, value: { lead, deal } }` or `{ ok: false, error }`.
 * @throws {RevopsError} `INVALID_AMOUNT` for a malformed `deal.amount` amount.
 * @throws {RevopsError} `UNKNOWN_CURRENCY` for an unknown `deal.amount` currency.
 * @throws {RevopsError} `INVALID_DATE` for a malformed `deal.expectedCloseDate` or `at`.
 * @throws {RevopsError} `INVALID_INPUT` for a lead whose stage is not in the lead pipeline or differs from its last
 *   event's `to`, a lead without a string `id` or `name`, a `company` or `segment` that is not a string, a malformed
 *   history event, a malformed actor, or missing `options`, `deal`, `deal.id` or `deal.amount`.
 * @throws {RevopsError} `INVALID_DATE` for a history event whose `at` is not an instant with an offset.
 * @throws {RevopsError} `INVALID_PIPELINE` if a pipeline option did not come from `definePipeline`.
 * @throws {RevopsError} `INVALID_OPTION` if `leadPipeline` is not a lead pipeline with a hand-off stage, or
 *   `dealPipeline` not a deal pipeline.
 * @example
 * ```ts
 * import { convertLead } from 'revops/pipeline';
 * const lead = {
 *   id: 'l1', name: 'Jo', company: 'Acme', ownerId: 'sdr1', accountId: 'a1', stage: 'qualified',
 *   history: [{ from: 'working', to: 'qualified', at: '2026-02-01T10:00:00Z', actorId: 'sdr1', roleId: 'sdr' }],
 * };
 * const r = convertLead(lead, {
 *   actor: { id: 'sdr1', roleId: 'sdr' }, at: '2026-02-03T15:00:00Z',
 *   deal: { id: 'd9', ownerId: 'ae1', amount: { amount: 18000, currency: 'USD' }, expectedCloseDate: '2026-05-29' },
 * });
 * r.ok && [r.value.lead.stage, r.value.deal.stage, r.value.deal.ownerId, r.value.deal.sourceMemberId,
 *   r.value.deal.amount.amount];
 * //=> ['converted', 'discovery', 'ae1', 'sdr1', '18000.00']
 * const noOwner = convertLead(lead, { actor: { id: 'sdr1', roleId: 'sdr' }, at: '2026-02-03T15:00:00Z',
 *   deal: { id: 'd9', amount: { amount: 1, currency: 'USD' }, expectedCloseDate: '2026-05-29' } });
 * noOwner.ok ? null : noOwner.error.code;
 * //=> 'OWNER_REQUIRED'
 * ```
 */
export function convertLead<L extends ConvertibleLead>(
  lead: L,
  options: ConvertLeadOptions,
): Result<ConvertedLead<L>, RevopsError> {
  try {
    if (typeof options !== 'object' || options === null)
      throw invalid('INVALID_INPUT', 'options', options, 'must be an options object with actor, at and deal');
    const d = options.deal;
    if (typeof d !== 'object' || d === null)
      throw invalid('INVALID_INPUT', 'deal', d, 'must be the new deal { id, ownerId, amount, expectedCloseDate }');
    if (typeof d.id !== 'string' || d.id === '')
      throw invalid('INVALID_INPUT', 'deal.id', d.id, 'must be a non-empty string');
    if (typeof d.amount !== 'object' || d.amount === null)
      throw invalid('INVALID_INPUT', 'deal.amount', d.amount, 'must be { amount, currency }');
    const leadPipeline = options.leadPipeline ?? defaultLeadPipeline;
    const dealPipeline = options.dealPipeline ?? defaultDealPipeline;
    const leadIndex = indexOf(leadPipeline);
    const dealIndex = indexOf(dealPipeline);
    if (leadIndex.entity !== 'lead' || leadIndex.handoff.size === 0) {
      throw invalid(
        'INVALID_OPTION',
        'leadPipeline',
        leadPipeline.id,
        "must be a pipeline of leads (entity 'lead') with a hand-off stage",
      );
    }
    if (dealIndex.entity !== 'deal')
      throw invalid('INVALID_OPTION', 'dealPipeline', dealPipeline.id, "must be a pipeline of deals (entity 'deal')");
    currentStage(lead, leadIndex, 'lead');
    // the fields the new deal copies: strings only (a NaN name would reach the deal and the result)
    if (typeof lead.name !== 'string') throw invalid('INVALID_INPUT', 'lead.name', lead.name, 'must be a string');
    for (const key of ['company', 'segment'] as const) {
      const v: unknown = lead[key];
      if (v !== undefined && typeof v !== 'string')
        throw invalid('INVALID_INPUT', `lead.${key}`, v, 'must be a string when present');
    }
    const amount: Money = money(d.amount.amount, d.amount.currency);
    assertIsoDate(d.expectedCloseDate, 'deal.expectedCloseDate');
    const handoff = [...(leadIndex.out.get(lead.stage)?.values() ?? [])].find((t) => leadIndex.handoff.has(t.to.id));
    const dealStart = [...dealIndex.start][0]!;
    if (handoff === undefined) {
      return refuse(
        'LEAD_NOT_QUALIFIED',
        lead,
        lead.stage,
        [...leadIndex.handoff][0] ?? lead.stage,
        `stage "${lead.stage}" has no transition into a hand-off stage; qualify the lead first`,
      );
    }
    if (typeof d.ownerId !== 'string' || d.ownerId === '')
      return refuse(
        'OWNER_REQUIRED',
        lead,
        lead.stage,
        handoff.to.id,
        'the new deal needs an owner (deal.ownerId, the account executive)',
      );
    if (typeof lead.ownerId !== 'string' || lead.ownerId === '')
      return refuse(
        'OWNER_REQUIRED',
        lead,
        lead.stage,
        handoff.to.id,
        "the lead has no owner (lead.ownerId, the SDR to credit as the deal's source)",
      );
    const accountId = d.accountId ?? lead.accountId;
    if (typeof accountId !== 'string' || accountId === '')
      return refuse(
        'ACCOUNT_REQUIRED',
        lead,
        lead.stage,
        handoff.to.id,
        "the new deal needs an account (deal.accountId or the lead's accountId)",
      );
    const changes: Record<string, string> = { convertedDealId: d.id };
    if (lead.accountId !== accountId) changes['accountId'] = accountId;
    const moved = transition(lead, handoff.to.id, {
      pipeline: leadPipeline,
      actor: options.actor,
      at: options.at,
      changes: changes as Changes,
    });
    if (!moved.ok) return moved;
    const draft = {
      id: d.id,
      name: d.name ?? lead.company ?? lead.name,
      accountId,
      ownerId: d.ownerId,
      sourceMemberId: lead.ownerId,
      leadId: lead.id,
      type: d.type ?? 'new',
      amount,
      stage: dealStart,
      probability: 0,
      probabilitySource: 'stage' as const,
      forecastCategory: 'pipeline' as const,
      expectedCloseDate: d.expectedCloseDate,
      createdAt: options.at,
      ...(lead.segment === undefined ? {} : { segment: lead.segment }),
      history: [],
    } satisfies Deal;
    const started = enterPipeline<Deal>(draft, {
      pipeline: dealPipeline,
      actor: options.actor,
      at: options.at,
      stage: dealStart,
    });
    if (!started.ok) return started;
    return { ok: true, value: { lead: moved.value, deal: started.value } };
  } catch (thrown) {
    throw readFailure(thrown, { lead, options });
  }
}
