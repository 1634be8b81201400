/**
 * Regression tests for findings of the long fuzz run of 2026-12-03 (session 12, `npm run fuzz`),
 * each with the exact input the run reported: a `TypeError`, `RangeError` or a non-finite number
 * must become a `RevopsError` naming the field, or the right answer.
 */
import { describe, expect, it } from 'vitest';
import { plainArray, readArray } from '../../src/core/read.js';
import { assignAccountTiers, summarizeQuotaAttainment } from '../../src/metrics/index.js';
import { definePipeline, finalizeStageDurations } from '../../src/pipeline/index.js';
import { capacityPlan, diagnoseTopPerformers, lmdiDecomposition } from '../../src/planning/index.js';
import { thrown } from '../thrown.js';

const usd = (amount: string) => ({ amount, currency: 'USD' as const });

describe('arrays with their own constructor (ArraySpeciesCreate) are read as plain arrays', () => {
  it('plainArray copies such an array element by element, and returns a plain one itself', () => {
    const odd = Object.assign([0, 0.5], { constructor: 7 });
    const copy = plainArray(odd);
    expect(copy).not.toBe(odd);
    expect([...copy]).toEqual([0, 0.5]);
    expect(copy.map((x) => x)).toEqual([0, 0.5]);
    const plain = [1, 2];
    expect(plainArray(plain)).toBe(plain);
    expect(readArray(odd, 'x').filter(() => true)).toEqual([0, 0.5]);
  });

  it('capacityPlan with ramp [0, 0.5] carrying constructor: 7 plans as the @example does (4 starts, then 0)', () => {
    const ramp = Object.assign([0, 0.5], { constructor: 7 });
    const plan = capacityPlan({
      target: usd('480000.00'),
      months: 6,
      quota: usd('50000.00'),
      attainment: 0.8,
      ramp,
      startingTeam: 10,
    });
    expect(plan.months.map((m) => m.starts)).toEqual([4, 0, 0, 0, 0, 0]);
  });
});

describe('refusals instead of leaks', () => {
  it('definePipeline with 1,000,000 copies of one stage: INVALID_PIPELINE, not a stack overflow', () => {
    const stage = { id: 'open', name: 'Open', kind: 'open', probability: 0.3, forecastCategory: 'pipeline' };
    const e = thrown(() =>
      definePipeline({
        id: 'simple',
        name: 'Simple',
        entity: 'deal',
        stages: new Array(1e6).fill(stage),
        transitions: [],
      } as never),
    );
    expect(e).toMatchObject({ name: 'RevopsError', code: 'INVALID_PIPELINE' });
    expect((e as Error).message.length).toBeLessThan(2000);
  });

  it('summarizeQuotaAttainment with a won deal without amount names deals[0].amount', () => {
    const quota = { memberId: 'ae1', period: { start: '2026-01-01', end: '2026-03-31' }, amount: usd('100.00') };
    const deal = { ownerId: 'ae1', stage: 'closed-won', closeDate: '2026-02-01' };
    expect(thrown(() => summarizeQuotaAttainment([deal] as never, [quota] as never))).toMatchObject({
      name: 'RevopsError',
      field: 'deals[0].amount',
    });
  });

  it('assignAccountTiers: options null is INVALID_OPTION; an id that is not a string is INVALID_INPUT', () => {
    const accounts = [{ id: 'x', annualSpend: usd('25000.00') }];
    const tiers = [
      { tier: 'A', minAnnualSpend: usd('100000') },
      { tier: 'B', minAnnualSpend: usd('25000') },
    ];
    expect(thrown(() => assignAccountTiers(accounts, tiers, null as never))).toMatchObject({ code: 'INVALID_OPTION' });
    expect(thrown(() => assignAccountTiers([{ id: 7, annualSpend: usd('1') }] as never, tiers))).toMatchObject({
      code: 'INVALID_INPUT',
      field: 'accounts[0].id',
    });
    // the worked case: 25,000.00 meets B's threshold exactly
    expect(assignAccountTiers(accounts, tiers).counts).toEqual({ A: 0, B: 1 });
  });

  it('lmdiDecomposition: a conversion of 1e308 overflows the product: INVALID_INPUT naming target', () => {
    const base = { activities: 400, conversion: 0.1, winRate: -0, dealSize: 20000 };
    const target = { activities: 300, conversion: 1e308, winRate: 0.2, dealSize: 25000 };
    expect(thrown(() => lmdiDecomposition(base, target))).toMatchObject({ code: 'INVALID_INPUT', field: 'target' });
  });

  it('diagnoseTopPerformers(null, …) is INVALID_INPUT naming data', () => {
    const e = thrown(() =>
      diagnoseTopPerformers(
        null as never,
        {
          members: ['ana', 'ben', 'cy'],
          top: 1,
          period: { start: '2026-04-01', end: '2026-06-30' },
        } as never,
      ),
    );
    expect(e).toMatchObject({ name: 'RevopsError' });
  });

  it('finalizeStageDurations: stages with their own constructor are read; 1e308 ms is refused', () => {
    const summary = {
      kind: 'stageDurations',
      version: 1,
      pipelineId: 'p',
      mode: 'visit',
      stages: Object.assign(['a', 'b'], { constructor: 7 }),
      samples: { a: [86_400_000, 172_800_000, 432_000_000], b: [] },
    };
    // a: 1, 2 and 5 days, so a mean of 8/3 days
    const a = finalizeStageDurations(summary as never)[0];
    expect(a?.meanDays).toBeCloseTo(8 / 3, 12);
    const huge = { ...summary, stages: ['a', 'b'], samples: { a: [1e308, 1e308], b: [] } };
    expect(thrown(() => finalizeStageDurations(huge as never))).toMatchObject({
      code: 'INVALID_SUMMARY',
      field: 'summary.samples["a"][0]',
    });
  });
});
