/**
 * Laws of statements: independent of credit order; mergeable (any chunking of credits merges
 * to the same statement); a clawback never exceeds what was paid; a quarter equals the sum of
 * its months for plans with no attainment-based parts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  calculateStatement,
  finalizeStatement,
  mergeStatement,
  summarizeStatement,
  type StatementContext,
} from '../../src/commission/index.js';
import { month, period, prorate, prorationFraction, quarter } from '../../src/core/index.js';
import type { Credit } from '../../src/model/credit.js';
import { credit, member, planOf, usd } from './helpers.js';

const Q1 = quarter(2026, 1);

/** A rich plan: every scope and split, bonus, spiff, perUnit, cap with defer, gate. */
const richPlan = planOf(
  [
    { id: 'rate', kind: 'rate', rate: '0.0333', gate: '0.2' },
    {
      id: 'pc',
      kind: 'tiered',
      basis: 'amount',
      split: 'marginal',
      scope: 'perCredit',
      boundary: 'lower',
      tiers: [
        { from: '0', to: '500', rate: '0.01' },
        { from: '500', rate: '0.02' },
      ],
    },
    {
      id: 'pr',
      kind: 'tiered',
      basis: 'amount',
      split: 'retroactive',
      scope: 'perCredit',
      boundary: 'higher',
      tiers: [
        { from: '100', to: '700', rate: '0.01' },
        { from: '700', rate: '0.03' },
      ],
    },
    {
      id: 'pi',
      kind: 'tiered',
      basis: 'amount',
      split: 'interpolated',
      scope: 'perCredit',
      boundary: 'higher',
      tiers: [
        { from: '0', to: '900', rate: '0.01' },
        { from: '900', rate: '0.04' },
      ],
    },
    {
      id: 'ptd',
      kind: 'tiered',
      basis: 'attainment',
      split: 'interpolated',
      scope: 'periodToDate',
      boundary: 'higher',
      tiers: [
        { from: '0', to: '1', rate: '0.05' },
        { from: '1', rate: '0.1' },
      ],
      cap: { amount: '700', mode: 'defer' },
    },
    {
      id: 'ytd',
      kind: 'tiered',
      basis: 'amount',
      split: 'marginal',
      scope: 'yearToDate',
      boundary: 'lower',
      tiers: [
        { from: '0', to: '3000', rate: '0.02' },
        { from: '3000', rate: '0.04' },
      ],
    },
    {
      id: 'bonus',
      kind: 'bonus',
      steps: [
        { atLeast: '0.5', amount: '100' },
        { atLeast: '1', amount: '250' },
      ],
    },
    { id: 'units', kind: 'perUnit', amountPerUnit: '7.5' },
    {
      id: 'spiff',
      kind: 'spiff',
      window: { start: '2026-01-05', end: '2026-01-25' },
      filter: { dealTypes: ['new'] },
      rate: '0.015',
    },
    { id: 'multi', kind: 'rate', rate: '0.001', multipliers: [{ id: 'nl', factor: '1.5', when: { newLogo: true } }] },
  ],
  { periodLength: 'month' },
);

const creditArb = fc
  .record({
    cents: fc.integer({ min: -50_000, max: 150_000 }),
    day: fc.integer({ min: 1, max: 31 }),
    kind: fc.constantFrom('owner' as const, 'split' as const, 'overlay' as const, 'source' as const),
    units: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
    type: fc.constantFrom('new' as const, 'renewal' as const),
    newLogo: fc.boolean(),
    other: fc.boolean(),
  })
  .map((r): Omit<Credit, 'id'> => {
    const c = credit('x', (r.cents / 100).toFixed(2), `2026-01-${String(r.day).padStart(2, '0')}`, {
      kind: r.kind,
      dealType: r.type,
      newLogo: r.newLogo,
      ...(r.units === undefined ? {} : { units: r.units }),
      ...(r.other ? { memberId: 'someone-else' } : {}),
    });
    const { id: _id, ...rest } = c;
    return rest;
  });

