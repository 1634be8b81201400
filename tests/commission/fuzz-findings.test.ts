/**
 * Regression tests for the commission findings of the long fuzz run of 2026-12-04 (issue 14), each
 * with the input the run reported: a `TypeError` must become a `RevopsError` or the right answer, a
 * message stays short, and a call on 1,000,000 elements is refused at once instead of running for
 * seconds.
 */
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/core/read.js';
import {
  calculateStatement,
  definePlan,
  explainStatement,
  finalizeStatement,
  payoutCurve,
  summarizeStatement,
} from '../../src/commission/index.js';
import { thrown } from '../core/helpers.js';

// payoutCurve's @example: 10 % of attainment up to 100 %, 20 % above (marginal), quota 100,000
const accelerated = {
  id: 'acc',
  currency: 'USD',
  periodLength: 'quarter',
  versions: [
    {
      id: 'v',
      effectiveFrom: '2026-01-01',
      components: [
        {
          id: 'c',
          kind: 'tiered',
          basis: 'attainment',
          split: 'marginal',
          scope: 'periodToDate',
          boundary: 'higher',
          tiers: [
            { from: 0, to: 1, rate: 0.1 },
            { from: 1, rate: 0.2 },
          ],
        },
      ],
    },
  ],
} as const;
const quota = { quota: { amount: '100000', currency: 'USD' } };
const payouts = (attainments: readonly (number | string)[]) =>
  payoutCurve(accelerated as never, attainments, quota).map((p) => p.payout.amount);

describe('payoutCurve', () => {
  it('attainments [0.5, 1, 1.5] with their own constructor: the @example answer, not a TypeError', () => {
    // 0.5 × 100,000 × 10 % = 5,000; 1 × 100,000 × 10 % = 10,000; 10,000 + 0.5 × 100,000 × 20 % = 20,000
    const odd = Object.assign([0.5, 1, 1.5], { constructor: 7 });
    expect(payouts(odd)).toEqual(['5000.00', '10000.00', '20000.00']);
  });

  it('attainments ["1", "2"] and [1, 2, 3] with their own constructor: the same as plain arrays', () => {
    // 2 × 100,000: 10,000 + 100,000 × 20 % = 30,000; 3 ×: 10,000 + 200,000 × 20 % = 50,000
    expect(payouts(Object.assign(['1', '2'], { constructor: 1 }))).toEqual(['10000.00', '30000.00']);
    expect(payouts(Object.assign([1, 2, 3], { constructor: 1 }))).toEqual(['10000.00', '30000.00', '50000.00']);
  });

  it('attainments [1, 2 ** 32] with their own constructor: computed exactly', () => {
    // 2^32 × 100,000 = 429,496,729,600,000 credited; 10,000 + (429,496,729,600,000 − 100,000) × 20 %
    const odd = Object.assign([1, 2 ** 32], { constructor: 7 });
    expect(payouts(odd)).toEqual(['10000.00', '85899345910000.00']);
  });

  it('1,000,000 attainments (zeros, or 0.5 each) are refused at once: INVALID_INPUT naming attainments.length', () => {
    for (const many of [new Array(1e6).fill(0), Object.freeze(new Array(1e6).fill(0.5))]) {
      const t0 = performance.now();
      const e = thrown(() => payoutCurve(accelerated as never, many, quota), 'INVALID_INPUT');
      expect(performance.now() - t0).toBeLessThan(500);
      expect(e.field).toBe('attainments.length');
      expect(e.message).toContain(`at most ${LIMITS.curvePoints}`);
    }
  });

  it('a plan of 1,000,000 copies of a valid version is refused at once: INVALID_PLAN naming versions', () => {
    const version = accelerated.versions[0];
    const plan = { ...accelerated, versions: Object.freeze(new Array(1e6).fill(version)) };
    const t0 = performance.now();
    const e = thrown(() => payoutCurve(plan as never, [0.5], quota), 'INVALID_PLAN');
    expect(performance.now() - t0).toBeLessThan(500);
    expect(e.issues?.[0]?.path).toEqual(['versions']);
    expect(thrown(() => definePlan(plan as never), 'INVALID_PLAN').issues?.[0]?.message).toContain(
      `at most ${LIMITS.listLength} items`,
    );
  });
});

