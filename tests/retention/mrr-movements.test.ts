import { describe, expect, it } from 'vitest';
import type { Subscription } from '../../src/model/subscription.js';
import { finalizeMrrMovements, mrrMovements } from '../../src/retention/mrr-movements.js';
import { mergeMrrMovements } from '../../src/retention/mrr-movements-merge.js';
import { summarizeMrrMovements } from '../../src/retention/mrr-movements-summary.js';
import { RETENTION_PRESETS } from '../../src/retention/presets.js';
import { churnRate } from '../../src/retention/rates.js';

const usd = (amount: string) => ({ amount, currency: 'USD' });
const M = {
  dec: { start: '2025-12-01', end: '2025-12-31' },
  jan: { start: '2026-01-01', end: '2026-01-31' },
  feb: { start: '2026-02-01', end: '2026-02-28' },
  mar: { start: '2026-03-01', end: '2026-03-31' },
  febMar: { start: '2026-02-01', end: '2026-03-31' },
};
const row = (
  customerId: string,
  month: keyof typeof M,
  amount: string,
  extra: Partial<Subscription> = {},
): Subscription => ({
  customerId,
  period: M[month] as Subscription['period'],
  mrr: usd(amount),
  ...extra,
});
const amounts = (m: ReturnType<typeof mrrMovements>) =>
  [m.starting, m.new, m.expansion, m.contraction, m.churned, m.reactivation, m.ending].map((x) => x.amount);

// Worked example, computed by hand:
//   a: Jan 100, Feb 120, Mar 120  → Feb expansion 20
//   b: Jan 50, Feb —, Mar 60      → Feb churn 50, Mar reactivation 60 (gap: all of February, 28 days)
//   c: Feb 30, Mar 10             → Feb new 30, Mar contraction 20
const BASE = [
  row('a', 'jan', '100'),
  row('a', 'feb', '120'),
  row('a', 'mar', '120'),
  row('b', 'jan', '50'),
  row('b', 'mar', '60'),
  row('c', 'feb', '30'),
  row('c', 'mar', '10'),
];

describe('mrrMovements: a worked example (computed by hand)', () => {
  it('February: 150 + 30 new + 20 expansion − 50 churn = 150', () => {
    const m = mrrMovements(BASE, { period: M.feb });
    // [starting, new, expansion, contraction, churned, reactivation, ending]
    expect(amounts(m)).toEqual(['150.00', '30.00', '20.00', '0.00', '50.00', '0.00', '150.00']);
    expect(m.customers).toEqual({ starting: 2, new: 1, reactivated: 0, churned: 1, ending: 2 });
    expect(m.months).toBe(1);
  });
  it('March: 150 + 60 reactivation − 20 contraction = 190', () => {
    const m = mrrMovements(BASE, { period: M.mar });
    expect(amounts(m)).toEqual(['150.00', '0.00', '0.00', '20.00', '0.00', '60.00', '190.00']);
    expect(m.customers).toEqual({ starting: 2, new: 0, reactivated: 1, churned: 0, ending: 3 });
  });
  it('February–March: movements add up, start cohort {a, b} from 150 to 180 (retained 150)', () => {
    const m = mrrMovements(BASE, { period: M.febMar });
    expect(amounts(m)).toEqual(['150.00', '30.00', '20.00', '20.00', '50.00', '60.00', '190.00']);
    expect(m.months).toBe(2);
    expect(m.startCohort).toEqual({ starting: usd('150.00'), retained: usd('150.00'), ending: usd('180.00') });
  });
  it('row order does not matter; several subscriptions of one customer add up', () => {
    const withoutA = BASE.filter((r) => !(r.customerId === 'a' && r.period === M.jan));
    expect(
      mrrMovements([...withoutA, row('a', 'jan', '60'), row('a', 'jan', '40')].reverse(), { period: M.feb }),
    ).toEqual(mrrMovements(BASE, { period: M.feb }));
  });
});

