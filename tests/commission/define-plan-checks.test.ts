/**
 * definePlan's checks one by one, each at its boundary: the value just allowed passes, the value
 * just past it is refused with its path and message (the path is what a plan author fixes), and
 * the error lists the first problems in its message.
 */
import { describe, expect, it } from 'vitest';
import { definePlan, planVersionAsOf } from '../../src/commission/index.js';
import type { Plan, PlanInput } from '../../src/model/plan.js';
import { planOf } from './helpers.js';

type Components = Parameters<typeof planOf>[0];
type Version = PlanInput['versions'][number];

/** The issues definePlan lists for `plan` (`path: message`), or `[]` when it accepts the plan. */
function issues(plan: PlanInput): string[] {
  try {
    definePlan(plan);
    return [];
  } catch (e) {
    const err = e as { code: string; issues: { path: (string | number)[]; message: string }[] };
    expect(err.code).toBe('INVALID_PLAN');
    return err.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  }
}

const of = (c: Components, version: Partial<Version> = {}) => issues(planOf(c, { version }));
const rate = (extra: object = {}): Components[number] => ({ id: 'c', kind: 'rate', rate: '0.1', ...extra });
const tiers = (t: { from: string; to?: string; rate: string }[]): Components[number] => ({
  id: 't',
  kind: 'tiered',
  basis: 'amount',
  split: 'marginal',
  scope: 'periodToDate',
  boundary: 'higher',
  tiers: t,
});

