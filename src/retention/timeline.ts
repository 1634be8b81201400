/**
 * Reads subscription revenue rows into per-customer month-end MRR snapshots, as integer
 * minor units (or finer, if rows carry more digits), for the movement and cohort summaries.
 *
 * Snapshot rule: MRR of month `M` is measured on `M`'s last day. A row counts in every month
 * whose last day lies inside its `period` (a calendar-month row counts in its month; an annual
 * row with `mrr` 100 counts 100 in each of its twelve months; a row from Jan 15 to Feb 14 counts
 * in January). With churn recognised at cancellation, a row stops counting in the month that
 * contains its `canceledAt`.
 *
 * Exactness: amounts are parsed once, by core's exact engine, to integers at one scale (the
 * currency's minor unit, or more digits if a row has them). One customer's MRR in one month
 * must stay at most 2^53 − 1 units (Number.MAX_SAFE_INTEGER ≈ 9.0e15, about 90 trillion US
 * dollars in cents; beyond, `INVALID_AMOUNT`); totals over customers are core's exact
 * accumulator, which spills into BigInt instead of rounding.
 *
 * Duplicates: rows of one `subscriptionId` are the periods of one subscription. Two of them
 * that both count in the same month (their periods hold the same month end) are the same
 * revenue twice — a retried import, a merged file — and are refused with `DUPLICATE_ID` naming
 * both rows. Rows without a `subscriptionId` are each their own subscription and add up per
 * customer (a customer with two subscriptions); give subscription ids to have repeats refused.
 * @module
 */
import { invalid, RevopsError } from '../core/errors.js';
import { MINOR_UNITS_TABLE } from '../core/currency.js';
import { monthLength as daysInMonth } from '../core/dates.js';
import { parseDecimalText, readDecimal } from '../core/decimal-text.js';
import { exactRescale, intSign, type Exact } from '../core/exact.js';
import type { Period } from '../core/periods.js';
import type { Money } from '../core/money.js';
import { entityPath } from '../core/read.js';
import type { Subscription } from '../model/subscription.js';
import type { RetentionConvention } from './presets.js';

/** A month as `year × 12 + (month − 1)`. @internal */
export type MonthIndex = number;

/** Parses `YYYY-MM-DD` to [monthIndex, day, isLastDayOfMonth]; throws INVALID_DATE. @internal */
export function readDate(value: unknown, field: string): [MonthIndex, number, boolean] {
  if (typeof value !== 'string' || value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) {
    throw invalid('INVALID_DATE', field, value, 'must be a calendar date YYYY-MM-DD');
  }
  const y = Number(value.slice(0, 4));
  const m = Number(value.slice(5, 7));
  const d = Number(value.slice(8, 10));
  if (
    !Number.isInteger(y) ||
    !Number.isInteger(m) ||
    !Number.isInteger(d) ||
    y < 1 ||
    m < 1 ||
    m > 12 ||
    d < 1 ||
    d > daysInMonth(y, m)
  ) {
    throw invalid('INVALID_DATE', field, value, 'must be a calendar date YYYY-MM-DD');
  }
  return [y * 12 + m - 1, d, d === daysInMonth(y, m)];
}

