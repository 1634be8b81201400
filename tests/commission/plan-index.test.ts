/**
 * The index `definePlan` puts on a plan: a plan only counts as defined when it carries the index
 * definePlan built (an object with two Maps), and a component's default credit kinds.
 */
import { describe, expect, it } from 'vitest';
import { calculateStatement, definePlan } from '../../src/commission/index.js';
import { PLAN_INDEX, planIndexOf } from '../../src/commission/plan-index.js';
import { month } from '../../src/core/index.js';
import { credit, member, planOf, usd } from './helpers.js';

describe('planIndexOf', () => {
  it('finds the index of a defined plan', () => {
    const index = planIndexOf(definePlan(planOf([{ id: 'c', kind: 'rate', rate: '0.1' }])));
    expect(index?.versions).toBeInstanceOf(Map);
    expect(index?.memo).toBeInstanceOf(Map);
  });

  it('is undefined for a plain plan, a primitive, null, and a symbol holding null or the wrong shape', () => {
    expect(planIndexOf(planOf([{ id: 'c', kind: 'rate', rate: '0.1' }]))).toBeUndefined();
    expect(planIndexOf(null)).toBeUndefined();
    expect(planIndexOf(5)).toBeUndefined();
    expect(planIndexOf({ [PLAN_INDEX]: null })).toBeUndefined();
    expect(planIndexOf({ [PLAN_INDEX]: 'index' })).toBeUndefined();
    expect(planIndexOf({ [PLAN_INDEX]: { versions: new Map() } })).toBeUndefined();
    expect(planIndexOf({ [PLAN_INDEX]: { memo: new Map() } })).toBeUndefined();
    expect(planIndexOf({ [PLAN_INDEX]: { versions: {}, memo: new Map() } })).toBeUndefined();
  });

  it('is undefined when reading the symbol throws (a getter of the caller’s)', () => {
    const plan = Object.defineProperty({}, PLAN_INDEX, {
      get() {
        throw new Error('no');
      },
    });
    expect(planIndexOf(plan)).toBeUndefined();
  });
});

describe('default credit kinds of a component', () => {
  it('a rate component counts owner, split and overlay credits, not source or rollup', () => {
    const plan = definePlan(planOf([{ id: 'c', kind: 'rate', rate: '0.1' }]));
    const credits = [
      credit('o', '1000'),
      credit('s', '2000', '2026-01-15', { kind: 'split' }),
      credit('v', '4000', '2026-01-15', { kind: 'overlay' }),
      credit('src', '8000', '2026-01-15', { kind: 'source' }),
      credit('r', '16000', '2026-01-15', { kind: 'rollup' }),
    ];
    const s = calculateStatement({ plan, member, period: month(2026, 1), quota: usd('10000'), credits });
    // 10 % of 1,000 + 2,000 + 4,000 = 700.00; the 8,000 source and 16,000 rollup credits earn nothing
    expect(s.earned.amount).toBe('700.00');
  });
});
