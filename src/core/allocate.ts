/**
 * Splitting money by ratios with the largest-remainder method: the parts always add up
 * to the whole, to the minor unit.
 * @module
 */
import { invalid } from './errors.js';
import { minorUnits } from './currency.js';
import { formatFixed, parseFixed, pow10, type DecimalInput, type Fixed } from './fixed.js';
import { fromFixed, readMoney, type Money } from './money.js';

/**
 * Splits an amount into parts proportional to `ratios`, in whole minor units, so that the
 * parts sum exactly to the amount.
 *
 * Method (largest remainder, Hamilton): each part first gets
 * `floor(|amount| × ratioᵢ ÷ Σratios)` minor units; the units left over go one each to the
 * parts with the largest remainders, ties broken by position (earlier first), so the result
 * is deterministic. A negative amount is split as its absolute value and every part negated.
 * Ratios are exact decimals (`[70, 30]`, `['0.5', '0.25', '0.25']`, `[1, 1, 1]`); a zero
 * ratio gets zero.
 *
 * @throws {RevopsError} `INVALID_RATIO` for an empty list, a negative or non-finite ratio,
 *   or ratios that are all zero; `INVALID_AMOUNT` when the amount has digits below the
 *   currency's minor unit (round it first, so nothing is lost silently).
 * @example
 * ```ts
 * import { allocate, money } from 'revops/core';
 * allocate(money('100.00', 'USD'), [1, 1, 1]).map((m) => m.amount);
 * //=> ['33.34', '33.33', '33.33']
 * allocate(money('0.05', 'USD'), [70, 30]).map((m) => m.amount);
 * //=> ['0.04', '0.01']
 * ```
 */
export function allocate(value: Money, ratios: readonly DecimalInput[]): Money[] {
  const { fixed, currency } = readMoney(value, 'money');
  const digits = minorUnits(currency);
  if (fixed.scale > digits) {
    throw invalid(
      'INVALID_AMOUNT',
      'money.amount',
      formatFixed(fixed),
      `has digits below the ${currency} minor unit; round it before allocating`,
    );
  }
  if (!Array.isArray(ratios) || ratios.length === 0) {
    throw invalid('INVALID_RATIO', 'ratios', ratios, 'must be a non-empty array');
  }
  // an index loop, not ratios.map: map would call the array's own `constructor` key (species)
  const parsed: Fixed[] = [];
  for (let i = 0; i < ratios.length; i++) {
    const r = ratios[i];
    let f: Fixed;
    try {
      f = parseFixed(r, `ratios[${i}]`);
    } catch {
      throw invalid('INVALID_RATIO', `ratios[${i}]`, r, 'must be a finite, non-negative decimal');
    }
    if (f.int < 0n) throw invalid('INVALID_RATIO', `ratios[${i}]`, r, 'must not be negative');
    parsed.push(f);
  }
  const scale = parsed.reduce((s, f) => Math.max(s, f.scale), 0);
  const weights = parsed.map((f) => f.int * pow10(scale - f.scale));
  const total = weights.reduce((a, b) => a + b, 0n);
  if (total === 0n) throw invalid('INVALID_RATIO', 'ratios', ratios, 'must not all be zero');

  const units = fixed.int * pow10(digits - fixed.scale);
  const negative = units < 0n;
  const whole = negative ? -units : units;
  const parts: bigint[] = [];
  const remainders: bigint[] = [];
  let given = 0n;
  for (const w of weights) {
    const product = whole * w;
    const part = product / total;
    parts.push(part);
    remainders.push(product % total);
    given += part;
  }
  let left = Number(whole - given); // always < parts.length
  if (left > 0) {
    const order = remainders.map((r, i) => ({ r, i })).sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
    for (const { i } of order) {
      if (left === 0) break;
      parts[i] = (parts[i] as bigint) + 1n;
      left--;
    }
  }
  return parts.map((p) => fromFixed({ int: negative ? -p : p, scale: digits }, currency));
}
