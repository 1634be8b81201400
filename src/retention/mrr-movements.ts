/**
 * MRR movements: starting MRR, new, expansion, contraction, churned, reactivation and ending
 * MRR of a window, exact, as a mergeable summary.
 * @module
 */
import { invalid } from '../core/errors.js';
import type { Money } from '../core/money.js';
import type { Period } from '../core/periods.js';
import type { Subscription } from '../model/subscription.js';
import {
  isReactivation,
  readMovementConvention,
  type ChurnRecognition,
  type DiscountRule,
  type FreePlanRule,
  type ReactivationRule,
  type RetentionPresetName,
} from './presets.js';
import { finalizeMrrMovements } from './mrr-movements-merge.js';
import { monthDate, monthStartDay, readTimeline, readWindow, unitsToDecimal } from './timeline.js';

/** Options of {@link mrrMovements} and {@link summarizeMrrMovements}. Each setting defaults to the preset's, and the preset to `'chartmogul'`. */
export interface MrrMovementsOptions {
  /** Provider convention to start from. Default: the library defaults (= `'chartmogul'`). */
  readonly preset?: RetentionPresetName;
  /** When a return is a reactivation rather than new. Default `'any'`. */
  readonly reactivation?: ReactivationRule;
  /** When churn is recognised. Default `'periodEnd'`. */
  readonly churnRecognition?: ChurnRecognition;
  /** Whether free-plan customers are customers. Default `'active'`. */
  readonly freePlans?: FreePlanRule;
  /** Which discounts reduce MRR. Default `'all'`. */
  readonly discounts?: DiscountRule;
  /** The currency, required only to summarise an empty chunk. Default: the rows' currency. */
  readonly currency?: string;
}

/** The settings a movement summary was computed with (summaries merge only when equal). */
export interface MovementConvention {
  readonly reactivation: ReactivationRule;
  readonly churnRecognition: ChurnRecognition;
  readonly freePlans: FreePlanRule;
  readonly discounts: DiscountRule;
}

/** Customer (logo) counts of a window: `ending = starting + new + reactivated − churned`. */
export interface MovementCounts {
  readonly starting: number;
  readonly new: number;
  readonly reactivated: number;
  readonly churned: number;
  readonly ending: number;
}

/** The JSON-serialisable, mergeable summary of {@link summarizeMrrMovements} (amounts as exact decimal strings). */
export interface MrrMovementsSummary {
  readonly kind: 'revops/retention/mrrMovements';
  readonly window: Period;
  readonly currency: string | null;
  readonly convention: MovementConvention;
  readonly amounts: {
    readonly starting: string;
    readonly new: string;
    readonly expansion: string;
    readonly contraction: string;
    readonly churned: string;
    readonly reactivation: string;
    readonly ending: string;
  };
  readonly customers: MovementCounts;
  /** The customers active just before the window, followed to its end (`null` after merging adjacent windows). */
  readonly startCohort: { readonly retained: string; readonly ending: string } | null;
  /** Customer counts for `churnRate` (`null` after merging adjacent windows). */
  readonly churnCounts: WindowChurnCounts | null;
}

/**
 * Customers of a window counted once each, ready for `churnRate` under any same-window
 * rule: `start` active just before the window; `churned` of them, those who churned at least
 * once in it (a return later does not undo it); `acquired` customers who became active in the
 * window without being active at its start (new, or back from an earlier churn);
 * `acquiredAndChurned` of those, who churned again inside the window.
 */
export interface WindowChurnCounts {
  readonly start: number;
  readonly churned: number;
  readonly acquired: number;
  readonly acquiredAndChurned: number;
}

/** MRR movements of a window. Identity: `starting + new + expansion + reactivation − contraction − churned = ending`, exactly. */
export interface MrrMovements {
  readonly window: Period;
  /** Whole months in the window. */
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
   * The starting cohort (customers active in the month before the window): `starting` MRR,
   * `retained` = Σ min(ending, starting) per customer, `ending` = their MRR at the window's
   * end. `null` for a summary merged from adjacent windows (it needs per-customer state).
   */
  readonly startCohort: { readonly starting: Money; readonly retained: Money; readonly ending: Money } | null;
  /** Customer counts for `churnRate`; `null` for a summary merged from adjacent windows. */
  readonly churnCounts: WindowChurnCounts | null;
}

