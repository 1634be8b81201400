import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  activityCounts,
  finalizeActivityCounts,
  mergeActivityCounts,
  summarizeActivityCounts,
} from '../../src/metrics/activity-counts.js';
import {
  averageCallDuration,
  finalizeAverageCallDuration,
  mergeAverageCallDuration,
  summarizeAverageCallDuration,
} from '../../src/metrics/call-duration.js';

const activity = fc.record({
  kind: fc.constantFrom('call' as const, 'email' as const, 'meeting' as const, 'demo' as const),
  memberId: fc.constantFrom('ann', 'bob', 'cy'),
  at: fc.integer({ min: 1, max: 28 }).map((d) => `2026-02-${String(d).padStart(2, '0')}T10:00:00Z`),
  durationSeconds: fc.integer({ min: 0, max: 7200 }),
  completed: fc.boolean(),
});
const options = fc.record({
  groupBy: fc.constantFrom(undefined, 'ownerId' as const),
  period: fc.constantFrom(undefined, { start: '2026-02-10', end: '2026-02-20' }),
});
function splits<T>(all: readonly T[], cuts: readonly number[]): T[][] {
  const points = [...new Set(cuts.map((c) => c % (all.length + 1)))].sort((x, y) => x - y);
  const out: T[][] = [];
  let s = 0;
  for (const p of [...points, all.length]) {
    out.push(all.slice(s, p));
    s = p;
  }
  return out;
}
const clean = <T extends object>(o: T): { [K in keyof T]?: Exclude<T[K], undefined> } =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };

describe('activity KPI summaries: any split + merge = the whole', () => {
  it('averageCallDuration', () => {
    fc.assert(
      fc.property(
        fc.array(activity, { maxLength: 40 }),
        fc.array(fc.nat(), { maxLength: 4 }),
        options,
        fc.boolean(),
        (all, cuts, o, completedOnly) => {
          const opts = { ...clean(o), completedOnly };
          const merged = splits(all, cuts)
            .map((c) => JSON.parse(JSON.stringify(summarizeAverageCallDuration(c, opts))))
            .reduce((a, b) => mergeAverageCallDuration(a, b));
          expect(finalizeAverageCallDuration(merged)).toEqual(averageCallDuration(all, opts));
        },
      ),
    );
  });
  it('activityCounts, whose kinds add up to the total', () => {
    fc.assert(
      fc.property(
        fc.array(activity, { maxLength: 40 }),
        fc.array(fc.nat(), { maxLength: 4 }),
        options,
        (all, cuts, o) => {
          const opts = clean(o);
          const merged = splits(all, cuts)
            .map((c) => summarizeActivityCounts(c, opts))
            .reduceRight((a, b) => mergeActivityCounts(b, a));
          const whole = activityCounts(all, opts);
          expect(finalizeActivityCounts(merged)).toEqual(whole);
          expect(Object.values(whole.byKind).reduce((x, y) => x + y, 0)).toBe(whole.total);
        },
      ),
    );
  });
});
