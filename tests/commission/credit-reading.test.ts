/**
 * How a statement reads its credits (src/commission/sums.ts): each refusal with its code, field
 * and message, a credit id given twice named at both positions (counting only the member's credits
 * in the range), and which credits each sum counts.
 */
import { describe, expect, it } from 'vitest';
import { calculateStatement, type Statement, summarizeStatement } from '../../src/commission/index.js';
import type { Credit } from '../../src/model/credit.js';
import { credit, JAN_2026, member, planOf, usd } from './helpers.js';

type Components = Parameters<typeof planOf>[0];
type Extra = Parameters<typeof planOf>[1];

function january(credits: unknown[], c: Components = [{ id: 'c', kind: 'rate', rate: '0.1' }], extra: Extra = {}) {
  return calculateStatement({
    plan: planOf(c, extra),
    member,
    period: JAN_2026,
    quota: usd('10000'),
    credits: credits as Credit[],
  });
}

function refusal(f: () => unknown): unknown {
  try {
    f();
  } catch (error) {
    const e = error as { code?: string; field?: string; message: string; details?: object };
    return { code: e.code, field: e.field, message: e.message };
  }
  return 'no error';
}

describe('credits a statement refuses', () => {
  it('each malformed credit of the member in the range, named by position and id', () => {
    const k = (extra: object) => ({ ...credit('k1', '100', '2026-01-10'), ...extra });
    const perUnit: Components = [{ id: 'u', kind: 'perUnit', amountPerUnit: '1' }];
    expect([
      refusal(() => january(['x'])),
      refusal(() => january([k({ id: 7 })])),
      refusal(() => january([k({ id: '' })])),
      refusal(() => january([k({ date: '2026-1-10' })])),
      refusal(() => january([k({ date: '2026-13-10' })])),
      refusal(() => january([k({ date: '2026-01-32' })])),
      refusal(() => january([k({ date: '2026-00-10' })])),
      refusal(() => january([k({ date: '2026-01-00' })])),
      refusal(() => january([k({ date: '2026-0a-10' })])),
      refusal(() => january([k({ date: '2026-01-1a' })])),
      refusal(() => january([k({ kind: 'boss' })])),
      refusal(() => january([k({ measure: 'x' })])),
      refusal(() => january([k({ amount: null })])),
      refusal(() => january([k({ amount: 'x' })])),
      refusal(() => january([k({ amount: { amount: '100', currency: 'EUR' } })])),
      refusal(() => january([k({ dealId: '' })], undefined, { version: { payableOn: 'payment' } })),
      refusal(() => january([k({ measure: 'units', units: '2' })], perUnit)),
      refusal(() => january([k({ units: 2.5 })])),
      refusal(() =>
        january(
          [k({ measure: 'units', units: Number.MAX_SAFE_INTEGER }), k({ id: 'k2', measure: 'units', units: 1 })],
          perUnit,
        ),
      ),
    ]).toEqual([
      {
        code: 'INVALID_INPUT',
        field: 'credits[0]',
        message: 'credits[0] must be a credit object, got "x"',
      },
      {
        code: 'INVALID_INPUT',
        field: 'credits[0].id',
        message: 'credits[0].id must be a non-empty string, got 7',
      },
      {
        code: 'INVALID_INPUT',
        field: 'credits[0].id',
        message: 'credits[0].id must be a non-empty string, got ""',
      },
      {
        code: 'INVALID_DATE',
        field: 'credits[0] (id "k1").date',
        message: 'credits[0] (id "k1").date must be a calendar date YYYY-MM-DD, got "2026-1-10"',
      },
      {
        code: 'INVALID_DATE',
        field: 'credits[0] (id "k1").date',
        message: 'credits[0] (id "k1").date must be a calendar date YYYY-MM-DD, got "2026-13-10"',
      },
      {
        code: 'INVALID_DATE',
        field: 'credits[0] (id "k1").date',
        message: 'credits[0] (id "k1").date must be a calendar date YYYY-MM-DD, got "2026-01-32"',
      },
      {
        code: 'INVALID_DATE',
        field: 'credits[0] (id "k1").date',
        message: 'credits[0] (id "k1").date must be a calendar date YYYY-MM-DD, got "2026-00-10"',
      },
      {
        code: 'INVALID_DATE',
        field: 'credits[0] (id "k1").date',
        message: 'credits[0] (id "k1").date must be a calendar date YYYY-MM-DD, got "2026-01-00"',
      },
      {
        code: 'INVALID_DATE',
        field: 'credits[0] (id "k1").date',
        message: 'credits[0] (id "k1").date must be a calendar date YYYY-MM-DD, got "2026-0a-10"',
      },
      {
        code: 'INVALID_DATE',
        field: 'credits[0] (id "k1").date',
        message: 'credits[0] (id "k1").date must be a calendar date YYYY-MM-DD, got "2026-01-1a"',
      },
      {
        code: 'INVALID_INPUT',
        field: 'credits[0] (id "k1").kind',
        message: 'credits[0] (id "k1").kind must be one of owner, split, overlay, source, rollup, got "boss"',
      },
      {
        code: 'INVALID_INPUT',
        field: 'credits[0] (id "k1").measure',
        message: 'credits[0] (id "k1").measure must be a known measure, got "x"',
      },
      {
        code: 'INVALID_INPUT',
        field: 'credits[0] (id "k1").amount',
        message: 'credits[0] (id "k1").amount must be a money object { amount, currency }, got null',
      },
      {
        code: 'INVALID_INPUT',
        field: 'credits[0] (id "k1").amount',
        message: 'credits[0] (id "k1").amount must be a money object { amount, currency }, got "x"',
      },
      {
        code: 'CURRENCY_MISMATCH',
        field: 'credits[0] (id "k1").amount.currency',
        message: 'credits[0] (id "k1").amount.currency must be the plan currency USD, got "EUR"',
      },
      {
        code: 'INVALID_INPUT',
        field: 'credits[0] (id "k1").dealId',
        message: 'credits[0] (id "k1").dealId must be a non-empty string, got ""',
      },
      {
        code: 'INVALID_COUNT',
        field: 'credits[0] (id "k1").units',
        message: 'credits[0] (id "k1").units must be an integer ≥ -9007199254740991, got "2"',
      },
      {
        code: 'INVALID_COUNT',
        field: 'credits[0] (id "k1").units',
        message: 'credits[0] (id "k1").units must be an integer ≥ -9007199254740991, got 2.5',
      },
      {
        code: 'INVALID_COUNT',
        field: 'credits[1] (id "k2").units',
        message: 'credits[1] (id "k2").units takes the total past 2^53, got 1',
      },
    ]);
  });

  it('an id given twice, at the positions of the two credits of the member in the range', () => {
    const credits = [
      credit('k1', '100', '2026-01-10', { memberId: 'bo' }),
      credit('k1', '100', '2026-01-01'),
      credit('k1', '100', '2025-12-31'),
      credit('k1', '100', '2026-02-01'),
      credit('k1', '100', '2026-01-31'),
    ];
    let error: unknown;
    try {
      january(credits);
    } catch (e) {
      const x = e as { code: string; field: string; message: string; details: object };
      error = [x.code, x.field, x.message, x.details];
    }
    expect(error).toEqual([
      'DUPLICATE_ID',
      'credits[4].id',
      'credits[4] (id "k1") repeats credits[1]: a credit is counted once, never paid twice',
      {
        id: 'k1',
        first: 1,
        second: 4,
      },
    ]);
  });
});