/**
 * Summarises the MRR movements of `window` over a chunk of rows (see {@link mrrMovements}).
 *
 * Splitting: a chunk must hold the **whole history** of its customers up to the window's end
 * (new vs reactivation depends on earlier months). Chunks over disjoint customer sets, for
 * the same window, merge exactly; summaries of adjacent windows (each over all customers) merge
 * into the joined window. The summary's size does not depend on the number of customers. A
 * split of one customer's rows by time would need per-customer boundary state (last active
 * month, MRR at the boundary, whether ever paid) — memory that grows with customers — so it is
 * not offered.
 *
 * @param subscriptions - revenue rows (see {@link Subscription}), any order.
 * @param window - whole months: `start` the first day of a month, `end` the last day of one.
 * @param options - see {@link MrrMovementsOptions}.
 * @returns the summary.
 * @throws {RevopsError} `INVALID_PERIOD` for a window that is not whole months, or a row period that ends before it starts.
 * @throws {RevopsError} `INVALID_DATE` for a malformed date.
 * @throws {RevopsError} `INVALID_AMOUNT` for a negative or malformed amount, or a total beyond 2^53 − 1 minor units.
 * @throws {RevopsError} `CURRENCY_MISMATCH` for rows in different currencies.
 * @throws {RevopsError} `UNKNOWN_CURRENCY` for an unknown currency.
 * @throws {RevopsError} `INVALID_OPTION` for an unknown preset or setting.
 * @throws {RevopsError} `INVALID_INPUT` for a malformed row.
 * @example
 * ```ts
 * import { summarizeMrrMovements } from 'revops/retention';
 * const rows = [{ customerId: 'a', period: { start: '2026-01-01', end: '2026-01-31' }, mrr: { amount: '10.00', currency: 'USD' } }];
 * summarizeMrrMovements(rows, { start: '2026-02-01', end: '2026-02-28' }).amounts.churned;
 * //=> '10.00'
 * ```
 */
export function summarizeMrrMovements(
  subscriptions: readonly Subscription[],
  window: Period,
  options: MrrMovementsOptions = {},
): MrrMovementsSummary {
  const convention = readMovementConvention(options);
  const [w1, wk] = readWindow(window);
  const tl = readTimeline(
    subscriptions,
    { ...convention, sameWindow: 'exclude', quickRatioReactivation: 'exclude' },
    options.currency,
  );
  let starting = 0,
    nw = 0,
    expansion = 0,
    contraction = 0,
    churned = 0,
    reactivation = 0,
    ending = 0;
  let cStart = 0,
    cNew = 0,
    cReact = 0,
    cChurn = 0,
    cEnd = 0;
  let retained = 0,
    cohortEnding = 0;
  let lostStart = 0,
    acquired = 0,
    acquiredAndChurned = 0;
  const rule = convention.reactivation;
  for (const { months, units } of tl.customers.values()) {
    const n = months.length;
    let startVal = -1; // MRR in month w1 − 1, or -1 if inactive
    let endVal = 0;
    let endActive = false;
    let joined = false; // became active inside the window without being active at its start
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
          if (i > 0 && isReactivation(rule, monthStartDay(m) - monthStartDay((months[i - 1] as number) + 1))) {
            reactivation += v;
            cReact++;
          } else {
            nw += v;
            cNew++;
          }
        } else {
          const pv = units[i - 1] as number;
          if (v > pv) expansion += v - pv;
          else contraction += pv - v;
        }
      }
      if ((i === n - 1 || months[i + 1] !== m + 1) && m + 1 >= w1 && m + 1 <= wk) {
        churned += v;
        cChurn++;
        if (startVal >= 0) startChurned = true;
        else if (joined) joinedChurned = true;
      }
    }
    if (startChurned) lostStart++;
    if (joined) acquired++;
    if (joinedChurned) acquiredAndChurned++;
    if (startVal >= 0) {
      starting += startVal;
      cStart++;
      retained += Math.min(startVal, endVal);
      cohortEnding += endVal;
    }
    if (endActive) {
      ending += endVal;
      cEnd++;
    }
  }
  for (const [name, v] of [
    ['starting', starting],
    ['new', nw],
    ['expansion', expansion],
    ['contraction', contraction],
    ['churned', churned],
    ['reactivation', reactivation],
    ['ending', ending],
    ['retained', retained],
  ] as const) {
    if (!Number.isSafeInteger(v))
      throw invalid(
        'INVALID_AMOUNT',
        `movements.${name}`,
        v,
        'exceeds 2^53 − 1 units: summarise smaller customer chunks and merge',
      );
  }
  const s = tl.scale;
  const d = (u: number): string => unitsToDecimal(u, s);
  return {
    kind: 'revops/retention/mrrMovements',
    window: { start: monthDate(w1, false), end: monthDate(wk, true) },
    currency: tl.currency,
    convention,
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
}

