import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Subscription } from '../../src/model/subscription.js';
import { finalizeMrrMovements, mrrMovements } from '../../src/retention/mrr-movements.js';
import { mergeMrrMovements } from '../../src/retention/mrr-movements-merge.js';
import { summarizeMrrMovements, type MrrMovementsOptions } from '../../src/retention/mrr-movements-summary.js';
import { grossRevenueRetention } from '../../src/retention/revenue-retention.js';
import type { ReactivationRule } from '../../src/retention/presets.js';

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const monthPeriod = (m: number) => ({
  start: `2026-${String(m + 1).padStart(2, '0')}-01`,
  end: `2026-${String(m + 1).padStart(2, '0')}-${DAYS[m]}`,
});
const windowOf = (a: number, b: number) => ({ start: monthPeriod(a).start, end: monthPeriod(b).end });
const cents = (u: bigint) => {
  const s = u.toString().padStart(3, '0');
  return `${s.slice(0, -2)}.${s.slice(-2)}`;
};
const units = (amount: string) => BigInt(amount.replace('.', ''));

const rowArb: fc.Arbitrary<Subscription> = fc
  .record({
    c: fc.integer({ min: 0, max: 7 }),
    m: fc.integer({ min: 0, max: 11 }),
    u: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 50_000 })),
    free: fc.boolean(),
    limited: fc.boolean(),
  })
  .map(({ c, m, u, free, limited }) => ({
    customerId: `c${c}`,
    period: monthPeriod(m),
    mrr: { amount: cents(BigInt(free ? 0 : u)), currency: 'USD' },
    listMrr: { amount: cents(BigInt(u) + 100n), currency: 'USD' },
    ...(free ? { free: true } : {}),
    ...(limited ? { discount: 'limited' as const } : {}),
  }));

const optionsArb: fc.Arbitrary<Omit<MrrMovementsOptions, 'period'>> = fc.record({
  preset: fc.constantFrom('chartmogul', 'baremetrics', 'stripe', 'profitwell'),
  reactivation: fc.constantFrom<ReactivationRule>('any', { withinDays: 40 }, { minimumGapDays: 40 }),
  discounts: fc.constantFrom('all', 'foreverOnly', 'none'),
  freePlans: fc.constantFrom('active', 'churned'),
});
const windowArb = fc
  .tuple(fc.integer({ min: 1, max: 11 }), fc.integer({ min: 0, max: 10 }))
  .map(([a, len]) => [a, Math.min(11, a + len)] as const);

describe('mrrMovements laws', () => {
  it('reconciles exactly: starting + new + expansion + reactivation − contraction − churned = ending', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 60 }), windowArb, optionsArb, (rows, [a, b], options) => {
        const m = mrrMovements(rows, { ...options, period: windowOf(a, b), currency: 'USD' });
        const lhs =
          units(m.starting.amount) +
          units(m.new.amount) +
          units(m.expansion.amount) +
          units(m.reactivation.amount) -
          units(m.contraction.amount) -
          units(m.churned.amount);
        expect(lhs).toBe(units(m.ending.amount));
        const c = m.customers;
        expect(c.starting + c.new + c.reactivated - c.churned).toBe(c.ending);
        const k = m.churnCounts as NonNullable<typeof m.churnCounts>;
        expect(k.start).toBe(c.starting);
        expect(k.churned).toBeLessThanOrEqual(k.start);
        expect(k.acquiredAndChurned).toBeLessThanOrEqual(k.acquired);
        expect(k.churned + k.acquiredAndChurned).toBeLessThanOrEqual(c.churned);
        const g = grossRevenueRetention(m);
        if (g.rate !== null) expect(g.rate).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('order independence: shuffling the rows changes nothing', () => {
    fc.assert(
      fc.property(
        fc
          .array(rowArb, { maxLength: 40 })
          .chain((rows) =>
            fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length })),
          ),
        windowArb,
        (pair, [a, b]) => {
          const [rows, shuffled] = pair;
          expect(summarizeMrrMovements(shuffled, { period: windowOf(a, b), currency: 'USD' })).toEqual(
            summarizeMrrMovements(rows, { period: windowOf(a, b), currency: 'USD' }),
          );
        },
      ),
    );
  });

  it('split by customer, merge = whole (exact, any grouping)', () => {
    fc.assert(
      fc.property(
        fc.array(rowArb, { maxLength: 60 }),
        windowArb,
        optionsArb,
        fc.func(fc.integer({ min: 0, max: 2 })),
        (rows, [a, b], options, bucketOf) => {
          const w = windowOf(a, b);
          const o = { ...options, currency: 'USD' };
          const buckets: Subscription[][] = [[], [], []];
          const bucket = new Map<string, number>();
          for (const r of rows) {
            if (!bucket.has(r.customerId)) bucket.set(r.customerId, bucketOf(r.customerId));
            buckets[bucket.get(r.customerId) as number]?.push(r);
          }
          const parts = buckets.map((chunk) => summarizeMrrMovements(chunk, { ...o, period: w }));
          const merged = mergeMrrMovements(mergeMrrMovements(parts[0]!, parts[1]!), parts[2]!);
          const mergedOther = mergeMrrMovements(parts[2]!, mergeMrrMovements(parts[1]!, parts[0]!));
          const whole = mrrMovements(rows, { ...o, period: w });
          expect(finalizeMrrMovements(merged)).toEqual(whole);
          expect(finalizeMrrMovements(mergedOther)).toEqual(whole);
        },
      ),
    );
  });

  it('split by time (adjacent windows), merge = whole except the start cohort', () => {
    fc.assert(
      fc.property(
        fc.array(rowArb, { maxLength: 60 }),
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 0, max: 1 }),
        fc.integer({ min: 1, max: 2 }),
        (rows, a, l1, l2) => {
          const mid = a + l1;
          const end = Math.min(11, mid + l2);
          const o = { currency: 'USD' };
          const left = summarizeMrrMovements(rows, { period: windowOf(a, mid), ...o });
          const right = summarizeMrrMovements(rows, { period: windowOf(mid + 1, end), ...o });
          const whole = mrrMovements(rows, { period: windowOf(a, end), ...o });
          for (const merged of [mergeMrrMovements(left, right), mergeMrrMovements(right, left)]) {
            expect(finalizeMrrMovements(merged)).toEqual({ ...whole, startCohort: null, churnCounts: null });
          }
        },
      ),
    );
  });
});
