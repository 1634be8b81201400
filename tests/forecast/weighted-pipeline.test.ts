import { describe, expect, it } from 'vitest';
import {
  finalizeWeightedPipeline,
  forecastByCategory,
  mergeWeightedPipeline,
  simulatePipeline,
  summarizeWeightedPipeline,
  weightedPipeline,
} from '../../src/forecast/index.js';
import { money, roundMoney } from '../../src/core/index.js';
import type { Pipeline } from '../../src/model/pipeline.js';
import { codeOf, deal, pipeline } from './helpers.js';

describe('weightedPipeline', () => {
  it('Freshworks E1: six Negotiation deals at 70 % → $12,285 stage value, $8,599.50 weighted', () => {
    // Oracle: crmsupport.freshworks.com 50000002959 "How to set up and use weighted pipelines":
    // stage value $12,285, "70 % of $12285 = $8600" (rounded to whole dollars); exact 0.7 × 12,285 = 8,599.50 (by
    // hand).
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
    // Oracle: frappe/crm issue #798: A ₹1,00,000 × 50 % (June) = ₹50,000; B × 50 % (July) = ₹50,000; C × 100 % (August)
    // = ₹1,00,000.
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
    const w = weightedPipeline(deals, { pipeline, probabilities: { stage1: 0.25, stage2: 0.4, stage3: 0.65 } });
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
      deal({
        amount: '800',
        expectedCloseDate: '2026-02-01',
        closeDate: '2026-02-01',
        stage: 'closed-won',
        probability: 1,
      }),
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
    expect(codeOf(() => mergeWeightedPipeline(merged, { kind: 'other' } as never))).toBe('INVALID_SUMMARY');
    expect(codeOf(() => mergeWeightedPipeline(merged, summarizeWeightedPipeline([deal({ currency: 'EUR' })])))).toBe(
      'CURRENCY_MISMATCH',
    );
  });
});

describe('weightedPipeline groupBy', () => {
  it('splits by team, with unassigned deals in their own group; the groups add up to the total', () => {
    // By hand: east 100 × 0.5 = 50.00, west 300 × 0.5 = 150.00, no team 50 × 0.5 = 25.00; total 225.00.
    const deals = [
      deal({ teamId: 'east', amount: '100' }),
      deal({ teamId: 'west', amount: '300' }),
      deal({ amount: '50' }),
    ];
    const w = weightedPipeline(deals, { groupBy: 'teamId' });
    expect(Object.keys(w.groups ?? {})).toEqual(['(unassigned)', 'east', 'west']);
    expect(w.groups?.west?.weighted.amount).toBe('150.00');
    expect(w.groups?.['(unassigned)']?.weighted.amount).toBe('25.00');
    expect(w.weighted.amount).toBe('225.00');
    expect(weightedPipeline(deals).groups).toBeUndefined();
    expect(codeOf(() => weightedPipeline(deals, { groupBy: 'region' as never }))).toBe('INVALID_OPTION');
  });

  it('groups by a function, and the grouped summaries merge like the whole', () => {
    const deals = [deal({ amount: '10', ownerId: 'a' }), deal({ amount: '20', ownerId: 'b' })];
    const byOwner = { groupBy: (d: { ownerId: string }) => `owner ${d.ownerId}` };
    const merged = mergeWeightedPipeline(
      summarizeWeightedPipeline(deals.slice(0, 1), byOwner),
      summarizeWeightedPipeline(deals.slice(1), byOwner),
    );
    expect(finalizeWeightedPipeline(merged)).toEqual(weightedPipeline(deals, byOwner));
    expect(codeOf(() => mergeWeightedPipeline(merged, summarizeWeightedPipeline([])))).toBe('INVALID_SUMMARY');
  });
});

