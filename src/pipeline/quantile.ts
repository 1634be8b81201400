/**
 * Sample quantiles of sorted data. Internal.
 * @module
 */

/**
 * The p-quantile of ascending `sorted` data by Hyndman & Fan's definition 7 (R's default
 * `quantile(type = 7)`, numpy's `linear`): h = (n − 1)·p, x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋+1] − x[⌊h⌋]).
 * `sorted` must not be empty. @internal
 */
export function quantileSorted(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const a = sorted[lo]!;
  return lo + 1 < sorted.length ? a + (h - lo) * (sorted[lo + 1]! - a) : a;
}
