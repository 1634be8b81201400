/**
 * The mergeable summary of MRR movements: its shape, how it is computed from revenue rows
 * ({@link summarizeMrrMovements}) and how a summary that travelled through JSON is read back.
 * @module
 */
import { MINOR_UNITS_TABLE, type CurrencyCode } from '../core/currency.js';
import { RevopsError } from '../core/errors.js';
import { ExactSum } from '../core/exact-sum.js';
import { exactAdd, exactCompare, type Exact } from '../core/exact.js';
import type { Period } from '../core/periods.js';
import { readObject, readFailure } from '../core/read.js';
import { invalidSummary, readSummary, summaryInteger, summaryRecord, type Summary } from '../core/summary.js';
import type { Subscription } from '../model/subscription.js';
import {
  isReactivation,
  readConventionSettings,
  readMovementConvention,
  readReactivationRule,
  type ConventionOptions,
  type MovementConvention,
  type ReactivationRule,
} from './presets.js';
import { amountExact, summaryAmount } from './summary-amounts.js';
import { monthDate, monthStartDay, readMonths, readTimeline, type MonthIndex } from './timeline.js';

/** Options of {@link mrrMovements} and {@link summarizeMrrMovements}. Each setting defaults to the preset's. */
export interface MrrMovementsOptions extends ConventionOptions {
  /** The months measured: `start` the first day of a month, `end` the last day of one. Required. */
  readonly period: Period;
  /** When a return is a reactivation rather than new. Default `'any'`. */
  readonly reactivation?: ReactivationRule;
  /** The currency, required only to summarise an empty chunk. Default: the rows' currency. */
  readonly currency?: CurrencyCode;
}

/** Customer (logo) counts of a period: `ending = starting + new + reactivated − churned`. */
export interface MovementCounts {
  readonly starting: number;
  readonly new: number;
  readonly reactivated: number;
  readonly churned: number;
  readonly ending: number;
}

/**
 * Customers of a period counted once each, ready for `churnRate` under any same-window
 * rule: `start` active just before the period; `churned` of them, those who churned at least
 * once in it (a return later does not undo it); `acquired` customers who became active in the
 * period without being active at its start (new, or back from an earlier churn);
 * `acquiredAndChurned` of those, who churned again inside the period.
 */
export interface WindowChurnCounts {
  readonly start: number;
  readonly churned: number;
  readonly acquired: number;
  readonly acquiredAndChurned: number;
}

/** The seven MRR amounts of a movement summary, as exact non-negative decimal strings. */
export interface MovementAmounts {
  readonly starting: string;
  readonly new: string;
  readonly expansion: string;
  readonly contraction: string;
  readonly churned: string;
  readonly reactivation: string;
  readonly ending: string;
}

/**
 * The JSON summary of {@link summarizeMrrMovements}, version 1: the parameters it was computed
 * with (`period`, `currency` and the convention's settings) are fields, compared on merge;
 * amounts are exact decimal strings.
 */
export interface MrrMovementsSummary extends Summary<'mrrMovements'>, MovementConvention {
  readonly kind: 'mrrMovements';
  readonly version: 1;
  /** Whole months. */
  readonly period: Period;
  /** `null` for a summary of no rows without `options.currency`. */
  readonly currency: CurrencyCode | null;
  readonly amounts: MovementAmounts;
  readonly customers: MovementCounts;
  /** The customers active just before the period, followed to its end (`null` after merging adjacent periods). */
  readonly startCohort: { readonly retained: string; readonly ending: string } | null;
  /** Customer counts for `churnRate` (`null` after merging adjacent periods). */
  readonly churnCounts: WindowChurnCounts | null;
}

const AMOUNT_KEYS = ['starting', 'new', 'expansion', 'contraction', 'churned', 'reactivation', 'ending'] as const;
const COUNT_KEYS = ['starting', 'new', 'reactivated', 'churned', 'ending'] as const;
const CHURN_KEYS = ['start', 'churned', 'acquired', 'acquiredAndChurned'] as const;

