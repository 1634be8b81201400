/**
 * Quota attainment per member and per team, with proration for members who started or
 * left during the quota period; mergeable.
 * @module
 */
import { minorUnits } from '../core/currency.js';
import { assertIsoDate } from '../core/dates.js';
import { invalid, RevopsError } from '../core/errors.js';
import { parseFixed, pow10 } from '../core/fixed.js';
import { fromFixed, type Money, readMoney } from '../core/money.js';
import { period as makePeriod, type Period } from '../core/periods.js';
import { entityPath, readArray, readObject, readString, readFailure } from '../core/read.js';
import { DEFAULT_ROUNDING, roundRational } from '../core/rounding.js';
import {
  invalidSummary,
  readSummary as readTagged,
  sameParameter,
  summaryArray,
  summaryInteger,
  summaryRecord,
  summaryString,
} from '../core/summary.js';
import type { Deal, DealSplit } from '../model/deal.js';
import { type GroupingOptions, readGrouping } from '../model/group-by.js';
import type { Member } from '../model/member.js';
import type { Quota } from '../model/quota.js';
import { mapList, readList } from './counts.js';
import { memberProration } from './member-proration.js';
import { dealCredits } from './deal-credits.js';
import { SeenIds } from './deal-kpi.js';
import { dealOutcomeOf } from '../model/deal-outcome.js';
import type { OutcomeOptions } from './deal-outcome.js';
import { type GroupLabel, summaryAmount, summaryCurrency, summaryGroupBy, summaryPeriod } from './grouped-summary.js';
import { addAmounts, amountRatio, MoneyTotal } from './money-total.js';

/** The fields of a deal that attainment reads. */
export type AttainmentDeal = Pick<Deal, 'ownerId' | 'amount' | 'stage'> & {
  readonly id?: string;
  readonly closeDate?: string | undefined;
  readonly splits?: readonly DealSplit[] | undefined;
};

/** What a member quota's group is read from: its member (a function `groupBy` receives it). */
export interface QuotaRef {
  readonly ownerId: string;
}

/**
 * Options of {@link quotaAttainment}. `groupBy` groups member quotas by their member
 * (`'ownerId'`), or the member's team, territory or role (from `members`), or a function of
 * {@link QuotaRef}.
 */
export interface QuotaAttainmentOptions extends GroupingOptions<QuotaRef>, OutcomeOptions {}

/** Attainment of one quota. */
export interface QuotaAttainmentRow {
  /** The member of a member quota. */
  readonly memberId?: string;
  /** The team of a team quota. */
  readonly teamId?: string;
  readonly period: Period;
  /** The quota as set. */
  readonly quota: Money;
  /** Days of the period the member was in role / days of the period (1/1 for team quotas and members not listed). */
  readonly proration: { readonly numerator: number; readonly denominator: number };
  /** quota × numerator ÷ denominator, rounded once to the minor unit, half away from zero. */
  readonly proratedQuota: Money;
  /** Exact sum of the credits of won deals closed in the period. */
  readonly attained: Money;
  /** attained ÷ proratedQuota as a fraction (1.2 = 120%); `null` when the prorated quota is 0. */
  readonly attainment: number | null;
}

/** Attainment of a group of member quotas (all of them, or one group). */
export interface AttainmentTotal {
  /** Member quotas in the group. */
  readonly quotas: number;
  /** Σ attained (exact); `null` with no quotas. */
  readonly attained: Money | null;
  /** Σ prorated quotas (exact); `null` with no quotas. */
  readonly proratedQuota: Money | null;
  /** attained ÷ proratedQuota; `null` over 0. */
  readonly attainment: number | null;
}

/** The result of {@link quotaAttainment}. */
export interface QuotaAttainment extends AttainmentTotal {
  /** One row per quota, in the order given. */
  readonly rows: readonly QuotaAttainmentRow[];
  /** Member quotas grouped by `groupBy` (team, role, territory, member), when set. */
  readonly groups?: Readonly<Record<string, AttainmentTotal>>;
}

