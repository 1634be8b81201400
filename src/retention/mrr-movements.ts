/**
 * MRR movements: starting MRR, new, expansion, contraction, churned, reactivation and ending
 * MRR of a period, exact — the result of a movement summary ({@link finalizeMrrMovements}).
 * @module
 */
import { fromExact } from '../core/money.js';
import type { Money } from '../core/money.js';
import type { Period } from '../core/periods.js';
import { RevopsError } from '../core/errors.js';
import type { Subscription } from '../model/subscription.js';
import {
  readMovementsSummary,
  summarizeMrrMovements,
  type MovementCounts,
  type MrrMovementsOptions,
  type MrrMovementsSummary,
  type WindowChurnCounts,
} from './mrr-movements-summary.js';
import { amountExact } from './summary-amounts.js';
import { readFailure } from '../core/read.js';

/**
 * MRR movements of a period. Identity, exact:
 * `starting + new + expansion + reactivation − contraction − churned = ending`.
 */
export interface MrrMovements {
  /** The months measured. */
  readonly period: Period;
  /** Whole months in the period. */
  readonly months: number;
  readonly starting: Money;
  readonly new: Money;
  readonly expansion: Money;
  readonly contraction: Money;
  readonly churned: Money;
  readonly reactivation: Money;
  readonly ending: Money;
  readonly customers: MovementCounts;
  /**
   * The starting cohort (customers active in the month before the period): `starting` MRR,
   * `retained` = Σ min(ending, starting) per customer, `ending` = their MRR at the period's
   * end. `null` for a summary merged from adjacent periods (it needs per-customer state).
   */
  readonly startCohort: { readonly starting: Money; readonly retained: Money; readonly ending: Money } | null;
  /** Customer counts for `churnRate`; `null` for a summary merged from adjacent periods. */
  readonly churnCounts: WindowChurnCounts | null;
}

/**
 * Turns a movement summary into {@link MrrMovements} with exact money (each amount written
 * with the currency's minor digits, more if the rows had more). The summary is read in full
 * first: a summary that came back malformed from JSON is refused, never finalised into a wrong
 * number.
 *
 * @param summary - from {@link summarizeMrrMovements} or {@link mergeMrrMovements}.
 * @returns the movements.
 * @throws {RevopsError} `INSUFFICIENT_DATA` for a summary without rows and without a currency.
 * @throws {RevopsError} `INVALID_SUMMARY` naming the field, for anything that is not a version-1 `mrrMovements`
 *   summary with its documented fields and identities.
 * @example
 * ```ts
 * import { summarizeMrrMovements, finalizeMrrMovements } from 'revops/retention';
 * const period = { start: '2026-01-01', end: '2026-01-31' };
 * finalizeMrrMovements(summarizeMrrMovements([], { period, currency: 'EUR' })).ending;
 * //=> { amount: '0.00', currency: 'EUR' }
 * ```
 */
export function finalizeMrrMovements(summary: MrrMovementsSummary): MrrMovements {
  try {
    const [s, w1, wk] = readMovementsSummary(summary, 'summary');
    const currency = s.currency;
    if (currency === null)
      throw new RevopsError(
        'INSUFFICIENT_DATA',
        'summary.currency is null: the summary has no rows; pass options.currency to summarise an empty chunk',
        { field: 'summary.currency', value: null },
      );
    const m = (amount: string): Money => fromExact(amountExact(amount), currency);
    const x = s.amounts;
    return {
      period: s.period,
      months: wk - w1 + 1,
      starting: m(x.starting),
      new: m(x.new),
      expansion: m(x.expansion),
      contraction: m(x.contraction),
      churned: m(x.churned),
      reactivation: m(x.reactivation),
      ending: m(x.ending),
      customers: s.customers,
      startCohort:
        s.startCohort === null
          ? null
          : { starting: m(x.starting), retained: m(s.startCohort.retained), ending: m(s.startCohort.ending) },
      churnCounts: s.churnCounts,
    };
  } catch (thrown) {
    throw readFailure(thrown, { summary }, 'INVALID_SUMMARY');
  }
}

