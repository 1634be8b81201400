/**
 * calculateStatement and finalizeStatement: each refusal of a statement's input pinned with its
 * code, field and message (the field is what a caller fixes), and the facts a clawback line
 * carries at the edges of its rules (a schedule step's last day, a term's last unserved month, a
 * reversal exactly equal to what was paid).
 */
import { describe, expect, it } from 'vitest';
import {
  calculateStatement,
  finalizeStatement,
  type Statement,
  type StatementInput,
  summarizeStatement,
} from '../../src/commission/index.js';
import { credit, JAN_2026, member, planOf, usd } from './helpers.js';

type Components = Parameters<typeof planOf>[0];
type Extra = Parameters<typeof planOf>[1];

const RATE: Components = [{ id: 'c', kind: 'rate', rate: '0.1' }];
const SCHEDULE = {
  clawback: {
    schedule: [
      { withinDays: 30, share: '1' },
      { withinDays: 90, share: '0.5' },
    ],
  },
};

/** A January 2026 statement with a quota of 10,000 USD. */
function january(rest: Partial<StatementInput> = {}, extra: Extra = { version: SCHEDULE }, c = RATE): Statement {
  return calculateStatement({
    plan: planOf(c, extra),
    member,
    period: JAN_2026,
    quota: usd('10000'),
    credits: [credit('k1', '1000', '2026-01-20')],
    ...rest,
  });
}

/** The RevopsError `f` throws: code, field and message (or what else happened). */
function refusal(f: () => unknown): unknown {
  try {
    f();
  } catch (error) {
    const e = error as { code?: string; field?: string; message: string };
    return { code: e.code, field: e.field, message: e.message };
  }
  return 'no error';
}

/** A clawback event on a 10,000 base at 8 %, known on January 20. */
const event = (id: string, creditDate: string, extra: object = {}) => ({
  id,
  dealId: `D-${id}`,
  creditDate,
  knownDate: '2026-01-20',
  base: usd('10000'),
  rate: '0.08',
  paid: usd('800'),
  ...extra,
});

