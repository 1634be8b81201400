/** definePlan: every contradiction listed at once; effective-dated versions. */
import { describe, expect, it } from 'vitest';
import { calculateStatement, definePlan, planVersionAsOf } from '../../src/commission/index.js';
import type { RevopsError } from '../../src/core/index.js';
import { credit, JAN_2026, member, planOf, usd } from './helpers.js';

function issues(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    const err = e as RevopsError;
    expect(err.code).toBe('INVALID_PLAN');
    return err.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  }
  throw new Error('expected INVALID_PLAN');
}

describe('definePlan', () => {
  it(
    'QuotaPath IT-rep template (Q1) "0-60% quota: 3%" then "50%-100% quota: 6%" overlaps — rejected with every ' +
      'problem',
    () => {
      const list = issues(() =>
        definePlan(
          planOf([
            {
              id: 't',
              kind: 'tiered',
              basis: 'attainment',
              split: 'retroactive',
              scope: 'periodToDate',
              boundary: 'higher',
              tiers: [
                { from: '0', to: '0.6', rate: '0.03' },
                { from: '0.5', to: '1', rate: '0.06' },
                { from: '1.2', rate: '0.1' },
              ],
            },
            { id: 'c', kind: 'rate', rate: '-0.1', cap: { amount: '100', mode: 'forfeit' }, floor: '200' },
            { id: 'c', kind: 'spiff', window: { start: '2026-01-01', end: '2026-01-31' } },
          ]),
        ),
      );
      expect(list).toEqual([
        'versions.0.components.0.tiers.1.from: overlapping tiers: tier 0 ends at 0.6, tier 1 starts at 0.5',
        'versions.0.components.0.tiers.2.from: gap between tiers: tier 1 ends at 1, tier 2 starts at 1.2',
        'versions.0.components.1.cap.amount: cap 100 is below floor 200',
        'versions.0.components.1.rate: must not be negative, got -0.1',
        'versions.0.components.2.id: duplicate component id "c"',
        'versions.0.components.2: a spiff needs exactly one of rate or amountPerCredit',
      ]);
    },
  );
  it('rejects two versions in force on one date, and weights that do not total 100 %', () => {
    const list = issues(() =>
      definePlan({
        id: 'p',
        currency: 'USD',
        periodLength: 'month',
        versions: [
          {
            id: 'a',
            effectiveFrom: '2026-01-01',
            effectiveTo: '2026-06-30',
            components: [
              { id: 'x', kind: 'rate', rate: '0.1', weight: '0.5' },
              { id: 'y', kind: 'rate', rate: '0.1', weight: '0.6' },
            ],
          },
          { id: 'b', effectiveFrom: '2026-06-30', components: [] },
        ],
      }),
    );
    expect(list).toEqual([
      'versions.0.components: weights of weighted components must total 1 (100%), got 1.1',
      'versions.1.effectiveFrom: versions "a" and "b" are both in force on 2026-06-30',
    ]);
  });
  it('rejects shape errors as INVALID_PLAN, draw options that would be ignored, and yearToDate on attainment', () => {
    expect(
      issues(() => definePlan({ id: 'p', currency: 'USD', periodLength: 'week', versions: [] } as never)).length,
    ).toBeGreaterThanOrEqual(2);
    const list = issues(() =>
      definePlan(
        planOf(
          [
            {
              id: 't',
              kind: 'tiered',
              basis: 'attainment',
              split: 'marginal',
              scope: 'yearToDate',
              boundary: 'lower',
              tiers: [{ from: '0', to: '1', rate: '0.1' }],
            },
          ],
          {
            version: { draw: { type: 'nonRecoverable', amount: '1000', start: '2026-01-01', recoveryShare: '0.5' } },
          },
        ),
      ),
    );
    expect(list).toEqual([
      "versions.0.components.0.scope: yearToDate scope needs basis 'amount': the year-to-date value carried in " +
        '(carriedIn) is an amount, and attainment bounds would need a year-to-date quota a period statement does ' +
        'not have (revops rule; use periodToDate for attainment tiers)',
      'versions.0.components.0.tiers.0.to: the last tier must be open-ended (no "to"), so that every amount falls ' +
        'in a tier (revops rule); got 1: limit pay with a cap instead',
      'versions.0.draw.recoveryShare: has no effect on a nonRecoverable draw (nothing is recovered)',
    ]);
  });
  it('picks the version in force at the period end; a mid-period plan change prorates each version by days', () => {
    const plan = definePlan({
      id: 'p',
      currency: 'USD',
      periodLength: 'month',
      versions: [
        {
          id: 'old',
          effectiveFrom: '2025-01-01',
          effectiveTo: '2026-01-15',
          components: [{ id: 'c', kind: 'rate', rate: '0.05' }],
        },
        { id: 'new', effectiveFrom: '2026-01-16', components: [{ id: 'c', kind: 'rate', rate: '0.08' }] },
      ],
    });
    expect(planVersionAsOf(plan, '2026-01-15').id).toBe('old');
    const credits = [credit('a', '1000', '2026-01-10'), credit('b', '1000', '2026-01-20')];
    const newer = calculateStatement({ plan, member, period: JAN_2026, quota: usd('31000'), credits });
    const older = calculateStatement({
      plan,
      member,
      period: JAN_2026,
      quota: usd('31000'),
      credits,
      asOf: '2026-01-15',
    });
    // by hand: new version 16 of 31 days, quota 16,000, pays 8 % of the credit dated 2026-01-20; old 15 days, 5 % of
    // the other
    expect([newer.versionId, newer.quota.amount, newer.payable.amount]).toEqual(['new', '16000.00', '80.00']);
    expect([older.versionId, older.quota.amount, older.payable.amount]).toEqual(['old', '15000.00', '50.00']);
  });
  it(
    'keeps no module-level cache: a defined plan carries its index hidden; a plain plan object is validated on ' +
      'every call',
    () => {
      const spec = planOf([{ id: 'c', kind: 'rate', rate: '0.1' }]);
      const defined = definePlan(spec);
      // the index is a non-enumerable symbol property: the JSON of a defined plan is the plain plan
      expect(JSON.parse(JSON.stringify(defined))).toEqual(
        definePlan(JSON.parse(JSON.stringify(defined)) as typeof spec),
      );
      expect(Object.keys(defined)).toEqual([
        'id',
        'currency',
        'periodLength',
        'fiscalYearStartMonth',
        'rounding',
        'versions',
      ]);
      const plain = JSON.parse(JSON.stringify(spec)) as { versions: { components: { rate: string }[] }[] };
      const input = {
        plan: plain as never,
        member,
        period: JAN_2026,
        quota: usd('10000'),
        credits: [credit('a', '1000')],
      };
      // computed by hand: 1,000 × 0.1 = 100.00, then (same object, edited) 1,000 × 0.2 = 200.00
      expect(calculateStatement(input).payable.amount).toBe('100.00');
      (plain.versions[0] as { components: { rate: string }[] }).components[0]!.rate = '0.2';
      expect(calculateStatement(input).payable.amount).toBe('200.00');
      (plain.versions[0] as { components: { rate: string }[] }).components[0]!.rate = '-0.2';
      expect(() => calculateStatement(input)).toThrow(/rate: must not be negative/);
    },
  );
});
