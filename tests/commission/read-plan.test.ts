/**
 * definePlan reads a plan's shape without zod; it must accept and normalise exactly what
 * revops/model's `parsePlan` (the zod `PlanSchema`) does, and refuse what it refuses.
 */
import { describe, expect, it } from 'vitest';
import { definePlan } from '../../src/commission/index.js';
import { safeParsePlan } from '../../src/model/index.js';

const every = {
  id: 'all',
  name: 'Every field',
  currency: 'EUR',
  periodLength: 'quarter',
  fiscalYearStartMonth: 4,
  rounding: 'halfEven',
  versions: [
    {
      id: 'v1',
      effectiveFrom: '2026-01-01',
      effectiveTo: '2026-12-31',
      attainment: { kinds: ['owner', 'split'], measure: 'acv' },
      prorate: false,
      components: [
        {
          id: 'r',
          name: 'Rate',
          kind: 'rate',
          rate: 0.05,
          kinds: ['owner'],
          measure: 'bookings',
          filter: {
            products: ['p1'],
            dealTypes: ['new'],
            segments: ['saas'],
            newLogo: true,
            minTermMonths: 12,
            activities: ['demo'],
          },
          cap: { amount: '1000.50', mode: 'defer' },
          floor: 10,
          gate: '0.500',
          multipliers: [{ id: 'm', factor: 1.2, when: { newLogo: true } }],
          weight: '0.5',
        },
        {
          id: 't',
          kind: 'tiered',
          basis: 'attainment',
          split: 'interpolated',
          scope: 'perCredit',
          boundary: 'lower',
          tiers: [
            { from: 0, to: 1, rate: '0.10' },
            { from: 1, rate: 1e-2 },
          ],
          weight: 0.5,
        },
        { id: 'u', kind: 'perUnit', amountPerUnit: '25.00' },
        { id: 'b', kind: 'bonus', steps: [{ atLeast: 1, amount: 500 }] },
        { id: 's', kind: 'spiff', window: { start: '2026-02-01', end: '2026-02-28' }, amountPerCredit: 50 },
        { id: 'o', kind: 'override', rate: 0.01, teamThreshold: 1e5, thresholdMode: 'all' },
      ],
      draw: {
        type: 'recoverable',
        amount: 1000,
        start: '2026-01-01',
        end: '2026-06-30',
        recoveryStart: '2026-04-01',
        recoveryShare: 0.5,
        recoveryCap: 200,
      },
      clawback: { schedule: [{ withinDays: 90, share: 1 }] },
    },
  ],
};
const minimal = {
  id: 'm',
  currency: 'JPY',
  periodLength: 'month',
  versions: [{ id: 'v', effectiveFrom: '2026-01-01', components: [] }],
};

/** The plain JSON of a value (a defined plan carries its compiled index under a symbol). */
const json = (v: unknown): unknown => JSON.parse(JSON.stringify(v));

describe('definePlan reads the shape PlanSchema describes, without zod', () => {
  it.each([
    ['every field', every],
    ['the minimal plan (defaults applied)', minimal],
  ])('normalises %s exactly as parsePlan does, keys in the same order', (_, spec) => {
    const parsed = safeParsePlan(spec);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(JSON.stringify(definePlan(spec as never))).toBe(JSON.stringify(parsed.value));
  });

  const bad: [string, (p: ReturnType<typeof structuredClone<typeof every>>) => void][] = [
    ['an unknown key', (p) => Object.assign(p.versions[0]!.components[0]!, { rat: 1 })],
    ['a __proto__ key', (p) => Object.defineProperty(p, '__proto__', { value: {}, enumerable: true })],
    ['an unknown component kind', (p) => Object.assign(p.versions[0]!.components[0]!, { kind: 'commission' })],
    ['a rate that is not a decimal', (p) => Object.assign(p.versions[0]!.components[0]!, { rate: '5%' })],
    ['a boolean decimal', (p) => Object.assign(p.versions[0]!.components[0]!, { rate: true })],
    ['a bad currency', (p) => Object.assign(p, { currency: 'usd' })],
    ['fiscalYearStartMonth 13', (p) => Object.assign(p, { fiscalYearStartMonth: 13 })],
    ['fiscalYearStartMonth "4"', (p) => Object.assign(p, { fiscalYearStartMonth: '4' })],
    [
      'a spiff window ending before it starts',
      (p) => Object.assign(p.versions[0]!.components[4]!, { window: { start: '2026-03-01', end: '2026-02-01' } }),
    ],
    ['an empty tier list', (p) => Object.assign(p.versions[0]!.components[1]!, { tiers: [] })],
    ['withinDays 0', (p) => Object.assign(p.versions[0]!.clawback!, { schedule: [{ withinDays: 0, share: 1 }] })],
    ['no versions', (p) => Object.assign(p, { versions: [] })],
    ['a date that does not exist', (p) => Object.assign(p.versions[0]!, { effectiveFrom: '2026-02-30' })],
    ['an id of 201 characters', (p) => Object.assign(p, { id: 'x'.repeat(201) })],
    ['prorate "yes"', (p) => Object.assign(p.versions[0]!, { prorate: 'yes' })],
  ];
  it.each(bad)('refuses %s, as parsePlan does (INVALID_PLAN naming the path)', (_, change) => {
    const spec = structuredClone(every);
    change(spec);
    expect(safeParsePlan(spec).ok).toBe(false);
    expect(() => definePlan(spec as never)).toThrow(expect.objectContaining({ code: 'INVALID_PLAN' }));
  });
  it('refuses a plan whose getter throws with INVALID_PLAN, never the getter’s error', () => {
    const spec = {
      ...minimal,
      get id(): string {
        throw new TypeError('boom');
      },
    };
    expect(() => definePlan(spec as never)).toThrow(expect.objectContaining({ code: 'INVALID_PLAN' }));
  });
  it('the refusal lists every problem with its path', () => {
    const spec = { ...minimal, currency: 'XXXX', periodLength: 'week', versions: [] };
    const error = (() => {
      try {
        definePlan(spec as never);
      } catch (e) {
        return e as { issues: { path: unknown[] }[] };
      }
      return null;
    })();
    expect(error?.issues.map((i) => i.path.join('.'))).toEqual(['currency', 'periodLength', 'versions']);
  });
  it('plans are plain JSON: a defined plan round-trips through JSON', () => {
    expect(json(definePlan(json(definePlan(every as never)) as never))).toEqual(json(definePlan(every as never)));
  });
});
