/**
 * Empirical-Bayes shrinkage of rates with a beta-binomial prior fitted by maximum marginal
 * likelihood. Plain numbers only (no zod, no decimal.js).
 * @module
 */
import { invalid } from '../core/errors.js';
import type { RateValue } from '../core/ratio.js';
import { readObject, readFailure } from '../core/read.js';
import { mapList, readPair } from './counts.js';
import { logGamma } from '../core/special-functions.js';
import { polygammaDifferences } from './special-functions.js';

/** One group's counts (a rep, a source, a territory). */
export interface RateGroup {
  /** The group's name, echoed in the result. */
  readonly key: string;
  readonly successes: number;
  readonly trials: number;
}

/** A Beta(α, β) prior. */
export interface BetaPrior {
  readonly alpha: number;
  readonly beta: number;
}

/** Options of {@link shrinkRates}. */
export interface ShrinkRatesOptions {
  /** Use this prior instead of fitting one (α and β in [1e-9, 1e9]); default: fitted by maximum likelihood. */
  readonly prior?: BetaPrior;
}

/** One group's raw and shrunk rate. */
export interface ShrunkRate {
  readonly key: string;
  readonly successes: number;
  readonly trials: number;
  /** Raw rate successes/trials, `null` with no trials. */
  readonly rate: RateValue;
  /** Posterior mean (successes + α)/(trials + α + β); the pooled rate when the prior is degenerate. */
  readonly shrunkRate: number;
  /** 1 for the highest shrunk rate; ties share the smaller rank. */
  readonly rank: number;
}

/** Result of {@link shrinkRates}. */
export interface ShrinkRatesResult {
  /**
   * `'fixed'`: the prior given in options; `'mle'`: the fitted prior; `'pooled'`: the
   * likelihood grows without bound as α + β → ∞ (the rates vary no more than binomial noise,
   * or every trial succeeded or every trial failed), so the empirical-Bayes answer is
   * complete pooling: every group gets the pooled rate.
   */
  readonly method: 'fixed' | 'mle' | 'pooled';
  /** The prior used; `null` for `'pooled'`. */
  readonly prior: BetaPrior | null;
  /**
   * Σ successes / Σ trials over all groups; with no trials at all (possible only with a fixed prior), the prior mean
   * α/(α + β).
   */
  readonly pooledRate: number;
  /** Beta-binomial log-likelihood at the prior (without the constant Σ ln C(n, k)); `null` for `'pooled'`. */
  readonly logLikelihood: number | null;
  /** The groups in input order. */
  readonly groups: readonly ShrunkRate[];
}

/** Prior strength α + β beyond which the fit is taken as unbounded (complete pooling). */
const MAX_STRENGTH = 1e7;

interface Counts {
  readonly k: Float64Array;
  readonly n: Float64Array;
}

function logLik(c: Counts, a: number, b: number): number {
  let total = 0;
  const lab = logGamma(a + b) - logGamma(a) - logGamma(b);
  for (let i = 0; i < c.n.length; i++) {
    const k = c.k[i] as number;
    const n = c.n[i] as number;
    total += lab + logGamma(k + a) + logGamma(n - k + b) - logGamma(n + a + b);
  }
  return total;
}

