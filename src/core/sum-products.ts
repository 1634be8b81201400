/**
 * The hot path of money: Σ round(amountᵢ × factorᵢ) over many lines, exactly, at close to
 * the speed of plain floating point.
 * @module
 */
import { invalid, RevopsError } from './errors.js';
import { minorUnits, type CurrencyCode } from './currency.js';
import { multiplyFixed, parseFixed, pow10, roundFixed, type DecimalInput, type Fixed } from './fixed.js';
import { fromFixed, readMoney, type Money } from './money.js';
import { readRoundingMode } from './money-arithmetic.js';
import { DEFAULT_ROUNDING, roundRational, type RoundingMode } from './rounding.js';
import { ExactAccumulator, mulRoundSafe, parseScaledSafe } from './fast-exact.js';

/** Options of {@link sumProducts}. */
export interface SumProductsOptions {
  /**
   * Where rounding to the currency's minor unit happens: `'eachLine'` (default; each product is
   * rounded, then the rounded lines are summed — as a statement does) or `'total'` (the exact
   * products are summed and the total is rounded once).
   */
  readonly round?: 'eachLine' | 'total';
  /** Rounding mode, default `'halfAwayFromZero'`. */
  readonly mode?: RoundingMode;
}

interface Factor {
  readonly fixed: Fixed;
  /** The factor's integer as a safe number, or NaN. */
  readonly int: number;
}

function readFactor(value: DecimalInput, field: string): Factor {
  const fixed = parseFixed(value, field);
  const n = Number(fixed.int);
  return { fixed, int: Number.isSafeInteger(n) ? n : NaN };
}

/**
 * Reads per-line factors, parsing each distinct number or string once: a plan has a handful
 * of distinct rates, however many lines it applies them to. The cache lives for one call.
 */
function factorReader(): (value: DecimalInput, field: string) => Factor {
  const cache = new Map<number | string, Factor>();
  return (value, field) => {
    if (typeof value !== 'number' && typeof value !== 'string') return readFactor(value, field);
    let f = cache.get(value);
    if (f === undefined) {
      f = readFactor(value, field);
      if (cache.size < 4096) cache.set(value, f);
    }
    return f;
  };
}

/**
 * Σ amountᵢ × factorᵢ over lines in one currency, computed exactly: each product is rounded to
 * the minor unit (or only the total is, with `round: 'total'`). `factors` is one factor for
 * every line (a commission rate) or one per line.
 *
 * Speed: amounts are read straight into integer minor units and multiplied as safe integers,
 * with BigInt only when a product or the total would pass 2^53 — the result is exact either way.
 *
 * @param amounts - the lines (e.g. credited amounts), all in `currency`.
 * @param factors - a factor for all lines, or an array with one factor per line.
 * @param currency - the currency of every amount and of the result (needed for an empty list).
 * @throws {RevopsError} `CURRENCY_MISMATCH` for a line in another currency; `INVALID_INPUT`
 *   when `factors` is an array of another length; `INVALID_AMOUNT` for a bad amount or factor.
 * @example
 * ```ts
 * import { money, sumProducts } from 'revops/core';
 * const credits = [money('1000.10', 'USD'), money('333.33', 'USD'), money('0.07', 'USD')];
 * sumProducts(credits, '0.05', 'USD');
 * //=> { amount: '66.68', currency: 'USD' }
 * sumProducts(credits, '0.05', 'USD', { round: 'total' });
 * //=> { amount: '66.68', currency: 'USD' }
 * sumProducts(credits, [1, 2, 3], 'USD').amount;
 * //=> '1666.97'
 * ```
 */
export function sumProducts(
  amounts: readonly Money[],
  factors: DecimalInput | readonly DecimalInput[],
  currency: CurrencyCode,
  options: SumProductsOptions = {},
): Money {
  const digits = minorUnits(currency);
  const mode = readRoundingMode(options.mode ?? DEFAULT_ROUNDING, 'options.mode');
  const round = options.round ?? 'eachLine';
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
  const single = perLine ? null : readFactor(factors as DecimalInput, 'factors');
  const factorAt = factorReader();

  if (round === 'total') {
    // Exact sum of unrounded products, rounded once.
    let acc: Fixed = { int: 0n, scale: 0 };
    for (let i = 0; i < amounts.length; i++) {
      const m = readMoney(amounts[i], `amounts[${i}]`);
      if (m.currency !== currency) mismatch(currency, m.currency, i);
      const f = single ?? factorAt((factors as readonly DecimalInput[])[i] as DecimalInput, `factors[${i}]`);
      const p = multiplyFixed(m.fixed, f.fixed);
      const scale = Math.max(acc.scale, p.scale);
      acc = { int: acc.int * pow10(scale - acc.scale) + p.int * pow10(scale - p.scale), scale };
    }
    return fromFixed(roundFixed(acc, digits, mode), currency);
  }

  const acc = new ExactAccumulator(digits);
  for (let i = 0; i < amounts.length; i++) {
    const line = amounts[i] as Money;
    const f = single ?? factorAt((factors as readonly DecimalInput[])[i] as DecimalInput, `factors[${i}]`);
    let v = NaN;
    if (line !== null && typeof line === 'object' && typeof line.amount === 'string' && line.currency === currency) {
      const a = parseScaledSafe(line.amount, digits);
      if (a === a) v = mulRoundSafe(a, f.int, f.fixed.scale, mode); // a === a: not NaN
    }
    if (v !== v) {
      // Slow, general path: validate the line, multiply exactly in BigInt, round once.
      const m = readMoney(line, `amounts[${i}]`);
      if (m.currency !== currency) mismatch(currency, m.currency, i);
      const p = multiplyFixed(m.fixed, f.fixed);
      const units =
        p.scale <= digits ? p.int * pow10(digits - p.scale) : roundRational(p.int, pow10(p.scale - digits), mode);
      acc.addBigUnits(units);
      continue;
    }
    acc.addUnits(v);
  }
  return fromFixed(acc.value(), currency);
}

function mismatch(expected: string, got: string, i: number): never {
  throw new RevopsError('CURRENCY_MISMATCH', `amounts[${i}].currency must be ${expected}, got "${got}"`, {
    field: `amounts[${i}].currency`,
    value: got,
  });
}
