/**
 * Draws over six months: Oracle Fusion Incentive Compensation, "Example of Incentive
 * Compensation Draw and Recovery" (docs.oracle.com/en/cloud/saas/sales/facmi/…): a 1,000 USD
 * minimum per period through period 6, recovery of 100 % of earnings above the minimum from
 * period 4, never bringing pay below 1,000 while the draw is in effect.
 * Periods 1–3 are published; the page's rows for periods 4–6 were not visible in the sources
 * read, so periods 4–6 use earnings chosen here and are computed by hand with the same rules.
 */
import { describe, expect, it } from 'vitest';
import { calculateStatement, type Balances } from '../../src/commission/index.js';
import { month } from '../../src/core/index.js';
import { credit, member, planOf, usd } from './helpers.js';

type Draw = NonNullable<NonNullable<Parameters<typeof planOf>[1]>['version']>['draw'];

function run(draw: Draw, earnings: string[]) {
  // a 10 % rate component: credits of 10 × the wanted earnings
  const plan = planOf([{ id: 'c', kind: 'rate', rate: '0.1' }], { version: { draw } });
  let prior: Partial<Balances> = {};
  return earnings.map((e, i) => {
    const s = calculateStatement({
      plan,
      member,
      period: month(2026, i + 1),
      quota: usd('10000'),
      credits: [credit(`k${i}`, String(Number(e) * 10), month(2026, i + 1).start)],
      priorBalance: prior,
    });
    prior = s.balances;
    const line = (kind: string) => s.lines.find((l) => l.kind === kind)?.amount.amount ?? '0.00';
    return [s.earned.amount, line('draw'), line('recovery'), s.payable.amount, s.balances.draw.amount];
  });
}

describe('recoverable guarantee over six months (Oracle draw and recovery example)', () => {
  const draw: Draw = {
    type: 'recoverableGuarantee',
    amount: '1000',
    start: '2026-01-01',
    end: '2026-06-30',
    recoveryStart: '2026-04-01',
  };
  it('pays the shortfall, builds the balance, then recovers only earnings above the minimum', () => {
    expect(run(draw, ['500', '700', '400', '1600', '1300', '2000'])).toEqual([
      // [earned, draw, recovery, paid, ending balance]
      ['500.00', '500.00', '0.00', '1000.00', '500.00'], // published: 500 | 500 | 0 | 1,000 | 500
      ['700.00', '300.00', '0.00', '1000.00', '800.00'], // published: 700 | 300 | 0 | 1,000 | 800
      ['400.00', '600.00', '0.00', '1000.00', '1400.00'], // published: 400 | 600 | 0 | 1,000 | 1,400
      ['1600.00', '0.00', '-600.00', '1000.00', '800.00'], // by hand: recover 1,600 − 1,000
      ['1300.00', '0.00', '-300.00', '1000.00', '500.00'], // by hand: recover 1,300 − 1,000
      ['2000.00', '0.00', '-500.00', '1500.00', '0.00'], // by hand: the balance 500 is all that is left
    ]);
  });
  it('recovery capped per period and by share', () => {
    const capped = run({ ...draw, recoveryCap: '250', recoveryShare: '0.5' }, ['500', '700', '400', '1600'])[3];
    // by hand: 50 % of 600 = 300, capped at 250 → paid 1,350, balance 1,150
    expect(capped).toEqual(['1600.00', '0.00', '-250.00', '1350.00', '1150.00']);
  });
});

describe('the other draw types (Xactly Plan Design › Draws)', () => {
  it('non-recoverable guarantee: tops up to the guarantee, no balance', () => {
    const rows = run({ type: 'nonRecoverableGuarantee', amount: '1000', start: '2026-01-01', end: '2026-02-28' }, [
      '300',
      '1200',
      '100',
    ]);
    // by hand: Jan top-up 700; Feb none; March after the end: none
    expect(rows.map((r) => [r[1], r[3], r[4]])).toEqual([
      ['700.00', '1000.00', '0.00'],
      ['0.00', '1200.00', '0.00'],
      ['0.00', '100.00', '0.00'],
    ]);
  });
  it('recoverable: paid on top of earnings, recovered after the draw ends', () => {
    const rows = run({ type: 'recoverable', amount: '500', start: '2026-01-01', end: '2026-01-31' }, ['300', '800']);
    // by hand: Jan 300 + 500 draw = 800, balance 500; Feb draw ended, recover min(500, 800) → paid 300
    expect(rows).toEqual([
      ['300.00', '500.00', '0.00', '800.00', '500.00'],
      ['800.00', '0.00', '-500.00', '300.00', '0.00'],
    ]);
  });
  it('non-recoverable: paid on top of earnings, never recovered', () => {
    expect(run({ type: 'nonRecoverable', amount: '500', start: '2026-01-01' }, ['300'])).toEqual([
      ['300.00', '500.00', '0.00', '800.00', '0.00'],
    ]);
  });
});

describe('draws in a year-to-date true-up', () => {
  it('the guarantee applies to the current period only: pay after the true-up is topped up to the minimum', () => {
    const plan = planOf([{ id: 'c', kind: 'rate', rate: '0.06' }], {
      version: { draw: { type: 'nonRecoverableGuarantee', amount: '1000', start: '2026-01-01' } },
    });
    const credits = [
      credit('j', '20000', '2026-01-10'),
      credit('f', '30000', '2026-02-10'),
      credit('m', '30000', '2026-03-10'),
    ];
    const s = calculateStatement({
      plan,
      member,
      period: month(2026, 3),
      quota: usd('1'),
      credits,
      paidToDate: usd('4500'),
    });
    // by hand: YTD 4,800 − 4,500 paid = 300 this period; guarantee 1,000 → top-up 700 (one period's draw, not three)
    expect(s.lines.map((l) => [l.kind, l.amount.amount])).toEqual([
      ['commission', '4800.00'],
      ['trueUp', '-4500.00'],
      ['draw', '700.00'],
    ]);
    expect(s.payable.amount).toBe('1000.00');
  });
});

describe('Siebel "Creating a Draw for a Compensation Plan" (O13, PlanDesign24)', () => {
  it('a $2,000 draw with $800 earned pays the $800 plus $1,200', () => {
    const rows = run({ type: 'recoverableGuarantee', amount: '2000', start: '2026-01-01', end: '2026-06-30' }, ['800']);
    // published 800 + 1,200 = 2,000; balance by hand
    expect(rows[0]).toEqual(['800.00', '1200.00', '0.00', '2000.00', '1200.00']);
  });
});