describe('reactivation window', () => {
  it('within N days of churn (Maxio: 90): February is a 28-day gap', () => {
    expect(mrrMovements(BASE, { period: M.mar, reactivation: { withinDays: 28 } }).reactivation.amount).toBe('60.00');
    const late = mrrMovements(BASE, { period: M.mar, reactivation: { withinDays: 27 } });
    expect([late.reactivation.amount, late.new.amount, late.customers.new]).toEqual(['0.00', '60.00', 1]);
  });
  it('after a minimum gap (Recurly: a month at $0)', () => {
    expect(mrrMovements(BASE, { period: M.mar, reactivation: { minimumGapDays: 28 } }).reactivation.amount).toBe(
      '60.00',
    );
    expect(mrrMovements(BASE, { period: M.mar, reactivation: { minimumGapDays: 29 } }).new.amount).toBe('60.00');
  });
  it('refuses malformed rules', () => {
    // @ts-expect-error wrong option on purpose
    expect(() => mrrMovements(BASE, { period: M.mar, reactivation: { days: 3 } })).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTION' }),
    );
    expect(() => mrrMovements(BASE, { period: M.mar, reactivation: { withinDays: -1 } })).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTION' }),
    );
  });
});

describe('snapshots, churn recognition, free plans, discounts', () => {
  it('an annual row counts in each month it covers; a mid-month row where it holds the month end', () => {
    const rows = [
      { customerId: 'e', period: { start: '2025-12-01', end: '2026-11-30' }, mrr: usd('100') },
      { customerId: 'f', period: { start: '2026-01-15', end: '2026-02-14' }, mrr: usd('10') },
      { customerId: 'f', period: { start: '2026-02-15', end: '2026-03-14' }, mrr: usd('10') },
    ];
    // computed by hand: Feb: e 100→100, f 10→10 (Feb 28 lies in the second row)
    expect(amounts(mrrMovements(rows, { period: M.feb }))).toEqual([
      '110.00',
      '0.00',
      '0.00',
      '0.00',
      '0.00',
      '0.00',
      '110.00',
    ]);
    // March 31 lies in no row of f → churn 10 in March
    expect(mrrMovements(rows, { period: M.mar }).churned.amount).toBe('10.00');
  });
  it('churn at cancellation moves the churn to the month the customer cancels', () => {
    const rows = [row('g', 'jan', '25'), row('g', 'feb', '25', { canceledAt: '2026-02-10' })];
    expect(mrrMovements(rows, { period: M.feb }).churned.amount).toBe('0.00');
    expect(mrrMovements(rows, { period: M.mar }).churned.amount).toBe('25.00');
    expect(mrrMovements(rows, { period: M.feb, churnRecognition: 'cancellation' }).churned.amount).toBe('25.00');
    expect(mrrMovements(rows, { period: M.feb, preset: 'baremetrics' }).churned.amount).toBe('25.00');
  });
  it('free plans: active (ChartMogul) = contraction, then expansion; churned (Stripe) = churn, reactivation', () => {
    const rows = [row('h', 'jan', '20'), row('h', 'feb', '0', { free: true }), row('h', 'mar', '20')];
    const feb = mrrMovements(rows, { period: M.feb });
    expect([feb.contraction.amount, feb.churned.amount, feb.customers.ending]).toEqual(['20.00', '0.00', 1]);
    expect(mrrMovements(rows, { period: M.mar }).expansion.amount).toBe('20.00');
    const febS = mrrMovements(rows, { period: M.feb, preset: 'stripe' });
    expect([febS.contraction.amount, febS.churned.amount, febS.customers.ending]).toEqual(['0.00', '20.00', 0]);
    expect(mrrMovements(rows, { period: M.mar, freePlans: 'churned' }).reactivation.amount).toBe('20.00');
  });
  it('discounts: all (ChartMogul, ProfitWell), forever only (Stripe), none', () => {
    const limited = [
      row('i', 'jan', '100', { listMrr: usd('100') }),
      row('i', 'feb', '80', { listMrr: usd('100'), discount: 'limited' }),
    ];
    const forever = [
      row('i', 'jan', '100', { listMrr: usd('100') }),
      row('i', 'feb', '80', { listMrr: usd('100'), discount: 'forever' }),
    ];
    // computed by hand: a $20 discount is a $20 contraction unless it is not counted
    expect(mrrMovements(limited, { period: M.feb }).contraction.amount).toBe('20.00');
    expect(mrrMovements(limited, { period: M.feb, preset: 'stripe' }).contraction.amount).toBe('0.00');
    expect(mrrMovements(forever, { period: M.feb, discounts: 'foreverOnly' }).contraction.amount).toBe('20.00');
    expect(mrrMovements(forever, { period: M.feb, discounts: 'none' }).contraction.amount).toBe('0.00');
    // ProfitWell's discount example: $120/yr with 10 % off → $9 MRR, i.e. rows of 9.00 after the discount
    expect(
      mrrMovements([row('p', 'feb', '9.00', { listMrr: usd('10.00'), discount: 'forever' })], {
        period: M.feb,
        preset: 'profitwell',
      }).new.amount,
    ).toBe('9.00');
  });
  it('keeps sub-cent MRR exact (an $800 annual plan normalised by the caller to 66.6667 a month)', () => {
    // computed by hand: 50 customers × 66.6667 = 3333.335 (no rounding to cents on the way)
    const rows = Array.from({ length: 50 }, (_, i) => row(`s${i}`, 'feb', '66.6667'));
    expect(mrrMovements(rows, { period: M.feb }).new.amount).toBe('3333.335');
  });
});

