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
 * Exactness: amounts are parsed to integers at one scale (the currency's minor unit, or more
 * digits if a row has them). Every accumulator is a sum of non-negative integers, so it is
 * exact while it stays at most 2^53 − 1 (Number.MAX_SAFE_INTEGER ≈ 9.0e15 units, about
 * 90 trillion US dollars in cents); a larger value throws `INVALID_AMOUNT` instead of rounding.
 * @module
 */
import { invalid } from '../core/errors.js';
import { MINOR_UNITS_TABLE } from '../core/currency.js';
import { formatFixed, parseFixed, pow10 } from '../core/fixed.js';
import type { Period } from '../core/periods.js';
import type { Money } from '../core/money.js';
import type { Subscription } from '../model/subscription.js';
import type { RetentionConvention } from './presets.js';

/** A month as `year × 12 + (month − 1)`. @internal */
export type MonthIndex = number;

const DIM = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
function daysInMonth(y: number, m0: number): number {
  return m0 === 1 && ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0) ? 29 : (DIM[m0] as number);
}

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
    d > daysInMonth(y, m - 1)
  ) {
    throw invalid('INVALID_DATE', field, value, 'must be a calendar date YYYY-MM-DD');
  }
  return [y * 12 + m - 1, d, d === daysInMonth(y, m - 1)];
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
  const d = last ? daysInMonth(y, m - 1) : 1;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A window of whole months, as month indices. @internal */
