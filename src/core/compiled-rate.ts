/**
 * Rates read once: a commission rate, a share or an FX factor parsed into an exact
 * (integer, scale) pair that hot loops reuse without reading text again.
 * @module
 */
import { fieldAt, formatExact, numberSafe, parseSafeDecimal, readDecimal, safeScale } from './decimal-text.js';
import { invalid } from './errors.js';
import { fromBig, type Exact } from './exact.js';
import type { DecimalInput } from './fixed.js';
import { readFailure } from './read.js';

/**
 * A rate parsed once into an exact integer at a scale: `0.0725` is `{ units: 725, scale: 4 }`.
 * Pass it wherever a factor is accepted ({@link multiply}, {@link sumProducts}) to skip
 * reading the rate again; build it with {@link compileRate}.
 */
export interface CompiledRate {
  readonly kind: 'compiledRate';
  /** The rate as canonical decimal text, e.g. `'0.0725'`. */
  readonly text: string;
  /** The rate times `10^scale`: a safe integer, or a bigint when it has more than 15 digits. */
  readonly units: number | bigint;
  /** Decimal places of the rate. */
  readonly scale: number;
}

/** A factor: an exact decimal input or a {@link CompiledRate}. */
export type Factor = DecimalInput | CompiledRate;

/**
 * Compiles a rate (or any exact factor) once, for loops that apply it to many amounts:
 * the result is the exact decimal as an integer and a scale, so each use is one integer
 * product and no parsing.
 *
 * When to use: a rate applied to thousands of lines (a plan's rate, a tier's rate, an FX
 * rate for a month). For a one-off product, pass the rate itself to {@link multiply}.
 *
 * @param rate - a number (its shortest decimal: `0.1` is one tenth), a decimal string or a Decimal.
 * @throws {RevopsError} `INVALID_AMOUNT` naming `rate` for NaN, infinities or malformed text.
 * @example
 * ```ts
 * import { compileRate, money, multiply } from 'revops/core';
 * const rate = compileRate('0.0725');
 * [rate.units, rate.scale];
 * //=> [725, 4]
 * multiply(money('200.00', 'USD'), rate);
 * //=> { amount: '14.50', currency: 'USD' }
 * ```
 */
export function compileRate(rate: DecimalInput): CompiledRate {
  try {
    const x = readDecimal(rate, 'rate');
    return Object.freeze({ kind: 'compiledRate', text: formatExact(x), units: x.int, scale: x.scale });
  } catch (thrown) {
    throw readFailure(thrown, { rate });
  }
}

/** Whether a value is a {@link CompiledRate}. @internal */
export function isCompiledRate(value: unknown): value is CompiledRate {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'compiledRate';
}

/**
 * Reads a factor into the calculator's exact form: a compiled rate as it is, anything else
 * parsed once.
 * @throws {RevopsError} `INVALID_AMOUNT` naming `field`.
 * @internal
 */
export function readFactor(value: unknown, field: string, index = -1): Exact {
  if (typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'compiledRate') {
    const { units, scale } = value as CompiledRate;
    if ((Number.isSafeInteger(units) || typeof units === 'bigint') && Number.isInteger(scale) && scale >= 0) {
      return { int: typeof units === 'bigint' ? fromBig(units) : units + 0, scale };
    }
    throw invalid('INVALID_AMOUNT', fieldAt(field, index), value, 'must be a rate from compileRate()');
  }
  return readDecimal(value, field, index);
}

/**
 * A factor as a safe integer without allocating, its scale left in {@link safeScale}: a number
 * of at most 15 significant digits and decimals, such a decimal string, or a compiled rate with
 * safe units; `NaN` for anything else (then {@link readFactor} reads or refuses it).
 * @internal
 */
export function factorUnits(value: unknown): number {
  if (typeof value === 'number') return numberSafe(value);
  if (typeof value === 'string') return parseSafeDecimal(value);
  if (typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'compiledRate') {
    const { units, scale } = value as CompiledRate;
    if (Number.isSafeInteger(units) && Number.isInteger(scale) && scale >= 0 && scale <= 15) {
      safeScale.value = scale;
      return (units as number) + 0;
    }
  }
  return Number.NaN;
}