describe('definePlan checks a component', () => {
  it('gate, floor, cap and weight at their bounds', () => {
    expect([
      of([rate({ gate: '0', floor: '0', cap: { amount: '0', mode: 'forfeit' } })]),
      of([rate({ gate: '-0.1', gateOn: 'toDate' })]),
      of([rate({ gateOn: 'period' })]),
      of([rate({ floor: '-1' })]),
      of([rate({ floor: '1.001' })]),
      of([rate({ cap: { amount: '-1', mode: 'forfeit' } })]),
      of([rate({ cap: { amount: '1.001', mode: 'defer' } })]),
      of([rate({ cap: { amount: '100', mode: 'forfeit' }, floor: '100' })]),
      of([rate({ cap: { amount: '99.99', mode: 'forfeit' }, floor: '100' })]),
      of([rate({ weight: '0' })]),
      of([rate({ weight: '-1' })]),
    ]).toEqual([
      [],
      ['versions.0.components.0.gate: must not be negative, got -0.1'],
      ['versions.0.components.0.gateOn: is set but gate is not'],
      ['versions.0.components.0.floor: must not be negative, got -1'],
      ['versions.0.components.0.floor: must be in whole minor units (2 decimals), got 1.001'],
      ['versions.0.components.0.cap.amount: must not be negative, got -1'],
      ['versions.0.components.0.cap.amount: must be in whole minor units (2 decimals), got 1.001'],
      [],
      ['versions.0.components.0.cap.amount: cap 99.99 is below floor 100'],
      [
        'versions.0.components.0.weight: must be positive, got 0',
        'versions.0.components: weights of weighted components must total 1 (100%), got 0',
      ],
      [
        'versions.0.components.0.weight: must be positive, got -1',
        'versions.0.components: weights of weighted components must total 1 (100%), got -1',
      ],
    ]);
  });

  it('multipliers, rates and amounts of each kind', () => {
    const m = (id: string, factor: string) => ({ id, factor, when: {} });
    expect([
      of([rate({ multipliers: [m('a', '0'), m('b', '1.2')] })]),
      of([rate({ multipliers: [m('a', '1'), m('a', '-1')] })]),
      of([rate({ rate: '-0.1' })]),
      of([{ id: 'u', kind: 'perUnit', amountPerUnit: '-1' }]),
      of([{ id: 'o', kind: 'override', rate: '-0.1', teamThreshold: '-1' }]),
      of([{ id: 'o', kind: 'override', rate: '0.1', thresholdMode: 'all' }]),
      of([{ id: 's', kind: 'spiff', window: { start: '2026-01-01', end: '2026-01-31' }, rate: '-1' }]),
      of([
        {
          id: 's',
          kind: 'spiff',
          window: { start: '2026-01-01', end: '2026-01-31' },
          rate: '0.1',
          amountPerCredit: '1',
        },
      ]),
      of([{ id: 's', kind: 'spiff', window: { start: '2026-01-01', end: '2026-01-31' }, amountPerCredit: '-1' }]),
    ]).toEqual([
      [],
      [
        'versions.0.components.0.multipliers.1.id: duplicate multiplier id "a"',
        'versions.0.components.0.multipliers.1.factor: must not be negative, got -1',
      ],
      ['versions.0.components.0.rate: must not be negative, got -0.1'],
      ['versions.0.components.0.amountPerUnit: must not be negative, got -1'],
      [
        'versions.0.components.0.rate: must not be negative, got -0.1',
        'versions.0.components.0.teamThreshold: must not be negative, got -1',
      ],
      ['versions.0.components.0.thresholdMode: is set but teamThreshold is not'],
      ['versions.0.components.0.rate: must not be negative, got -1'],
      ['versions.0.components.0: a spiff needs exactly one of rate or amountPerCredit'],
      ['versions.0.components.0.amountPerCredit: must not be negative, got -1'],
    ]);
  });

  it('bonus steps: not negative, in whole minor units, rising', () => {
    const bonus = (steps: { atLeast: string; amount: string }[]): Components[number] => ({
      id: 'b',
      kind: 'bonus',
      steps,
    });
    expect([
      of([bonus([{ atLeast: '0', amount: '0' }])]),
      of([bonus([{ atLeast: '-0.1', amount: '-1' }])]),
      of([bonus([{ atLeast: '0.5', amount: '1.001' }])]),
      of([
        bonus([
          { atLeast: '0.5', amount: '1' },
          { atLeast: '0.5', amount: '2' },
          { atLeast: '0.4', amount: '3' },
        ]),
      ]),
    ]).toEqual([
      [],
      [
        'versions.0.components.0.steps.0.atLeast: must not be negative, got -0.1',
        'versions.0.components.0.steps.0.amount: must not be negative, got -1',
      ],
      ['versions.0.components.0.steps.0.amount: must be in whole minor units (2 decimals), got 1.001'],
      [
        'versions.0.components.0.steps.1.atLeast: steps must rise: 0.5 does not exceed 0.5',
        'versions.0.components.0.steps.2.atLeast: steps must rise: 0.4 does not exceed 0.5',
      ],
    ]);
  });

  it('tiers: from zero, rising without gaps or overlaps, open-ended last, year to date on amounts', () => {
    expect([
      of([tiers([{ from: '0', rate: '0' }])]),
      of([tiers([{ from: '-1', rate: '-0.1' }])]),
      of([
        tiers([
          { from: '0', to: '0', rate: '0.1' },
          { from: '0', rate: '0.1' },
        ]),
      ]),
      of([
        tiers([
          { from: '0', to: '10', rate: '0.1' },
          { from: '10', to: '20', rate: '0.1' },
        ]),
      ]),
      of([
        tiers([
          { from: '0', rate: '0.1' },
          { from: '10', rate: '0.1' },
        ]),
      ]),
      of([{ ...tiers([{ from: '0', rate: '0.1' }]), scope: 'yearToDate', basis: 'attainment' } as Components[number]]),
    ]).toEqual([
      [],
      [
        'versions.0.components.0.tiers.0.rate: must not be negative, got -0.1',
        'versions.0.components.0.tiers.0.from: first tier must not start below 0, got -1',
      ],
      ['versions.0.components.0.tiers.0.to: must be above from 0, got 0'],
      [
        'versions.0.components.0.tiers.1.to: the last tier must be open-ended (no "to"), so that every amount ' +
          'falls in a tier (revops rule); got 20: limit pay with a cap instead',
      ],
      ['versions.0.components.0.tiers.0.to: only the last tier may be open-ended'],
      [
        "versions.0.components.0.scope: yearToDate scope needs basis 'amount': the year-to-date value carried in " +
          '(carriedIn) is an amount, and attainment bounds would need a year-to-date quota a period statement does ' +
          'not have (revops rule; use periodToDate for attainment tiers)',
      ],
    ]);
  });
});

