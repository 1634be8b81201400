/**
 * Crediting: closed deals → credits for owners, revenue splits, overlays, source SDRs and
 * managers (roll-up), each linked to its deal.
 * @module
 */
import { invalid } from '../core/errors.js';
import { entityPath } from '../core/read.js';
import { dealOutcomeOf } from '../model/deal-outcome.js';
import type { Pipeline } from '../model/pipeline.js';
import { allocate } from '../core/allocate.js';
import { add, multiply, roundMoney } from '../core/money-arithmetic.js';
import { parseMoney, type Money } from '../core/money.js';
import type { RoundingMode } from '../core/rounding.js';
import type { Credit, CreditKind } from '../model/credit.js';
import type { Deal, DealSplit } from '../model/deal.js';
import type { Member } from '../model/member.js';
import { compareFixed, fixedToString, ONE, parseFixed, subFixed, ZERO, addFixed } from './exact.js';

/** Rules of {@link creditDeals}. */
export interface CreditRules {
  /** Members, for roll-up to managers (reporting line as of each credit's date). Default none. */
  readonly members?: readonly Member[];
  /** `'none'` (default), `'manager'` (direct manager) or `'allManagers'` (the whole chain). */
  readonly rollup?: 'none' | 'manager' | 'allManagers';
  /** Measure written on the credits. Default `'bookings'`. */
  readonly measure?: Credit['measure'];
  /**
   * Credit the deal's `sourceMemberId` (the SDR) with a `source` credit of the full amount and 1 unit. Default true.
   */
  readonly source?: boolean;
  /** Rounding of overlay credits (`amount × share`) to the minor unit. Default `'halfAwayFromZero'`. */
  readonly rounding?: RoundingMode;
  /**
   * The pipeline whose stage kinds decide which deals are won (revops/model's `dealOutcomeOf`, the
   * one meaning of open, won and lost). Default: the default deal pipeline (`closed-won` is won).
   */
  readonly pipeline?: Pipeline;
}

/** The manager of `member` on `date`: from `reportingHistory` when given, else `managerId`. @internal */
export function managerAsOf(member: Member, date: string): string | undefined {
  if (member.reportingHistory !== undefined) {
    const line = member.reportingHistory.find((h) => h.start <= date && (h.end === undefined || date <= h.end));
    return line?.managerId;
  }
  return member.managerId;
}

/**
 * Credits closed deals to members.
 *
 * - Revenue: the owner gets `1 − Σ revenue split shares`; each revenue split its share. The
 *   parts are allocated to the cent by largest remainder (ties to the earlier part: owner
 *   first, then splits in order), so they always sum to the deal amount. Shares over 1 throw.
 * - Overlay splits: additional credit `amount × share` (rounded), kind `overlay`.
 * - Source: the SDR in `sourceMemberId` gets a `source` credit (full amount, `units: 1`; a
 *   credit note's source credit has `units: 0`, so it reduces the base but never adds a unit).
 * - Roll-up: each member's revenue credits (owner/split) go to their manager(s) as of the
 *   credit date, summed per manager and deal, so a manager is never credited twice for the
 *   same revenue; no roll-up to oneself.
 * - A negative deal amount (credit note, refund) gives negative credits that reduce the base.
 *
 * Credit ids are `<dealId>/<kind>/<memberId>`; each credit carries the deal's type, segment,
 * products and term, and its date is the deal's `closeDate`.
 *
 * @param deals - won deals — the kind of their stage in `rules.pipeline` is `won` (revops/model's
 *   `dealOutcomeOf`; `closeDate` dates the credits, it never decides whether) — each with a
 *   `closeDate`; not modified.
 * @param rules - see {@link CreditRules}.
 * @returns credits, deal by deal in input order.
 * @throws {RevopsError} `INVALID_INPUT` for a deal whose stage is not won (or not a stage of the
 *   pipeline), a won deal without `closeDate`, revenue
 *   shares over 1, a member given two revenue (or two overlay) credits on one deal, or a
 *   roll-up without `members`; `INVALID_OPTION` for an unknown `rollup`; `INVALID_RATE` for a negative share;
 *   `INVALID_AMOUNT` for a
 *   deal amount with digits below the minor unit.
 * @example
 * ```ts
 * import { creditDeals } from 'revops/commission';
 * // moneyphp/money PR #492: €99.99 split 75 % / 25 % must be 74.99 / 25.00.
 * const deal = { id: 'd1', name: 'Deal', accountId: 'a', ownerId: 'ae1', type: 'new' as const,
 *   amount: { amount: '99.99', currency: 'EUR' }, stage: 'closed-won', probability: 1,
 *   probabilitySource: 'stage' as const,
 *   forecastCategory: 'closed' as const, expectedCloseDate: '2026-03-01', closeDate: '2026-03-01',
 *   createdAt: '2026-01-01T00:00:00Z', history: [], splits: [{ memberId: 'ae2', share: '0.25',
 *     kind: 'revenue' as const }] };
 * creditDeals([deal], {}).map((c) => [c.memberId, c.kind, c.amount.amount]);
 * //=> [['ae1', 'owner', '74.99'], ['ae2', 'split', '25.00']]
 * ```
 */