/** One quota row of a summary: everything but the attained amount is fixed by the quotas. */
export interface AttainmentSummaryRow {
  memberId?: string;
  teamId?: string;
  period: Period;
  quota: Money;
  proration: { numerator: number; denominator: number };
  proratedQuota: Money;
  /** Group key of a member quota under `groupBy`, or `null`. */
  group: string | null;
  /** Exact attained amount so far (decimal string). */
  attained: string;
}

/**
 * A mergeable attainment summary (JSON): `{ kind: 'quotaAttainment', version: 1, groupBy, rows }`. Every chunk
 * must be summarised with the same quotas and members.
 */
export interface QuotaAttainmentSummary {
  readonly kind: 'quotaAttainment';
  readonly version: 1;
  readonly groupBy: GroupLabel;
  readonly rows: readonly AttainmentSummaryRow[];
}

/** A member of `options.members` with the path that names it in a message. */
interface ListedMember {
  readonly m: Member;
  readonly path: string;
}

/** Reads `options.members` by id (each an object with a string id; dates are read when used). */
function readMembers(value: unknown): Map<string, ListedMember> {
  const byId = new Map<string, ListedMember>();
  if (value === undefined) return byId;
  const list = readArray(value, 'options.members', 'INVALID_OPTION');
  for (let i = 0; i < list.length; i++) {
    const path = entityPath('options.members', i, list[i]);
    const m = readObject(list[i], path, 'INVALID_OPTION');
    if (typeof m['id'] !== 'string') throw invalid('INVALID_OPTION', `${path}.id`, m['id'], 'must be a string');
    byId.set(m['id'], { m: m as unknown as Member, path });
  }
  return byId;
}

/** What makes a quota the same quota: its member (or team) and its period. */
function quotaKey(row: AttainmentSummaryRow): string {
  const owner = row.memberId === undefined ? `team\u0000${row.teamId}` : `member\u0000${row.memberId}`;
  return `${owner}\u0000${row.period.start}\u0000${row.period.end}`;
}

function readQuota(q: Quota, i: number, members: ReadonlyMap<string, ListedMember>): AttainmentSummaryRow {
  const path = entityPath('quotas', i, q);
  readObject(q, path);
  if ((q.memberId === undefined) === (q.teamId === undefined))
    throw invalid('INVALID_INPUT', path, q, 'must have exactly one of memberId or teamId');
  if (q.memberId !== undefined) readString(q.memberId, `${path}.memberId`);
  if (q.teamId !== undefined) readString(q.teamId, `${path}.teamId`);
  if (q.measure !== undefined && q.measure !== 'bookings') {
    const why = "must be 'bookings' (attainment from deals measures bookings)";
    throw invalid('INVALID_INPUT', `${path}.measure`, q.measure, why);
  }
  const p = makePeriod(q.period?.start, q.period?.end);
  const { fixed, currency } = readMoney(q.amount, `${path}.amount`);
  if (fixed.int < 0n) throw invalid('INVALID_AMOUNT', `${path}.amount.amount`, q.amount.amount, 'must not be negative');
  const member = q.memberId === undefined ? undefined : members.get(q.memberId);
  let numerator = 1;
  let denominator = 1;
  if (member !== undefined) {
    const f = memberProration(member.m, member.path, p);
    numerator = f.numerator;
    denominator = f.denominator;
  }
  const digits = minorUnits(currency);
  const units = roundRational(
    fixed.int * BigInt(numerator) * pow10(digits),
    pow10(fixed.scale) * BigInt(denominator),
    DEFAULT_ROUNDING,
  );
  const row: AttainmentSummaryRow = {
    period: p,
    quota: fromFixed(fixed, currency),
    proration: { numerator, denominator },
    proratedQuota: fromFixed({ int: units, scale: digits }, currency),
    group: null,
    attained: '0',
  };
  if (q.memberId !== undefined) row.memberId = q.memberId;
  if (q.teamId !== undefined) row.teamId = q.teamId;
  return row;
}