describe('definePlan checks a version', () => {
  it('dates, proration and weights', () => {
    expect([
      of([], { effectiveFrom: '2026-01-01', effectiveTo: '2026-01-01' }),
      of([], { effectiveFrom: '2026-01-02', effectiveTo: '2026-01-01' }),
      of([], { prorate: false, proration: 'days' }),
      of([rate({ weight: '0.5' }), { ...rate({ weight: '0.5' }), id: 'd' }]),
      of([rate({ weight: '0.5' }), { ...rate({ weight: '0.49' }), id: 'd' }]),
      of([rate({ weight: '0.5' }), { ...rate(), id: 'd' }]),
    ]).toEqual([
      [],
      ['versions.0.effectiveTo: must not be before effectiveFrom 2026-01-02, got 2026-01-01'],
      ["versions.0.proration: has no effect when prorate is false, got 'days'"],
      [],
      ['versions.0.components: weights of weighted components must total 1 (100%), got 0.99'],
      ['versions.0.components: weights of weighted components must total 1 (100%), got 0.5'],
    ]);
  });

  it('a draw: amount, end, recovery settings', () => {
    type Draw = NonNullable<Version['draw']>;
    const draw = (d: Partial<Draw>) =>
      of([], { draw: { type: 'recoverable', amount: '1', start: '2026-01-01', ...d } });
    expect([
      draw({ end: '2026-01-01', recoveryStart: '2026-01-01', recoveryShare: '1', recoveryCap: '0' }),
      draw({ amount: '0' }),
      draw({ amount: '1.001' }),
      draw({ end: '2025-12-31' }),
      draw({ recoveryStart: '2025-12-31' }),
      draw({ recoveryShare: '0' }),
      draw({ recoveryShare: '1.0001' }),
      draw({ recoveryCap: '-1' }),
      draw({ type: 'nonRecoverable', recoveryStart: '2026-02-01', recoveryShare: '0.5', recoveryCap: '1' }),
      draw({ type: 'nonRecoverableGuarantee', recoveryShare: '0.5' }),
      draw({ type: 'recoverableGuarantee', recoveryShare: '0.5' }),
    ]).toEqual([
      [],
      ['versions.0.draw.amount: must be positive, got 0'],
      ['versions.0.draw.amount: must be in whole minor units, got 1.001'],
      ['versions.0.draw.end: must not be before start 2026-01-01, got 2025-12-31'],
      ['versions.0.draw.recoveryStart: must not be before start 2026-01-01, got 2025-12-31'],
      ['versions.0.draw.recoveryShare: must be in (0, 1], got 0'],
      ['versions.0.draw.recoveryShare: must be in (0, 1], got 1.0001'],
      ['versions.0.draw.recoveryCap: must not be negative, got -1'],
      [
        'versions.0.draw.recoveryStart: has no effect on a nonRecoverable draw (nothing is recovered)',
        'versions.0.draw.recoveryShare: has no effect on a nonRecoverable draw (nothing is recovered)',
        'versions.0.draw.recoveryCap: has no effect on a nonRecoverable draw (nothing is recovered)',
      ],
      ['versions.0.draw.recoveryShare: has no effect on a nonRecoverableGuarantee draw (nothing is recovered)'],
      [],
    ]);
  });

  it('a clawback policy: a schedule for its basis, shares in [0, 1], rising days', () => {
    const claw = (clawback: NonNullable<Version['clawback']>) => of([], { clawback });
    expect([
      claw({
        schedule: [
          { withinDays: 30, share: '1' },
          { withinDays: 31, share: '0' },
        ],
      }),
      claw({}),
      claw({ basis: 'schedule' }),
      claw({ basis: 'unservedTerm' }),
      claw({ basis: 'unservedTerm', schedule: [{ withinDays: 30, share: '1' }] }),
      claw({
        schedule: [
          { withinDays: 30, share: '-0.1' },
          { withinDays: 30, share: '1.1' },
          { withinDays: 29, share: '1' },
        ],
      }),
    ]).toEqual([
      [],
      ["versions.0.clawback.schedule: is required with basis 'schedule'"],
      ["versions.0.clawback.schedule: is required with basis 'schedule'"],
      [],
      [
        "versions.0.clawback.schedule: has no effect with basis 'unservedTerm' (the share is the unserved part " +
          'of the term)',
      ],
      [
        'versions.0.clawback.schedule.0.share: must be in [0, 1], got -0.1',
        'versions.0.clawback.schedule.1.share: must be in [0, 1], got 1.1',
        'versions.0.clawback.schedule.1.withinDays: must rise: 30 after 30',
        'versions.0.clawback.schedule.2.withinDays: must rise: 29 after 30',
      ],
    ]);
  });
});