describe('calculateStatement refuses', () => {
  it('an input that is not an object', () => {
    expect(refusal(() => calculateStatement(null as unknown as StatementInput))).toEqual({
      code: 'INVALID_INPUT',
      field: 'input',
      message: 'input must be an object, got null',
    });
  });

  it('clawback events that are not a list of events with ids', () => {
    const cases: unknown[] = [
      'x',
      [null],
      [{ ...event('a', '2026-01-05'), id: 7 }],
      [event('a', '2026-01-05'), event('a', '2026-01-06')],
      [{ ...event('a', '2026-01-05'), dealId: null }],
      [{ ...event('a', '2026-01-05'), creditIds: 'k1' }],
      [{ ...event('a', '2026-01-05'), creditIds: ['k1', 2] }],
    ];
    expect(cases.map((clawbacks) => refusal(() => january({ clawbacks } as Partial<StatementInput>)))).toEqual([
      {
        code: 'INVALID_INPUT',
        field: 'clawbacks',
        message: 'clawbacks must be an array, got "x"',
      },
      {
        code: 'INVALID_INPUT',
        field: 'clawbacks[0]',
        message: 'clawbacks[0] must be an object, got null',
      },
      {
        code: 'INVALID_INPUT',
        field: 'clawbacks[0].id',
        message: 'clawbacks[0].id must be a non-empty string, got 7',
      },
      {
        code: 'DUPLICATE_ID',
        field: 'clawbacks[1] (id "a").id',
        message: 'clawbacks[1] (id "a") repeats clawbacks[0]: a clawback is posted once, never twice',
      },
      {
        code: 'INVALID_INPUT',
        field: 'clawbacks[0] (id "a").dealId',
        message: 'clawbacks[0] (id "a").dealId must be a non-empty string, got null',
      },
      {
        code: 'INVALID_INPUT',
        field: 'clawbacks[0] (id "a").creditIds',
        message: 'clawbacks[0] (id "a").creditIds must be an array, got "k1"',
      },
      {
        code: 'INVALID_INPUT',
        field: 'clawbacks[0] (id "a").creditIds[1]',
        message: 'clawbacks[0] (id "a").creditIds[1] must be a non-empty string, got 2',
      },
    ]);
  });

  it('clawbacks for a plan version without a clawback policy', () => {
    expect(refusal(() => january({ clawbacks: [event('a', '2026-01-05')] }, {}))).toEqual({
      code: 'INVALID_OPTION',
      field: 'clawbacks',
      message: 'clawbacks given, but plan version "v1" has no clawback policy, got 1',
    });
  });

  it('clawback events with dates or amounts out of line', () => {
    const cases = [
      { creditDate: '2026-02-30' },
      { knownDate: '2026-1-20' },
      { knownDate: '2026-02-01' },
      { knownDate: '2025-12-31' },
      { creditDate: '2026-01-21' },
      { base: { amount: '10000', currency: 'EUR' } },
      { paid: { amount: 'x', currency: 'USD' } },
      { base: usd('-1') },
      { paid: usd('-1') },
      { rate: 'ten' },
    ];
    expect(cases.map((e) => refusal(() => january({ clawbacks: [event('a', '2026-01-05', e)] })))).toEqual([
      {
        code: 'INVALID_DATE',
        field: 'clawbacks[0] (id "a").creditDate',
        message: 'clawbacks[0] (id "a").creditDate must be a calendar date YYYY-MM-DD, got "2026-02-30"',
      },
      {
        code: 'INVALID_DATE',
        field: 'clawbacks[0] (id "a").knownDate',
        message: 'clawbacks[0] (id "a").knownDate must be a calendar date YYYY-MM-DD, got "2026-1-20"',
      },
      {
        code: 'INVALID_INPUT',
        field: 'clawbacks[0] (id "a").knownDate',
        message:
          'clawbacks[0] (id "a").knownDate must fall in the statement\'s period 2026-01-01..2026-01-31 (a ' +
          'clawback is posted when it becomes known), got "2026-02-01"',
      },
      {
        code: 'INVALID_INPUT',
        field: 'clawbacks[0] (id "a").knownDate',
        message:
          'clawbacks[0] (id "a").knownDate must fall in the statement\'s period 2026-01-01..2026-01-31 (a ' +
          'clawback is posted when it becomes known), got "2025-12-31"',
      },
      {
        code: 'INVALID_INPUT',
        field: 'clawbacks[0] (id "a").knownDate',
        message: 'clawbacks[0] (id "a").knownDate must not be before creditDate 2026-01-21, got "2026-01-20"',
      },
      {
        code: 'CURRENCY_MISMATCH',
        field: 'clawbacks[0] (id "a").base.currency',
        message: 'clawbacks[0] (id "a").base.currency must be the plan currency USD, got "EUR"',
      },
      {
        code: 'INVALID_AMOUNT',
        field: 'clawbacks[0] (id "a").paid.amount',
        message: 'clawbacks[0] (id "a").paid.amount must be a decimal number such as "12.30", got "x"',
      },
      {
        code: 'INVALID_AMOUNT',
        field: 'clawbacks[0] (id "a").base.amount',
        message: 'clawbacks[0] (id "a").base.amount must not be negative (the base being reversed), got "-1"',
      },
      {
        code: 'INVALID_AMOUNT',
        field: 'clawbacks[0] (id "a").paid.amount',
        message: 'clawbacks[0] (id "a").paid.amount must not be negative, got "-1"',
      },
      {
        code: 'INVALID_AMOUNT',
        field: 'clawbacks[0] (id "a").rate',
        message: 'clawbacks[0] (id "a").rate must be a decimal number such as "12.30", got "ten"',
      },
    ]);
  });

  it('clawback events of a term policy without a valid term', () => {
    const term = { version: { clawback: { basis: 'unservedTerm' as const } } };
    const cases = [
      {},
      { termMonths: 0 },
      { termMonths: 1201 },
      { termMonths: 12, termStart: '2026-01-21' },
      { termMonths: 12, termStart: '2026-13-01' },
    ];
    expect(cases.map((e) => refusal(() => january({ clawbacks: [event('a', '2025-03-10', e)] }, term)))).toEqual([
      {
        code: 'INVALID_INPUT',
        field: 'clawbacks[0] (id "a").termMonths',
        message:
          'clawbacks[0] (id "a").termMonths is required: the plan\'s clawback policy reverses the unserved part ' +
          'of the contract term, got undefined',
      },
      {
        code: 'INVALID_COUNT',
        field: 'clawbacks[0] (id "a").termMonths',
        message: 'clawbacks[0] (id "a").termMonths must be an integer from 1 to 1200, got 0',
      },
      {
        code: 'INVALID_COUNT',
        field: 'clawbacks[0] (id "a").termMonths',
        message: 'clawbacks[0] (id "a").termMonths must be an integer from 1 to 1200, got 1201',
      },
      {
        code: 'INVALID_INPUT',
        field: 'clawbacks[0] (id "a").termStart',
        message: 'clawbacks[0] (id "a").termStart must not be after knownDate 2026-01-20, got "2026-01-21"',
      },
      {
        code: 'INVALID_DATE',
        field: 'clawbacks[0] (id "a").termStart',
        message: 'clawbacks[0] (id "a").termStart must be a calendar date YYYY-MM-DD, got "2026-13-01"',
      },
    ]);
  });

  it('an attainment to date that is missing, given with a true-up, or malformed', () => {
    const gate: Components = [{ id: 'g', kind: 'rate', rate: '0.1', gate: '0.5', gateOn: 'toDate' }];
    const toDate = { carriedIn: usd('0'), quota: usd('120000') };
    const cases: Partial<StatementInput>[] = [
      {},
      { attainmentToDate: 'x' as unknown as NonNullable<StatementInput['attainmentToDate']> },
      { attainmentToDate: toDate, paidToDate: usd('0') },
      { attainmentToDate: { ...toDate, carriedIn: { amount: '1', currency: 'EUR' } } },
      { attainmentToDate: { ...toDate, quota: usd('x') } },
      { attainmentToDate: { ...toDate, quota: usd('-1') } },
    ];
    expect(cases.map((rest) => refusal(() => january(rest, {}, gate)))).toEqual([
      {
        code: 'INVALID_INPUT',
        field: 'attainmentToDate',
        message:
          'attainmentToDate is required: the gate of component "g" is judged on the attainment to date (gateOn ' +
          "'toDate'), got undefined",
      },
      {
        code: 'INVALID_INPUT',
        field: 'attainmentToDate',
        message: 'attainmentToDate must be an object, got "x"',
      },
      {
        code: 'INVALID_OPTION',
        field: 'attainmentToDate',
        message:
          'attainmentToDate must not be given with paidToDate: a true-up already evaluates the fiscal year to ' +
          'date, got {"carriedIn":{"amount":"0","currency":"USD"},"quota":{"amount":"120000","curr...',
      },
      {
        code: 'CURRENCY_MISMATCH',
        field: 'attainmentToDate.carriedIn.currency',
        message: 'attainmentToDate.carriedIn.currency must be the plan currency USD, got "EUR"',
      },
      {
        code: 'INVALID_AMOUNT',
        field: 'attainmentToDate.quota.amount',
        message: 'attainmentToDate.quota.amount must be a decimal number such as "12.30", got "x"',
      },
      {
        code: 'INVALID_AMOUNT',
        field: 'attainmentToDate.quota.amount',
        message: 'attainmentToDate.quota.amount must not be negative, got "-1"',
      },
    ]);
  });

  it('prior balances, carried-in totals, payments and adjustments that do not fit the plan version', () => {
    const capped: Components = [{ id: 'c', kind: 'rate', rate: '0.1', cap: { amount: '300', mode: 'defer' } }];
    const cases: [Partial<StatementInput>, Components][] = [
      [{ priorBalance: { deferred: { x: usd('1') } } }, capped],
      [{ priorBalance: { deferred: { c: usd('-1') } } }, capped],
      [{ priorBalance: { deferred: { c: { amount: '1', currency: 'EUR' } } } }, capped],
      [{ priorBalance: { deferred: { c: usd('1') } } }, RATE],
      [{ carriedIn: { x: '1' } }, RATE],
      [{ carriedIn: { c: '1' } }, RATE],
      [{ payments: 'x' as unknown as NonNullable<StatementInput['payments']> }, RATE],
      [{ priorBalance: { held: {} } }, RATE],
      [{ adjustments: [{ id: 'a', amount: { amount: '1', currency: 'EUR' }, reason: 'r' }] }, RATE],
      [{ paidToDate: usd('x') }, RATE],
      [{ priorBalance: { carried: usd('1') } }, RATE],
      [{ priorBalance: { carried: usd('x') } }, RATE],
      [{ priorBalance: { draw: usd('-1') } }, RATE],
      [{ priorBalance: { draw: usd('x') } }, RATE],
    ];
    expect(cases.map(([rest, c]) => refusal(() => january(rest, {}, c)))).toEqual([
      {
        code: 'INVALID_INPUT',
        field: 'priorBalance.deferred.x',
        message: 'priorBalance.deferred.x is not a component of the plan version, got "x"',
      },
      {
        code: 'INVALID_AMOUNT',
        field: 'priorBalance.deferred.c.amount',
        message: 'priorBalance.deferred.c.amount must not be negative, got "-1"',
      },
      {
        code: 'CURRENCY_MISMATCH',
        field: 'priorBalance.deferred.c.currency',
        message: 'priorBalance.deferred.c.currency must be the plan currency USD, got "EUR"',
      },
      {
        code: 'INVALID_INPUT',
        field: 'priorBalance.deferred.c',
        message: 'priorBalance.deferred.c is set but the component does not defer its cap excess, got "1"',
      },
      {
        code: 'INVALID_INPUT',
        field: 'carriedIn.x',
        message: 'carriedIn.x must name a yearToDate tiered component of the plan version, got "1"',
      },
      {
        code: 'INVALID_INPUT',
        field: 'carriedIn.c',
        message: 'carriedIn.c must name a yearToDate tiered component of the plan version, got "1"',
      },
      {
        code: 'INVALID_OPTION',
        field: 'payments',
        message:
          'payments given, but plan version "v1" pays on booking (payableOn \'payment\' holds commission until ' +
          'paid), got "x"',
      },
      {
        code: 'INVALID_INPUT',
        field: 'priorBalance.held',
        message: 'priorBalance.held is set but the plan version pays on booking, got {}',
      },
      {
        code: 'CURRENCY_MISMATCH',
        field: 'adjustments[0].amount.currency',
        message: 'adjustments[0].amount.currency must be the plan currency USD, got "EUR"',
      },
      {
        code: 'INVALID_AMOUNT',
        field: 'paidToDate.amount',
        message: 'paidToDate.amount must be a decimal number such as "12.30", got "x"',
      },
      {
        code: 'INVALID_AMOUNT',
        field: 'priorBalance.carried.amount',
        message: 'priorBalance.carried.amount must not be positive (it is a negative total carried forward), got "1"',
      },
      {
        code: 'INVALID_AMOUNT',
        field: 'priorBalance.carried.amount',
        message: 'priorBalance.carried.amount must be a decimal number such as "12.30", got "x"',
      },
      {
        code: 'INVALID_AMOUNT',
        field: 'priorBalance.draw.amount',
        message: 'priorBalance.draw.amount must not be negative, got "-1"',
      },
      {
        code: 'INVALID_AMOUNT',
        field: 'priorBalance.draw.amount',
        message: 'priorBalance.draw.amount must be a decimal number such as "12.30", got "x"',
      },
    ]);
  });

  it('carried-in totals with a true-up, and a true-up of a plan that pays on payment', () => {
    const ytd: Components = [
      {
        id: 'y',
        kind: 'tiered',
        basis: 'amount',
        split: 'marginal',
        scope: 'yearToDate',
        boundary: 'higher',
        tiers: [{ from: '0', rate: '0.1' }],
      },
    ];
    expect(refusal(() => january({ carriedIn: { y: '1' }, paidToDate: usd('0') }, {}, ytd))).toEqual({
      code: 'INVALID_OPTION',
      field: 'carriedIn.y',
      message:
        'carriedIn.y must not be given with paidToDate: a true-up already evaluates from the start of the fiscal ' +
        'year, got "1"',
    });
    expect(refusal(() => january({ paidToDate: usd('0') }, { version: { payableOn: 'payment' } }))).toEqual({
      code: 'INVALID_OPTION',
      field: 'paidToDate',
      message:
        'paidToDate must not be given: plan version "v1" pays on customer payment (no year-to-date true-up), got ' +
        '{"amount":"0","currency":"USD"}',
    });
  });
});

