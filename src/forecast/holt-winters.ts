/**
 * Holt-Winters exponential smoothing (level, optional additive or damped trend, optional
 * additive or multiplicative seasonality), fitted by least squares, with forecasts and
 * prediction intervals.
 * @module
 */
import { invalid } from '../core/errors.js';
import { etsForecast, etsRun, etsSse, type EtsSpec } from './ets-recursion.js';
import { initialStateProfile } from './initial-state-fit.js';
import { minimizeInBox } from './nelder-mead.js';
import {
  analyticIntervals,
  simulatedIntervals,
  varianceMultipliers,
  type PredictionInterval,
} from './prediction-intervals.js';
import { finiteOutput, readHorizon, readOptions, readPositiveInteger, readSeasonLength } from './checks.js';
import { smoothingSpace } from './smoothing-space.js';
import { readSeries } from './series.js';
import { heuristicInitial, initialStateBox, readInitial } from './initial-states.js';
import { readFailure } from '../core/read.js';

/** Most values the simulated intervals keep (horizon × simulations). */
const MAX_SIMULATED_VALUES = 10_000_000;

/** Options of {@link holtWinters}. */
export interface HoltWintersOptions {
  /** Season length m (12 for monthly data with a yearly pattern, 4 for quarterly). Required with seasonality. */
  readonly seasonLength?: number;
  /** `'additive'` (default) or `'none'`. */
  readonly trend?: 'none' | 'additive';
  /** Damp the trend by φ. Default: `true` when `phi` is given, else `false`. */
  readonly damped?: boolean;
  /** Default `'additive'` when `seasonLength` > 1 is given, else `'none'`. */
  readonly seasonality?: 'none' | 'additive' | 'multiplicative';
  /**
   * Level smoothing α in the closed interval [0, 1] (α = 1 is the naive method, α = 0 a fixed level; anything else, NaN
   * included, is `INVALID_RATE`). Default: estimated in [0.0001, 0.9999].
   */
  readonly alpha?: number;
  /** Trend smoothing, in the convention of `parameterization`. Default: estimated. */
  readonly beta?: number;
  /** Seasonal smoothing γ in [0, 1] (the same in both conventions). Default: estimated. */
  readonly gamma?: number;
  /** Damping φ in (0, 1]. Default: estimated in [0.8, 0.98] when damped. */
  readonly phi?: number;
  /**
   * How `beta` is read: `'component'` (default) — the Holt-Winters component form's β*
   * (statsmodels `smoothing_trend`, R `HoltWinters`, NIST); `'errorCorrection'` — the ETS
   * state-space β = α·β* (R `forecast::ets`, statsmodels `ETSModel`).
   */
  readonly parameterization?: 'component' | 'errorCorrection';
  /**
   * Known initial states at time 0: ℓ₀, b₀ and the m seasonal states **oldest first**
   * (`seasonal[j]` is the state used for the observation at index j — R's `initstate` lists
   * them newest first: reverse it). Default: the simple heuristic (see {@link holtWinters}).
   */
  readonly initial?: { readonly level: number; readonly trend?: number; readonly seasonal?: readonly number[] };
  /**
   * Where the initial states come from when `initial` is not given: `'heuristic'` (default; the
   * simple start described in {@link holtWinters}) or `'estimated'` (chosen together with the
   * free smoothing parameters to minimise the SSE, the seasonal states normalised to sum to 0 —
   * or to m when multiplicative — as R's `ets` does).
   */
  readonly initialization?: 'heuristic' | 'estimated';
  /**
   * Number of periods to forecast, an integer from 1 to `LIMITS.horizon` (10,000). Default 2m with seasonality, else 10
   * (as R's `forecast`).
   */
  readonly horizon?: number;
  /** Coverage levels of the prediction intervals (fractions). Default `[0.8, 0.95]`. */
  readonly levels?: readonly number[];
  /**
   * Sample paths for simulated intervals (multiplicative seasonality), a positive integer up to 1,000,000. Default
   * 5,000.
   */
  readonly simulations?: number;
  /** Seed of the simulated intervals. Default `1`. */
  readonly seed?: number | string;
}

