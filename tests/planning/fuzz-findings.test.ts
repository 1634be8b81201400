/**
 * Regression tests for the planning findings of the long fuzz run (issue 14), each with the input
 * the run reported: a `TypeError` or a non-finite number must become a `RevopsError` naming the
 * field, or the exact answer.
 */
import { describe, expect, it } from 'vitest';
import { defaultDealPipeline } from '../../src/pipeline/index.js';
import { capacityPlan, diagnosePerformance, diagnoseTopPerformers, reverseFunnel } from '../../src/planning/index.js';
import { arrayWithConstructor } from '../fuzz/values.js';
import { thrown } from '../thrown.js';

const usd = (amount: string) => ({ amount, currency: 'USD' as const });

describe('diagnosePerformance reads each lost deal’s history', () => {
  const won = (id: string, ownerId: string, amount: string) => ({
    id,
    ownerId,
    stage: 'closed-won',
    amount: usd(amount),
    closeDate: '2026-05-10',
  });
  const lost = (id: string, ownerId: string, history: unknown = [{ to: 'discovery' }]) => ({
    id,
    ownerId,
    stage: 'closed-lost',
    amount: usd('1000.00'),
    closeDate: '2026-05-12',
    history,
  });
  const deals = (a3: unknown, a2: unknown = [{ to: 'discovery' }]) => [
    won('a1', 'ana', '30000.00'),
    lost('a2', 'ana', a2),
    lost('a3', 'ana', a3),
    lost('a4', 'ana'),
    won('b1', 'ben', '20000.00'),
    won('b2', 'ben', '20000.00'),
    { ...lost('b3', 'ben'), amount: { constructor: 1 } },
    lost('b4', 'ben'),
  ];
  const options = {
    member: 'ana',
    against: ['ben'],
    period: { start: '2026-04-01', end: '2026-06-30' },
    pipeline: defaultDealPipeline,
  };

  it('deals[2].history Object.create(null), false, 1: INVALID_INPUT naming it (was "history is not iterable")', () => {
    for (const history of [Object.create(null), false, 1]) {
      expect(thrown(() => diagnosePerformance({ deals: deals(history) } as never, options))).toMatchObject({
        name: 'RevopsError',
        code: 'INVALID_INPUT',
        field: 'data.deals[2] (id "a3").history',
      });
    }
  });

  it('a history with null appended: INVALID_INPUT naming the event (was a TypeError reading to)', () => {
    const e = thrown(() =>
      diagnosePerformance({ deals: deals(undefined, [{ to: 'discovery' }, null]) } as never, options),
    );
    expect(e).toMatchObject({ code: 'INVALID_INPUT', field: 'data.deals[1] (id "a2").history[1]' });
  });

  it('against carrying its own constructor is read as a plain array: the same gap of −10,000.00', () => {
    const ok = deals([{ to: 'discovery' }]);
    ok[6] = lost('b3', 'ben');
    const against = arrayWithConstructor(['ben'], 7) as string[];
    expect(diagnosePerformance({ deals: ok } as never, { ...options, against }).gap.amount).toBe('-10000.00');
  });

  it("against: 'team' with a members list holding null: INVALID_OPTION naming options.members[1]", () => {
    const members = [{ id: 'ana', teamId: 't' }, null];
    const e = thrown(() =>
      diagnosePerformance(
        { deals: deals([{ to: 'discovery' }]) } as never,
        {
          ...options,
          against: 'team',
          members,
        } as never,
      ),
    );
    expect(e).toMatchObject({ code: 'INVALID_OPTION', field: 'options.members[1]' });
  });

  it('the worked example is unchanged: a gap of −10,000.00', () => {
    const ok = deals([{ to: 'discovery' }]);
    ok[6] = lost('b3', 'ben');
    expect(diagnosePerformance({ deals: ok } as never, options).gap.amount).toBe('-10000.00');
  });
});

describe('diagnoseTopPerformers', () => {
  it('without pipeline: INVALID_OPTION naming options.pipeline (was a TypeError reading stages)', () => {
    const won = (id: string, ownerId: string, amount: string) => ({
      id,
      ownerId,
      stage: 'closed-won',
      amount: usd(amount),
      closeDate: '2026-05-10',
    });
    const data = { deals: [won('a', 'ana', '50000.00'), won('b', 'ben', '20000.00'), won('c', 'cy', '10000.00')] };
    const options = { members: ['ana', 'ben', 'cy'], top: 1, period: { start: '2026-04-01', end: '2026-06-30' } };
    for (const pipeline of [undefined, null]) {
      expect(thrown(() => diagnoseTopPerformers(data as never, { ...options, pipeline } as never))).toMatchObject({
        name: 'RevopsError',
        code: 'INVALID_OPTION',
        field: 'options.pipeline',
      });
    }
  });
});

