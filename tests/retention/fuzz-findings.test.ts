/**
 * Regression tests for the retention findings of the long fuzz run of 2026-12-04 (issue 14), each
 * with the input the run reported: a `TypeError` or a non-finite number in a result must become a
 * `RevopsError` naming the field, or the right answer.
 */
import { describe, expect, it } from 'vitest';
import {
  cacPaybackMonths,
  churnRate,
  finalizeCohortRetention,
  grossRevenueRetention,
  lifetimeValue,
  mergeCohortRetention,
  type MrrMovements,
  mrrMovements,
  netRevenueRetention,
  quickRatio,
  retentionProfitImpact,
  summarizeCohortRetention,
} from '../../src/retention/index.js';
import { thrown } from '../core/helpers.js';

const usd = (amount: string) => ({ amount, currency: 'USD' });
const jan = { start: '2026-01-01', end: '2026-01-31' };
const feb = { start: '2026-02-01', end: '2026-02-28' };
// the fuzz run's movements: a expands 100 → 150, b contracts 100 → 80, c is new with 30 in February:
// starting 200, new 30, expansion 50, contraction 20, churned 0; the start cohort (a, b) keeps
// min(150, 100) + min(80, 100) = 180 and ends at 150 + 80 = 230
const movements: MrrMovements = mrrMovements(
  [
    { customerId: 'a', period: jan, mrr: usd('100') },
    { customerId: 'a', period: feb, mrr: usd('150') },
    { customerId: 'b', period: jan, mrr: usd('100') },
    { customerId: 'b', period: feb, mrr: usd('80') },
    { customerId: 'c', period: feb, mrr: usd('30') },
  ],
  { period: feb },
);
const cohort = movements.startCohort as NonNullable<MrrMovements['startCohort']>;
const withMovements = (patch: Record<string, unknown>) => ({ ...movements, ...patch }) as MrrMovements;

describe('the fuzz run’s movements are what the comment says', () => {
  it('starting 200, new 30, expansion 50, contraction 20; start cohort 200 → retained 180, ending 230', () => {
    expect([movements.starting, movements.new, movements.expansion, movements.contraction]).toEqual([
      usd('200.00'),
      usd('30.00'),
      usd('50.00'),
      usd('20.00'),
    ]);
    expect(cohort).toEqual({ starting: usd('200.00'), retained: usd('180.00'), ending: usd('230.00') });
    // GRR 180 / 200, NRR 230 / 200, quick ratio (30 + 50) / 20
    expect([grossRevenueRetention(movements).rate, netRevenueRetention(movements).rate]).toEqual([0.9, 1.15]);
    expect(quickRatio(movements).rate).toBe(4);
  });
});

describe('options null (a JSON field written as null): INVALID_OPTION naming options, never a TypeError', () => {
  it('churnRate({ start: 100, churned: 10, acquired: 1, acquiredAndChurned: 1 }, null)', () => {
    const counts = { start: 100, churned: 10, acquired: 1, acquiredAndChurned: 1 };
    expect(thrown(() => churnRate(counts, null as never), 'INVALID_OPTION').field).toBe('options');
    expect(thrown(() => churnRate({ ...counts, acquiredAndChurned: -0 }, null as never), 'INVALID_OPTION').field).toBe(
      'options',
    );
  });

  it('lifetimeValue({ amount: "100", currency: "USD" }, 0.2, null)', () => {
    expect(thrown(() => lifetimeValue(usd('100'), 0.2, null as never), 'INVALID_OPTION').field).toBe('options');
    // the options omitted: ARPA 100 × margin 1 ÷ churn 0.2 = 500 (the vendors' formula)
    expect(lifetimeValue(usd('100'), 0.2)).toEqual({ finite: true, value: usd('500.00') });
  });

  it('cacPaybackMonths of 770000 / 100000 and of 446.81 / 100 with null options', () => {
    expect(thrown(() => cacPaybackMonths(usd('770000'), usd('100000'), null as never), 'INVALID_OPTION').field).toBe(
      'options',
    );
    expect(thrown(() => cacPaybackMonths(usd('446.81'), usd('100'), null as never), 'INVALID_OPTION').field).toBe(
      'options',
    );
    // the options omitted: 770000 ÷ 100000 = 7.7 months
    expect(cacPaybackMonths(usd('770000'), usd('100000'))).toEqual({ finite: true, value: 7.7 });
  });
});

