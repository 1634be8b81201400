/**
 * Polygamma differences for the beta-binomial fit. Plain numbers only. Log-gamma, digamma
 * and trigamma themselves live in src/core/special-functions.ts (shared with retention).
 * @module
 */
import { digamma, trigamma } from '../core/special-functions.js';

/** Above this many terms {@link polygammaDifferences} uses ψ and ψ₁ themselves. */
const DIRECT_TERMS = 1000;

/**
 * ψ(x + m) − ψ(x) and ψ₁(x + m) − ψ₁(x) for a non-negative integer m and x > 0. For
 * m ≤ 1000 these are the finite sums Σⱼ₌₀^{m−1} 1/(x + j) and −Σ 1/(x + j)², which keep full
 * relative precision when m ≪ x (subtracting ψ values of a large x loses about log10(x/m)
 * digits, enough to leave a flat beta-binomial likelihood's maximum undetermined). Above,
 * the difference is not small relative to ψ(x) and the functions are subtracted directly.
 * @internal
 */
export function polygammaDifferences(x: number, m: number): [number, number] {
  if (m > DIRECT_TERMS) return [digamma(x + m) - digamma(x), trigamma(x + m) - trigamma(x)];
  let d = 0;
  let t = 0;
  for (let j = m - 1; j >= 0; j--) {
    const r = 1 / (x + j);
    d += r;
    t -= r * r;
  }
  return [d, t];
}
