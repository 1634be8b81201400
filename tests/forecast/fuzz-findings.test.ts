/**
 * Regression tests for the forecast findings of the long fuzz run (issue 14), each with the input
 * the run reported: a `TypeError`, a stack overflow or a non-finite number must become a
 * `RevopsError` naming the field, or the exact answer.
 */
import { describe, expect, it } from 'vitest';
import { money } from '../../src/core/money.js';
import {
  holtWinters,
  mergeWeightedPipeline,
  pipelineCoverage,
  simulatePipeline,
  summarizeWeightedPipeline,
  weightedPipeline,
} from '../../src/forecast/index.js';
import { arrayWithConstructor, bottomlessProxy, cyclic, nested } from '../fuzz/values.js';
import { thrown } from '../thrown.js';

const usd = (amount: string) => ({ amount, currency: 'USD' as const });

describe('weightedPipeline', () => {
  it('deals[0].teamId a bottomless proxy, grouped by team: INVALID_INPUT naming it (was a TypeError)', () => {
    const deal = (id: string, teamId: unknown, amount: string) => ({
      id,
      stage: 'negotiation',
      probability: 0.5,
      teamId,
      amount: usd(amount),
      expectedCloseDate: '2026-03-31',
    });
    const deals = [deal('d', bottomlessProxy(1), '100'), deal('e', undefined, '50'), deal('f', 'east', '20')];
    expect(thrown(() => weightedPipeline(deals as never, { groupBy: 'teamId' }))).toMatchObject({
      name: 'RevopsError',
      code: 'INVALID_INPUT',
      field: 'deals[0] (id "d").teamId',
    });
  });
});

describe('mergeWeightedPipeline: probabilities of a summary are read as fractions', () => {
  const d = (id: string, amount: string, probability: number) => ({
    id,
    stage: 'proposal',
    probability,
    amount: usd(amount),
    expectedCloseDate: '2026-03-31',
  });
  const a = summarizeWeightedPipeline([d('D-1', '10.00', 0.5)] as never);
  const b = summarizeWeightedPipeline([d('D-2', '0.10', 0.25)] as never);

  it('probabilities nested 10,000 objects deep: INVALID_SUMMARY naming the first entry (was a stack overflow)', () => {
    const hostile = { ...a, probabilities: nested(10_000, 'object') };
    const e = thrown(() => mergeWeightedPipeline(hostile as never, a));
    expect(e).toMatchObject({ name: 'RevopsError', code: 'INVALID_SUMMARY', field: 'a.probabilities["id"]' });
  });

  it('a cyclic probabilities object: INVALID_SUMMARY (was a TypeError from JSON.stringify)', () => {
    const hostile = { ...a, probabilities: cyclic().object };
    expect(thrown(() => mergeWeightedPipeline(hostile as never, a))).toMatchObject({
      code: 'INVALID_SUMMARY',
      field: 'a.probabilities["id"]',
    });
  });

  it('a map of fractions still merges: 10.00 × 0.4 + 0.10 × 0.4 = 4.04', () => {
    const o = { probabilities: { proposal: 0.4 } };
    const x = summarizeWeightedPipeline([d('D-1', '10.00', 0.5)] as never, o);
    const y = summarizeWeightedPipeline([d('D-2', '0.10', 0.25)] as never, o);
    expect(mergeWeightedPipeline(x, y).weighted).toBe('4.04');
    expect(mergeWeightedPipeline(a, b).weighted).toBe('5.025');
  });
});