/** Smoothing parameters; `null` where the model has no such component. */
export interface SmoothingParameters {
  readonly alpha: number;
  readonly beta: number | null;
  readonly gamma: number | null;
  readonly phi: number | null;
}

/** Result of {@link holtWinters}. */
export interface HoltWintersFit {
  readonly model: {
    readonly trend: 'none' | 'additive';
    readonly damped: boolean;
    readonly seasonality: 'none' | 'additive' | 'multiplicative';
    readonly seasonLength: number;
  };
  /** Parameters in the component form (β = β*). */
  readonly parameters: SmoothingParameters;
  /** The same in the error-correction (ETS) form (β = α·β*), as R's `ets` prints them. */
  readonly errorCorrection: SmoothingParameters;
  /** Which parameters were estimated (the others were given). */
  readonly estimated: readonly ('alpha' | 'beta' | 'gamma' | 'phi')[];
  /** Initial states used (seasonal oldest first), and where they came from. */
  readonly initial: {
    readonly level: number;
    readonly trend: number | null;
    readonly seasonal: readonly number[] | null;
    readonly source: 'given' | 'heuristic' | 'estimated';
  };
  /** One-step forecasts ŷ₁…ŷₙ. */
  readonly fitted: readonly number[];
  /** yₜ − ŷₜ. */
  readonly residuals: readonly number[];
  /** Σ residuals². */
  readonly sse: number;
  /** sse / n. */
  readonly mse: number;
  /** sse / (n − k), k = smoothing parameters + initial states (as R's `ets`); `null` when n ≤ k. */
  readonly sigma2: number | null;
  /** Point forecasts for h = 1…horizon. */
  readonly forecast: readonly number[];
  /** Prediction intervals (empty when `sigma2` is null or no `levels` are asked for). */
  readonly intervals: readonly PredictionInterval[];
  /** How the intervals were computed. */
  readonly intervalMethod: 'analytic' | 'simulation' | 'none';
}