describe('credit dates', () => {
  it('are refused when any character is not where a YYYY-MM-DD date has it', () => {
    // ':' is the character after '9' and '/' the one before '0': read as digits they would make a valid month or
    // day (0: → 10, 1: → 20) or a year that sorts before every date
    const dates = ['/026-01-10', '2026-01x10', '2026-0:-10', '2026-01-1:', '2026:01-10', '202a-01-10'];
    expect(dates.map((date) => refusal(() => january([credit('k1', '100', date)])))).toEqual(
      dates.map((date) => ({
        code: 'INVALID_DATE',
        field: 'credits[0] (id "k1").date',
        message: `credits[0] (id "k1").date must be a calendar date YYYY-MM-DD, got "${date}"`,
      })),
    );
  });
});

describe('which credits each sum counts', () => {
  it('a per-unit component on the credits attainment counts still counts units', () => {
    const s = january(
      [credit('a', '100', '2026-01-10'), credit('b', '200', '2026-01-11', { units: 3 })],
      [{ id: 'u', kind: 'perUnit', amountPerUnit: '25', kinds: ['owner', 'split', 'overlay'], measure: 'bookings' }],
    );
    // by hand: a counts 1 unit, b 3: 4 × 25 = 100
    expect(s.lines.map((l) => [l.amount.amount, l.explanation.units])).toEqual([['100.00', 4]]);
  });

  it('an amount given as a number or with an exponent is read exactly', () => {
    const s = january([
      { ...credit('a', '0', '2026-01-10'), amount: { amount: 100.25, currency: 'USD' } },
      credit('b', '1.5e3', '2026-01-11'),
    ]);
    // by hand: 100.25 + 1,500 = 1,600.25
    expect(s.credited.amount).toBe('1600.25');
  });

  const lines = (s: Statement) => s.lines.map((l) => [l.componentId, l.amount.amount, l.explanation.creditIds]);

  it('a component whose kinds differ from attainment in one kind sums apart', () => {
    const s = january(
      [credit('o', '100', '2026-01-10'), credit('r', '50', '2026-01-11', { kind: 'rollup' })],
      [{ id: 'c', kind: 'rate', rate: '0.1', kinds: ['owner', 'split', 'rollup'] }],
    );
    // by hand: attainment counts owner, split, overlay: 100; the component owner, split, rollup: 150 × 10 % = 15
    expect([s.credited.amount, lines(s)]).toEqual(['100.00', [['c', '15.00', ['o', 'r']]]]);
  });

  it('a component counting as many kinds as attainment, but other ones, sums apart', () => {
    const s = january(
      [credit('o', '1000', '2026-01-10'), credit('r', '500', '2026-01-11', { kind: 'rollup' })],
      [{ id: 'c', kind: 'rate', rate: '0.1', kinds: ['rollup'] }],
      { version: { attainment: { kinds: ['owner'] } } },
    );
    // by hand: attainment counts the owner credit: 1,000; the component the rollup one: 500 × 10 % = 50
    expect([s.credited.amount, lines(s)]).toEqual(['1000.00', [['c', '50.00', ['r']]]]);
  });

  it('attainment lists only the credits it counts, a component only those it counts', () => {
    const s = january(
      [
        credit('a', '100', '2026-01-10', { kind: 'rollup' }),
        credit('b', '200', '2026-01-11'),
        credit('c', '300', '2026-01-12', { dealType: 'new' }),
      ],
      [{ id: 'n', kind: 'rate', rate: '0.1', filter: { dealTypes: ['new'] } }],
    );
    // by hand: attainment b + c = 500; the component only the new deal c: 300 × 10 % = 30
    expect([s.credited.amount, lines(s)]).toEqual(['500.00', [['n', '30.00', ['c']]]]);
  });

  it('a spiff per credit counts a negative credit as minus one', () => {
    const window = { start: '2026-01-01', end: '2026-01-31' };
    const s = january(
      [credit('a', '100', '2026-01-10'), credit('b', '200', '2026-01-11'), credit('r', '-100', '2026-01-12')],
      [{ id: 's', kind: 'spiff', window, amountPerCredit: '10' }],
    );
    // by hand: 2 credits − 1 refund = 1 × 10
    expect(lines(s)).toEqual([['s', '10.00', ['a', 'b', 'r']]]);
  });
});

