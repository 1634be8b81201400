import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forecastAccuracy, holtWinters, linearTrend } from '../../src/forecast/index.js';
import { austourists } from './fixtures-ets.js';

const relClose = (a: number, b: number, tol: number): boolean => Math.abs(a - b) <= tol * Math.max(1, Math.abs(b));

describe('forecasts are invariant to scaling the series (up to scale)', () => {
  it('fixed parameters: forecast(c·y) = c·forecast(y), intervals too', () => {
    const base = holtWinters(austourists, { seasonLength: 4, alpha: 0.3, beta: 0.05, gamma: 0.4, horizon: 8 });
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 1e3, noNaN: true }), (c) => {
        const fit = holtWinters(
          austourists.map((v) => v * c),
          { seasonLength: 4, alpha: 0.3, beta: 0.05, gamma: 0.4, horizon: 8 },
        );
        fit.forecast.forEach((f, i) => expect(relClose(f / c, base.forecast[i] as number, 1e-9)).toBe(true));
        fit.intervals[1]?.upper.forEach((u, i) =>
          expect(relClose(u / c, base.intervals[1]?.upper[i] as number, 1e-9)).toBe(true),
        );
      }),
      { seed: 1, numRuns: 50 },
    );
  });

  it('fitted parameters: the same parameters and forecasts within 1e-6', () => {
    for (const seasonality of ['additive', 'multiplicative'] as const) {
      const base = holtWinters(austourists, { seasonLength: 4, seasonality, horizon: 4 });
      fc.assert(
        fc.property(fc.double({ min: 1e-3, max: 1e3, noNaN: true }), (c) => {
          const fit = holtWinters(
            austourists.map((v) => v * c),
            { seasonLength: 4, seasonality, horizon: 4 },
          );
          expect(Math.abs(fit.parameters.alpha - base.parameters.alpha)).toBeLessThan(1e-6);
          fit.forecast.forEach((f, i) => expect(relClose(f / c, base.forecast[i] as number, 1e-6)).toBe(true));
        }),
        { seed: 2, numRuns: 10 },
      );
    }
  });

  it('estimated initial states: forecasts scale too (within 1e-5)', () => {
    const base = holtWinters(austourists, { seasonLength: 4, initialization: 'estimated', horizon: 4 });
    fc.assert(
      fc.property(fc.double({ min: 1e-2, max: 1e2, noNaN: true }), (c) => {
        const fit = holtWinters(
          austourists.map((v) => v * c),
          { seasonLength: 4, initialization: 'estimated', horizon: 4 },
        );
        fit.forecast.forEach((f, i) => expect(relClose(f / c, base.forecast[i] as number, 1e-5)).toBe(true));
      }),
      { seed: 4, numRuns: 5 },
    );
  });

  it('linear trend and accuracy scale the same way', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.integer({ min: -100_000_000, max: 100_000_000 }).map((v) => v / 100),
          { minLength: 2, maxLength: 30 },
        ),
        fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
        (y, c) => {
          const a = linearTrend(y, { horizon: 3 });
          const b = linearTrend(
            y.map((v) => v * c),
            { horizon: 3 },
          );
          b.forecast.forEach((f, i) =>
            expect(Math.abs(f / c - (a.forecast[i] as number))).toBeLessThanOrEqual(
              1e-6 * (1 + Math.max(...y.map(Math.abs))),
            ),
          );
          const acc = forecastAccuracy(y, a.fitted);
          expect(acc.mae).toBeLessThanOrEqual(acc.rmse * (1 + 1e-12) + 1e-9);
        },
      ),
      { seed: 3, numRuns: 100 },
    );
  });
});
