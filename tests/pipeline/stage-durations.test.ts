import { describe, expect, it } from 'vitest';
import {
  defaultDealPipeline,
  finalizeStageDurations,
  mergeStageDurations,
  stageDurations,
  summarizeStageDurations,
} from '../../src/pipeline/index.js';

const DAY = 86_400_000;
const T0 = Date.parse('2026-01-01T00:00:00Z');
/** An event `day` days after 2026-01-01T00:00Z (fractional days allowed). */
const ev = (from: string | null, to: string, day: number) => ({
  from,
  to,
  at: new Date(T0 + day * DAY).toISOString(),
  actorId: 'u',
  roleId: 'account-executive',
});
const chain = (id: string, steps: [string, number][]) => ({
  id,
  history: steps.map(([to, day], i) => ev(i === 0 ? null : steps[i - 1]![0], to, day)),
});

// Stays by hand (days): d1 discovery 3, demo 7, proposal 2.5 (then won).
// d2 discovery 4, proposal 2 + 1 (two visits), demo 3, negotiation 10 (then lost).
// d3 discovery 1, still in demo. d4 discovery 5 + 2 (two visits), demo 1, and again in demo now. d5 only in discovery.
const deals = [
  chain('d1', [
    ['discovery', 0],
    ['demo', 3],
    ['proposal', 10],
    ['closed-won', 12.5],
  ]),
  chain('d2', [
    ['discovery', 0],
    ['proposal', 4],
    ['demo', 6],
    ['proposal', 9],
    ['negotiation', 10],
    ['closed-lost', 20],
  ]),
  chain('d3', [
    ['discovery', 1],
    ['demo', 2],
  ]),
  chain('d4', [
    ['discovery', 0],
    ['demo', 5],
    ['discovery', 6],
    ['demo', 8],
  ]),
  chain('d5', [['discovery', 0]]),
];

const byStage = (xs: ReturnType<typeof stageDurations>) => Object.fromEntries(xs.map((x) => [x.stage, x]));

