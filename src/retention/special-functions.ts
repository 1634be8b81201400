/**
 * Special functions for the retention models: log-gamma and the Gauss hypergeometric
 * series ₂F₁(1, b; c; z). Plain numbers only: this file imports neither zod nor decimal.js.
 * @module
 */

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/**
 * `ln Γ(x)` for `x > 0` (Lanczos approximation, g = 7, n = 9; relative error about 1e-15,
 * with the reflection formula below 0.5).
 * @internal
 */
export function lnGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x);
  const y = x - 1;
  let a = LANCZOS[0] as number;
  const t = y + 7.5;
  for (let i = 1; i < 9; i++) a += (LANCZOS[i] as number) / (y + i);
  return 0.5 * Math.log(2 * Math.PI) + (y + 0.5) * Math.log(t) - t + Math.log(a);
}

/** `ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b)` for `a, b > 0`. @internal */
export function lnBeta(a: number, b: number): number {
  return lnGamma(a) + lnGamma(b) - lnGamma(a + b);
}

/** Largest number of series terms {@link hyp2f1One} sums before giving up (never reached for `z ≤ 1/(1 + 1e-5)`, which needs about 5.1 million). @internal */
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
