/**
 * `mergeStatement` reads both summaries field by field: a summary that travelled through JSON with
 * one field wrong is refused with `INVALID_SUMMARY` naming that field (core's message form
 * `<field> <expectation>, got <value>`), and merges that would pay a credit twice, drop a component
 * or change the shape are refused. Sums are worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import {
  mergeStatement,
  summarizeStatement,
  type StatementContext,
  type StatementSummary,
} from '../../src/commission/index.js';
import { credit, JAN_2026, member, planOf, tiered, usd } from './helpers.js';
import { thrownRevopsError as thrown } from '../thrown.js';

const plan = planOf([
  tiered('marginal', 'perCredit', 'higher', [
    { from: '0', to: '1000', rate: '0.01' },
    { from: '1000', rate: '0.02' },
  ]),
]);
const context: StatementContext = { plan, member, period: JAN_2026, quota: usd('10000') };
const a = summarizeStatement([credit('a', '200')], context);
const b = summarizeStatement([credit('b', '1500.10')], context);

/** `b` through JSON with the value at `path` replaced (`undefined`: removed). */
function edited(path: readonly (string | number)[], value: unknown): StatementSummary {
  const j: unknown = JSON.parse(JSON.stringify(b));
  let at = j as Record<string | number, unknown>;
  for (const k of path.slice(0, -1)) at = at[k] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  if (value === undefined) delete at[last];
  else at[last] = value;
  return j as StatementSummary;
}

describe('mergeStatement reads each field of b', () => {
  const cases: [readonly (string | number)[], unknown, string][] = [
    [['range', 'start'], '2026-02-30', 'b.range.start must be a date YYYY-MM-DD'],
    [['range', 'end'], 5, 'b.range.end must be a date YYYY-MM-DD'],
    [['quota'], 'ten', 'b.quota must be an exact decimal string'],
    [['attainment', 'amount'], 'abc', 'b.attainment.amount must be an exact decimal string'],
    [['attainment', 'creditIds', 0], 7, 'b.attainment.creditIds[0] '],
    [['components', 't', 'base'], 'x', 'b.components.t.base must be an exact decimal string'],
    [['components', 't', 'units'], 1.5, 'b.components.t.units must be an integer'],
    [['components', 't', 'units'], '1', 'b.components.t.units must be an integer'],
    [['components', 't', 'tiers', 1, 'base'], 'x', 'b.components.t.tiers[1].base must be an exact decimal string'],
    [['components', 't', 'tiers', 2, 'linear'], 'x', 'b.components.t.tiers[2].linear must be an exact decimal string'],
    [['components', 't', 'tiers', 2, 'creditIds'], ['b', 'b'], 'b.components.t.tiers[2].creditIds[1] must sort after'],
    [['components', 't', 'creditIds'], ['c', 'b'], 'b.components.t.creditIds[1] must sort after "c" (ids sorted'],
    [['creditIds'], ['b', 'a'], 'b.creditIds[1] must sort after "b" (ids sorted, no repeats)'],
    [['planId'], 5, 'b.planId '],
    [['versionId'], 5, 'b.versionId '],
    [['memberId'], 5, 'b.memberId '],
    [['currency'], 5, 'b.currency '],
    [['deals'], { d: 'x' }, 'b.deals.d must be an exact decimal string'],
  ];
  it.each(cases)('%j = %j is refused naming the field', (path, value, message) => {
    const e = thrown(() => mergeStatement(a, edited(path, value)));
    expect(e.code).toBe('INVALID_SUMMARY');
    expect(e.message.startsWith(message)).toBe(true);
  });

  it('a field removed is refused too (tiers absent where a has them)', () => {
    const e = thrown(() => mergeStatement(a, edited(['components', 't', 'tiers'], undefined)));
    expect([e.code, e.message]).toEqual([
      'INVALID_SUMMARY',
      "b.components.t.tiers must have 3 entries like a's, got 0",
    ]);
  });

  it('a component missing from b, or one more, is refused', () => {
    const missing = thrown(() => mergeStatement(a, edited(['components', 't'], undefined)));
    expect(missing.code).toBe('INVALID_SUMMARY');
    const renamed = edited(['components', 't'], undefined) as unknown as { components: Record<string, unknown> };
    renamed.components['u'] = (a as unknown as { components: Record<string, unknown> }).components['t'];
    const e = thrown(() => mergeStatement(a, renamed as unknown as StatementSummary));
    expect([e.code, e.message.startsWith('b.components.t is missing (summarise every part alike)')]).toEqual([
      'INVALID_SUMMARY',
      true,
    ]);
  });

  it('a credit in both is refused, naming both positions', () => {
    const e = thrown(() => mergeStatement(a, summarizeStatement([credit('a', '200'), credit('b', '5')], context)));
    expect(e.code).toBe('DUPLICATE_ID');
    expect(e.message).toBe(
      'b.creditIds[0] "a" is also a.creditIds[0]: the two summaries share a credit, which would be paid twice',
    );
    expect(e.details).toEqual({ id: 'a', a: 0, b: 0 });
  });

  it('merges: sums exact, ids merged in order', () => {
    const m = mergeStatement(b, a);
    // 200 in tier 1 (a); 1,000 in tier 1 and 500.10 in tier 2 (b)
    expect(m.creditIds).toEqual(['a', 'b']);
    expect(m.components['t']?.tiers).toEqual([
      { base: '0', linear: '0', creditIds: [] },
      { base: '1200', linear: '0', creditIds: ['a', 'b'] },
      { base: '500.1', linear: '0', creditIds: ['b'] },
    ]);
    expect(m.attainment).toEqual({ amount: '1700.1', creditIds: ['a', 'b'] });
  });
});