/**
 * Holt-Winters exponential smoothing: fits (or takes) the smoothing parameters, runs the
 * recursion over the series and forecasts `horizon` periods ahead with prediction intervals.
 *
 * Model (ETS error-correction form, additive errors; fpp3 §8, Hyndman et al. 2008): see
 * the recursions in `ets-recursion.ts`: ŷ = ℓ + φb (+ s, or × s); ℓ ← ℓ + φb + αe (e/s when
 * multiplicative); b ← φb + βe; s ← s + γe (γe/(ℓ+φb) when multiplicative).
 *
 * **Two conventions for the trend constant.** The error-correction (ETS) β equals α times
 * the component-form β* (ℓₜ = α(yₜ − sₜ₋ₘ) + (1−α)(ℓₜ₋₁ + bₜ₋₁), bₜ = β*(ℓₜ − ℓₜ₋₁) +
 * (1−β*)bₜ₋₁). `beta` is read as β* unless `parameterization: 'errorCorrection'`; the result
 * reports both. γ is the same in both (fpp3's seasonal equation uses yₜ − ℓₜ₋₁ − bₜ₋₁).
 * Worked number: R's `ets` prints α = 0.20281952, β = 0.00016979; the same model here is
 * `{ alpha: 0.20281952, beta: 0.00016979, parameterization: 'errorCorrection' }` or, in the
 * default convention, `{ alpha: 0.20281952, beta: 0.000837 }` (β* = 0.00016979 / 0.20281952 =
 * 0.00083715). Passing R's 0.00016979 as β* instead would make the trend adapt about 4.9 times more slowly.
 *
 * **Initial states.** Given ones are used as is (seasonal oldest first — the reverse of R's
 * `initstate`). Otherwise the simple heuristic: without seasonality ℓ₀ = y₁, b₀ = y₂ − y₁;
 * with it (needs two full seasons) ℓ₀ = mean of the first season, b₀ = mean of
 * (y_{m+i} − y_i)/m over the first two seasons, sᵢ = yᵢ − ℓ₀ (or yᵢ/ℓ₀).
 *
 * **Fitting.** Parameters not given are chosen to minimise the sum of squared one-step
 * errors, by a bounded Nelder–Mead search (started from the best point of a small grid,
 * restarted until it stops improving) over the usual region: α, β* ∈ [0.0001, 0.9999],
 * γ ∈ [0.0001, 0.9999·(1 − α)] (so 0 < γ < 1 − α, as R's `ets`), φ ∈ [0.8, 0.98]. The
 * initial states are the heuristic ones unless `initialization: 'estimated'`, which chooses
 * them too (R's `ets` estimates them; with R's parameters and states given, fitted values and
 * forecasts agree with R's): for each candidate of the smoothing parameters the states are
 * the least-squares ones (variable projection, Golub & Pereyra 1973: the one-step errors are
 * linear in the initial states with additive or no seasonality, so one Gauss–Newton step
 * finds them exactly; with multiplicative seasonality Gauss–Newton is iterated), inside a box
 * scaled by the data's range r (ℓ₀ ± 5r, b₀ ± r, additive sᵢ ± 2r, multiplicative sᵢ in
 * [0.01, m]). The search then runs over the smoothing parameters only.
 *
 * **Intervals.** σ² = SSE/(n − k), k = number of smoothing parameters plus initial states
 * (1 + trend + m − 1 seasonal), as R's `ets`. Additive or no seasonality: analytic, the
 * ETS class-1 variance σ²(1 + Σ_{j<h} c_j²), c_j = α + β(φ + … + φʲ) + γ[j mod m = 0]
 * (Hyndman et al. 2008 Table 6.1). Multiplicative seasonality: no closed form; `simulations`
 * seeded sample paths with N(0, σ²) errors, and type-7 quantiles (R's default `quantile`).
 *
 * @param series - the observations, oldest first (finite numbers; positive for multiplicative seasonality).
 * @param options - see {@link HoltWintersOptions}.
 * @returns a {@link HoltWintersFit}.
 * @throws {RevopsError} `INVALID_INPUT` when `series` is not an array of finite numbers, has a zero or negative value
 *   with multiplicative seasonality (the message names its index), or has values so large that a forecast or
 *   interval would overflow to Infinity.
 * @throws {RevopsError} `INVALID_OPTION` for a contradictory or out-of-range option (a non-integer horizon or season
 *   length, more than 1,000,000 simulations, a horizon above `LIMITS.horizon`, horizon × simulations above 10,000,000
 *   with multiplicative seasonality, …).
 * @throws {RevopsError} `INVALID_RATE` for a smoothing parameter or level outside [0, 1].
 * @throws {RevopsError} `INSUFFICIENT_DATA` when the series is too short for the model or its initial states.
 * @throws {RevopsError} `INVALID_SEED` for a bad seed.
 * @example
 * ```ts
 * import { holtWinters } from 'revops/forecast';
 * // Holt's linear method on fpp2 `ausair` 1990–2004, α = 0.8, β* = 0.2, ℓ₀ = y₁, b₀ = y₂ − y₁
 * // (statsmodels test_holtwinters.py::test_holt publishes forecast(5) = 43.76 45.59 47.43 49.27 51.10).
 * const air = [17.5534, 21.8601, 23.8866, 26.9293, 26.8885, 28.8314, 30.0751, 30.9535, 30.1857, 31.5797,
 *   32.577569, 33.477398, 39.021581, 41.386432, 41.596552];
 * const fit = holtWinters(air, { alpha: 0.8, beta: 0.2, horizon: 5 });
 * fit.forecast.map((v) => Math.round(v * 100) / 100);
 * //=> [43.76, 45.59, 47.43, 49.27, 51.1]
 * fit.errorCorrection.beta === 0.8 * 0.2;
 * //=> true
 * ```
 */