/** Newton's method on the log-likelihood in (ln α, ln β), with step halving. */
function fit(c: Counts, start: BetaPrior): BetaPrior | null {
  let u = Math.log(start.alpha);
  let w = Math.log(start.beta);
  let current = logLik(c, Math.exp(u), Math.exp(w));
  for (let iter = 0; iter < 500; iter++) {
    const a = Math.exp(u);
    const b = Math.exp(w);
    if (a + b > MAX_STRENGTH) return null;
    let ga = 0;
    let gb = 0;
    let haa = 0;
    let hbb = 0;
    let hab = 0;
    for (let i = 0; i < c.n.length; i++) {
      const k = c.k[i] as number;
      const n = c.n[i] as number;
      // differences of ψ and ψ₁ as finite sums: exact enough when α + β ≫ n (see polygammaDifferences)
      const [dk, tk] = polygammaDifferences(a, k);
      const [dl, tl] = polygammaDifferences(b, n - k);
      const [dn, tn] = polygammaDifferences(a + b, n);
      ga += dk - dn;
      gb += dl - dn;
      haa += tk - tn;
      hbb += tl - tn;
      hab -= tn;
    }
    // chain rule to (u, w) = (ln a, ln b)
    const gu = a * ga;
    const gw = b * gb;
    const huu = a * ga + a * a * haa;
    const hww = b * gb + b * b * hbb;
    const huw = a * b * hab;
    const det = huu * hww - huw * huw;
    let du: number;
    let dw: number;
    if (huu < 0 && det > 0) {
      du = -(hww * gu - huw * gw) / det;
      dw = -(huu * gw - huw * gu) / det;
    } else {
      du = gu / (Math.abs(huu) + 1);
      dw = gw / (Math.abs(hww) + 1);
    }
    const size = Math.max(Math.abs(du), Math.abs(dw));
    if (size > 2) {
      du *= 2 / size;
      dw *= 2 / size;
    }
    let t = 1;
    let next = logLik(c, Math.exp(u + du), Math.exp(w + dw));
    const tolerance = 1e-12 * (1 + Math.abs(current));
    while (!(next >= current - tolerance) && t > 1e-10) {
      t /= 2;
      next = logLik(c, Math.exp(u + t * du), Math.exp(w + t * dw));
    }
    u += t * du;
    w += t * dw;
    current = next;
    if (Math.max(Math.abs(t * du), Math.abs(t * dw)) < 1e-13) break;
  }
  const a = Math.exp(u);
  const b = Math.exp(w);
  return a + b > MAX_STRENGTH ? null : { alpha: a, beta: b };
}

/** Method-of-moments start on the raw rates, clamped to a sensible range. */
function momentStart(c: Counts, pooled: number): BetaPrior {
  let mean = 0;
  for (let i = 0; i < c.n.length; i++) mean += (c.k[i] as number) / (c.n[i] as number);
  mean /= c.n.length;
  let v = 0;
  for (let i = 0; i < c.n.length; i++) v += ((c.k[i] as number) / (c.n[i] as number) - mean) ** 2;
  v /= c.n.length - 1;
  let s = v > 0 ? (mean * (1 - mean)) / v - 1 : 100;
  s = Math.min(1e4, Math.max(1, s));
  return { alpha: pooled * s, beta: (1 - pooled) * s };
}

/**
 * The largest α or β of a given prior. ln B(α, β) is a difference of log-gamma terms of size
 * about α ln α; past 1e9 that difference loses its digits (and at 1e308 it is Infinity − Infinity,
 * NaN), while a prior of 1e9 pseudo-trials already moves no rate by more than trials/1e9 (the fit
 * itself treats α + β above 1e7 as complete pooling).
 */
const MAX_PRIOR = 1e9;
/**
 * The smallest α or β of a given prior: below it ln Γ(α) is computed as π / sin(πα), which
 * overflows for subnormal α (5e-324), while a prior of 1e-9 pseudo-trials already moves no rate.
 */
const MIN_PRIOR = 1e-9;

function readPrior(prior: unknown): BetaPrior {
  const p = prior as { alpha?: unknown; beta?: unknown } | null;
  if (typeof p !== 'object' || p === null) throw invalid('INVALID_OPTION', 'prior', prior, 'must be { alpha, beta }');
  for (const f of ['alpha', 'beta'] as const) {
    const v = p[f];
    if (typeof v !== 'number' || !(v >= MIN_PRIOR && v <= MAX_PRIOR))
      throw invalid('INVALID_OPTION', `prior.${f}`, v, `must be a number from ${MIN_PRIOR} to ${MAX_PRIOR}`);
  }
  return { alpha: p.alpha as number, beta: p.beta as number };
}