/**
 * MRR movements of a window from per-customer revenue rows, exact to the unit.
 *
 * MRR of a month is the month-end snapshot of each customer's rows: a row counts in every
 * month whose last day lies inside its `period` (rows need not be whole months: Jan 15–Feb 14
 * counts in January only). Rows of one customer that cover the same month **add up** — several
 * subscriptions, or overlapping rows of one subscription (deduplicate those first: they are
 * summed, not rejected). For each month of the window, each customer's change from the month before is
 * classified (the dbt MRR playbook order): inactive → active is **reactivation** if the customer
 * paid before and the return passes `reactivation`, else **new**; active → inactive is
 * **churned** (the whole previous MRR); active → active is **expansion** or **contraction** by
 * the difference. `starting` is the MRR of the month before the window, `ending` of its last
 * month. Identity, exact: `starting + new + expansion + reactivation − contraction − churned = ending`
 * (Stripe's "MRR growth" roll-forward; ChartMogul: "summing the value of all previous MRR
 * movements produces a subscription's current MRR").
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
 * Presets (research/retention.md §1.5): `chartmogul` (reactivation any time; free-plan
 * customers stay active; every discount reduces MRR), `baremetrics` (churn at cancellation),
 * `stripe` (free plans excluded; only forever discounts reduce MRR; a returner who leaves again
 * is a second churn), `profitwell` (discounts always subtracted; churn at the end of the paid
 * cycle). See {@link RETENTION_PRESETS} for the table and what each provider leaves undocumented.
 *
 * @param subscriptions - revenue rows, any order; all in one currency.
 * @param window - whole months (first day of a month to last day of a month).
 * @param options - see {@link MrrMovementsOptions}.
 * @returns the movements with exact money and customer counts.
 * @throws {RevopsError} `INVALID_PERIOD` for a window that is not whole months, or a row period that ends before it starts.
 * @throws {RevopsError} `INVALID_DATE` for a malformed date.
 * @throws {RevopsError} `INVALID_AMOUNT` for a negative or malformed amount, or a total beyond 2^53 − 1 minor units.
 * @throws {RevopsError} `CURRENCY_MISMATCH` for rows in different currencies.
 * @throws {RevopsError} `UNKNOWN_CURRENCY` for an unknown currency.
 * @throws {RevopsError} `INVALID_OPTION` for an unknown preset or setting.
 * @throws {RevopsError} `INVALID_INPUT` for a malformed row.
 * @throws {RevopsError} `INSUFFICIENT_DATA` for no rows and no `currency` option.
 * @example
 * ```ts
 * import { mrrMovements } from 'revops/retention';
 * const jan = { start: '2026-01-01', end: '2026-01-31' };
 * const feb = { start: '2026-02-01', end: '2026-02-28' };
 * const row = (id: string, period: { start: string; end: string }, amount: string) => ({ customerId: id, period, mrr: { amount, currency: 'USD' } });
 * const rows = [row('a', jan, '100'), row('a', feb, '120'), row('b', jan, '50'), row('c', feb, '30')];
 * const m = mrrMovements(rows, feb);
 * [m.starting.amount, m.new.amount, m.expansion.amount, m.churned.amount, m.ending.amount];
 * //=> ['150.00', '30.00', '20.00', '50.00', '150.00']
 * ```
 * @example
 * ```ts
 * import { mrrMovements } from 'revops/retention';
 * const back = [{ customerId: 'a', period: { start: '2026-01-01', end: '2026-01-31' }, mrr: { amount: '40', currency: 'USD' } }, { customerId: 'a', period: { start: '2026-04-01', end: '2026-04-30' }, mrr: { amount: '40', currency: 'USD' } }];
 * const april = { start: '2026-04-01', end: '2026-04-30' };
 * const split = (o: object) => { const m = mrrMovements(back, april, o); return [m.reactivation.amount, m.new.amount]; };
 * [split({}), split({ reactivation: { withinDays: 90 } }), split({ reactivation: { minimumGapDays: 30 } })];
 * //=> [['40.00', '0.00'], ['40.00', '0.00'], ['40.00', '0.00']]
 * [split({ reactivation: { withinDays: 30 } }), split({ reactivation: { minimumGapDays: 90 } })];
 * //=> [['0.00', '40.00'], ['0.00', '40.00']]
 * mrrMovements(back, { start: '2026-02-01', end: '2026-04-30' }).churned.amount;
 * //=> '40.00'
 * ```
 */
export function mrrMovements(
  subscriptions: readonly Subscription[],
  window: Period,
  options: MrrMovementsOptions = {},
): MrrMovements {
  return finalizeMrrMovements(summarizeMrrMovements(subscriptions, window, options));
}
