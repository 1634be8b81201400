import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  averageDealSize,
  finalizeAverageDealSize,
  mergeAverageDealSize,
  summarizeAverageDealSize,
} from '../../src/metrics/deal-size.js';
import {
  finalizeSalesCycleLength,
  mergeSalesCycleLength,
  salesCycleLength,
  summarizeSalesCycleLength,
} from '../../src/metrics/cycle-length.js';
import { finalizeWinRate, mergeWinRate, summarizeWinRate, winRate } from '../../src/metrics/win-rate.js';
import { deal } from './fixtures.js';

const arbDeal = fc
  .record({
    stage: fc.constantFrom('closed-won', 'closed-lost', 'proposal'),
    cents: fc.oneof(fc.integer({ min: 0, max: 10_000_000 }), fc.constant(900_719_925_474_099_3)),
    extraDigit: fc.boolean(),
    owner: fc.constantFrom('ann', 'bob'),
    team: fc.option(fc.constantFrom('east', 'west'), { nil: undefined }),
    created: fc.integer({ min: 0, max: 60 }),
    cycle: fc.option(fc.integer({ min: 0, max: 200 }), { nil: undefined }),
  })
  .map(({ stage, cents, extraDigit, owner, team, created, cycle }) => {
    const createdAt = new Date(Date.UTC(2026, 0, 1 + created, 9)).toISOString();
    const closeDate =
      cycle === undefined ? undefined : new Date(Date.UTC(2026, 0, 1 + created + cycle)).toISOString().slice(0, 10);
    const amount = `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}${extraDigit ? '5' : ''}`;
    return deal(stage, amount, {
      ownerId: owner,
      createdAt,
      ...(closeDate === undefined ? {} : { closeDate }),
      ...(team === undefined ? {} : { teamId: team }),
    });
  });

function splits<T>(all: readonly T[], cuts: readonly number[]): T[][] {
  const points = [...new Set(cuts.map((c) => c % (all.length + 1)))].sort((x, y) => x - y);
  const chunks: T[][] = [];
  let start = 0;
  for (const p of [...points, all.length]) {
    chunks.push(all.slice(start, p));
    start = p;
  }
  return chunks;
}

const grouping = fc.constantFrom({}, { groupBy: 'ownerId' as const }, { groupBy: 'teamId' as const });
const roundTrip = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

describe('deal KPI summaries: any split + merge = the whole, exactly', () => {
  it('winRate (count and value)', () => {
    fc.assert(
      fc.property(
        fc.array(arbDeal, { maxLength: 40 }),
        fc.array(fc.nat(), { maxLength: 4 }),
        grouping,
        fc.constantFrom('count' as const, 'value' as const),
        (all, cuts, g, by) => {
          const o = { ...g, by };
          const merged = splits(all, cuts)
            .map((c) => roundTrip(summarizeWinRate(c, o)))
            .reduceRight((acc, s) => mergeWinRate(s, acc));
          expect(finalizeWinRate(merged)).toEqual(winRate(all, o));
        },
      ),
    );
  });
  it('averageDealSize', () => {
    fc.assert(
      fc.property(
        fc.array(arbDeal, { maxLength: 40 }),
        fc.array(fc.nat(), { maxLength: 4 }),
        grouping,
        fc.constantFrom('won' as const, 'all' as const),
        (all, cuts, g, outcome) => {
          const o = { ...g, outcome };
          const merged = splits(all, cuts)
            .map((c) => roundTrip(summarizeAverageDealSize(c, o)))
            .reduce((acc, s) => mergeAverageDealSize(acc, s));
          expect(finalizeAverageDealSize(merged)).toEqual(averageDealSize(all, o));
        },
      ),
    );
  });
  it('salesCycleLength (mean and median)', () => {
    fc.assert(
      fc.property(
        fc.array(arbDeal, { maxLength: 40 }),
        fc.array(fc.nat(), { maxLength: 4 }),
        grouping,
        (all, cuts, g) => {
          const o = { ...g, outcome: 'closed' as const };
          const merged = splits(all, cuts)
            .map((c) => roundTrip(summarizeSalesCycleLength(c, o)))
            .reduceRight((acc, s) => mergeSalesCycleLength(s, acc));
          expect(finalizeSalesCycleLength(merged)).toEqual(salesCycleLength(all, o));
        },
      ),
    );
  });
});

describe('deal KPI laws', () => {
  it('the median from the histogram equals the median of the sorted day counts', () => {
    fc.assert(
      fc.property(fc.array(arbDeal, { maxLength: 40 }), (all) => {
        const days = all
          .filter((d) => d.stage !== 'proposal' && 'closeDate' in d && d.closeDate !== undefined)
          .map(
            (d) =>
              (Date.parse(`${(d as { closeDate: string }).closeDate}T00:00:00Z`) -
                Date.parse(`${d.createdAt.slice(0, 10)}T00:00:00Z`)) /
              86_400_000,
          )
          .sort((x, y) => x - y);
        const n = days.length;
        const expected =
          n === 0
            ? null
            : n % 2 === 1
              ? days[(n - 1) / 2]
              : ((days[n / 2 - 1] as number) + (days[n / 2] as number)) / 2;
        expect(salesCycleLength(all, { outcome: 'closed' }).medianDays).toBe(expected);
      }),
    );
  });
  it('group counts add up to the total, and order does not matter', () => {
    fc.assert(
      fc.property(fc.array(arbDeal, { maxLength: 40 }), (all) => {
        const r = winRate(all, { groupBy: 'ownerId' });
        const groups = Object.values(r.groups ?? {});
        expect(groups.reduce((s, x) => s + x.won, 0)).toBe(r.won);
        expect(groups.reduce((s, x) => s + x.lost, 0)).toBe(r.lost);
        expect(winRate([...all].reverse(), { groupBy: 'ownerId', by: 'value' })).toEqual(
          winRate(all, { groupBy: 'ownerId', by: 'value' }),
        );
      }),
    );
  });
});
