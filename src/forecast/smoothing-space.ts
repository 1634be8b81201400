/**
 * The smoothing parameters of `holtWinters`: which are given, which are searched, the search
 * box (the usual region of Hyndman et al. 2008) and the map from search coordinates to the
 * error-correction parameters.
 * @module
 */
import { invalid } from '../core/errors.js';
import type { EtsParameters, EtsSpec } from './ets-recursion.js';
import { checkFraction } from './checks.js';

const LO = 1e-4;
const HI = 0.9999;

/** A smoothing parameter's name. @internal */
export type SmoothingName = 'alpha' | 'beta' | 'gamma' | 'phi';

/** The parameter search space. @internal */
export interface SmoothingSpace {
  /** Names of the searched parameters, in coordinate order. */
  readonly free: SmoothingName[];
  readonly lower: number[];
  readonly upper: number[];
  /** Start grid per coordinate. */
  readonly grid: number[][];
  /**
   * Coordinates → ETS parameters. Coordinates are α, β* (component form: β = α·β*), g with
   * γ = g·(1 − α) (so 0 < γ < 1 − α), and φ.
   */
  readonly toParameters: (x: readonly number[]) => EtsParameters;
}

/**
 * Validates the given smoothing parameters and builds the search space for the others.
 * @internal
 */
export function smoothingSpace(
  options: { readonly alpha?: number; readonly beta?: number; readonly gamma?: number; readonly phi?: number },
  spec: EtsSpec,
  damped: boolean,
  parameterization: 'component' | 'errorCorrection',
): SmoothingSpace {
  // Fixed parameters.
  const fixedAlpha = options.alpha === undefined ? undefined : checkFraction(options.alpha, 'options.alpha');
  const fixedBeta = !spec.trend || options.beta === undefined ? undefined : checkFraction(options.beta, 'options.beta');
  if (!spec.trend && options.beta !== undefined)
    throw invalid('INVALID_OPTION', 'options.beta', options.beta, 'needs a trend');
  const fixedGamma =
    spec.seasonality === 'none' || options.gamma === undefined
      ? undefined
      : checkFraction(options.gamma, 'options.gamma');
  if (spec.seasonality === 'none' && options.gamma !== undefined)
    throw invalid('INVALID_OPTION', 'options.gamma', options.gamma, 'needs seasonality');
  let fixedPhi: number | undefined;
  if (options.phi !== undefined) {
    if (typeof options.phi !== 'number' || !(options.phi > 0 && options.phi <= 1))
      throw invalid('INVALID_OPTION', 'options.phi', options.phi, 'must be in (0, 1]');
    fixedPhi = options.phi;
  }
  if (
    fixedBeta !== undefined &&
    parameterization === 'errorCorrection' &&
    fixedAlpha !== undefined &&
    fixedBeta > fixedAlpha
  ) {
    throw invalid(
      'INVALID_OPTION',
      'options.beta',
      fixedBeta,
      `must not exceed alpha (${fixedAlpha}) in the error-correction form`,
    );
  }

  // Free parameters, as coordinates of the search box.
  const free: SmoothingName[] = [];
  const lower: number[] = [];
  const upper: number[] = [];
  const grid: number[][] = [];
  if (fixedAlpha === undefined) {
    free.push('alpha');
    let lo = LO;
    let hi = HI;
    if (fixedBeta !== undefined && parameterization === 'errorCorrection') lo = Math.max(lo, fixedBeta);
    if (fixedGamma !== undefined) hi = Math.max(lo, Math.min(hi, 1 - fixedGamma));
    lower.push(lo);
    upper.push(hi);
    grid.push([0.1, 0.3, 0.5, 0.7, 0.9]);
  }
  if (spec.trend && fixedBeta === undefined) {
    free.push('beta');
    lower.push(LO);
    upper.push(HI);
    grid.push([0.01, 0.1, 0.3]);
  }
  if (spec.seasonality !== 'none' && fixedGamma === undefined) {
    free.push('gamma');
    lower.push(LO);
    upper.push(HI);
    grid.push([0.1, 0.3, 0.6]);
  }
  if (damped && fixedPhi === undefined) {
    free.push('phi');
    lower.push(0.8);
    upper.push(0.98);
    grid.push([0.8, 0.9, 0.98]);
  }
  const toParameters = (x: readonly number[]): EtsParameters => {
    const get = (name: SmoothingName): number | undefined => {
      const i = free.indexOf(name);
      return i < 0 ? undefined : (x[i] as number);
    };
    const alpha = fixedAlpha ?? (get('alpha') as number);
    let beta = 0;
    if (spec.trend) {
      const b = get('beta');
      if (b !== undefined) beta = alpha * b;
      else beta = parameterization === 'errorCorrection' ? (fixedBeta as number) : alpha * (fixedBeta as number);
    }
    let gamma = 0;
    if (spec.seasonality !== 'none') {
      const g = get('gamma');
      gamma = g !== undefined ? g * (1 - alpha) : (fixedGamma as number);
    }
    const phi = damped ? (fixedPhi ?? (get('phi') as number)) : 1;
    return { alpha, beta, gamma, phi };
  };
  return { free, lower, upper, grid, toParameters };
}
