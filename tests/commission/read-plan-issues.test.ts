/**
 * definePlan's reading of a plan's shape (src/commission/read-plan.ts): every problem of a plan
 * that gets every field wrong, each with its path and message, in the order they are read; and
 * what a plan given with numbers and defaults reads back as.
 */
import { describe, expect, it } from 'vitest';
import { definePlan } from '../../src/commission/index.js';

/** The issues definePlan lists for `spec` (`path: message`). */
function issues(spec: unknown): string[] {
  try {
    definePlan(spec as never);
  } catch (e) {
    const err = e as { code: string; issues: { path: (string | number)[]; message: string }[] };
    expect(err.code).toBe('INVALID_PLAN');
    return err.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  }
  return [];
}

const component = {
  id: 7,
  name: '',
  kind: 'rate',
  rate: '5%',
  kinds: ['boss'],
  measure: 'x',
  filter: {
    products: [],
    dealTypes: ['x'],
    segments: ['x'],
    newLogo: 'y',
    minTermMonths: 0,
    activities: [''],
    z: 1,
  },
  cap: { amount: 'x', mode: 'x' },
  floor: 'x',
  gate: true,
  gateOn: 'x',
  multipliers: [{ id: '', factor: 'x', when: 'x' }],
  weight: null,
};
const version = {
  id: 'x'.repeat(201),
  effectiveFrom: '2026-02-30',
  effectiveTo: 20260101,
  attainment: { kinds: [], measure: 'x', bad: 1 },
  components: [
    null,
    { kind: 'commission' },
    component,
    { id: 't', kind: 'tiered', basis: 'x', split: 'x', scope: 'x', boundary: 'x', tiers: [{ from: 'x', to: 'x' }, 1] },
    { id: 'b', kind: 'bonus', steps: [{ atLeast: 'x', amount: 'x' }] },
    { id: 'b2', kind: 'bonus', steps: [] },
    { id: 's', kind: 'spiff', window: { start: '2026-03-01', end: '2026-02-01' } },
    { id: 's2', kind: 'spiff', window: 'x' },
    { id: 's3', kind: 'spiff', window: { start: 'x', end: '2026-02-01' }, rate: 'x', amountPerCredit: 'x' },
    { id: 'o', kind: 'override', rate: 'x', teamThreshold: 'x', thresholdMode: 'x' },
    { id: 'u', kind: 'perUnit', amountPerUnit: 'x' },
  ],
  draw: { type: 'x', amount: 'a', start: 'b', end: 'c', recoveryStart: 'd', recoveryShare: 'e', recoveryCap: 'f' },
  clawback: { basis: 'x', schedule: [{ withinDays: 0, share: 'x' }, null], reducesAttainment: 'yes' },
  prorate: 'yes',
  proration: 'weeks',
  payableOn: 'x',
};

