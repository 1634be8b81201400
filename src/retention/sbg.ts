/**
 * The shifted-beta-geometric (sBG) retention model of Fader & Hardie (2007): survival,
 * retention rates, projections, expected lifetime, DEL and DERL.
 * Plain numbers only: this file imports neither zod nor decimal.js.
 *
 * Model: every customer renews at the end of each period with a constant individual
 * probability `1 − θ`; `θ ~ Beta(α, β)` across customers. `T ≥ 1` is the period in which
 * a customer churns. Source: Peter S. Fader and Bruce G. S. Hardie, "How to Project
 * Customer Retention", Journal of Interactive Marketing 21(1), 76–90, 2007,
 * doi:10.1002/dir.20074; DEL/DERL from Fader & Hardie, "Customer-Base Valuation in a
 * Contractual Setting: The Perils of Ignoring Heterogeneity", Marketing Science 29(1),
 * 85–93, 2010, doi:10.1287/mksc.1080.0482.
 * @module
 */
import { invalid } from '../core/errors.js';
import { LIMITS, readInteger, readNumber, readObject, readFailure } from '../core/read.js';
import { lnBeta } from '../core/special-functions.js';
import { hyp2f1One } from './special-functions.js';
import type { MaybeInfinite } from './maybe-infinite.js';

/** The two parameters of the sBG model (both `> 0`). A fit result can be passed as is. */
export interface SbgParameters {
  /** α of the Beta distribution of the churn probability θ. */
  readonly alpha: number;
  /** β of the Beta distribution of the churn probability θ. */
  readonly beta: number;
}

/**
 * Smallest discount rate per period accepted by {@link sbgDel} and {@link sbgDerl}: `1e-5`
 * (0.001 % a period). DEL's series needs about `ln(1e-17) / ln(1/(1 + d))` terms, some five
 * million at this rate; below it the sum would be slow and lose accuracy to rounding, and at
 * `d = 0` it is the undiscounted lifetime, infinite for `α ≤ 1` (use {@link sbgExpectedLifetime}).
 *
 * @returns (a constant) the bound, a fraction per period.
 * @example
 * ```ts
 * import { MIN_DISCOUNT_RATE } from 'revops/retention';
 * MIN_DISCOUNT_RATE;
 * //=> 0.00001
 * ```
 */
export const MIN_DISCOUNT_RATE = 1e-5;

/** @internal */
export function readParameters(params: SbgParameters): SbgParameters {
  if (params === null || typeof params !== 'object')
    throw invalid('INVALID_INPUT', 'params', params, 'must be { alpha, beta }');
  const alpha = readNumber(params.alpha, 'params.alpha', { min: 0, exclusiveMin: true, max: MAX_PARAMETER });
  const beta = readNumber(params.beta, 'params.beta', { min: 0, exclusiveMin: true, max: MAX_PARAMETER });
  return { alpha, beta };
}

/** Largest α or β accepted (far beyond any fit, whose converged range is [1e-8, 1e8]): keeps α + β + t finite. */
const MAX_PARAMETER = 1e150;

function readPeriod(t: unknown, field: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  return readInteger(t, field, { min, max });
}

function readDiscount(d: unknown, field: string): number {
  return readNumber(d, field, { min: MIN_DISCOUNT_RATE, code: 'INVALID_RATE' });
}

/** `ln S(t)` for validated inputs. @internal */
export function lnSurvival(alpha: number, beta: number, t: number): number {
  if (t <= 2000) {
    let s = 0;
    for (let i = 1; i <= t; i++) s += Math.log((beta + i - 1) / (alpha + beta + i - 1));
    return s;
  }
  return lnBeta(alpha, beta + t) - lnBeta(alpha, beta);
}