describe('weightedPipeline: open is decided by the pipeline, not by closeDate', () => {
  it('an open stage with a closeDate counts; a won stage without one does not', () => {
    // By hand: only the negotiation deal is open: 100 × 0.5 = 50.00.
    const deals = [
      deal({ stage: 'negotiation', amount: '100', closeDate: '2026-03-01' }),
      deal({ stage: 'closed-won', amount: '900', probability: 1 }),
    ];
    expect(weightedPipeline(deals).weighted.amount).toBe('50.00');
  });

  it('a stage the pipeline lacks is INVALID_INPUT naming the deal by index and id', () => {
    expect(codeOf(() => weightedPipeline([deal({ id: 'D-17', stage: 'Verbal Commit' })]))).toBe('INVALID_INPUT');
    expect(() => weightedPipeline([deal({ id: 'D-17', stage: 'Verbal Commit' })])).toThrow(/deals\[0\] \(id "D-17"\)/);
  });
});

describe('weightedPipeline refuses a deal counted twice', () => {
  it('the same id twice is DUPLICATE_ID naming both positions', () => {
    const deals = [deal({ id: 'D-1' }), deal({ id: 'D-2' }), deal({ id: 'D-1' })];
    let error: unknown;
    try {
      weightedPipeline(deals);
    } catch (e) {
      error = e;
    }
    expect((error as { code: string }).code).toBe('DUPLICATE_ID');
    expect((error as Error).message).toMatch(/deals\[2\] \(id "D-1"\) repeats deals\[0\]/);
    expect((error as { details: unknown }).details).toEqual({ id: 'D-1', first: 0, second: 2 });
  });

  it('a deal summarised in two chunks is DUPLICATE_ID on merge', () => {
    const d = deal({ id: 'D-9' });
    const s = summarizeWeightedPipeline([d]);
    expect(codeOf(() => mergeWeightedPipeline(s, summarizeWeightedPipeline([d])))).toBe('DUPLICATE_ID');
  });
});

describe('weightedPipeline summaries are validated on merge and finalize', () => {
  const thrown = (f: () => unknown): { code?: string; field?: string } => {
    try {
      f();
    } catch (e) {
      return e as { code?: string; field?: string };
    }
    return {};
  };
  it('a field of the wrong type, a missing field, another kind or version: INVALID_SUMMARY naming the field', () => {
    const s = summarizeWeightedPipeline([deal({ amount: '10' })]);
    const bad = (patch: Record<string, unknown>) => ({ ...s, ...patch }) as never;
    expect(thrown(() => finalizeWeightedPipeline(bad({ count: '1' })))).toMatchObject({
      code: 'INVALID_SUMMARY',
      field: 'summary.count',
    });
    expect(thrown(() => finalizeWeightedPipeline(bad({ weighted: 5 })))).toMatchObject({ field: 'summary.weighted' });
    expect(thrown(() => finalizeWeightedPipeline(bad({ version: 2 })))).toMatchObject({ field: 'summary.version' });
    expect(thrown(() => finalizeWeightedPipeline(bad({ kind: 'winRate' })))).toMatchObject({ field: 'summary.kind' });
    expect(thrown(() => mergeWeightedPipeline(s, bad({ ids: undefined })))).toMatchObject({ field: 'b.ids' });
    expect(thrown(() => mergeWeightedPipeline(s, bad({ byStage: { proposal: { count: 1 } } })))).toMatchObject({
      field: 'b.byStage.proposal.amount',
    });
  });

  it('long fuzz run (session 12): a groupBy of 100,000 characters is refused in a bounded message', () => {
    // The fuzz input: a summary whose groupBy is 'a' × 100,000 (and no groups), finalized with
    // { currency: 'EUR' }. The message used to quote the whole value (100,053 characters).
    const s = summarizeWeightedPipeline([deal({ amount: '10' })]);
    const long = { ...s, groupBy: 'a'.repeat(100_000) } as never;
    const e = thrown(() => finalizeWeightedPipeline(long, { currency: 'EUR' } as never)) as {
      code?: string;
      field?: string;
      message?: string;
    };
    expect(e).toMatchObject({ code: 'INVALID_SUMMARY', field: 'summary.groupBy' });
    expect(e.message?.length).toBeLessThan(400);
    // only the grouping keys of the library (or 'function', or null) are a summary's groupBy
    expect(thrown(() => finalizeWeightedPipeline({ ...s, groupBy: 'owner' } as never))).toMatchObject({
      code: 'INVALID_SUMMARY',
      field: 'summary.groupBy',
    });
    const byOwner = summarizeWeightedPipeline([deal({ amount: '10' })], { groupBy: 'ownerId' });
    expect(finalizeWeightedPipeline(JSON.parse(JSON.stringify(byOwner)))).toEqual(
      weightedPipeline([deal({ amount: '10' })], { groupBy: 'ownerId' }),
    );
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
      deal({ stage: 'closed-won', closeDate: '2026-01-02', forecastCategory: 'closed' }),
    ]);
    const options = freeze({ probabilities: { proposal: 0.4 }, period: { start: '2026-01-01', end: '2026-12-31' } });
    expect(() => {
      weightedPipeline(deals, options);
      forecastByCategory(deals, { period: options.period });
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
              {
                id: 'closed-won',
                name: 'W',
                kind: 'won' as const,
                probability: 1,
                forecastCategory: 'closed' as const,
                requiredFields: [],
              },
            ],
          },
        }),
      );
    }).not.toThrow();
  });
});