export function readWindow(window: Period, field = 'window'): [MonthIndex, MonthIndex] {
  if (window === null || typeof window !== 'object')
    throw invalid('INVALID_PERIOD', field, window, 'must be a period { start, end }');
  const [a, da] = readDate(window.start, `${field}.start`);
  const [b, , lastB] = readDate(window.end, `${field}.end`);
  if (da !== 1)
    throw invalid(
      'INVALID_PERIOD',
      `${field}.start`,
      window.start,
      'must be the first day of a month (windows are whole months)',
    );
  if (!lastB)
    throw invalid(
      'INVALID_PERIOD',
      `${field}.end`,
      window.end,
      'must be the last day of a month (windows are whole months)',
    );
  if (b < a) throw invalid('INVALID_PERIOD', `${field}.end`, window.end, 'must not be before the start');
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

/** Digits after the decimal point as written (`'10.50'` → 2). @internal */
export function decimalsOf(amount: string): number {
  const dot = amount.indexOf('.');
  return dot < 0 ? 0 : amount.length - dot - 1;
}

/**
 * Exact sum of two decimal strings, keeping the digits they were written with
 * (`'10.00' + '5.00'` = `'15.00'`); used by the summary merges.
 * @throws {RevopsError} `INVALID_AMOUNT` naming `field` for a malformed decimal.
 * @internal
 */
export function addDecimalStrings(a: string, b: string, field: string): string {
  const x = parseFixed(a, field);
  const y = parseFixed(b, field);
  const scale = Math.max(x.scale, y.scale);
  const int = x.int * pow10(scale - x.scale) + y.int * pow10(scale - y.scale);
  return formatFixed({ int, scale }, Math.max(decimalsOf(a), decimalsOf(b)));
}

const PLAIN = /^\d{1,15}(?:\.\d+)?$/;
/** Units of `m` at `scale`; row `i`'s field `name` is named in an error (built only then: this runs per row). */
function toUnits(m: Money, scale: number, i: number, name: string): number {
  const a = m.amount;
  if (typeof a === 'string' && PLAIN.test(a)) {
    const dot = a.indexOf('.');
    const intPart = dot < 0 ? a : a.slice(0, dot);
    const frac = dot < 0 ? '' : a.slice(dot + 1);
    if (intPart.length + scale <= 15) return Number(intPart + frac.padEnd(scale, '0'));
  }
  const field = `subscriptions[${i}].${name}`;
  const f = parseFixed(a, `${field}.amount`);
  if (f.int < 0n)
    throw invalid('INVALID_AMOUNT', `${field}.amount`, a, 'must not be negative (MRR is never below zero)');
  const units = f.int * pow10(scale - f.scale);
  if (units > BigInt(Number.MAX_SAFE_INTEGER))
    throw invalid('INVALID_AMOUNT', `${field}.amount`, a, 'exceeds 2^53 − 1 units of exact accumulation');
  return Number(units);
}

/** Whether the row's amount is its list price under the discount rule (else `mrr`). */
function usesList(row: Subscription, c: RetentionConvention): boolean {
  return c.discounts !== 'all' && row.listMrr !== undefined && (c.discounts === 'none' || row.discount === 'limited');
}

/**
 * Reads the rows. `currency`, when given, is what every row must use.
 * @throws {RevopsError} `CURRENCY_MISMATCH`, `UNKNOWN_CURRENCY`, `INVALID_AMOUNT`, `INVALID_DATE`, `INVALID_PERIOD`, `INVALID_INPUT`.
 * @internal
 */
export function readTimeline(
  rows: readonly Subscription[],
  c: RetentionConvention,
  currency: string | undefined,
): Timeline {
  if (!Array.isArray(rows))
    throw invalid('INVALID_INPUT', 'subscriptions', rows, 'must be an array of subscription rows');
  let cur: string | null = currency ?? null;
  if (cur !== null && !MINOR_UNITS_TABLE.has(cur))
    throw invalid('UNKNOWN_CURRENCY', 'options.currency', cur, 'must be an ISO 4217 code such as "USD"');
  let scale = cur === null ? 0 : (MINOR_UNITS_TABLE.get(cur) as number);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as Subscription;
    if (row === null || typeof row !== 'object' || row.mrr === null || typeof row.mrr !== 'object') {
      throw invalid(
        'INVALID_INPUT',
        `subscriptions[${i}]`,
        row,
        'must be a subscription row { customerId, period, mrr }',
      );
    }
    const list = usesList(row, c);
    const m = list ? (row.listMrr as Money) : row.mrr;
    const name = list ? 'listMrr' : 'mrr';
    if (m === null || typeof m !== 'object' || typeof m.amount !== 'string')
      throw invalid('INVALID_AMOUNT', `subscriptions[${i}].${name}`, m, 'must be money { amount, currency }');
    if (cur === null) {
      if (!MINOR_UNITS_TABLE.has(m.currency))
        throw invalid(
          'UNKNOWN_CURRENCY',
          `subscriptions[${i}].${name}.currency`,
          m.currency,
          'must be an ISO 4217 code such as "USD"',
        );
      cur = m.currency;
      scale = Math.max(scale, MINOR_UNITS_TABLE.get(cur) as number);
    } else if (m.currency !== cur) {
      throw invalid(
        'CURRENCY_MISMATCH',
        `subscriptions[${i}].${name}.currency`,
        m.currency,
        `must be ${cur} like the other rows`,
      );
    }
    scale = Math.max(scale, decimalsOf(m.amount));
  }
  const customers = new Map<string, CustomerTimeline>();
  // dates repeat across rows (a few per month): parse each distinct string once (bounded cache)
  const dates = new Map<string, [MonthIndex, number, boolean]>();
  const date = (value: unknown, i: number, name: string): [MonthIndex, number, boolean] => {
    const hit = typeof value === 'string' ? dates.get(value) : undefined;
    if (hit !== undefined) return hit;
    const parsed = readDate(value, `subscriptions[${i}].${name}`);
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
      throw invalid('INVALID_INPUT', `subscriptions[${i}].customerId`, id, 'must be a non-empty string');
    if (row.period === null || typeof row.period !== 'object')
      throw invalid('INVALID_PERIOD', `subscriptions[${i}].period`, row.period, 'must be a period { start, end }');
    const [ms] = date(row.period.start, i, 'period.start');
    const [me0, , endIsLast] = date(row.period.end, i, 'period.end');
    if (row.period.end < row.period.start)
      throw invalid('INVALID_PERIOD', `subscriptions[${i}].period.end`, row.period.end, 'must not be before the start');
    let me = endIsLast ? me0 : me0 - 1;
    if (cancel && row.canceledAt !== undefined) me = Math.min(me, date(row.canceledAt, i, 'canceledAt')[0] - 1);
    const list = usesList(row, c);
    const m = list ? (row.listMrr as Money) : row.mrr;
    const name = list ? 'listMrr' : 'mrr';
    const units = toUnits(m, scale, i, name);
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
            `subscriptions[${i}].${name}.amount`,
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
        throw invalid('INVALID_AMOUNT', 'subscriptions', mo, 'make a customer month exceed 2^53 − 1 units');
      units[units.length - 1] = v;
    } else {
      months.push(mo);
      units.push(u);
    }
  }
  t.months = months;
  t.units = units;
}

/** Formats integer units at `scale` as a decimal string. @internal */
export function unitsToDecimal(units: number, scale: number): string {
  const neg = units < 0;
  let s = String(Math.abs(units));
  if (scale > 0) {
    s = s.padStart(scale + 1, '0');
    s = `${s.slice(0, s.length - scale)}.${s.slice(s.length - scale)}`;
  }
  return neg ? `-${s}` : s;
}