/**
 * Summarises a chunk of deals for {@link quotaAttainment}: each quota's exact attained amount.
 *
 * @param deals - deals (only won deals with a close date count).
 * @param quotas - member and team quotas (measure bookings).
 * @param options - {@link QuotaAttainmentOptions}.
 * @returns a JSON-serialisable summary.
 * @throws {RevopsError} as {@link quotaAttainment}.
 * @example
 * ```ts
 * import { summarizeQuotaAttainment } from 'revops/metrics';
 * const quota = { memberId: 'ae1', period: { start: '2026-01-01', end: '2026-03-31' }, amount: { amount: '100000.00',
 *   currency: 'USD' }, measure: 'bookings' };
 * summarizeQuotaAttainment([{ ownerId: 'ae1', stage: 'closed-won', closeDate: '2026-02-01',
 *   amount: { amount: '30000.00', currency: 'USD' } }], [quota]).rows[0].attained;
 * //=> '30000'
 * ```
 */
export function summarizeQuotaAttainment(
  deals: readonly AttainmentDeal[],
  quotas: readonly Quota[],
  options: QuotaAttainmentOptions = {},
): QuotaAttainmentSummary {
  try {
    readList(deals, 'deals');
    readList(quotas, 'quotas');
    readObject(options, 'options', 'INVALID_OPTION');
    const grouping = readGrouping<QuotaRef>(options, 'quotas', (r) => r);
    const members = readMembers(options.members);
    // a quota counts once: a second quota of the same member (or team) and period is a repeated record (a retried
    // import), refused at once, before the rest is read
    const firstOf = new Map<string, number>();
    const rows = mapList(quotas, (q, i) => {
      const row = readQuota(q, i, members);
      const key = quotaKey(row);
      const first = firstOf.get(key);
      if (first !== undefined) {
        const field = entityPath('quotas', i, q);
        const who = row.memberId === undefined ? `team ${row.teamId}` : `member ${row.memberId}`;
        throw new RevopsError(
          'DUPLICATE_ID',
          `${field} repeats the ${who} and period of quotas[${first}]: a quota counts once`,
          { field, value: q, details: { first, second: i } },
        );
      }
      firstOf.set(key, i);
      return row;
    });
    const byMember = new Map<string, number[]>();
    const byTeam = new Map<string, number[]>();
    rows.forEach((r, i) => {
      if (r.memberId !== undefined) {
        const list = byMember.get(r.memberId);
        if (list === undefined) byMember.set(r.memberId, [i]);
        else list.push(i);
        if (grouping !== null) r.group = grouping.keyOf({ ownerId: r.memberId }, i);
      }
      if (r.teamId !== undefined) {
        const list = byTeam.get(r.teamId);
        if (list === undefined) byTeam.set(r.teamId, [i]);
        else list.push(i);
      }
    });
    const totals = rows.map(() => new MoneyTotal());
    const outcome = dealOutcomeOf(options);
    const seen = new SeenIds('deals');
    for (let i = 0; i < deals.length; i++) {
      const deal = deals[i] as AttainmentDeal;
      const path = entityPath('deals', i, deal);
      readObject(deal, path);
      seen.check(deal, i);
      if (outcome(deal, path) !== 'won' || deal.closeDate === undefined) continue;
      const date = assertIsoDate(deal.closeDate, `${path}.closeDate`);
      for (const credit of dealCredits(deal, path)) {
        const team = members.get(credit.memberId)?.m.teamId;
        const targets = [
          ...(byMember.get(credit.memberId) ?? []),
          ...(team === undefined ? [] : (byTeam.get(team) ?? [])),
        ];
        for (const k of targets) {
          const row = rows[k] as AttainmentSummaryRow;
          if (date < row.period.start || date > row.period.end) continue;
          if (credit.amount.currency !== row.quota.currency) {
            const why = `must be ${row.quota.currency} like quotas[${k}]`;
            throw invalid('CURRENCY_MISMATCH', `${path}.amount.currency`, credit.amount.currency, why);
          }
          (totals[k] as MoneyTotal).add(credit.amount, `${path}.amount`);
        }
      }
    }
    rows.forEach((r, k) => {
      r.attained = (totals[k] as MoneyTotal).amount();
    });
    return { kind: 'quotaAttainment', version: 1, groupBy: grouping?.label ?? null, rows };
  } catch (thrown) {
    throw readFailure(thrown, { deals, quotas, options });
  }
}