describe('weightedPipeline groupBy with awkward group keys', () => {
  it('a team called "__proto__" is an ordinary own key (the prototype is untouched)', () => {
    // Computed by hand: 100.00 × 0.5 = 50.00.
    const w = weightedPipeline([deal({ teamId: '__proto__', amount: '100.00', probability: 0.5 })], {
      groupBy: 'teamId',
    });
    const groups = w.groups ?? {};
    expect(Object.keys(groups)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(groups)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(groups, '__proto__')?.value.weighted.amount).toBe('50.00');
  });
});

describe('period filtering validates the dates it compares', () => {
  it('a malformed expectedCloseDate is INVALID_DATE naming the deal, not silently dropped by string comparison', () => {
    const period = { start: '2026-01-01', end: '2026-03-31' };
    const bad = [deal({ expectedCloseDate: '2026-3-5' })];
    expect(codeOf(() => weightedPipeline(bad, { period }))).toBe('INVALID_DATE');
    expect(() => weightedPipeline(bad, { period })).toThrow(/deals\[0\] \(id "d\d+"\)\.expectedCloseDate/);
    expect(codeOf(() => simulatePipeline(bad, { period, runs: 10 }))).toBe('INVALID_DATE');
    expect(codeOf(() => forecastByCategory(bad, { period }))).toBe('INVALID_DATE');
    const won = deal({ stage: 'closed-won', forecastCategory: 'closed', closeDate: '2026-02-30' });
    expect(codeOf(() => forecastByCategory([won], { period }))).toBe('INVALID_DATE');
  });
});

describe('ids from data never reach a prototype', () => {
  it('stages "__proto__" and "constructor" are ordinary keys through summarize, JSON, merge and finalize', () => {
    // Computed by hand: 100.00 × 0.5 = 50.00 and 10.00 × 0.1 = 1.00 per stage; two such chunks: 100.00 and 2.00.
    const open = (id: string) => ({
      id,
      name: id,
      kind: 'open' as const,
      probability: 0.5,
      forecastCategory: 'pipeline' as const,
      requiredFields: [],
    });
    const odd: Pipeline = { ...pipeline, stages: [open('__proto__'), open('constructor')] };
    const chunk = () => [
      deal({ stage: '__proto__', amount: '100.00', probability: 0.5 }),
      deal({ stage: 'constructor', amount: '10.00', probability: 0.1 }),
    ];
    const s = summarizeWeightedPipeline(chunk(), { pipeline: odd });
    const viaJson = JSON.parse(JSON.stringify(summarizeWeightedPipeline(chunk(), { pipeline: odd }))) as typeof s;
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