describe('presets reproduce the published conventions (provider help centres)', () => {
  it('table', () => {
    // ChartMogul: help.chartmogul.com 203359321 "Metric: Customer Churn rate" (same-window joiners
    //   excluded), 203299912 "Data Table and MRR movements" (reactivation any time; free plans and
    //   discounts as MRR movements)
    // Baremetrics: help.baremetrics.com 5380347 "User and revenue churn"; changelog "Churn Update"
    //   (same-window churners in the numerator; churn at cancellation)
    // Stripe: support.stripe.com "Calculating churn rate in Billing" (new subscribers in the
    //   denominator); docs.stripe.com Billing analytics glossary (free plans excluded, forever coupons only)
    // ProfitWell: paddle.com/help/profitwell-metrics/measure/compare/profitwell-vs-stripe (and -chargify,
    //   -recurly): same-month new + churn ignored, churn at the end of the paid cycle, discounts always subtracted
    expect(RETENTION_PRESETS.chartmogul).toMatchObject({
      sameWindow: 'exclude',
      reactivation: 'any',
      freePlans: 'active',
      discounts: 'all',
    });
    expect(RETENTION_PRESETS.baremetrics).toMatchObject({ sameWindow: 'numerator', churnRecognition: 'cancellation' });
    expect(RETENTION_PRESETS.stripe).toMatchObject({
      sameWindow: 'both',
      freePlans: 'churned',
      discounts: 'foreverOnly',
    });
    expect(RETENTION_PRESETS.profitwell).toMatchObject({
      sameWindow: 'exclude',
      reactivation: 'any',
      churnRecognition: 'periodEnd',
      discounts: 'all',
    });
  });
  it('Stripe: a returner who leaves again is a second churn', () => {
    const rows = [row('r', 'dec', '10'), row('r', 'feb', '10')];
    const m = mrrMovements(rows, { period: { start: '2026-01-01', end: '2026-03-31' }, preset: 'stripe' });
    expect([m.customers.churned, m.customers.reactivated, m.churned.amount]).toEqual([2, 1, '20.00']);
  });
});