/**
 * MRR movements of a period from per-customer revenue rows, exact to the unit.
 *
 * MRR of a month is the month-end snapshot of each customer's rows: a row counts in every
 * month whose last day lies inside its `period` (rows need not be whole months: Jan 15–Feb 14
 * counts in January only). Rows of one customer that cover the same month **add up** (several
 * subscriptions). Rows of one `subscriptionId` are the periods of that one subscription: two
 * of them holding the same month end are the same revenue twice and are refused with
 * `DUPLICATE_ID` naming both rows (rows without a `subscriptionId` are each a subscription of
 * their own). For each month of the period, each customer's change from the month before is
 * classified (the dbt MRR playbook order): inactive → active is **reactivation** if the customer
 * paid before and the return passes `reactivation`, else **new**; active → inactive is
 * **churned** (the whole previous MRR); active → active is **expansion** or **contraction** by
 * the difference. `starting` is the MRR of the month before the period, `ending` of its last
 * month. Identity, exact: `starting + new + expansion + reactivation − contraction − churned =
 * ending` (Stripe's "MRR growth" roll-forward; ChartMogul: "summing the value of all previous
 * MRR movements produces a subscription's current MRR").
 *
 * A customer who appears, disappears and comes back: the months without revenue end with a
 * churn (the whole last MRR, in the first month without it); the return is judged against
 * the gap, counted in days from the first day of the first month without revenue to the first
 * day of the month of the return (month-end snapshots: one missing month is 28–31 days).
 * Under `'any'` every return is reactivation; under `{ withinDays: n }` it is reactivation if
 * gap ≤ n, else new; under `{ minimumGapDays: n }` it is reactivation if gap ≥ n, else new
 * (a short pause is then a new customer again). Worked example: paying 40 in January 2026,
 * nothing in February or March, 40 again in April: the gap is Feb 1 → Apr 1 = 59 days, so
 * April's 40 is reactivation under `'any'`, `{ withinDays: 90 }` and `{ minimumGapDays: 30 }`,
 * and new under `{ withinDays: 30 }` and `{ minimumGapDays: 90 }` (second example). Either
 * way the March churn of 40 stands, and the identity holds.
 *
 * Customers are counted too: `customers` rolls logos forward the same way (churn and return
 * events), and `churnCounts` counts each customer once for `churnRate`, so one data set gives
 * every provider's churn rate (`churnRate(m.churnCounts, { preset: 'stripe' })`). A row with
 * zero MRR counts as no revenue unless it is a free plan and free plans count as active.
 *
 * Presets (provider help centres, see {@link RETENTION_PRESETS}): `chartmogul` (reactivation
 * any time; free-plan customers stay active; every discount reduces MRR), `baremetrics` (churn
 * at cancellation), `stripe` (free plans excluded; only forever discounts reduce MRR; a
 * returner who leaves again is a second churn), `profitwell` (discounts always subtracted;
 * churn at the end of the paid cycle).
 *
 * @param subscriptions - revenue rows, any order; all in one currency.
 * @param options - see {@link MrrMovementsOptions}; `period` (whole months) is required.
 * @returns the movements with exact money and customer counts.
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
 * @throws {RevopsError} `INSUFFICIENT_DATA` for no rows and no `currency` option.
 * @example
 * ```ts
 * import { mrrMovements } from 'revops/retention';
 * const jan = { start: '2026-01-01', end: '2026-01-31' };
 * const feb = { start: '2026-02-01', end: '2026-02-28' };
 * const row = (id: string, period: { start: string; end: string }, amount: string) =>
 *   ({ customerId: id, period, mrr: { amount, currency: 'USD' } });
 * const rows = [row('a', jan, '100'), row('a', feb, '120'), row('b', jan, '50'), row('c', feb, '30')];
 * const m = mrrMovements(rows, { period: feb });
 * [m.starting.amount, m.new.amount, m.expansion.amount, m.churned.amount, m.ending.amount];
 * //=> ['150.00', '30.00', '20.00', '50.00', '150.00']
 * ```
 * @example
 * ```ts
 * import { mrrMovements } from 'revops/retention';
 * const usd = (amount: string) => ({ amount, currency: 'USD' });
 * const back = [
 *   { customerId: 'a', period: { start: '2026-01-01', end: '2026-01-31' }, mrr: usd('40') },
 *   { customerId: 'a', period: { start: '2026-04-01', end: '2026-04-30' }, mrr: usd('40') },
 * ];
 * const april = { start: '2026-04-01', end: '2026-04-30' };
 * const split = (o: object) => {
 *   const m = mrrMovements(back, { period: april, ...o });
 *   return [m.reactivation.amount, m.new.amount];
 * };
 * [split({}), split({ reactivation: { withinDays: 90 } }), split({ reactivation: { minimumGapDays: 30 } })];
 * //=> [['40.00', '0.00'], ['40.00', '0.00'], ['40.00', '0.00']]
 * [split({ reactivation: { withinDays: 30 } }), split({ reactivation: { minimumGapDays: 90 } })];
 * //=> [['0.00', '40.00'], ['0.00', '40.00']]
 * mrrMovements(back, { period: { start: '2026-02-01', end: '2026-04-30' } }).churned.amount;
 * //=> '40.00'
 * ```
 */
export function mrrMovements(subscriptions: readonly Subscription[], options: MrrMovementsOptions): MrrMovements {
  try {
    return finalizeMrrMovements(summarizeMrrMovements(subscriptions, options));
  } catch (thrown) {
    throw readFailure(thrown, { subscriptions, options });
  }
}