describe('mergeStatement: units and deals', () => {
  const withUnits = (s: StatementSummary, units: number): StatementSummary => {
    const j = JSON.parse(JSON.stringify(s)) as { components: Record<string, { units: number }> };
    (j.components['t'] as { units: number }).units = units;
    return j as unknown as StatementSummary;
  };

  it('units add up: 5 + 3 = 8; a total past 2^53 is refused', () => {
    expect(mergeStatement(withUnits(a, 5), withUnits(b, 3)).components['t']?.units).toBe(8);
    const e = thrown(() => mergeStatement(withUnits(a, 1), withUnits(b, Number.MAX_SAFE_INTEGER)));
    expect([e.code, e.message]).toEqual([
      'INVALID_SUMMARY',
      `b.components.t.units takes the total past 2^53, got ${Number.MAX_SAFE_INTEGER}`,
    ]);
  });

  it('a cash-basis summary has deals; b must have them exactly when a does', () => {
    const cash = planOf([{ id: 'c', kind: 'rate', rate: '0.1' }], { version: { payableOn: 'payment' } });
    const ctx: StatementContext = { plan: cash, member, period: JAN_2026, quota: usd('10000') };
    const x = summarizeStatement([credit('a', '200', '2026-01-15', { dealId: 'D-1' })], ctx);
    const y = summarizeStatement([credit('b', '300', '2026-01-16', { dealId: 'D-1' })], ctx);
    // both on deal D-1: 200 + 300
    expect(mergeStatement(x, y).deals).toEqual({ 'D-1': '500' });
    const noDeals = JSON.parse(JSON.stringify(y)) as Record<string, unknown>;
    delete noDeals['deals'];
    const e1 = thrown(() => mergeStatement(x, noDeals as unknown as StatementSummary));
    expect([e1.code, e1.message]).toEqual(['INVALID_SUMMARY', "b.deals must be present like a's, got undefined"]);
    const e2 = thrown(() => mergeStatement(noDeals as unknown as StatementSummary, x));
    expect([e2.code, e2.message]).toEqual(['INVALID_SUMMARY', 'b.deals must be absent like a\'s, got "present"']);
  });
});
