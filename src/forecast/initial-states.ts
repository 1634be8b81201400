/**
 * Initial states of the exponential-smoothing recursions: given, heuristic, or the box in
 * which `holtWinters` estimates them.
 * @module
 */
import { invalid } from '../core/errors.js';
import type { EtsInitial, EtsSpec } from './ets-recursion.js';

/** The shape of `HoltWintersOptions.initial`. @internal */
export interface InitialStatesInput {
  readonly level: number;
  readonly trend?: number;
  readonly seasonal?: readonly number[];
}

/** The simple heuristic initial states (Hyndman & Athanasopoulos fpp2 §7.6; statsmodels `initialization_simple`). */
/** @internal */
export function heuristicInitial(y: Float64Array, spec: EtsSpec): EtsInitial {
  const m = spec.m;
  if (spec.seasonality === 'none') {
    if (spec.trend && y.length < 2)
      throw invalid(
        'INSUFFICIENT_DATA',
        'series',
        `${y.length} values`,
        'must have at least 2 values to initialise a trend',
      );
    return { level: y[0] as number, trend: spec.trend ? (y[1] as number) - (y[0] as number) : 0, seasonal: [] };
  }
  if (y.length < 2 * m)
    throw invalid(
      'INSUFFICIENT_DATA',
      'series',
      `${y.length} values`,
      `must have at least two full seasons (${2 * m} values) to initialise the seasonal states`,
    );
  let level = 0;
  for (let i = 0; i < m; i++) level += (y[i] as number) / m;
  let trend = 0;
  if (spec.trend) for (let i = 0; i < m; i++) trend += ((y[m + i] as number) - (y[i] as number)) / m / m;
  const seasonal: number[] = [];
  for (let i = 0; i < m; i++)
    seasonal.push(spec.seasonality === 'additive' ? (y[i] as number) - level : (y[i] as number) / level);
  return { level, trend, seasonal };
}

/** Validates given initial states. @internal */
export function readInitial(value: InitialStatesInput | undefined, spec: EtsSpec): EtsInitial {
  if (typeof value !== 'object' || value === null)
    throw invalid('INVALID_OPTION', 'options.initial', value, 'must be { level, trend?, seasonal? }');
  const finite = (v: unknown, field: string): number => {
    if (typeof v !== 'number' || !Number.isFinite(v))
      throw invalid('INVALID_OPTION', field, v, 'must be a finite number');
    return v;
  };
  const level = finite(value.level, 'options.initial.level');
  const trend = spec.trend ? finite(value.trend, 'options.initial.trend') : 0;
  const seasonal: number[] = [];
  if (spec.seasonality !== 'none') {
    if (!Array.isArray(value.seasonal) || value.seasonal.length !== spec.m) {
      throw invalid(
        'INVALID_OPTION',
        'options.initial.seasonal',
        value.seasonal,
        `must be ${spec.m} seasonal states, oldest first`,
      );
    }
    // an index loop: map would call an own `constructor` of the caller's array (ArraySpeciesCreate)
    const states = value.seasonal as readonly unknown[];
    for (let i = 0; i < states.length; i++) seasonal.push(finite(states[i], `options.initial.seasonal[${i}]`));
  }
  return { level, trend, seasonal };
}

/**
 * The search box for estimated initial states, appended to the smoothing parameters:
 * ℓ₀, b₀ (with a trend) and the first m − 1 seasonal states (oldest first); the last seasonal
 * state is implied by normalisation (additive states sum to 0, multiplicative ones to m, as
 * R's `ets`). Bounds scale with the data's range r: ℓ₀ ± 5r, b₀ ± r, additive sᵢ ± 2r,
 * multiplicative sᵢ ∈ [0.01, m]. Starts from the heuristic states, normalised.
 * @internal
 */
export function initialStateBox(
  y: Float64Array,
  spec: EtsSpec,
  heuristic: EtsInitial,
): { start: number[]; lower: number[]; upper: number[]; decode: (x: readonly number[]) => EtsInitial } {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of y) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const r = hi > lo ? hi - lo : Math.max(Math.abs(hi), 1e-12);
  const m = spec.m;
  const seasonal = spec.seasonality !== 'none';
  const mult = spec.seasonality === 'multiplicative';
  let s0 = [...heuristic.seasonal];
  if (seasonal) {
    const mean = s0.reduce((a, b) => a + b, 0) / m;
    s0 = s0.map((v) => (mult ? v / mean : v - mean));
  }
  const start = [heuristic.level];
  const lower = [heuristic.level - 5 * r];
  const upper = [heuristic.level + 5 * r];
  if (spec.trend) {
    start.push(heuristic.trend);
    lower.push(heuristic.trend - r);
    upper.push(heuristic.trend + r);
  }
  if (seasonal) {
    for (let i = 0; i < m - 1; i++) {
      start.push(s0[i] as number);
      lower.push(mult ? 0.01 : (s0[i] as number) - 2 * r);
      upper.push(mult ? m : (s0[i] as number) + 2 * r);
    }
  }
  const decode = (x: readonly number[]): EtsInitial => {
    const level = x[0] as number;
    const trend = spec.trend ? (x[1] as number) : 0;
    const first = x.slice(spec.trend ? 2 : 1);
    if (!seasonal) return { level, trend, seasonal: [] };
    const sum = first.reduce((a, b) => a + b, 0);
    return { level, trend, seasonal: [...first, mult ? m - sum : -sum] };
  };
  return { start, lower, upper, decode };
}
