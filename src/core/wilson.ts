/**
 * The Wilson score bounds of a binomial rate, shared by metrics' `wilsonInterval` and
 * `compareRates` and by forecast's learned stage probabilities (one implementation). Plain
 * numbers only. Internal: the public function is `wilsonInterval` in `revops/metrics`.
 * @module
 */

/**
 * Wilson bounds (Wilson 1927, JASA 22:209–212) for the proportion `p` observed over `n` trials
 * (n > 0) at the normal critical value `z`: centre = (p + z²/2n) / (1 + z²/n), half-width =
 * z·√(p(1 − p)/n + z²/4n²) / (1 + z²/n). The lower bound is exactly 0 at p = 0 and the upper
 * exactly 1 at p = 1. `n` may be fractional (an effective sample size, Kish 1965, for weighted
 * counts). @internal
 */
export function wilsonBoundsOfRate(p: number, n: number, z: number): [number, number] {
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z * Math.sqrt(Math.max(0, p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  const lower = p <= 0 ? 0 : Math.max(0, centre - half);
  const upper = p >= 1 ? 1 : Math.min(1, centre + half);
  return [lower, upper];
}

/**
 * Wilson bounds for k successes in n > 0 trials at critical value z (0 exactly at k = 0, 1
 * exactly at k = n).
 * @internal
 */
export function wilsonBounds(k: number, n: number, z: number): [number, number] {
  const [lower, upper] = wilsonBoundsOfRate(k / n, n, z);
  return [k === 0 ? 0 : lower, k === n ? 1 : upper];
}
