/**
 * Purity: no function of revops/commission modifies its arguments. Every input is deeply
 * frozen (a write would throw in strict mode) and the result must equal the result on an
 * unfrozen copy.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  calculateStatement,
  creditDeals,
  definePlan,
  explainStatement,
  payoutCurve,
  summarizeStatement,
  type StatementInput,
} from '../../src/commission/index.js';
import { month } from '../../src/core/index.js';
import type { Credit } from '../../src/model/credit.js';
import type { Deal } from '../../src/model/deal.js';
import { credit, member, planOf, usd } from './helpers.js';

function deepFreeze<T>(v: T): T {
  if (typeof v === 'object' && v !== null && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const x of Object.values(v)) deepFreeze(x);
  }
  return v;
}
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

const plan = planOf(
  [
    {
      id: 'acc',
      kind: 'tiered',
      basis: 'attainment',
      split: 'marginal',
      scope: 'periodToDate',
      boundary: 'higher',
      tiers: [
        { from: '0', to: '1', rate: '0.05' },
        { from: '1', rate: '0.1' },
      ],
      cap: { amount: '900', mode: 'defer' },
    },
    {
      id: 'ret',
      kind: 'tiered',
      basis: 'amount',
      split: 'retroactive',
      scope: 'perCredit',
      boundary: 'lower',
      tiers: [
        { from: '0', to: '500', rate: '0.01' },
        { from: '500', rate: '0.02' },
      ],
      floor: '5',
    },
    { id: 'bonus', kind: 'bonus', steps: [{ atLeast: '0.8', amount: '100' }] },
    { id: 'mult', kind: 'rate', rate: '0.002', multipliers: [{ id: 'nl', factor: '2', when: { newLogo: true } }] },
  ],
  {
    version: {
      draw: { type: 'recoverable', amount: '400', start: '2026-01-01' },
      clawback: { schedule: [{ withinDays: 90, share: '1' }], reducesAttainment: true },
    },
  },
);

const creditsArb = fc
  .array(
    fc.record({
      cents: fc.integer({ min: -20_000, max: 200_000 }),
      day: fc.integer({ min: 1, max: 31 }),
      newLogo: fc.boolean(),
    }),
    { maxLength: 25 },
  )
  .map((rows) =>
    rows.map((r, i) =>
      credit(`k${i}`, (r.cents / 100).toFixed(2), `2026-01-${String(r.day).padStart(2, '0')}`, { newLogo: r.newLogo }),
    ),
  );

describe('inputs are never modified', () => {
  it(
    'calculateStatement, summarizeStatement and explainStatement on deeply frozen inputs equal the unfrozen ' +
      'result',
    () => {
      fc.assert(
        fc.property(
          creditsArb,
          fc.integer({ min: 0, max: 50_000 }),
          fc.integer({ min: 0, max: 60 }),
          (credits, paidCents, startDay) => {
            const input: StatementInput = {
              plan,
              member: { ...member, startDate: `2025-12-${String(1 + (startDay % 28)).padStart(2, '0')}` },
              period: month(2026, 1),
              quota: usd('5000'),
              credits,
              adjustments: [{ id: 'a1', amount: usd('12.5'), reason: 'manual' }],
              clawbacks: [
                {
                  id: 'cb',
                  dealId: 'd9',
                  creditDate: '2025-12-20',
                  knownDate: '2026-01-10',
                  base: usd('1000'),
                  rate: '0.05',
                  paid: usd((paidCents / 100).toFixed(2)),
                },
              ],
              priorBalance: { draw: usd('250'), deferred: { acc: usd('40') } },
            };
            const expected = calculateStatement(clone(input));
            const frozen = deepFreeze(clone(input));
            const snapshot = clone(frozen);
            const s = calculateStatement(frozen);
            expect(s).toEqual(expected);
            expect(explainStatement(deepFreeze(s))).toBe(explainStatement(expected));
            const { credits: _c, ...context } = frozen;
            expect(summarizeStatement(frozen.credits as Credit[], deepFreeze(context))).toEqual(
              summarizeStatement(clone(input.credits) as Credit[], clone(context)),
            );
            expect(frozen).toEqual(snapshot);
          },
        ),
        { numRuns: 60 },
      );
    },
  );

  it('definePlan, payoutCurve and creditDeals on deeply frozen inputs', () => {
    const spec = deepFreeze(clone(plan));
    expect(definePlan(spec)).toEqual(definePlan(clone(plan)));
    expect(payoutCurve(spec, deepFreeze(['0.5', 1, '1.5']), deepFreeze({ quota: usd('5000') }))).toEqual(
      payoutCurve(clone(plan), ['0.5', 1, '1.5'], { quota: usd('5000') }),
    );
    const deal: Deal = {
      id: 'd',
      name: 'd',
      accountId: 'a',
      ownerId: 'ae',
      type: 'new',
      amount: usd('1000.01'),
      stage: 'closed-won',
      probability: 1,
      probabilitySource: 'stage',
      forecastCategory: 'closed',
      expectedCloseDate: '2026-01-05',
      closeDate: '2026-01-05',
      createdAt: '2026-01-01T00:00:00Z',
      history: [],
      products: ['p'],
      splits: [
        { memberId: 'ae2', share: '0.3', kind: 'revenue' },
        { memberId: 'se', share: '0.1', kind: 'overlay' },
      ],
      sourceMemberId: 'sdr',
    };
    const members = [
      { ...member, id: 'ae', managerId: 'mgr' },
      { ...member, id: 'ae2', managerId: 'mgr' },
      { ...member, id: 'mgr' },
    ];
    expect(
      creditDeals(deepFreeze([clone(deal)]), deepFreeze({ members: clone(members), rollup: 'allManagers' as const })),
    ).toEqual(creditDeals([deal], { members, rollup: 'allManagers' }));
  });
});
