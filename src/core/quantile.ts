/**
 * The one sample quantile of the library: Hyndman & Fan's definition 7 over sorted data.
 * Plain numbers. Internal.
 * @module
 */

/**
 * The p-quantile of ascending `sorted` data by Hyndman & Fan's definition 7 (R's default
 * `quantile(type = 7)`, numpy's `linear`): h = (n − 1)·p, x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋+1] − x[⌊h⌋]).
 * Hyndman, R. J. and Fan, Y. (1996), "Sample quantiles in statistical packages", The American
 * Statistician 50(4), 361–365. `sorted` must not be empty and `p` must be in [0, 1] (the
 * callers check both).
 * @internal
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const a = sorted[lo] as number;
  return lo + 1 < sorted.length ? a + (h - lo) * ((sorted[lo + 1] as number) - a) : a;
}