describe('stageDurations', () => {
  it('cumulative per stage (default): one sample per entity that has left the stage', () => {
    const s = byStage(stageDurations(deals, { pipeline: defaultDealPipeline }));
    // samples: discovery [3, 4, 1, 7]; demo [7, 3] (d3 and d4 are still in demo); proposal [2.5, 3]; negotiation [10]
    // mean, median, p90 from numpy 1.26: np.mean, np.quantile(x, 0.5), np.quantile(x, 0.9) (method 'linear' = R type 7)
    expect(s['discovery']).toMatchObject({ count: 4, meanDays: 3.75, medianDays: 3.5 });
    expect(s['discovery']!.p90Days).toBeCloseTo(6.1, 12);
    expect(s['demo']).toMatchObject({ count: 2, meanDays: 5, medianDays: 5 });
    expect(s['demo']!.p90Days).toBeCloseTo(6.6, 12);
    expect(s['proposal']).toMatchObject({ count: 2, meanDays: 2.75, medianDays: 2.75 });
    expect(s['proposal']!.p90Days).toBeCloseTo(2.95, 12);
    expect(s['negotiation']).toEqual({ stage: 'negotiation', count: 1, meanDays: 10, medianDays: 10, p90Days: 10 });
    // closed stages are never left (no reopen): no samples, null statistics, never 0 or NaN
    expect(s['closed-won']).toEqual({ stage: 'closed-won', count: 0, meanDays: null, medianDays: null, p90Days: null });
  });

  it('per visit: one sample per completed visit', () => {
    const s = byStage(stageDurations(deals, { pipeline: defaultDealPipeline, mode: 'visit' }));
    // samples: discovery [1, 2, 3, 4, 5]; demo [1, 3, 7]; proposal [1, 2, 2.5]; numpy as above
    expect(s['discovery']).toMatchObject({ count: 5, meanDays: 3, medianDays: 3 });
    expect(s['discovery']!.p90Days).toBeCloseTo(4.6, 12);
    expect(s['demo']!.meanDays).toBeCloseTo(3.6666666666666665, 12);
    expect(s['demo']!.medianDays).toBe(3);
    expect(s['demo']!.p90Days).toBeCloseTo(6.2, 12);
    expect(s['proposal']!.meanDays).toBeCloseTo(1.8333333333333333, 12);
    expect(s['proposal']!.p90Days).toBeCloseTo(2.4, 12);
  });

  it('lists stages in pipeline order; empty input gives zero counts', () => {
    expect(stageDurations([], { pipeline: defaultDealPipeline }).map((x) => [x.stage, x.count])).toEqual(
      defaultDealPipeline.stages.map((s) => [s.id, 0]),
    );
  });

  it('summaries merge to the whole and survive JSON', () => {
    const whole = summarizeStageDurations(deals, { pipeline: defaultDealPipeline });
    const parts = [deals.slice(0, 2), deals.slice(2)].map(
      (c) => JSON.parse(JSON.stringify(summarizeStageDurations(c, { pipeline: defaultDealPipeline }))) as typeof whole,
    );
    expect(mergeStageDurations(parts[0]!, parts[1]!)).toEqual(whole);
    expect(finalizeStageDurations(whole)).toEqual(stageDurations(deals, { pipeline: defaultDealPipeline }));
  });

  it('throws on mismatched summaries, unknown stages, disordered histories, unknown mode', () => {
    const a = summarizeStageDurations(deals, { pipeline: defaultDealPipeline });
    const b = summarizeStageDurations(deals, { pipeline: defaultDealPipeline, mode: 'visit' });
    expect(() => mergeStageDurations(a, b)).toThrowError(
      expect.objectContaining({ code: 'INVALID_SUMMARY', field: 'b.mode' }),
    );
    expect(() => mergeStageDurations(a, null as never)).toThrowError(
      expect.objectContaining({ code: 'INVALID_SUMMARY', field: 'b' }),
    );
    expect(() => finalizeStageDurations({} as never)).toThrowError(
      expect.objectContaining({ code: 'INVALID_SUMMARY', field: 'summary.kind' }),
    );
    // a summary that came back with durations as strings, or out of order, is refused, not merged
    const json = JSON.parse(JSON.stringify(a)) as { samples: Record<string, unknown[]> };
    const broken = { ...json, samples: { ...json.samples, discovery: ['86400000'] } } as never;
    expect(() => mergeStageDurations(a, broken)).toThrowError(
      expect.objectContaining({ code: 'INVALID_SUMMARY', field: 'b.samples["discovery"][0]' }),
    );
    const unsorted = { ...json, samples: { ...json.samples, discovery: [5, 1] } } as never;
    expect(() => finalizeStageDurations(unsorted)).toThrowError(
      expect.objectContaining({ code: 'INVALID_SUMMARY', field: 'summary.samples["discovery"][1]' }),
    );
    expect(finalizeStageDurations(JSON.parse(JSON.stringify(a)))).toEqual(finalizeStageDurations(a));
    expect(() => stageDurations([chain('x', [['won', 0]])], { pipeline: defaultDealPipeline })).toThrowError(
      expect.objectContaining({ code: 'INVALID_INPUT', field: 'entities[0].history[0].to' }),
    );
    expect(() =>
      stageDurations(
        [
          chain('x', [
            ['discovery', 2],
            ['demo', 1],
          ]),
        ],
        { pipeline: defaultDealPipeline },
      ),
    ).toThrowError(expect.objectContaining({ code: 'INVALID_INPUT' }));
    expect(() =>
      stageDurations([{ id: 'x', history: [{ ...ev(null, 'discovery', 0), at: '2026-01-01' }] }], {
        pipeline: defaultDealPipeline,
      }),
    ).toThrowError(expect.objectContaining({ code: 'INVALID_DATE' }));
    expect(() => stageDurations(deals, { pipeline: defaultDealPipeline, mode: 'visits' as never })).toThrowError(
      expect.objectContaining({ code: 'INVALID_OPTION', field: 'options.mode' }),
    );
    expect(() => stageDurations([null as never], { pipeline: defaultDealPipeline })).toThrowError(
      expect.objectContaining({ code: 'INVALID_INPUT', field: 'entities[0]' }),
    );
    expect(() => stageDurations({} as never, { pipeline: defaultDealPipeline })).toThrowError(
      expect.objectContaining({ code: 'INVALID_INPUT', field: 'entities' }),
    );
  });
});
