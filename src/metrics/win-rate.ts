/**
 * Win rate by count or by value over closed deals, with mergeable summaries.
 * @module
 */
import { invalid, RevopsError } from '../core/errors.js';
import type { Money } from '../core/money.js';
import type { RateValue } from '../core/ratio.js';
import { dealFacts, dealSelector, type DealKpiOptions, type KpiDeal } from './deal-kpi.js';
import {
  finalizeGrouped,
  GroupAccumulator,
  mergeGrouped,
  type Grouped,
  type GroupedSummary,
  summaryKind,
} from './grouped-summary.js';
import { addAmounts, amountRatio, MoneyTotal, moneyOf, rejectNegative, sameCurrency } from './money-total.js';
import { readList } from './counts.js';

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

/** A mergeable win-rate summary (JSON); `kind` is `winRate:count` or `winRate:value`. */
export type WinRateSummary = GroupedSummary<WinRateState>;

function readBy(by: unknown): 'count' | 'value' {
  if (by !== 'count' && by !== 'value') throw invalid('INVALID_OPTION', 'by', by, "must be 'count' or 'value'");
  return by;
}

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
  readList(deals, 'deals');
  const by = readBy(options.by ?? 'count');
  const select = dealSelector(options, 'closed');
  const acc = new GroupAccumulator<WinRateState>(`winRate:${by}`, options, () => ({
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
    for (const s of acc.targets(deal, dealFacts)) {
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
          throw new RevopsError(
            'CURRENCY_MISMATCH',
            `deals[${i}].amount.currency must be ${other.currency} like the deals before it, got "${String(deal.amount?.currency)}"`,
            {
              field: `deals[${i}].amount.currency`,
              value: deal.amount?.currency,
            },
          );
        }
        (o === 'won' ? w : l).add(deal.amount, `deals[${i}].amount`);
        rejectNegative(deal.amount, `deals[${i}].amount`, '(a value-weighted win rate needs amounts ≥ 0)');
      }
    }
  }
  for (const [s, [w, l]] of totals) {
    s.wonAmount = w.amount();
    s.lostAmount = l.amount();
    s.currency = w.currency ?? l.currency;
  }
  return acc.summary();
}

function mergeState(a: WinRateState, b: WinRateState): WinRateState {
  return {
    won: a.won + b.won,
    lost: a.lost + b.lost,
    wonAmount: addAmounts(a.wonAmount, b.wonAmount),
    lostAmount: addAmounts(a.lostAmount, b.lostAmount),
    currency: sameCurrency(a.currency, b.currency),
  };
}

const kindOf = (value: unknown, field: string): string =>
  summaryKind(value, field, 'winRate', (kind) => kind === 'winRate:count' || kind === 'winRate:value');

/**
 * Merges two win-rate summaries (same `by` and grouping).
 *
 * @param a - a summary.
 * @param b - another one.
 * @returns both together.
 * @throws {RevopsError} `INVALID_INPUT` for summaries of another kind or `by`; `INVALID_OPTION` for another grouping; `CURRENCY_MISMATCH` for amounts in two currencies.
 * @example
 * ```ts
 * import { mergeWinRate, summarizeWinRate } from 'revops/metrics';
 * mergeWinRate(summarizeWinRate([]), summarizeWinRate([])).total.won;
 * //=> 0
 * ```
 */
export function mergeWinRate(a: WinRateSummary, b: WinRateSummary): WinRateSummary {
  return mergeGrouped(a, b, kindOf(a, 'a'), mergeState);
}

/**
 * Reads the win rate from a summary.
 *
 * @param summary - from {@link summarizeWinRate} or {@link mergeWinRate}.
 * @returns the {@link WinRate}, with `groups` when grouped.
 * @throws {RevopsError} `INVALID_INPUT` for something that is not a win-rate summary.
 * @example
 * ```ts
 * import { finalizeWinRate } from 'revops/metrics';
 * finalizeWinRate({ kind: 'winRate:count', groupBy: null, groups: {}, total: { won: 1, lost: 3, wonAmount: '0', lostAmount: '0', currency: null } }).rate;
 * //=> 0.25
 * ```
 */
export function finalizeWinRate(summary: WinRateSummary): Grouped<WinRate> {
  const kind = kindOf(summary, 'summary');
  const by = kind === 'winRate:value' ? 'value' : 'count';
  return finalizeGrouped<WinRateState, WinRate>(summary, kind, (s) => {
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
}

/**
 * The win rate over **closed** deals only (open deals are neither wins nor losses; research
 * §4.3): by count, won ÷ (won + lost); by value, Σ won amount ÷ Σ (won + lost) amount, with
 * the sums exact and the final ratio a number. They differ when deal size goes with the
 * outcome (large deals lost more often ⇒ value rate below count rate). Some vendors add
 * overdue open deals to the denominator; revops does not.
 *
 * @param deals - deals; won and lost are told apart by stage (see `pipeline`).
 * @param options - {@link WinRateOptions}: `by`, `pipeline`, `window` (by close date), `groupBy`, `members`.
 * @returns the {@link WinRate}, with `groups` when `groupBy` is set.
 * @throws {RevopsError} `INVALID_OPTION` for an unknown `by` or `groupBy`.
 * @throws {RevopsError} `CURRENCY_MISMATCH` when `by: 'value'` meets two currencies.
 * @throws {RevopsError} `INVALID_PERIOD` for a malformed window.
 * @throws {RevopsError} `INVALID_INPUT` for deals that are not an array or a deal that is not an object.
 * @throws {RevopsError} `INVALID_AMOUNT` with `by: 'value'`, for a malformed or negative amount (a rate outside [0, 1] otherwise).
 * @example
 * ```ts
 * import { winRate } from 'revops/metrics';
 * const deal = (stage, amount) => ({ ownerId: 'ae1', stage, createdAt: '2026-01-05T10:00:00Z', amount: { amount, currency: 'USD' } });
 * const deals = [deal('closed-won', '10000.00'), deal('closed-lost', '90000.00'), deal('closed-won', '5000.00'), deal('proposal', '1.00')];
 * [winRate(deals, { by: 'count' }).rate, winRate(deals, { by: 'value' }).rate];
 * //=> [0.6666666666666666, 0.14285714285714285]
 * ```
 */
export function winRate(deals: readonly KpiDeal[], options: WinRateOptions = {}): Grouped<WinRate> {
  return finalizeWinRate(summarizeWinRate(deals, options));
}
