/**
 * Win rate by count or by value over closed deals, with mergeable summaries.
 * @module
 */
import { invalid } from '../core/errors.js';
import type { Money } from '../core/money.js';
import { entityPath, readObject, readOneOf, readFailure } from '../core/read.js';
import type { RateValue } from '../core/ratio.js';
import { summaryInteger, summaryRecord } from '../core/summary.js';
import { readGrouping } from '../model/group-by.js';
import { readList } from './counts.js';
import { dealFacts, dealSelector, type DealKpiOptions, type KpiDeal } from './deal-kpi.js';
import {
  finalizeGrouped,
  GroupAccumulator,
  type Grouped,
  type GroupedSummary,
  mergeGrouped,
  type SummarySpec,
  summaryAmount,
  summaryCurrency,
  summaryOneOf,
} from './grouped-summary.js';
import { addAmounts, amountRatio, MoneyTotal, moneyOf, rejectNegative, sameCurrency } from './money-total.js';
import { readPeriodOption } from './period-filter.js';

/** Options of {@link winRate}. */
export interface WinRateOptions extends DealKpiOptions {
  /** `'count'` (default): won ÷ closed deals; `'value'`: won amount ÷ closed amount. */
  readonly by?: 'count' | 'value';
}

/** A win rate with what it came from. */
export interface WinRate {
  readonly by: 'count' | 'value';
  /** won / (won + lost) by count or by value; `null` with no closed deals (or zero closed value). */
  readonly rate: RateValue;
  readonly won: number;
  readonly lost: number;
  /** Exact sum of won amounts (`by: 'value'` only; `null` otherwise or with no closed deals). */
  readonly wonAmount: Money | null;
  /** Exact sum of won and lost amounts (`by: 'value'` only; `null` otherwise or with no closed deals). */
  readonly closedAmount: Money | null;
}

/** Per-group state of a win-rate summary (amounts as exact decimal strings). */
export interface WinRateState {
  won: number;
  lost: number;
  wonAmount: string;
  lostAmount: string;
  currency: string | null;
}

/** The parameters of a win-rate summary. */
export interface WinRateParameters {
  /** `'count'` or `'value'`. */
  readonly by: 'count' | 'value';
}

/** A mergeable win-rate summary (JSON): `{ kind: 'winRate', version: 1, groupBy, period, by, total, groups }`. */
export type WinRateSummary = GroupedSummary<'winRate', WinRateState, WinRateParameters>;

function readState(value: unknown, field: string): WinRateState {
  const v = summaryRecord(value, field);
  return {
    won: summaryInteger(v['won'], `${field}.won`),
    lost: summaryInteger(v['lost'], `${field}.lost`),
    wonAmount: summaryAmount(v['wonAmount'], `${field}.wonAmount`),
    lostAmount: summaryAmount(v['lostAmount'], `${field}.lostAmount`),
    currency: summaryCurrency(v['currency'], `${field}.currency`),
  };
}

const SPEC: SummarySpec<'winRate', WinRateState, WinRateParameters> = {
  kind: 'winRate',
  version: 1,
  params: (v, field) => ({ by: summaryOneOf(v['by'], `${field}.by`, ['count', 'value']) }),
  state: readState,
  merge: (a, b) => ({
    won: a.won + b.won,
    lost: a.lost + b.lost,
    wonAmount: addAmounts(a.wonAmount, b.wonAmount),
    lostAmount: addAmounts(a.lostAmount, b.lostAmount),
    currency: sameCurrency(a.currency, b.currency),
  }),
};

/**
 * Summarises a chunk of deals for {@link winRate}.
 *
 * @param deals - deals (only closed ones count).
 * @param options - {@link WinRateOptions}.
 * @returns a JSON-serialisable summary.
 * @throws {RevopsError} as {@link winRate}.
 * @example
 * ```ts
 * import { summarizeWinRate } from 'revops/metrics';
 * summarizeWinRate([]).total;
 * //=> { won: 0, lost: 0, wonAmount: '0', lostAmount: '0', currency: null }
 * ```
 */
export function summarizeWinRate(deals: readonly KpiDeal[], options: WinRateOptions = {}): WinRateSummary {
  try {
    readList(deals, 'deals');
    readObject(options, 'options', 'INVALID_OPTION');
    const by = readOneOf(options.by ?? 'count', 'options.by', ['count', 'value']);
    const select = dealSelector(options, 'closed');
    const acc = new GroupAccumulator<WinRateState, KpiDeal>(readGrouping(options, 'deals', dealFacts), () => ({
      won: 0,
      lost: 0,
      wonAmount: '0',
      lostAmount: '0',
      currency: null,
    }));
    const totals = new Map<WinRateState, [MoneyTotal, MoneyTotal]>();
    for (let i = 0; i < deals.length; i++) {
      const deal = deals[i] as KpiDeal;
      const o = select(deal, i);
      if (o === null) continue;
      const path = entityPath('deals', i, deal);
      for (const s of acc.targets(deal, i)) {
        if (o === 'won') s.won++;
        else s.lost++;
        if (by === 'value') {
          let t = totals.get(s);
          if (t === undefined) {
            t = [new MoneyTotal(), new MoneyTotal()];
            totals.set(s, t);
          }
          const [w, l] = t;
          const other = o === 'won' ? l : w;
          // one currency across won and lost amounts
          if (other.currency !== null && deal.amount?.currency !== other.currency) {
            const why = `must be ${other.currency} like the deals before it`;
            throw invalid('CURRENCY_MISMATCH', `${path}.amount.currency`, deal.amount?.currency, why);
          }
          (o === 'won' ? w : l).add(deal.amount, `${path}.amount`);
          rejectNegative(deal.amount, `${path}.amount`, '(a value-weighted win rate needs amounts ≥ 0)');
        }
      }
    }
    for (const [s, [w, l]] of totals) {
      s.wonAmount = w.amount();
      s.lostAmount = l.amount();
      s.currency = w.currency ?? l.currency;
    }
    return acc.summary(SPEC, readPeriodOption(options.period), { by });
  } catch (thrown) {
    throw readFailure(thrown, { deals, options });
  }
}

