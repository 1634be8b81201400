/**
 * The additive logarithmic mean Divisia index (LMDI-I): an exact, residual-free split of the
 * change of a product V = x₁·x₂·…·xₙ into one effect per factor.
 *
 * Ang, B.W. (2005), "The LMDI approach to decomposition analysis: a practical guide", Energy
 * Policy 33:867–871, https://doi.org/10.1016/j.enpol.2003.10.010; zero values by the
 * analytical-limit strategy of Ang, B.W. & Liu, N. (2007), "Handling zero values in the
 * logarithmic mean Divisia index decomposition approach", Energy Policy 35:238–246,
 * https://doi.org/10.1016/j.enpol.2005.11.001.
 * @module
 */
import { invalid } from '../core/errors.js';

/** One decomposition: the change of the product and the effect of each factor. */
export interface LmdiDecomposition<K extends string> {
  /** V⁰ = Π base factors. */
  readonly base: number;
  /** Vᵀ = Π target factors. */
  readonly target: number;
  /** Vᵀ − V⁰. */
  readonly change: number;
  /** The effect of each factor; they add up to `change` (to floating-point precision). */
  readonly effects: Readonly<Record<K, number>>;
}

/**
 * The logarithmic mean L(a, b) = (a − b) / (ln a − ln b), with L(a, a) = a and L(a, 0) = 0.
 *
 * @example
 * ```ts
 * import { logarithmicMean } from 'revops/planning';
 * logarithmicMean(180000, 200000).toFixed(2);
 * //=> '189824.43'
 * logarithmicMean(5, 5);
 * //=> 5
 * ```
 * @throws {RevopsError} `INVALID_INPUT` for a negative or non-finite argument.
 */
export function logarithmicMean(a: number, b: number): number {
  for (const [v, f] of [
    [a, 'a'],
    [b, 'b'],
  ] as const) {
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
      throw invalid('INVALID_INPUT', f, v, 'must be a finite number ≥ 0');
    }
  }
  if (a === 0 || b === 0) return 0;
  if (a === b) return a;
  // ln(a) − ln(b) loses digits when a ≈ b; log1p of the relative difference does not.
  const r = (a - b) / b;
  const lnRatio = Math.abs(r) < 1e-4 ? Math.log1p(r) : Math.log(a / b);
  return (a - b) / lnRatio;
}

/**
 * Decomposes the change of a product of factors from `base` to `target` into one additive
 * effect per factor, with no residual (additive LMDI-I, Ang 2005):
 *
 * ΔV = Vᵀ − V⁰ = Σₖ L(Vᵀ, V⁰) · ln(xₖᵀ / xₖ⁰).
 *
 * Factors must be finite and ≥ 0. Zeros follow the analytical limits of Ang & Liu (2007):
 * when V⁰ = Vᵀ = 0 every effect is 0; when the product goes from positive to 0 (or from 0 to
 * positive), the whole change is the effect of the factor(s) that went to (or came from) 0,
 * shared equally when there are several, and the other effects are 0.
 *
 * @param base - the factors of the reference (the team average), by name.
 * @param target - the same factors of the subject (the rep); the same names.
 * @returns V⁰, Vᵀ, their change and each factor's effect.
 * @throws {RevopsError} `INVALID_INPUT` for a factor that is missing, negative or not finite, or factors whose product
 *   overflows (past ±1.8e308) or underflows to 0 with no factor 0, or a factor whose target ÷ base ratio
 *   overflows (naming `base.<factor>`).
 * @example
 * ```ts
 * import { lmdiDecomposition } from 'revops/planning';
 * // team: 400 activities × 0.10 opportunities per activity × 0.25 win rate × 20,000 deal size
 * // rep:  300 × 0.12 × 0.20 × 25,000
 * const d = lmdiDecomposition(
 *   { activities: 400, conversion: 0.1, winRate: 0.25, dealSize: 20000 },
 *   { activities: 300, conversion: 0.12, winRate: 0.2, dealSize: 25000 },
 * );
 * d.change.toFixed(2);
 * //=> '-20000.00'
 * d.effects.activities.toFixed(2);
 * //=> '-54609.09'
 * d.effects.winRate.toFixed(2);
 * //=> '-42358.10'
 * ```
 */
export function lmdiDecomposition<K extends string>(
  base: Readonly<Record<K, number>>,
  target: Readonly<Record<K, number>>,
): LmdiDecomposition<K> {
  if (typeof base !== 'object' || base === null) throw invalid('INVALID_INPUT', 'base', base, 'must be an object');
  if (typeof target !== 'object' || target === null) {
    throw invalid('INVALID_INPUT', 'target', target, 'must be an object');
  }
  const names = Object.keys(base) as K[];
  for (const k of Object.keys(target)) {
    if (!Object.hasOwn(base, k)) throw invalid('INVALID_INPUT', `base.${k}`, undefined, 'must be given like target');
  }
  let v0 = 1;
  let vT = 1;
  for (const k of names) {
    const x0 = (base as Record<string, unknown>)[k];
    const xT = (target as Record<string, unknown>)[k];
    if (typeof x0 !== 'number' || !Number.isFinite(x0) || x0 < 0) {
      throw invalid('INVALID_INPUT', `base.${k}`, x0, 'must be a finite number ≥ 0');
    }
    if (typeof xT !== 'number' || !Number.isFinite(xT) || xT < 0) {
      throw invalid('INVALID_INPUT', `target.${k}`, xT, 'must be a finite number ≥ 0');
    }
    v0 *= x0;
    vT *= xT;
  }
  if (!Number.isFinite(v0)) throw invalid('INVALID_INPUT', 'base', v0, 'must have a finite product of its factors');
  if (!Number.isFinite(vT)) throw invalid('INVALID_INPUT', 'target', vT, 'must have a finite product of its factors');
  // a product of non-zero factors that underflows to 0 (5e-324 × 0.25) would take the zero-side branch below
  for (const [side, v, factors] of [
    ['base', v0, base],
    ['target', vT, target],
  ] as const) {
    if (v === 0 && !names.some((k) => factors[k] === 0)) {
      throw invalid('INVALID_INPUT', side, v, 'must have a product of its non-zero factors above 0 (it underflows)');
    }
  }
  const change = vT - v0;
  const effects = {} as Record<K, number>;
  for (const k of names) effects[k] = 0;
  if (v0 === 0 && vT === 0) return { base: v0, target: vT, change, effects };
  if (v0 === 0 || vT === 0) {
    // Analytical limit: only the factors that are 0 on the zero side carry the change.
    const zeroSide = v0 === 0 ? base : target;
    const zeros = names.filter((k) => zeroSide[k] === 0);
    for (const k of zeros) effects[k] = change / zeros.length;
    return { base: v0, target: vT, change, effects };
  }
  const w = logarithmicMean(vT, v0);
  for (const k of names) {
    const effect = w * Math.log(target[k] / base[k]);
    if (!Number.isFinite(effect)) {
      const why = `is too far from target.${k} (${target[k]}) for double precision: the ratio overflows`;
      throw invalid('INVALID_INPUT', `base.${k}`, base[k], why);
    }
    effects[k] = effect;
  }
  return { base: v0, target: vT, change, effects };
}
