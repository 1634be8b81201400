/**
 * Tier arithmetic on exact decimals: which tier a value falls in (boundary `lower` or
 * `higher`), the part of a range inside each tier (marginal), and interpolated rates.
 * Tier bounds here are amounts (attainment bounds already multiplied by the quota).
 * @module
 * @internal
 */
import type { Tier } from '../model/plan.js';
import { compareFixed, multiplyFixed, parseFixed, subFixed, maxFixed, minFixed, ZERO, type Fixed } from './exact.js';

/** A tier in amount terms. @internal */
export interface AmountTier {
  readonly from: Fixed;
  /** `null` for the open-ended last tier. */
  readonly to: Fixed | null;
  readonly rate: Fixed;
  /** The next tier's rate (interpolation target), or `null` for the last tier. */
  readonly nextRate: Fixed | null;
}

/** Converts plan tiers to amount tiers; attainment bounds are multiplied by `quota`. @internal */
export function amountTiers(
  tiers: readonly Tier[],
  basis: 'attainment' | 'amount',
  quota: Fixed,
  dec: (text: string) => Fixed = parseFixed,
): AmountTier[] {
  const scale = (s: string): Fixed => (basis === 'attainment' ? multiplyFixed(dec(s), quota) : dec(s));
  return tiers.map((t, i) => {
    const next = tiers[i + 1];
    return {
      from: scale(t.from),
      to: t.to === undefined ? null : scale(t.to),
      rate: dec(t.rate),
      nextRate: next ? dec(next.rate) : null,
    };
  });
}

/**
 * Index of the tier containing `x`, or -1 below the table. Tiers are half-open: with
 * `higher`, `[from, to)` (a value on a bound goes up); with `lower`, `(from, to]`.
 * @internal
 */
export function tierIndex(tiers: readonly AmountTier[], x: Fixed, boundary: 'lower' | 'higher'): number {
  for (let k = tiers.length - 1; k >= 0; k--) {
    const t = tiers[k] as AmountTier;
    const c = compareFixed(x, t.from);
    if (boundary === 'higher' ? c >= 0 : c > 0) return k;
  }
  return -1;
}

/** The part of `[lo, hi]` (lo ≤ hi) inside each tier. @internal */
export function marginalPortions(tiers: readonly AmountTier[], lo: Fixed, hi: Fixed): Fixed[] {
  return tiers.map((t) => {
    const a = maxFixed(lo, t.from);
    const b = t.to === null ? hi : minFixed(hi, t.to);
    return compareFixed(b, a) > 0 ? subFixed(b, a) : ZERO;
  });
}

/** Width of a tier (`to − from`), or `null` when open-ended. @internal */
export function tierWidth(t: AmountTier): Fixed | null {
  return t.to === null ? null : subFixed(t.to, t.from);
}
