/**
 * mergeStatement's results and refusals beyond summary-read.test.ts: per-unit and per-tier sums
 * added, components without tiers kept without them, deals merged and listed in id order, the
 * summary's records plain writable data, and each field named when a summary comes back wrong.
 */
import { describe, expect, it } from 'vitest';
import {
  finalizeStatement,
  mergeStatement,
  type StatementContext,
  type StatementSummary,
  summarizeStatement,
} from '../../src/commission/index.js';
import { credit, JAN_2026, member, planOf, tiered, usd } from './helpers.js';

const plan = planOf([
  { id: 'u', kind: 'perUnit', amountPerUnit: '10' },
  { id: 'r', kind: 'rate', rate: '0.1', filter: { dealTypes: ['new'] } },
  {
    ...tiered('marginal', 'perCredit', 'higher', [
      { from: '0', to: '1000', rate: '0.01' },
      { from: '1000', rate: '0.02' },
    ]),
    id: 't',
  },
]);
const context: StatementContext = { plan, member, period: JAN_2026, quota: usd('10000') };
const unit = (id: string, units: number) => credit(id, '0', '2026-01-10', { measure: 'units', units });

function refusal(f: () => unknown): unknown {
  try {
    f();
  } catch (error) {
    const e = error as { code?: string; field?: string; message: string };
    return { code: e.code, field: e.field, message: e.message };
  }
  return 'no error';
}

describe('mergeStatement adds', () => {
  it('units, per-tier sums and bases, and keeps a component without tiers without them', () => {
    const x = summarizeStatement([unit('a', 2), credit('c', '1500', '2026-01-11', { dealType: 'new' })], context);
    const y = summarizeStatement([unit('b', 3), credit('d', '500', '2026-01-12')], context);
    // by hand: units 2 + 3 = 5; the new deal c alone: 1,500; tiers: c 1,000 + 500, d 500 in the first
    expect(JSON.parse(JSON.stringify(mergeStatement(x, y).components))).toEqual({
      u: { base: '0', units: 5, creditIds: ['a', 'b'] },
      r: { base: '1500', units: 0, creditIds: ['c'] },
      t: {
        base: '2000',
        units: 0,
        creditIds: ['c', 'd'],
        tiers: [
          { base: '0', linear: '0', creditIds: [] },
          { base: '1500', linear: '0', creditIds: ['c', 'd'] },
          { base: '500', linear: '0', creditIds: ['c'] },
        ],
      },
    });
    expect(mergeStatement(x, y)).toEqual(
      summarizeStatement(
        [
          unit('a', 2),
          unit('b', 3),
          credit('c', '1500', '2026-01-11', { dealType: 'new' }),
          credit('d', '500', '2026-01-12'),
        ],
        context,
      ),
    );
  });

  it('deals of a cash-basis plan, listed in id order; its records are plain writable data', () => {
    const cash = {
      ...context,
      plan: planOf([{ id: 'c', kind: 'rate', rate: '0.1' }], { version: { payableOn: 'payment' } }),
    };
    const x = summarizeStatement([credit('k2', '100', '2026-01-10', { dealId: 'd2' })], cash);
    const y = summarizeStatement(
      [credit('k1', '50', '2026-01-11', { dealId: 'd1' }), credit('k3', '25', '2026-01-12', { dealId: 'd2' })],
      cash,
    );
    const merged = mergeStatement(x, y);
    // by hand: d1 50; d2 100 + 25 = 125
    expect(Object.entries(merged.deals ?? {})).toEqual([
      ['d1', '50'],
      ['d2', '125'],
    ]);
    expect(Object.getOwnPropertyDescriptor(merged.components, 'c')).toMatchObject({
      writable: true,
      enumerable: true,
      configurable: true,
    });
    expect(
      Object.keys(
        summarizeStatement(
          [credit('k2', '1', '2026-01-10', { dealId: 'z' }), credit('k1', '1', '2026-01-10', { dealId: 'a' })],
          cash,
        ).deals ?? {},
      ),
    ).toEqual(['a', 'z']);
  });

  it('reads an integer of -0 as 0', () => {
    const x = JSON.parse(JSON.stringify(summarizeStatement([], context))) as StatementSummary;
    const minusZero = { ...x, components: { ...x.components, u: { ...x.components['u'], units: -0 } } };
    expect(
      Object.is(mergeStatement(minusZero as StatementSummary, minusZero as StatementSummary).components['u']?.units, 0),
    ).toBe(true);
  });
});

