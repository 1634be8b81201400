/**
 * The exponential-smoothing recursions behind `holtWinters`, in the error-correction (ETS,
 * additive-error) form of Hyndman et al. (2008), *Forecasting with Exponential Smoothing*,
 * and fpp3 §8: for one-step forecast ŷₜ and error eₜ = yₜ − ŷₜ,
 *
 * - none:           ŷ = ℓ + φb;       ℓ ← ℓ + φb + αe;        b ← φb + βe
 * - additive:       ŷ = ℓ + φb + s;   ℓ ← ℓ + φb + αe;        b ← φb + βe;        s ← s + γe
 * - multiplicative: ŷ = (ℓ + φb)·s;   ℓ ← ℓ + φb + αe/s;      b ← φb + βe/s;      s ← s + γe/(ℓ + φb)
 *
 * (φ = 1 without damping; b ≡ 0 without trend). These are algebraically the Holt-Winters
 * component form with β* = β/α. Plain numbers on Float64Arrays.
 * @module
 */

/** The model's structure. @internal */
export interface EtsSpec {
  readonly trend: boolean;
  readonly seasonality: 'none' | 'additive' | 'multiplicative';
  /** Season length (1 without seasonality). */
  readonly m: number;
}

/** Smoothing parameters in the error-correction form (β = α·β*). @internal */
export interface EtsParameters {
  readonly alpha: number;
  readonly beta: number;
  readonly gamma: number;
  readonly phi: number;
}

/** Initial states: ℓ₀, b₀ and the m seasonal states oldest first (seasonal[j] is used for y at index j). @internal */
export interface EtsInitial {
  readonly level: number;
  readonly trend: number;
  readonly seasonal: readonly number[];
}

/**
 * Final state after the last observation; `seasonal[j]` is the latest state of season position j (time index mod m).
 * @internal
 */
export interface EtsState {
  readonly level: number;
  readonly trend: number;
  readonly seasonal: Float64Array;
}

/**
 * The sum of squared one-step errors only, for the parameter search: the same recursion as
 * {@link etsRun}, with the seasonal states copied into `scratch` (length m) so that an
 * evaluation allocates nothing. Non-finite sums are returned as +Infinity.
 * @internal
 */
export function etsSse(
  y: Float64Array,
  spec: EtsSpec,
  p: EtsParameters,
  init: EtsInitial,
  scratch: Float64Array,
): number {
  const { alpha, beta, gamma, phi } = p;
  const m = spec.m;
  const seasonal = spec.seasonality !== 'none';
  const mult = spec.seasonality === 'multiplicative';
  if (seasonal) for (let i = 0; i < m; i++) scratch[i] = init.seasonal[i] as number;
  let l = init.level;
  let b = spec.trend ? init.trend : 0;
  let sse = 0;
  const n = y.length;
  for (let t = 0; t < n; t++) {
    const pb = phi * b;
    const base = l + pb;
    const j = seasonal ? t % m : 0;
    const st = seasonal ? (scratch[j] as number) : 0;
    const e = (y[t] as number) - (mult ? base * st : base + st);
    sse += e * e;
    if (mult) {
      const r = e / st;
      l = base + alpha * r;
      b = pb + beta * r;
      scratch[j] = st + (gamma * e) / base;
    } else {
      l = base + alpha * e;
      b = pb + beta * e;
      if (seasonal) scratch[j] = st + gamma * e;
    }
  }
  return Number.isFinite(sse) ? sse : Infinity;
}

/**
 * Runs the recursion over `y`; returns the sum of squared one-step errors and, when `fitted`
 * is given, writes the one-step forecasts into it. `NaN`/`Infinity` propagate (the fitter
 * treats them as +Infinity).
 * @internal
 */
export function etsRun(
  y: Float64Array,
  spec: EtsSpec,
  p: EtsParameters,
  init: EtsInitial,
  fitted?: Float64Array,
): { sse: number; state: EtsState } {
  const { alpha, beta, gamma, phi } = p;
  const m = spec.m;
  const s = Float64Array.from(spec.seasonality === 'none' ? [] : init.seasonal);
  let l = init.level;
  let b = spec.trend ? init.trend : 0;
  let sse = 0;
  const n = y.length;
  const mult = spec.seasonality === 'multiplicative';
  const seasonal = spec.seasonality !== 'none';
  for (let t = 0; t < n; t++) {
    const pb = phi * b;
    const base = l + pb;
    const j = seasonal ? t % m : 0;
    const st = seasonal ? (s[j] as number) : mult ? 1 : 0;
    const yhat = mult ? base * st : base + st;
    const e = (y[t] as number) - yhat;
    if (fitted !== undefined) fitted[t] = yhat;
    sse += e * e;
    if (mult) {
      l = base + (alpha * e) / st;
      b = pb + (beta * e) / st;
      s[j] = st + (gamma * e) / base;
    } else {
      l = base + alpha * e;
      b = pb + beta * e;
      if (seasonal) s[j] = st + gamma * e;
    }
  }
  return { sse, state: { level: l, trend: spec.trend ? b : 0, seasonal: s } };
}

/**
 * Point forecasts h = 1…H after `n` observations: ŷ = ℓ + (φ + … + φʰ)b, plus (or times)
 * the latest seasonal state of the same season position.
 * @internal
 */
export function etsForecast(spec: EtsSpec, p: EtsParameters, state: EtsState, n: number, horizon: number): number[] {
  const out: number[] = [];
  let phiSum = 0;
  let phiPow = 1;
  for (let h = 1; h <= horizon; h++) {
    phiPow *= p.phi;
    phiSum += phiPow;
    const base = state.level + phiSum * state.trend;
    if (spec.seasonality === 'none') out.push(base);
    else {
      const s = state.seasonal[(n + h - 1) % spec.m] as number;
      out.push(spec.seasonality === 'multiplicative' ? base * s : base + s);
    }
  }
  return out;
}
