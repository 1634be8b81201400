/** Partial statements: JSON-serialisable, mergeable only with their own kind. */
import { describe, expect, it } from 'vitest';
import {
  calculateStatement,
  finalizeStatement,
  mergeStatement,
  summarizeStatement,
  type StatementContext,
  type StatementSummary,
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
  it('is tagged with its kind and version, and a summary of the whole equals the merge of any split', () => {
    const a = summarizeStatement([credit('b', '1500.10')], context);
    const b = summarizeStatement([credit('a', '200'), credit('z', '5', '2026-02-01')], context);
    expect([a.kind, a.version]).toEqual(['statement', 1]);
    expect(mergeStatement(a, b)).toEqual(summarizeStatement([credit('a', '200'), credit('b', '1500.10')], context));
  });
  it('refuses to merge summaries of different members or to finalize with another context (INVALID_SUMMARY)', () => {
    const a = summarizeStatement([credit('a', '1')], context);
    const b = summarizeStatement([], { ...context, member: { ...member, id: 'other' } });
    expect(() => mergeStatement(a, b)).toThrow(
      expect.objectContaining({ code: 'INVALID_SUMMARY', field: 'b.memberId' }),
    );
    expect(() => finalizeStatement(a, { ...context, quota: usd('2') })).toThrow(
      expect.objectContaining({ code: 'INVALID_SUMMARY', field: 'summary.quota' }),
    );
  });
  it('refuses a summary that came back changed: another kind, a field of the wrong type, a field removed', () => {
    const a = JSON.parse(JSON.stringify(summarizeStatement([credit('a', '1')], context)));
    const b = summarizeStatement([credit('b', '2')], context);
    const broken = (f: (s: Record<string, unknown>) => void): StatementSummary => {
      const copy = structuredClone(a);
      f(copy);
      return copy;
    };
    const cases: [StatementSummary, string][] = [
      [broken((s) => (s['kind'] = 'winRate')), 'a.kind'],
      [broken((s) => (s['version'] = 2)), 'a.version'],
      [broken((s) => delete s['creditIds']), 'a.creditIds'],
      [broken((s) => ((s['attainment'] as { amount: unknown }).amount = 1)), 'a.attainment.amount'],
      [broken((s) => ((s['attainment'] as { amount: unknown }).amount = '1e')), 'a.attainment.amount'],
      [
        broken((s) => ((s['components'] as Record<string, { units: unknown }>)['t']!.units = '2')),
        'a.components.t.units',
      ],
      [
        broken((s) => ((s['components'] as Record<string, { units: unknown }>)['t']!.units = 1.5)),
        'a.components.t.units',
      ],
      [broken((s) => delete (s['components'] as Record<string, unknown>)['t']), 'b.components'],
    ];
    for (const [bad, field] of cases)
      expect(() => mergeStatement(bad, b), field).toThrow(expect.objectContaining({ code: 'INVALID_SUMMARY', field }));
  });
  it('refuses to merge two summaries that share a credit (it would be paid twice)', () => {
    const a = summarizeStatement([credit('a', '100'), credit('c', '1')], context);
    const b = summarizeStatement([credit('b', '5'), credit('c', '1')], context);
    expect(() => mergeStatement(a, b)).toThrow(
      expect.objectContaining({ code: 'DUPLICATE_ID', field: 'b.creditIds[1]', details: { id: 'c', a: 1, b: 1 } }),
    );
  });
});
