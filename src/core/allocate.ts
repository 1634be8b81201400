/**
 * Splitting money by ratios with the largest-remainder method: the parts always add up
 * to the whole, to the minor unit.
 * @module
 */
import { invalid } from './errors.js';
import { minorUnits } from './currency.js';
import { formatFixed, parseFixed, pow10, type DecimalInput, type Fixed } from './fixed.js';
import { numberSafe, parseSafeDecimal, safeScale } from './decimal-text.js';
import { POW10 } from './exact.js';
import { amountOf, amountUnits, fromFixed, fromUnits, moneyDigits, readMoney, type Money } from './money.js';
import { readFailure } from './read.js';

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
  try {
    const fast = allocateSafe(value, ratios);
    if (fast !== null) return fast;
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
  } catch (thrown) {
    throw readFailure(thrown, { money: value, ratios });
  }
}

/** Most ratios split on plain numbers (the leftover units are then placed by a scan, not a sort). */
const SAFE_RATIOS = 16;
/** Below 2^52 a floored float quotient is off by at most one, and `q·d` stays exact. */
const HALF_SAFE = 2 ** 52;

/**
 * {@link allocate} on plain numbers for the common case: an amount in whole minor units and up
 * to {@link SAFE_RATIOS} ratios of at most 15 significant digits, every `|amount| × ratio` below
 * 2^52 at the ratios' common scale. Exactly the same method and result; `null` for anything
 * else (then the BigInt path computes or refuses it). Never throws for the ratios.
 */
function allocateSafe(value: Money, ratios: readonly DecimalInput[]): Money[] | null {
  if (!Array.isArray(ratios) || ratios.length === 0 || ratios.length > SAFE_RATIOS) return null;
  const digits = moneyDigits(value, 'money');
  const units = amountUnits(value, amountOf(value, 'money'));
  const unitScale = safeScale.value;
  if (units !== units || unitScale > digits) return null;
  const n = ratios.length;
  const ints: number[] = [];
  const scales: number[] = [];
  let scale = 0;
  for (let i = 0; i < n; i++) {
    const r: unknown = ratios[i];
    const int = typeof r === 'number' ? numberSafe(r) : typeof r === 'string' ? parseSafeDecimal(r) : Number.NaN;
    if (!(int >= 0)) return null; // NaN or negative: the BigInt path says why
    ints.push(int);
    scales.push(safeScale.value);
    if (safeScale.value > scale) scale = safeScale.value;
  }
  let total = 0;
  let largest = 0;
  for (let i = 0; i < n; i++) {
    const w = (ints[i] as number) * (POW10[scale - (scales[i] as number)] as number);
    ints[i] = w;
    total += w;
    if (w > largest) largest = w;
  }
  const whole0 = units * (POW10[digits - unitScale] as number);
  const negative = whole0 < 0;
  const whole = negative ? -whole0 : whole0;
  if (total === 0 || !(total <= HALF_SAFE && whole * largest <= HALF_SAFE)) return null;
  const parts: number[] = [];
  const remainders: number[] = [];
  let given = 0;
  for (let i = 0; i < n; i++) {
    const product = whole * (ints[i] as number);
    let part = Math.floor(product / total);
    let rest = product - part * total; // exact: below 2^53
    if (rest < 0) {
      part -= 1;
      rest += total;
    } else if (rest >= total) {
      part += 1;
      rest -= total;
    }
    parts.push(part);
    remainders.push(rest);
    given += part;
  }
  // the units left over (fewer than n), one each to the largest remainders, earlier first on ties
  for (let left = whole - given; left > 0; left--) {
    let best = -1;
    for (let i = 0; i < n; i++) {
      const r = remainders[i] as number;
      if (r >= 0 && (best < 0 || r > (remainders[best] as number))) best = i;
    }
    parts[best] = (parts[best] as number) + 1;
    remainders[best] = -1;
  }
  const currency = value.currency;
  const out: Money[] = [];
  for (let i = 0; i < n; i++) {
    const p = parts[i] as number;
    out.push(fromUnits(negative ? -p : p, digits, currency, digits));
  }
  return out;
}
