/**
 * The hot-loop form of money: a column of amounts in integer minor units of one currency
 * (`Int32Array` or `Float64Array`) and a column of rates as integers at one scale, summed as
 * Σ round(amountᵢ × rateᵢ) with no text read inside the loop.
 *
 * Which form to use:
 * - `Money` objects with `add`, `multiply`, `roundMoney`: a few operations, or code that
 *   reads best one line at a time; each call creates its result, a plain JSON object with its
 *   amount printed, and reads back the results it made lately without parsing them. Creating
 *   three such objects per line costs about 20× a plain float loop on its own, however lean the
 *   code (bench/core-money.bench.ts, "the JSON-Money floor"); revops adds about as much again.
 *   For many lines use one of the forms below.
 * - `sumProducts(amounts, factors, { currency })`: a list of `Money` lines read once per call.
 * - columns (`toMinorUnitsColumn`, `toRateColumn` or `compileRate`, then `sumProductsColumn`):
 *   millions of lines, or the same lines summed many times (per plan, per scenario, per
 *   member). The columns are read once; each sum is integer arithmetic at close to the speed
 *   of a plain float loop, and exact.
 * @module
 */
import { type CompiledRate, isCompiledRate, readFactor } from './compiled-rate.js';
import { type CurrencyCode, minorUnits } from './currency.js';
import { numberSafe, parseSafeDecimal, readDecimal, safeScale } from './decimal-text.js';
import { invalid } from './errors.js';
import { exactCompare, exactRound, intMul, intRoundDiv, POW10, pow10Int } from './exact.js';
import { ExactSum } from './exact-sum.js';
import type { DecimalInput } from './fixed.js';
import { amountExact, amountOf, assertSameCurrency, fromExact, moneyDigits, type Money } from './money.js';
import { readRoundingMode } from './money-arithmetic.js';
import { DEFAULT_ROUNDING, type RoundingMode } from './rounding.js';
import { readFailure } from './read.js';

const MAX = Number.MAX_SAFE_INTEGER;
/** Below 2^52, `Math.floor(p / 10^k)` of the double quotient is the exact integer quotient (k ≤ 15). */
const HALF_SAFE = 2 ** 52;

/** A column of amounts: integer minor units (cents for USD), all of one currency. */
export type MinorUnitsColumn = Int32Array | Float64Array;

/** A column of rates: `units[i] / 10^scale` is line i's rate (`725` at scale 4 is 0.0725). */
export interface RateColumn {
  /** Each rate times `10^scale`, as safe integers. */
  readonly units: Int32Array | Float64Array;
  /** Decimal places shared by every rate of the column, 0–15. */
  readonly scale: number;
}

/** Options of {@link sumProductsColumn}. */
export interface SumProductsColumnOptions {
  /** The currency of every amount and of the result. */
  readonly currency: CurrencyCode;
  /** How each product is rounded to the minor unit; default `'halfAwayFromZero'`. */
  readonly rounding?: RoundingMode;
}

/**
 * Reads Money lines once into a column of minor units (a `Float64Array`), for
 * {@link sumProductsColumn}.
 *
 * @param amounts - Money in `currency`, each in whole minor units (round first) and within
 *   ±(2^53 − 1) minor units.
 * @throws {RevopsError} `INVALID_INPUT` when `amounts` is not an array; `CURRENCY_MISMATCH` for
 *   a line in another currency; `INVALID_AMOUNT`
 *   for digits below the minor unit or an amount beyond the safe range; the errors of `money`.
 * @example
 * ```ts
 * import { money, toMinorUnitsColumn } from 'revops/core';
 * Array.from(toMinorUnitsColumn([money('12.34', 'USD'), money('-0.05', 'USD')], 'USD'));
 * //=> [1234, -5]
 * ```
 */
export function toMinorUnitsColumn(amounts: readonly Money[], currency: CurrencyCode): Float64Array {
  try {
    const n = columnLength(amounts, 'amounts');
    const digits = minorUnits(currency);
    const column = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const m = amounts[i] as Money;
      moneyDigits(m, 'amounts', i);
      const text = amountOf(m, 'amounts', i);
      // the common amount, read without allocating: plain text at the currency's minor digits
      const u = typeof text === 'string' ? parseSafeDecimal(text) : Number.NaN;
      if (u === u && safeScale.value === digits && m.currency === currency) {
        column[i] = u;
        continue;
      }
      const x = amountExact(text, 'amounts', i);
      if (m.currency !== currency) assertSameCurrency(currency, m.currency, `amounts[${i}]`);
      if (x.scale === digits && typeof x.int === 'number') {
        column[i] = x.int;
        continue;
      }
      const field = `amounts[${i}]`;
      const units = exactRound(x, digits, 'towardZero');
      if (exactCompare(units, x) !== 0) {
        throw invalid(
          'INVALID_AMOUNT',
          `${field}.amount`,
          m.amount,
          `has digits below the ${currency} minor unit; round it first`,
        );
      }
      if (typeof units.int !== 'number') {
        throw invalid(
          'INVALID_AMOUNT',
          `${field}.amount`,
          m.amount,
          'must be within ±(2^53 − 1) minor units in a column',
        );
      }
      column[i] = units.int;
    }
    return column;
  } catch (thrown) {
    throw readFailure(thrown, { amounts, currency });
  }
}