/**
 * The sBG survivor function: the share of a cohort still a customer after `t` periods.
 *
 * Formula: `S(t) = B(α, β + t) / B(α, β) = Π_{i=1..t} (β + i − 1) / (α + β + i − 1)`,
 * `S(0) = 1` (Fader & Hardie 2007, eq. 5). Unitless fraction in (0, 1].
 *
 * @param t - periods since acquisition (an integer ≥ 0).
 * @param params - `{ alpha, beta }`, e.g. a {@link fitShiftedBetaGeometric} result.
 * @returns `S(t)`.
 * @throws {RevopsError} `INVALID_COUNT` when `t` is not an integer ≥ 0.
 * @throws {RevopsError} `INVALID_INPUT` when `alpha` or `beta` is not a number in (0, 1e150].
 * @example
 * ```ts
 * import { sbgSurvival } from 'revops/retention';
 * sbgSurvival(2, { alpha: 1, beta: 1 });
 * //=> 0.3333333333333333
 * sbgSurvival(-1, { alpha: 1, beta: 1 });
 * //=> throws INVALID_COUNT
 * ```
 */
export function sbgSurvival(t: number, params: SbgParameters): number {
  try {
    const { alpha, beta } = readParameters(params);
    return Math.exp(lnSurvival(alpha, beta, readPeriod(t, 't', 0)));
  } catch (thrown) {
    throw readFailure(thrown, { t, params });
  }
}

/**
 * The sBG retention rate of period `t`: the share of customers alive at `t − 1` who renew.
 *
 * Formula: `r_t = S(t) / S(t − 1) = (β + t − 1) / (α + β + t − 1)` (Fader & Hardie 2007,
 * eq. 6). It increases with `t` (the sorting effect: high-churn customers leave first).
 *
 * @param t - the period (an integer ≥ 1).
 * @param params - `{ alpha, beta }`.
 * @returns `r_t`, a fraction in (0, 1).
 * @throws {RevopsError} `INVALID_COUNT` when `t` is not an integer ≥ 1.
 * @throws {RevopsError} `INVALID_INPUT` when `alpha` or `beta` is not a number in (0, 1e150].
 * @example
 * ```ts
 * import { sbgRetentionRate } from 'revops/retention';
 * sbgRetentionRate(1, { alpha: 1, beta: 3 });
 * //=> 0.75
 * sbgRetentionRate(0, { alpha: 1, beta: 3 });
 * //=> throws INVALID_COUNT
 * ```
 */
export function sbgRetentionRate(t: number, params: SbgParameters): number {
  try {
    const { alpha, beta } = readParameters(params);
    const k = readPeriod(t, 't', 1);
    return (beta + k - 1) / (alpha + beta + k - 1);
  } catch (thrown) {
    throw readFailure(thrown, { t, params });
  }
}

/** One projected period of {@link sbgProject}. */
export interface SbgProjectionPoint {
  /** Periods since acquisition. */
  readonly t: number;
  /** `S(t)`, the share of the cohort still a customer. */
  readonly survival: number;
  /** `r_t`, the retention rate of period `t`; `null` at `t = 0` (no renewal yet). */
  readonly retentionRate: number | null;
  /** `cohortSize × S(t)`, when a cohort size was given; otherwise `null`. */
  readonly expectedSurvivors: number | null;
}

/** Options of {@link sbgProject}. */
export interface SbgProjectOptions {
  /** Last period to project: an integer ≥ `from`, at most `from + LIMITS.horizon − 1` (10,000 points). Required. */
  readonly through: number;
  /** First period to report. Default `0`. */
  readonly from?: number;
  /** Size of the cohort at `t = 0`, to report expected survivors. Default: none (`null`). */
  readonly cohortSize?: number;
}

/**
 * Projected survival and retention for periods `from..through`.
 *
 * Formula: as {@link sbgSurvival} and {@link sbgRetentionRate}; `expectedSurvivors =
 * cohortSize × S(t)` (a plain number, not rounded).
 *
 * @param params - `{ alpha, beta }`.
 * @param options - see {@link SbgProjectOptions}; `through` is required.
 * @returns one point per period, in order.
 * @throws {RevopsError} `INVALID_COUNT` for a period that is not an integer ≥ 0, `through < from`, more than
 *   `LIMITS.horizon` points, or a `cohortSize` that is not an integer ≥ 0.
 * @throws {RevopsError} `INVALID_OPTION` when `options` is not an object.
 * @throws {RevopsError} `INVALID_INPUT` when `alpha` or `beta` is not a number in (0, 1e150].
 * @example
 * ```ts
 * import { sbgProject } from 'revops/retention';
 * const points = sbgProject({ alpha: 1, beta: 1 }, { through: 1, cohortSize: 100 });
 * points.map((p) => [p.t, p.survival, p.retentionRate, p.expectedSurvivors]);
 * //=> [[0, 1, null, 100], [1, 0.5, 0.5, 50]]
 * ```
 */