describe('pipelineCoverage with an amount of "1e999" (money accepts up to 1e999)', () => {
  it('pipeline 1e999 against 1,600,000.00: INVALID_AMOUNT naming pipeline.amount (was Infinity)', () => {
    const e = thrown(() => pipelineCoverage(usd('1e999'), usd('1600000.00'), usd('0.00'), { winRate: 0.22 }));
    expect(e).toMatchObject({ name: 'RevopsError', code: 'INVALID_AMOUNT', field: 'pipeline.amount' });
    expect((e as Error).message).toContain('"1e999"');
  });

  it('pipeline and quota both 1e999: coverage exactly 1 and share 0.22 (was NaN)', () => {
    const c = pipelineCoverage(usd('1e999'), usd('1e999'), usd('0.00'), { winRate: 0.22 });
    expect(c.coverage).toBe(1);
    expect(c.expectedShareOfRemaining).toBe(0.22);
    // 1e999 × 0.22 = 22 followed by 997 zeros, exact
    expect(c.expectedBookings?.amount).toBe(`22${'0'.repeat(997)}.00`);
  });

  it('the worked example is unchanged: 4.8M against 1.6M at 22 % → 3×, 1,056,000.00, 0.66', () => {
    const c = pipelineCoverage(money(4_800_000, 'USD'), money(1_600_000, 'USD'), money(0, 'USD'), { winRate: 0.22 });
    expect([c.coverage, c.expectedBookings?.amount, c.expectedShareOfRemaining]).toEqual([3, '1056000.00', 0.66]);
  });
});

describe('simulatePipeline with an amount beyond 2^53 − 1 minor units', () => {
  const d = (id: string, amount: unknown, probability: number) => ({
    id,
    stage: 'proposal',
    probability,
    amount: { amount, currency: 'USD' },
    expectedCloseDate: '2026-03-31',
  });

  it('deals[2].amount.amount "1e999": INVALID_AMOUNT naming it (was NaN in the histogram)', () => {
    const deals = [d('a', '100000', 0.5), d('b', '50000', 0.8), d('c', '1e999', 0.3)];
    expect(thrown(() => simulatePipeline(deals as never, { runs: 20000, seed: 7 }))).toMatchObject({
      name: 'RevopsError',
      code: 'INVALID_AMOUNT',
      field: 'deals[2] (id "c").amount.amount',
    });
  });

  it('deals[0].amount.amount 1e300 and -1e308: INVALID_AMOUNT (were an Infinity standard deviation, NaN)', () => {
    for (const amount of [1e300, -1e308]) {
      const deals = [d('a', amount, 0.5), d('b', '50000', 0.8), d('c', '20000', 0.3)];
      expect(thrown(() => simulatePipeline(deals as never, { runs: 100, seed: 7 }))).toMatchObject({
        code: 'INVALID_AMOUNT',
        field: 'deals[0] (id "a").amount.amount',
      });
    }
  });

  it('at the limit (90,071,992,547,409.91 USD) it still simulates: expected = amount × p', () => {
    const sim = simulatePipeline([d('a', '90071992547409.91', 1)] as never, { runs: 10, seed: 7 });
    expect(sim.expected).toBe(90071992547409.91);
    expect([sim.min, sim.p50, sim.max]).toEqual([90071992547409.91, 90071992547409.91, 90071992547409.91]);
  });
});

describe('holtWinters', () => {
  const series = [9, 12];
  const options = {
    trend: 'none',
    alpha: 0.5,
    gamma: 0.2,
    initial: { level: 10, seasonal: [-1, 1] },
    horizon: 2,
    levels: [],
  } as const;

  it('seasonLength Symbol() or a bottomless proxy: INVALID_OPTION on options.seasonLength (was a TypeError)', () => {
    for (const seasonLength of [Symbol('hostile'), bottomlessProxy(1)]) {
      expect(thrown(() => holtWinters(series, { ...options, seasonLength } as never))).toMatchObject({
        name: 'RevopsError',
        code: 'INVALID_OPTION',
        field: 'options.seasonLength',
      });
    }
  });

  it('initial.seasonal with its own constructor is read as a plain array (was a TypeError)', () => {
    // ETS(A,N,A), α 0.5, γ 0.2, ℓ₀ 10, s = [−1, 1]: ŷ₁ = 9 (e 0); ŷ₂ = 11, e = 1, ℓ₂ = 10.5,
    // s₂ = 1 + 0.2 = 1.2; forecasts ℓ₂ + s₁ = 9.5 and ℓ₂ + s₂ = 11.7
    const initial = { level: 10, seasonal: arrayWithConstructor([-1, 1], 7) };
    const fit = holtWinters(series, { ...options, seasonLength: 2, initial } as never);
    expect(fit.forecast[0]).toBeCloseTo(9.5, 12);
    expect(fit.forecast[1]).toBeCloseTo(11.7, 12);
  });
});
