/**
 * Maximum-likelihood fit of the shifted-beta-geometric model to one cohort's survival
 * curve (Fader & Hardie 2007). Plain numbers only: imports neither zod nor decimal.js.
 * @module
 */
import { invalid, RevopsError } from '../core/errors.js';
import { readInteger, readObject, readFailure } from '../core/read.js';
import { nelderMeadLoop, simplexSize } from '../core/nelder-mead.js';

/** Options of {@link fitShiftedBetaGeometric}. */
export interface FitShiftedBetaGeometricOptions {
  /**
   * What the numbers are: `'counts'` (customers still active at `t = 0, 1, …`, integers,
   * the first the cohort size) or `'rates'` (the survival curve as fractions, starting at
   * 1). Rates give the same α̂, β̂ as counts; the log-likelihood is then per customer.
   * Default `'counts'`.
   */
  readonly input?: 'counts' | 'rates';
  /** Largest number of Nelder–Mead iterations per restart: an integer from 1 to 10,000. Default `2000`. */
  readonly maxIterations?: number;
}

/** The result of {@link fitShiftedBetaGeometric}. */
export interface ShiftedBetaGeometricFit {
  /** α̂ (maximum-likelihood estimate). */
  readonly alpha: number;
  /** β̂ (maximum-likelihood estimate). */
  readonly beta: number;
  /** The maximised log-likelihood (per customer for `input: 'rates'`). */
  readonly logLikelihood: number;
  /**
   * Whether the optimiser converged: the simplex collapsed (spread of log-likelihoods below
   * 1e-12 relative, of log-parameters below 1e-9) and two consecutive restarts agreed, with
   * both parameters inside [1e-8, 1e8].
   */
  readonly converged: boolean;
  /** Nelder–Mead iterations used, over all restarts. */
  readonly iterations: number;
}

type Point = [number, number];

/** Most Nelder–Mead iterations per restart a caller may ask for. */
const MAX_ITERATIONS = 10_000;
/** Most values in a survival curve (1,000 periods: eighty years of months); with the iteration bound, a fit stays
 * within about two seconds. */
const MAX_PERIODS = 1_000;

/**
 * Log-likelihood of (α, β) = exp(p). Lost[t-1] customers churned in period t; `survivors` remain
 * after the last period.
 */
function logLikelihood(p: Point, lost: readonly number[], survivors: number): number {
  const alpha = Math.exp(p[0]);
  const beta = Math.exp(p[1]);
  if (!Number.isFinite(alpha) || !Number.isFinite(beta) || alpha <= 0 || beta <= 0) return -Infinity;
  let lnS = 0; // ln S(t-1)
  let ll = 0;
  for (let t = 1; t <= lost.length; t++) {
    const n = lost[t - 1] as number;
    // P(T = t) = S(t−1) · α / (α + β + t − 1)
    if (n > 0) ll += n * (lnS + Math.log(alpha / (alpha + beta + t - 1)));
    lnS += Math.log((beta + t - 1) / (alpha + beta + t - 1));
  }
  if (survivors > 0) ll += survivors * lnS;
  return ll;
}

interface NelderMeadResult {
  point: Point;
  value: number;
  iterations: number;
  collapsed: boolean;
}

/**
 * Maximises f by Nelder–Mead (core's shared loop: coefficients 1, 2,
 * 0.5, 0.5, unbounded) from the simplex {start, start + step·e₁, start + step·e₂}. Stops
 * ("collapsed") when the spread of −f over the simplex is ≤ 1e-12·(1 + |best|) and every vertex
 * is within 1e-9 of the best per coordinate, or after `maxIterations` iterations. NaN counts as −∞.
 */
function nelderMead(f: (p: Point) => number, start: Point, step: number, maxIterations: number): NelderMeadResult {
  const g = (p: readonly number[]): number => {
    const v = -f([p[0] as number, p[1] as number]);
    return Number.isNaN(v) ? Infinity : v;
  };
  const points: Point[] = [start, [start[0] + step, start[1]], [start[0], start[1] + step]];
  const run = nelderMeadLoop(g, points, points.map(g), {
    maxIterations,
    converged: (p, v) =>
      Math.abs((v[2] as number) - (v[0] as number)) <= 1e-12 * (1 + Math.abs(v[0] as number)) && simplexSize(p) <= 1e-9,
  });
  const best = run.points[0] as number[];
  return {
    point: [best[0] as number, best[1] as number],
    value: -(run.values[0] as number),
    iterations: run.iterations,
    collapsed: run.converged,
  };
}

function readCurve(data: readonly number[], input: 'counts' | 'rates'): number[] {
  if (!Array.isArray(data) || data.length < 2)
    throw invalid('INSUFFICIENT_DATA', 'survivors', data, 'must be an array of at least 2 values (t = 0 and t = 1)');
  if (data.length > MAX_PERIODS)
    throw invalid('INVALID_INPUT', 'survivors', data.length, `must hold at most ${MAX_PERIODS} values (periods)`);
  const out: number[] = [];
  for (let i = 0; i < data.length; i++) {
    const v: unknown = data[i];
    const field = `survivors[${i}]`;
    if (input === 'counts') {
      readInteger(v, field);
    } else if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 1) {
      throw invalid('INVALID_RATE', field, v, 'must be a fraction in [0, 1]');
    }
    if (i > 0 && (v as number) > (out[i - 1] as number)) {
      throw invalid(
        input === 'counts' ? 'INVALID_COUNT' : 'INVALID_RATE',
        field,
        v,
        `must not exceed the previous value ${out[i - 1]} (survivors only decrease)`,
      );
    }
    out.push(v as number);
  }
  if (input === 'rates' && out[0] !== 1)
    throw invalid('INVALID_RATE', 'survivors[0]', out[0], 'must be 1 (the survival curve starts at 100%)');
  if (out[0] === 0) throw invalid('INVALID_COUNT', 'survivors[0]', 0, 'must be > 0 (an empty cohort)');
  return out;
}