export function sbgProject(params: SbgParameters, options: SbgProjectOptions): SbgProjectionPoint[] {
  try {
    const { alpha, beta } = readParameters(params);
    const o = readObject(options, 'options', 'INVALID_OPTION') as unknown as SbgProjectOptions;
    const from = readPeriod(o.from ?? 0, 'options.from', 0, Number.MAX_SAFE_INTEGER - LIMITS.horizon);
    const last = readPeriod(o.through, 'options.through', from, from + LIMITS.horizon - 1);
    const size = o.cohortSize === undefined ? null : readPeriod(o.cohortSize, 'options.cohortSize', 0);
    const out: SbgProjectionPoint[] = [];
    let lnS = lnSurvival(alpha, beta, from);
    for (let t = from; t <= last; t++) {
      if (t > from) lnS += Math.log((beta + t - 1) / (alpha + beta + t - 1));
      const survival = Math.exp(lnS);
      out.push({
        t,
        survival,
        retentionRate: t === 0 ? null : (beta + t - 1) / (alpha + beta + t - 1),
        expectedSurvivors: size === null ? null : size * survival,
      });
    }
    return out;
  } catch (thrown) {
    throw readFailure(thrown, { params, options });
  }
}

/**
 * The undiscounted expected lifetime of a new customer, in periods (payments made,
 * counting the first).
 *
 * Formula: `E[T] = Σ_{t≥0} S(t) = E[1/θ] = (α + β − 1) / (α − 1)` when `α > 1`. When
 * `α ≤ 1` the Beta distribution has so much mass near `θ = 0` that the mean lifetime is
 * **infinite**: the result is `{ finite: false, value: null }`, never a large number. Use
 * {@link sbgDel} (discounted) for a finite value.
 *
 * @param params - `{ alpha, beta }`.
 * @returns `{ finite: true, value }` or `{ finite: false, value: null }`.
 * @throws {RevopsError} `INVALID_INPUT` when `alpha` or `beta` is not a number in (0, 1e150].
 * @example
 * ```ts
 * import { sbgExpectedLifetime } from 'revops/retention';
 * sbgExpectedLifetime({ alpha: 3, beta: 4 });
 * //=> { finite: true, value: 3 }
 * sbgExpectedLifetime({ alpha: 0.704, beta: 1.182 });
 * //=> { finite: false, value: null }
 * ```
 */
export function sbgExpectedLifetime(params: SbgParameters): MaybeInfinite<number> {
  try {
    const { alpha, beta } = readParameters(params);
    return alpha > 1 ? { finite: true, value: (alpha + beta - 1) / (alpha - 1) } : { finite: false, value: null };
  } catch (thrown) {
    throw readFailure(thrown, { params });
  }
}

/** Options of {@link sbgDel}. */
export interface SbgDelOptions {
  /** Discount rate per period as a fraction (`0.1` for 10 %), at least {@link MIN_DISCOUNT_RATE}. Required. */
  readonly discountRate: number;
}

/** Options of {@link sbgDerl}. */
export interface SbgDerlOptions extends SbgDelOptions {
  /** Renewals the customer has made so far (an integer ≥ 0). Required. */
  readonly renewals: number;
}