/** Days from 1970-01-01 to the first day of month `mi` (proleptic Gregorian). @internal */
export function monthStartDay(mi: MonthIndex): number {
  let y = Math.floor(mi / 12);
  const m = (mi % 12) + 1;
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5);
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** `YYYY-MM-DD` of the first (or last) day of a month index. @internal */
export function monthDate(mi: MonthIndex, last: boolean): string {
  const y = Math.floor(mi / 12);
  const m = (mi % 12) + 1;
  const d = last ? daysInMonth(y, m) : 1;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A period of whole months, as month indices. @internal */
export function readMonths(period: Period, field = 'options.period'): [MonthIndex, MonthIndex] {
  if (period === null || typeof period !== 'object')
    throw invalid('INVALID_PERIOD', field, period, 'must be a period { start, end } of whole months');
  const [a, da] = readDate(period.start, `${field}.start`);
  const [b, , lastB] = readDate(period.end, `${field}.end`);
  if (da !== 1) throw invalid('INVALID_PERIOD', `${field}.start`, period.start, 'must be the first day of a month');
  if (!lastB) throw invalid('INVALID_PERIOD', `${field}.end`, period.end, 'must be the last day of a month');
  if (b < a) throw invalid('INVALID_PERIOD', `${field}.end`, period.end, 'must not be before the start');
  return [a, b];
}

/** One customer's month-end snapshots where the customer is active, sorted by month. @internal */
export interface CustomerTimeline {
  months: number[];
  units: number[];
}

/** The rows, read. @internal */
export interface Timeline {
  readonly currency: string | null;
  /** Decimal digits of the integer units. */
  readonly scale: number;
  readonly customers: Map<string, CustomerTimeline>;
  /** Last month with any snapshot, or -1. */
  readonly lastMonth: MonthIndex;
}

/**
 * The path naming row `i` in an error: its index and its id — the `subscriptionId`, or the
 * `customerId` of a row without one (`subscriptions[3] (id "sub_17")`). @internal
 */
export function rowPath(rows: readonly Subscription[], i: number): string {
  const row = rows[i] as Subscription | null | undefined;
  let id: unknown;
  if (row !== null && typeof row === 'object') id = row.subscriptionId ?? row.customerId;
  return entityPath('subscriptions', i, { id });
}

/** An amount parsed once by core's engine (`'10.50'` → 1050 at scale 2, `'1e-3'` → 1 at scale 3). */
function parseAmount(amount: string, field: () => string): Exact {
  const x = parseDecimalText(amount);
  return typeof x === 'string' ? readDecimal(amount, field()) : x;
}

/** Units of an amount at `scale` (≥ its own): a non-negative safe integer; `field` names the amount in an error. */
function toUnits(x: Exact, scale: number, amount: string, field: () => string): number {
  if (intSign(x.int) < 0)
    throw invalid('INVALID_AMOUNT', field(), amount, 'must not be negative (MRR is never below zero)');
  const units = exactRescale(x, scale);
  if (typeof units !== 'number') throw invalid('INVALID_AMOUNT', field(), amount, 'exceeds 2^53 − 1 units');
  return units === 0 ? 0 : units;
}

/** Whether the row's amount is its list price under the discount rule (else `mrr`). */
function usesList(row: Subscription, c: RetentionConvention): boolean {
  return c.discounts !== 'all' && row.listMrr !== undefined && (c.discounts === 'none' || row.discount === 'limited');
}

/** The money a row contributes under the convention, and its field name. */
function moneyOf(row: Subscription, c: RetentionConvention): [Money, 'listMrr' | 'mrr'] {
  return usesList(row, c) ? [row.listMrr as Money, 'listMrr'] : [row.mrr, 'mrr'];
}

/** First pass: every row is an object with money in one known currency; its amount parsed once; the scale of all. */
function readCurrency(
  rows: readonly Subscription[],
  c: RetentionConvention,
  currency: string | undefined,
): [string | null, number, Exact[]] {
  const amounts: Exact[] = new Array<Exact>(rows.length);
  let cur: string | null = currency ?? null;
  if (cur !== null && !MINOR_UNITS_TABLE.has(cur))
    throw invalid('UNKNOWN_CURRENCY', 'options.currency', cur, 'must be an ISO 4217 code such as "USD"');
  let scale = cur === null ? 0 : (MINOR_UNITS_TABLE.get(cur) as number);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as Subscription;
    if (row === null || typeof row !== 'object' || row.mrr === null || typeof row.mrr !== 'object') {
      throw invalid('INVALID_INPUT', rowPath(rows, i), row, 'must be a subscription row { customerId, period, mrr }');
    }
    const [m, name] = moneyOf(row, c);
    if (m === null || typeof m !== 'object' || typeof m.amount !== 'string')
      throw invalid('INVALID_AMOUNT', `${rowPath(rows, i)}.${name}`, m, 'must be money { amount, currency }');
    if (cur === null) {
      if (typeof m.currency !== 'string' || !MINOR_UNITS_TABLE.has(m.currency))
        throw invalid(
          'UNKNOWN_CURRENCY',
          `${rowPath(rows, i)}.${name}.currency`,
          m.currency,
          'must be an ISO 4217 code such as "USD"',
        );
      cur = m.currency;
      scale = Math.max(scale, MINOR_UNITS_TABLE.get(cur) as number);
    } else if (m.currency !== cur) {
      throw invalid(
        'CURRENCY_MISMATCH',
        `${rowPath(rows, i)}.${name}.currency`,
        m.currency,
        `must be ${cur} like the other rows`,
      );
    }
    const x = parseAmount(m.amount, () => `${rowPath(rows, i)}.${name}.amount`);
    amounts[i] = x;
    if (x.scale > scale) scale = x.scale;
  }
  return [cur, scale, amounts];
}

