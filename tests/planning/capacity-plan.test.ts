import { describe, expect, it } from 'vitest';
import { capacityPlan } from '../../src/planning/index.js';

const usd = (amount: string) => ({ amount, currency: 'USD' });

describe('capacityPlan', () => {
  it('reproduces Kellogg’s bookings-capacity model for one quarter', () => {
    // Dave Kellogg's "Simple Comprehensive Bookings Model" (Kellblog, 2020): ramp 0/25/50/75/100 % by
    // tenure quarter, 1,000 ARR a year (250 a quarter) per ramped rep; 1Q20 team 4, 3, 2, 1 and 10 reps by
    // tenure: 0 + 0.75 + 1 + 0.75 + 10 = 12.5 ramped-rep equivalents, capacity 12.5 × 250 = 3,125.
    const plan = capacityPlan({
      target: usd('3125.00'),
      months: 1,
      quota: usd('250.00'),
      attainment: 1,
      ramp: [0, 0.25, 0.5, 0.75],
      startingTeam: [4, 3, 2, 1, 10],
    });
    const q = plan.months[0];
    expect(q?.headcount).toBe(20);
    expect(q?.rampedReps).toBeCloseTo(12.5, 12);
    expect(q?.capacity).toEqual(usd('3125.00'));
    expect(q?.meetsTarget).toBe(true);
    expect(plan.hires).toBe(0);
  });

  it('hires month by month to a target (worked by hand)', () => {
    // Quota 50,000 × 80 % = 40,000 a ramped rep; ramp 0/.25/.5/.75; 2 % monthly attrition; 2 months to hire;
    // 10 ramped reps; nothing to book in months 1–4, 480,000 (12 RRE) from month 5.
    // Month 5: the team has 10 · 0.98⁴ = 9.223681 RRE; the best start is month 3 (the first possible), one
    // hire giving 0.98² · 0.5 = 0.4802 in month 5; ⌈2.776319 / 0.4802⌉ = 6 hires, reqs opened in month 1.
    // Month 5 then has 12.104882 RRE; month 6: 10 · 0.98⁵ + 6 · 0.98³ · 0.75 = 13.274572; both met.
    const zero = usd('0.00');
    const t = usd('480000.00');
    const plan = capacityPlan({
      target: [zero, zero, zero, zero, t, t, t, t],
      quota: usd('50000.00'),
      attainment: 0.8,
      ramp: [0, 0.25, 0.5, 0.75],
      attrition: 0.02,
      hiringLeadTime: 2,
      startingTeam: 10,
    });
    expect(plan.months.map((m) => m.starts)).toEqual([0, 0, 6, 0, 0, 0, 0, 0]);
    expect(plan.months.map((m) => m.reqsOpened)).toEqual([6, 0, 0, 0, 0, 0, 0, 0]);
    // Capacity, by hand (RRE × 40,000, to the cent): 400,000; 392,000; 384,160; 435,276.80; 484,195.26;
    // 530,982.88; 575,705.31; 564,191.20 — 3,766,511.45 in all.
    expect(plan.months.map((m) => m.capacity.amount)).toEqual([
      '400000.00',
      '392000.00',
      '384160.00',
      '435276.80',
      '484195.26',
      '530982.88',
      '575705.31',
      '564191.20',
    ]);
    expect(plan.expectedBookings).toEqual(usd('3766511.45'));
    expect(plan.months[4]?.headcount).toBeCloseTo(14.986082, 6);
    expect(plan.reachesTarget).toBe(true);
    expect(plan.hires).toBe(6);
  });

  it('says which months no hire can reach in time', () => {
    // ramp [0, 0.5]: a hire gives nothing in their first month; month 1 can only be met by the team.
    const plan = capacityPlan({
      target: usd('480000.00'),
      months: 3,
      quota: usd('50000.00'),
      attainment: 0.8,
      ramp: [0, 0.5],
      startingTeam: 10,
    });
    expect(plan.unreachableMonths).toEqual([1]);
    expect(plan.months.map((m) => m.meetsTarget)).toEqual([false, true, true]);
    expect(plan.reachesTarget).toBe(false);
  });

  it('implies the SDRs the funnel needs', () => {
    // 480,000 a month at 20,000 a deal = 24 wins, × 4 opportunities a win = 96 opportunities, at 12 an SDR
    // = 8 SDRs; against 12 ramped AEs: 0.667 SDR per AE (by hand).
    const plan = capacityPlan({
      target: usd('480000.00'),
      months: 1,
      quota: usd('50000.00'),
      attainment: 0.8,
      startingTeam: 12,
      sdr: { opportunitiesPerSdr: 12, opportunitiesPerWin: 4, averageDealSize: usd('20000.00') },
    });
    expect(plan.months[0]?.sdrs).toBeCloseTo(8, 12);
    expect(plan.sdrToAeRatio).toBeCloseTo(2 / 3, 12);
  });

  it('refuses bad inputs with the field named', () => {
    const base = { target: usd('1.00'), quota: usd('1.00'), attainment: 1, startingTeam: 1 };
    expect(() => capacityPlan({ ...base, ramp: [1.5] })).toThrow(
      'inputs.ramp[0] must be a fraction from 0 to 1, got 1.5',
    );
    expect(() => capacityPlan({ ...base, attrition: 1 })).toThrow(/inputs.attrition must be below 1/);
    expect(() => capacityPlan({ ...base, months: 2 ** 32 })).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTION' }),
    );
    expect(() => capacityPlan({ ...base, quota: usd('0.00') })).toThrow(/inputs.quota.amount must be positive/);
    expect(() => capacityPlan({ ...base, startingTeam: -1 })).toThrow(
      expect.objectContaining({ code: 'INVALID_COUNT' }),
    );
  });
});
