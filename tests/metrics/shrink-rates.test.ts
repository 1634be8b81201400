import { describe, expect, it } from 'vitest';
import { shrinkRates } from '../../src/metrics/shrink-rates.js';
import { polygammaDifferences } from '../../src/metrics/special-functions.js';

const team = [
  [180, 300],
  [2, 2],
  [45, 120],
  [30, 110],
  [12, 60],
  [70, 200],
  [5, 40],
  [90, 250],
  [20, 50],
  [8, 35],
] as const;
// Independent reference: python3 + scipy 1.10.1 (Debian python3-scipy) — scipy.optimize.minimize
// (Nelder-Mead, xatol 1e-12) on the negative beta-binomial log-likelihood written with
// scipy.special.gammaln, refined by scipy.optimize.root on its digamma gradient.
const TEAM_REF = {
  alpha: 4.903418167858406,
  beta: 9.340265363229687,
  logLikelihood: -751.9514564201291,
  shrunk: [
    0.5884077480576182, 0.42499092983720405, 0.3717375511101928, 0.28092710370362545, 0.2276748319037865,
    0.3496178600616221, 0.18257274438566778, 0.3591511323928887, 0.38763994838196686, 0.26203194486278286,
  ],
};
const sources = [
  [12, 400],
  [30, 420],
  [25, 380],
  [8, 390],
  [40, 410],
  [19, 300],
  [0, 15],
] as const;
const SOURCES_REF = {
  alpha: 4.6932960360092375,
  beta: 78.63542883862989,
  shrunk: [
    0.03453818318027544, 0.06892770931094798, 0.0640868878657226, 0.02681708370725028, 0.09059536528582711,
    0.061809341430798616, 0.04773067119494121,
  ],
};

const groupsOf = (data: readonly (readonly [number, number])[]) =>
  data.map(([k, n], i) => ({ key: `g${i}`, successes: k, trials: n }));

describe('shrinkRates (fitted prior)', () => {
  it('matches the scipy maximum-likelihood fit on a sales team to 1e-9', () => {
    const r = shrinkRates(groupsOf(team));
    expect(r.method).toBe('mle');
    expect(Math.abs(r.prior!.alpha / TEAM_REF.alpha - 1)).toBeLessThan(1e-9);
    expect(Math.abs(r.prior!.beta / TEAM_REF.beta - 1)).toBeLessThan(1e-9);
    expect(Math.abs(r.logLikelihood! - TEAM_REF.logLikelihood)).toBeLessThan(1e-9);
    r.groups.forEach((g, i) => expect(Math.abs(g.shrunkRate - (TEAM_REF.shrunk[i] as number))).toBeLessThan(1e-9));
  });
  it('matches the scipy fit on lead sources (one source with 0 of 15) to 1e-9', () => {
    const r = shrinkRates(groupsOf(sources));
    expect(Math.abs(r.prior!.alpha / SOURCES_REF.alpha - 1)).toBeLessThan(1e-9);
    expect(Math.abs(r.prior!.beta / SOURCES_REF.beta - 1)).toBeLessThan(1e-9);
    r.groups.forEach((g, i) => expect(Math.abs(g.shrunkRate - (SOURCES_REF.shrunk[i] as number))).toBeLessThan(1e-9));
  });
  it('does not put 2 of 2 above 180 of 300 (the issue): raw rank 1 becomes rank 2', () => {
    const r = shrinkRates(groupsOf(team));
    expect(r.groups[1]).toMatchObject({ rate: 1, rank: 2 });
    expect(r.groups[0]).toMatchObject({ rate: 0.6, rank: 1 });
  });
  it('finds the maximum of a nearly flat likelihood (α + β ≈ 67,500 ≫ trials): shrunk rates to 1e-11', () => {
    // Reference: mpmath 1.2.1 (40 digits) findroot on the digamma gradient of the
    // beta-binomial log-likelihood from (36735, 30791.4): α = 36734.99951918619, β = 30791.40039095788.
    // Before ψ differences were summed directly this fit stopped 5.6e-6 (relative) away and
    // the order-independence law failed on these counts. On such a ridge α and β themselves
    // are ill-conditioned (known to ~1e-8 relative); the shrunk rates (k + α)/(n + α + β) are not.
    const data = [
      [121, 241],
      [85, 149],
      [134, 235],
    ] as const;
    const r = shrinkRates(groupsOf(data));
    expect(r.method).toBe('mle');
    expect(Math.abs(r.prior!.alpha / 36734.99951918619 - 1)).toBeLessThan(1e-8);
    expect(Math.abs(r.prior!.beta / 30791.40039095788 - 1)).toBeLessThan(1e-8);
    // mpmath (k + α)/(n + α + β) at the reference α, β
    const ref = [0.54386031584589737, 0.54406770507560946, 0.54410032213143222];
    r.groups.forEach((g, i) => expect(Math.abs(g.shrunkRate - (ref[i] as number))).toBeLessThan(1e-11));
    const reversed = shrinkRates(groupsOf([...data].reverse()));
    expect(Math.abs(reversed.groups[2]!.shrunkRate - r.groups[0]!.shrunkRate)).toBeLessThan(1e-11);
  });
  it('pools completely when rates vary less than binomial noise (likelihood unbounded in α + β)', () => {
    const r = shrinkRates(
      groupsOf([
        [10, 50],
        [11, 50],
        [9, 50],
        [10, 50],
      ]),
    );
    // pooled rate 40/200 = 0.2, computed by hand
    expect(r).toMatchObject({ method: 'pooled', prior: null, pooledRate: 0.2, logLikelihood: null });
    expect(r.groups.map((g) => g.shrunkRate)).toEqual([0.2, 0.2, 0.2, 0.2]);
  });
  it('pools when every trial failed', () => {
    expect(
      shrinkRates(
        groupsOf([
          [0, 5],
          [0, 9],
        ]),
      ).groups.map((g) => g.shrunkRate),
    ).toEqual([0, 0]);
  });
  it('needs two groups with trials to fit', () => {
    expect(() =>
      shrinkRates(
        groupsOf([
          [1, 2],
          [0, 0],
        ]),
      ),
    ).toThrow(expect.objectContaining({ code: 'INSUFFICIENT_DATA' }));
  });
});

