/**
 * Crediting: closed deals → credits for owners, revenue splits, overlays, source SDRs and
 * managers (roll-up), each linked to its deal.
 * @module
 */
import { assertIsoDate } from '../core/dates.js';
import { invalid, RevopsError } from '../core/errors.js';
import { entityPath, readArray, readInteger, readObject, readOneOf, readString, readFailure } from '../core/read.js';
import { dealOutcomeOf } from '../model/deal-outcome.js';
import type { Pipeline } from '../model/pipeline.js';
import { allocate } from '../core/allocate.js';
import { add, multiply, roundMoney } from '../core/money-arithmetic.js';
import { fromExact, readMoneyExact, type Money } from '../core/money.js';
import type { RoundingMode } from '../core/rounding.js';
import type { Credit, CreditKind } from '../model/credit.js';
import type { Deal } from '../model/deal.js';
import type { Member } from '../model/member.js';
import { DEAL_TYPES, MEASURES, SEGMENTS } from '../model/vocabulary.js';
import { addFixed, compareFixed, type Fixed, fixedToString, ONE, parseFixed, subFixed, ZERO } from './exact.js';

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

/** A split as read: its member, its share (exact and as text) and its kind. */
interface ReadSplit {
  readonly memberId: string;
  readonly share: Fixed;
  readonly text: string;
  readonly kind: 'revenue' | 'overlay';
}

/** An optional field: `undefined` stays `undefined`, anything else is read by `read`. */
const optional = <T>(value: unknown, read: (v: unknown) => T): T | undefined =>
  value === undefined ? undefined : read(value);

/** The members of a roll-up, by id, each checked to be a member whose manager can be looked up. */
function readMembers(value: unknown): Map<string, Member> {
  const members = new Map<string, Member>();
  if (value === undefined) return members;
  const list = readArray(value, 'rules.members', 'INVALID_OPTION');
  for (let k = 0; k < list.length; k++) {
    const m = list[k];
    const at = entityPath('rules.members', k, m);
    readObject(m, at, 'INVALID_OPTION');
    const id = readString((m as Member).id, `${at}.id`, { code: 'INVALID_OPTION' });
    optional((m as Member).managerId, (v) => readString(v, `${at}.managerId`, { code: 'INVALID_OPTION' }));
    const history = optional((m as Member).reportingHistory, (v) =>
      readArray(v, `${at}.reportingHistory`, 'INVALID_OPTION'),
    );
    for (let h = 0; h < (history?.length ?? 0); h++) {
      const line = readObject((history as unknown[])[h], `${at}.reportingHistory[${h}]`, 'INVALID_OPTION');
      readString(line['managerId'], `${at}.reportingHistory[${h}].managerId`, { code: 'INVALID_OPTION' });
      assertIsoDate(line['start'], `${at}.reportingHistory[${h}].start`);
      optional(line['end'], (v) => assertIsoDate(v, `${at}.reportingHistory[${h}].end`));
    }
    members.set(id, m as Member);
  }
  return members;
}