/**
 * Shrinks each group's rate towards the team's with an empirical-Bayes beta-binomial
 * model, so that a rep with 2 of 2 does not top a leaderboard above a rep with 180 of 300.
 *
 * Model: each group's true rate θ ~ Beta(α, β); successes ~ Binomial(trials, θ). The prior
 * (α, β) is fitted by **maximum marginal likelihood** of the beta-binomial,
 * L(α, β) = Σᵢ [ln B(kᵢ + α, nᵢ − kᵢ + β) − ln B(α, β)], with Newton's method in (ln α, ln β)
 * (digamma gradient, trigamma Hessian). Maximum likelihood is used rather than the method of
 * moments because it weighs each group by its trials (a 2-trial rate counts for little),
 * is what R `VGAM::vglm(betabinomial)` and Robinson's "Understanding empirical Bayes
 * estimation" (2015) use, and is well defined whenever the rates are over-dispersed, where
 * the moment equations can give negative α + β. The shrunk rate is the posterior mean
 * (kᵢ + α)/(nᵢ + α + β). When the likelihood increases without bound as α + β → ∞ (no
 * more spread than binomial noise; or all trials succeeded, or all failed) the answer is
 * complete pooling: `method: 'pooled'`, every group gets the pooled rate (a fitted α + β
 * above 10⁷ is taken as that case: it moves no rate by more than trials/10⁷).
 * Groups with 0 trials take part with the prior mean and do not affect the fit.
 *
 * @param groups - the groups' counts (at least two with trials, unless `prior` is given).
 * @param options - {@link ShrinkRatesOptions}.
 * @returns the prior, the pooled rate and every group's raw and shrunk rate with its rank.
 * @throws {RevopsError} `INVALID_COUNT` for bad counts; `INVALID_OPTION` for options that are not an object or a
 *   bad prior (α or β not in [1e-9, 1e9]).
 * @throws {RevopsError} `INSUFFICIENT_DATA` when fewer than two groups have trials and no prior is given.
 * @example
 * ```ts
 * import { shrinkRates } from 'revops/metrics';
 * const r = shrinkRates([
 *   { key: 'ann', successes: 2, trials: 2 },
 *   { key: 'bob', successes: 180, trials: 300 },
 * ], { prior: { alpha: 6, beta: 4 } });
 * r.groups.map((g) => [g.key, g.shrunkRate, g.rank]);
 * //=> [['ann', 0.6666666666666666, 1], ['bob', 0.6, 2]]
 * ```
 */
export function shrinkRates(groups: readonly RateGroup[], options: ShrinkRatesOptions = {}): ShrinkRatesResult {
  try {
    if (!Array.isArray(groups))
      throw invalid('INVALID_INPUT', 'groups', groups, 'must be an array of { key, successes, trials }');
    readObject(options, 'options', 'INVALID_OPTION');
    const read = mapList(groups, (g, i) => {
      if (typeof g !== 'object' || g === null || typeof g.key !== 'string')
        throw invalid('INVALID_INPUT', `groups[${i}]`, g, 'must be { key, successes, trials }');
      return readPair(g.successes, g.trials, `groups[${i}].successes`, `groups[${i}].trials`);
    });
    let totalK = 0;
    let totalN = 0;
    const used = read.filter(([, n]) => n > 0);
    for (const [k, n] of used) {
      totalK += k;
      totalN += n;
    }
    const pooledRate = totalN === 0 ? Number.NaN : totalK / totalN;
    const counts: Counts = { k: Float64Array.from(used, ([k]) => k), n: Float64Array.from(used, ([, n]) => n) };
    let prior: BetaPrior | null;
    let method: ShrinkRatesResult['method'];
    if (options.prior !== undefined) {
      prior = readPrior(options.prior);
      method = 'fixed';
    } else {
      if (used.length < 2)
        throw invalid(
          'INSUFFICIENT_DATA',
          'groups',
          groups.length,
          'must include at least two groups with trials to fit a prior',
        );
      prior = totalK === 0 || totalK === totalN ? null : fit(counts, momentStart(counts, pooledRate));
      method = prior === null ? 'pooled' : 'mle';
    }
    const shrunk = read.map(([k, n]) =>
      prior === null ? pooledRate : (k + prior.alpha) / (n + prior.alpha + prior.beta),
    );
    const sorted = [...shrunk].sort((x, y) => y - x);
    // rank = 1 + number of strictly higher shrunk rates (ties share the smaller rank), O(n log n)
    const rankOf = new Map<number, number>();
    sorted.forEach((s, i) => {
      if (!rankOf.has(s)) rankOf.set(s, i + 1);
    });
    return {
      method,
      prior,
      pooledRate: Number.isNaN(pooledRate)
        ? prior === null
          ? 0
          : prior.alpha / (prior.alpha + prior.beta)
        : pooledRate,
      logLikelihood: prior === null ? null : logLik(counts, prior.alpha, prior.beta),
      groups: mapList(groups, (g, i) => {
        const [k, n] = read[i] as [number, number];
        const s = shrunk[i] as number;
        return {
          key: g.key,
          successes: k,
          trials: n,
          rate: n === 0 ? null : k / n,
          shrunkRate: s,
          rank: rankOf.get(s) as number,
        };
      }),
    };
  } catch (thrown) {
    throw readFailure(thrown, { groups, options });
  }
}