/**
 * Summarises the MRR movements of `options.period` over a chunk of rows (see {@link mrrMovements}).
 *
 * Splitting: a chunk must hold the **whole history** of its customers up to the period's end
 * (new vs reactivation depends on earlier months). Chunks over disjoint customer sets, for
 * the same period, merge exactly; summaries of adjacent periods (each over all customers) merge
 * into the joined period. The summary's size does not depend on the number of customers. A
 * split of one customer's rows by time would need per-customer boundary state (last active
 * month, MRR at the boundary, whether ever paid) — memory that grows with customers — so it is
 * not offered.
 *
 * @param subscriptions - revenue rows (see {@link Subscription}), any order.
 * @param options - see {@link MrrMovementsOptions}; `period` is required.
 * @returns the summary, tagged `{ kind: 'mrrMovements', version: 1 }`.
 * @throws {RevopsError} `INVALID_PERIOD` for a period that is not whole months, or a row period that ends before it
 *   starts.
 * @throws {RevopsError} `INVALID_DATE` for a malformed date.
 * @throws {RevopsError} `INVALID_AMOUNT` for a negative or malformed amount, or one customer's month beyond 2^53 − 1
 *   minor units.
 * @throws {RevopsError} `CURRENCY_MISMATCH` for rows in different currencies.
 * @throws {RevopsError} `UNKNOWN_CURRENCY` for an unknown currency.
 * @throws {RevopsError} `INVALID_OPTION` for an unknown preset or setting.
 * @throws {RevopsError} `INVALID_INPUT` for a malformed row.
 * @throws {RevopsError} `DUPLICATE_ID` for two rows of one `subscriptionId` that hold the same month end.
 * @example
 * ```ts
 * import { summarizeMrrMovements } from 'revops/retention';
 * const rows = [
 *   { customerId: 'a', period: { start: '2026-01-01', end: '2026-01-31' }, mrr: { amount: '10.00', currency: 'USD' } },
 * ];
 * summarizeMrrMovements(rows, { period: { start: '2026-02-01', end: '2026-02-28' } }).amounts.churned;
 * //=> '10.00'
 * ```
 */
export function summarizeMrrMovements(
  subscriptions: readonly Subscription[],
  options: MrrMovementsOptions,
): MrrMovementsSummary {
  try {
    const o = readObject(options, 'options', 'INVALID_OPTION') as unknown as MrrMovementsOptions;
    const convention = readMovementConvention(o);
    const [w1, wk] = readMonths(o.period);
    const tl = readTimeline(
      subscriptions,
      { ...convention, sameWindow: 'exclude', quickRatioReactivation: 'exclude' },
      o.currency,
      wk,
    );
    const acc = (): ExactSum => new ExactSum(tl.scale);
    const starting = acc();
    const nw = acc();
    const expansion = acc();
    const contraction = acc();
    const churned = acc();
    const reactivation = acc();
    const ending = acc();
    const retained = acc();
    const cohortEnding = acc();
    let cStart = 0;
    let cNew = 0;
    let cReact = 0;
    let cChurn = 0;
    let cEnd = 0;
    let lostStart = 0;
    let acquired = 0;
    let acquiredAndChurned = 0;
    const rule = convention.reactivation;
    for (const { months, units } of tl.customers.values()) {
      const n = months.length;
      let startVal = -1; // MRR in month w1 − 1, or -1 if inactive
      let endVal = 0;
      let endActive = false;
      let joined = false; // became active inside the period without being active at its start
      let startChurned = false;
      let joinedChurned = false;
      for (let i = 0; i < n; i++) {
        const m = months[i] as number;
        if (m > wk) break;
        const v = units[i] as number;
        if (m === w1 - 1) startVal = v;
        if (m === wk) {
          endVal = v;
          endActive = true;
        }
        const prevActive = i > 0 && months[i - 1] === m - 1;
        if (m >= w1) {
          if (!prevActive) {
            if (startVal < 0) joined = true;
            const gap = i > 0 ? monthStartDay(m) - monthStartDay((months[i - 1] as number) + 1) : -1;
            if (i > 0 && isReactivation(rule, gap)) {
              reactivation.addUnits(v);
              cReact++;
            } else {
              nw.addUnits(v);
              cNew++;
            }
          } else {
            const pv = units[i - 1] as number;
            if (v > pv) expansion.addUnits(v - pv);
            else contraction.addUnits(pv - v);
          }
        }
        if ((i === n - 1 || months[i + 1] !== m + 1) && m + 1 >= w1 && m + 1 <= wk) {
          churned.addUnits(v);
          cChurn++;
          if (startVal >= 0) startChurned = true;
          else if (joined) joinedChurned = true;
        }
      }
      if (startChurned) lostStart++;
      if (joined) acquired++;
      if (joinedChurned) acquiredAndChurned++;
      if (startVal >= 0) {
        starting.addUnits(startVal);
        cStart++;
        retained.addUnits(Math.min(startVal, endVal));
        cohortEnding.addUnits(endVal);
      }
      if (endActive) {
        ending.addUnits(endVal);
        cEnd++;
      }
    }
    const d = (a: ExactSum): string => a.toString(tl.scale);
    return {
      kind: 'mrrMovements',
      version: 1,
      period: { start: monthDate(w1, false), end: monthDate(wk, true) },
      currency: tl.currency,
      ...convention,
      amounts: {
        starting: d(starting),
        new: d(nw),
        expansion: d(expansion),
        contraction: d(contraction),
        churned: d(churned),
        reactivation: d(reactivation),
        ending: d(ending),
      },
      customers: { starting: cStart, new: cNew, reactivated: cReact, churned: cChurn, ending: cEnd },
      startCohort: { retained: d(retained), ending: d(cohortEnding) },
      churnCounts: { start: cStart, churned: lostStart, acquired, acquiredAndChurned },
    };
  } catch (thrown) {
    throw readFailure(thrown, { subscriptions, options });
  }
}