describe('more of what the sums count', () => {
  it('a refund in per-credit tiers takes its amount off the tiers it spans', () => {
    const c: Components = [
      {
        id: 't',
        kind: 'tiered',
        basis: 'amount',
        split: 'marginal',
        scope: 'perCredit',
        boundary: 'higher',
        tiers: [
          { from: '0', to: '100', rate: '0.01' },
          { from: '100', rate: '0.02' },
        ],
      },
    ];
    const s = january([credit('a', '500', '2026-01-10'), credit('r', '-300', '2026-01-11')], c);
    // by hand: a: 100 × 1 % + 400 × 2 % = 9; the refund r: −100 × 1 % − 200 × 2 % = −5; tier 1: 0, tier 2: 200 × 2 %
    expect(s.lines.map((l) => [l.explanation.base?.amount, l.amount.amount])).toEqual([
      ['0.00', '0.00'],
      ['200.00', '4.00'],
    ]);
  });

  it('a spiff counts credits from the first to the last day of its window', () => {
    const window = { start: '2026-01-10', end: '2026-01-20' };
    const s = january(
      ['09', '10', '20', '21'].map((d) => credit(`k${d}`, '100', `2026-01-${d}`)),
      [{ id: 's', kind: 'spiff', window, rate: '0.1' }],
    );
    // by hand: the credits of the 10th and the 20th: 200 × 10 % = 20
    expect(s.lines.map((l) => [l.amount.amount, l.explanation.creditIds])).toEqual([['20.00', ['k10', 'k20']]]);
  });

  it('refuses an amount text that is not a decimal and a deal id that is not a string, naming them', () => {
    const k = (extra: object) => ({ ...credit('k1', '100', '2026-01-10'), ...extra });
    const cash: Extra = { version: { payableOn: 'payment' } };
    expect([
      refusal(() => january([k({ amount: usd('1.2.3') })])),
      refusal(() => january([k({ dealId: 7 })], undefined, cash)),
    ]).toEqual([
      {
        code: 'INVALID_AMOUNT',
        field: 'credits[0] (id "k1").amount.amount',
        message: 'credits[0] (id "k1").amount.amount must be a decimal number such as "12.30", got "1.2.3"',
      },
      {
        code: 'INVALID_INPUT',
        field: 'credits[0] (id "k1").dealId',
        message: 'credits[0] (id "k1").dealId must be a non-empty string, got 7',
      },
    ]);
  });
});