/** Refuses two rows of one subscription id that count in the same month (`spans`: [first, last, row] per id). */
function refuseOverlaps(rows: readonly Subscription[], spans: Map<string, number[]>): void {
  for (const list of spans.values()) {
    if (list.length === 3) continue;
    const order: number[] = [];
    for (let k = 0; k < list.length; k += 3) order.push(k);
    order.sort(
      (x, y) => (list[x] as number) - (list[y] as number) || (list[x + 2] as number) - (list[y + 2] as number),
    );
    let reach = -Infinity;
    let reachRow = -1;
    for (const k of order) {
      const [first, last, i] = [list[k] as number, list[k + 1] as number, list[k + 2] as number];
      if (first <= reach) {
        const [p, q] = reachRow < i ? [reachRow, i] : [i, reachRow];
        throw new RevopsError(
          'DUPLICATE_ID',
          `${rowPath(rows, q)} repeats ${rowPath(rows, p)}: both count the subscription in ` +
            `${monthDate(first, true).slice(0, 7)} (rows of one subscription id are its periods: ` +
            'they must not both hold the same month end)',
          { field: `${rowPath(rows, q)}.subscriptionId`, value: rows[q]?.subscriptionId, details: { rows: [p, q] } },
        );
      }
      if (last > reach) {
        reach = last;
        reachRow = i;
      }
    }
  }
}

/**
 * Reads the rows. `currency`, when given, is what every row must use; snapshots after month
 * `until` are not kept (no summary reads them).
 * @throws {RevopsError} `CURRENCY_MISMATCH`, `UNKNOWN_CURRENCY`, `INVALID_AMOUNT`, `INVALID_DATE`, `INVALID_PERIOD`,
 *   `INVALID_INPUT`, `DUPLICATE_ID`.
 * @internal
 */