describe('mergeStatement and finalizeStatement refuse', () => {
  const x = summarizeStatement([unit('a', 2)], context);
  const json = () => JSON.parse(JSON.stringify(summarizeStatement([unit('b', 1)], context)));
  interface Json {
    range: { start: unknown; end: unknown };
    quota: unknown;
    attainment: unknown;
    components: unknown;
    deals?: unknown;
  }
  const edit = (f: (s: Json) => void) => {
    const s = json() as Json;
    f(s);
    return s as unknown as StatementSummary;
  };
  /** The components of `s`, and a component's tiers. */
  const of = (s: Json) => s.components as Record<string, { units: number; tiers?: unknown }>;
  const tiers = (s: Json) => of(s)['t']?.tiers as unknown[];

  it('a range that is not an object', () => {
    const s = edit((j) => {
      j.range = 'x' as unknown as Json['range'];
    });
    expect(refusal(() => mergeStatement(x, s))).toEqual({
      code: 'INVALID_SUMMARY',
      field: 'b.range',
      message: 'b.range must be an object, got "x"',
    });
  });

  it('a summary with one field wrong, naming it', () => {
    const cases = [
      edit((s) => {
        s.range.start = '2026-1-01';
      }),
      edit((s) => {
        s.range.end = 5;
      }),
      edit((s) => {
        s.quota = 7;
      }),
      edit((s) => {
        s.attainment = 'x';
      }),
      edit((s) => {
        s.components = [];
      }),
      edit((s) => {
        (of(s)['t'] as { tiers: unknown }).tiers = 'x';
      }),
      edit((s) => {
        tiers(s)[1] = 'x';
      }),
      edit((s) => {
        (of(s)['u'] as { units: number }).units = Number.MAX_SAFE_INTEGER;
      }),
      edit((s) => {
        delete of(s)['u'];
      }),
      edit((s) => {
        tiers(s).pop();
      }),
      edit((s) => {
        delete of(s)['t']?.tiers;
      }),
      edit((s) => {
        s.deals = {};
      }),
      edit((s) => {
        (of(s)['u'] as { tiers: unknown }).tiers = [{ base: '0', linear: '0', creditIds: [] }];
      }),
    ];
    expect(cases.map((s) => refusal(() => mergeStatement(x, s)))).toEqual([
      {
        code: 'INVALID_SUMMARY',
        field: 'b.range.start',
        message: 'b.range.start must be a date YYYY-MM-DD, got "2026-1-01"',
      },
      {
        code: 'INVALID_SUMMARY',
        field: 'b.range.end',
        message: 'b.range.end must be a date YYYY-MM-DD, got 5',
      },
      {
        code: 'INVALID_SUMMARY',
        field: 'b.quota',
        message: 'b.quota must be a string, got 7',
      },
      {
        code: 'INVALID_SUMMARY',
        field: 'b.attainment',
        message: 'b.attainment must be an object, got "x"',
      },
      {
        code: 'INVALID_SUMMARY',
        field: 'b.components',
        message: 'b.components must be an object, got []',
      },
      {
        code: 'INVALID_SUMMARY',
        field: 'b.components.t.tiers',
        message: 'b.components.t.tiers must be an array, got "x"',
      },
      {
        code: 'INVALID_SUMMARY',
        field: 'b.components.t.tiers[1]',
        message: 'b.components.t.tiers[1] must be an object, got "x"',
      },
      {
        code: 'INVALID_SUMMARY',
        field: 'b.components.u.units',
        message: 'b.components.u.units takes the total past 2^53, got 9007199254740991',
      },
      {
        code: 'INVALID_SUMMARY',
        field: 'b.components',
        message: 'b.components must equal a.components (["u","r","t"]): summarise every part alike, got ["r","t"]',
      },
      {
        code: 'INVALID_SUMMARY',
        field: 'b.components.t.tiers',
        message: "b.components.t.tiers must have 3 entries like a's, got 2",
      },
      {
        code: 'INVALID_SUMMARY',
        field: 'b.components.t.tiers',
        message: "b.components.t.tiers must have 3 entries like a's, got 0",
      },
      {
        code: 'INVALID_SUMMARY',
        field: 'b.deals',
        message: 'b.deals must be absent like a\'s, got "present"',
      },
      {
        code: 'INVALID_SUMMARY',
        field: 'b.components.u.tiers',
        message: "b.components.u.tiers must have 0 entries like a's, got 1",
      },
    ]);
    expect(refusal(() => finalizeStatement(cases[0] as StatementSummary, context))).toEqual({
      code: 'INVALID_SUMMARY',
      field: 'summary.range.start',
      message: 'summary.range.start must be a date YYYY-MM-DD, got "2026-1-01"',
    });
  });
});