const creditsArb = fc
  .array(creditArb, { maxLength: 40 })
  .map((cs) => cs.map((c, i) => ({ ...c, id: `c${String(i).padStart(3, '0')}` }) as Credit));

const context: StatementContext = {
  plan: richPlan,
  member,
  period: month(2026, 1),
  quota: usd('3000'),
  carriedIn: { ytd: '2500' },
  priorBalance: { deferred: { ptd: usd('12.34') } },
};

describe('statement laws', () => {
  it('does not depend on the order of credits', () => {
    fc.assert(
      fc.property(creditsArb, fc.nat(), (credits, seed) => {
        const shuffled = [...credits].sort(
          (a, b) =>
            ((a.id.charCodeAt(3) * 31 + seed) % 7) - ((b.id.charCodeAt(3) * 31 + seed) % 7) || (b.id < a.id ? -1 : 1),
        );
        expect(calculateStatement({ ...context, credits: shuffled })).toEqual(
          calculateStatement({ ...context, credits }),
        );
      }),
    );
  });

  it('any chunking of credits merges to the same statement (summarize / merge / finalize = whole)', () => {
    fc.assert(
      fc.property(creditsArb, fc.array(fc.nat(), { maxLength: 5 }), (credits, cuts) => {
        const points = [...new Set(cuts.map((c) => c % (credits.length + 1)))].sort((a, b) => a - b);
        const chunks: Credit[][] = [];
        let prev = 0;
        for (const p of [...points, credits.length]) {
          chunks.push(credits.slice(prev, p));
          prev = p;
        }
        const parts = chunks.map((ch) => JSON.parse(JSON.stringify(summarizeStatement(ch, context))));
        const merged = parts.reduce((a, b) => mergeStatement(a, b));
        expect(finalizeStatement(merged, context)).toEqual(calculateStatement({ ...context, credits }));
      }),
    );
  });

  it('a clawback never exceeds what was paid on the deal', () => {
    const plan = planOf([{ id: 'c', kind: 'rate', rate: '0.1' }], {
      version: {
        clawback: {
          schedule: [
            { withinDays: 30, share: '1' },
            { withinDays: 365, share: '0.75' },
          ],
        },
      },
    });
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 0, max: 50_000 }),
        fc.integer({ min: 0, max: 500 }),
        (baseCents, paidCents, rateBp, days) => {
          const creditDate = `2025-${String(1 + (days % 12)).padStart(2, '0')}-01`;
          const s = calculateStatement({
            plan,
            member,
            period: month(2026, 6),
            quota: usd('1'),
            credits: [],
            clawbacks: [
              {
                id: 'e',
                dealId: 'd',
                creditDate,
                knownDate: '2026-06-15',
                base: usd((baseCents / 100).toFixed(2)),
                rate: String(rateBp / 10000),
                paid: usd((paidCents / 100).toFixed(2)),
              },
            ],
          });
          const line = s.lines.find((l) => l.kind === 'clawback')!;
          expect(-Number(line.amount.amount.replace('.', ''))).toBeLessThanOrEqual(paidCents);
          expect(Number(line.amount.amount)).toBeLessThanOrEqual(0);
        },
      ),
    );
  });

  it('a quarter equals the sum of its months for a plan with no attainment-based parts', () => {
    // Rates in whole percent on whole-dollar credits give products in whole cents, so no
    // line rounds and the law is exact (with rounding, per-line cents could legitimately differ).
    const comps = (rateBp: number, perUnit: number) => [
      { id: 'r', kind: 'rate' as const, rate: String(rateBp / 100) },
      { id: 'u', kind: 'perUnit' as const, amountPerUnit: String(perUnit) },
      {
        id: 't',
        kind: 'tiered' as const,
        basis: 'amount' as const,
        split: 'marginal' as const,
        scope: 'perCredit' as const,
        boundary: 'higher' as const,
        tiers: [
          { from: '0', to: '1000', rate: '0.01' },
          { from: '1000', rate: '0.02' },
        ],
      },
    ];
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 500 }),
        fc.array(
          fc.record({
            dollars: fc.integer({ min: -2000, max: 50_000 }),
            day: fc.integer({ min: 0, max: 89 }),
            units: fc.integer({ min: 0, max: 4 }),
          }),
          { maxLength: 30 },
        ),
        (rateBp, perUnit, rows) => {
          const credits = rows.map((r, i) => {
            const d = new Date(Date.UTC(2026, 0, 1 + r.day)).toISOString().slice(0, 10);
            return credit(`k${i}`, String(r.dollars), d, {
              units: r.units,
              kind: 'source' as const,
              measure: 'bookings',
            });
          });
          const withKinds = credits.map((c, i) => ({
            ...c,
            kind: (i % 2 === 0 ? 'owner' : 'split') as Credit['kind'],
          }));
          const unitsCredits = credits.map((c) => ({ ...c, id: `${c.id}u`, measure: 'units' as const }));
          const all = [...withKinds, ...unitsCredits];
          const q = calculateStatement({
            plan: planOf(comps(rateBp, perUnit), { periodLength: 'quarter' }),
            member,
            period: Q1,
            quota: usd('1'),
            credits: all,
          });
          const ms = [1, 2, 3].map((m) =>
            calculateStatement({
              plan: planOf(comps(rateBp, perUnit)),
              member,
              period: month(2026, m),
              quota: usd('1'),
              credits: all,
            }),
          );
          const cents = (a: string) => BigInt(a.replace('.', ''));
          expect(ms.reduce((s, m) => s + cents(m.payable.amount) + cents(m.balances.carried.amount), 0n)).toBe(
            cents(q.payable.amount) + cents(q.balances.carried.amount),
          );
        },
      ),
    );
  });
});

