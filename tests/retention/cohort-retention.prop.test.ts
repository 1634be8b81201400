import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Subscription } from '../../src/model/subscription.js';
import { summarizeCohortRetention, type CohortGranularity } from '../../src/retention/cohort-retention.js';
import { cohortRetention, finalizeCohortRetention, mergeCohortRetention } from '../../src/retention/cohort-table.js';

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const monthPeriod = (y: number, m: number) => ({
  start: `${y}-${String(m + 1).padStart(2, '0')}-01`,
  end: `${y}-${String(m + 1).padStart(2, '0')}-${DAYS[m]}`,
});

const rowArb: fc.Arbitrary<Subscription> = fc
  .record({
    c: fc.integer({ min: 0, max: 9 }),
    y: fc.constantFrom(2025, 2026),
    m: fc.integer({ min: 0, max: 11 }),
    u: fc.integer({ min: 0, max: 9_999 }),
    free: fc.boolean(),
  })
  .map(({ c, y, m, u, free }) => ({
    customerId: `c${c}`,
    period: monthPeriod(y, m),
    mrr: { amount: free ? '0' : `${Math.floor(u / 100)}.${String(u % 100).padStart(2, '0')}`, currency: 'EUR' },
    ...(free ? { free: true } : {}),
  }));
const granularityArb = fc.constantFrom<CohortGranularity>('month', 'quarter', 'year');

describe('cohortRetention laws', () => {
  it('split by customer, merge = whole (any grouping, any order; through from the data)', () => {
    fc.assert(
      fc.property(
        fc.array(rowArb, { maxLength: 60 }),
        granularityArb,
        fc.constantFrom('active' as const, 'churned' as const),
        fc.func(fc.integer({ min: 0, max: 2 })),
        (rows, granularity, freePlans, bucketOf) => {
          const o = {
            granularity,
            freePlans,
            currency: 'EUR',
            returners: rows.length % 2 === 0 ? ('active' as const) : ('lost' as const),
          };
          const chunks: Subscription[][] = [[], [], []];
          for (const r of rows) chunks[bucketOf(r.customerId)]?.push(r);
          const [a, b, c] = chunks.map((ch) => summarizeCohortRetention(ch, o)) as [
            ReturnType<typeof summarizeCohortRetention>,
            ReturnType<typeof summarizeCohortRetention>,
            ReturnType<typeof summarizeCohortRetention>,
          ];
          const whole = summarizeCohortRetention(rows, o);
          for (const basis of ['logos', 'revenue'] as const) {
            const expected = finalizeCohortRetention(whole, { basis });
            expect(finalizeCohortRetention(mergeCohortRetention(mergeCohortRetention(a, b), c), { basis })).toEqual(
              expected,
            );
            expect(finalizeCohortRetention(mergeCohortRetention(c, mergeCohortRetention(b, a)), { basis })).toEqual(
              expected,
            );
          }
          expect(JSON.parse(JSON.stringify(whole))).toEqual(whole);
        },
      ),
    );
  });

  it("with returners 'lost' every cohort's active count never rises with age (a survival curve)", () => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 80 }), granularityArb, (rows, granularity) => {
        const t = cohortRetention(rows, { granularity, currency: 'EUR', returners: 'lost' });
        for (const c of t.cohorts)
          for (let k = 1; k < c.cells.length; k++)
            expect(c.cells[k]!.customers).toBeLessThanOrEqual(c.cells[k - 1]!.customers);
      }),
    );
  });

  it('logo rates are in [0, 1], age-0 sizes sum to the customers ever active; size independent of customers', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 80 }), granularityArb, (rows, granularity) => {
        const t = cohortRetention(rows, { granularity, currency: 'EUR', freePlans: 'churned' });
        for (const c of t.cohorts) {
          for (const cell of c.cells) {
            expect(cell.rate).not.toBeNull();
            expect(cell.rate as number).toBeGreaterThanOrEqual(0);
            expect(cell.rate as number).toBeLessThanOrEqual(1);
          }
        }
        // customers with a paid month on or before the table's last day, counted directly from the rows
        const paying = new Set(
          rows
            .filter((r) => !/^0(\.00)?$/.test(r.mrr.amount) && t.through !== null && r.period.start <= t.through)
            .map((r) => r.customerId),
        );
        const sizes = t.cohorts.reduce((s, c) => s + c.size, 0);
        expect(sizes).toBe(paying.size);
        const periods = granularity === 'month' ? 24 : granularity === 'quarter' ? 8 : 2;
        expect(t.cohorts.length).toBeLessThanOrEqual(periods);
      }),
    );
  });
});