describe('definePlan reads the shape', () => {
  it('lists every problem of a plan that gets every field wrong, with its path', () => {
    const spec = {
      id: '',
      name: '',
      currency: 'usd',
      periodLength: 'week',
      fiscalYearStartMonth: 0,
      rounding: 'up',
      extra: 1,
      versions: [version, 'v'],
    };
    expect(issues(spec)).toEqual([
      'extra: unknown key "extra"',
      'currency: must be an ISO 4217 currency code such as USD, got "usd"',
      'id: must be a string of 1 to 200 characters, got ""',
      'name: must be a non-empty string, got ""',
      "periodLength: must be one of 'month', 'quarter', 'year', got \"week\"",
      'fiscalYearStartMonth: must be an integer from 1 to 12, got 0',
      "rounding: must be one of 'halfAwayFromZero', 'halfEven', 'halfTowardZero', 'halfUp', 'halfDown', " +
        "'awayFromZero', 'towardZero', 'ceiling', 'floor', got \"up\"",
      'versions.0.attainment.bad: unknown key "bad"',
      'versions.0.attainment.kinds: must have at least 1 item',
      "versions.0.attainment.measure: must be one of 'bookings', 'revenue', 'acv', 'margin', 'units', 'custom', " +
        'got "x"',
      "versions.0.draw.type: must be one of 'recoverable', 'nonRecoverable', 'recoverableGuarantee', " +
        '\'nonRecoverableGuarantee\', got "x"',
      'versions.0.draw.amount: must be a finite decimal number such as "0.035", got "a"',
      'versions.0.draw.start: must be a calendar date YYYY-MM-DD, got "b"',
      'versions.0.draw.end: must be a calendar date YYYY-MM-DD, got "c"',
      'versions.0.draw.recoveryStart: must be a calendar date YYYY-MM-DD, got "d"',
      'versions.0.draw.recoveryShare: must be a finite decimal number such as "0.035", got "e"',
      'versions.0.draw.recoveryCap: must be a finite decimal number such as "0.035", got "f"',
      "versions.0.clawback.basis: must be one of 'schedule', 'unservedTerm', got \"x\"",
      'versions.0.clawback.schedule.0.withinDays: must be an integer from 1, got 0',
      'versions.0.clawback.schedule.0.share: must be a finite decimal number such as "0.035", got "x"',
      'versions.0.clawback.schedule.1: must be an object, got null',
      'versions.0.clawback.reducesAttainment: must be true or false, got "yes"',
      'versions.0.id: must be a string of 1 to 200 characters, got ' +
        '"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx..."',
      'versions.0.effectiveFrom: must be a calendar date YYYY-MM-DD, got "2026-02-30"',
      'versions.0.effectiveTo: must be a calendar date YYYY-MM-DD, got 20260101',
      'versions.0.components.0: must be an object, got null',
      "versions.0.components.1.kind: must be one of 'rate', 'tiered', 'perUnit', 'bonus', 'spiff', 'override', " +
        'got "commission"',
      'versions.0.components.2.id: must be a string of 1 to 200 characters, got 7',
      'versions.0.components.2.name: must be a non-empty string, got ""',
      "versions.0.components.2.kinds.0: must be one of 'owner', 'split', 'overlay', 'source', 'rollup', got " +
        '"boss"',
      "versions.0.components.2.measure: must be one of 'bookings', 'revenue', 'acv', 'margin', 'units', " +
        '\'custom\', got "x"',
      'versions.0.components.2.filter.z: unknown key "z"',
      'versions.0.components.2.filter.products: must have at least 1 item',
      "versions.0.components.2.filter.dealTypes.0: must be one of 'new', 'renewal', 'expansion', got \"x\"",
      "versions.0.components.2.filter.segments.0: must be one of 'b2c', 'b2b', 'enterprise', 'saas', got \"x\"",
      'versions.0.components.2.filter.newLogo: must be true or false, got "y"',
      'versions.0.components.2.filter.minTermMonths: must be an integer from 1, got 0',
      'versions.0.components.2.filter.activities.0: must be a non-empty string, got ""',
      'versions.0.components.2.cap.amount: must be a finite decimal number such as "0.035", got "x"',
      "versions.0.components.2.cap.mode: must be one of 'forfeit', 'defer', got \"x\"",
      'versions.0.components.2.floor: must be a finite decimal number such as "0.035", got "x"',
      'versions.0.components.2.gate: must be a finite decimal number such as "0.035", got true',
      "versions.0.components.2.gateOn: must be one of 'period', 'toDate', got \"x\"",
      'versions.0.components.2.multipliers.0.id: must be a string of 1 to 200 characters, got ""',
      'versions.0.components.2.multipliers.0.factor: must be a finite decimal number such as "0.035", got "x"',
      'versions.0.components.2.multipliers.0.when: must be an object, got "x"',
      'versions.0.components.2.weight: must be a finite decimal number such as "0.035", got null',
      'versions.0.components.2.rate: must be a finite decimal number such as "0.035", got "5%"',
      "versions.0.components.3.basis: must be one of 'attainment', 'amount', got \"x\"",
      "versions.0.components.3.split: must be one of 'marginal', 'retroactive', 'interpolated', got \"x\"",
      "versions.0.components.3.scope: must be one of 'perCredit', 'periodToDate', 'yearToDate', got \"x\"",
      "versions.0.components.3.boundary: must be one of 'lower', 'higher', got \"x\"",
      'versions.0.components.3.tiers.0.from: must be a finite decimal number such as "0.035", got "x"',
      'versions.0.components.3.tiers.0.to: must be a finite decimal number such as "0.035", got "x"',
      'versions.0.components.3.tiers.0.rate: must be a finite decimal number such as "0.035", got undefined',
      'versions.0.components.3.tiers.1: must be an object, got 1',
      'versions.0.components.4.steps.0.atLeast: must be a finite decimal number such as "0.035", got "x"',
      'versions.0.components.4.steps.0.amount: must be a finite decimal number such as "0.035", got "x"',
      'versions.0.components.5.steps: must have at least 1 item',
      'versions.0.components.6.window.end: end must not be before start',
      'versions.0.components.7.window: must be an object, got "x"',
      'versions.0.components.8.window.start: must be a calendar date YYYY-MM-DD, got "x"',
      'versions.0.components.8.rate: must be a finite decimal number such as "0.035", got "x"',
      'versions.0.components.8.amountPerCredit: must be a finite decimal number such as "0.035", got "x"',
      'versions.0.components.9.rate: must be a finite decimal number such as "0.035", got "x"',
      'versions.0.components.9.teamThreshold: must be a finite decimal number such as "0.035", got "x"',
      "versions.0.components.9.thresholdMode: must be one of 'excess', 'all', got \"x\"",
      'versions.0.components.10.amountPerUnit: must be a finite decimal number such as "0.035", got "x"',
      'versions.0.prorate: must be true or false, got "yes"',
      "versions.0.proration: must be one of 'days', 'months', got \"weeks\"",
      "versions.0.payableOn: must be one of 'booking', 'payment', got \"x\"",
      'versions.1: must be an object, got "v"',
    ]);
  });

  it('refuses what is not an object at each level, and empty lists', () => {
    expect([
      issues(null),
      issues([]),
      issues({ id: 'p', currency: 'USD', periodLength: 'month', versions: [] }),
      issues({ id: 'p', currency: 'USD', periodLength: 'month', versions: 'v' }),
      issues({ id: 'p', currency: 'USD', periodLength: 'month', fiscalYearStartMonth: 12.5, versions: [] }),
      issues({ id: 'p', currency: 'USD', periodLength: 'month', fiscalYearStartMonth: 13, versions: [{}] }),
    ]).toEqual([
      [': must be an object, got null'],
      [': must be an object, got []'],
      ['versions: must have at least 1 item'],
      ['versions: must be an array, got "v"'],
      ['fiscalYearStartMonth: must be an integer from 1 to 12, got 12.5', 'versions: must have at least 1 item'],
      [
        'fiscalYearStartMonth: must be an integer from 1 to 12, got 13',
        'versions.0.id: must be a string of 1 to 200 characters, got undefined',
        'versions.0.effectiveFrom: must be a calendar date YYYY-MM-DD, got undefined',
        'versions.0.components: must be an array, got undefined',
      ],
    ]);
  });

  it('a component that is not an object, or whose kind is not a string (a list holding a kind is not one)', () => {
    const plan = (components: unknown[]) => ({
      id: 'p',
      currency: 'USD',
      periodLength: 'month',
      versions: [{ id: 'v', effectiveFrom: '2026-01-01', components }],
    });
    expect(issues(plan([undefined, 5, 'rate', { id: 'k', kind: ['rate'], rate: '0.1' }]))).toEqual([
      'versions.0.components.0: must be an object, got undefined',
      'versions.0.components.1: must be an object, got 5',
      'versions.0.components.2: must be an object, got "rate"',
      expect.stringMatching(/^versions\.0\.components\.3\.kind: must be one of 'rate', .*, got \["rate"\]$/),
    ]);
  });

  it('a fraction where an integer is due, a list carrying a kind, a decimal that is a bigint or a boolean', () => {
    const plan = (components: unknown[], extra: object = {}) => ({
      id: 'p',
      currency: 'USD',
      periodLength: 'month',
      ...extra,
      versions: [{ id: 'v', effectiveFrom: '2026-01-01', components }],
    });
    const rate = (r: unknown) => ({ id: 'c', kind: 'rate', rate: r });
    expect([
      issues(plan([], { fiscalYearStartMonth: 6.5 })),
      issues(plan([Object.assign([], { kind: 'rate' })])),
      issues(plan([rate(10n), rate(true)])),
    ]).toEqual([
      ['fiscalYearStartMonth: must be an integer from 1 to 12, got 6.5'],
      ['versions.0.components.0: must be an object, got []'],
      [
        'versions.0.components.0.rate: must be a finite decimal number such as "0.035", got 10n',
        'versions.0.components.1.rate: must be a finite decimal number such as "0.035", got true',
      ],
    ]);
  });

  it('reads numbers as canonical decimal strings and fills in the defaults', () => {
    const plan = definePlan({
      id: 'p',
      currency: 'USD',
      periodLength: 'month',
      versions: [
        {
          id: 'v',
          effectiveFrom: '2026-01-01',
          components: [
            { id: 'c', kind: 'rate', rate: 0.1, filter: { minTermMonths: 12 } },
            { id: 'b', kind: 'bonus', steps: [{ atLeast: 1.5, amount: 100 }] },
          ],
          clawback: { schedule: [{ withinDays: 30, share: 1 }] },
        },
      ],
    } as never);
    expect(JSON.parse(JSON.stringify(plan))).toEqual({
      id: 'p',
      currency: 'USD',
      periodLength: 'month',
      fiscalYearStartMonth: 1,
      rounding: 'halfAwayFromZero',
      versions: [
        {
          id: 'v',
          effectiveFrom: '2026-01-01',
          components: [
            { id: 'c', kind: 'rate', rate: '0.1', filter: { minTermMonths: 12 } },
            { id: 'b', kind: 'bonus', steps: [{ atLeast: '1.5', amount: '100' }] },
          ],
          clawback: { schedule: [{ withinDays: 30, share: '1' }], reducesAttainment: false },
          prorate: true,
        },
      ],
    });
  });
});