describe('finalizeStatement with a long member id: the message stays short', () => {
  // finalizeStatement's @example
  const plan = {
    id: 'p',
    currency: 'USD',
    periodLength: 'month' as const,
    versions: [{ id: 'v', effectiveFrom: '2026-01-01', components: [{ id: 'c', kind: 'rate' as const, rate: '0.1' }] }],
  };
  const member = { id: 'ae', name: 'Ana', roleId: 'ae', startDate: '2025-01-01', territoryIds: [] };
  const context = {
    plan,
    member,
    period: { start: '2026-01-01', end: '2026-01-31' },
    quota: { amount: '10000', currency: 'USD' },
  };
  const credit = {
    id: 'a',
    dealId: 'a',
    memberId: 'ae',
    kind: 'owner' as const,
    measure: 'bookings' as const,
    date: '2026-01-10',
    amount: { amount: '100.05', currency: 'USD' },
  };
  const summary = summarizeStatement([credit], context);

  for (const id of ['a'.repeat(100_000), 'ae'.repeat(5_000), `0.${'0'.repeat(2_001)}`]) {
    it(`member.id of ${id.length} characters: INVALID_SUMMARY naming summary.memberId, message under 300`, () => {
      const e = thrown(() => finalizeStatement(summary, { ...context, member: { ...member, id } }), 'INVALID_SUMMARY');
      expect(e.field).toBe('summary.memberId');
      expect(e.message.length).toBeLessThan(300);
      // the expected id cut to its first 57 characters (core's describeValue)
      expect(e.message).toBe(`summary.memberId must be "${id.slice(0, 57)}...", as the context gives, got "ae"`);
    });
  }
});

describe('explainStatement of a statement of many lines', () => {
  // explainStatement's @example: one credit of 1000 at a rate of 0.1
  const plan = {
    id: 'p',
    currency: 'USD',
    periodLength: 'month' as const,
    versions: [{ id: 'v', effectiveFrom: '2026-01-01', components: [{ id: 'c', kind: 'rate' as const, rate: '0.1' }] }],
  };
  const member = { id: 'ae', name: 'Ana', roleId: 'ae', startDate: '2025-01-01', territoryIds: [] };
  const credits = [
    {
      id: 'k1',
      dealId: 'd1',
      memberId: 'ae',
      kind: 'owner' as const,
      measure: 'bookings' as const,
      date: '2026-01-10',
      amount: { amount: '1000', currency: 'USD' },
    },
  ];
  const statement = calculateStatement({
    plan,
    member,
    period: { start: '2026-01-01', end: '2026-01-31' },
    quota: { amount: '10000', currency: 'USD' },
    credits,
  });
  const line = '. commission c: 100.00 USD — 1000.00 credited at 0.1 (10%) = 100.00 [rule v/c; credits k1]';

  it('2,500 copies of the line (past the blocks of 1,024 it is joined in): every line numbered, in order', () => {
    // the long fuzz run gave 1e6 copies: 2.4 s, three quarters of it garbage collection; now about 1.2 s of CPU
    const many = { ...statement, lines: Object.freeze(new Array(2500).fill(statement.lines[0])) };
    const text = explainStatement(many).split('\n');
    expect(text.slice(0, 3)).toEqual(explainStatement(statement).split('\n').slice(0, 3));
    expect(text.slice(3, 2503)).toEqual(Array.from({ length: 2500 }, (_, i) => `  ${i + 1}${line}`));
    expect(text.slice(2503)).toEqual(explainStatement(statement).split('\n').slice(4));
  });
});