/**
 * Fits the shifted-beta-geometric model to one cohort by maximum likelihood.
 *
 * Likelihood (Fader & Hardie 2007, eq. 7): with `n_t = S_{t−1} − S_t` customers lost in
 * period `t = 1..T` and `S_T` still active, `LL(α, β) = Σ_t n_t ln P(T = t) + S_T ln S(T)`,
 * `P(T = t) = S(t − 1) · α / (α + β + t − 1)`, computed in log space.
 *
 * Optimiser: Nelder–Mead on `(ln α, ln β)` (so both stay positive), started at α = β = 1,
 * then restarted from the best point with a fresh simplex until two consecutive restarts
 * agree (at most 10 restarts) — restarts guard against Nelder–Mead's false convergence.
 *
 * Data that look homogeneous (a constant retention rate, i.e. a plain geometric curve) have
 * their maximum at α, β → ∞ with α/(α+β) fixed: the fit then walks far out, returns the
 * finite point where it stopped with `converged: false` (parameters beyond 1e8), and
 * `α/(α+β)` is still the churn estimate.
 *
 * Reproduces Fader & Hardie's published estimates: "regular" α̂ = 0.704, β̂ = 1.182;
 * "high end" α̂ = 0.668, β̂ = 3.806 (years 0–7 of their 1,000-customer cohorts).
 *
 * @param survivors - customers still active at `t = 0, 1, …, T` (`input: 'counts'`), or the
 *   survival curve (`input: 'rates'`); non-increasing, from 2 to 1,000 values.
 * @param options - see {@link FitShiftedBetaGeometricOptions}.
 * @returns α̂, β̂, the log-likelihood, `converged` and the iterations used.
 * @throws {RevopsError} `INSUFFICIENT_DATA` for fewer than two values, or a curve with no
 *   finite maximum: nobody churned (α̂ → 0), or everybody churned in period 1 (β̂ → 0).
 * @throws {RevopsError} `INVALID_COUNT` for a count that is not an integer ≥ 0, an increase,
 *   or an empty cohort.
 * @throws {RevopsError} `INVALID_RATE` for a rate outside [0, 1], an increase, or a curve not starting at 1.
 * @throws {RevopsError} `INVALID_OPTION` for an unknown `input` or a `maxIterations` that is not an integer from 1 to
 *   10,000.
 * @throws {RevopsError} `INVALID_INPUT` for more than 1,000 values.
 * @example
 * ```ts
 * import { fitShiftedBetaGeometric } from 'revops/retention';
 * const fit = fitShiftedBetaGeometric([1000, 869, 743, 653, 593, 551, 517, 491]);
 * [Math.round(fit.alpha * 1000) / 1000, Math.round(fit.beta * 1000) / 1000, fit.converged];
 * //=> [0.668, 3.806, true]
 * fitShiftedBetaGeometric([100, 100, 100]);
 * //=> throws INSUFFICIENT_DATA
 * ```
 */
export function fitShiftedBetaGeometric(
  survivors: readonly number[],
  options: FitShiftedBetaGeometricOptions = {},
): ShiftedBetaGeometricFit {
  try {
    readObject(options, 'options', 'INVALID_OPTION');
    const input = options.input ?? 'counts';
    if (input !== 'counts' && input !== 'rates')
      throw invalid('INVALID_OPTION', 'options.input', input, "must be 'counts' or 'rates'");
    const maxIterations = readInteger(options.maxIterations ?? 2000, 'options.maxIterations', {
      min: 1,
      max: MAX_ITERATIONS,
      code: 'INVALID_OPTION',
    });
    const curve = readCurve(survivors, input);
    const start = curve[0] as number;
    const lost: number[] = [];
    for (let t = 1; t < curve.length; t++) lost.push((curve[t - 1] as number) - (curve[t] as number));
    const remaining = curve[curve.length - 1] as number;
    if (remaining === start) {
      throw new RevopsError(
        'INSUFFICIENT_DATA',
        'survivors show no churn at all, so the likelihood has no finite maximum (α̂ → 0)',
        { field: 'survivors', value: survivors },
      );
    }
    if ((curve[1] as number) === 0) {
      throw new RevopsError(
        'INSUFFICIENT_DATA',
        'every customer churned in period 1, so the likelihood has no finite maximum (β̂ → 0)',
        { field: 'survivors', value: survivors },
      );
    }
    const f = (p: Point): number => logLikelihood(p, lost, remaining);
    let best = nelderMead(f, [0, 0], 0.5, maxIterations);
    let iterations = best.iterations;
    let agreed = false;
    for (let restart = 0; restart < 10 && !agreed; restart++) {
      const next = nelderMead(f, best.point, 0.05, maxIterations);
      iterations += next.iterations;
      agreed =
        next.collapsed &&
        Math.abs(next.value - best.value) <= 1e-10 * (1 + Math.abs(best.value)) &&
        Math.abs(next.point[0] - best.point[0]) <= 1e-7 &&
        Math.abs(next.point[1] - best.point[1]) <= 1e-7;
      if (next.value >= best.value) best = next;
    }
    const alpha = Math.exp(best.point[0]);
    const beta = Math.exp(best.point[1]);
    const inside = alpha >= 1e-8 && alpha <= 1e8 && beta >= 1e-8 && beta <= 1e8;
    return { alpha, beta, logLikelihood: best.value, converged: agreed && inside, iterations };
  } catch (thrown) {
    throw readFailure(thrown, { survivors, options });
  }
}