describe('churn counts for churnRate (the four-provider churn example through the movement classifier)', () => {
  it('100 customers at the start, 10 churn, 1 joins and churns inside the window → 10 %, 11 %, 10.89 %, 10 %', () => {
    // computed by hand: period Feb–Mar; 90 customers stay Jan–Mar, 5 leave after Jan, 5 after Feb;
    // j joins in Feb and leaves after it
    const rows: Subscription[] = [];
    for (let i = 0; i < 100; i++) {
      rows.push(row(`k${i}`, 'jan', '10'));
      if (i >= 5) rows.push(row(`k${i}`, 'feb', '10'));
      if (i >= 10) rows.push(row(`k${i}`, 'mar', '10'));
    }
    rows.push(row('j', 'feb', '10'));
    const m = mrrMovements(rows, { period: M.febMar });
    expect(m.churnCounts).toEqual({ start: 100, churned: 10, acquired: 1, acquiredAndChurned: 1 });
    const counts = m.churnCounts as NonNullable<typeof m.churnCounts>;
    expect(churnRate(counts, { preset: 'chartmogul' }).rate).toBe(0.1);
    expect(churnRate(counts, { preset: 'baremetrics' }).rate).toBe(0.11);
    expect(churnRate(counts, { preset: 'stripe' })).toMatchObject({ numerator: 11, denominator: 101 });
    expect(churnRate(counts, { preset: 'profitwell' }).rate).toBe(0.1);
    // logos roll forward: 100 + 1 new − 11 churn events = 90
    expect(m.customers).toEqual({ starting: 100, new: 1, reactivated: 0, churned: 11, ending: 90 });
  });
  it('a starting customer who churns and returns still counts as churned once', () => {
    const m = mrrMovements(BASE, { period: M.febMar });
    expect(m.churnCounts).toEqual({ start: 2, churned: 1, acquired: 1, acquiredAndChurned: 0 });
  });
});

describe('validation and summaries', () => {
  it('refuses bad windows, amounts and currencies', () => {
    expect(() => mrrMovements(BASE, { period: { start: '2026-02-02', end: '2026-02-28' } })).toThrow(
      expect.objectContaining({ code: 'INVALID_PERIOD' }),
    );
    expect(() => mrrMovements(BASE, { period: { start: '2026-02-01', end: '2026-02-27' } })).toThrow(
      expect.objectContaining({ code: 'INVALID_PERIOD' }),
    );
    expect(() => mrrMovements([row('x', 'feb', '-1')], { period: M.feb })).toThrow(
      expect.objectContaining({ code: 'INVALID_AMOUNT' }),
    );
    expect(() =>
      mrrMovements([row('x', 'feb', '1'), { ...row('y', 'feb', '1'), mrr: { amount: '1', currency: 'EUR' } }], {
        period: M.feb,
      }),
    ).toThrow(expect.objectContaining({ code: 'CURRENCY_MISMATCH', field: 'subscriptions[1] (id "y").mrr.currency' }));
    expect(() =>
      mrrMovements([{ ...row('x', 'feb', '1'), period: { start: '2026-02-30', end: '2026-03-01' } }], {
        period: M.feb,
      }),
    ).toThrow(expect.objectContaining({ code: 'INVALID_DATE' }));
    expect(() => mrrMovements([], { period: M.feb })).toThrow(expect.objectContaining({ code: 'INSUFFICIENT_DATA' }));
    expect(() => mrrMovements([row('x', 'feb', '1e16')], { period: M.feb })).toThrow(
      expect.objectContaining({ code: 'INVALID_AMOUNT' }),
    );
  });
  it('summaries are JSON round-trippable, and merges check their windows', () => {
    const s = summarizeMrrMovements(BASE, { period: M.feb });
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
    expect(finalizeMrrMovements(JSON.parse(JSON.stringify(s)))).toEqual(mrrMovements(BASE, { period: M.feb }));
    const jan = summarizeMrrMovements(BASE, { period: M.jan });
    const mar = summarizeMrrMovements(BASE, { period: M.mar });
    expect(() => mergeMrrMovements(jan, mar)).toThrow(
      expect.objectContaining({ code: 'INVALID_SUMMARY', field: 'b.period' }),
    );
    expect(() => mergeMrrMovements(s, summarizeMrrMovements(BASE, { period: M.feb, preset: 'stripe' }))).toThrow(
      expect.objectContaining({ code: 'INVALID_SUMMARY', field: 'b.freePlans' }),
    );
    // adjacent windows over different customers disagree at the boundary
    expect(() => mergeMrrMovements(s, summarizeMrrMovements(BASE.slice(0, 3), { period: M.mar }))).toThrow(
      expect.objectContaining({ code: 'INVALID_SUMMARY', field: 'b.amounts.starting' }),
    );
    const joined = finalizeMrrMovements(mergeMrrMovements(mar, s));
    expect(amounts(joined)).toEqual(amounts(mrrMovements(BASE, { period: M.febMar })));
    expect(joined.startCohort).toBeNull();
    expect(joined.churnCounts).toBeNull();
  });
});