/** A deal's splits, each read once (an index loop: an array's own `constructor` key plays no part). */
function readSplits(value: unknown, at: string): ReadSplit[] {
  const out: ReadSplit[] = [];
  if (value === undefined) return out;
  const list = readArray(value, `${at}.splits`);
  for (let j = 0; j < list.length; j++) {
    const field = `${at}.splits[${j}]`;
    const s = readObject(list[j], field);
    const memberId = readString(s['memberId'], `${field}.memberId`);
    const kind = readOneOf(s['kind'], `${field}.kind`, ['revenue', 'overlay'], 'INVALID_INPUT');
    const share = parseFixed(s['share'] as string, `${field}.share`);
    if (share.int < 0n) throw invalid('INVALID_RATE', `${field}.share`, s['share'], 'must not be negative');
    out.push({ memberId, share, text: fixedToString(share), kind });
  }
  return out;
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
 *   pipeline), a won deal without `closeDate`, an `id`, `ownerId` or `sourceMemberId` that is not a
 *   non-empty string, a `type`, `segment`, `products`, `termMonths` or `splits` (each an object with
 *   a `memberId`, a `share` and a `kind`) not of its documented type, revenue shares over 1, a
 *   member given two revenue (or two overlay) credits on one deal, or a roll-up without `members`;
 *   `INVALID_DATE` for a `closeDate` that is not a `YYYY-MM-DD` date; `DUPLICATE_ID` for the same
 *   deal id twice (naming both positions: its credits would be paid twice); `INVALID_OPTION` for
 *   `rules` that are not an object, an unknown `rollup`, `measure` or `source`, or malformed
 *   `members`; `INVALID_RATE` for a negative share; `INVALID_AMOUNT` for a deal amount with digits
 *   below the minor unit.
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
  try {
    if (!Array.isArray(deals)) throw invalid('INVALID_INPUT', 'deals', deals, 'must be an array of deals');
    readObject(rules, 'rules', 'INVALID_OPTION');
    const rollup = readOneOf(rules.rollup ?? 'none', 'rules.rollup', ['none', 'manager', 'allManagers']);
    if (rollup !== 'none' && rules.members === undefined)
      throw invalid('INVALID_INPUT', 'rules.members', undefined, 'are required to roll credit up to managers');
    const members = readMembers(rules.members);
    const measure = readOneOf(rules.measure ?? 'bookings', 'rules.measure', MEASURES);
    const withSource = readOneOf(rules.source ?? true, 'rules.source', [true, false]);
    const outcome = dealOutcomeOf(rules.pipeline === undefined ? {} : { pipeline: rules.pipeline });
    const out: Credit[] = [];
    const seen = new Map<string, number>();
    for (let i = 0; i < deals.length; i++) {
      const deal = deals[i] as Deal;
      const at = entityPath('deals', i, deal);
      const kind = outcome(deal, at);
      if (kind !== 'won')
        throw invalid(
          'INVALID_INPUT',
          `${at}.stage`,
          deal.stage,
          `must be a won stage of the pipeline, got a stage that is ${kind}: only won deals are credited`,
        );
      if (deal.closeDate === undefined)
        throw invalid('INVALID_INPUT', `${at}.closeDate`, undefined, 'is required to date the credits of a won deal');
      const date = assertIsoDate(deal.closeDate, `${at}.closeDate`);
      // ids are strings: a number, an array or a Symbol would be echoed into the credits (or throw)
      const dealId = readString(deal.id, `${at}.id`);
      const first = seen.get(dealId);
      if (first !== undefined)
        throw new RevopsError('DUPLICATE_ID', `${at} repeats deals[${first}]: a deal is credited once, never twice`, {
          field: `${at}.id`,
          value: dealId,
          details: { id: dealId, first, second: i },
        });
      seen.set(dealId, i);
      const ownerId = readString(deal.ownerId, `${at}.ownerId`);
      const dealType = readOneOf(deal.type, `${at}.type`, DEAL_TYPES, 'INVALID_INPUT');
      const segment = optional(deal.segment, (v) => readOneOf(v, `${at}.segment`, SEGMENTS, 'INVALID_INPUT'));
      const products = optional(deal.products, (v) => {
        const list = readArray(v, `${at}.products`);
        const copy: string[] = [];
        for (let k = 0; k < list.length; k++) copy.push(readString(list[k], `${at}.products[${k}]`));
        return copy;
      });
      const termMonths = optional(deal.termMonths, (v) =>
        readInteger(v, `${at}.termMonths`, { min: 1, code: 'INVALID_INPUT' }),
      );
      const sourceMemberId = optional(deal.sourceMemberId, (v) => readString(v, `${at}.sourceMemberId`));
      const make = (
        kind: CreditKind,
        memberId: string,
        amount: Money,
        share: string | undefined,
        extra: Partial<Credit> = {},
      ): Credit => ({
        id: `${dealId}/${kind}/${memberId}`,
        dealId,
        memberId,
        kind,
        amount,
        date,
        ...(share === undefined ? {} : { share }),
        measure,
        dealType,
        ...(segment === undefined ? {} : { segment }),
        ...(products === undefined ? {} : { products: [...products] }),
        ...(termMonths === undefined ? {} : { termMonths }),
        ...extra,
      });
      const m = readMoneyExact(deal.amount, `${at}.amount`);
      const dealAmount = fromExact(m.x, m.currency, m.digits);
      const splits = readSplits(deal.splits, at);
      let revenueShare = ZERO;
      for (const s of splits) if (s.kind === 'revenue') revenueShare = addFixed(revenueShare, s.share);
      if (compareFixed(revenueShare, ONE) > 0)
        throw invalid(
          'INVALID_INPUT',
          `${at}.splits`,
          fixedToString(revenueShare),
          'revenue split shares must not total more than 1 (100%)',
        );
      const ownerShare = subFixed(ONE, revenueShare);
      const parts: { kind: CreditKind; memberId: string; share: string }[] = [];
      if (ownerShare.int > 0n) parts.push({ kind: 'owner', memberId: ownerId, share: fixedToString(ownerShare) });
      for (const s of splits)
        if (s.kind === 'revenue' && s.share.int > 0n)
          parts.push({ kind: 'split', memberId: s.memberId, share: s.text });
      const credited = new Set<string>();
      const overlays = splits.filter((x) => x.kind === 'overlay');
      for (const p of [...parts, ...overlays.map((x) => ({ kind: 'overlay' as const, memberId: x.memberId }))]) {
        const key = `${p.kind === 'overlay' ? 'overlay' : 'revenue'}/${p.memberId}`;
        if (credited.has(key))
          throw invalid(
            'INVALID_INPUT',
            `${at}.splits`,
            p.memberId,
            `must not give a member two ${p.kind === 'overlay' ? 'overlay' : 'revenue'} credits on one deal ` +
              '(the owner counts as a revenue credit): merge the shares',
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
      for (const s of overlays)
        out.push(make('overlay', s.memberId, roundMoney(multiply(dealAmount, s.text), rules.rounding), s.text));
      if (withSource && sourceMemberId !== undefined)
        out.push(make('source', sourceMemberId, dealAmount, '1', { units: dealAmount.amount.startsWith('-') ? 0 : 1 }));
      if (rollup === 'none') continue;
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
    }
    return out;
  } catch (thrown) {
    throw readFailure(thrown, { deals, rules });
  }
}
