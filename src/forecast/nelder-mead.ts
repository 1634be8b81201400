/**
 * A bounded Nelder–Mead minimiser for the few smoothing parameters of `holtWinters`
 * (Nelder & Mead 1965; standard coefficients: reflection 1, expansion 2, contraction ½,
 * shrink ½). Bounds are enforced by projecting every trial point onto the box. The search
 * restarts from its best point with a fresh simplex until a restart no longer improves
 * (guarding against the premature collapse Nelder–Mead is known for).
 * @module
 */

/** Result of {@link minimizeInBox}. @internal */
export interface BoxMinimum {
  readonly x: number[];
  readonly value: number;
  readonly evaluations: number;
}

/** Options of {@link minimizeInBox}. @internal */
export interface BoxMinimizeOptions {
  /** Stop when every vertex is within this distance of the best, per coordinate. Default 1e-10. */
  readonly xTolerance?: number;
  /** Stop when (fmax − fmin) ≤ this × |fmin| (scale-free). Default 1e-14. */
  readonly fTolerance?: number;
  /** Default 20,000. */
  readonly maxEvaluations?: number;
  /** Default 8. */
  readonly maxRestarts?: number;
}

/**
 * Minimises `f` over the box [lower, upper] starting from `start`. Non-finite values of `f`
 * count as +Infinity. Deterministic.
 * @internal
 */
export function minimizeInBox(
  f: (x: readonly number[]) => number,
  start: readonly number[],
  lower: readonly number[],
  upper: readonly number[],
  options: BoxMinimizeOptions = {},
): BoxMinimum {
  const d = start.length;
  const xTol = options.xTolerance ?? 1e-10;
  const fTol = options.fTolerance ?? 1e-14;
  const maxEval = options.maxEvaluations ?? 20_000;
  const maxRestarts = options.maxRestarts ?? 8;
  let evaluations = 0;
  const clamp = (x: number[]): number[] => x.map((v, i) => Math.min(upper[i] as number, Math.max(lower[i] as number, v)));
  const value = (x: number[]): number => {
    evaluations++;
    const v = f(x);
    return Number.isFinite(v) ? v : Infinity;
  };
  let best = clamp([...start]);
  let bestValue = value(best);
  if (d === 0) return { x: best, value: bestValue, evaluations };

  for (let restart = 0; restart <= maxRestarts; restart++) {
    // Initial simplex: the best point and one step of 10 % of the range along each axis (inwards).
    const pts: number[][] = [best];
    const vals: number[] = [bestValue];
    for (let i = 0; i < d; i++) {
      const range = (upper[i] as number) - (lower[i] as number);
      const p = [...best];
      const step = 0.1 * range;
      p[i] = (p[i] as number) + step <= (upper[i] as number) ? (p[i] as number) + step : (p[i] as number) - step;
      const q = clamp(p);
      pts.push(q);
      vals.push(value(q));
    }
    while (evaluations < maxEval) {
      // Order the vertices by value (stable: ties keep their order).
      const order = vals.map((_, i) => i).sort((a, b) => (vals[a] as number) - (vals[b] as number) || a - b);
      const P = order.map((i) => pts[i] as number[]);
      const V = order.map((i) => vals[i] as number);
      for (let i = 0; i <= d; i++) {
        pts[i] = P[i] as number[];
        vals[i] = V[i] as number;
      }
      const fBest = vals[0] as number;
      const fWorst = vals[d] as number;
      let size = 0;
      for (let i = 1; i <= d; i++) {
        for (let j = 0; j < d; j++) size = Math.max(size, Math.abs(((pts[i] as number[])[j] as number) - ((pts[0] as number[])[j] as number)));
      }
      if (size <= xTol || (Number.isFinite(fWorst) && fWorst - fBest <= fTol * Math.abs(fBest))) break;
      const centroid = new Array<number>(d).fill(0);
      for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) centroid[j] = (centroid[j] as number) + ((pts[i] as number[])[j] as number) / d;
      const worst = pts[d] as number[];
      const along = (t: number): number[] => clamp(centroid.map((c, j) => c + t * (c - (worst[j] as number))));
      const xr = along(1);
      const fr = value(xr);
      if (fr < fBest) {
        const xe = along(2);
        const fe = value(xe);
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
        const fc = value(xc);
        if (fc < (outside ? fr : fWorst)) {
          pts[d] = xc;
          vals[d] = fc;
        } else {
          const x0 = pts[0] as number[];
          for (let i = 1; i <= d; i++) {
            const xi = clamp((pts[i] as number[]).map((v, j) => (x0[j] as number) + 0.5 * (v - (x0[j] as number))));
            pts[i] = xi;
            vals[i] = value(xi);
          }
        }
      }
    }
    let k = 0;
    for (let i = 1; i <= d; i++) if ((vals[i] as number) < (vals[k] as number)) k = i;
    const improved = (vals[k] as number) < bestValue - fTol * Math.abs(bestValue);
    if ((vals[k] as number) < bestValue) {
      best = pts[k] as number[];
      bestValue = vals[k] as number;
    }
    if (!improved && restart > 0) break;
    if (evaluations >= maxEval) break;
  }
  return { x: best, value: bestValue, evaluations };
}
