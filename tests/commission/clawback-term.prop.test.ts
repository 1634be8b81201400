/**
 * Laws of the unserved-term clawback: it never reverses more than was paid, never more than the
 * commission at the original rate, and it shrinks as more of the term is served.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calculateStatement } from '../../src/commission/index.js';
import { addMonths, compare, money, month, multiply, negate, roundMoney } from '../../src/core/index.js';
import { member, planOf, usd } from './helpers.js';

const plan = planOf([], { version: { clawback: { basis: 'unservedTerm' } } });
const cents = fc.bigInt({ min: 0n, max: 10n ** 10n }).map((c) => `${c / 100n}.${String(c % 100n).padStart(2, '0')}`);

function reversed(base: string, rate: string, paid: string, termMonths: number, served: number): string {
  const knownDate = addMonths('2026-01-15', served);
  const m = month(Number(knownDate.slice(0, 4)), Number(knownDate.slice(5, 7)));
  const s = calculateStatement({
    plan,
    member,
    period: m,
    quota: usd('1'),
    credits: [],
    clawbacks: [
      { id: 'x', dealId: 'd', creditDate: '2026-01-15', knownDate, base: usd(base), rate, paid: usd(paid), termMonths },
    ],
  });
  return (s.lines[0] as (typeof s.lines)[number]).amount.amount;
}

describe("clawback basis 'unservedTerm' (property)", () => {
  it('never more than paid nor than the commission at the rate; shrinks as the term is served', () => {
    fc.assert(
      fc.property(
        cents,
        fc.integer({ min: 0, max: 1000 }).map((r) => (r / 1000).toString()),
        cents,
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 0, max: 70 }),
        (base, rate, paid, term, served) => {
          const a = money(reversed(base, rate, paid, term, served), 'USD');
          const b = money(reversed(base, rate, paid, term, served + 1), 'USD');
          const full = roundMoney(multiply(money(base, 'USD'), rate));
          expect(compare(negate(a), money(paid, 'USD'))).toBeLessThanOrEqual(0);
          expect(compare(negate(a), full)).toBeLessThanOrEqual(0);
          expect(compare(negate(b), negate(a))).toBeLessThanOrEqual(0);
          if (served >= term) expect(a.amount).toBe('0.00');
        },
      ),
      { numRuns: 200, seed: 13 },
    );
  });
});