describe('definePlan checks the versions together', () => {
  const v = (id: string, effectiveFrom: string, effectiveTo?: string): Version => ({
    id,
    effectiveFrom,
    ...(effectiveTo === undefined ? {} : { effectiveTo }),
    components: [],
  });
  const plan = (versions: Version[]): PlanInput => ({ id: 'p', currency: 'USD', periodLength: 'month', versions });

  it('ids and dates: adjacent versions pass, a shared day or an open end before another does not', () => {
    expect([
      issues(plan([v('b', '2026-02-01'), v('a', '2026-01-01', '2026-01-31')])),
      issues(plan([v('a', '2026-01-01', '2026-02-01'), v('b', '2026-02-01')])),
      issues(plan([v('a', '2026-01-01'), v('b', '2026-03-01')])),
      issues(plan([v('a', '2026-03-01'), v('b', '2026-03-01', '2026-03-31')])),
      issues(plan([v('a', '2026-01-01', '2026-01-31'), v('a', '2026-02-01')])),
    ]).toEqual([
      [],
      ['versions.1.effectiveFrom: versions "a" and "b" are both in force on 2026-02-01'],
      ['versions.1.effectiveFrom: versions "a" and "b" are both in force on 2026-03-01'],
      ['versions.1.effectiveFrom: versions "a" and "b" are both in force on 2026-03-01'],
      ['versions.1.id: duplicate version id "a"'],
    ]);
  });

  it('the error: its code, its field (the first problem) and the first five problems in its message', () => {
    const many = plan(Array.from({ length: 7 }, (_, i) => v(`v${i}`, '2026-01-01', '2025-01-01')));
    let error: { message: string; field: string; issues: unknown[] } | undefined;
    try {
      definePlan(many);
    } catch (e) {
      error = e as typeof error;
    }
    expect([error?.field, error?.issues.length, error?.message]).toEqual([
      'versions.0.effectiveTo',
      7,
      'Invalid plan: versions.0.effectiveTo: must not be before effectiveFrom 2026-01-01, got 2025-01-01; ' +
        'versions.1.effectiveTo: must not be before effectiveFrom 2026-01-01, got 2025-01-01; ' +
        'versions.2.effectiveTo: must not be before effectiveFrom 2026-01-01, got 2025-01-01; ' +
        'versions.3.effectiveTo: must not be before effectiveFrom 2026-01-01, got 2025-01-01; ' +
        'versions.4.effectiveTo: must not be before effectiveFrom 2026-01-01, got 2025-01-01; and 2 more (see ' +
        'error.issues)',
    ]);
  });

  it('planVersionAsOf on a plan not checked by definePlan: none or several versions in force', () => {
    const unchecked = plan([v('a', '2026-01-01'), v('b', '2026-01-01'), v('c', '2025-01-01')]) as unknown as Plan;
    const refusal = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        const err = e as { code: string; field: string; message: string; issues: unknown[] };
        return [err.code, err.field, err.message, err.issues];
      }
      return 'no error';
    };
    expect([
      refusal(() => planVersionAsOf(unchecked, '2026-01-01')),
      refusal(() => planVersionAsOf(unchecked, '2024-12-31')),
    ]).toEqual([
      [
        'INVALID_PLAN',
        'versions',
        'versions "a" and "b" (and 1 more) of plan "p" are in force on 2026-01-01',
        [
          {
            path: ['versions', 0],
            message: 'in force on 2026-01-01',
            code: 'INVALID_PLAN',
          },
          {
            path: ['versions', 1],
            message: 'in force on 2026-01-01',
            code: 'INVALID_PLAN',
          },
          {
            path: ['versions', 2],
            message: 'in force on 2026-01-01',
            code: 'INVALID_PLAN',
          },
        ],
      ],
      ['INVALID_INPUT', 'asOf', 'asOf: no version of plan "p" is in force on 2024-12-31', []],
    ]);
  });
});