describe('movements read in full: a result never echoes a malformed field', () => {
  it('startCohort undefined (churnCounts.acquiredAndChurned 1e308): INVALID_INPUT naming movements.startCohort', () => {
    const bad = withMovements({
      startCohort: undefined,
      churnCounts: { ...movements.churnCounts, acquiredAndChurned: 1e308 },
    });
    expect(thrown(() => netRevenueRetention(bad), 'INVALID_INPUT').field).toBe('movements.startCohort');
    expect(thrown(() => grossRevenueRetention(bad), 'INVALID_INPUT').field).toBe('movements.startCohort');
  });

  it('months NaN: INVALID_INPUT naming movements.months (was result.months = NaN)', () => {
    const bad = withMovements({ months: Number.NaN });
    expect(thrown(() => netRevenueRetention(bad), 'INVALID_INPUT').field).toBe('movements.months');
    expect(thrown(() => grossRevenueRetention(bad), 'INVALID_INPUT').field).toBe('movements.months');
  });

  it('months that are not the whole months of the period: INVALID_INPUT naming movements.months', () => {
    const e = thrown(() => netRevenueRetention(withMovements({ months: 2 })), 'INVALID_INPUT');
    expect(e.field).toBe('movements.months');
    expect(e.message).toContain('(1)');
  });

  it('period Infinity, period.start Infinity, period.end NaN, a Decimal, a Float64Array or [NaN] as period', () => {
    const decimalNaN = { constructor: Object, s: Number.NaN, e: Number.NaN, d: null };
    const cases: [unknown, string, string][] = [
      [Number.POSITIVE_INFINITY, 'INVALID_PERIOD', 'movements.period'],
      [{ start: Number.POSITIVE_INFINITY, end: '2026-02-28' }, 'INVALID_DATE', 'movements.period.start'],
      [{ start: '2026-02-01', end: Number.NaN }, 'INVALID_DATE', 'movements.period.end'],
      [decimalNaN, 'INVALID_DATE', 'movements.period.start'],
      [{ start: '2026-02-01', end: decimalNaN }, 'INVALID_DATE', 'movements.period.end'],
      [{ start: new Float64Array([1, Number.NaN]), end: '2026-02-28' }, 'INVALID_DATE', 'movements.period.start'],
      [[Number.NaN], 'INVALID_DATE', 'movements.period.start'],
    ];
    for (const [period, code, field] of cases) {
      expect(thrown(() => netRevenueRetention(withMovements({ period })), code as never).field).toBe(field);
    }
  });

  it('an amount that is not money (new "1e1000", new.amount "toString"): refused naming it', () => {
    expect(thrown(() => quickRatio(withMovements({ new: '1e1000' })), 'INVALID_INPUT').field).toBe('movements.new');
    expect(thrown(() => quickRatio(withMovements({ new: usd('toString') })), 'INVALID_AMOUNT').field).toBe(
      'movements.new.amount',
    );
  });

  it('amounts of another currency than starting: CURRENCY_MISMATCH (was a rate of mixed currencies)', () => {
    const bad = withMovements({ startCohort: { ...cohort, retained: { amount: '180.00', currency: 'EUR' } } });
    expect(thrown(() => grossRevenueRetention(bad), 'CURRENCY_MISMATCH').field).toBe(
      'movements.startCohort.retained.currency',
    );
  });

  it('the result holds fresh values, not the caller’s objects', () => {
    const r = grossRevenueRetention(movements);
    expect(r.numerator).toEqual(cohort.retained);
    expect(r.numerator).not.toBe(cohort.retained);
    expect(r.period).toEqual(feb);
    expect(r.period).not.toBe(movements.period);
  });
});

