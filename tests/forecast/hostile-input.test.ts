import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/core/read.js';
import {
  backtest,
  holtWinters,
  finalizeForecastByCategory,
  finalizeWeightedPipeline,
  linearTrend,
  linearTrendMethod,
  naiveMethod,
  pipelineCoverage,
  summarizeForecastByCategory,
  summarizeWeightedPipeline,
  weightedPipeline,
  seasonalNaiveMethod,
  simulatePipeline,
  stageProbabilities,
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

describe('issue 14, long fuzz run: options null, horizons of the backtest methods, series values', () => {
  it('linearTrend([1, 2, 1.3, 3.75, 2.25], null) is INVALID_OPTION (was a TypeError)', () => {
    expect(thrown(() => linearTrend([1, 2, 1.3, 3.75, 2.25], null as never))).toMatchObject({
      name: 'RevopsError',
      code: 'INVALID_OPTION',
      field: 'options',
    });
  });

  it('19:30 inputs: linearTrend([100, 100, 250, 300, 350, 400], null), summarizeWeightedPipeline([D-1], null)', () => {
    expect(thrown(() => linearTrend([100, 100, 250, 300, 350, 400], null as never))).toMatchObject({
      name: 'RevopsError',
      code: 'INVALID_OPTION',
      field: 'options',
    });
    const d1 = {
      id: 'D-1',
      stage: 'proposal',
      probability: 0.3,
      amount: { amount: '1000.00', currency: 'USD' },
      expectedCloseDate: '2026-03-31',
    };
    expect(thrown(() => summarizeWeightedPipeline([d1] as never, null as never))).toMatchObject({
      name: 'RevopsError',
      code: 'INVALID_OPTION',
      field: 'options',
    });
  });

  it('summarizeWeightedPipeline(deals, null) and the other options of forecast are INVALID_OPTION', () => {
    const deals = [deal({ stage: 'proposal' })];
    for (const f of [
      () => summarizeWeightedPipeline(deals, null as never),
      () => weightedPipeline(deals, null as never),
      () => finalizeWeightedPipeline(summarizeWeightedPipeline(deals), null as never),
      () => holtWinters([1, 2, 3, 4], null as never),
      () =>
        finalizeForecastByCategory(
          summarizeForecastByCategory(deals, { period: { start: '2026-01-01', end: '2026-03-31' } }),
          null as never,
        ),
      () => simulatePipeline(deals, null as never),
      () => backtest([1, 2, 3, 4, 5], naiveMethod(), null as never),
      () =>
        pipelineCoverage(
          { amount: '1', currency: 'USD' },
          { amount: '1', currency: 'USD' },
          { amount: '0', currency: 'USD' },
          null as never,
        ),
    ])
      expect(thrown(f)).toMatchObject({ name: 'RevopsError', code: 'INVALID_OPTION', field: 'options' });
  });

  it("linearTrendMethod() at horizon 1e300: refused by core's horizon reader (LIMITS.horizon), no fatal abort", () => {
    expect(thrown(() => linearTrendMethod()([1, 2, 3], 1e300))).toMatchObject({
      name: 'RevopsError',
      code: 'INVALID_OPTION',
      field: 'options.horizon',
    });
    expect(linearTrendMethod()([1, 2, 3], LIMITS.horizon)).toHaveLength(LIMITS.horizon);
  });

  it('naiveMethod and seasonalNaiveMethod read the series as numbers: "11" and NaN are refused', () => {
    expect(thrown(() => naiveMethod()([10, 12, '11' as never], 1))).toMatchObject({
      code: 'INVALID_INPUT',
      field: 'train[2]',
    });
    expect(thrown(() => seasonalNaiveMethod(2)([10, 12, '11' as never, 9], 1))).toMatchObject({
      code: 'INVALID_INPUT',
      field: 'train[2]',
    });
    expect(thrown(() => seasonalNaiveMethod(1)([Number.NaN], 1))).toMatchObject({ code: 'INVALID_INPUT' });
    // By hand: the seasonal naive forecast repeats the last season: [.., 3, 4] at m = 2 → 3, 4, 3.
    expect(seasonalNaiveMethod(2)([1, 2, 3, 4], 3)).toEqual([3, 4, 3]);
  });
});

describe('long fuzz run of 2026-12-03: stageProbabilities messages stay bounded', () => {
  // stageProbabilities' worked example, with stage "won" renamed to a 10,000-character id: the deal in stage "won"
  // is then in no stage of the pipeline, and the message listed every stage id whole (10,091 characters).
  const stage = (id: string, kind: string, probability: number, forecastCategory: string) => ({
    id,
    name: id,
    kind,
    probability,
    forecastCategory,
    requiredFields: [],
  });
  const long = 'won'.repeat(3334).slice(0, 10_000);
  const pipeline = {
    id: 'p',
    name: 'Deals',
    entity: 'deal',
    transitions: [],
    handoffStages: [],
    stages: [
      stage('discovery', 'open', 0.1, 'pipeline'),
      stage('proposal', 'open', 0.5, 'bestCase'),
      stage(long, 'won', 1, 'closed'),
      stage('lost', 'lost', 0, 'omitted'),
    ],
  };
  const ev = (from: string | null, to: string) => ({
    from,
    to,
    at: '2026-01-05T10:00:00Z',
    actorId: 'u',
    roleId: 'ae',
  });
  const deals = [
    { stage: 'won', history: [ev(null, 'discovery'), ev('discovery', 'proposal'), ev('proposal', 'won')] },
  ];

  it('an unknown stage is refused with INVALID_INPUT and a message under 400 characters, the long id cut', () => {
    let error: { code?: string; message: string } = { message: '' };
    try {
      stageProbabilities(deals as never, { pipeline } as never);
    } catch (e) {
      error = e as { code?: string; message: string };
    }
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toBe(
      `history[0].stage must be a stage of pipeline "p" (discovery, proposal, ${long.slice(0, 57)}..., lost), ` +
        'got "won"',
    );
  });

  it('a pipeline id of 10,000 characters is cut in the message too', () => {
    const named = {
      ...pipeline,
      id: 'p'.repeat(10_000),
      stages: [...pipeline.stages.slice(0, 2), stage('won', 'won', 1, 'closed'), pipeline.stages[3]],
    };
    const bad = [{ stage: 'won', history: [ev(null, 'nowhere')] }];
    let message = '';
    try {
      stageProbabilities(bad as never, { pipeline: named } as never);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message.length).toBeGreaterThan(0);
    expect(message.length).toBeLessThan(400);
  });
});