describe('finalizeStatement refuses a summary that does not fit the context', () => {
  const per = { id: 't', kind: 'tiered', basis: 'amount', split: 'marginal', scope: 'perCredit', boundary: 'higher' };
  const plan = planOf([
    { id: 'c', kind: 'rate', rate: '0.1' },
    {
      ...per,
      tiers: [
        { from: '0', to: '10', rate: '0.1' },
        { from: '10', rate: '0.2' },
      ],
    } as Components[number],
  ]);
  const context = { plan, member, period: JAN_2026, quota: usd('10000') };
  const summary = summarizeStatement([credit('k1', '1000', '2026-01-20')], context);
  /** The summary as JSON, changed by `edit`. */
  type Json = {
    range: { start: string; end: string };
    memberId: string;
    components: Record<string, { tiers?: unknown[] }>;
  };
  const edited = (edit: (s: Json) => void) => {
    const s = JSON.parse(JSON.stringify(summary)) as Json & typeof summary;
    edit(s);
    return s;
  };

  it('another range, a component missing or extra, the wrong number of tiers', () => {
    const cases = [
      edited((s) => {
        s.range.end = '2026-01-30';
      }),
      edited((s) => {
        s.range.start = '2026-01-02';
      }),
      edited((s) => {
        delete s.components['c'];
      }),
      edited((s) => {
        s.components['x'] = { ...s.components['c'] };
      }),
      edited((s) => {
        s.components['t']?.tiers?.pop();
      }),
      edited((s) => {
        delete s.components['t']?.tiers;
      }),
      edited((s) => {
        s.memberId = 'bo';
      }),
    ];
    expect(cases.map((s) => refusal(() => finalizeStatement(s, context)))).toEqual([
      {
        code: 'INVALID_SUMMARY',
        field: 'summary.range',
        message:
          'summary.range must be 2026-01-01..2026-01-31, as the context gives, got ' +
          '{"start":"2026-01-01","end":"2026-01-30"}',
      },
      {
        code: 'INVALID_SUMMARY',
        field: 'summary.range',
        message:
          'summary.range must be 2026-01-01..2026-01-31, as the context gives, got ' +
          '{"start":"2026-01-02","end":"2026-01-31"}',
      },
      {
        code: 'INVALID_SUMMARY',
        field: 'summary.components.c',
        message: 'summary.components.c is missing, got undefined',
      },
      {
        code: 'INVALID_SUMMARY',
        field: 'summary.components.x',
        message: 'summary.components.x is not a component of the plan version, got "x"',
      },
      {
        code: 'INVALID_SUMMARY',
        field: 'summary.components.t.tiers',
        message: 'summary.components.t.tiers must have 3 entries, got 2',
      },
      {
        code: 'INVALID_SUMMARY',
        field: 'summary.components.t.tiers',
        message: 'summary.components.t.tiers must have 3 entries, got undefined',
      },
      {
        code: 'INVALID_SUMMARY',
        field: 'summary.memberId',
        message: 'summary.memberId must be "ae", as the context gives, got "bo"',
      },
    ]);
  });

  it('a summary without deals for a plan that pays on customer payment', () => {
    const cash = planOf([{ id: 'c', kind: 'rate', rate: '0.1' }], { version: { payableOn: 'payment' } });
    const booked = summarizeStatement([credit('k1', '1000', '2026-01-20')], { ...context, plan: planOf(RATE) });
    expect(refusal(() => finalizeStatement(booked, { ...context, plan: cash }))).toEqual({
      code: 'INVALID_SUMMARY',
      field: 'summary.deals',
      message: 'summary.deals is missing: the plan version pays on customer payment, got undefined',
    });
  });
});