function readCounts<K extends string>(value: unknown, field: string, keys: readonly K[]): Record<K, number> {
  const r = summaryRecord(value, field);
  const out = {} as Record<K, number>;
  for (const k of keys) out[k] = summaryInteger(r[k], `${field}.${k}`);
  return out;
}

/**
 * Reads a movement summary that may have travelled through JSON, a queue or another machine:
 * kind and version, every field's type, and the identities every summary satisfies (the
 * roll-forward of money and of logos; the churn counts within the logos). Returns a fresh copy
 * and the period as month indices.
 * @throws {RevopsError} `INVALID_SUMMARY` naming the field.
 * @internal
 */
export function readMovementsSummary(value: unknown, field: string): [MrrMovementsSummary, MonthIndex, MonthIndex] {
  const s = readSummary(value, field, 'mrrMovements', 1);
  const p = summaryRecord(s['period'], `${field}.period`);
  let months: [MonthIndex, MonthIndex];
  try {
    months = readMonths(p as unknown as Period, `${field}.period`);
  } catch (e) {
    const f = e instanceof RevopsError && e.field !== undefined ? e.field : `${field}.period`;
    throw invalidSummary(f, e instanceof RevopsError ? e.value : p, 'must be a period of whole months');
  }
  const currency = s['currency'];
  if (currency !== null && (typeof currency !== 'string' || !MINOR_UNITS_TABLE.has(currency)))
    throw invalidSummary(`${field}.currency`, currency, 'must be null or an ISO 4217 code');
  const reactivation = readReactivationRule(s['reactivation'], `${field}.reactivation`, 'INVALID_SUMMARY');
  const settings = readConventionSettings(s, `${field}.`, 'INVALID_SUMMARY');
  const a = summaryRecord(s['amounts'], `${field}.amounts`);
  const amounts = {} as Record<(typeof AMOUNT_KEYS)[number], string>;
  for (const k of AMOUNT_KEYS) amounts[k] = summaryAmount(a[k], `${field}.amounts.${k}`);
  const customers = readCounts(s['customers'], `${field}.customers`, COUNT_KEYS);
  let startCohort: MrrMovementsSummary['startCohort'] = null;
  if (s['startCohort'] !== null) {
    const c = summaryRecord(s['startCohort'], `${field}.startCohort`);
    startCohort = {
      retained: summaryAmount(c['retained'], `${field}.startCohort.retained`),
      ending: summaryAmount(c['ending'], `${field}.startCohort.ending`),
    };
  }
  const churnCounts =
    s['churnCounts'] === null ? null : readCounts(s['churnCounts'], `${field}.churnCounts`, CHURN_KEYS);
  const summary: MrrMovementsSummary = {
    kind: 'mrrMovements',
    version: 1,
    period: { start: p['start'] as string, end: p['end'] as string },
    currency,
    reactivation,
    ...settings,
    amounts,
    customers,
    startCohort,
    churnCounts,
  };
  checkIdentities(summary, field);
  return [summary, months[0], months[1]];
}

/** Refuses a summary whose numbers contradict each other (no summary of real rows does). */
function checkIdentities(s: MrrMovementsSummary, field: string): void {
  const c = s.customers;
  if (c.starting + c.new + c.reactivated - c.churned !== c.ending)
    throw invalidSummary(`${field}.customers.ending`, c.ending, 'must equal starting + new + reactivated − churned');
  const x = s.amounts;
  const sum = (xs: string[]): Exact => xs.map(amountExact).reduce(exactAdd);
  if (
    exactCompare(sum([x.starting, x.new, x.expansion, x.reactivation]), sum([x.contraction, x.churned, x.ending])) !== 0
  )
    throw invalidSummary(
      `${field}.amounts.ending`,
      x.ending,
      'must equal starting + new + expansion + reactivation − contraction − churned',
    );
  const k = s.churnCounts;
  if (k !== null && (k.start !== c.starting || k.churned > k.start || k.acquiredAndChurned > k.acquired))
    throw invalidSummary(
      `${field}.churnCounts`,
      k,
      'must have start = customers.starting, churned ≤ start and acquiredAndChurned ≤ acquired',
    );
}
