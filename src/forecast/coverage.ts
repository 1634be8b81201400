/**
 * Pipeline coverage: open pipeline ÷ remaining quota.
 * @module
 */
import { invalid } from '../core/errors.js';
import { exactFromNumber, exactToNumber } from '../core/decimal-text.js';
import { type Exact, exactDivRound, exactMul, exactSub } from '../core/exact.js';
import { assertSameCurrency, fromExact, readMoneyExact, type Money } from '../core/money.js';
import type { RateValue } from '../core/ratio.js';
import { checkFraction, readOptions } from './checks.js';
import { readFailure } from '../core/read.js';

/** Options of {@link pipelineCoverage}. */
export interface PipelineCoverageOptions {
  /**
   * Historical win rate of pipeline like this one (a fraction). When given, the result also
   * has `requiredCoverage`, `expectedBookings` and `expectedShareOfRemaining`. Default: none.
   */
  readonly winRate?: number;
}

/** Result of {@link pipelineCoverage}. */
export interface PipelineCoverage {
  /**
   * Open pipeline ÷ remaining quota (3 for "3×"), or `null` when nothing remains to cover
   * (remaining quota ≤ 0: the quota is met, coverage is undefined — never Infinity).
   */
  readonly coverage: RateValue;
  /** quota − closed, exact; zero or negative when the quota is met. */
  readonly remainingQuota: Money;
  /** Whether closed bookings already meet the quota (remaining ≤ 0). */
  readonly quotaMet: boolean;
  /**
   * 1 ÷ winRate: the coverage needed to expect to close the remaining quota (`null` at a 0 win rate). Only with
   * `winRate`.
   */
  readonly requiredCoverage?: RateValue;
  /** pipeline × winRate, exact. Only with `winRate`. */
  readonly expectedBookings?: Money;
  /** expectedBookings ÷ remaining quota (`null` when the quota is met). Only with `winRate`. */
  readonly expectedShareOfRemaining?: RateValue;
}

/**
 * Pipeline coverage = open pipeline ÷ (quota − closed so far), the ratio sales managers
 * compare with "3×" (winsabove, "Pipeline coverage ratio"). The numerator is whatever
 * pipeline you pass (gross or weighted — use the open pipeline expected to close in the same
 * period as the quota; e.g. `forecastByCategory(...).openPipeline`).
 *
 * Remaining quota ≤ 0 (already met): `coverage` is `null` and `quotaMet` is `true`.
 * With a win rate w it also reports the required coverage 1/w and the expected bookings
 * pipeline × w (the "expected attainment" some write-ups mislabel as coverage).
 *
 * @param pipeline - open pipeline for the period (≥ 0).
 * @param quota - the period's quota (≥ 0), same currency.
 * @param closed - bookings already closed won in the period (≥ 0), same currency.
 * @param options - see {@link PipelineCoverageOptions}.
 * @returns a {@link PipelineCoverage}; ratios are plain numbers (estimates), money is exact.
 * @throws {RevopsError} `INVALID_AMOUNT` for a negative amount, or a pipeline so large that its ratio to the
 *   remaining quota exceeds the largest number (1.8e308).
 * @throws {RevopsError} `CURRENCY_MISMATCH` when the currencies differ.
 * @throws {RevopsError} `INVALID_RATE` for a win rate outside [0, 1].
 * @throws {RevopsError} `INVALID_INPUT` when an argument is not money.
 * @example
 * ```ts
 * import { money } from 'revops/core';
 * import { pipelineCoverage } from 'revops/forecast';
 * // winsabove: $4.8M open pipeline against $1.6M of remaining quota, 22 % win rate.
 * const c = pipelineCoverage(money(4_800_000, 'USD'), money(1_600_000, 'USD'), money(0, 'USD'), { winRate: 0.22 });
 * [c.coverage, c.expectedBookings?.amount, c.expectedShareOfRemaining];
 * //=> [3, '1056000.00', 0.66]
 * pipelineCoverage(money(10, 'USD'), money(100, 'USD'), money(120, 'USD')).coverage;
 * //=> null
 * ```
 */
export function pipelineCoverage(
  pipeline: Money,
  quota: Money,
  closed: Money,
  options: PipelineCoverageOptions = {},
): PipelineCoverage {
  try {
    const o = readOptions(options);
    const p = readMoneyExact(pipeline, 'pipeline');
    const q = readMoneyExact(quota, 'quota');
    const c = readMoneyExact(closed, 'closed');
    assertSameCurrency(p.currency, q.currency, 'quota');
    assertSameCurrency(p.currency, c.currency, 'closed');
    for (const [name, v] of [
      ['pipeline', p],
      ['quota', q],
      ['closed', c],
    ] as const) {
      if (v.x.int < 0) throw invalid('INVALID_AMOUNT', `${name}.amount`, exactToNumber(v.x), 'must not be negative');
    }
    const remaining = exactSub(q.x, c.x);
    const quotaMet = remaining.int <= 0;
    const coverage = quotaMet ? null : finiteRatio(p.x, remaining, 'pipeline.amount', pipeline);
    const base: PipelineCoverage = { coverage, remainingQuota: fromExact(remaining, p.currency), quotaMet };
    if (o.winRate === undefined) return base;
    const w = checkFraction(o.winRate, 'options.winRate');
    const expected = exactMul(p.x, exactFromNumber(w));
    return {
      ...base,
      requiredCoverage: w === 0 ? null : 1 / w,
      expectedBookings: fromExact(expected, p.currency),
      expectedShareOfRemaining: quotaMet ? null : finiteRatio(expected, remaining, 'pipeline.amount', pipeline),
    };
  } catch (thrown) {
    throw readFailure(thrown, { pipeline, quota, closed, options });
  }
}

/**
 * `n / d` (d > 0) of two exact amounts as a number: core's exact division rounded once at 20
 * decimals, then the nearest double, so that amounts past 1.8e308 (money accepts up to 1e999)
 * give their true ratio (`1e999 / 1e999` is 1). A ratio past the largest double is refused.
 * @throws {RevopsError} `INVALID_AMOUNT` naming `field` and the amount given.
 */
function finiteRatio(n: Exact, d: Exact, field: string, money: Money): number {
  const r = exactToNumber(exactDivRound(n, d, 20, 'halfEven'));
  if (!Number.isFinite(r)) {
    const amount = (money as { amount?: unknown }).amount;
    throw invalid('INVALID_AMOUNT', field, amount, 'is too large: its ratio to the remaining quota must be a number');
  }
  return r;
}