/** The length of an array or typed array argument. */
function columnLength(list: unknown, field: string): number {
  const n: unknown = Array.isArray(list) || ArrayBuffer.isView(list) ? (list as ArrayLike<unknown>).length : -1;
  if (typeof n !== 'number' || n < 0) throw invalid('INVALID_INPUT', field, list, 'must be an array');
  return n;
}

/**
 * Reads rates once into a {@link RateColumn}: each rate becomes an integer at the largest
 * scale among them (`['0.05', 0.0725]` → `[500, 725]` at scale 4).
 *
 * @param rates - numbers (their shortest decimal: `0.1` is one tenth), decimal strings or Decimals.
 * @throws {RevopsError} `INVALID_INPUT` when `rates` is not an array or a typed array;
 *   `INVALID_AMOUNT` for a rate that is not a finite decimal, has more than 15 decimals, or does
 *   not fit a safe integer at the column's scale.
 * @example
 * ```ts
 * import { toRateColumn } from 'revops/core';
 * const rates = toRateColumn(['0.05', 0.0725, 1]);
 * [Array.from(rates.units), rates.scale];
 * //=> [[500, 725, 10000], 4]
 * ```
 */
export function toRateColumn(rates: ArrayLike<DecimalInput>): RateColumn {
  try {
    const n = columnLength(rates, 'rates');
    const ints = new Float64Array(n);
    const scales = new Uint8Array(n);
    let scale = 0;
    for (let i = 0; i < n; i++) {
      const rate = rates[i];
      // numbers and plain text of up to 15 digits without allocating; anything else read in full
      let int =
        typeof rate === 'number' ? numberSafe(rate) : typeof rate === 'string' ? parseSafeDecimal(rate) : Number.NaN;
      let sc = safeScale.value;
      if (int !== int) {
        const x = readDecimal(rate, 'rates', i);
        if (x.scale > 15 || typeof x.int !== 'number') {
          throw invalid(
            'INVALID_AMOUNT',
            `rates[${i}]`,
            rate,
            'must have at most 15 decimals and 15 digits in a column',
          );
        }
        int = x.int;
        sc = x.scale;
      }
      ints[i] = int;
      scales[i] = sc;
      if (sc > scale) scale = sc;
    }
    for (let i = 0; i < n; i++) {
      const k = scale - (scales[i] as number);
      if (k === 0) continue;
      const u = (ints[i] as number) * (POW10[k] as number);
      if (!(u >= -MAX && u <= MAX)) {
        throw invalid('INVALID_AMOUNT', `rates[${i}]`, rates[i], `does not fit a safe integer at ${scale} decimals`);
      }
      ints[i] = u;
    }
    return { units: ints, scale };
  } catch (thrown) {
    throw readFailure(thrown, { rates });
  }
}

/**
 * Σ round(amountᵢ × rateᵢ) over a column of minor units, exactly: each product rounded to
 * the minor unit with `rounding`, the rounded lines summed. The hot loop is integer
 * arithmetic on doubles (exact below 2^52, checked per line); a product or total beyond it
 * continues in BigInt, so the result is exact for any input.
 *
 * Sums merge: the sum over a column equals the sum of the sums over any split of it.
 *
 * @param amounts - minor units (e.g. from {@link toMinorUnitsColumn}), safe integers.
 * @param rates - one rate per line ({@link toRateColumn}) or one rate for every line ({@link compileRate}).
 * @throws {RevopsError} `INVALID_AMOUNT` for an amount or rate unit that is not a safe integer;
 *   `INVALID_INPUT` when the columns differ in length; `UNKNOWN_CURRENCY`; `INVALID_OPTION`.
 * @example
 * ```ts
 * import { compileRate, sumProductsColumn, toRateColumn } from 'revops/core';
 * // $1,000.10, $333.33 and $0.07 in cents
 * const cents = Int32Array.from([100010, 33333, 7]);
 * sumProductsColumn(cents, compileRate('0.05'), { currency: 'USD' });
 * //=> { amount: '66.68', currency: 'USD' }
 * sumProductsColumn(cents, toRateColumn([0.05, 0.1, 0.5]), { currency: 'USD', rounding: 'floor' });
 * //=> { amount: '83.36', currency: 'USD' }
 * ```
 */