describe('reverseFunnel', () => {
  const inputs = { averageDealSize: usd('20000.00'), winRate: 0.25, leadConversion: 0.1, periods: 12 };

  it('target "1e999": INVALID_INPUT naming target.amount (was wins.perPeriod = Infinity)', () => {
    const e = thrown(() => reverseFunnel(usd('1e999'), inputs));
    expect(e).toMatchObject({ name: 'RevopsError', code: 'INVALID_INPUT', field: 'target.amount' });
  });

  it('averageDealSize 5e-324 or winRate 5e-324: INVALID_INPUT naming what overflowed', () => {
    const tiny = { ...inputs, averageDealSize: { amount: 5e-324, currency: 'USD' } };
    expect(thrown(() => reverseFunnel(usd('480000.00'), tiny as never))).toMatchObject({ field: 'target.amount' });
    expect(thrown(() => reverseFunnel(usd('480000.00'), { ...inputs, winRate: 5e-324 }))).toMatchObject({
      code: 'INVALID_INPUT',
      field: 'inputs.winRate',
    });
  });

  it('target and deal size both 1e999: exactly 1 win (the quotient is exact)', () => {
    const f = reverseFunnel(usd('1e999'), { ...inputs, averageDealSize: usd('1e999') });
    expect([f.wins.expected, f.opportunities.expected, f.leads.expected]).toEqual([1, 4, 40]);
  });

  it('leadConversion steps with their own constructor are read: 96 opportunities ÷ (0.3 × 0.5) = 640 leads', () => {
    const steps = arrayWithConstructor([
      { name: 'meeting', rate: 0.3 },
      { name: 'opportunity', rate: 0.5 },
    ]);
    const f = reverseFunnel(usd('480000.00'), { ...inputs, leadConversion: steps as never });
    expect(f.opportunities.expected).toBe(96);
    expect(f.leads.expected).toBeCloseTo(640, 9);
  });
});

describe('capacityPlan with arrays carrying their own constructor', () => {
  const plan = (over: object) =>
    capacityPlan({
      target: usd('480000.00'),
      months: 6,
      quota: usd('50000.00'),
      attainment: 0.8,
      ramp: [0, 0.5],
      startingTeam: 10,
      ...over,
    } as never);

  it('target as 6 months with constructor: 7 plans as the worked example (4 starts, then 0)', () => {
    const target = arrayWithConstructor(
      Array.from({ length: 6 }, () => usd('480000.00')),
      7,
    );
    expect(plan({ target }).months.map((m) => m.starts)).toEqual([4, 0, 0, 0, 0, 0]);
  });

  it('startingTeam by tenure with constructor: the same plan as the plain array', () => {
    const plain = plan({ startingTeam: [0, 0, 10] });
    expect(plan({ startingTeam: arrayWithConstructor([0, 0, 10], 7) })).toEqual(plain);
  });

  it('a sparse target array: INVALID_INPUT naming the hole, not a plan with a hole', () => {
    // biome-ignore lint/suspicious/noSparseArray: the hole on purpose
    const target = [usd('1.00'), , usd('1.00')];
    expect(thrown(() => plan({ target }))).toMatchObject({ name: 'RevopsError', field: 'inputs.target[1]' });
  });
});

describe('capacityPlan with amounts past a safe number of minor units', () => {
  const base = { months: 6, quota: usd('50000.00'), attainment: 0.8, ramp: [0, 0.5], startingTeam: 10 };

  it('target "1e999": INVALID_AMOUNT naming inputs.target.amount (was a refusal naming an internal "units")', () => {
    expect(thrown(() => capacityPlan({ ...base, target: usd('1e999') } as never))).toMatchObject({
      code: 'INVALID_AMOUNT',
      field: 'inputs.target.amount',
    });
  });

  it('a target of 1e14 USD (1e16 cents, past 2^53) is planned, its amounts formatted exactly', () => {
    // 1e14 ÷ (50,000 × 0.8) = 2.5e9 ramped reps needed: more than 1,000,000 hires, so every month is unreachable
    const plan = capacityPlan({ ...base, target: usd('100000000000000.00') } as never);
    expect(plan.months[0]?.target.amount).toBe('100000000000000.00');
    expect(plan.unreachableMonths).toEqual([1, 2, 3, 4, 5, 6]);
  });
});
