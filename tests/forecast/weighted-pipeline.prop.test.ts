import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  finalizeForecastByCategory,
  finalizeWeightedPipeline,
  forecastByCategory,
  mergeForecastByCategory,
  mergeWeightedPipeline,
  summarizeForecastByCategory,
  summarizeWeightedPipeline,
  weightedPipeline,
  type CategorySummary,
  type WeightedPipelineSummary,
} from '../../src/forecast/index.js';
import type { Deal } from '../../src/model/deal.js';
import { addDays } from '../../src/core/index.js';
import { deal } from './helpers.js';

const q1 = { start: '2026-01-01', end: '2026-03-31' };

const arbDeal = fc
  .record({
    cents: fc.integer({ min: 0, max: 10_000_000_000 }),
    probability: fc.oneof(
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.integer({ min: 0, max: 100 }).map((p) => p / 100),
    ),
    stage: fc.constantFrom('discovery', 'demo', 'proposal', 'negotiation'),
    forecastCategory: fc.constantFrom('pipeline', 'bestCase', 'commit', 'closed', 'omitted'),
    day: fc.integer({ min: 0, max: 120 }),
    closed: fc.boolean(),
    teamId: fc.constantFrom('east', 'west', 'north'),
  })
  .map((r): Deal => {
    const date = addDays('2026-01-01', r.day);
    return deal({
      amount: (r.cents / 100).toFixed(2),
      probability: r.probability,
      // Closed deals are in a closed stage (won when 'closed', lost when 'omitted'), as the pipeline decides.
      stage: r.closed ? (r.forecastCategory === 'closed' || r.cents % 2 === 0 ? 'closed-won' : 'closed-lost') : r.stage,
      // Consistent with closure, as forecastByCategory requires: closed deals are closed/omitted, open ones never
      // closed.
      forecastCategory: (r.closed
        ? r.forecastCategory === 'closed' || r.cents % 2 === 0
          ? 'closed'
          : 'omitted'
        : r.forecastCategory === 'closed'
          ? 'commit'
          : r.forecastCategory) as Deal['forecastCategory'],
      expectedCloseDate: date,
      ...(r.closed ? { closeDate: date } : {}),
      teamId: r.teamId,
    });
  });

/** Splits `xs` at the given cut points into consecutive chunks. */
function split<T>(xs: readonly T[], cuts: readonly number[]): T[][] {
  const points = [...new Set(cuts.map((c) => c % (xs.length + 1)))].sort((a, b) => a - b);
  const out: T[][] = [];
  let prev = 0;
  for (const p of [...points, xs.length]) {
    out.push(xs.slice(prev, p));
    prev = p;
  }
  return out;
}

describe('mergeable summaries: any split + merge in any order = the whole', () => {
  it('weighted pipeline (exact money strings)', () => {
    fc.assert(
      fc.property(
        fc.array(arbDeal, { minLength: 1, maxLength: 40 }),
        fc.array(fc.nat(), { maxLength: 5 }),
        fc.boolean(),
        (deals, cuts, reverse) => {
          const options = { period: q1 };
          const parts = split(deals, cuts).map((c) => summarizeWeightedPipeline(c, options));
          const ordered = reverse ? [...parts].reverse() : parts;
          const merged = ordered.reduce((a: WeightedPipelineSummary, b) => mergeWeightedPipeline(a, b));
          const whole = weightedPipeline(deals, { ...options, currency: 'USD' });
          expect(finalizeWeightedPipeline(merged, { currency: 'USD' })).toEqual(whole);
          // JSON round trip of a summary loses nothing.
          expect(JSON.parse(JSON.stringify(merged))).toEqual(merged);
        },
      ),
      { seed: 20260101, numRuns: 200 },
    );
  });

  it("weighted pipeline by team: the teams' summaries merge to the organisation", () => {
    fc.assert(
      fc.property(fc.array(arbDeal, { minLength: 1, maxLength: 40 }), (deals) => {
        const teams = ['east', 'west', 'north'].map((t) =>
          summarizeWeightedPipeline(
            deals.filter((d) => d.teamId === t),
            { currency: 'USD' },
          ),
        );
        const org = teams.reduce((a, b) => mergeWeightedPipeline(a, b));
        expect(finalizeWeightedPipeline(org)).toEqual(weightedPipeline(deals, { currency: 'USD' }));
      }),
      { seed: 7, numRuns: 100 },
    );
  });

  it('forecast categories', () => {
    fc.assert(
      fc.property(
        fc.array(arbDeal, { minLength: 1, maxLength: 40 }),
        fc.array(fc.nat(), { maxLength: 5 }),
        (deals, cuts) => {
          const parts = split(deals, cuts).map((c) => summarizeForecastByCategory(c, { period: q1 }));
          const merged = [...parts].reverse().reduce((a: CategorySummary, b) => mergeForecastByCategory(a, b));
          expect(finalizeForecastByCategory(merged, { currency: 'USD' })).toEqual(
            forecastByCategory(deals, { period: q1, currency: 'USD' }),
          );
        },
      ),
      { seed: 11, numRuns: 200 },
    );
  });

  it('the exact weighted total equals Σ amount × probability computed in BigInt', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 1_000_000_00 }), fc.integer({ min: 0, max: 10_000 })), {
          minLength: 1,
          maxLength: 30,
        }),
        (rows) => {
          // Oracle: cents × (basis points) summed as BigInt, scale 2 + 4 = 6 decimals.
          const deals = rows.map(([c, bp]) => deal({ amount: (c / 100).toFixed(2), probability: bp / 10_000 }));
          const exact = rows.reduce((s, [c, bp]) => s + BigInt(c) * BigInt(bp), 0n);
          const w = weightedPipeline(deals);
          const text = w.weightedExact.amount;
          const [int, frac = ''] = text.split('.');
          expect(BigInt(int as string) * 1_000_000n + BigInt(frac.padEnd(6, '0'))).toBe(exact);
        },
      ),
      { seed: 3, numRuns: 200 },
    );
  });
});