describe('the paths of definePlan issues', () => {
  it('have one segment per key or index, as the shape issues do (was "steps[0].amount" as one segment)', () => {
    const plan = planOf([
      { id: 'c', kind: 'rate', rate: '0.1', cap: { amount: '-1', mode: 'forfeit' } },
      { id: 'b', kind: 'bonus', steps: [{ atLeast: '-1', amount: '0.001' }] },
      { id: 'm', kind: 'rate', rate: '0.1', multipliers: [{ id: 'x', factor: '-1', when: {} }] },
      {
        id: 't',
        kind: 'tiered',
        basis: 'amount',
        split: 'marginal',
        scope: 'perCredit',
        boundary: 'higher',
        tiers: [{ from: '0', rate: '-1' }],
      },
    ]);
    let paths: unknown;
    try {
      definePlan(plan);
    } catch (e) {
      paths = (e as { issues: { path: unknown }[] }).issues.map((i) => i.path);
    }
    const c = (i: number) => ['versions', 0, 'components', i];
    expect(paths).toEqual([
      [...c(0), 'cap', 'amount'],
      [...c(1), 'steps', 0, 'atLeast'],
      [...c(1), 'steps', 0, 'amount'],
      [...c(2), 'multipliers', 0, 'factor'],
      [...c(3), 'tiers', 0, 'rate'],
    ]);
  });
});

describe('definePlan returns and refuses', () => {
  it('a deeply frozen plan, and leaves the input as it was', () => {
    const input = planOf([
      {
        id: 't',
        kind: 'tiered',
        basis: 'amount',
        split: 'marginal',
        scope: 'perCredit',
        boundary: 'higher',
        tiers: [{ from: '0', rate: '0.1' }],
      },
    ]);
    const plan = definePlan(input);
    const c = plan.versions[0]?.components[0] as { tiers: object[] };
    expect([plan, plan.versions, plan.versions[0], c, c.tiers, c.tiers[0]].map((o) => Object.isFrozen(o))).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
    ]);
    expect([Object.isFrozen(input), Object.isFrozen(input.versions[0])]).toEqual([false, false]);
    expect(Object.keys(plan)).toEqual([
      'id',
      'currency',
      'periodLength',
      'fiscalYearStartMonth',
      'rounding',
      'versions',
    ]);
  });

  it('a key of 300 characters: the message cuts the problem to 200 characters, the field to 200', () => {
    const key = 'k'.repeat(300);
    let error: { message: string; field: string } | undefined;
    try {
      definePlan({ ...planOf([]), [key]: 1 } as never);
    } catch (e) {
      error = e as typeof error;
    }
    const line = `${key}: unknown key "${'k'.repeat(57)}..."`;
    expect(error?.message).toBe(`Invalid plan: ${line.slice(0, 197)}...`);
    expect(error?.field).toBe('k'.repeat(200));
  });

  it('planVersionAsOf: what is not a plan, a list of versions or a date, each named', () => {
    const refusal = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        const err = e as { code: string; field: string };
        return [err.code, err.field];
      }
      return 'no error';
    };
    const plan = definePlan(planOf([]));
    expect([
      refusal(() => planVersionAsOf(null as never, '2026-01-01')),
      refusal(() => planVersionAsOf({ versions: 'x' } as never, '2026-01-01')),
      refusal(() => planVersionAsOf(plan, '2026-1-01')),
      refusal(() => planVersionAsOf({ versions: [null] } as never, '2026-01-01')),
    ]).toEqual([
      ['INVALID_INPUT', 'plan'],
      ['INVALID_INPUT', 'plan.versions'],
      ['INVALID_DATE', 'date'],
      ['INVALID_INPUT', 'plan.versions[0]'],
    ]);
  });
});

