import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/core/read.js';
import {
  backtest,
  holtWinters,
  linearTrend,
  naiveMethod,
  seasonalNaiveMethod,
  simulatePipeline,
} from '../../src/forecast/index.js';
import { austourists } from './fixtures-ets.js';
import { deal } from './helpers.js';

/** The error thrown by `f` (it must throw). */
function thrown(f: () => unknown): { code?: string; field?: string; name?: string } {
  try {
    f();
  } catch (e) {
    return e as { code?: string; field?: string; name?: string };
  }
  throw new Error('did not throw');
}

describe('issue 14: sizes that used to abort Node ("invalid size") are refused with a RevopsError', () => {
  it('linearTrend([1, 2, 3], { horizon: 2 ** 32 })', () => {
    expect(thrown(() => linearTrend([1, 2, 3], { horizon: 2 ** 32 }))).toMatchObject({
      name: 'RevopsError',
      code: 'INVALID_OPTION',
      field: 'options.horizon',
    });
  });

  it('holtWinters(series, { horizon: 2 ** 32 })', () => {
    expect(thrown(() => holtWinters(austourists, { seasonLength: 4, horizon: 2 ** 32 }))).toMatchObject({
      name: 'RevopsError',
      code: 'INVALID_OPTION',
      field: 'options.horizon',
    });
    expect(thrown(() => holtWinters([1, 2, 3, 4, 5], { horizon: 2 ** 32 }))).toMatchObject({ code: 'INVALID_OPTION' });
  });

  it('seasonalNaiveMethod(4)([1, 2, 3, 4], 1e300)', () => {
    expect(thrown(() => seasonalNaiveMethod(4)([1, 2, 3, 4], 1e300))).toMatchObject({
      name: 'RevopsError',
      code: 'INVALID_OPTION',
      field: 'horizon',
    });
  });
});

describe('horizons, runs and season lengths are read by core readInteger within LIMITS', () => {
  it('the documented bounds hold: LIMITS.horizon is accepted, one more is refused', () => {
    expect(linearTrend([1, 2, 3], { horizon: LIMITS.horizon }).forecast).toHaveLength(LIMITS.horizon);
    expect(thrown(() => linearTrend([1, 2, 3], { horizon: LIMITS.horizon + 1 })).code).toBe('INVALID_OPTION');
    expect(naiveMethod()([1], LIMITS.horizon)).toHaveLength(LIMITS.horizon);
    expect(thrown(() => naiveMethod()([1], LIMITS.horizon + 1)).code).toBe('INVALID_OPTION');
    expect(thrown(() => seasonalNaiveMethod(LIMITS.seasonLength + 1)).code).toBe('INVALID_OPTION');
    expect(thrown(() => holtWinters(austourists, { seasonLength: 1e300 })).field).toBe('options.seasonLength');
    expect(thrown(() => simulatePipeline([deal()], { runs: 2 ** 32 })).field).toBe('options.runs');
    expect(thrown(() => simulatePipeline([deal()], { runs: LIMITS.runs + 1 })).code).toBe('INVALID_OPTION');
  });

  it('numeric strings, booleans, fractions and non-finite numbers are refused, never coerced', () => {
    for (const bad of ['3', true, 2.5, Number.NaN, Number.POSITIVE_INFINITY, -1, 0]) {
      expect(thrown(() => linearTrend([1, 2, 3], { horizon: bad as never })).code).toBe('INVALID_OPTION');
      expect(thrown(() => backtest([1, 2, 3, 4, 5, 6], naiveMethod(), { folds: bad as never })).code).toBe(
        'INVALID_OPTION',
      );
    }
  });

  it('multiplicative simulated intervals refuse horizon × simulations beyond 10,000,000 values', () => {
    const options = { seasonLength: 4, seasonality: 'multiplicative' as const, horizon: 10_000, simulations: 5_000 };
    expect(thrown(() => holtWinters(austourists, options)).field).toBe('options.simulations');
    // Without intervals nothing is simulated, so the long horizon is fine.
    expect(holtWinters(austourists, { ...options, levels: [] }).forecast).toHaveLength(10_000);
  });
});
