import { describe, expect, it } from 'vitest';
import {
  finalizeWeightedPipeline,
  forecastByCategory,
  mergeWeightedPipeline,
  simulatePipeline,
  summarizeWeightedPipeline,
  weightedPipeline,
  weightedPipelineBy,
} from '../../src/forecast/index.js';
import { money, roundMoney } from '../../src/core/index.js';
import { codeOf, deal } from './helpers.js';

describe('weightedPipeline', () => {
  it('Freshworks E1: six Negotiation deals at 70 % → $12,285 stage value, $8,599.50 weighted', () => {
    // Oracle: crmsupport.freshworks.com 50000002959 "How to set up and use weighted pipelines":
    // stage value $12,285, "70 % of $12285 = $8600" (rounded to whole dollars); exact 0.7 × 12,285 = 8,599.50 (by hand).
    const deals = [3950, 3060, 1460, 1340, 1285, 1190].map((a) =>
      deal({ stage: 'negotiation', probability: 0.7, amount: String(a) }),
    );
    const w = weightedPipeline(deals);
    expect(w.amount).toEqual(money('12285', 'USD'));
    expect(w.weighted).toEqual({ amount: '8599.50', currency: 'USD' });
    expect(w.byStage.negotiation?.count).toBe(6);
    // The article's presentation: whole dollars (half away from zero and half even both give 8,600).
    expect(Math.round(Number(w.weighted.amount))).toBe(8600);
  });

  it('frappe/crm #798 (S1): weighted forecast by expected-close month', () => {
    // Oracle: frappe/crm issue #798: A ₹1,00,000 × 50 % (June) = ₹50,000; B × 50 % (July) = ₹50,000; C × 100 % (August) = ₹1,00,000.
    const deals = [
      deal({ currency: 'INR', amount: '100000', probability: 0.5, expectedCloseDate: '2026-06-15' }),
      deal({ currency: 'INR', amount: '100000', probability: 0.5, expectedCloseDate: '2026-07-15' }),
      deal({ currency: 'INR', amount: '100000', probability: 1, expectedCloseDate: '2026-08-15' }),
    ];
    const june = weightedPipeline(deals, { period: { start: '2026-06-01', end: '2026-06-30' } });
    const august = weightedPipeline(deals, { period: { start: '2026-08-01', end: '2026-08-31' } });
    expect(june.weighted).toEqual({ amount: '50000.00', currency: 'INR' });
    expect(august.weighted).toEqual({ amount: '100000.00', currency: 'INR' });
  });

  it('SaaSGrid stage rates on its five open deals: 2,500 + 16,000 + 52,000 = 70,500 (by hand)', () => {
    // Inputs: SaaSGrid weighted-pipeline page (ACME Stage 1 $10,000; Bonner/CHOAM Stage 2 $25,000/$15,000;
    // Daedalus/Electric Stage 3 $30,000/$50,000; a Closed Lost deal excluded) with its stage rates 25/40/65 %.
    // The weighted total is computed by hand (research E4 note: not printed by SaaSGrid).
    const deals = [
      deal({ stage: 'stage1', amount: '10000' }),
      deal({ stage: 'stage2', amount: '25000' }),
      deal({ stage: 'stage2', amount: '15000' }),
      deal({ stage: 'stage3', amount: '30000' }),
      deal({ stage: 'stage3', amount: '50000' }),
      deal({ stage: 'lost', amount: '99000', closeDate: '2026-02-01' }),
    ];
    const w = weightedPipeline(deals, { probabilities: { stage1: 0.25, stage2: 0.4, stage3: 0.65 } });
    expect(w.amount.amount).toBe('130000.00');
    expect(w.weighted.amount).toBe('70500.00');
    expect(w.byStage.stage2?.weighted.amount).toBe('16000.00');
  });

  it('sums exactly and rounds once, at the total (not per deal)', () => {
    // By hand: 3 × (0.01 × 0.5) = 0.015 exactly → 0.02 (half away from zero); per-deal rounding would give 0.03.
    const deals = [1, 2, 3].map(() => deal({ amount: '0.01', probability: 0.5 }));
    const w = weightedPipeline(deals);
    expect(w.weightedExact.amount).toBe('0.015');
    expect(w.weighted.amount).toBe('0.02');
    expect(weightedPipeline(deals, { rounding: 'halfEven' }).weighted.amount).toBe('0.02');
    expect(weightedPipeline(deals, { rounding: 'towardZero' }).weighted).toEqual(
      roundMoney(money('0.015', 'USD'), 'towardZero'),
    );
    expect(weightedPipeline(deals, { rounding: 'towardZero' }).weighted.amount).toBe('0.01');
  });

  it('reads the probability as its shortest decimal (0.1 × 0.3 is 0.03, not a binary product)', () => {
    const w = weightedPipeline([deal({ amount: '0.10', probability: 0.3 })]);
    expect(w.weightedExact.amount).toBe('0.03');
  });

  it('ignores closed deals and deals outside the period; period bounds are inclusive', () => {
    const deals = [
      deal({ amount: '100', expectedCloseDate: '2026-01-01' }),
      deal({ amount: '200', expectedCloseDate: '2026-03-31' }),
      deal({ amount: '400', expectedCloseDate: '2026-04-01' }),
      deal({ amount: '800', expectedCloseDate: '2026-02-01', closeDate: '2026-02-01', stage: 'won', probability: 1 }),
    ];
    const w = weightedPipeline(deals, { period: { start: '2026-01-01', end: '2026-03-31' } });
    expect(w.count).toBe(2);
    expect(w.amount.amount).toBe('300.00');
  });

  it('needs a currency only when nothing is included', () => {
    expect(codeOf(() => weightedPipeline([]))).toBe('INVALID_OPTION');
    expect(weightedPipeline([], { currency: 'JPY' }).weighted).toEqual({ amount: '0', currency: 'JPY' });
  });

  it('rejects bad input with stable codes', () => {
    expect(codeOf(() => weightedPipeline([deal({ probability: 1.5 })]))).toBe('INVALID_RATE');
    expect(codeOf(() => weightedPipeline([deal(), deal({ currency: 'EUR' })]))).toBe('CURRENCY_MISMATCH');
    expect(codeOf(() => weightedPipeline([deal()], { probabilities: { proposal: 50 } }))).toBe('INVALID_RATE');
    expect(codeOf(() => weightedPipeline([deal()], { period: { start: '2026-03-01', end: '2026-01-01' } }))).toBe(
      'INVALID_PERIOD',
    );
    expect(codeOf(() => weightedPipeline('x' as never))).toBe('INVALID_INPUT');
  });

  it('summaries are JSON round-trippable and merge to the same answer', () => {
    const a = [deal({ amount: '10.10', probability: 0.33 }), deal({ stage: 'demo', amount: '5', probability: 0.2 })];
    const b = [deal({ amount: '7.77', probability: 0.9 })];
    const merged = mergeWeightedPipeline(
      JSON.parse(JSON.stringify(summarizeWeightedPipeline(a))) as ReturnType<typeof summarizeWeightedPipeline>,
      summarizeWeightedPipeline(b),
    );
    expect(finalizeWeightedPipeline(merged)).toEqual(weightedPipeline([...a, ...b]));
    expect(codeOf(() => mergeWeightedPipeline(merged, { kind: 'other' } as never))).toBe('INVALID_INPUT');
    expect(codeOf(() => mergeWeightedPipeline(merged, summarizeWeightedPipeline([deal({ currency: 'EUR' })])))).toBe(
      'CURRENCY_MISMATCH',
    );
  });
});

