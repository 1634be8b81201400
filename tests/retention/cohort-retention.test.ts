import { describe, expect, it } from 'vitest';
import type { Subscription } from '../../src/model/subscription.js';
import { summarizeCohortRetention } from '../../src/retention/cohort-retention.js';
import { cohortRetention, finalizeCohortRetention, mergeCohortRetention } from '../../src/retention/cohort-table.js';

const usd = (amount: string) => ({ amount, currency: 'USD' });
const row = (
  customerId: string,
  start: string,
  end: string,
  amount: string,
  extra: Partial<Subscription> = {},
): Subscription => ({ customerId, period: { start, end }, mrr: usd(amount), ...extra });

// Worked example (computed by hand), months Jan–Apr 2026:
//   a: Jan–Apr 100, 100, 150, 150      (cohort Jan, expands in Mar)
//   b: Jan 100, gone Feb, back Apr 50  (cohort Jan, returns in its original cohort)
//   c: Feb–Apr 40                      (cohort Feb)
//   d: Feb 60 only                     (cohort Feb)
const ROWS = [
  row('a', '2026-01-01', '2026-02-28', '100'),
  row('a', '2026-03-01', '2026-04-30', '150'),
  row('b', '2026-01-01', '2026-01-31', '100'),
  row('b', '2026-04-01', '2026-04-30', '50'),
  row('c', '2026-02-01', '2026-04-30', '40'),
  row('d', '2026-02-01', '2026-02-28', '60'),
];

describe('cohortRetention (computed by hand)', () => {
  it('logos: Jan [2/2, 1/2, 1/2, 2/2], Feb [2/2, 1/2, 1/2]', () => {
    const t = cohortRetention(ROWS);
    expect(t.through).toBe('2026-04-30');
    expect(t.cohorts.map((c) => [c.cohort, c.size, c.cells.map((x) => x.customers)])).toEqual([
      ['2026-01', 2, [2, 1, 1, 2]],
      ['2026-02', 2, [2, 1, 1]],
    ]);
    expect(t.cohorts[0]?.cells.map((x) => x.rate)).toEqual([1, 0.5, 0.5, 1]);
    expect(t.cohorts[1]?.cells.map((x) => x.period)).toEqual(['2026-02', '2026-03', '2026-04']);
    // weighted average over cohorts old enough: age 0 (4/4), 1 (2/4), 2 (2/4), 3 (2/2, Jan only)
    expect(t.average.map((a) => [a.cohorts, a.customers, a.size, a.rate])).toEqual([
      [2, 4, 4, 1],
      [2, 2, 4, 0.5],
      [2, 2, 4, 0.5],
      [1, 2, 2, 1],
    ]);
  });
  it("returners 'lost': the first churn is final (a survival curve)", () => {
    // computed by hand: b churns in Feb and returns in Apr — no longer counted in Apr
    const t = cohortRetention(ROWS, { returners: 'lost' });
    expect(t.cohorts[0]?.cells.map((x) => x.customers)).toEqual([2, 1, 1, 1]);
    // @ts-expect-error wrong option on purpose
    expect(() => cohortRetention(ROWS, { returners: 'maybe' })).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTION' }),
    );
  });
  it('revenue: Jan starts at 200 → 200, 100, 150, 200; Feb starts at 100 → 100, 40, 40', () => {
    const t = cohortRetention(ROWS, { basis: 'revenue' });
    expect(t.cohorts[0]?.startingMrr).toEqual(usd('200.00'));
    expect(t.cohorts[0]?.cells.map((x) => [x.mrr.amount, x.rate])).toEqual([
      ['200.00', 1],
      ['100.00', 0.5],
      ['150.00', 0.75],
      ['200.00', 1],
    ]);
    expect(t.cohorts[1]?.cells.map((x) => x.rate)).toEqual([1, 0.4, 0.4]);
    // weighted by starting MRR: age 1 = (100 + 40)/(200 + 100) (computed by hand)
    expect(t.average[1]?.rate).toBeCloseTo(140 / 300, 15);
  });
  it('revenue retention can exceed 1 with expansion', () => {
    const t = cohortRetention(
      [row('x', '2026-01-01', '2026-01-31', '10'), row('x', '2026-02-01', '2026-02-28', '25')],
      { basis: 'revenue' },
    );
    expect(t.cohorts[0]?.cells.map((x) => x.rate)).toEqual([1, 2.5]);
  });
  it('quarters: cohort Q1 = {a, b, c, d}; a cell is the snapshot at the quarter end', () => {
    const t = cohortRetention(ROWS, { granularity: 'quarter', asOf: '2026-06-30' });
    // end of March: a (150) and c (40) active; end of June: nobody (rows stop in April)
    expect(t.cohorts.map((c) => [c.cohort, c.size, c.cells.map((x) => x.customers), c.startingMrr.amount])).toEqual([
      ['2026-Q1', 4, [2, 0], '300.00'],
    ]);
    // data ends in April: Q2 is not complete, so without `through` only Q1 is reported
    expect(cohortRetention(ROWS, { granularity: 'quarter' }).through).toBe('2026-03-31');
    expect(cohortRetention(ROWS, { granularity: 'year', asOf: '2026-12-31' }).cohorts[0]?.cohort).toBe('2026');
  });
  it('through cuts columns and cohorts that start later', () => {
    const t = cohortRetention(ROWS, { asOf: '2026-01-31' });
    expect(t.cohorts.map((c) => [c.cohort, c.cells.length])).toEqual([['2026-01', 1]]);
    // a mid-month through: February is not complete
    expect(cohortRetention(ROWS, { asOf: '2026-02-27' }).through).toBe('2026-01-31');
  });
  it('refuses unknown options and empty data without currency', () => {
    // @ts-expect-error wrong option on purpose
    expect(() => cohortRetention(ROWS, { granularity: 'week' })).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTION' }),
    );
    // @ts-expect-error wrong option on purpose
    expect(() => cohortRetention(ROWS, { basis: 'seats' })).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTION' }),
    );
    expect(() => cohortRetention([])).toThrow(expect.objectContaining({ code: 'INSUFFICIENT_DATA' }));
    expect(cohortRetention([], { currency: 'USD' })).toEqual({
      granularity: 'month',
      basis: 'logos',
      currency: 'USD',
      through: null,
      cohorts: [],
      average: [],
    });
  });
  it('merging chunks that end at different explicit dates is refused', () => {
    const a = summarizeCohortRetention(ROWS.slice(0, 2), { asOf: '2026-03-31' });
    const b = summarizeCohortRetention(ROWS.slice(2), { asOf: '2026-04-30' });
    expect(() => mergeCohortRetention(a, b)).toThrow(
      expect.objectContaining({ code: 'INVALID_SUMMARY', field: 'b.lastMonth' }),
    );
    const c = summarizeCohortRetention(ROWS.slice(0, 2), { asOf: '2026-04-30' });
    expect(finalizeCohortRetention(mergeCohortRetention(c, b))).toEqual(cohortRetention(ROWS));
  });
});