function summaryMoney(value: unknown, field: string): Money {
  const v = summaryRecord(value, field);
  const currency = summaryCurrency(v['currency'], `${field}.currency`);
  if (currency === null) throw invalidSummary(`${field}.currency`, null, 'must be an ISO 4217 currency code');
  return { amount: summaryAmount(v['amount'], `${field}.amount`), currency };
}

function readRow(value: unknown, field: string): AttainmentSummaryRow {
  const v = summaryRecord(value, field);
  const proration = summaryRecord(v['proration'], `${field}.proration`);
  const numerator = summaryInteger(proration['numerator'], `${field}.proration.numerator`);
  const denominator = summaryInteger(proration['denominator'], `${field}.proration.denominator`);
  if (denominator === 0) throw invalidSummary(`${field}.proration.denominator`, 0, 'must be positive');
  const period = summaryPeriod(v['period'], `${field}.period`);
  if (period === null) throw invalidSummary(`${field}.period`, null, 'must be a period');
  const row: AttainmentSummaryRow = {
    period,
    quota: summaryMoney(v['quota'], `${field}.quota`),
    proration: { numerator, denominator },
    proratedQuota: summaryMoney(v['proratedQuota'], `${field}.proratedQuota`),
    group: v['group'] === null ? null : summaryString(v['group'], `${field}.group`),
    attained: summaryAmount(v['attained'], `${field}.attained`),
  };
  if (row.proratedQuota.currency !== row.quota.currency) {
    throw invalidSummary(`${field}.proratedQuota.currency`, row.proratedQuota.currency, 'must be the quota currency');
  }
  if (v['memberId'] !== undefined) row.memberId = summaryString(v['memberId'], `${field}.memberId`);
  if (v['teamId'] !== undefined) row.teamId = summaryString(v['teamId'], `${field}.teamId`);
  if ((row.memberId === undefined) === (row.teamId === undefined)) {
    throw invalidSummary(field, value, 'must have exactly one of memberId or teamId');
  }
  return row;
}

function readSummary(value: unknown, field: string): QuotaAttainmentSummary {
  const v = readTagged(value, field, 'quotaAttainment', 1);
  const groupBy = summaryGroupBy(v['groupBy'], `${field}.groupBy`);
  // one row per quota, as summarize makes them: a row repeating a quota is refused where it stands (reading
  // stops there, so 1e6 copies of one row are refused at once)
  const firstOf = new Map<string, number>();
  const rows = mapList(summaryArray(v['rows'], `${field}.rows`), (r, i) => {
    const row = readRow(r, `${field}.rows[${i}]`);
    const key = quotaKey(row);
    const first = firstOf.get(key);
    if (first !== undefined) {
      throw invalidSummary(`${field}.rows[${i}]`, r, `must not repeat the quota of ${field}.rows[${first}]`);
    }
    firstOf.set(key, i);
    return row;
  });
  return { kind: 'quotaAttainment', version: 1, groupBy, rows };
}

