/** Type-level contract: what must not compile (checked by `tsc`; the bodies never run). */
import { describe, expect, it } from 'vitest';
import { calculateStatement, creditDeals, type Statement } from '../../src/commission/index.js';
import type { Plan } from '../../src/model/index.js';
import { member, planOf, usd } from './helpers.js';

describe('types', () => {
  it('rejects at compile time what would be wrong at run time', () => {
    const never = (f: () => unknown): void => {
      void f;
    };
    const plan = planOf([]);
    // @ts-expect-error quota is required
    never(() => calculateStatement({ plan, member, period: { start: '2026-01-01', end: '2026-01-31' }, credits: [] }));
    const cumulative = {
      id: 't',
      kind: 'tiered',
      basis: 'amount',
      split: 'cumulative',
      scope: 'periodToDate',
      boundary: 'higher',
      tiers: [],
    } as const;
    // @ts-expect-error a tier split must be one of the three explicit switches
    never((): Plan['versions'][number]['components'][number] => cumulative);
    // @ts-expect-error statements are read-only
    never(() => ((null as unknown as Statement).payable = usd('1')));
    // @ts-expect-error creditDeals takes deals, not credits
    never(() => creditDeals([{ id: 'x' }]));
    expect(true).toBe(true);
  });
});