describe('shrinkRates (fixed prior)', () => {
  it('is the posterior mean (k + α)/(n + α + β): (2+6)/(2+10) and (180+6)/(300+10), by hand', () => {
    const r = shrinkRates(
      [
        { key: 'a', successes: 2, trials: 2 },
        { key: 'b', successes: 180, trials: 300 },
        { key: 'c', successes: 0, trials: 0 },
      ],
      { prior: { alpha: 6, beta: 4 } },
    );
    expect(r.groups.map((g) => g.shrunkRate)).toEqual([8 / 12, 186 / 310, 0.6]);
    // 186/310 = 0.6 = prior mean 6/10: a tie, sharing rank 2
    expect(r.groups.map((g) => g.rank)).toEqual([1, 2, 2]);
    expect(r.method).toBe('fixed');
  });
  // Robinson (2015), "Understanding empirical Bayes estimation (using baseball statistics)"; arithmetic checked by hand
  it('Robinson (2015) prior α₀ ≈ 78.7, β₀ ≈ 224.9: 4/10 → 0.2637, 300/1000 → 0.2905', () => {
    const r = shrinkRates(
      [
        { key: 'x', successes: 4, trials: 10 },
        { key: 'y', successes: 300, trials: 1000 },
      ],
      { prior: { alpha: 78.7, beta: 224.9 } },
    );
    expect(r.groups[0]!.shrunkRate).toBeCloseTo(0.263712, 6);
    expect(r.groups[1]!.shrunkRate).toBeCloseTo(0.290503, 6);
  });
  it('rejects bad priors and counts', () => {
    expect(() => shrinkRates(groupsOf([[1, 2]]), { prior: { alpha: 0, beta: 1 } })).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTION', field: 'prior.alpha' }),
    );
    expect(() => shrinkRates(groupsOf([[1, 2]]), { prior: null as never })).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTION' }),
    );
    expect(() => shrinkRates(groupsOf([[3, 2]]))).toThrow(
      expect.objectContaining({ code: 'INVALID_COUNT', field: 'groups[0].successes' }),
    );
    expect(() => shrinkRates([null as never])).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    expect(() => shrinkRates('x' as never)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });
});

describe('polygammaDifferences', () => {
  // mpmath 1.2.1 (40 digits): digamma(x + m) − digamma(x), polygamma(1, x + m) − polygamma(1, x)
  const DIFFS: [number, number, number, number][] = [
    [36735, 121, 0.0032884932473323344, -8.9373533740852213e-8], // m ≪ x: where subtracting ψ values loses digits
    [0.5, 3, 3.0666666666666667, -4.6044444444444444],
    [2.5, 5000, 7.8144364724576553, -0.49015783606891353], // m > 1000: ψ itself is used
  ];
  it.each(DIFFS)('ψ and ψ₁ differences at x = %s, m = %s agree with mpmath to 1e-13 relative', (x, m, d, t) => {
    const [dd, tt] = polygammaDifferences(x, m);
    expect(Math.abs(dd / d - 1)).toBeLessThan(1e-13);
    expect(Math.abs(tt / t - 1)).toBeLessThan(1e-13);
  });
});