/**
 * Merges two attainment summaries made with the same quotas, members and grouping: the
 * attained amounts add.
 *
 * @param a - a summary.
 * @param b - another one.
 * @returns both together.
 * @throws {RevopsError} `INVALID_SUMMARY` naming the field for a malformed summary, or one of other quotas,
 *   members or grouping.
 * @example
 * ```ts
 * import { mergeQuotaAttainment, summarizeQuotaAttainment } from 'revops/metrics';
 * const quota = { memberId: 'ae1', period: { start: '2026-01-01', end: '2026-03-31' }, amount: { amount: '100.00',
 *   currency: 'USD' } };
 * const deal = { ownerId: 'ae1', stage: 'closed-won', closeDate: '2026-02-01', amount: { amount: '30.00',
 *   currency: 'USD' } };
 * mergeQuotaAttainment(summarizeQuotaAttainment([deal], [quota]), summarizeQuotaAttainment([deal],
 *   [quota])).rows[0].attained;
 * //=> '60'
 * ```
 */
export function mergeQuotaAttainment(a: QuotaAttainmentSummary, b: QuotaAttainmentSummary): QuotaAttainmentSummary {
  try {
    const x = readSummary(a, 'a');
    const y = readSummary(b, 'b');
    const same = (r: AttainmentSummaryRow, s: AttainmentSummaryRow | undefined): boolean =>
      s !== undefined && JSON.stringify({ ...r, attained: '' }) === JSON.stringify({ ...s, attained: '' });
    sameParameter(x.groupBy, y.groupBy, 'groupBy');
    if (x.rows.length !== y.rows.length || !x.rows.every((r, i) => same(r, y.rows[i]))) {
      throw invalidSummary('b.rows', 'summary', 'must be summarised with the same quotas and members as a');
    }
    return {
      kind: 'quotaAttainment',
      version: 1,
      groupBy: x.groupBy,
      rows: x.rows.map((r, i) => ({
        ...r,
        attained: addAmounts(r.attained, (y.rows[i] as AttainmentSummaryRow).attained),
      })),
    };
  } catch (thrown) {
    throw readFailure(thrown, { a, b }, 'INVALID_SUMMARY');
  }
}

function total(rows: readonly AttainmentSummaryRow[]): AttainmentTotal {
  if (rows.length === 0) return { quotas: 0, attained: null, proratedQuota: null, attainment: null };
  const currency = (rows[0] as AttainmentSummaryRow).quota.currency;
  const attained = new MoneyTotal();
  const quota = new MoneyTotal();
  rows.forEach((r, i) => {
    attained.add(fromFixed(parseFixed(r.attained), r.quota.currency), `quotas[${i}]`);
    quota.add(r.proratedQuota, `quotas[${i}]`);
  });
  return {
    quotas: rows.length,
    attained: attained.money(),
    proratedQuota: quota.money() ?? fromFixed({ int: 0n, scale: 0 }, currency),
    attainment: amountRatio(attained.amount(), quota.amount()),
  };
}

/**
 * Reads attainment from a summary.
 *
 * @param summary - from {@link summarizeQuotaAttainment} or {@link mergeQuotaAttainment}.
 * @returns the {@link QuotaAttainment}.
 * @throws {RevopsError} `INVALID_SUMMARY` naming the field for anything but a valid attainment summary.
 * @throws {RevopsError} `CURRENCY_MISMATCH` when member quotas of one group are in two currencies.
 * @example
 * ```ts
 * import { finalizeQuotaAttainment } from 'revops/metrics';
 * finalizeQuotaAttainment({ kind: 'quotaAttainment', version: 1, groupBy: null, rows: [] }).attainment;
 * //=> null
 * ```
 */
export function finalizeQuotaAttainment(summary: QuotaAttainmentSummary): QuotaAttainment {
  try {
    const s = readSummary(summary, 'summary');
    const rows = s.rows.map((r): QuotaAttainmentRow => {
      const attained = fromFixed(parseFixed(r.attained), r.quota.currency);
      const { group: _group, attained: _a, ...rest } = r;
      return { ...rest, attained, attainment: amountRatio(r.attained, r.proratedQuota.amount) };
    });
    const memberRows = s.rows.filter((r) => r.memberId !== undefined);
    const result: QuotaAttainment = { ...total(memberRows), rows };
    if (s.groupBy === null) return result;
    const keys = [...new Set(memberRows.map((r) => r.group as string))].sort();
    return {
      ...result,
      groups: Object.fromEntries(keys.map((k) => [k, total(memberRows.filter((r) => r.group === k))])),
    };
  } catch (thrown) {
    throw readFailure(thrown, { summary }, 'INVALID_SUMMARY');
  }
}