describe('proration agrees with core', () => {
  it('days are counted as prorationFraction counts them, and the quota is prorate(quota, n, d)', () => {
    const plan = planOf([{ id: 'c', kind: 'rate', rate: '0.1' }], { periodLength: 'quarter' });
    fc.assert(
      fc.property(
        fc.integer({ min: -40, max: 120 }),
        fc.integer({ min: 0, max: 200 }),
        fc.integer({ min: 0, max: 99_999_999 }),
        (startOffset, length, quotaCents) => {
          const startDate = new Date(Date.UTC(2026, 0, 1 + startOffset)).toISOString().slice(0, 10);
          const endDate = new Date(Date.UTC(2026, 0, 1 + startOffset + length)).toISOString().slice(0, 10);
          const q = usd((quotaCents / 100).toFixed(2));
          const s = calculateStatement({
            plan,
            member: { ...member, startDate, endDate },
            period: Q1,
            quota: q,
            credits: [],
          });
          const f = prorationFraction(period(startDate, endDate), Q1);
          expect(s.proration).toEqual({ numerator: f.numerator, denominator: f.denominator, unit: 'days' });
          expect(s.quota).toEqual(prorate(q, f.numerator, f.denominator));
        },
      ),
    );
  });
});

describe('many members, many chunks', () => {
  it('each member’s summaries over any chunking of a shared file merge to that member’s statement', () => {
    const ids = ['ana', 'bo', '__proto__'];
    const contexts = ids.map((id) => ({ ...context, member: { ...member, id } }));
    fc.assert(
      fc.property(creditsArb, fc.array(fc.nat(), { maxLength: 4 }), (credits, cuts) => {
        const owned = credits.map((c, i) => ({ ...c, memberId: ids[i % 3] as string }));
        const points = [...new Set(cuts.map((c) => c % (owned.length + 1)))].sort((a, b) => a - b);
        let prev = 0;
        const parts = [...points, owned.length].map((p) => {
          const chunk = owned.slice(prev, p);
          prev = p;
          return contexts.map((ctx) => JSON.parse(JSON.stringify(summarizeStatement(chunk, ctx))));
        });
        contexts.forEach((ctx, m) => {
          const merged = parts.map((p) => p[m]).reduce((a, b) => mergeStatement(a, b));
          expect(finalizeStatement(merged, ctx)).toEqual(calculateStatement({ ...ctx, credits: owned }));
        });
      }),
      { numRuns: 50 },
    );
  });
});
