import { describe, expect, it } from 'vitest';
import { agingDeals, defaultDealPipeline } from '../../src/pipeline/index.js';

const ev = (from: string | null, to: string, at: string) => ({
  from,
  to,
  at,
  actorId: 'u',
  roleId: 'account-executive',
});
const deals = [
  {
    id: 'a',
    history: [ev(null, 'discovery', '2026-01-01T00:00:00Z'), ev('discovery', 'proposal', '2026-01-20T00:00:00Z')],
  },
  { id: 'b', history: [ev(null, 'discovery', '2026-01-01T00:00:00Z')] },
  {
    id: 'c',
    history: [ev(null, 'discovery', '2026-01-01T00:00:00Z'), ev('discovery', 'closed-lost', '2026-01-02T00:00:00Z')],
  },
  { id: 'd', history: [ev(null, 'discovery', '2026-03-01T00:00:00Z')] },
  { id: 'e', history: [ev(null, 'demo', '2026-01-21T00:00:00Z')] },
];
const asOf = '2026-02-01T00:00:00Z';

describe('agingDeals', () => {
  it('lists open entities past the threshold in their current stay, oldest first', () => {
    // by hand as of Feb 1: a in proposal 12 d; b in discovery 31 d; c closed (never listed);
    // d created later (ignored); e in demo 11 d
    expect(agingDeals(deals, { pipeline: defaultDealPipeline, asOf, thresholdDays: 11 })).toEqual([
      { id: 'b', stage: 'discovery', enteredAt: '2026-01-01T00:00:00Z', daysInStage: 31, thresholdDays: 11 },
      { id: 'a', stage: 'proposal', enteredAt: '2026-01-20T00:00:00Z', daysInStage: 12, thresholdDays: 11 },
    ]); // e has exactly 11 days: not past the threshold
  });

  it('takes per-stage thresholds; unlisted stages are not checked', () => {
    expect(
      agingDeals(deals, {
        pipeline: defaultDealPipeline,
        asOf,
        thresholdDays: { proposal: 5, demo: 10, 'closed-lost': 1 },
      }).map((x) => [x.id, x.thresholdDays]),
    ).toEqual([
      ['a', 5],
      ['e', 10],
    ]);
  });

  it('orders ties by id and reports stages as of asOf', () => {
    const twins = [{ ...deals[1]!, id: 'z' }, deals[1]!];
    expect(agingDeals(twins, { pipeline: defaultDealPipeline, asOf, thresholdDays: 0 }).map((x) => x.id)).toEqual([
      'b',
      'z',
    ]);
    // as of Jan 10, "a" was still in discovery (9 days)
    expect(
      agingDeals([deals[0]!], { pipeline: defaultDealPipeline, asOf: '2026-01-10T00:00:00Z', thresholdDays: 0 })[0],
    ).toMatchObject({ stage: 'discovery', daysInStage: 9 });
  });

  it('throws on a bad threshold, an unknown stage or instant', () => {
    const opts = { pipeline: defaultDealPipeline, asOf };
    expect(() => agingDeals(deals, { ...opts, thresholdDays: -1 })).toThrowError(
      expect.objectContaining({ code: 'INVALID_OPTION' }),
    );
    expect(() => agingDeals(deals, { ...opts, thresholdDays: { rotting: 3 } })).toThrowError(
      expect.objectContaining({ code: 'INVALID_OPTION' }),
    );
    expect(() => agingDeals(deals, { ...opts, thresholdDays: { demo: Number.NaN } })).toThrowError(
      expect.objectContaining({ code: 'INVALID_OPTION' }),
    );
    expect(() => agingDeals(deals, { ...opts, thresholdDays: null as never })).toThrowError(
      expect.objectContaining({ code: 'INVALID_OPTION' }),
    );
    expect(() =>
      agingDeals([{ id: 'x', history: [ev(null, 'limbo', '2026-01-01T00:00:00Z')] }], { ...opts, thresholdDays: 1 }),
    ).toThrowError(expect.objectContaining({ code: 'INVALID_INPUT' }));
    expect(() => agingDeals(deals, { ...opts, asOf: 'now', thresholdDays: 1 })).toThrowError(
      expect.objectContaining({ code: 'INVALID_DATE' }),
    );
    expect(() => agingDeals([null as never], { ...opts, thresholdDays: 1 })).toThrowError(
      expect.objectContaining({ code: 'INVALID_INPUT', field: 'entities[0]' }),
    );
    expect(() => agingDeals(deals, undefined as never)).toThrowError(
      expect.objectContaining({ code: 'INVALID_INPUT', field: 'options' }),
    );
  });
});