describe('credit fields that only look right', () => {
  it('a date that is a String object or a list of ten characters, and an amount that is a function', () => {
    const k = (extra: object) => ({ ...credit('k1', '100', '2026-01-10'), ...extra });
    // a function carrying amount and currency is not a money object (core's readMoney refuses it)
    const fn = Object.assign(() => 0, usd('100'));
    expect([
      refusal(() => january([k({ date: new String('2026-01-10') })])),
      refusal(() => january([k({ date: [...'2026-01-10'] })])),
      refusal(() => january([k({ amount: fn })])),
    ]).toEqual([
      {
        code: 'INVALID_DATE',
        field: 'credits[0] (id "k1").date',
        message: expect.stringMatching(/^credits\[0\] \(id "k1"\)\.date must be a calendar date YYYY-MM-DD, got /),
      },
      {
        code: 'INVALID_DATE',
        field: 'credits[0] (id "k1").date',
        message: expect.stringMatching(/^credits\[0\] \(id "k1"\)\.date must be a calendar date YYYY-MM-DD, got /),
      },
      {
        code: 'INVALID_INPUT',
        field: 'credits[0] (id "k1").amount',
        message: 'credits[0] (id "k1").amount must be a money object { amount, currency }, got function',
      },
    ]);
  });
});

describe('credits as a whole', () => {
  it('refuses credits that are not a list; reads a credit without a measure as bookings', () => {
    expect(refusal(() => january('x' as unknown as unknown[]))).toEqual({
      code: 'INVALID_INPUT',
      field: 'credits',
      message: 'credits must be an array of credits, got "x"',
    });
    const { measure: _, ...noMeasure } = credit('k1', '250', '2026-01-10');
    // by hand: 250 counted toward attainment and the 10 % rate: 25
    expect(january([noMeasure]).payable.amount).toBe('25.00');
  });

  it('per-credit tables: no linear sum unless interpolated, and a credit below an interpolated table', () => {
    const table = (split: 'retroactive' | 'interpolated', from: string): Components[number] => ({
      id: 't',
      kind: 'tiered',
      basis: 'amount',
      split,
      scope: 'perCredit',
      boundary: 'higher',
      tiers: [
        { from, to: '1000', rate: '0.01' },
        { from: '1000', rate: '0.02' },
      ],
    });
    const credits = [credit('a', '500', '2026-01-10'), credit('b', '50', '2026-01-11')];
    const retro = summarizeStatement(credits, {
      plan: planOf([table('retroactive', '0')]),
      member,
      period: JAN_2026,
      quota: usd('1'),
    });
    expect(retro.components['t']?.tiers?.map((t) => t.linear)).toEqual(['0', '0', '0']);
    // by hand: b (50) is below 100, the first tier: nothing; a (500) at 1 % + 1 % × 400/900 = 1.4444… %: 7.22
    expect(january(credits, [table('interpolated', '100')]).lines.map((l) => l.amount.amount)).toEqual([
      '0.00',
      '7.22',
    ]);
  });
});
