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
import { readFailure } from '../core/read.js';

/** One decomposition: the change of the product and the effect of each factor. */
export interface LmdiDecomposition<K extends string> {
  /** V⁰ = Π base factors. */
  readonly base: number;
  /** Vᵀ = Π target factors. */
  readonly target: number;
  /** Vᵀ − V⁰. */
  readonly change: number;
  /** The effect of each factor; they add up to `change` (near ±1.8e308 add them scaled: a partial sum overflows). */
  readonly effects: Readonly<Record<K, number>>;
}

/**
 * The logarithmic mean L(a, b) = (a − b) / (ln a − ln b), with L(a, a) = a and L(a, 0) = 0.
 * It lies between a and b, and is computed so for any finite a, b > 0: with ln a − ln b when
 * a / b overflows or underflows (L(1, 5e-324) = 1 / 744.44… = 0.0013432914719636532, not 0).
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
  return (a - b) / (Math.abs(r) < 1e-4 ? Math.log1p(r) : logRatio(a, b));
}

/** 2⁶⁰⁰ and 2⁻⁶⁰⁰: exact rescalings of a double that keep {@link product}'s partial products normal. */
const UP = 2 ** 600;
const DOWN = 2 ** -600;

/**
 * The product of finite numbers ≥ 0 with a single rounding into the subnormal range or past double range: the
 * partial products are kept between 2⁻¹⁰⁰⁰ and 2¹⁰⁰⁰ by exact power-of-two rescalings, so a subnormal factor
 * (5e-324 × 2.9e154 × 1.8e-155 × 4.5e15 ≈ 1.1e-153) keeps its digits when the product comes back to normal
 * range, and the product is 0 or ±Infinity only when it is below or beyond what a double holds.
 */
function product(xs: readonly number[]): number {
  let p = 1;
  let scale = 0; // the product is p · 2^(600 · scale)
  for (let x of xs) {
    if (x === 0) return 0;
    if (x < 2 ** -500) {
      x *= UP;
      scale--;
    } else if (x > 2 ** 500) {
      x *= DOWN;
      scale++;
    }
    p *= x;
    if (p < 2 ** -500) {
      p *= UP;
      scale--;
    } else if (p > 2 ** 500) {
      p *= DOWN;
      scale++;
    }
  }
  // back to 2^0, stepping while the product stays normal so that only the last step rounds
  for (; scale > 0; scale--) p *= UP;
  for (; scale < 0 && p * DOWN >= MIN_NORMAL; scale++) p *= DOWN;
  if (scale < 0) p = scale < -1 ? 0 : p * DOWN;
  return p;
}

/** The smallest positive normal double, 2⁻¹⁰²² (below it a quotient keeps fewer than 53 bits). */
const MIN_NORMAL = 2.2250738585072014e-308;

/**
 * ln(a / b) for finite a, b > 0: `Math.log(a / b)` while the quotient is a normal double, else
 * ln a − ln b, which stays finite when a / b overflows (1 / 5e-324) or underflows to 0 or to a
 * subnormal with few digits (5e-324 / 1): each logarithm is at most 745 in size.
 */
function logRatio(a: number, b: number): number {
  const q = a / b;
  return q >= MIN_NORMAL && q <= Number.MAX_VALUE ? Math.log(q) : Math.log(a) - Math.log(b);
}

/**
 * Decomposes the change of a product of factors from `base` to `target` into one additive
 * effect per factor, with no residual (additive LMDI-I, Ang 2005):
 *
 * ΔV = Vᵀ − V⁰ = Σₖ L(Vᵀ, V⁰) · ln(xₖᵀ / xₖ⁰).
 *
 * Factors must be finite and ≥ 0; a factor whose target ÷ base ratio is beyond double range (5e-324 against
 * 25,000) is decomposed exactly as any other, each ln(xₖᵀ / xₖ⁰) being computed as ln xₖᵀ − ln xₖ⁰ then, so the
 * effects still add up to the change. V⁰ and Vᵀ are rounded once (partial products rescaled by powers of two), so
 * a subnormal factor keeps its digits. Zeros follow the analytical limits of Ang & Liu (2007):
 * when V⁰ = Vᵀ = 0 every effect is 0; when the product goes from positive to 0 (or from 0 to
 * positive), the whole change is the effect of the factor(s) that went to (or came from) 0,
 * shared equally when there are several, and the other effects are 0.
 *
 * @param base - the factors of the reference (the team average), by name.
 * @param target - the same factors of the subject (the rep); the same names.
 * @returns V⁰, Vᵀ, their change and each factor's effect.
 * @throws {RevopsError} `INVALID_INPUT` for a factor that is missing, negative or not finite, or factors whose product
 *   overflows (past ±1.8e308) or underflows to 0 with no factor 0, or a factor whose effect overflows
 *   (past ±1.8e308, naming `base.<factor>`).
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
  try {
    if (typeof base !== 'object' || base === null) throw invalid('INVALID_INPUT', 'base', base, 'must be an object');
    if (typeof target !== 'object' || target === null) {
      throw invalid('INVALID_INPUT', 'target', target, 'must be an object');
    }
    const names = Object.keys(base) as K[];
    for (const k of Object.keys(target)) {
      if (!Object.hasOwn(base, k)) throw invalid('INVALID_INPUT', `base.${k}`, undefined, 'must be given like target');
    }
    for (const k of names) {
      const x0 = (base as Record<string, unknown>)[k];
      const xT = (target as Record<string, unknown>)[k];
      if (typeof x0 !== 'number' || !Number.isFinite(x0) || x0 < 0) {
        throw invalid('INVALID_INPUT', `base.${k}`, x0, 'must be a finite number ≥ 0');
      }
      if (typeof xT !== 'number' || !Number.isFinite(xT) || xT < 0) {
        throw invalid('INVALID_INPUT', `target.${k}`, xT, 'must be a finite number ≥ 0');
      }
    }
    const v0 = product(names.map((k) => base[k]));
    const vT = product(names.map((k) => target[k]));
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
    const logRatios = names.map((k) => logRatio(target[k], base[k]));
    const w = logarithmicMean(vT, v0);
    // A subnormal product keeps fewer than 53 bits (400.5 × 5e-324 rounds to 400 × 5e-324), and so may L: then
    // ln(Vᵀ / V⁰) is taken as Σ ln(xₖᵀ / xₖ⁰), the logarithm of the factors themselves, and each effect is
    // ΔV · ln(xₖᵀ / xₖ⁰) / Σ ln(xⱼᵀ / xⱼ⁰), the same L · ln(xₖᵀ / xₖ⁰), so that the effects add up to the change.
    let sum = 0;
    for (const r of logRatios) sum += r;
    const shares = (v0 < MIN_NORMAL || vT < MIN_NORMAL) && sum !== 0 && Math.sign(sum) === Math.sign(change);
    for (const [i, k] of names.entries()) {
      const r = logRatios[i] as number;
      const effect = shares ? change * (r / sum) : w * r;
      if (!Number.isFinite(effect)) {
        const why = `is too far from target.${k} (${target[k]}) for double precision: its effect overflows`;
        throw invalid('INVALID_INPUT', `base.${k}`, base[k], why);
      }
      effects[k] = effect;
    }
    return { base: v0, target: vT, change, effects };
  } catch (thrown) {
    throw readFailure(thrown, { base, target });
  }
}