export function holtWinters(series: readonly number[], options: HoltWintersOptions = {}): HoltWintersFit {
  try {
    const o = readOptions(options);
    const y = readSeries(series, 'series');
    const trend = o.trend ?? 'additive';
    if (trend !== 'none' && trend !== 'additive')
      throw invalid('INVALID_OPTION', 'options.trend', trend, "must be 'none' or 'additive'");
    const damped = o.damped ?? o.phi !== undefined;
    if (damped && trend === 'none') throw invalid('INVALID_OPTION', 'options.damped', damped, 'needs a trend');
    if (!damped && o.phi !== undefined) throw invalid('INVALID_OPTION', 'options.phi', o.phi, 'needs damped: true');
    const seasonLength =
      o.seasonLength === undefined ? undefined : readSeasonLength(o.seasonLength, 'options.seasonLength');
    const seasonality = o.seasonality ?? (seasonLength !== undefined && seasonLength > 1 ? 'additive' : 'none');
    if (seasonality !== 'none' && seasonality !== 'additive' && seasonality !== 'multiplicative') {
      throw invalid(
        'INVALID_OPTION',
        'options.seasonality',
        seasonality,
        "must be 'none', 'additive' or 'multiplicative'",
      );
    }
    let m = 1;
    if (seasonality === 'none' && seasonLength !== undefined && seasonLength !== 1) {
      throw invalid('INVALID_OPTION', 'options.seasonLength', seasonLength, "contradicts seasonality: 'none'");
    }
    if (seasonality !== 'none') {
      m = readSeasonLength(seasonLength, 'options.seasonLength');
      if (m < 2) throw invalid('INVALID_OPTION', 'options.seasonLength', m, 'must be at least 2 with seasonality');
    }
    if (seasonality === 'multiplicative') {
      const bad = y.findIndex((v) => v <= 0);
      if (bad >= 0)
        throw invalid(
          'INVALID_INPUT',
          `series[${bad}]`,
          y[bad],
          'must be positive for multiplicative seasonality (use additive seasonality for series with zeros)',
        );
    }
    const parameterization = o.parameterization ?? 'component';
    if (parameterization !== 'component' && parameterization !== 'errorCorrection') {
      throw invalid(
        'INVALID_OPTION',
        'options.parameterization',
        parameterization,
        "must be 'component' or 'errorCorrection'",
      );
    }
    const spec: EtsSpec = { trend: trend === 'additive', seasonality, m };
    const horizon = readHorizon(o.horizon ?? (seasonality === 'none' ? 10 : 2 * m), 'options.horizon');
    const levels = o.levels ?? [0.8, 0.95];
    if (!Array.isArray(levels))
      throw invalid('INVALID_OPTION', 'options.levels', levels, 'must be an array of fractions');
    levels.forEach((l, i) => {
      if (typeof l !== 'number' || !(l > 0 && l < 1))
        throw invalid('INVALID_RATE', `options.levels[${i}]`, l, 'must be a fraction strictly between 0 and 1');
    });
    const simulations = readPositiveInteger(o.simulations ?? 5000, 'options.simulations', 1_000_000);
    // The simulated intervals keep horizon × simulations values (8 bytes each): at most 10,000,000 (80 MB).
    if (seasonality === 'multiplicative' && levels.length > 0 && horizon * simulations > MAX_SIMULATED_VALUES) {
      throw invalid(
        'INVALID_OPTION',
        'options.simulations',
        simulations,
        `times o.horizon (${horizon}) must be at most 10,000,000 simulated values`,
      );
    }
    const seed = o.seed ?? 1;
    const given = o.initial !== undefined;
    const initialization = o.initialization ?? 'heuristic';
    if (initialization !== 'heuristic' && initialization !== 'estimated') {
      throw invalid('INVALID_OPTION', 'options.initialization', initialization, "must be 'heuristic' or 'estimated'");
    }
    if (given && o.initialization !== undefined) {
      throw invalid(
        'INVALID_OPTION',
        'options.initialization',
        initialization,
        'contradicts o.initial (given states are used as they are)',
      );
    }
    const estimateStates = !given && initialization === 'estimated';
    let init = given ? readInitial(o.initial, spec) : heuristicInitial(y, spec);
    const box = estimateStates ? initialStateBox(y, spec, init) : undefined;
    if (box !== undefined) init = box.decode(box.start);

    const { free, lower, upper, grid, toParameters } = smoothingSpace(o, spec, damped, parameterization);
    let x: number[] = [];
    const nFree = free.length;
    // Estimated states: for each candidate of the smoothing parameters, the least-squares states
    // (initial-state-fit.ts), so the search runs over the smoothing parameters only.
    const profile = box === undefined ? undefined : initialStateProfile(y, spec, box);
    const scratch = new Float64Array(m);
    const fixedInit = init;
    const sse = (v: readonly number[]): number =>
      profile === undefined ? etsSse(y, spec, toParameters(v), fixedInit, scratch) : profile.sse(toParameters(v));
    if (nFree > 0) {
      // Best smoothing parameters on a small grid, then Nelder–Mead from there.
      let start: number[] = [];
      let startValue = Infinity;
      const walk = (k: number, acc: number[]): void => {
        if (k === grid.length) {
          const v = acc.map((a, i) => Math.min(upper[i] as number, Math.max(lower[i] as number, a)));
          const f = sse(v);
          if (f < startValue || start.length === 0) {
            start = v;
            startValue = f;
          }
          return;
        }
        for (const g of grid[k] as number[]) walk(k + 1, [...acc, g]);
      };
      walk(0, []);
      x = minimizeInBox(
        sse,
        start,
        lower,
        upper,
        profile === undefined ? {} : { fTolerance: 1e-10, xTolerance: 1e-8 },
      ).x;
    }
    if (profile !== undefined && box !== undefined) {
      profile.sse(toParameters(x));
      init = box.decode(profile.states());
    }
    const p = toParameters(x.slice(0, nFree));
    const n = y.length;
    const fittedArr = new Float64Array(n);
    const run = etsRun(y, spec, p, init, fittedArr);
    if (!Number.isFinite(run.sse))
      throw invalid(
        'INSUFFICIENT_DATA',
        'series',
        `${n} values`,
        'gives a non-finite fit (a level or seasonal state reached zero)',
      );
    const fitted = Array.from(fittedArr);
    const residuals = fitted.map((f, i) => (y[i] as number) - f);
    // k = smoothing parameters (α, β, γ, φ present in the model) + initial states (ℓ₀, b₀, m − 1 free seasonal states).
    const seasonalModel = seasonality !== 'none';
    const k =
      1 +
      (spec.trend ? 1 : 0) +
      (seasonalModel ? 1 : 0) +
      (damped ? 1 : 0) +
      1 +
      (spec.trend ? 1 : 0) +
      (seasonalModel ? m - 1 : 0);
    const sigma2 = n > k ? run.sse / (n - k) : null;
    const forecast = etsForecast(spec, p, run.state, n, horizon);
    let intervals: PredictionInterval[] = [];
    let intervalMethod: HoltWintersFit['intervalMethod'] = 'none';
    if (sigma2 !== null && levels.length > 0) {
      if (seasonality === 'multiplicative') {
        intervals = simulatedIntervals(spec, p, run.state, n, horizon, sigma2, levels, simulations, seed);
        intervalMethod = 'simulation';
      } else {
        intervals = analyticIntervals(forecast, varianceMultipliers(spec, p, horizon), sigma2, levels);
        intervalMethod = 'analytic';
      }
    }
    const betaStar =
      p.alpha === 0 ? (parameterization === 'component' && o.beta !== undefined ? o.beta : 0) : p.beta / p.alpha;
    const result: HoltWintersFit = {
      model: { trend, damped, seasonality, seasonLength: m },
      parameters: {
        alpha: p.alpha,
        beta: spec.trend ? betaStar : null,
        gamma: seasonality === 'none' ? null : p.gamma,
        phi: damped ? p.phi : null,
      },
      errorCorrection: {
        alpha: p.alpha,
        beta: spec.trend ? p.beta : null,
        gamma: seasonality === 'none' ? null : p.gamma,
        phi: damped ? p.phi : null,
      },
      estimated: free,
      initial: {
        level: init.level,
        trend: spec.trend ? init.trend : null,
        seasonal: seasonality === 'none' ? null : [...init.seasonal],
        source: given ? 'given' : initialization,
      },
      fitted,
      residuals,
      sse: run.sse,
      mse: run.sse / n,
      sigma2,
      forecast,
      intervals,
      intervalMethod,
    };
    return finiteOutput(result, 'series', `${n} values`);
  } catch (thrown) {
    throw readFailure(thrown, { series, options });
  }
}
