import { describe, expect, it } from 'vitest';
import type { Subscription } from '../../src/model/subscription.js';
import { mrrMovements } from '../../src/retention/mrr-movements.js';
import { grossRevenueRetention, netRevenueRetention, quickRatio } from '../../src/retention/revenue-retention.js';

const usd = (amount: string) => ({ amount, currency: 'USD' });
const P = {
  jan: { start: '2026-01-01', end: '2026-01-31' },
  feb: { start: '2026-02-01', end: '2026-02-28' },
  mar: { start: '2026-03-01', end: '2026-03-31' },
  febMar: { start: '2026-02-01', end: '2026-03-31' },
};
const row = (customerId: string, month: keyof typeof P, amount: string): Subscription => ({
  customerId,
  period: P[month] as Subscription['period'],
  mrr: usd(amount),
});
// computed by hand (see mrr-movements.test.ts): Feb = start 150, new 30, expansion 20, churn 50, end 150;
// Mar = start 150, reactivation 60, contraction 20, end 190; Feb–Mar start cohort {a, b}: 150 → 180, retained 150.
const BASE = [
  row('a', 'jan', '100'),
  row('a', 'feb', '120'),
  row('a', 'mar', '120'),
  row('b', 'jan', '50'),
  row('b', 'mar', '60'),
  row('c', 'feb', '30'),
  row('c', 'mar', '10'),
];

describe('grossRevenueRetention', () => {
  it('start cohort: Σ min(end, start) / Σ start', () => {
    // February: a 100 → 120 keeps 100, b 50 → 0 keeps 0 → 100/150
    const g = grossRevenueRetention(mrrMovements(BASE, { period: P.feb }));
    expect(g.rate).toBeCloseTo(2 / 3, 15);
    expect([g.numerator.amount, g.denominator.amount, g.months, g.basis]).toEqual([
      '100.00',
      '150.00',
      1,
      'startCohort',
    ]);
    // Feb–Mar: a keeps 100, b keeps 50 (back at 60) → 150/150 = 1, never above 1
    expect(grossRevenueRetention(mrrMovements(BASE, { period: P.febMar })).rate).toBe(1);
  });
  it('movements basis on one month: (150 − 0 − 50)/150 in Feb; refused on two months', () => {
    expect(grossRevenueRetention(mrrMovements(BASE, { period: P.feb }), { basis: 'movements' }).rate).toBeCloseTo(
      100 / 150,
      15,
    );
    expect(() => grossRevenueRetention(mrrMovements(BASE, { period: P.febMar }), { basis: 'movements' })).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTION' }),
    );
  });
  it('zero starting MRR gives null', () => {
    expect(grossRevenueRetention(mrrMovements(BASE, { period: P.jan })).rate).toBeNull();
  });
});

describe('netRevenueRetention', () => {
  it('start cohort over a window: Feb–Mar 180/150 = 1.2 (months: 2, not annualised)', () => {
    const n = netRevenueRetention(mrrMovements(BASE, { period: P.febMar }));
    expect(n.rate).toBeCloseTo(1.2, 15);
    expect(n.months).toBe(2);
  });
  it('movements basis: reactivation excluded (ChartMogul NRR) or included (net MRR churn)', () => {
    const mar = mrrMovements(BASE, { period: P.mar });
    // computed by hand: (150 + 0 − 20 − 0)/150 = 0.8666…; with reactivation (+60) 190/150
    expect(netRevenueRetention(mar, { basis: 'movements' }).rate).toBeCloseTo(130 / 150, 15);
    expect(netRevenueRetention(mar, { basis: 'movements', reactivation: 'include' }).rate).toBeCloseTo(190 / 150, 15);
    expect(() => netRevenueRetention(mar, { reactivation: 'include' })).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTION' }),
    );
  });
  it('$27,000 start, +$13,000 expansion, −$5,000 churn → $35,000: NRR 1.2963', () => {
    // computed by hand: (27,000 + 13,000 − 5,000)/27,000 = 35/27
    const rows = [
      row('x', 'jan', '20000'),
      row('x', 'feb', '33000'),
      row('y', 'jan', '5000'),
      row('z', 'jan', '2000'),
      row('z', 'feb', '2000'),
    ];
    const m = mrrMovements(rows, { period: P.feb });
    expect(m.ending.amount).toBe('35000.00');
    expect(netRevenueRetention(m).rate).toBeCloseTo(35000 / 27000, 15);
  });
});

describe('the trailing-twelve-month cohort basis (filings: ARR now of the customers of 12 months ago)', () => {
  it('a 12-month window on the start cohort, new customers excluded', () => {
    const month = (m: number) => {
      const mm = String(m).padStart(2, '0');
      const end = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
      return { start: `2026-${mm}-01`, end: `2026-${mm}-${end}` };
    };
    const rows: Subscription[] = [
      { customerId: 'old1', period: { start: '2025-12-01', end: '2025-12-31' }, mrr: usd('1000') },
      { customerId: 'old2', period: { start: '2025-12-01', end: '2025-12-31' }, mrr: usd('500') },
      { customerId: 'new1', period: month(6), mrr: usd('9999') },
    ];
    // old1 grows to 1,300 by December 2026; old2 leaves in March; new1 joins in June and stays
    for (let m = 1; m <= 12; m++) {
      rows.push({ customerId: 'old1', period: month(m), mrr: usd(m < 7 ? '1000' : '1300') });
      if (m <= 2) rows.push({ customerId: 'old2', period: month(m), mrr: usd('500') });
      if (m > 6) rows.push({ customerId: 'new1', period: month(m), mrr: usd('9999') });
    }
    const m = mrrMovements(rows, { period: { start: '2026-01-01', end: '2026-12-31' } });
    // computed by hand: NRR = 1,300/1,500 = 0.8667; GRR = 1,000/1,500 = 0.6667; 12 months, not annualised from a month
    expect(netRevenueRetention(m).rate).toBeCloseTo(1300 / 1500, 15);
    expect(grossRevenueRetention(m).rate).toBeCloseTo(1000 / 1500, 15);
    expect(netRevenueRetention(m).months).toBe(12);
  });
});

describe('quickRatio', () => {
  it('(new + expansion)/(contraction + churn), reactivation optional', () => {
    // Feb: (30 + 20)/(0 + 50) = 1
    expect(quickRatio(mrrMovements(BASE, { period: P.feb })).rate).toBe(1);
    const mar = mrrMovements(BASE, { period: P.mar });
    // Mar: (0 + 0)/(20 + 0) = 0; with reactivation (60)/20 = 3
    expect(quickRatio(mar).rate).toBe(0);
    expect(quickRatio(mar, { reactivation: 'numerator' }).rate).toBe(3);
    expect(quickRatio(mrrMovements([row('a', 'feb', '1')], { period: P.feb })).rate).toBeNull();
  });
});
