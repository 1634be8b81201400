/**
 * Law of month proration: the months of a plan period, each prorated on its own (or in any
 * contiguous pieces), add up exactly to the full amount — quota and fixed amounts alike.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calculateStatement } from '../../src/commission/index.js';
import { add, money, month } from '../../src/core/index.js';
import { member, planOf, usd } from './helpers.js';

const YEAR = { start: '2026-01-01', end: '2026-12-31' };
const cents = (min: bigint) =>
  fc.bigInt({ min, max: 10n ** 12n }).map((c) => `${c / 100n}.${String(c % 100n).padStart(2, '0')}`);

describe("proration: 'months' (property)", () => {
  it('the 12 months of a year, or any contiguous pieces of it, sum exactly to the annual quota and bonus', () => {
    fc.assert(
      fc.property(
        // a quota of at least 12.00, so that no month's share rounds to a zero quota (a bonus needs a quota)
        cents(1200n),
        cents(0n),
        fc.uniqueArray(fc.integer({ min: 1, max: 11 }), { maxLength: 11 }),
        (quota, bonus, cuts) => {
          const plan = planOf([{ id: 'b', kind: 'bonus', steps: [{ atLeast: '0', amount: bonus }] }], {
            periodLength: 'year',
            version: { proration: 'months' },
          });
          // pieces of whole months: [1..c1], [c1+1..c2], …, [..12]; with no cut, the 12 single months
          const bounds = cuts.length === 0 ? [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] : [...cuts].sort((a, b) => a - b);
          const starts = [1, ...bounds.map((b) => b + 1)];
          const ends = [...bounds, 12];
          let quotaSum = money('0', 'USD');
          let bonusSum = money('0', 'USD');
          starts.forEach((first, i) => {
            const s = calculateStatement({
              plan,
              member: { ...member, startDate: month(2026, first).start, endDate: month(2026, ends[i] as number).end },
              period: YEAR,
              quota: usd(quota),
              credits: [],
            });
            quotaSum = add(quotaSum, s.quota);
            bonusSum = add(bonusSum, s.earned);
          });
          expect(quotaSum).toEqual(money(quota, 'USD'));
          expect(bonusSum).toEqual(money(bonus, 'USD'));
        },
      ),
      { numRuns: 150, seed: 13 },
    );
  });
});