export function readTimeline(
  rows: readonly Subscription[],
  c: RetentionConvention,
  currency: string | undefined,
  until: MonthIndex = Number.POSITIVE_INFINITY,
): Timeline {
  if (!Array.isArray(rows))
    throw invalid('INVALID_INPUT', 'subscriptions', rows, 'must be an array of subscription rows');
  const [cur, scale, amounts] = readCurrency(rows, c, currency);
  const customers = new Map<string, CustomerTimeline>();
  const spans = new Map<string, number[]>();
  // dates repeat across rows (a few per month): parse each distinct string once (bounded cache)
  const dates = new Map<string, [MonthIndex, number, boolean]>();
  const date = (value: unknown, i: number, name: string): [MonthIndex, number, boolean] => {
    const hit = typeof value === 'string' ? dates.get(value) : undefined;
    if (hit !== undefined) return hit;
    const parsed = readDate(value, `${rowPath(rows, i)}.${name}`);
    if (dates.size < 10_000) dates.set(value as string, parsed);
    return parsed;
  };
  const freeActive = c.freePlans === 'active';
  const cancel = c.churnRecognition === 'cancellation';
  let lastMonth = -1;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as Subscription;
    const id = row.customerId;
    if (typeof id !== 'string' || id.length === 0)
      throw invalid('INVALID_INPUT', `${rowPath(rows, i)}.customerId`, id, 'must be a non-empty string');
    const sub = row.subscriptionId;
    if (sub !== undefined && (typeof sub !== 'string' || sub.length === 0))
      throw invalid('INVALID_INPUT', `${rowPath(rows, i)}.subscriptionId`, sub, 'must be a non-empty string');
    if (row.period === null || typeof row.period !== 'object')
      throw invalid('INVALID_PERIOD', `${rowPath(rows, i)}.period`, row.period, 'must be a period { start, end }');
    const [ms] = date(row.period.start, i, 'period.start');
    const [me0, , endIsLast] = date(row.period.end, i, 'period.end');
    if (row.period.end < row.period.start)
      throw invalid('INVALID_PERIOD', `${rowPath(rows, i)}.period.end`, row.period.end, 'must not be before the start');
    let me = endIsLast ? me0 : me0 - 1;
    if (sub !== undefined && ms <= me) {
      const list = spans.get(sub);
      if (list === undefined) spans.set(sub, [ms, me, i]);
      else list.push(ms, me, i);
    }
    if (cancel && row.canceledAt !== undefined) me = Math.min(me, date(row.canceledAt, i, 'canceledAt')[0] - 1);
    if (me > until) me = until; // months after the last one reported are never read
    const [m, name] = moneyOf(row, c);
    const units = toUnits(amounts[i] as Exact, scale, m.amount, () => `${rowPath(rows, i)}.${name}.amount`);
    if (units === 0 && !(freeActive && row.free === true)) continue;
    let t = customers.get(id);
    for (let month = ms; month <= me; month++) {
      if (t === undefined) {
        t = { months: [], units: [] };
        customers.set(id, t);
      }
      const n = t.months.length;
      if (n > 0 && (t.months[n - 1] as number) === month) {
        const v = (t.units[n - 1] as number) + units;
        if (!Number.isSafeInteger(v))
          throw invalid(
            'INVALID_AMOUNT',
            `${rowPath(rows, i)}.${name}.amount`,
            m.amount,
            'makes a customer month exceed 2^53 − 1 units',
          );
        t.units[n - 1] = v;
      } else {
        t.months.push(month);
        t.units.push(units);
      }
      if (month > lastMonth) lastMonth = month;
    }
  }
  refuseOverlaps(rows, spans);
  for (const t of customers.values()) normalise(t);
  return { currency: cur, scale, customers, lastMonth };
}

/** Sorts a timeline by month and merges duplicate months (rows arrive in any order). */
function normalise(t: CustomerTimeline): void {
  let sorted = true;
  for (let i = 1; i < t.months.length; i++) {
    if ((t.months[i] as number) <= (t.months[i - 1] as number)) {
      sorted = false;
      break;
    }
  }
  if (sorted) return;
  const order = t.months.map((_, i) => i).sort((a, b) => (t.months[a] as number) - (t.months[b] as number));
  const months: number[] = [];
  const units: number[] = [];
  for (const i of order) {
    const mo = t.months[i] as number;
    const u = t.units[i] as number;
    if (months.length > 0 && months[months.length - 1] === mo) {
      const v = (units[units.length - 1] as number) + u;
      if (!Number.isSafeInteger(v))
        throw invalid(
          'INVALID_AMOUNT',
          'subscriptions',
          monthDate(mo, true),
          'make a customer month exceed 2^53 − 1 units',
        );
      units[units.length - 1] = v;
    } else {
      months.push(mo);
      units.push(u);
    }
  }
  t.months = months;
  t.units = units;
}
