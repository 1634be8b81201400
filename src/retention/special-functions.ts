/**
 * The Gauss hypergeometric series ₂F₁(1, b; c; z) for the sBG model. Plain numbers only:
 * this file imports neither zod nor decimal.js. Log-gamma and log-beta live in
 * src/core/special-functions.ts (shared with metrics).
 * @module
 */

/**
 * Largest number of series terms {@link hyp2f1One} sums before giving up (never reached for
 * `z ≤ 1/(1 + 1e-5)`, which needs about 5.1 million). @internal
 */
export const HYP2F1_MAX_TERMS = 10_000_000;

/**
 * The Gauss hypergeometric function `₂F₁(1, b; c; z) = Σ_{k≥0} (b)_k / (c)_k · z^k` for
 * `0 < b ≤ c` and `0 ≤ z < 1`, by its power series.
 *
 * Convergence: term `k+1` is term `k` times `z·(b+k)/(c+k)`, and `(b+k)/(c+k) ≤ 1` when
 * `b ≤ c`, so every ratio is at most `z` and the tail after term `t_k` is at most
 * `t_k · z / (1 − z)` (a geometric bound). Summation stops as soon as that bound is below
 * `1e-17 ×` the partial sum, so the truncation error is below the float rounding of the sum.
 * The number of terms is about `ln(1e-17) / ln z`: 420 at `z = 1/1.1`, 40,000 at `z = 1/1.001`.
 * @internal
 */
export function hyp2f1One(b: number, c: number, z: number): number {
  let term = 1;
  let sum = 1;
  const tailFactor = z / (1 - z);
  for (let k = 0; k < HYP2F1_MAX_TERMS; k++) {
    term *= (z * (b + k)) / (c + k);
    sum += term;
    if (term * tailFactor <= 1e-17 * sum) return sum;
  }
  return sum;
}
