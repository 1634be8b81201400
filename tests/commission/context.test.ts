/**
 * A statement's context (src/commission/context.ts): the period, member and quota checks, the
 * proration of quota, limits and draws, and the period contexts a defined plan keeps — which must
 * never be handed to an input that differs, even one whose fields print the same.
 */
import { describe, expect, it } from 'vitest';
import {
  calculateStatement,
  definePlan,
  explainStatement,
  finalizeStatement,
  type Statement,
  type StatementInput,
  summarizeStatement,
} from '../../src/commission/index.js';
import { credit, JAN_2026, member, planOf, tiered, usd } from './helpers.js';

type Components = Parameters<typeof planOf>[0];
type Extra = Parameters<typeof planOf>[1];

const RATE: Components = [{ id: 'c', kind: 'rate', rate: '0.1' }];

function statement(rest: Partial<StatementInput> = {}, c: Components = RATE, extra: Extra = {}): Statement {
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

describe('the period, member and quota of a statement', () => {
  it('refuses what is not a period, a member or a quota', () => {
    const cases: Partial<StatementInput>[] = [
      { period: null as unknown as StatementInput['period'] },
      { period: undefined as unknown as StatementInput['period'] },
      { period: { start: '2026-01-01', end: '2026-01-30' } },
      { period: { start: '2026-01-02', end: '2026-01-31' } },
      { period: { start: '2026-1-01', end: '2026-01-31' } },
      { period: { start: '2026-01-01', end: 20260131 as unknown as string } },
      { quota: null as unknown as StatementInput['quota'] },
      { quota: { amount: '10000', currency: 'EUR' } },
      { quota: usd('-1') },
      { member: null as unknown as StatementInput['member'] },
      { member: { ...member, id: 7 as unknown as string } },
      { member: { ...member, startDate: '2026-13-01' } },
      { member: { ...member, endDate: '2026-02-30' } },
      { member: { ...member, endDate: '2018-12-31' } },
    ];
    expect(cases.map((rest) => refusal(() => statement(rest)))).toEqual([
      {
        code: 'INVALID_PERIOD',
        field: 'period',
        message: 'period must be a period { start, end }, got null',
      },
      {
        code: 'INVALID_PERIOD',
        field: 'period',
        message: 'period must be a period { start, end }, got undefined',
      },
      {
        code: 'INVALID_PERIOD',
        field: 'period',
        message:
          'period must be exactly one plan period, one month of plan "plan" (e.g. 2026-01-01..2026-01-31); a ' +
          'statement never covers part of a period or several (for the fiscal year to date, pass paidToDate for a ' +
          'true-up), got {"start":"2026-01-01","end":"2026-01-30"}',
      },
      {
        code: 'INVALID_PERIOD',
        field: 'period',
        message:
          'period must be exactly one plan period, one month of plan "plan" (e.g. 2026-01-01..2026-01-31); a ' +
          'statement never covers part of a period or several (for the fiscal year to date, pass paidToDate for a ' +
          'true-up), got {"start":"2026-01-02","end":"2026-01-31"}',
      },
      {
        code: 'INVALID_DATE',
        field: 'period.start',
        message: 'period.start must be a calendar date YYYY-MM-DD, got "2026-1-01"',
      },
      {
        code: 'INVALID_DATE',
        field: 'period.end',
        message: 'period.end must be a calendar date YYYY-MM-DD, got 20260131',
      },
      {
        code: 'INVALID_INPUT',
        field: 'quota',
        message: 'quota must be a money object { amount, currency }, got null',
      },
      {
        code: 'CURRENCY_MISMATCH',
        field: 'quota.currency',
        message: 'quota.currency must be the plan currency USD, got "EUR"',
      },
      {
        code: 'INVALID_AMOUNT',
        field: 'quota.amount',
        message: 'quota.amount must not be negative, got "-1"',
      },
      {
        code: 'INVALID_INPUT',
        field: 'member',
        message: 'member must be a member, got null',
      },
      {
        code: 'INVALID_INPUT',
        field: 'member',
        message:
          'member must be a member, got ' +
          '{"id":7,"name":"Ana","roleId":"ae","startDate":"2019-01-01","territoryIds":[]}',
      },
      {
        code: 'INVALID_DATE',
        field: 'member.startDate',
        message: 'member.startDate must be a calendar date YYYY-MM-DD, got "2026-13-01"',
      },
      {
        code: 'INVALID_DATE',
        field: 'member.endDate',
        message: 'member.endDate must be a calendar date YYYY-MM-DD, got "2026-02-30"',
      },
      {
        code: 'INVALID_INPUT',
        field: 'member.endDate',
        message: 'member.endDate must not be before member.startDate 2019-01-01, got "2018-12-31"',
      },
    ]);
  });

  it('a quarterly plan whose fiscal year starts in February: February–April is one period', () => {
    const s = statement(
      { period: { start: '2026-02-01', end: '2026-04-30' }, credits: [credit('k1', '1000', '2026-04-30')] },
      RATE,
      { periodLength: 'quarter', fiscalYearStartMonth: 2 },
    );
    // by hand: 1,000 × 10 % = 100, the quarter in full (no proration)
    expect([s.range, s.payable.amount, s.proration]).toEqual([
      { start: '2026-02-01', end: '2026-04-30' },
      '100.00',
      { numerator: 89, denominator: 89, unit: 'days' },
    ]);
  });
});

describe('proration', () => {
  it('a version with prorate: false pays a late joiner the full quota and bonus', () => {
    const bonus: Components = [{ id: 'b', kind: 'bonus', steps: [{ atLeast: '0.1', amount: '300' }] }];
    const s = statement({ member: { ...member, startDate: '2026-01-17' } }, bonus, { version: { prorate: false } });
    // by hand: no proration: quota 10,000, 1,000 credited = 10 % reaches the step, 300 in full
    expect([s.proration, s.quota.amount, s.payable.amount]).toEqual([
      { numerator: 31, denominator: 31, unit: 'days' },
      '10000.00',
      '300.00',
    ]);
  });

  it('a member who left before the version came into force is active on none of its days', () => {
    const extra = { version: { effectiveFrom: '2026-01-01' } };
    const gone = { ...member, endDate: '2025-12-15' };
    const days = statement({ member: gone }, RATE, extra);
    expect([days.proration, days.quota.amount]).toEqual([{ numerator: 0, denominator: 31, unit: 'days' }, '0.00']);
    const months = statement({ member: gone }, RATE, { version: { effectiveFrom: '2026-01-01', proration: 'months' } });
    expect([months.proration, months.quota.amount]).toEqual([{ numerator: 0, denominator: 1, unit: 'months' }, '0.00']);
  });

  it('by whole months, a member on the plan in the middle month of a quarter only', () => {
    const capped: Components = [{ id: 'c', kind: 'rate', rate: '0.1', cap: { amount: '100', mode: 'forfeit' } }];
    const s = statement(
      {
        member: { ...member, startDate: '2026-02-01', endDate: '2026-02-28' },
        period: { start: '2026-01-01', end: '2026-03-31' },
        credits: [credit('k1', '5000', '2026-02-10')],
      },
      capped,
      { periodLength: 'quarter', version: { proration: 'months' } },
    );
    // by hand, cumulatively (February is the second month): quota 10,000 × 2/3 − 10,000 × 1/3 = 6,666.67 −
    // 3,333.33 = 3,333.34; cap 100 × 2/3 − 100 × 1/3 = 66.67 − 33.33 = 33.34 (a single rounding of 100/3 gives
    // 33.33); 500 earned capped at 33.34
    expect([s.quota.amount, s.lines.map((l) => l.amount.amount)]).toEqual(['3333.34', ['500.00', '-466.66']]);
  });

  it("a true-up's draw is the statement period's, not prorated over the year to date", () => {
    const plan = planOf(RATE, {
      version: { draw: { type: 'nonRecoverable', amount: '1000', start: '2026-01-01' } },
    });
    const s = calculateStatement({
      plan,
      member: { ...member, startDate: '2026-02-15' },
      period: { start: '2026-03-01', end: '2026-03-31' },
      quota: usd('30000'),
      credits: [],
      paidToDate: usd('0'),
    });
    // by hand: on the plan Feb 15 – Mar 31, 14 + 31 = 45 of the 90 days Jan 1 – Mar 31 (quota 15,000), but all
    // of March: the March draw is 1,000 in full
    expect([s.proration, s.quota.amount, s.lines.find((l) => l.kind === 'draw')?.amount.amount]).toEqual([
      { numerator: 45, denominator: 90, unit: 'days' },
      '15000.00',
      '1000.00',
    ]);
  });
});

describe('limits over a true-up', () => {
  const capped = (amount: string): Components => [
    { id: 'c', kind: 'rate', rate: '0.1', cap: { amount, mode: 'forfeit' } },
  ];
  const trueUp = (c: Components, extra: Extra = {}, asOf?: string) =>
    calculateStatement({
      plan: planOf(c, extra),
      member,
      period: { start: '2026-03-01', end: '2026-03-31' },
      quota: usd('30000'),
      credits: [credit('k1', '10000', '2026-02-10')],
      paidToDate: usd('0'),
      ...(asOf === undefined ? {} : { asOf }),
    });

  it('add up the cap of each month to date, unprorated for a member on the plan all along', () => {
    const s = trueUp(capped('100.5'));
    // by hand: 3 months × 100.5 = 301.50; 1,000 earned
    expect(explainStatement(s).split('\n')[4]).toBe(
      '  2. cap c: -698.50 USD — capped at 301.50 (100.50 per month over 3 months to date): 1000.00 earned, ' +
        '-698.50 forfeited [rule v1/c]',
    );
  });

  it('count the first day of a month when the version ends on it', () => {
    const s = trueUp(capped('310'), { version: { effectiveTo: '2026-03-01' } }, '2026-03-01');
    // by hand: January and February in full and March 1 (1 of 31 days): 310 × (1 + 1 + 1/31) = 630
    expect(s.lines.map((l) => l.amount.amount)).toEqual(['1000.00', '-370.00', '0.00']);
  });
});

describe('the period contexts a defined plan keeps', () => {
  const input = (plan: unknown, rest: object = {}) =>
    ({
      plan,
      member,
      period: JAN_2026,
      quota: usd('10000'),
      credits: [credit('k1', '1000', '2026-01-20')],
      asOf: '2026-01-31',
      ...rest,
    }) as StatementInput;

  it('are never handed to an input whose fields print the same but are not strings', () => {
    const plan = definePlan(planOf(RATE));
    calculateStatement(input(plan)); // keeps the context of January 2026, 10,000 USD, as of Jan 31
    const odd: object[] = [
      { period: { start: ['2026-01-01'], end: '2026-01-31' } },
      { period: { start: '2026-01-01', end: ['2026-01-31'] } },
      { quota: { amount: ['10000'], currency: 'USD' } },
      { quota: { amount: '10000', currency: ['USD'] } },
      { asOf: ['2026-01-31'] },
    ];
    for (const rest of odd) {
      const fresh = refusal(() => calculateStatement(input(planOf(RATE), rest)));
      expect(fresh).not.toBe('no error');
      expect(refusal(() => calculateStatement(input(plan, rest)))).toEqual(fresh);
    }
  });

  it('are never handed to an asOf of "" after a statement without asOf (it was accepted then)', () => {
    const plan = definePlan(planOf(RATE));
    const { asOf: _, ...withoutAsOf } = input(plan);
    calculateStatement(withoutAsOf); // keeps the context of January 2026 as of its last day
    const fresh = refusal(() => calculateStatement(input(planOf(RATE), { asOf: '' })));
    expect(fresh).toEqual({
      code: 'INVALID_DATE',
      field: 'asOf',
      message: 'asOf must be a YYYY-MM-DD date or an ISO-8601 instant with an offset, got ""',
    });
    expect(refusal(() => calculateStatement(input(plan, { asOf: '' })))).toEqual(fresh);
  });

  it('keep a true-up apart from the statement of the same month', () => {
    const plan = definePlan(planOf(RATE));
    const march = { period: { start: '2026-03-01', end: '2026-03-31' }, asOf: '2026-03-31', quota: usd('30000') };
    const credits = [credit('k1', '1000', '2026-01-20'), credit('k2', '2000', '2026-03-05')];
    const before = calculateStatement(input(plan, { ...march, credits }));
    const trueUp = calculateStatement(input(plan, { ...march, credits, paidToDate: usd('100') }));
    // by hand: March alone credits 2,000 → 200; the true-up evaluates Jan 1 – Mar 31: 3,000 → 300, less 100 paid
    expect([before.range, before.payable.amount]).toEqual([{ start: '2026-03-01', end: '2026-03-31' }, '200.00']);
    expect([trueUp.range, trueUp.payable.amount]).toEqual([{ start: '2026-01-01', end: '2026-03-31' }, '200.00']);
    expect(trueUp.earned.amount).toBe('300.00');
  });
});

describe('per-credit tiers with a zero quota', () => {
  it('on amounts pay as usual', () => {
    const c = { ...tiered('marginal', 'perCredit', 'higher', [{ from: '0', rate: '0.1' }]), id: 't' };
    // by hand: 1,000 × 10 % = 100
    expect(statement({ quota: usd('0') }, [c]).lines.map((l) => l.amount.amount)).toEqual(['100.00']);
  });

  it('on attainment pay nothing', () => {
    const c = { ...tiered('marginal', 'perCredit', 'higher', [{ from: '0', rate: '0.1' }], 'attainment'), id: 't' };
    const s = statement({ quota: usd('0') }, [c]);
    expect(s.lines.map((l) => [l.amount.amount, l.explanation.detail.rule])).toEqual([['0.00', 'noTier']]);
  });
});

describe('more of the context', () => {
  it('refuses an asOf that picks a version not in force during the period, and a missing quota', () => {
    const plan = planOf(RATE, {
      versions: [
        { id: 'old', effectiveFrom: '2010-01-01', effectiveTo: '2025-12-31', components: RATE },
        { id: 'new', effectiveFrom: '2026-03-01', components: RATE },
      ],
    });
    expect(refusal(() => statement({ plan, asOf: '2025-06-01' }))).toEqual({
      code: 'INVALID_INPUT',
      field: 'asOf',
      message: 'asOf picks version "old", which is not in force during 2026-01-01..2026-01-31, got "2025-06-01"',
    });
    expect(refusal(() => statement({ quota: undefined as unknown as StatementInput['quota'] }))).toEqual({
      code: 'INVALID_INPUT',
      field: 'quota',
      message: 'quota must be a money object { amount, currency }, got undefined',
    });
  });

  it("a version that ends inside the period: a clawback must be known by the version's last day", () => {
    const s = () =>
      statement(
        {
          asOf: '2026-01-10',
          clawbacks: [
            {
              id: 'e',
              dealId: 'D',
              creditDate: '2026-01-02',
              knownDate: '2026-01-25',
              base: usd('100'),
              rate: '0.1',
              paid: usd('10'),
            },
          ],
        },
        RATE,
        { version: { effectiveTo: '2026-01-20', clawback: { schedule: [{ withinDays: 30, share: '1' }] } } },
      );
    expect(refusal(s)).toMatchObject({
      field: 'clawbacks[0] (id "e").knownDate',
      message:
        'clawbacks[0] (id "e").knownDate must fall in the statement\'s period 2026-01-01..2026-01-20 (a clawback is ' +
        'posted when it becomes known), got "2026-01-25"',
    });
  });

  it('a quota with more decimals than the currency is kept as given over a full period', () => {
    const s = statement({ quota: usd('10000.005') });
    // by hand: no proration, so no rounding: 1,000 / 10,000.005
    expect(s.quota.amount).toBe('10000.005');
    expect(s.attainment).toBeCloseTo(1000 / 10000.005, 15);
  });

  it('a true-up prorates a bonus over the year to date', () => {
    const s = calculateStatement({
      plan: planOf([{ id: 'b', kind: 'bonus', steps: [{ atLeast: '0', amount: '300' }] }]),
      member: { ...member, startDate: '2026-02-15' },
      period: { start: '2026-03-01', end: '2026-03-31' },
      quota: usd('30000'),
      credits: [],
      paidToDate: usd('0'),
    });
    // by hand: 45 of the 90 days Jan 1 – Mar 31 (Feb 15 – Mar 31): 300 × 45/90 = 150
    expect(s.lines.map((l) => [l.kind, l.amount.amount])).toEqual([
      ['bonus', '150.00'],
      ['trueUp', '0.00'],
    ]);
  });

  it('per-credit tiers on attainment turn their bounds into amounts of the quota', () => {
    const c = {
      ...tiered(
        'marginal',
        'perCredit',
        'higher',
        [
          { from: '0', to: '0.05', rate: '0.01' },
          { from: '0.05', rate: '0.02' },
        ],
        'attainment',
      ),
      id: 't',
    };
    // by hand: 5 % of 10,000 = 500: the credit of 1,000 has 500 × 1 % = 5 and 500 × 2 % = 10
    expect(statement({}, [c]).lines.map((l) => [l.explanation.tier?.from, l.amount.amount])).toEqual([
      ['0.00', '5.00'],
      ['500.00', '10.00'],
    ]);
  });

  it('summaries keep per-tier sums only for per-credit tiers a statement pays from', () => {
    const period = { ...tiered('marginal', 'periodToDate', 'higher', [{ from: '0', rate: '0.1' }]), id: 'p' };
    const zero = { ...tiered('marginal', 'perCredit', 'higher', [{ from: '0', rate: '0.1' }], 'attainment'), id: 'z' };
    const context = { plan: planOf([period, zero]), member, period: JAN_2026, quota: usd('0') };
    expect(summarizeStatement([credit('k1', '1000', '2026-01-20')], context).components).toEqual({
      p: { base: '1000', units: 0, creditIds: ['k1'] },
      z: { base: '1000', units: 0, creditIds: ['k1'] },
    });
  });

  it('summarizeStatement and finalizeStatement name a context that is not an object', () => {
    const summary = summarizeStatement([], { plan: planOf(RATE), member, period: JAN_2026, quota: usd('1') });
    for (const f of [() => summarizeStatement([], null as never), () => finalizeStatement(summary, null as never)])
      expect(refusal(f)).toEqual({
        code: 'INVALID_INPUT',
        field: 'context',
        message: 'context must be an object, got null',
      });
  });
});

describe('amounts as given', () => {
  it('a true-up of one whole month keeps a team threshold as the plan gives it', () => {
    const s = calculateStatement({
      plan: planOf([{ id: 'o', kind: 'override', rate: '0.05', teamThreshold: '1000.005' }]),
      member,
      period: JAN_2026,
      quota: usd('10000'),
      credits: [credit('m1', '2000', '2026-01-20', { kind: 'rollup' })],
      paidToDate: usd('0'),
    });
    const d = s.lines[0]?.explanation.detail;
    // by hand: January alone is one whole month: the threshold 1,000.005 as is; (2,000 − 1,000.005) × 5 % = 49.99975
    expect([d?.rule === 'override' && d.threshold?.amount, s.lines[0]?.amount.amount]).toEqual(['1000.005', '50.00']);
  });
});