/**
 * Quota attainment: what each member (and team) booked against quota, as a fraction
 * (1.2 = 120%).
 *
 * Credit: a won deal closed in the quota period credits its owner with amount × (1 − Σ
 * revenue split shares), each revenue split member with amount × share, and each overlay
 * split member with amount × share in addition (overlay credit is on top). A team quota is
 * attained by the credits of the members whose `teamId` is the team (from `members`).
 * Proration: a member who started or left during the period has a quota of
 * quota × (days in role ∩ period) ÷ (days in period) (core `prorationFraction`), rounded
 * once to the minor unit; members not listed in `members`, and team quotas, are not prorated.
 * Attainment = Σ credits ÷ prorated quota (exact sums, then one number division); the
 * totals and `groups` (by team, role, territory…) sum member quotas only.
 * Measure: only `bookings` quotas (the model's default `measure`) are accepted, because the
 * attained side is the booked amount of won deals. A `revenue`, `acv`, `margin`, `units` or
 * `custom` quota is refused with `INVALID_INPUT` naming `quotas[i].measure` rather than
 * being compared with bookings; measure those with the module that produces the number
 * (e.g. recognised revenue from `revops/retention`) and divide by the quota yourself.
 *
 * @param deals - deals; won ones with a close date count.
 * @param quotas - member and team quotas, measure `bookings`.
 * @param options - {@link QuotaAttainmentOptions}: `members` (proration, teams, grouping), `pipeline`, `groupBy`.
 * @returns a row per quota, the total over member quotas, and `groups` when `groupBy` is set.
 * @throws {RevopsError} `INVALID_INPUT` for deals or quotas that are not arrays, a quota without exactly one of
 *   memberId/teamId, a measure other than `bookings`, a bad deal or split shares above 1.
 * @throws {RevopsError} `DUPLICATE_ID` for two deals with the same id, or two quotas of the same member (or team)
 *   and period (naming both positions).
 * @throws {RevopsError} `INVALID_AMOUNT` for a malformed deal amount, or a malformed or negative quota amount.
 * @throws {RevopsError} `CURRENCY_MISMATCH` for a credit or quota in another currency.
 * @throws {RevopsError} `INVALID_PERIOD` for a malformed period; `INVALID_OPTION` for an unknown groupBy.
 * @example
 * ```ts
 * import { quotaAttainment } from 'revops/metrics';
 * const members = [{ id: 'ae1', name: 'Ana', roleId: 'account-executive', teamId: 'east', territoryIds: [],
 *   startDate: '2026-02-01' }];
 * const quota = { memberId: 'ae1', period: { start: '2026-01-01', end: '2026-03-31' }, amount: { amount: '90000.00',
 *   currency: 'USD' } };
 * const deal = { ownerId: 'ae1', stage: 'closed-won', closeDate: '2026-03-02', amount: { amount: '59000.00',
 *   currency: 'USD' } };
 * const r = quotaAttainment([deal], [quota], { members });
 * [r.rows[0].proratedQuota.amount, r.attainment];
 * //=> ['59000.00', 1]
 * ```
 */
export function quotaAttainment(
  deals: readonly AttainmentDeal[],
  quotas: readonly Quota[],
  options: QuotaAttainmentOptions = {},
): QuotaAttainment {
  try {
    return finalizeQuotaAttainment(summarizeQuotaAttainment(deals, quotas, options));
  } catch (thrown) {
    throw readFailure(thrown, { deals, quotas, options });
  }
}