/**
 * Discounted expected lifetime (DEL) of a customer at acquisition, in periods: the
 * present value of one unit paid at the start of every period the customer is alive, the
 * first payment undiscounted. Multiply by the margin per period for the expected CLV.
 *
 * Formula: `DEL(d) = Σ_{t≥0} S(t) / (1 + d)^t = ₂F₁(1, β; α + β; 1/(1 + d))` (Fader &
 * Hardie, "Customer-Base Valuation in a Contractual Setting", Marketing Science 29(1), 2010).
 * ₂F₁ is summed as a series with a geometric tail bound (converges because `β < α + β` and
 * `1/(1+d) < 1`).
 *
 * @param params - `{ alpha, beta }`.
 * @param options - `discountRate`: per period as a fraction (`0.1` for 10 %), at least {@link MIN_DISCOUNT_RATE}.
 * @returns DEL in periods.
 * @throws {RevopsError} `INVALID_RATE` for a discount rate that is not finite or below {@link MIN_DISCOUNT_RATE}.
 * @throws {RevopsError} `INVALID_OPTION` when `options` is not an object.
 * @throws {RevopsError} `INVALID_INPUT` when `alpha` or `beta` is not a number in (0, 1e150].
 * @example
 * ```ts
 * import { sbgDel } from 'revops/retention';
 * Math.round(sbgDel({ alpha: 1, beta: 1 }, { discountRate: 0.1 }) * 1e6) / 1e6;
 * //=> 2.637685
 * sbgDel({ alpha: 1, beta: 1 }, { discountRate: 0 });
 * //=> throws INVALID_RATE
 * ```
 */
export function sbgDel(params: SbgParameters, options: SbgDelOptions): number {
  try {
    const { alpha, beta } = readParameters(params);
    const o = readObject(options, 'options', 'INVALID_OPTION') as unknown as SbgDelOptions;
    const d = readDiscount(o.discountRate, 'options.discountRate');
    return hyp2f1One(beta, alpha + beta, 1 / (1 + d));
  } catch (thrown) {
    throw readFailure(thrown, { params, options });
  }
}

/**
 * Discounted expected residual lifetime (DERL), in periods, of a customer who has made
 * `renewals` renewals, evaluated just before the next renewal decision: the present value
 * of one unit paid at each future renewal, the next one undiscounted.
 *
 * Formula (Fader & Hardie, Marketing Science 29(1), 2010, with `n − 1 = renewals`):
 * `DERL(d | α, β, n − 1) = (β + n − 1)/(α + β + n − 1) · ₂F₁(1, β + n; α + β + n; 1/(1 + d))`
 * `= Σ_{t≥n} S(t)/S(n − 1) · (1 + d)^{−(t − n)}`. Expected residual CLV = margin × DERL.
 *
 * @param params - `{ alpha, beta }`.
 * @param options - `discountRate` per period (fraction, at least {@link MIN_DISCOUNT_RATE}) and `renewals` made so
 *   far (an integer ≥ 0).
 * @returns DERL in periods.
 * @throws {RevopsError} `INVALID_RATE` for a discount rate that is not finite or below {@link MIN_DISCOUNT_RATE}.
 * @throws {RevopsError} `INVALID_OPTION` when `options` is not an object.
 * @throws {RevopsError} `INVALID_COUNT` when `renewals` is not an integer ≥ 0.
 * @throws {RevopsError} `INVALID_INPUT` when `alpha` or `beta` is not a number in (0, 1e150].
 * @example
 * ```ts
 * import { sbgDerl } from 'revops/retention';
 * Math.round(sbgDerl({ alpha: 0.668, beta: 3.806 }, { discountRate: 0.1, renewals: 7 }) * 1000) / 1000;
 * //=> 7.53
 * ```
 */
export function sbgDerl(params: SbgParameters, options: SbgDerlOptions): number {
  try {
    const { alpha, beta } = readParameters(params);
    const o = readObject(options, 'options', 'INVALID_OPTION') as unknown as SbgDerlOptions;
    const d = readDiscount(o.discountRate, 'options.discountRate');
    const n = readPeriod(o.renewals, 'options.renewals', 0, Number.MAX_SAFE_INTEGER - 1) + 1;
    return ((beta + n - 1) / (alpha + beta + n - 1)) * hyp2f1One(beta + n, alpha + beta + n, 1 / (1 + d));
  } catch (thrown) {
    throw readFailure(thrown, { params, options });
  }
}
