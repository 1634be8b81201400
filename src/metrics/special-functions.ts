/**
 * Log-gamma, digamma and trigamma for the beta-binomial fit. Plain numbers only.
 * Accuracy about 1e-14 relative for positive arguments (what the fit needs).
 * @module
 */

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
  -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

/**
 * ln Γ(x) for x > 0: Stirling's series for x ≥ 10, Lanczos (g = 7, n = 9) below.
 * @internal
 */
export function logGamma(x: number): number {
  if (x >= 10) {
    const r = 1 / x;
    const r2 = r * r;
    const series = r * (1 / 12 - r2 * (1 / 360 - r2 * (1 / 1260 - r2 * (1 / 1680 - r2 / 1188))));
    return (x - 0.5) * Math.log(x) - x + HALF_LOG_2PI + series;
  }
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const y = x - 1;
  let a = LANCZOS[0] as number;
  const t = y + 7.5;
  for (let i = 1; i < 9; i++) a += (LANCZOS[i] as number) / (y + i);
  return HALF_LOG_2PI + (y + 0.5) * Math.log(t) - t + Math.log(a);
}

/**
 * The digamma function ψ(x) = d ln Γ(x)/dx for x > 0: recurrence ψ(x) = ψ(x + 1) − 1/x up
 * to x ≥ 12, then the asymptotic series in 1/x².
 * @internal
 */
export function digamma(x: number): number {
  let acc = 0;
  while (x < 12) {
    acc -= 1 / x;
    x += 1;
  }
  const r2 = 1 / (x * x);
  const series =
    r2 * (1 / 12 - r2 * (1 / 120 - r2 * (1 / 252 - r2 * (1 / 240 - r2 * (1 / 132 - r2 * (691 / 32760 - r2 / 12))))));
  return acc + Math.log(x) - 0.5 / x - series;
}

/**
 * The trigamma function ψ₁(x) = dψ(x)/dx for x > 0: recurrence ψ₁(x) = ψ₁(x + 1) + 1/x² up to
 * x ≥ 12, then the asymptotic series.
 * @internal
 */
export function trigamma(x: number): number {
  let acc = 0;
  while (x < 12) {
    acc += 1 / (x * x);
    x += 1;
  }
  const r = 1 / x;
  const r2 = r * r;
  const series = r + r2 / 2 + r * r2 * (1 / 6 - r2 * (1 / 30 - r2 * (1 / 42 - r2 * (1 / 30 - r2 * (5 / 66 - r2 * (691 / 2730 - r2 * 7 / 6))))));
  return acc + series;
}

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
