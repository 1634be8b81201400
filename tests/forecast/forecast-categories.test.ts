import { describe, expect, it } from 'vitest';
import {
  finalizeForecastByCategory,
  forecastByCategory,
  mergeForecastByCategory,
  summarizeForecastByCategory,
} from '../../src/forecast/index.js';
import { codeOf, deal } from './helpers.js';

const q1 = { start: '2026-01-01', end: '2026-03-31' };
const inQ1 = { period: q1 };

describe('forecastByCategory', () => {
  it('buckets by category and rolls up as Salesforce Collaborative Forecasts', () => {
    // Roll-up definitions: Salesforce ForecastingItemCategory (research §1.1): CommitForecast = Commit + Closed,
    // BestCaseForecast = Best Case + Commit + Closed, OpenPipeline = Pipeline + Best Case + Commit. Sums by hand.
    const deals = [
      deal({ forecastCategory: 'closed', amount: '40000', stage: 'closed-won', closeDate: '2026-02-01' }),
      deal({ forecastCategory: 'commit', amount: '25000' }),
      deal({ forecastCategory: 'commit', amount: '5000.50' }),
      deal({ forecastCategory: 'bestCase', amount: '30000' }),
      deal({ forecastCategory: 'pipeline', amount: '50000' }),
      deal({ forecastCategory: 'omitted', amount: '10000', stage: 'closed-lost', closeDate: '2026-01-20' }),
      // Outside Q1: a deal expected in April and a win that closed in December.
      deal({ forecastCategory: 'commit', amount: '99999', expectedCloseDate: '2026-04-01' }),
      deal({
        forecastCategory: 'closed',
        stage: 'closed-won',
        amount: '77777',
        closeDate: '2025-12-31',
        expectedCloseDate: '2026-01-15',
      }),
    ];
    const f = forecastByCategory(deals, inQ1);
    expect(f.closed).toEqual({ count: 1, amount: { amount: '40000.00', currency: 'USD' } });
    expect(f.commit).toEqual({ count: 2, amount: { amount: '30000.50', currency: 'USD' } });
    expect(f.omitted.count).toBe(1);
    expect(f.commitForecast.amount).toBe('70000.50');
    expect(f.bestCaseForecast.amount).toBe('100000.50');
    expect(f.openPipeline.amount).toBe('110000.50');
    expect(f.period).toEqual(q1);
  });

  it('needs a currency only for an empty period; rejects bad input', () => {
    expect(codeOf(() => forecastByCategory([], inQ1))).toBe('INVALID_OPTION');
    expect(forecastByCategory([], { ...inQ1, currency: 'EUR' }).openPipeline).toEqual({
      amount: '0.00',
      currency: 'EUR',
    });
    expect(codeOf(() => forecastByCategory([deal({ forecastCategory: 'upside' as never })], inQ1))).toBe(
      'INVALID_INPUT',
    );
    expect(codeOf(() => forecastByCategory([deal(), deal({ currency: 'EUR' })], inQ1))).toBe('CURRENCY_MISMATCH');
    expect(codeOf(() => forecastByCategory([], { period: { start: '2026-04-01', end: '2026-01-01' } }))).toBe(
      'INVALID_PERIOD',
    );
  });

  it('summaries merge only within one period', () => {
    const a = summarizeForecastByCategory([deal({ forecastCategory: 'commit', amount: '1.10' })], inQ1);
    const b = summarizeForecastByCategory([deal({ forecastCategory: 'commit', amount: '2.20' })], inQ1);
    // Computed by hand: 1.10 + 2.20 = 3.30 exactly (no float 3.3000000000000003).
    expect(finalizeForecastByCategory(mergeForecastByCategory(a, b)).commit.amount.amount).toBe('3.30');
    const other = summarizeForecastByCategory([], { period: { start: '2026-04-01', end: '2026-06-30' } });
    expect(codeOf(() => mergeForecastByCategory(a, other))).toBe('INVALID_SUMMARY');
    expect(codeOf(() => mergeForecastByCategory(a, a))).toBe('DUPLICATE_ID');
    expect(codeOf(() => finalizeForecastByCategory({ ...a, version: 0 } as never))).toBe('INVALID_SUMMARY');
  });

  it("by owner: each member's categories", () => {
    const deals = [
      deal({ ownerId: 'ana', forecastCategory: 'commit', amount: '100' }),
      deal({ ownerId: 'bo', forecastCategory: 'bestCase', amount: '200' }),
      deal({ ownerId: 'ana', forecastCategory: 'closed', stage: 'closed-won', amount: '50', closeDate: '2026-03-01' }),
    ];
    // Computed by hand: ana commit 100 + closed 50 = 150; bo best case 200 (closed 0 + commit 0 + 200).
    const f = forecastByCategory(deals, { ...inQ1, groupBy: 'ownerId' });
    expect(f.groups?.ana?.commitForecast.amount).toBe('150.00');
    expect(f.groups?.bo?.bestCaseForecast.amount).toBe('200.00');
    expect(f.commitForecast.amount).toBe('150.00');
    // The grouped summaries of two chunks merge to the same answer.
    const [x, y] = [deals.slice(0, 2), deals.slice(2)].map((c) =>
      summarizeForecastByCategory(c, { ...inQ1, groupBy: 'ownerId' }),
    );
    expect(finalizeForecastByCategory(mergeForecastByCategory(x as never, y as never))).toEqual(f);
  });
});

describe('forecastByCategory refuses category/closure contradictions instead of inflating the roll-ups', () => {
  it('a lost deal left in commit, or an open deal marked closed, is INVALID_INPUT naming the deal', () => {
    const lostInCommit = deal({
      forecastCategory: 'commit',
      stage: 'closed-lost',
      closeDate: '2026-02-01',
      amount: '5000',
    });
    expect(codeOf(() => forecastByCategory([lostInCommit], inQ1))).toBe('INVALID_INPUT');
    expect(() => forecastByCategory([deal(), lostInCommit], inQ1)).toThrow(
      /deals\[1\] \(id "d\d+"\)\.forecastCategory/,
    );
    expect(codeOf(() => forecastByCategory([deal({ forecastCategory: 'closed' })], inQ1))).toBe('INVALID_INPUT');
    // Outside the period nothing is counted, so nothing is checked; an open deal may be omitted (excluded by its rep).
    // Computed by hand: only the 700 commit deal is counted ⇒ commit forecast 700.00.
    const f = forecastByCategory(
      [
        { ...lostInCommit, closeDate: '2025-12-01' },
        deal({ forecastCategory: 'omitted' }),
        deal({ forecastCategory: 'commit', amount: '700' }),
      ],
      inQ1,
    );
    expect(f.commitForecast.amount).toBe('700.00');
  });
});

describe('forecastByCategory: open, won and lost come from the pipeline', () => {
  it('a won stage without a closeDate is a booking dated by its expected close; the same id twice is refused', () => {
    // By hand: the won deal (no closeDate, expected 2026-02-15) books 300 ⇒ commit forecast 300 + 100 = 400.00.
    const deals = [
      deal({ stage: 'closed-won', forecastCategory: 'closed', amount: '300', expectedCloseDate: '2026-02-15' }),
      deal({ forecastCategory: 'commit', amount: '100' }),
    ];
    expect(forecastByCategory(deals, inQ1).commitForecast.amount).toBe('400.00');
    expect(codeOf(() => forecastByCategory([deal({ id: 'X' }), deal({ id: 'X' })], inQ1))).toBe('DUPLICATE_ID');
    expect(codeOf(() => forecastByCategory([], undefined as never))).toBe('INVALID_OPTION');
  });
});