describe('definePlan accepts each bound', () => {
  it('an id of 200 characters, months 1 and 12, a step of 1 day, a one-day spiff window, a term of 1 month', () => {
    const plan = (fiscalYearStartMonth: number) => ({
      id: 'p'.repeat(200),
      currency: 'USD',
      periodLength: 'month',
      fiscalYearStartMonth,
      versions: [
        {
          id: 'v',
          effectiveFrom: '2026-01-01',
          components: [
            {
              id: 's',
              kind: 'spiff',
              window: { start: '2026-01-05', end: '2026-01-05' },
              rate: '0.1',
              filter: { minTermMonths: 1 },
            },
          ],
          clawback: { schedule: [{ withinDays: 1, share: '1' }] },
        },
      ],
    });
    expect([issues(plan(1)), issues(plan(12))]).toEqual([[], []]);
  });

  it('decimals in any form a number takes, written canonically', () => {
    const plan = definePlan({
      id: 'p',
      currency: 'USD',
      periodLength: 'month',
      versions: [
        {
          id: 'v',
          effectiveFrom: '2026-01-01',
          components: [
            { id: 'a', kind: 'rate', rate: '0.10' },
            { id: 'b', kind: 'rate', rate: '1e-2' },
            { id: 'c', kind: 'rate', rate: '-0' },
            { id: 'd', kind: 'rate', rate: 2.5e-3 },
          ],
        },
      ],
    } as never);
    expect(plan.versions[0]?.components.map((c) => (c as { rate: string }).rate)).toEqual([
      '0.1',
      '0.01',
      '0',
      '0.0025',
    ]);
  });
});

