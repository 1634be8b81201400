/** Partial statements: JSON-serialisable, mergeable only with their own kind. */
import { describe, expect, it } from 'vitest';
import {
  calculateStatement,
  finalizeStatement,
  mergeStatement,
  summarizeStatement,
  type StatementContext,
} from '../../src/commission/index.js';
import { credit, JAN_2026, member, planOf, tiered, usd } from './helpers.js';

const plan = planOf([
  tiered('marginal', 'perCredit', 'higher', [
    { from: '0', to: '1000', rate: '0.01' },
    { from: '1000', rate: '0.02' },
  ]),
]);
const context: StatementContext = { plan, member, period: JAN_2026, quota: usd('10000') };

describe('summarizeStatement / mergeStatement / finalizeStatement', () => {
  it('keeps exact per-tier sums as decimal strings and survives JSON', () => {
    const s = summarizeStatement([credit('b', '1500.10'), credit('a', '200'), credit('z', '5', '2026-02-01')], context);
    // by hand: a → 200 in tier 1; b → 1,000 in tier 1 and 500.10 in tier 2; z is outside January
    expect(s.components['t']?.tiers).toEqual([
      { base: '0', linear: '0', creditIds: [] },
      { base: '1200', linear: '0', creditIds: ['a', 'b'] },
      { base: '500.1', linear: '0', creditIds: ['b'] },
    ]);
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
    expect(finalizeStatement(s, context)).toEqual(
      calculateStatement({ ...context, credits: [credit('a', '200'), credit('b', '1500.10')] }),
    );
  });
  it('refuses to merge summaries of different members or to finalize with another context', () => {
    const a = summarizeStatement([credit('a', '1')], context);
    const b = summarizeStatement([], { ...context, member: { ...member, id: 'other' } });
    expect(() => mergeStatement(a, b)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    expect(() => finalizeStatement(a, { ...context, quota: usd('2') })).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT' }),
    );
  });
});
