/**
 * Exact decimals as BigInt-scaled integers: `{ int, scale }` stands for `int / 10^scale`.
 *
 * A bigint view of core's one calculator (src/core/exact.ts), for code that needs a bigint
 * throughout: every function here converts and delegates, none keeps its own arithmetic.
 * New code uses {@link Exact} (a safe-integer `number` with a BigInt spill) directly.
 * It does not import decimal.js, so plain money code stays small.
 * @module
 */
import type { Decimal } from 'decimal.js';
import { formatDecimal, exactToNumber, readDecimal } from './decimal-text.js';
import {
  exactAdd,
  exactCompare,
  exactMul,
  exactRound,
  exactTrim,
  fromBig,
  pow10Big,
  toBig,
  type Exact,
} from './exact.js';
import type { RoundingMode } from './rounding.js';

/**
 * An exact decimal input: a finite `number` (read as its shortest round-trip decimal, so
 * `0.1` is exactly one tenth), a decimal string (`"12.30"`, `"-1e-3"`), or a decimal.js
 * `Decimal` from any copy of decimal.js.
 */
export type DecimalInput = number | string | Decimal;

/** An exact decimal: `int / 10^scale`, with `scale >= 0`. */
export interface Fixed {
  readonly int: bigint;
  readonly scale: number;
}

/** `10^n` as a bigint. @internal */
export const pow10: (n: number) => bigint = pow10Big;

/** The bigint view of an exact decimal. @internal */
export function toFixed(x: Exact): Fixed {
  return { int: toBig(x.int), scale: x.scale };
}

/** The calculator's form of a bigint-scaled decimal. @internal */
export function fromFixedValue(f: Fixed): Exact {
  return { int: fromBig(f.int), scale: f.scale };
}

/**
 * Parses a {@link DecimalInput} exactly, trailing zeros removed. Throws `INVALID_AMOUNT`
 * naming `field` for NaN, infinities, empty or malformed strings.
 * @internal
 */
export function parseFixed(value: unknown, field = 'value'): Fixed {
  return toFixed(exactTrim(readDecimal(value, field)));
}

/** Removes trailing zeros from the fraction (`1.500` → `1.5`); the same object when already normal. @internal */
export function normalizeFixed(f: Fixed): Fixed {
  const x = fromFixedValue(f);
  const t = exactTrim(x);
  return t === x ? f : toFixed(t);
}

/** Re-expresses `f` at a larger scale (exact). @internal */
export function rescaleUp(f: Fixed, scale: number): bigint {
  return scale === f.scale ? f.int : f.int * pow10Big(scale - f.scale);
}

/** Exact sum. @internal */
export function addFixed(a: Fixed, b: Fixed): Fixed {
  return toFixed(exactAdd(fromFixedValue(a), fromFixedValue(b)));
}

/** Exact product, trailing zeros removed. @internal */
export function multiplyFixed(a: Fixed, b: Fixed): Fixed {
  return toFixed(exactTrim(exactMul(fromFixedValue(a), fromFixedValue(b))));
}

/** Compares two exact decimals: -1, 0 or 1. @internal */
export function compareFixed(a: Fixed, b: Fixed): -1 | 0 | 1 {
  return exactCompare(fromFixedValue(a), fromFixedValue(b));
}

/** Rounds `f` to `scale` fractional digits with `mode` (the same object if already that short). @internal */
export function roundFixed(f: Fixed, scale: number, mode: RoundingMode): Fixed {
  if (f.scale <= scale) return f;
  return toFixed(exactRound(fromFixedValue(f), scale, mode));
}

/**
 * Prints `f` in plain notation with at least `minScale` fractional digits, keeping its own
 * trailing zeros (never an exponent, never `-0`).
 * @internal
 */
export function formatFixed(f: Fixed, minScale = 0): string {
  return formatDecimal(fromBig(f.int), f.scale, Math.max(f.scale, minScale));
}

/** Converts to the nearest IEEE double. @internal */
export function fixedToNumber(f: Fixed): number {
  return exactToNumber(fromFixedValue(f));
}