describe('definePlan reads names as text', () => {
  it('refuses a name that is not a string', () => {
    expect(issues({ id: 'p', name: 7, currency: 'USD', periodLength: 'month', versions: [] })).toEqual([
      'name: must be a non-empty string, got 7',
      'versions: must have at least 1 item',
    ]);
  });
});

describe('definePlan names each part that is not an object', () => {
  it('a cap, multiplier, tier, step, window end, attainment, draw and clawback', () => {
    const spec = {
      id: 'p',
      currency: 'USD',
      periodLength: 'month',
      versions: [
        {
          id: 'v',
          effectiveFrom: '2026-01-01',
          attainment: 'x',
          draw: 'x',
          clawback: 'x',
          components: [
            { id: 'c', kind: 'rate', rate: '0.1', cap: 'x', multipliers: ['x'] },
            {
              id: 't',
              kind: 'tiered',
              basis: 'amount',
              split: 'marginal',
              scope: 'perCredit',
              boundary: 'higher',
              tiers: ['x'],
            },
            { id: 'b', kind: 'bonus', steps: ['x'] },
            { id: 's', kind: 'spiff', window: { start: '2026-01-01', end: 'x' }, rate: '0.1' },
          ],
        },
      ],
    };
    expect(issues(spec)).toEqual([
      'versions.0.attainment: must be an object, got "x"',
      'versions.0.draw: must be an object, got "x"',
      'versions.0.clawback: must be an object, got "x"',
      'versions.0.components.0.cap: must be an object, got "x"',
      'versions.0.components.0.multipliers.0: must be an object, got "x"',
      'versions.0.components.1.tiers.0: must be an object, got "x"',
      'versions.0.components.2.steps.0: must be an object, got "x"',
      'versions.0.components.3.window.end: must be a calendar date YYYY-MM-DD, got "x"',
    ]);
  });
});
