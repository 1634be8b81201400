/**
 * A bounded Nelder–Mead minimiser for the few smoothing parameters of `holtWinters`
 * (Nelder & Mead 1965; standard coefficients: reflection 1, expansion 2, contraction ½,
 * shrink ½). Bounds are enforced by projecting every trial point onto the box. The search
 * restarts from its best point with a fresh simplex until a restart no longer improves
 * (guarding against the premature collapse Nelder–Mead is known for). The simplex steps
 * themselves are the shared loop in src/core/nelder-mead.ts; this file adds the box, the
 * initial simplex, the stopping rule, the evaluation budget and the restarts.
 * @module
 */
import { nelderMeadLoop, simplexSize } from '../core/nelder-mead.js';

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
  const clamp = (x: number[]): number[] =>
    x.map((v, i) => Math.min(upper[i] as number, Math.max(lower[i] as number, v)));
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
    const run = nelderMeadLoop(value, pts, vals, {
      project: clamp,
      budgetLeft: () => evaluations < maxEval,
      // Stop when the simplex is within xTolerance per coordinate, or the spread of values is within fTolerance
      // relative.
      converged: (p, v) => {
        const fBest = v[0] as number;
        const fWorst = v[d] as number;
        return simplexSize(p) <= xTol || (Number.isFinite(fWorst) && fWorst - fBest <= fTol * Math.abs(fBest));
      },
    });
    // The loop returns its simplex sorted, best first.
    const runBest = run.values[0] as number;
    const improved = runBest < bestValue - fTol * Math.abs(bestValue);
    if (runBest < bestValue) {
      best = run.points[0] as number[];
      bestValue = runBest;
    }
    if (!improved && restart > 0) break;
    if (evaluations >= maxEval) break;
  }
  return { x: best, value: bestValue, evaluations };
}
