/**
 * Options that are `null` (a JSON field written as null) are refused with `INVALID_OPTION`
 * naming `options`: the fuzz suite found a TypeError escaping from each of these (issue 14).
 */
import { describe, expect, it } from 'vitest';
import {
  cohortRetention,
  fitShiftedBetaGeometric,
  grossRevenueRetention,
  mrrMovements,
  netRevenueRetention,
  quickRatio,
} from '../../src/retention/index.js';
import { thrown } from '../core/helpers.js';

const jan = { start: '2026-01-01', end: '2026-01-31' };
const feb = { start: '2026-02-01', end: '2026-02-28' };
const usd = (amount: string) => ({ amount, currency: 'USD' });
// the worked example of quickRatio: a expands 100 → 150, b contracts 100 → 80
const movements = mrrMovements(
  [
    { customerId: 'a', period: jan, mrr: usd('100') },
    { customerId: 'a', period: feb, mrr: usd('150') },
    { customerId: 'b', period: jan, mrr: usd('100') },
    { customerId: 'b', period: feb, mrr: usd('80') },
  ],
  { period: feb },
);

describe('options null', () => {
  const cases: [string, () => unknown][] = [
    ['quickRatio', () => quickRatio(movements, null as never)],
    ['grossRevenueRetention', () => grossRevenueRetention(movements, null as never)],
    ['netRevenueRetention', () => netRevenueRetention(movements, null as never)],
    ['cohortRetention', () => cohortRetention([], null as never)],
    ['fitShiftedBetaGeometric', () => fitShiftedBetaGeometric([1000, 869, 743, 653], null as never)],
  ];
  for (const [name, call] of cases) {
    it(name, () => {
      expect(thrown(call, 'INVALID_OPTION').field).toBe('options');
    });
  }

  it('quickRatio with options omitted still gives the worked example: 50 gained / 20 lost = 2.5', () => {
    expect(quickRatio(movements).rate).toBe(2.5);
  });
});
