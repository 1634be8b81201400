import { describe, expect, it } from 'vitest';
import { holtWinters } from '../../src/forecast/index.js';
import recorded from '../../bench/statsmodels/holt-winters.json';
import { holtWintersSeries } from '../../bench/statsmodels/series.js';

// Oracle: statsmodels 0.13.5 ExponentialSmoothing(trend='add', seasonal=…, seasonal_periods=12).fit() on the
// benchmark series, recorded by bench/statsmodels/holt-winters.py (/usr/bin/python3, Debian python3-statsmodels).
// 'heuristic': statsmodels with its initial states held (fix_params) at the same simple start as revops';
// 'estimated': statsmodels estimating all 14 initial states (revops normalises the seasonal ones, as R's ets).
const smFit = (seasonality: string, c: string) => {
  const found = recorded.cases.find((r) => r.seasonality === seasonality && r.case === c);
  if (found === undefined) throw new Error(`no recorded case ${seasonality} ${c}`);
  return found;
};

describe('holtWinters vs statsmodels on the benchmark series (120 months, season 12)', () => {
  it('fits the very series statsmodels was given', () => {
    expect(holtWintersSeries()).toEqual(recorded.series);
  });

  for (const seasonality of ['additive', 'multiplicative'] as const) {
    it(`${seasonality}, heuristic start: an SSE no worse than statsmodels' with the same start`, () => {
      const sm = smFit(seasonality, 'heuristic');
      const fit = holtWinters(recorded.series, { seasonLength: 12, seasonality, levels: [] });
      expect(fit.initial.level).toBeCloseTo(sm.initial.level, 9);
      expect(fit.initial.trend as number).toBeCloseTo(sm.initial.trend, 9);
      expect(fit.sse).toBeLessThanOrEqual(sm.sse);
      // The same optimum: statsmodels reports the component-form β* (smoothing_trend).
      expect(Math.abs(fit.parameters.alpha - sm.parameters.alpha)).toBeLessThan(1e-4);
      expect(Math.abs((fit.parameters.beta as number) - sm.parameters.betaStar)).toBeLessThan(1e-4);
      expect(Math.abs((fit.parameters.gamma as number) - sm.parameters.gamma)).toBeLessThan(1e-4);
    });

    it(`${seasonality}, estimated states: an SSE no worse than statsmodels' estimated fit`, () => {
      const sm = smFit(seasonality, 'estimated');
      const fit = holtWinters(recorded.series, {
        seasonLength: 12,
        seasonality,
        initialization: 'estimated',
        levels: [],
      });
      expect(fit.initial.source).toBe('estimated');
      expect(fit.sse).toBeLessThanOrEqual(sm.sse);
    });
  }
});