export function sumProductsColumn(
  amounts: MinorUnitsColumn,
  rates: RateColumn | CompiledRate,
  options: SumProductsColumnOptions,
): Money {
  try {
    const currency = options?.currency;
    const digits = minorUnits(currency);
    const rounding = readRoundingMode(options.rounding ?? DEFAULT_ROUNDING, 'options.rounding');
    if (!(amounts instanceof Int32Array || amounts instanceof Float64Array)) {
      throw invalid('INVALID_INPUT', 'amounts', amounts, 'must be an Int32Array or a Float64Array of minor units');
    }
    const n = amounts.length;
    const total = new ExactSum(digits);
    if (isCompiledRate(rates)) {
      const r = readFactor(rates, 'rates');
      if (typeof r.int === 'number' && r.scale <= 15) {
        sumLines(amounts, null, r.int, r.scale, rounding, total);
      } else {
        // a rate beyond 15 digits or decimals: each line exactly in the calculator
        const d = pow10Int(r.scale);
        for (let i = 0; i < n; i++) total.addUnits(intRoundDiv(intMul(amounts[i] as number, r.int), d, rounding));
      }
      return fromExact(total.value(), currency, digits);
    }
    const units = rates?.units;
    const scale = rates?.scale;
    if (
      !(units instanceof Int32Array || units instanceof Float64Array) ||
      !Number.isInteger(scale) ||
      scale < 0 ||
      scale > 15
    ) {
      throw invalid('INVALID_INPUT', 'rates', rates, 'must be a RateColumn { units, scale } or a compiled rate');
    }
    if (units.length !== n) {
      throw invalid('INVALID_INPUT', 'rates.units', `${units.length} rates`, `must have one rate per amount (${n})`);
    }
    sumLines(amounts, units, 0, scale, rounding, total);
    return fromExact(total.value(), currency, digits);
  } catch (thrown) {
    throw readFailure(thrown, { amounts, rates, options });
  }
}

/** Throws for line `i`, naming the column whose value is not a safe integer. */
function notInteger(amounts: MinorUnitsColumn, rates: Int32Array | Float64Array | null, i: number): never {
  const a = amounts[i] as number;
  if (!Number.isSafeInteger(a)) throw invalid('INVALID_AMOUNT', `amounts[${i}]`, a, 'must be a safe integer');
  throw invalid('INVALID_AMOUNT', rates === null ? 'rates' : `rates.units[${i}]`, rates?.[i], 'must be a safe integer');
}

/**
 * The loop: `rates` per line, or `single` for every line; rounded lines into `total`.
 * Half away from zero (the default) is written out; the other modes use the calculator's rounding.
 */
function sumLines(
  amounts: MinorUnitsColumn,
  rates: Int32Array | Float64Array | null,
  single: number,
  scale: number,
  mode: RoundingMode,
  total: ExactSum,
): void {
  const n = amounts.length;
  const d = POW10[scale] as number;
  let t = 0; // |t| ≤ 2^52 before each addition, so t + q stays exact
  for (let i = 0; i < n; i++) {
    const a = amounts[i] as number;
    const r = rates === null ? single : (rates[i] as number);
    // safe integers only (checked here rather than in another pass over the columns; an unsafe
    // amount times a zero rate is refused too, not summed as 0)
    if (!Number.isSafeInteger(a) || !Number.isSafeInteger(r)) notInteger(amounts, rates, i);
    const p = a * r;
    let q: number;
    if (p < HALF_SAFE && p > -HALF_SAFE) {
      if (mode === 'halfAwayFromZero') {
        const u = p < 0 ? -p : p;
        let m = Math.floor(u / d);
        if ((u - m * d) * 2 >= d) m++;
        q = p < 0 ? -m : m;
      } else q = intRoundDiv(p, d, mode) as number;
    } else {
      // a product past 2^52 (or an inexact double product): the exact calculator
      total.addUnits(intRoundDiv(intMul(a, r), d, mode));
      continue;
    }
    t += q;
    if (t > HALF_SAFE || t < -HALF_SAFE) {
      total.addUnits(t);
      t = 0;
    }
  }
  total.addUnits(t + 0);
}