/**
 * Merges two win-rate summaries (same `by` and grouping).
 *
 * @param a - a summary.
 * @param b - another one.
 * @returns both together.
 * @throws {RevopsError} `INVALID_SUMMARY` naming the field for a malformed summary (a count that is not a
 *   non-negative integer, an amount that is not a decimal string, …) or one of another `by`, grouping or period.
 * @throws {RevopsError} `CURRENCY_MISMATCH` for amounts in two currencies.
 * @example
 * ```ts
 * import { mergeWinRate, summarizeWinRate } from 'revops/metrics';
 * mergeWinRate(summarizeWinRate([]), summarizeWinRate([])).total.won;
 * //=> 0
 * ```
 */
export function mergeWinRate(a: WinRateSummary, b: WinRateSummary): WinRateSummary {
  try {
    return mergeGrouped(a, b, SPEC);
  } catch (thrown) {
    throw readFailure(thrown, { a, b }, 'INVALID_SUMMARY');
  }
}

/**
 * Reads the win rate from a summary.
 *
 * @param summary - from {@link summarizeWinRate} or {@link mergeWinRate}.
 * @returns the {@link WinRate}, with `groups` when grouped.
 * @throws {RevopsError} `INVALID_SUMMARY` naming the field for anything but a valid win-rate summary.
 * @example
 * ```ts
 * import { finalizeWinRate } from 'revops/metrics';
 * finalizeWinRate({ kind: 'winRate', version: 1, groupBy: null, period: null, by: 'count', groups: {},
 *   total: { won: 1, lost: 3, wonAmount: '0', lostAmount: '0', currency: null } }).rate;
 * //=> 0.25
 * ```
 */
export function finalizeWinRate(summary: WinRateSummary): Grouped<WinRate> {
  try {
    return finalizeGrouped(summary, SPEC, (s, { by }): WinRate => {
      const closed = addAmounts(s.wonAmount, s.lostAmount);
      return {
        by,
        rate:
          by === 'count' ? (s.won + s.lost === 0 ? null : s.won / (s.won + s.lost)) : amountRatio(s.wonAmount, closed),
        won: s.won,
        lost: s.lost,
        wonAmount: by === 'value' ? moneyOf(s.wonAmount, s.currency) : null,
        closedAmount: by === 'value' ? moneyOf(closed, s.currency) : null,
      };
    });
  } catch (thrown) {
    throw readFailure(thrown, { summary }, 'INVALID_SUMMARY');
  }
}

/**
 * The win rate over **closed** deals only (open deals are neither wins nor losses): by count, won ÷ (won + lost); by
 * value, Σ won amount ÷ Σ (won + lost) amount, with
 * the sums exact and the final ratio a number. They differ when deal size goes with the
 * outcome (large deals lost more often ⇒ value rate below count rate). Some vendors add
 * overdue open deals to the denominator; revops does not.
 *
 * @param deals - deals; won and lost are told apart by stage (see `pipeline`).
 * @param options - {@link WinRateOptions}: `by`, `pipeline`, `period` (by close date), `groupBy`, `members`.
 * @returns the {@link WinRate}, with `groups` when `groupBy` is set.
 * @throws {RevopsError} `INVALID_OPTION` for an unknown `by` or `groupBy`.
 * @throws {RevopsError} `CURRENCY_MISMATCH` when `by: 'value'` meets two currencies.
 * @throws {RevopsError} `INVALID_PERIOD` / `INVALID_DATE` for a malformed period.
 * @throws {RevopsError} `INVALID_INPUT` for deals that are not an array or a deal that is not an object.
 * @throws {RevopsError} `DUPLICATE_ID` for two deals with the same id (naming both positions).
 * @throws {RevopsError} `INVALID_AMOUNT` with `by: 'value'`, for a malformed or negative amount (a rate outside [0,
 *   1] otherwise).
 * @example
 * ```ts
 * import { winRate } from 'revops/metrics';
 * const deal = (stage, amount) => ({ ownerId: 'ae1', stage, createdAt: '2026-01-05T10:00:00Z', amount: { amount,
 *   currency: 'USD' } });
 * const deals = [deal('closed-won', '10000.00'), deal('closed-lost', '90000.00'), deal('closed-won', '5000.00'),
 *   deal('proposal', '1.00')];
 * [winRate(deals, { by: 'count' }).rate, winRate(deals, { by: 'value' }).rate];
 * //=> [0.6666666666666666, 0.14285714285714285]
 * ```
 */
export function winRate(deals: readonly KpiDeal[], options: WinRateOptions = {}): Grouped<WinRate> {
  try {
    return finalizeWinRate(summarizeWinRate(deals, options));
  } catch (thrown) {
    throw readFailure(thrown, { deals, options });
  }
}
