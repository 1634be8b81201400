/**
 * The Nelder–Mead downhill simplex step loop (Nelder & Mead 1965), shared by the bounded
 * Holt-Winters parameter search (src/forecast/nelder-mead.ts) and the sBG maximum-likelihood
 * fit (src/retention/sbg-fit.ts). Plain numbers only. Internal: not exported from `revops/core`.
 *
 * Each iteration sorts the d + 1 vertices by value (stable: ties keep their order), asks the
 * caller's stopping rule whether to stop, and otherwise replaces the worst vertex xₕ using the
 * centroid c of the other d vertices and the standard coefficients:
 * - reflection (ρ = 1): xr = c + (c − xₕ); accepted if f(xr) < f(second worst), expanded if f(xr) < f(best);
 * - expansion (χ = 2): xe = c + 2(c − xₕ); kept if f(xe) < f(xr), else xr;
 * - contraction (γ = ½): outside xc = c + ½(c − xₕ) when f(xr) < f(xₕ), inside xc = c − ½(c − xₕ)
 *   otherwise; accepted if f(xc) < min(f(xr), f(xₕ));
 * - shrink (σ = ½): otherwise every vertex but the best moves halfway towards the best.
 * Every trial point passes through the caller's `project` (e.g. clamping onto a box).
 * @module
 * @internal
 */

/** Options of {@link nelderMeadLoop}. @internal */
export interface NelderMeadLoopOptions {
  /** Stopping rule, called on the sorted simplex (best first) before each iteration. Required. */
  readonly converged: (points: readonly (readonly number[])[], values: readonly number[]) => boolean;
  /** Maps every trial point into the feasible set (e.g. a box). Default: identity. */
  readonly project?: (x: number[]) => number[];
  /** Largest number of iterations (each one at most d + 2 evaluations). Default: unlimited. */
  readonly maxIterations?: number;
  /** Called before each iteration; `false` stops the loop (e.g. an evaluation budget). Default: always `true`. */
  readonly budgetLeft?: () => boolean;
}

/** Result of {@link nelderMeadLoop}: the final simplex sorted by value, best first. @internal */
export interface NelderMeadLoopResult {
  readonly points: number[][];
  readonly values: number[];
  /** Iterations run (the iteration in which the stopping rule held is not counted). */
  readonly iterations: number;
  /** Whether the stopping rule held (rather than the iteration or evaluation budget running out). */
  readonly converged: boolean;
}

/**
 * Largest per-coordinate distance of any vertex from vertex 0 (the best, once sorted):
 * maxᵢ maxⱼ |xᵢⱼ − x₀ⱼ|.
 * @param points - the simplex.
 * @returns the size, 0 for a single point.
 * @internal
 */
export function simplexSize(points: readonly (readonly number[])[]): number {
  const x0 = points[0] as readonly number[];
  let size = 0;
  for (let i = 1; i < points.length; i++) {
    const xi = points[i] as readonly number[];
    for (let j = 0; j < x0.length; j++) size = Math.max(size, Math.abs((xi[j] as number) - (x0[j] as number)));
  }
  return size;
}

/**
 * Minimises `f` by Nelder–Mead from the given simplex (d + 1 points of dimension d, with their
 * values), until `options.converged` holds or a budget runs out. `f` is called exactly as the
 * algorithm needs (no caching); wrap it to count evaluations or map non-finite values.
 * Does not mutate its arguments.
 * @param f - the objective (minimised).
 * @param points - the initial simplex.
 * @param values - `f` at each initial point.
 * @param options - stopping rule, projection and budgets.
 * @returns the final simplex sorted by value, the iteration count and whether it converged.
 * @internal
 */
export function nelderMeadLoop(
  f: (x: number[]) => number,
  points: readonly (readonly number[])[],
  values: readonly number[],
  options: NelderMeadLoopOptions,
): NelderMeadLoopResult {
  const d = points.length - 1;
  const project = options.project ?? ((x: number[]): number[] => x);
  const maxIterations = options.maxIterations ?? Infinity;
  const budgetLeft = options.budgetLeft ?? ((): boolean => true);
  let pts = points.map((p) => [...p]);
  let vals = [...values];
  const sort = (): void => {
    const order = vals.map((_, i) => i).sort((a, b) => (vals[a] as number) - (vals[b] as number) || a - b);
    pts = order.map((i) => pts[i] as number[]);
    vals = order.map((i) => vals[i] as number);
  };
  let it = 0;
  for (; it < maxIterations && budgetLeft(); it++) {
    sort();
    if (options.converged(pts, vals)) return { points: pts, values: vals, iterations: it, converged: true };
    const fBest = vals[0] as number;
    const fWorst = vals[d] as number;
    const centroid = new Array<number>(d).fill(0);
    for (let i = 0; i < d; i++)
      for (let j = 0; j < d; j++) centroid[j] = (centroid[j] as number) + ((pts[i] as number[])[j] as number) / d;
    const worst = pts[d] as number[];
    const along = (t: number): number[] => project(centroid.map((c, j) => c + t * (c - (worst[j] as number))));
    const xr = along(1);
    const fr = f(xr);
    if (fr < fBest) {
      const xe = along(2);
      const fe = f(xe);
      if (fe < fr) {
        pts[d] = xe;
        vals[d] = fe;
      } else {
        pts[d] = xr;
        vals[d] = fr;
      }
    } else if (fr < (vals[d - 1] as number)) {
      pts[d] = xr;
      vals[d] = fr;
    } else {
      const outside = fr < fWorst;
      const xc = along(outside ? 0.5 : -0.5);
      const fc = f(xc);
      if (fc < (outside ? fr : fWorst)) {
        pts[d] = xc;
        vals[d] = fc;
      } else {
        const x0 = pts[0] as number[];
        for (let i = 1; i <= d; i++) {
          const xi = project((pts[i] as number[]).map((v, j) => (x0[j] as number) + 0.5 * (v - (x0[j] as number))));
          pts[i] = xi;
          vals[i] = f(xi);
        }
      }
    }
  }
  sort();
  return { points: pts, values: vals, iterations: it, converged: false };
}
