/**
 * Laws of payout curves: monotone when tier rates never fall; marginal tiers continuous at bounds; caps never
 * exceeded.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { payoutCurve } from '../../src/commission/index.js';
import { planOf, usd } from './helpers.js';

const cents = (m: { amount: string }): bigint => BigInt(m.amount.replace('.', ''));

/** Rising bounds (in thousandths of attainment) and non-decreasing rates (in basis points). */
const tableArb = fc
  .tuple(
    fc.uniqueArray(fc.integer({ min: 1, max: 3000 }), { minLength: 0, maxLength: 4 }),
    fc.array(fc.integer({ min: 0, max: 2000 }), { minLength: 5, maxLength: 5 }),
  )
  .map(([bounds, rates]) => {
    const b = [0, ...bounds.sort((x, y) => x - y)];
    const r = rates.slice(0, b.length).sort((x, y) => x - y);
    return b.map((from, i) => ({
      from: String(from / 1000),
      ...(i + 1 < b.length ? { to: String((b[i + 1] as number) / 1000) } : {}),
      rate: String((r[i] as number) / 10000),
    }));
  });

const splitArb = fc.constantFrom('marginal' as const, 'retroactive' as const, 'interpolated' as const);
const boundaryArb = fc.constantFrom('lower' as const, 'higher' as const);
const attainmentArb = fc.integer({ min: 0, max: 4000 }).map((n) => String(n / 1000));

function plan(
  tiers: { from: string; to?: string; rate: string }[],
  split: 'marginal' | 'retroactive' | 'interpolated',
  boundary: 'lower' | 'higher',
  cap?: string,
) {
  return planOf([
    {
      id: 't',
      kind: 'tiered',
      basis: 'attainment',
      split,
      scope: 'periodToDate',
      boundary,
      tiers,
      ...(cap ? { cap: { amount: cap, mode: 'forfeit' as const } } : {}),
    },
  ]);
}

describe('payoutCurve laws', () => {
  it('payout never decreases as attainment rises when tier rates never fall (every split and boundary)', () => {
    fc.assert(
      fc.property(
        tableArb,
        splitArb,
        boundaryArb,
        fc.array(attainmentArb, { minLength: 2, maxLength: 8 }),
        (tiers, split, boundary, atts) => {
          const sorted = [...atts].sort((a, b) => Number(a) - Number(b));
          const pay = payoutCurve(plan(tiers, split, boundary), sorted, {
            quota: usd('98765.43'),
            asOf: '2026-01-15',
          }).map((p) => cents(p.payout));
          for (let i = 1; i < pay.length; i++) expect(pay[i] as bigint).toBeGreaterThanOrEqual(pay[i - 1] as bigint);
        },
      ),
    );
  });

  it(
    'marginal tiers are continuous at their bounds: same payout under both boundary rules, and a step of δ moves ' +
      'it by at most maxRate × δ + rounding',
    () => {
      fc.assert(
        fc.property(tableArb, fc.integer({ min: 1, max: 1000 }), (tiers, deltaCents) => {
          const quota = '100000';
          for (const t of tiers) {
            const at = t.from;
            const lower = payoutCurve(plan(tiers, 'marginal', 'lower'), [at], {
              quota: usd(quota),
              asOf: '2026-01-15',
            })[0]!;
            const higher = payoutCurve(plan(tiers, 'marginal', 'higher'), [at], {
              quota: usd(quota),
              asOf: '2026-01-15',
            })[0]!;
            expect(lower.payout).toEqual(higher.payout);
            // δ of credited = deltaCents cents; attainment step = δ / quota
            const step = (Number(at) + deltaCents / 100 / Number(quota)).toFixed(12);
            const after = payoutCurve(plan(tiers, 'marginal', 'higher'), [step], {
              quota: usd(quota),
              asOf: '2026-01-15',
            })[0]!;
            const maxRateBp = Math.max(...tiers.map((x) => Math.round(Number(x.rate) * 10000)));
            const diff = Number(cents(after.payout) - cents(higher.payout));
            // each of at most 5 rounded tier lines adds up to half a cent of error on either side
            expect(diff).toBeGreaterThanOrEqual(-5);
            expect(diff).toBeLessThanOrEqual(Math.ceil((maxRateBp * deltaCents) / 10000) + 5);
          }
        }),
        { numRuns: 60 },
      );
    },
  );

  it('a capped component never pays more than its cap', () => {
    fc.assert(
      fc.property(
        tableArb,
        splitArb,
        boundaryArb,
        attainmentArb,
        fc.integer({ min: 0, max: 5_000_000 }),
        (tiers, split, boundary, att, capCents) => {
          const cap = (capCents / 100).toFixed(2);
          const [p] = payoutCurve(plan(tiers, split, boundary, cap), [att], {
            quota: usd('100000'),
            asOf: '2026-01-15',
          });
          expect(cents(p!.payout)).toBeLessThanOrEqual(BigInt(capCents));
        },
      ),
    );
  });
});