describe('weightedPipelineBy', () => {
  it('splits by team and territory, with unassigned deals in their own group', () => {
    const deals = [
      deal({ teamId: 'east', amount: '100' }),
      deal({ teamId: 'west', amount: '300' }),
      deal({ amount: '50' }),
    ];
    const by = weightedPipelineBy(deals, 'teamId');
    expect(Object.keys(by)).toEqual(['(unassigned)', 'east', 'west']);
    expect(by.west?.weighted.amount).toBe('150.00');
    expect(codeOf(() => weightedPipelineBy(deals, 'region' as never))).toBe('INVALID_OPTION');
  });
});

describe('purity', () => {
  it('never mutates its arguments (deeply frozen deals)', async () => {
    const { forecastByCategory, simulatePipeline, stageProbabilities } = await import('../../src/forecast/index.js');
    const { pipeline } = await import('./helpers.js');
    const freeze = <T>(x: T): T => {
      if (typeof x === 'object' && x !== null) {
        Object.values(x).forEach(freeze);
        Object.freeze(x);
      }
      return x;
    };
    const deals = freeze([
      deal({ amount: '10' }),
      deal({ stage: 'won', closeDate: '2026-01-02', forecastCategory: 'closed' }),
    ]);
    const options = freeze({ probabilities: { proposal: 0.4 }, period: { start: '2026-01-01', end: '2026-12-31' } });
    expect(() => {
      weightedPipeline(deals, options);
      forecastByCategory(deals, options.period);
      simulatePipeline(deals, { runs: 10, ...options });
      stageProbabilities(
        deals,
        freeze({
          pipeline: {
            ...pipeline,
            stages: [
              ...pipeline.stages,
              {
                id: 'proposal',
                name: 'P',
                kind: 'open' as const,
                probability: 0.5,
                forecastCategory: 'pipeline' as const,
                requiredFields: [],
              },
            ],
          },
        }),
      );
    }).not.toThrow();
  });
});