describe('definePlan: limits, order and wording of its refusals', () => {
  const v = (id: string, effectiveFrom: string, effectiveTo?: string): Version => ({
    id,
    effectiveFrom,
    ...(effectiveTo === undefined ? {} : { effectiveTo }),
    components: [],
  });
  const plan = (versions: Version[]): PlanInput => ({ id: 'p', currency: 'USD', periodLength: 'month', versions });
  const error = (spec: unknown) => {
    try {
      definePlan(spec as never);
    } catch (e) {
      return e as { code: string; message: string; field: string; cause?: unknown; issues: { code: string }[] };
    }
    return undefined;
  };

  it('lists at most 1,000 problems', () => {
    // 999 versions with one problem each, then one with two: the list stops at 1,000
    const many = plan([
      ...Array.from({ length: 999 }, (_, i) => v(`v${i}`, '2026-01-02', '2026-01-01')),
      { ...v('last', '2026-01-02', '2026-01-01'), prorate: false, proration: 'days' },
    ]);
    const e = error(many);
    expect([e?.issues.length, e?.issues.every((i) => i.code === 'INVALID_PLAN')]).toEqual([1000, true]);
    const shape = error(
      plan([...Array.from({ length: 998 }, () => null as unknown as Version), { id: '' } as Version]),
    );
    expect([shape?.issues.length, shape?.issues.every((i) => i.code === 'INVALID_PLAN')]).toEqual([1000, true]);
  });

  it('keeps the first 1,000 problems in the order of the checks: repeated ids, then each version in turn', () => {
    // 1,000 versions named 'v' ending before they start: 999 repeated ids (versions 1–999), then
    // the first version's effectiveTo; the other 999 effectiveTo problems and the overlaps are cut
    const same = Array.from({ length: 1000 }, () => v('v', '2026-01-02', '2026-01-01'));
    const found = issues(plan(same));
    expect([found.length, found[0], found[998], found[999]]).toEqual([
      1000,
      'versions.1.id: duplicate version id "v"',
      'versions.999.id: duplicate version id "v"',
      'versions.0.effectiveTo: must not be before effectiveFrom 2026-01-02, got 2026-01-01',
    ]);
  });

  it('finds two versions in force on one date whatever order they are given in', () => {
    expect([
      issues(plan([v('b', '2026-02-01'), v('a', '2026-01-01', '2026-02-15')])),
      issues(plan([v('c', '2026-03-01'), v('b', '2026-02-01', '2026-02-28'), v('a', '2026-01-01', '2026-02-01')])),
    ]).toEqual([
      ['versions.0.effectiveFrom: versions "a" and "b" are both in force on 2026-02-01'],
      ['versions.1.effectiveFrom: versions "a" and "b" are both in force on 2026-02-01'],
    ]);
  });

  it('checks only the first tier against 0, and a draw of whole cents passes', () => {
    const t: Components[number] = {
      id: 't',
      kind: 'tiered',
      basis: 'amount',
      split: 'marginal',
      scope: 'periodToDate',
      boundary: 'higher',
      tiers: [
        { from: '-2', to: '-1', rate: '0.1' },
        { from: '-1', rate: '0.1' },
      ],
    };
    expect(of([t])).toEqual(['versions.0.components.0.tiers.0.from: first tier must not start below 0, got -2']);
    expect(of([], { draw: { type: 'recoverable', amount: '1000.25', start: '2026-01-01' } })).toEqual([]);
  });

  it('words a plan that is not an object, a problem of exactly 200 characters, a getter that throws', () => {
    expect(error(null)?.message).toBe('Invalid plan: (root): must be an object, got null');
    // a 124-character key: `<key>: unknown key "<57 characters>..."` is 124 + 14 + 62 = 200 characters
    const key = 'k'.repeat(124);
    const line = `${key}: unknown key "${'k'.repeat(57)}..."`;
    expect([line.length, error({ ...planOf([]), [key]: 1 })?.message]).toEqual([200, `Invalid plan: ${line}`]);
    const boom = new TypeError('boom');
    const spec = {
      ...planOf([]),
      get id(): string {
        throw boom;
      },
    };
    const e = error(spec);
    expect([e?.code, e?.message, e?.field, e?.cause]).toEqual([
      'INVALID_PLAN',
      'plan.id could not be read (reading it threw TypeError: boom)',
      'plan.id',
      boom,
    ]);
  });

  it('planVersionAsOf names two versions in force without "and more"', () => {
    const two = plan([v('a', '2026-01-01'), v('b', '2026-01-01')]) as unknown as Plan;
    let message: string | undefined;
    try {
      planVersionAsOf(two, '2026-01-01');
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toBe('versions "a" and "b" of plan "p" are in force on 2026-01-01');
  });
});