describe('amounts past the range of a number ("1e999"): INVALID_AMOUNT naming the field, never Infinity', () => {
  it('grossRevenueRetention with startCohort.retained.amount "1e999"', () => {
    const bad = withMovements({ startCohort: { ...cohort, retained: usd('1e999') } });
    const e = thrown(() => grossRevenueRetention(bad), 'INVALID_AMOUNT');
    expect(e.field).toBe('movements.startCohort.retained');
    expect(e.message).toContain('"200.00"');
  });

  it('netRevenueRetention with startCohort.ending.amount "1e999"', () => {
    const bad = withMovements({ startCohort: { ...cohort, ending: usd('1e999') } });
    expect(thrown(() => netRevenueRetention(bad), 'INVALID_AMOUNT').field).toBe('movements.startCohort.ending');
  });

  it('quickRatio with new.amount or expansion.amount "1e999"', () => {
    for (const key of ['new', 'expansion']) {
      const e = thrown(() => quickRatio(withMovements({ [key]: usd('1e999') })), 'INVALID_AMOUNT');
      expect(e.field).toBe('movements (new + expansion)');
    }
  });

  it('"1e999" over "1e999" is computed exactly: a rate of 1', () => {
    const big = withMovements({ starting: usd('1e999'), startCohort: { ...cohort, retained: usd('1e999') } });
    expect(grossRevenueRetention(big).rate).toBe(1);
  });
});

describe('arrays with their own constructor key are read as plain arrays', () => {
  const input = { retentionRate: 0.9, defectionCut: 0.05, discountRate: 0.1, horizon: 'lifetime' as const };

  it('retentionProfitImpact with margin [1, "9999-12-31", 3] + constructor: INVALID_RATE naming margin[1]', () => {
    // the documented code for a margin that is not a finite number
    const margin = Object.assign([1, '9999-12-31', 3], { constructor: 1 });
    expect(thrown(() => retentionProfitImpact({ ...input, margin: margin as never }), 'INVALID_RATE').field).toBe(
      'margin[1]',
    );
  });

  it('retentionProfitImpact with margin [1, 2, 3] + constructor equals the plain array', () => {
    const margin = Object.assign([1, 2, 3], { constructor: 1 });
    expect(retentionProfitImpact({ ...input, margin })).toEqual(retentionProfitImpact({ ...input, margin: [1, 2, 3] }));
  });

  // summarizeCohortRetention's example: one customer active in January and February
  const rows = [{ customerId: 'a', period: { start: '2026-01-01', end: '2026-02-28' }, mrr: usd('10') }];
  const summary = summarizeCohortRetention(rows);
  const jan26 = summary.cohorts['2026-01'] as { customers: readonly number[]; mrr: readonly string[] };
  const withCohort = (patch: Record<string, unknown>) => ({
    ...summary,
    cohorts: { ...summary.cohorts, '2026-01': { ...jan26, ...patch } },
  });
  const own = <T>(a: readonly T[]) => Object.assign([...a], { constructor: 7 });

  it('finalizeCohortRetention of cohorts.2026-01.mrr or .customers with own constructor equals the plain one', () => {
    const plain = finalizeCohortRetention(summary);
    expect(finalizeCohortRetention(withCohort({ mrr: own(jan26.mrr) }) as never)).toEqual(plain);
    expect(finalizeCohortRetention(withCohort({ customers: own(jan26.customers) }) as never)).toEqual(plain);
  });

  it('finalizeCohortRetention with customers[1] 2**32 or mrr[1] "1e999" and own constructor: INVALID_SUMMARY', () => {
    const customers = own([1, 2 ** 32]);
    expect(thrown(() => finalizeCohortRetention(withCohort({ customers }) as never), 'INVALID_SUMMARY').field).toMatch(
      /customers/,
    );
    const mrr = own(['10.00', '1e999']);
    const customersOwn = own(jan26.customers);
    expect(
      thrown(() => finalizeCohortRetention(withCohort({ mrr, customers: customersOwn }) as never), 'INVALID_SUMMARY')
        .field,
    ).toMatch(/mrr/);
  });

  it('mergeCohortRetention with customers or mrr carrying their own constructor merges as plain arrays', () => {
    const plain = mergeCohortRetention(summary, summary);
    expect(mergeCohortRetention(withCohort({ customers: own(jan26.customers) }) as never, summary)).toEqual(plain);
    expect(mergeCohortRetention(summary, withCohort({ mrr: own(jan26.mrr) }) as never)).toEqual(plain);
  });

  it('mergeCohortRetention, customers[0] "-1e1000" and own constructor: INVALID_SUMMARY naming customers[0]', () => {
    const customers = Object.assign(['-1e1000', 1], { constructor: 7 });
    const e = thrown(() => mergeCohortRetention(summary, withCohort({ customers }) as never), 'INVALID_SUMMARY');
    expect(e.field).toMatch(/customers\[0\]$/);
  });
});
