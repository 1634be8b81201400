/**
 * Prediction intervals of the exponential-smoothing forecasts: analytic for additive (and no)
 * seasonality, simulated for multiplicative seasonality.
 * @module
 */
import { createRng } from '../core/random.js';
import type { EtsParameters, EtsSpec, EtsState } from './ets-recursion.js';
import { normalQuantile } from '../core/normal.js';
import { quantileSorted } from '../core/quantile.js';

/**
 * A central prediction interval at one coverage level, for h = 1…horizon. Method (reported by
 * `HoltWintersFit.intervalMethod`): `'analytic'` — ŷ_h ± z_{(1+L)/2}·√(σ²·(1 + Σ_{j<h} c_j²)),
 * c_j = α + β(φ + … + φʲ) + γ[j mod m = 0], the ETS class-1 variance (Hyndman et al. 2008,
 * Table 6.1), σ² = SSE/(n − k) as R's `ets`, z from Wichura's AS 241; `'simulation'`
 * (multiplicative seasonality) — seeded sample paths with N(0, σ²) additive errors, and the
 * (1 − L)/2 and (1 + L)/2 type-7 quantiles of the simulated values. Units: those of the series.
 */
export interface PredictionInterval {
  /** Coverage L, a fraction (0.95). */
  readonly level: number;
  /** Lower bounds for h = 1…horizon. */
  readonly lower: readonly number[];
  /** Upper bounds for h = 1…horizon. */
  readonly upper: readonly number[];
}

/**
 * Forecast variance multipliers v_h/σ² = 1 + Σ_{j=1}^{h−1} c_j² of the linear (class 1)
 * ETS models, c_j = α + β·(φ + … + φʲ) + γ·[j mod m = 0] (Hyndman et al. 2008, Table 6.1;
 * fpp3 §8.7).
 * @internal
 */
export function varianceMultipliers(spec: EtsSpec, p: EtsParameters, horizon: number): number[] {
  const out: number[] = [];
  let acc = 1;
  let phiSum = 0;
  let phiPow = 1;
  for (let h = 1; h <= horizon; h++) {
    out.push(acc);
    // Add c_h² for the next horizon.
    phiPow *= p.phi;
    phiSum += phiPow;
    const seasonalHit = spec.seasonality !== 'none' && h % spec.m === 0 ? p.gamma : 0;
    const c = p.alpha + (spec.trend ? p.beta * phiSum : 0) + seasonalHit;
    acc += c * c;
  }
  return out;
}

/** Analytic intervals ŷ_h ± z_{(1+L)/2} σ √(v_h/σ²). @internal */
export function analyticIntervals(
  forecast: readonly number[],
  multipliers: readonly number[],
  sigma2: number,
  levels: readonly number[],
): PredictionInterval[] {
  return levels.map((level) => {
    const z = normalQuantile((1 + level) / 2);
    const half = multipliers.map((v) => z * Math.sqrt(sigma2 * v));
    return {
      level,
      lower: forecast.map((f, i) => f - (half[i] as number)),
      upper: forecast.map((f, i) => f + (half[i] as number)),
    };
  });
}

/**
 * Simulated intervals: `paths` future sample paths of the additive-error recursion with
 * errors N(0, σ²) drawn from `createRng(seed).normal()` (path by path, horizon by horizon),
 * and the (1 − L)/2 and (1 + L)/2 type-7 quantiles of the simulated values at each horizon.
 * @internal
 */
export function simulatedIntervals(
  spec: EtsSpec,
  p: EtsParameters,
  state: EtsState,
  n: number,
  horizon: number,
  sigma2: number,
  levels: readonly number[],
  paths: number,
  seed: number | string,
): PredictionInterval[] {
  const rng = createRng(seed);
  const sigma = Math.sqrt(sigma2);
  const sims: Float64Array[] = [];
  for (let h = 0; h < horizon; h++) sims.push(new Float64Array(paths));
  const seas = new Float64Array(spec.m);
  const mult = spec.seasonality === 'multiplicative';
  const seasonal = spec.seasonality !== 'none';
  for (let k = 0; k < paths; k++) {
    let l = state.level;
    let b = state.trend;
    seas.set(state.seasonal);
    for (let h = 1; h <= horizon; h++) {
      const pb = p.phi * b;
      const base = l + pb;
      const j = seasonal ? (n + h - 1) % spec.m : 0;
      const s = seasonal ? (seas[j] as number) : mult ? 1 : 0;
      const yhat = mult ? base * s : base + s;
      const e = sigma * rng.normal();
      (sims[h - 1] as Float64Array)[k] = yhat + e;
      if (mult) {
        l = base + (p.alpha * e) / s;
        b = pb + (p.beta * e) / s;
        seas[j] = s + (p.gamma * e) / base;
      } else {
        l = base + p.alpha * e;
        b = pb + p.beta * e;
        if (seasonal) seas[j] = s + p.gamma * e;
      }
    }
  }
  for (const s of sims) s.sort();
  return levels.map((level) => ({
    level,
    lower: sims.map((s) => quantileSorted(s, (1 - level) / 2)),
    upper: sims.map((s) => quantileSorted(s, (1 + level) / 2)),
  }));
}
