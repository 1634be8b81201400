/**
 * Cash basis (`payableOn: 'payment'`): earned at booking, payable as the customer pays.
 */
import { describe, expect, it } from 'vitest';
import {
  calculateStatement,
  explainStatement,
  finalizeStatement,
  mergeStatement,
  summarizeStatement,
  type StatementContext,
} from '../../src/commission/index.js';
import { month } from '../../src/core/index.js';
import { credit, member, planOf, usd } from './helpers.js';

const plan = planOf([{ id: 'c', kind: 'rate', rate: '0.1' }], { version: { payableOn: 'payment' } });
const pay = (id: string, dealId: string, date: string, amount: string, dealAmount = '10000') => ({
  id,
  dealId,
  date,
  amount: usd(amount),
  dealAmount: usd(dealAmount),
});

describe("payableOn: 'payment'", () => {
  it('Keystroke POS "Weighted Cash": an invoice 50 % paid pays 50 % of the commission', () => {
    // https://www.keystrokepos.com/public/prodinfo/keystroke/help801/rptoptionsscreencommission.html — "Weighted
    // Cash - Only paid portions of transactions are included … If an On Account invoice has been 50% paid, the
    // commission is 50% of the entire commission." A 10,000 deal at 10 % earns 1,000.00 in January (by hand).
    const jan = calculateStatement({
      plan,
      member,
      period: month(2026, 1),
      quota: usd('50000'),
      credits: [credit('k', '10000', '2026-01-20', { dealId: 'D-1' })],
    });
    expect([jan.earned.amount, jan.payable.amount]).toEqual(['1000.00', '0.00']);
    expect(jan.lines.map((l) => [l.kind, l.amount.amount])).toEqual([
      ['commission', '1000.00'],
      ['hold', '-1000.00'],
    ]);
    expect(jan.balances.held).toEqual({
      'D-1': { earned: usd('1000.00'), released: usd('0.00'), collected: usd('0.00'), dealAmount: null },
    });
    // February: the customer pays 5,000 of 10,000 → 50 % of 1,000 = 500.00
    const feb = calculateStatement({
      plan,
      member,
      period: month(2026, 2),
      quota: usd('50000'),
      credits: [],
      payments: [pay('p1', 'D-1', '2026-02-10', '5000')],
      priorBalance: jan.balances,
    });
    expect([feb.earned.amount, feb.payable.amount]).toEqual(['0.00', '500.00']);
    expect(explainStatement(feb)).toContain(
      'release: 500.00 USD — deal D-1: 5000.00 of 10000.00 collected releases that share of the 1000.00 earned on ' +
        'it, less 0.00 released before: 500.00',
    );
    // March: the rest is paid → the other 500.00, and the deal leaves the held balance
    const mar = calculateStatement({
      plan,
      member,
      period: month(2026, 3),
      quota: usd('50000'),
      credits: [],
      payments: [pay('p2', 'D-1', '2026-03-05', '5000')],
      priorBalance: feb.balances,
    });
    expect(mar.payable.amount).toBe('500.00');
    expect(mar.balances.held).toEqual({});
  });

  it('the earned commission of a period is attributed to its deals by credited amount, to the cent', () => {
    // 7 % of 100.00 + 200.00 = 21.00, attributed 7.00 / 14.00 (by hand); D-2 paid a third: 14 × 1/3 = 4.67
    const p7 = planOf([{ id: 'c', kind: 'rate', rate: '0.07' }], { version: { payableOn: 'payment' } });
    const s = calculateStatement({
      plan: p7,
      member,
      period: month(2026, 1),
      quota: usd('1000'),
      credits: [
        credit('a', '100', '2026-01-05', { dealId: 'D-1' }),
        credit('b', '200', '2026-01-06', { dealId: 'D-2' }),
      ],
      payments: [pay('p', 'D-2', '2026-01-31', '100', '300')],
    });
    const hold = s.lines.find((l) => l.kind === 'hold');
    expect(hold?.explanation.detail).toEqual({
      rule: 'hold',
      deals: [
        { dealId: 'D-1', amount: '7.00' },
        { dealId: 'D-2', amount: '14.00' },
      ],
    });
    expect(s.payable.amount).toBe('4.67');
  });

  it('the summary path carries the per-deal amounts and gives the same statement', () => {
    const context: StatementContext = { plan, member, period: month(2026, 1), quota: usd('50000') };
    const a = [credit('a', '4000', '2026-01-05', { dealId: 'D-1' })];
    const b = [
      credit('b', '6000', '2026-01-06', { dealId: 'D-1' }),
      credit('c', '1000', '2026-01-07', { dealId: 'D-2' }),
    ];
    const merged = mergeStatement(summarizeStatement(a, context), summarizeStatement(b, context));
    expect(merged.deals).toEqual({ 'D-1': '10000', 'D-2': '1000' });
    const full = { ...context, payments: [pay('p', 'D-1', '2026-01-30', '2500')] };
    expect(finalizeStatement(JSON.parse(JSON.stringify(merged)), full)).toEqual(
      calculateStatement({ ...full, credits: [...a, ...b] }),
    );
  });

  it('refuses payments on a booking plan, unknown deals, repeated payment ids and a changed deal amount', () => {
    const booking = planOf([{ id: 'c', kind: 'rate', rate: '0.1' }]);
    const base = { member, period: month(2026, 1), quota: usd('1'), credits: [] };
    expect(() => calculateStatement({ ...base, plan: booking, payments: [pay('p', 'D', '2026-01-02', '1')] })).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTION', field: 'payments' }),
    );
    expect(() => calculateStatement({ ...base, plan, payments: [pay('p', 'D-9', '2026-01-02', '1')] })).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT', field: 'payments[0].dealId' }),
    );
    const booked = { ...base, plan, credits: [credit('k', '100', '2026-01-05', { dealId: 'D' })] };
    expect(() =>
      calculateStatement({ ...booked, payments: [pay('p', 'D', '2026-01-06', '1'), pay('p', 'D', '2026-01-07', '1')] }),
    ).toThrow(expect.objectContaining({ code: 'DUPLICATE_ID' }));
    expect(() =>
      calculateStatement({
        ...booked,
        payments: [pay('p', 'D', '2026-01-06', '1', '100'), pay('q', 'D', '2026-01-07', '1', '200')],
      }),
    ).toThrow(expect.objectContaining({ code: 'INVALID_INPUT', field: 'payments[1].dealAmount' }));
  });
});
