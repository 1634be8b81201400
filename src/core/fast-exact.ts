/**
 * Safe-integer helpers kept for modules that have not moved to core's calculator yet
 * (src/core/exact.ts, src/core/decimal-text.ts, src/core/exact-sum.ts). Each delegates to the
 * calculator except `parseScaledSafe`, a strict plain-text reader that says `NaN` for anything
 * but ≤ 15 plain digits. New code uses `parseDecimalText`, `ExactSum` and `intRoundDiv`.
 * @module
 */
import { decimalsOf, formatDecimal } from './decimal-text.js';
import { fromBig, roundDivNumber, POW10 } from './exact.js';
import { ExactSum } from './exact-sum.js';
import { fromFixedValue, toFixed, type Fixed } from './fixed.js';
import type { RoundingMode } from './rounding.js';

export { decimalsOf };

/** `10^n` as an exact number, for 0 ≤ n ≤ 15 (`NaN` beyond). @internal */
export function pow10Number(n: number): number {
  return n >= 0 && n <= 15 ? (POW10[n] as number) : NaN;
}

/**
 * Parses a plain decimal string (`"-1234.5"`, no exponent) into an integer number of units at
 * `scale` decimals (`"12.3"` at scale 2 → 1230). Returns `NaN` when the string has more
 * decimals than `scale`, uses an exponent or other characters, or does not fit a safe integer.
 * @internal
 */
export function parseScaledSafe(text: string, scale: number): number {
  const n = text.length;
  let i = 0;
  let negative = false;
  const c0 = text.charCodeAt(0);
  if (c0 === 45 /* - */) {
    negative = true;
    i = 1;
  } else if (c0 === 43 /* + */) i = 1;
  let value = 0;
  let digits = 0;
  let decimals = -1;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      value = value * 10 + (c - 48);
      digits++;
      if (decimals >= 0) decimals++;
    } else if (c === 46 /* . */ && decimals < 0) {
      decimals = 0;
    } else {
      return NaN;
    }
  }
  if (digits === 0 || digits > 15) return NaN;
  if (decimals < 0) decimals = 0;
  if (decimals > scale) {
    // trailing zeros beyond the scale are harmless ("1.500" at scale 2)
    while (decimals > scale && value % 10 === 0) {
      value /= 10;
      decimals--;
    }
    if (decimals > scale) return NaN;
  }
  const scaled = value * pow10Number(scale - decimals);
  if (!Number.isSafeInteger(scaled)) return NaN;
  return negative ? -scaled : scaled;
}

/** Rounds the exact quotient `n / d` of two safe integers (`d > 0`) with `mode`. @internal */
export const roundDivSafe: (n: number, d: number, mode: RoundingMode) => number = roundDivNumber;

/**
 * `round(a × f / 10^fScale)` for safe integers `a` and `f`, exactly, or `NaN` when the
 * product does not fit in a safe integer.
 * @internal
 */
export function mulRoundSafe(a: number, f: number, fScale: number, mode: RoundingMode): number {
  const p = a * f;
  if (!Number.isSafeInteger(p)) return NaN; // a true product ≥ 2^53 never rounds back below it
  return fScale === 0 ? p : roundDivNumber(p, pow10Number(fScale), mode);
}

/** `units / 10^scale` as plain text with at least `minScale` decimals (core's one formatter). @internal */
export function formatScaledSafe(units: number, scale: number, minScale: number): string {
  return formatDecimal(units, scale, minScale);
}

/** core's {@link ExactSum} behind the bigint-view interface modules still call. @internal */
export class ExactAccumulator {
  private readonly sum: ExactSum;
  constructor(scale: number) {
    this.sum = new ExactSum(scale);
  }

  /** Adds a safe integer number of units (at this accumulator's scale). */
  addUnits(units: number): void {
    this.sum.addUnits(units);
  }

  /** Adds a whole number of units given as a bigint. */
  addBigUnits(units: bigint): void {
    this.sum.addUnits(fromBig(units));
  }

  /** Adds any exact decimal. */
  addFixed(f: Fixed): void {
    this.sum.addExact(fromFixedValue(f));
  }

  /** The exact total, trailing zeros removed. */
  value(): Fixed {
    return toFixed(this.sum.value());
  }
}