describe('weightedPipelineBy with awkward group keys', () => {
  it('a team called "__proto__" is an ordinary own key (the prototype is untouched)', () => {
    // Computed by hand: 100.00 × 0.5 = 50.00.
    const by = weightedPipelineBy([deal({ teamId: '__proto__', amount: '100.00', probability: 0.5 })], 'teamId');
    expect(Object.keys(by)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(by)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(by, '__proto__')?.value.weighted.amount).toBe('50.00');
  });
});

describe('period filtering validates the dates it compares', () => {
  it('a malformed expectedCloseDate is INVALID_DATE naming the deal, not silently dropped by string comparison', () => {
    const period = { start: '2026-01-01', end: '2026-03-31' };
    const bad = [deal({ expectedCloseDate: '2026-3-5' })];
    expect(codeOf(() => weightedPipeline(bad, { period }))).toBe('INVALID_DATE');
    expect(() => weightedPipeline(bad, { period })).toThrow(/deals\[0\]\.expectedCloseDate/);
    expect(codeOf(() => simulatePipeline(bad, { period, runs: 10 }))).toBe('INVALID_DATE');
    expect(codeOf(() => forecastByCategory(bad, period))).toBe('INVALID_DATE');
    expect(codeOf(() => forecastByCategory([deal({ closeDate: '2026-02-30' })], period))).toBe('INVALID_DATE');
  });
});

describe('ids from data never reach a prototype', () => {
  it('stages called "__proto__" and "constructor" are ordinary keys through summarize, JSON, merge and finalize', () => {
    // Computed by hand: 100.00 × 0.5 = 50.00 and 10.00 × 0.1 = 1.00 per stage; merged twice: 100.00 and 2.00.
    const deals = [
      deal({ stage: '__proto__', amount: '100.00', probability: 0.5 }),
      deal({ stage: 'constructor', amount: '10.00', probability: 0.1 }),
    ];
    const s = summarizeWeightedPipeline(deals);
    const viaJson = JSON.parse(JSON.stringify(s)) as typeof s;
    const merged = finalizeWeightedPipeline(mergeWeightedPipeline(s, viaJson));
    expect(Object.keys(merged.byStage)).toEqual(['__proto__', 'constructor']);
    expect(Object.getOwnPropertyDescriptor(merged.byStage, '__proto__')?.value.weighted.amount).toBe('100.00');
    expect(Object.getOwnPropertyDescriptor(merged.byStage, 'constructor')?.value.weighted.amount).toBe('2.00');
  });

  it('a slip record is read by own deal id only (a deal "constructor" without an entry does not slip)', () => {
    // Computed by hand: p = 1 and no slip entry ⇒ every run books 100.
    const sim = simulatePipeline([deal({ id: 'constructor', amount: '100.00', probability: 1 })], {
      runs: 10,
      slip: { other: 1 },
    });
    expect(sim.mean).toBe(100);
  });
});
