import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  finalizeRevenuePerRep,
  mergeRevenuePerRep,
  revenuePerRep,
  summarizeRevenuePerRep,
} from '../../src/metrics/revenue-per-rep.js';
import type { Member } from '../../src/model/member.js';

const FEB = { start: '2026-02-01', end: '2026-02-28' };
const rep = (id: string, extra: Partial<Member> = {}): Member => ({
  id,
  name: id,
  roleId: 'account-executive',
  territoryIds: [],
  startDate: '2025-01-01',
  ...extra,
});
const won = (
  ownerId: string,
  amount: string,
  closeDate = '2026-02-20',
  splits?: { memberId: string; share: string; kind: 'revenue' | 'overlay' }[],
) => ({
  ownerId,
  stage: 'closed-won',
  closeDate,
  amount: { amount, currency: 'USD' },
  ...(splits === undefined ? {} : { splits }),
});

describe('revenuePerRep', () => {
  it('FTE: a rep who joined on 15 February counts 14/28 = ½ (by hand: 300,000 / 1.5 = 200,000)', () => {
    const r = revenuePerRep(
      [won('a', '200000'), won('b', '100000'), won('a', '5', '2026-03-01')],
      [rep('a'), rep('b', { startDate: '2026-02-15' })],
      { period: FEB },
    );
    expect(r).toEqual({ revenue: { amount: '300000.00', currency: 'USD' }, reps: 1.5, perRep: 200000 });
    expect(
      revenuePerRep([won('a', '200000'), won('b', '100000')], [rep('a'), rep('b', { startDate: '2026-02-15' })], {
        period: FEB,
        headcount: 'count',
      }).perRep,
    ).toBe(150000);
  });
  it('ignores overlay credit (not revenue) and credits revenue splits, grouped by team', () => {
    const members = [rep('a', { teamId: 'east' }), rep('b', { teamId: 'west' })];
    const r = revenuePerRep(
      [
        won('a', '100000', '2026-02-10', [
          { memberId: 'b', share: '0.25', kind: 'revenue' },
          { memberId: 'b', share: '1', kind: 'overlay' },
        ]),
      ],
      members,
      { period: FEB, groupBy: 'teamId' },
    );
    expect(r.revenue?.amount).toBe('100000.00');
    expect(r.groups).toEqual({
      east: { revenue: { amount: '75000.00', currency: 'USD' }, reps: 1, perRep: 75000 },
      west: { revenue: { amount: '25000.00', currency: 'USD' }, reps: 1, perRep: 25000 },
    });
  });
  it('is null per rep only with no reps (empty denominator); 0 when the reps closed nothing (library rule)', () => {
    expect(revenuePerRep([], [], { period: FEB })).toEqual({ revenue: null, reps: 0, perRep: null });
    expect(revenuePerRep([], [rep('a', { startDate: '2026-03-01' })], { period: FEB }).reps).toBe(0);
    // two reps all February, nothing won: revenue unknown in currency (null), 0 per rep (by hand)
    expect(revenuePerRep([], [rep('a'), rep('b')], { period: FEB })).toEqual({ revenue: null, reps: 2, perRep: 0 });
  });
  it('throws on bad input', () => {
    expect(() => revenuePerRep([], [], {} as never)).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTION', field: 'options.period' }),
    );
    expect(() => revenuePerRep([], [], { period: FEB, headcount: 'heads' as never })).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTION', field: 'options.headcount' }),
    );
    expect(() => revenuePerRep([], [], { period: FEB, groupBy: 'segment' as never })).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTION', field: 'options.groupBy' }),
    );
    expect(() => revenuePerRep([null as never], [], { period: FEB })).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT', field: 'deals[0]' }),
    );
    expect(() => revenuePerRep([], [null as never], { period: FEB })).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT', field: 'members[0]' }),
    );
    const a = summarizeRevenuePerRep([], [rep('a')], { period: FEB });
    expect(() => mergeRevenuePerRep(a, summarizeRevenuePerRep([], [rep('a'), rep('b')], { period: FEB }))).toThrow(
      expect.objectContaining({ code: 'INVALID_SUMMARY', field: 'b.reps' }),
    );
    expect(() => finalizeRevenuePerRep({} as never)).toThrow(
      expect.objectContaining({ code: 'INVALID_SUMMARY', field: 'summary.kind' }),
    );
  });
  it('any split + merge = the whole (property)', () => {
    const members = [
      rep('a', { teamId: 'east' }),
      rep('b', { teamId: 'west', startDate: '2026-02-11' }),
      rep('c', { teamId: 'east', endDate: '2026-02-05' }),
    ];
    const deal = fc
      .record({
        owner: fc.constantFrom('a', 'b', 'c', 'z'),
        cents: fc.integer({ min: 0, max: 10_000_000 }),
        day: fc.integer({ min: 20, max: 60 }),
      })
      .map(({ owner, cents, day }) =>
        won(owner, (cents / 100).toFixed(2), new Date(Date.UTC(2026, 0, day)).toISOString().slice(0, 10)),
      );
    fc.assert(
      fc.property(
        fc.array(deal, { maxLength: 30 }),
        fc.nat(),
        fc.constantFrom(undefined, 'teamId' as const, 'ownerId' as const),
        (all, cut, groupBy) => {
          const o = groupBy === undefined ? { period: FEB } : { period: FEB, groupBy };
          const k = cut % (all.length + 1);
          const merged = mergeRevenuePerRep(
            JSON.parse(JSON.stringify(summarizeRevenuePerRep(all.slice(0, k), members, o))),
            summarizeRevenuePerRep(all.slice(k), members, o),
          );
          expect(finalizeRevenuePerRep(merged)).toEqual(revenuePerRep(all, members, o));
        },
      ),
    );
  });
});
