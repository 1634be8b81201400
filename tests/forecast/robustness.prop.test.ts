import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  backtest,
  forecastAccuracy,
  forecastByCategory,
  holtWinters,
  linearTrend,
  naiveMethod,
  pipelineCoverage,
  simulatePipeline,
  stageProbabilities,
  weightedPipeline,
} from '../../src/forecast/index.js';
import { codeOf, deal, ev, pipeline } from './helpers.js';

/** Every number reachable in `value` (objects, arrays) is finite; returns the offending path otherwise. */
function nonFinite(value: unknown, path = '$'): string | null {
  if (typeof value === 'number') return Number.isFinite(value) ? null : `${path} = ${value}`;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const bad = nonFinite(value[i], `${path}[${i}]`);
      if (bad !== null) return bad;
    }
    return null;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      const bad = nonFinite(v, `${path}.${k}`);
      if (bad !== null) return bad;
    }
  }
  return null;
}

/** Freezes `value` and everything inside it, so any mutation by the code under test throws. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/** Random series: general values, constant series, series with zeros, both signs, large magnitudes. */
const arbValue = fc.oneof(
  fc.double({ min: -1e12, max: 1e12, noNaN: true, noDefaultInfinity: true }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: -1000, max: 1000 }),
  fc.constant(0),
);
const arbSeries = fc.oneof(
  fc.array(arbValue, { minLength: 1, maxLength: 40 }),
  fc.tuple(arbValue, fc.integer({ min: 1, max: 40 })).map(([v, n]) => Array.from({ length: n }, () => v)),
  fc.array(fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1e6, noNaN: true })), { minLength: 8, maxLength: 30 }),
);

/** Either a RevopsError with a stable code, or a result without NaN/Infinity. */
function finiteOrRevopsError(f: () => unknown): void {
  let result: unknown;
  try {
    result = f();
  } catch (e) {
    expect((e as { name?: string }).name).toBe('RevopsError');
    expect(typeof (e as { code?: unknown }).code).toBe('string');
    return;
  }
  expect(nonFinite(result)).toBeNull();
}

describe('time-series functions never return NaN or Infinity, and never mutate their inputs', () => {
  it('linearTrend, holtWinters (every model), forecastAccuracy and backtest on random series', () => {
    fc.assert(
      fc.property(arbSeries, (raw) => {
        const y = deepFreeze([...raw]);
        finiteOrRevopsError(() => linearTrend(y, deepFreeze({ horizon: 3 })));
        finiteOrRevopsError(() => forecastAccuracy(y, deepFreeze(y.map((v) => v / 2 + 1))));
        finiteOrRevopsError(() => backtest(y, naiveMethod(), deepFreeze({ horizon: 1, folds: 2 })));
        finiteOrRevopsError(() => holtWinters(y, deepFreeze({ trend: 'none', horizon: 3 })));
        finiteOrRevopsError(() => holtWinters(y, deepFreeze({ horizon: 3 })));
        finiteOrRevopsError(() => holtWinters(y, deepFreeze({ damped: true, horizon: 3 })));
        finiteOrRevopsError(() => holtWinters(y, deepFreeze({ seasonLength: 4, horizon: 4 })));
        finiteOrRevopsError(() =>
          holtWinters(y, deepFreeze({ seasonLength: 4, seasonality: 'multiplicative', horizon: 4, simulations: 200 })),
        );
        expect(y).toEqual(raw);
      }),
      { seed: 7, numRuns: 150 },
    );
  });

  it('multiplicative seasonality with a zero or negative value is a clear INVALID_INPUT naming the value', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 1, max: 1e6, noNaN: true }), { minLength: 8, maxLength: 24 }),
        fc.nat(),
        fc.oneof(fc.constant(0), fc.double({ min: -1e6, max: -1e-9, noNaN: true })),
        (y, at, bad) => {
          const series = [...y];
          series[at % series.length] = bad;
          let message = '';
          try {
            holtWinters(series, { seasonLength: 4, seasonality: 'multiplicative' });
          } catch (e) {
            expect((e as { code?: string }).code).toBe('INVALID_INPUT');
            message = (e as Error).message;
          }
          expect(message).toContain(`series[${at % series.length}]`);
        },
      ),
      { seed: 8, numRuns: 100 },
    );
  });
});

describe('pipeline functions never mutate their (deep-frozen) inputs and return finite numbers', () => {
  const arbDeals = fc.array(
    fc.record({
      cents: fc.integer({ min: 0, max: 10_000_000_000 }),
      p: fc.integer({ min: 0, max: 100 }),
      stage: fc.constantFrom('stage1', 'stage2', 'stage3', 'won', 'lost'),
      month: fc.integer({ min: 1, max: 12 }),
      category: fc.constantFrom('pipeline', 'bestCase', 'commit', 'closed', 'omitted') as fc.Arbitrary<'pipeline'>,
    }),
    { maxLength: 15 },
  );
  it('weightedPipeline, forecastByCategory, simulatePipeline, stageProbabilities, pipelineCoverage', () => {
    fc.assert(
      fc.property(arbDeals, (rows) => {
        const deals = deepFreeze(
          rows.map((r) => {
            const closed = r.stage === 'won' || r.stage === 'lost';
            const date = `2026-${String(r.month).padStart(2, '0')}-15`;
            return deal({
              amount: (r.cents / 100).toFixed(2),
              probability: r.p / 100,
              stage: r.stage,
              forecastCategory: r.category,
              expectedCloseDate: date,
              ...(closed ? { closeDate: date } : {}),
              history: [ev(null, 'stage1', `${date}T09:00:00Z`), ev('stage1', r.stage, `${date}T10:00:00Z`)],
            });
          }),
        );
        const copy = JSON.parse(JSON.stringify(deals)) as unknown;
        const period = deepFreeze({ start: '2026-01-01', end: '2026-06-30' });
        finiteOrRevopsError(() =>
          weightedPipeline(deals, deepFreeze({ period, pipeline, probabilities: { stage1: 0.2 }, currency: 'USD' })),
        );
        finiteOrRevopsError(() => forecastByCategory(deals, { period, pipeline, currency: 'USD' }));
        finiteOrRevopsError(() =>
          simulatePipeline(
            deals,
            deepFreeze({
              runs: 200,
              seed: 3,
              period,
              pipeline,
              slip: { [deals[0]?.id ?? 'none']: 0.5 },
              currency: 'USD',
            }),
          ),
        );
        finiteOrRevopsError(() =>
          stageProbabilities(deals, deepFreeze({ pipeline, halfLifeQuarters: 2, asOf: '2026-12-31' })),
        );
        finiteOrRevopsError(() => stageProbabilities(deals, deepFreeze({ pipeline, by: 'value' })));
        const usd = (amount: string) => deepFreeze({ amount, currency: 'USD' });
        finiteOrRevopsError(() => pipelineCoverage(usd('100.00'), usd('100.00'), usd('0.00')));
        expect(deals).toEqual(copy);
      }),
      { seed: 9, numRuns: 100 },
    );
  });

  it('a negative amount is refused as a value weight (a weight below 0 would give rates outside [0, 1])', () => {
    expect(
      codeOf(() => stageProbabilities([deal({ amount: '-100.00', stage: 'won' })], { pipeline, by: 'value' })),
    ).toBe('INVALID_AMOUNT');
    // Recency weighting needs a valid close date.
    expect(
      codeOf(() =>
        stageProbabilities([deal({ stage: 'won', closeDate: '2025-13-01' })], {
          pipeline,
          halfLifeQuarters: 1,
          asOf: '2026-12-31',
        }),
      ),
    ).toBe('INVALID_DATE');
  });
});