describe('calculateStatement also refuses', () => {
  it('a string input, a carried-in total of a period tier or not a decimal, an attainment past a double', () => {
    const t = (scope: 'periodToDate' | 'yearToDate'): Components[number] => ({
      id: 't',
      kind: 'tiered',
      basis: 'amount',
      split: 'marginal',
      scope,
      boundary: 'higher',
      tiers: [{ from: '0', rate: '0.1' }],
    });
    expect([
      refusal(() => calculateStatement('x' as unknown as StatementInput)),
      refusal(() => january({ carriedIn: { t: '1' } }, {}, [t('periodToDate')])),
      refusal(() => january({ carriedIn: { t: 'x' } }, {}, [t('yearToDate')])),
      refusal(() => january({ credits: [credit('k1', `1${'0'.repeat(320)}`, '2026-01-20')], quota: usd('0.01') })),
    ]).toEqual([
      { code: 'INVALID_INPUT', field: 'input', message: 'input must be an object, got "x"' },
      {
        code: 'INVALID_INPUT',
        field: 'carriedIn.t',
        message: 'carriedIn.t must name a yearToDate tiered component of the plan version, got "1"',
      },
      {
        code: 'INVALID_AMOUNT',
        field: 'carriedIn.t',
        message: 'carriedIn.t must be a decimal number such as "12.30", got "x"',
      },
      {
        code: 'INVALID_AMOUNT',
        field: 'credited',
        message:
          'credited over the quota 0.01 gives an attainment beyond the range of a number (±1.8e308), got ' +
          `"1${'0'.repeat(56)}..."`,
      },
    ]);
  });
});

describe('a plan that pays on booking', () => {
  it('takes an empty list of payments, and its balances hold nothing per deal', () => {
    const s = january({ payments: [] });
    expect(s.payable.amount).toBe('100.00'); // 1,000 × 10 %
    expect(Object.keys(s.balances)).toEqual(['draw', 'deferred', 'carried']);
  });
});