export function creditDeals(deals: readonly Deal[], rules: CreditRules = {}): Credit[] {
  if (!Array.isArray(deals)) throw invalid('INVALID_INPUT', 'deals', deals, 'must be an array of deals');
  const rollup = rules.rollup ?? 'none';
  if (rollup !== 'none' && rollup !== 'manager' && rollup !== 'allManagers')
    throw invalid('INVALID_OPTION', 'rules.rollup', rollup, "must be 'none', 'manager' or 'allManagers'");
  if (rollup !== 'none' && rules.members === undefined)
    throw invalid('INVALID_INPUT', 'rules.members', undefined, 'are required to roll credit up to managers');
  const members = new Map((rules.members ?? []).map((m) => [m.id, m]));
  const measure = rules.measure ?? 'bookings';
  const withSource = rules.source ?? true;
  const outcome = dealOutcomeOf(rules.pipeline === undefined ? {} : { pipeline: rules.pipeline });
  const out: Credit[] = [];
  deals.forEach((deal, i) => {
    const at = entityPath('deals', i, deal);
    const kind = outcome(deal, at);
    if (kind !== 'won')
      throw invalid(
        'INVALID_INPUT',
        `${at}.stage`,
        deal.stage,
        `must be a won stage of the pipeline, got a stage that is ${kind}: only won deals are credited`,
      );
    const date = deal.closeDate;
    if (date === undefined)
      throw invalid('INVALID_INPUT', `${at}.closeDate`, undefined, 'is required to date the credits of a won deal');
    const make = (
      kind: CreditKind,
      memberId: string,
      amount: Money,
      share: string | undefined,
      extra: Partial<Credit> = {},
    ): Credit => ({
      id: `${deal.id}/${kind}/${memberId}`,
      dealId: deal.id,
      memberId,
      kind,
      amount,
      date,
      ...(share === undefined ? {} : { share }),
      measure,
      dealType: deal.type,
      ...(deal.segment === undefined ? {} : { segment: deal.segment }),
      ...(deal.products === undefined ? {} : { products: [...deal.products] }),
      ...(deal.termMonths === undefined ? {} : { termMonths: deal.termMonths }),
      ...extra,
    });
    const dealAmount = parseMoney(deal.amount);
    const splits: readonly DealSplit[] = deal.splits ?? [];
    let revenueShare = ZERO;
    splits.forEach((s, j) => {
      const f = parseFixed(s.share, `deals[${i}].splits[${j}].share`);
      if (f.int < 0n) throw invalid('INVALID_RATE', `deals[${i}].splits[${j}].share`, s.share, 'must not be negative');
      if (s.kind === 'revenue') revenueShare = addFixed(revenueShare, f);
    });
    if (compareFixed(revenueShare, ONE) > 0)
      throw invalid(
        'INVALID_INPUT',
        `deals[${i}].splits`,
        fixedToString(revenueShare),
        'revenue split shares must not total more than 1 (100%)',
      );
    const ownerShare = subFixed(ONE, revenueShare);
    const parts: { kind: CreditKind; memberId: string; share: string }[] = [];
    if (ownerShare.int > 0n) parts.push({ kind: 'owner', memberId: deal.ownerId, share: fixedToString(ownerShare) });
    for (const s of splits)
      if (s.kind === 'revenue' && parseFixed(s.share).int > 0n)
        parts.push({ kind: 'split', memberId: s.memberId, share: fixedToString(parseFixed(s.share)) });
    const credited = new Set<string>();
    for (const p of [
      ...parts,
      ...splits.filter((x) => x.kind === 'overlay').map((x) => ({ kind: 'overlay' as const, memberId: x.memberId })),
    ]) {
      const key = `${p.kind === 'overlay' ? 'overlay' : 'revenue'}/${p.memberId}`;
      if (credited.has(key))
        throw invalid(
          'INVALID_INPUT',
          `deals[${i}].splits`,
          p.memberId,
          `must not give member "${p.memberId}" two ${p.kind === 'overlay' ? 'overlay' : 'revenue'} credits on ` +
            `deal "${deal.id}" (the owner counts as a revenue credit): merge the shares`,
        );
      credited.add(key);
    }
    const amounts =
      parts.length === 0
        ? []
        : allocate(
            dealAmount,
            parts.map((p) => p.share),
          );
    const revenue: Credit[] = parts.map((p, k) => make(p.kind, p.memberId, amounts[k] as Money, p.share));
    out.push(...revenue);
    for (const s of splits) {
      if (s.kind !== 'overlay') continue;
      out.push(
        make(
          'overlay',
          s.memberId,
          roundMoney(multiply(dealAmount, s.share), rules.rounding),
          fixedToString(parseFixed(s.share)),
        ),
      );
    }
    if (withSource && deal.sourceMemberId !== undefined)
      out.push(
        make('source', deal.sourceMemberId, dealAmount, '1', { units: dealAmount.amount.startsWith('-') ? 0 : 1 }),
      );
    if (rollup === 'none') return;
    const toManager = new Map<string, Money>();
    const order: string[] = [];
    for (const cr of revenue) {
      const seen = new Set<string>([cr.memberId]);
      let m = members.get(cr.memberId);
      while (m !== undefined) {
        const mgr = managerAsOf(m, date);
        if (mgr === undefined || seen.has(mgr)) break;
        seen.add(mgr);
        const prev = toManager.get(mgr);
        if (prev === undefined) order.push(mgr);
        toManager.set(mgr, prev === undefined ? cr.amount : add(prev, cr.amount));
        if (rollup === 'manager') break;
        m = members.get(mgr);
      }
    }
    const direct = new Set(revenue.map((c) => c.memberId));
    for (const mgr of order)
      if (!direct.has(mgr)) out.push(make('rollup', mgr, toManager.get(mgr) as Money, undefined));
  });
  return out;
}
