/**
 * Σ round(amountᵢ × factorᵢ) over many Money lines, exactly, each line read once.
 * @module
 */
import { invalid, RevopsError } from './errors.js';
import { minorUnits, type CurrencyCode } from './currency.js';
import { factorUnits, readFactor, type Factor } from './compiled-rate.js';
import { parseSafeDecimal, safeScale } from './decimal-text.js';
import { exactAdd, exactMul, exactRound, EXACT_ZERO, POW10, roundDivNumber, type Exact } from './exact.js';
import { ExactSum } from './exact-sum.js';
import { amountExact, amountOf, fromExact, moneyDigits, type Money } from './money.js';

const MAX_SAFE = Number.MAX_SAFE_INTEGER;
import { readRoundingMode } from './money-arithmetic.js';
import { DEFAULT_ROUNDING, type RoundingMode } from './rounding.js';
import { readFailure } from './read.js';

/** Options of {@link sumProducts}. */
export interface SumProductsOptions {
  /** The currency of every amount and of the result (needed for an empty list). */
  readonly currency: CurrencyCode;
  /**
   * Where rounding to the currency's minor unit happens: `'eachLine'` (default; each product is
   * rounded, then the rounded lines are summed — as a statement does) or `'total'` (the exact
   * products are summed and the total is rounded once).
   */
  readonly round?: 'eachLine' | 'total';
  /** How products (or the total) are rounded to the minor unit; default `'halfAwayFromZero'`. */
  readonly rounding?: RoundingMode;
}

/**
 * Σ amountᵢ × factorᵢ over lines in one currency, computed exactly: each product is rounded to
 * the minor unit (or only the total is, with `round: 'total'`). `factors` is one factor for
 * every line (a commission rate) or one per line.
 *
 * Speed: each amount and factor is read once into an exact integer (a safe-integer `number`,
 * BigInt only past 2^53) and each product is one integer multiplication and one rounding, so
 * the cost does not depend on how many distinct rates there are. For millions of lines read
 * many times, {@link sumProductsColumn} skips reading text altogether.
 *
 * @param amounts - the lines (e.g. credited amounts), all in `options.currency`.
 * @param factors - a factor for all lines, or an array with one factor per line.
 * @param options - `currency` (required), `round`, `rounding`.
 * @throws {RevopsError} `INVALID_INPUT` when `amounts` is not an array, or `factors` is an array
 *   of another length; `INVALID_OPTION` when `options` is not an object or a field is unknown;
 *   `UNKNOWN_CURRENCY`; `CURRENCY_MISMATCH` for a line in another currency; `INVALID_AMOUNT` for
 *   a bad amount or factor.
 * @example
 * ```ts
 * import { money, sumProducts } from 'revops/core';
 * const credits = [money('1000.10', 'USD'), money('333.33', 'USD'), money('0.07', 'USD')];
 * sumProducts(credits, '0.05', { currency: 'USD' });
 * //=> { amount: '66.68', currency: 'USD' }
 * sumProducts(credits, '0.05', { currency: 'USD', round: 'total' });
 * //=> { amount: '66.68', currency: 'USD' }
 * sumProducts(credits, [1, 2, 3], { currency: 'USD' }).amount;
 * //=> '1666.97'
 * ```
 */
export function sumProducts(
  amounts: readonly Money[],
  factors: Factor | readonly Factor[],
  options: SumProductsOptions,
): Money {
  try {
    if (typeof options !== 'object' || options === null) {
      throw invalid('INVALID_OPTION', 'options', options, 'must be an object { currency, round?, rounding? }');
    }
    const { currency } = options;
    if (typeof currency !== 'string') {
      throw invalid('UNKNOWN_CURRENCY', 'options.currency', currency, 'must be an ISO 4217 code such as "USD"');
    }
    const digits = minorUnits(currency);
    const mode = readRoundingMode(options.rounding ?? DEFAULT_ROUNDING, 'options.rounding');
    const round = options.round ?? 'eachLine';
    if (!Array.isArray(amounts)) throw invalid('INVALID_INPUT', 'amounts', amounts, 'must be an array of Money');
    if (round !== 'eachLine' && round !== 'total')
      throw invalid('INVALID_OPTION', 'options.round', round, "must be 'eachLine' or 'total'");
    const perLine = Array.isArray(factors);
    if (perLine && factors.length !== amounts.length) {
      throw invalid(
        'INVALID_INPUT',
        'factors',
        `${factors.length} factors`,
        `must have one factor per amount (${amounts.length})`,
      );
    }
    const single = perLine ? null : readFactor(factors, 'factors');
    const list = perLine ? (factors as readonly Factor[]) : null;
    // the one factor as a safe integer (NaN when it is not one, or when the total is rounded once)
    const singleUnits =
      single !== null && typeof single.int === 'number' && single.scale <= 15 && round === 'eachLine'
        ? single.int
        : Number.NaN;
    const singleScale = single === null ? 0 : single.scale;
    const total = new ExactSum(digits);
    let unrounded: Exact = EXACT_ZERO;
    for (let i = 0; i < amounts.length; i++) {
      const line = amounts[i] as Money;
      moneyDigits(line, 'amounts', i);
      const text = amountOf(line, 'amounts', i);
      // the common line on plain numbers: a safe amount × a safe factor, rounded by one integer division
      if (line.currency === currency) {
        const a = typeof text === 'string' ? parseSafeDecimal(text) : Number.NaN;
        const as = safeScale.value;
        let f = singleUnits;
        let fs = singleScale;
        if (list !== null && round === 'eachLine') {
          f = factorUnits(list[i]);
          fs = safeScale.value;
        }
        const p = a * f; // NaN when either is off this path
        if (p >= -MAX_SAFE && p <= MAX_SAFE) {
          const ps = as + fs;
          if (ps > digits && ps - digits <= 15) {
            total.addUnits(roundDivNumber(p, POW10[ps - digits] as number, mode));
            continue;
          }
          if (ps <= digits) {
            const u = p * (POW10[digits - ps] as number);
            if (u >= -MAX_SAFE && u <= MAX_SAFE) {
              total.addUnits(u);
              continue;
            }
          }
        }
      }
      const a = amountExact(text, 'amounts', i);
      if (line.currency !== currency) mismatch(currency, line.currency, i);
      const f = single ?? readFactor(list?.[i], 'factors', i);
      const p = exactMul(a, f);
      if (round === 'total') unrounded = exactAdd(unrounded, p);
      else total.addExact(exactRound(p, digits, mode));
    }
    if (round === 'total') return fromExact(exactRound(unrounded, digits, mode), currency, digits);
    return fromExact(total.value(), currency, digits);
  } catch (thrown) {
    throw readFailure(thrown, { amounts, factors, options });
  }
}

function mismatch(expected: string, got: string, i: number): never {
  throw new RevopsError('CURRENCY_MISMATCH', `amounts[${i}].currency must be ${expected}, got "${got}"`, {
    field: `amounts[${i}].currency`,
    value: got,
  });
}
