import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { capacityPlan } from '../../src/planning/index.js';

const usd = (cents: number) => ({ amount: (cents / 100).toFixed(2), currency: 'USD' });

const inputs = fc.record({
  targets: fc.array(fc.integer({ min: 0, max: 200_000_000 }), { minLength: 1, maxLength: 24 }),
  quotaCents: fc.integer({ min: 100_000, max: 10_000_000 }),
  attainment: fc.double({ min: 0.3, max: 1.5, noNaN: true }),
  // realistic ramps: a month gives nothing or at least 5 % (a ramp of 1e-300 would need more than the
  // 1,000,000 hires a month allowed, and the month is then unreachable whatever the target)
  ramp: fc.array(fc.oneof(fc.constant(0), fc.double({ min: 0.05, max: 1, noNaN: true })), { maxLength: 6 }),
  attrition: fc.double({ min: 0, max: 0.1, noNaN: true }),
  lead: fc.integer({ min: 0, max: 4 }),
  team: fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 8 }),
});

describe('capacityPlan laws', () => {
  it('a brute-force month-by-month simulation of its hires meets the target whenever the plan says so', () => {
    fc.assert(
      fc.property(inputs, (x) => {
        const plan = capacityPlan({
          target: x.targets.map(usd),
          quota: usd(x.quotaCents),
          attainment: x.attainment,
          ramp: x.ramp,
          attrition: x.attrition,
          hiringLeadTime: x.lead,
          startingTeam: x.team,
        });
        // Independent simulation: every rep is a cohort (start month, heads); heads decay by the attrition
        // each month after the first; productivity from the ramp by age.
        const cohorts: { start: number; heads: number }[] = x.team.map((heads, tenure) => ({
          start: 1 - tenure,
          heads,
        }));
        plan.months.forEach((m) => {
          if (m.starts > 0) cohorts.push({ start: m.month, heads: m.starts });
          // hires never start before the first month a requisition opened on month 1 can fill
          if (m.starts > 0) expect(m.month).toBeGreaterThanOrEqual(1 + x.lead);
        });
        plan.months.forEach((m, i) => {
          const month = i + 1;
          let rre = 0;
          for (const c of cohorts) {
            if (c.start > month) continue;
            const age = month - c.start;
            const survive = (1 - x.attrition) ** (month - Math.max(1, c.start));
            rre += c.heads * survive * (age < x.ramp.length ? (x.ramp[age] as number) : 1);
          }
          const capacity = rre * (x.quotaCents / 100) * x.attainment;
          const target = (x.targets[i] as number) / 100;
          if (m.meetsTarget) expect(capacity).toBeGreaterThanOrEqual(target * (1 - 1e-9) - 1e-6);
          else expect(plan.unreachableMonths.includes(month) || capacity < target).toBe(true);
          // every month that some start could reach is met
          if (!plan.unreachableMonths.includes(month)) expect(m.meetsTarget).toBe(true);
        });
        expect(plan.reachesTarget).toBe(plan.months.every((m) => m.meetsTarget));
      }),
      { numRuns: 300 },
    );
  });

  it('a higher target never needs fewer hires', () => {
    fc.assert(
      fc.property(inputs, fc.integer({ min: 0, max: 50_000_000 }), (x, extra) => {
        const base = {
          quota: usd(x.quotaCents),
          attainment: x.attainment,
          ramp: x.ramp,
          attrition: x.attrition,
          hiringLeadTime: x.lead,
          startingTeam: x.team,
        };
        const low = capacityPlan({ ...base, target: x.targets.map(usd) });
        const high = capacityPlan({ ...base, target: x.targets.map((t) => usd(t + extra)) });
        expect(high.hires).toBeGreaterThanOrEqual(low.hires);
      }),
      { numRuns: 200 },
    );
  });
});
