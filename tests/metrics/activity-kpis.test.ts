import { describe, expect, it } from 'vitest';
import { activityCounts, finalizeActivityCounts } from '../../src/metrics/activity-counts.js';
import { averageCallDuration, finalizeAverageCallDuration } from '../../src/metrics/call-duration.js';
import { ACTIVITY_KINDS as MODEL_KINDS } from '../../src/model/activity.js';
import { ACTIVITY_KINDS } from '../../src/metrics/activity-kpi.js';

const act = (
  kind: 'call' | 'email' | 'meeting' | 'demo',
  memberId: string,
  durationSeconds: number,
  extra: { at?: string; completed?: boolean } = {},
) => ({
  kind,
  memberId,
  durationSeconds,
  at: extra.at ?? '2026-01-05T10:00:00Z',
  ...(extra.completed === undefined ? {} : { completed: extra.completed }),
});
const members = [
  { id: 'ann', name: 'Ann', roleId: 'sdr', teamId: 'north', territoryIds: [], startDate: '2025-01-01' },
  { id: 'bob', name: 'Bob', roleId: 'account-executive', teamId: 'north', territoryIds: [], startDate: '2025-01-01' },
];

describe('averageCallDuration', () => {
  it('mean seconds of calls only (by hand: (120 + 300 + 600) / 3 = 340)', () => {
    const acts = [
      act('call', 'ann', 120),
      act('call', 'ann', 300),
      act('call', 'bob', 600),
      act('meeting', 'bob', 3600),
      act('email', 'ann', 0),
    ];
    expect(averageCallDuration(acts)).toEqual({ count: 3, totalSeconds: 1020, meanSeconds: 340 });
    expect(averageCallDuration(acts, { kind: 'meeting' }).meanSeconds).toBe(3600);
    expect(averageCallDuration(acts, { groupBy: 'ownerId' }).groups?.ann?.meanSeconds).toBe(210);
    expect(averageCallDuration(acts, { groupBy: 'roleId', members }).groups?.sdr?.count).toBe(2);
  });
  it('completedOnly keeps calls that reached someone; window by the date written in `at`', () => {
    const acts = [
      act('call', 'ann', 30, { completed: false }),
      act('call', 'ann', 330, { completed: true }),
      act('call', 'ann', 600, { at: '2026-02-01T00:30:00+01:00', completed: true }),
    ];
    expect(averageCallDuration(acts, { completedOnly: true }).meanSeconds).toBe(465);
    expect(averageCallDuration(acts, { period: { start: '2026-02-01', end: '2026-02-28' } }).totalSeconds).toBe(600);
  });
  it('is null with no calls and throws on bad input', () => {
    expect(averageCallDuration([])).toEqual({ count: 0, totalSeconds: 0, meanSeconds: null });
    expect(() => averageCallDuration([act('call', 'a', -1)])).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT', field: 'activities[0].durationSeconds' }),
    );
    expect(() => averageCallDuration([act('call', 'a', 1.5)])).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT' }),
    );
    expect(() => averageCallDuration([null as never])).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT', field: 'activities[0]' }),
    );
    expect(() => averageCallDuration([], { kind: 'fax' as never })).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTION', field: 'options.kind' }),
    );
    expect(() => averageCallDuration([], { completedOnly: 'yes' as never })).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTION' }),
    );
    expect(() =>
      averageCallDuration([act('call', 'a', 1, { at: 'noon' })], {
        period: { start: '2026-01-01', end: '2026-01-31' },
      }),
    ).toThrow(expect.objectContaining({ code: 'INVALID_DATE' }));
    expect(() => finalizeAverageCallDuration({ kind: 'activityCounts' } as never)).toThrow(
      expect.objectContaining({ code: 'INVALID_SUMMARY', field: 'summary.kind' }),
    );
  });
});

describe('activityCounts', () => {
  it('counts per member and kind (by hand)', () => {
    const acts = [act('call', 'ann', 1), act('call', 'ann', 1), act('email', 'ann', 0), act('demo', 'bob', 1800)];
    const r = activityCounts(acts, { groupBy: 'ownerId' });
    expect(r.total).toBe(4);
    expect(r.byKind).toEqual({ call: 2, email: 1, meeting: 0, demo: 1 });
    expect(r.groups).toEqual({
      ann: { total: 3, byKind: { call: 2, email: 1, meeting: 0, demo: 0 } },
      bob: { total: 1, byKind: { call: 0, email: 0, meeting: 0, demo: 1 } },
    });
    expect(activityCounts(acts, { groupBy: 'teamId', members }).groups?.north?.total).toBe(4);
  });
  it('throws on an unknown kind', () => {
    expect(() => activityCounts([act('fax' as never, 'a', 1)])).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT', field: 'activities[0].kind' }),
    );
    expect(() => finalizeActivityCounts(null as never)).toThrow(
      expect.objectContaining({ code: 'INVALID_SUMMARY', field: 'summary' }),
    );
  });
  it('uses the same kinds as the model', () => {
    expect(ACTIVITY_KINDS).toEqual(MODEL_KINDS);
  });
});
