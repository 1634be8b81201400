/**
 * Statements against published worked examples: cap, gate, rate on credited amount, SDR
 * per-unit plan, manager override, spiff, clawback, year-to-date true-up, mid-period hire,
 * rounding and explanations. Sources: research/commission.md §3 and the pages it cites.
 */
import { describe, expect, it } from 'vitest';
import {
  calculateStatement,
  explainLine,
  explainStatement,
  type StatementInput,
  type StatementLine,
} from '../../src/commission/index.js';
import { month } from '../../src/core/index.js';
import { credit, JAN_2026, member, planOf, usd } from './helpers.js';

type Comps = Parameters<typeof planOf>[0];

function statement(
  components: Comps,
  credits: StatementInput['credits'],
  extra: Partial<StatementInput> & { plan?: StatementInput['plan'] } = {},
) {
  return calculateStatement({
    plan: planOf(components),
    member,
    period: JAN_2026,
    quota: usd('100000'),
    credits,
    ...extra,
  });
}

describe('rates apply to the credited amount', () => {
  it('Spiff individual commission rate (S14): ICR 25,000 / 250,000 = 10 %; a 10,000 deal pays 1,000', () => {
    const s = statement([{ id: 'icr', kind: 'rate', rate: '0.1' }], [credit('k1', '10000')], { quota: usd('250000') });
    expect(s.payable.amount).toBe('1000.00'); // published
    expect(s.lines[0]?.explanation).toMatchObject({
      ruleId: 'v1/icr',
      rate: '0.1',
      base: usd('10000.00'),
      creditIds: ['k1'],
    });
  });
  it('lines round once each, half away from zero by default; the total is the sum of rounded lines', () => {
    // dokan PR #3324 (EX-10e): 6.45 × 30 % = 1.935 → 1.94 (half up); two such lines → 3.88, not round(3.87)
    const comps: Comps = [
      { id: 'a', kind: 'rate', rate: '0.3' },
      { id: 'b', kind: 'rate', rate: '0.3' },
    ];
    const s = statement(comps, [credit('k1', '6.45')]);
    expect(s.lines.map((l) => l.amount.amount)).toEqual(['1.94', '1.94']);
    expect(s.payable.amount).toBe('3.88');
    const even = calculateStatement({
      plan: planOf(comps, { rounding: 'halfEven' }),
      member,
      period: JAN_2026,
      quota: usd('1'),
      credits: [credit('k1', '6.45')],
    });
    // half-even: 1.935 → 1.94 (4 is even) — computed by hand
    expect(even.payable.amount).toBe('3.88');
    const floor = calculateStatement({
      plan: planOf(comps, { rounding: 'floor' }),
      member,
      period: JAN_2026,
      quota: usd('1'),
      credits: [credit('k1', '6.45')],
    });
    expect(floor.payable.amount).toBe('3.86'); // 1.93 + 1.93 by hand
  });
});

describe('cap and gate', () => {
  it('sparrowgenie capped commission (EX-7c): 3 % of 400,000 with a 10,000 cap pays 10,000, not 12,000', () => {
    const s = statement(
      [{ id: 'c', kind: 'rate', rate: '0.03', cap: { amount: '10000', mode: 'forfeit' } }],
      [credit('k1', '400000')],
    );
    expect(s.lines.map((l) => [l.kind, l.amount.amount])).toEqual([
      ['commission', '12000.00'], // published "rather than $12,000"
      ['cap', '-2000.00'],
    ]);
    expect(s.payable.amount).toBe('10000.00'); // published
    expect(s.balances.deferred).toEqual({});
  });
  it('Oracle payment plan PAY_EXCESS_LATER (O7): a deferred excess is released later, up to the cap', () => {
    const comps: Comps = [{ id: 'c', kind: 'rate', rate: '0.03', cap: { amount: '10000', mode: 'defer' } }];
    const jan = statement(comps, [credit('k1', '400000')]);
    expect(jan.balances.deferred).toEqual({ c: usd('2000.00') }); // 12,000 − 10,000 (by hand)
    const feb = calculateStatement({
      plan: planOf(comps),
      member,
      period: { start: '2026-02-01', end: '2026-02-28' },
      quota: usd('100000'),
      credits: [credit('k2', '100000', '2026-02-10')],
      priorBalance: jan.balances,
    });
    // by hand: earned 3,000, room 7,000 → release all 2,000 → 5,000
    expect(feb.lines.map((l) => [l.kind, l.amount.amount])).toEqual([
      ['commission', '3000.00'],
      ['deferredRelease', '2000.00'],
    ]);
    expect(feb.payable.amount).toBe('5000.00');
    expect(feb.balances.deferred).toEqual({});
  });
  it('visdum payout threshold (EX-7a): quota 1,000,000, 70 % gate, 10 % from the first dollar', () => {
    const plan = planOf([{ id: 'c', kind: 'rate', rate: '0.1', gate: '0.7' }], { periodLength: 'year' });
    const year = { start: '2026-01-01', end: '2026-12-31' };
    const pay = (booked: string) =>
      calculateStatement({
        plan,
        member,
        period: year,
        quota: usd('1000000'),
        credits: [credit('k', booked, '2026-06-30')],
      }).payable.amount;
    // published: 50 % → 0; 69 % → 0; 70 % → 70,000; 90 % → 90,000
    expect([pay('500000'), pay('690000'), pay('700000'), pay('900000')]).toEqual([
      '0.00',
      '0.00',
      '70000.00',
      '90000.00',
    ]);
    // exactness at the gate: one cent short pays nothing (by hand)
    expect(pay('699999.99')).toBe('0.00');
  });
  it('floor tops a component up; a cap below a floor is rejected by definePlan', () => {
    const s = statement([{ id: 'c', kind: 'rate', rate: '0.01', floor: '500' }], [credit('k1', '10000')]);
    expect(s.lines.map((l) => [l.kind, l.amount.amount])).toEqual([
      ['commission', '100.00'],
      ['floor', '400.00'],
    ]); // by hand
  });
  it('bonus: a gate bonus at 100 % and stepped bonuses pay the highest step reached', () => {
    const comps: Comps = [
      {
        id: 'b',
        kind: 'bonus',
        steps: [
          { atLeast: '1', amount: '5000' },
          { atLeast: '1.2', amount: '8000' },
        ],
      },
    ];
    expect(statement(comps, [credit('k1', '99999.99')]).payable.amount).toBe('0.00');
    expect(statement(comps, [credit('k1', '100000')]).payable.amount).toBe('5000.00');
    expect(statement(comps, [credit('k1', '130000')]).payable.amount).toBe('8000.00');
  });
});

describe('SDR per-unit plan, split credit and spiff', () => {
  it('QuotaPath SDR qualified opportunity bonus (Q12): 30 qualified opportunities × $200 = 6,000 per quarter', () => {
    const plan = planOf([{ id: 'qo', kind: 'perUnit', amountPerUnit: '200' }], { periodLength: 'quarter' });
    const credits = Array.from({ length: 30 }, (_, i) =>
      credit(`q${i}`, '0', '2026-02-01', { kind: 'source', measure: 'units', units: 1 }),
    );
    const s = calculateStatement({
      plan,
      member,
      period: { start: '2026-01-01', end: '2026-03-31' },
      quota: usd('0'),
      credits,
    });
    expect(s.payable.amount).toBe('6000.00'); // published 30 × 200 = 6,000
    expect(s.lines[0]?.explanation).toMatchObject({ units: 30, unitAmount: '200' });
    expect(s.attainment).toBeNull(); // zero quota: attainment undefined, never NaN
  });
  it(
    'prowi split commission (EX-10b): SDR 15 % share, $50 per meeting + 2 % of credited ACV → 350; AE 85 % at 10 ' +
      '% → 8,500',
    () => {
      const sdrPlan = planOf([
        { id: 'meetings', kind: 'perUnit', amountPerUnit: '50' },
        { id: 'acv', kind: 'rate', rate: '0.02', kinds: ['split'], measure: 'acv' },
      ]);
      const sdr = { ...member, id: 'sdr' };
      const sdrCredits = [
        credit('m1', '0', '2026-01-05', { memberId: 'sdr', kind: 'source', measure: 'units', units: 1 }),
        credit('s1', '15000', '2026-01-20', { memberId: 'sdr', kind: 'split', measure: 'acv', share: '0.15' }),
      ];
      // published: "$50 + $300 = $350" — consistent only with 2 % of the SDR's credited 15,000 (not of the 100,000 ACV)
      expect(
        calculateStatement({ plan: sdrPlan, member: sdr, period: JAN_2026, quota: usd('1'), credits: sdrCredits })
          .payable.amount,
      ).toBe('350.00');
      const ae = statement(
        [{ id: 'c', kind: 'rate', rate: '0.1', measure: 'acv' }],
        [credit('a1', '85000', '2026-01-20', { measure: 'acv', share: '0.85' })],
      );
      expect(ae.payable.amount).toBe('8500.00'); // published
    },
  );
  it('spiff: fixed amount per matching credit inside the window (Xactly Scanner 400 SPIF pattern, X5)', () => {
    const comps: Comps = [
      {
        id: 'sp',
        kind: 'spiff',
        window: { start: '2026-01-10', end: '2026-01-20' },
        filter: { products: ['scanner-400'] },
        amountPerCredit: '250',
      },
    ];
    const credits = [
      credit('k1', '1000', '2026-01-10', { products: ['scanner-400'] }),
      credit('k2', '1000', '2026-01-21', { products: ['scanner-400'] }), // outside the window
      credit('k3', '1000', '2026-01-15', { products: ['other'] }), // not matching
      credit('k4', '1000', '2026-01-20', { products: ['scanner-400', 'other'] }),
    ];
    const s = statement(comps, credits);
    expect(s.payable.amount).toBe('500.00'); // $250 per order (published), two qualifying orders (by hand)
    expect(s.lines[0]?.explanation.creditIds).toEqual(['k1', 'k4']);
  });
  it('multipliers scale the credited base (multi-year 1.2×), never attainment', () => {
    const comps: Comps = [
      {
        id: 'c',
        kind: 'rate',
        rate: '0.1',
        multipliers: [{ id: 'multiYear', factor: '1.2', when: { minTermMonths: 24 } }],
      },
    ];
    const s = statement(comps, [
      credit('k1', '10000', '2026-01-15', { termMonths: 36 }),
      credit('k2', '10000', '2026-01-15', { termMonths: 12 }),
    ]);
    expect(s.payable.amount).toBe('2200.00'); // by hand: (12,000 + 10,000) × 10 %
    expect(s.credited.amount).toBe('20000.00');
  });
  it('weights for multi-measure plans: 60 % bookings at 10 %, 40 % margin at 10 %', () => {
    const comps: Comps = [
      { id: 'b', kind: 'rate', rate: '0.1', weight: '0.6' },
      { id: 'm', kind: 'rate', rate: '0.1', weight: '0.4', measure: 'margin' },
    ];
    const s = statement(comps, [credit('k1', '10000'), credit('k2', '5000', '2026-01-15', { measure: 'margin' })]);
    expect(s.lines.map((l) => l.amount.amount)).toEqual(['600.00', '200.00']); // by hand: 1,000 × 0.6; 500 × 0.4
  });
});

describe('manager override', () => {
  const reps = ['75000', '60000', '67500', '52500', '45000'];
  const rollups = reps.map((a, i) => credit(`r${i}`, a, '2026-01-20', { kind: 'rollup', memberId: 'mgr' }));
  const mgr = { ...member, id: 'mgr' };
  it('prowi override commission (EX-11a): 3 % of a 300,000 team = 9,000', () => {
    const s = calculateStatement({
      plan: planOf([{ id: 'ov', kind: 'override', rate: '0.03' }]),
      member: mgr,
      period: JAN_2026,
      quota: usd('300000'),
      credits: rollups,
    });
    expect(s.payable.amount).toBe('9000.00'); // published 2,250 + 1,800 + 2,025 + 1,575 + 1,350
  });
  it('prowi threshold override (EX-7b): team 300,000, threshold 225,000, 3 % on the excess = 2,250', () => {
    const s = calculateStatement({
      plan: planOf([{ id: 'ov', kind: 'override', rate: '0.03', teamThreshold: '225000' }]),
      member: mgr,
      period: JAN_2026,
      quota: usd('300000'),
      credits: rollups,
    });
    expect(s.payable.amount).toBe('2250.00'); // published
  });
  it('a manager who starts mid-month has the team threshold prorated by days, like the quota', () => {
    const s = calculateStatement({
      plan: planOf([{ id: 'ov', kind: 'override', rate: '0.03', teamThreshold: '225000' }]),
      member: { ...mgr, startDate: '2026-01-11' },
      period: JAN_2026,
      quota: usd('300000'),
      credits: rollups,
    });
    // computed by hand: 21 of 31 days → threshold 225,000 × 21/31 = 152,419.35; 3 % of (300,000 − 152,419.35) =
    // 4,427.4195 → 4,427.42
    expect(s.payable.amount).toBe('4427.42');
    expect(explainLine(s.lines[0] as StatementLine, s)).toBe(
      'team credits 300000.00 above threshold 152419.35 (225000.00 prorated 21/31 days): 147580.65 at 0.03 (3%) = ' +
        '4427.42',
    );
  });
});

describe('clawbacks', () => {
  const comps: Comps = [{ id: 'c', kind: 'rate', rate: '0.05' }];
  const policy = {
    schedule: [
      { withinDays: 90, share: '1' },
      { withinDays: 180, share: '0.5' },
    ],
  };
  it('Spiff clawback (S4): a June deal paid 500 is reclaimed in August as −500; attainment unchanged', () => {
    const plan = planOf(comps, { version: { clawback: policy } });
    const aug = { start: '2026-08-01', end: '2026-08-31' };
    const s = calculateStatement({
      plan,
      member,
      period: aug,
      quota: usd('100000'),
      credits: [credit('k9', '20000', '2026-08-10')],
      clawbacks: [
        {
          id: 'cb1',
          dealId: 'd-k1',
          creditDate: '2026-06-15',
          knownDate: '2026-08-05',
          base: usd('10000'),
          rate: '0.05',
          paid: usd('500'),
          creditIds: ['k1'],
        },
      ],
    });
    expect(s.lines.map((l) => [l.kind, l.amount.amount])).toEqual([
      ['commission', '1000.00'],
      ['clawback', '-500.00'],
    ]); // published −500
    expect(s.credited.amount).toBe('20000.00'); // "isn't deducted from total attainment"
    expect(s.payable.amount).toBe('500.00');
  });
  it('Xactly clawback at the original calculation rate (X7): 100 × 5 % = 5 although 10 (a minimum) was paid', () => {
    const plan = planOf(comps, { version: { clawback: policy } });
    const s = calculateStatement({
      plan,
      member,
      period: JAN_2026,
      quota: usd('1'),
      credits: [],
      clawbacks: [
        {
          id: 'x',
          dealId: 'o1',
          creditDate: '2026-01-02',
          knownDate: '2026-01-20',
          base: usd('100'),
          rate: '0.05',
          paid: usd('10'),
        },
      ],
    });
    expect(s.lines.find((l) => l.kind === 'clawback')?.amount.amount).toBe('-5.00'); // published: "a clawback of " +
    ('$5 of the $10 originally paid');
    expect(s.balances.carried.amount).toBe('-5.00'); // nothing else earned: carried forward, payable 0
    expect(s.payable.amount).toBe('0.00');
  });
  it('schedule 100 % then 50 %, never more than was paid, and attainment reduced when the plan says so', () => {
    const plan = planOf(comps, { version: { clawback: { ...policy, reducesAttainment: true } } });
    const s = calculateStatement({
      plan,
      member,
      period: JAN_2026,
      quota: usd('100000'),
      credits: [credit('k1', '50000')],
      clawbacks: [
        {
          id: 'a',
          dealId: 'd1',
          creditDate: '2025-09-01',
          knownDate: '2026-01-10',
          base: usd('10000'),
          rate: '0.05',
          paid: usd('500'),
        }, // 131 days → 50 %
        {
          id: 'b',
          dealId: 'd2',
          creditDate: '2025-12-01',
          knownDate: '2026-01-10',
          base: usd('10000'),
          rate: '0.05',
          paid: usd('300'),
        }, // 40 days → 100 %, but only 300 was paid
        {
          id: 'c',
          dealId: 'd3',
          creditDate: '2025-01-01',
          knownDate: '2026-01-10',
          base: usd('10000'),
          rate: '0.05',
          paid: usd('500'),
        }, // outside the window
      ],
    });
    // by hand: −250, −300, 0; attainment 50,000 − 10,000 − 10,000 = 30,000 (the reversal outside the window does not
    // reduce it)
    expect(s.lines.filter((l) => l.kind === 'clawback').map((l) => l.amount.amount)).toEqual([
      '-250.00',
      '-300.00',
      '0.00',
    ]);
    expect(s.credited.amount).toBe('30000.00');
  });
});

describe('year-to-date true-up and proration', () => {
  it('true-up (Spiff amount_from S12, Xactly PPP X11): a rate raised retroactively to 6 % is posted forward', () => {
    // Q1 was paid at 5 %: Jan 1,000 + Feb 1,500 = 2,500 on 50,000. A new version at 6 % from Jan 1 is evaluated in
    // March
    // over the year to date (50,000 + 30,000 in March): entitlement 4,800; minus 2,500 paid = 2,300 (by hand).
    const plan = planOf([{ id: 'c', kind: 'rate', rate: '0.06' }]);
    const credits = [
      credit('j', '20000', '2026-01-10'),
      credit('f', '30000', '2026-02-10'),
      credit('m', '30000', '2026-03-10'),
    ];
    const s = calculateStatement({
      plan,
      member,
      period: { start: '2026-03-01', end: '2026-03-31' },
      quota: usd('300000'),
      credits,
      paidToDate: usd('2500'),
    });
    expect(s.range).toEqual({ start: '2026-01-01', end: '2026-03-31' });
    expect(s.lines.map((l) => [l.kind, l.amount.amount])).toEqual([
      ['commission', '4800.00'],
      ['trueUp', '-2500.00'],
    ]);
    expect(s.earned.amount).toBe('4800.00');
    expect(s.payable.amount).toBe('2300.00');
  });
  it('a true-up sums the per-period caps of the periods to date: three quarterly caps of 10,000 over Q1–Q3', () => {
    const plan = planOf([{ id: 'c', kind: 'rate', rate: '0.1', cap: { amount: '10000', mode: 'forfeit' } }], {
      periodLength: 'quarter',
    });
    const credits = [
      credit('q1', '100000', '2026-02-10'),
      credit('q2', '100000', '2026-05-10'),
      credit('q3', '50000', '2026-08-10'),
    ];
    const q3 = { start: '2026-07-01', end: '2026-09-30' };
    // computed by hand: Q1 and Q2 each earn 10,000 (at the cap) → 20,000 paid; Q3 earns 5,000 on its own.
    // Year to date: 25,000 earned under a cap of 3 × 10,000 = 30,000 → no cap line; true-up 25,000 − 20,000 = 5,000.
    const s = calculateStatement({ plan, member, period: q3, quota: usd('900000'), credits, paidToDate: usd('20000') });
    expect(s.lines.map((l) => [l.kind, l.amount.amount])).toEqual([
      ['commission', '25000.00'],
      ['trueUp', '-20000.00'],
    ]);
    expect(s.payable.amount).toBe(
      calculateStatement({ plan, member, period: q3, quota: usd('300000'), credits }).payable.amount,
    );
    // and a cap that binds: 40,000 credited in Q3 instead → 30,000 year to date, capped; 10,000 more
    const big = calculateStatement({
      plan,
      member,
      period: q3,
      quota: usd('900000'),
      credits: [...credits.slice(0, 2), credit('q3', '150000', '2026-08-10')],
      paidToDate: usd('20000'),
    });
    expect(big.lines.map((l) => [l.kind, l.amount.amount])).toEqual([
      ['commission', '35000.00'],
      ['cap', '-5000.00'],
      ['trueUp', '-20000.00'],
    ]);
  });
  it('mid-quarter hire: quota and bonus prorated by days, inclusive (Quickbase "Formula to Prorate a Quota")', () => {
    // The Quickbase thread prorates a 20,000 Q1 quota by months for a 2019-03-01 start: 6,667. By days, inclusive:
    // 31 of 90 days → 20,000 × 31/90 = 6,888.89 (Python Fraction, half away from zero).
    const plan = planOf([{ id: 'b', kind: 'bonus', steps: [{ atLeast: '1', amount: '9000' }] }], {
      periodLength: 'quarter',
    });
    const hire = { ...member, startDate: '2019-03-01' };
    const q1 = { start: '2019-01-01', end: '2019-03-31' };
    const s = calculateStatement({
      plan,
      member: hire,
      period: q1,
      quota: usd('20000'),
      credits: [credit('k', '7000', '2019-03-15')],
    });
    expect(s.proration).toEqual({ numerator: 31, denominator: 90, unit: 'days' });
    expect(s.quota.amount).toBe('6888.89');
    // bonus prorated the same way: 9,000 × 31/90 = 3,100.00 (by hand); 7,000 ≥ 6,888.89 reaches the gate
    expect(s.payable.amount).toBe('3100.00');
    // monthly plan: January and February prorate to zero, March is full — the thread's 6,667 is 20,000/3 = 6,666.67
    const monthly = planOf([{ id: 'c', kind: 'rate', rate: '0' }]);
    const months = [1, 2, 3].map(
      (m) =>
        calculateStatement({ plan: monthly, member: hire, period: month(2019, m), quota: usd('6666.67'), credits: [] })
          .quota.amount,
    );
    expect(months).toEqual(['0.00', '0.00', '6666.67']);
  });
  it(
    'the Quickbase formula is wrong for October starts: Min(3, 12 − 10)/3 gives 2/3 of Q4; the whole quarter is ' +
      'right',
    () => {
      // Published formula: ($quota × 0.4) × (Min(3, (12 − Month($start)))/3) → for an October 1 start 40,000 × 2/3 =
      // 26,667.
      // A rep starting on October 1 is on the plan all 92 days of Q4 → the full 40,000.
      const plan = planOf([{ id: 'c', kind: 'rate', rate: '0.1' }], { periodLength: 'quarter' });
      const s = calculateStatement({
        plan,
        member: { ...member, startDate: '2019-10-01' },
        period: { start: '2019-10-01', end: '2019-12-31' },
        quota: usd('40000'),
        credits: [],
      });
      expect(s.proration).toEqual({ numerator: 92, denominator: 92, unit: 'days' });
      expect(s.quota.amount).toBe('40000.00');
    },
  );
  it('a member who leaves mid-month is prorated to the last day, inclusive', () => {
    const plan = planOf([{ id: 'c', kind: 'rate', rate: '0.1' }]);
    const s = calculateStatement({
      plan,
      member: { ...member, endDate: '2026-01-10' },
      period: JAN_2026,
      quota: usd('31000'),
      credits: [],
    });
    expect(s.quota.amount).toBe('10000.00'); // 31,000 × 10/31 by hand
  });
});

describe('explanations', () => {
  it('explainStatement renders every line with its rule and credits', () => {
    const s = statement(
      [{ id: 'c', kind: 'rate', rate: '0.03', cap: { amount: '100', mode: 'forfeit' } }],
      [credit('k2', '5000'), credit('k1', '1000')],
    );
    const text = explainStatement(s);
    expect(text).toContain(
      '1. commission c: 180.00 USD — 6000.00 credited at 0.03 (3%) = 180.00 [rule v1/c; credits k1, k2]',
    );
    expect(text).toContain('2. cap c: -80.00 USD — capped at 100.00: 180.00 earned, -80.00 forfeited [rule v1/c]');
    expect(text).toContain('Earned 100.00 USD; payable 100.00 USD');
  });
});

describe('per-unit plans by activity', () => {
  it('QuotaPath SDR "opp/demo bonus + commission" variant (Q12): $25 per demo + $100 per opportunity', () => {
    // published rates; the counts (12 demos, 8 opportunities) are chosen here: 12 × 25 + 8 × 100 = 1,100 by hand
    const plan = planOf([
      { id: 'demos', kind: 'perUnit', amountPerUnit: '25', filter: { activities: ['demo'] } },
      { id: 'opps', kind: 'perUnit', amountPerUnit: '100', filter: { activities: ['qualifiedOpportunity'] } },
    ]);
    const unit = (id: string, activity: string) =>
      credit(id, '0', '2026-01-12', { kind: 'source', measure: 'units', units: 1, activity });
    const credits = [
      ...Array.from({ length: 12 }, (_, i) => unit(`demo${i}`, 'demo')),
      ...Array.from({ length: 8 }, (_, i) => unit(`opp${i}`, 'qualifiedOpportunity')),
      unit('x', 'meetingHeld'),
    ];
    const s = calculateStatement({ plan, member, period: JAN_2026, quota: usd('0'), credits });
    expect(s.lines.map((l) => [l.componentId, l.explanation.units, l.amount.amount])).toEqual([
      ['demos', 12, '300.00'],
      ['opps', 8, '800.00'],
    ]);
    expect(s.payable.amount).toBe('1100.00');
  });
});

describe('invalid input is refused, never ignored', () => {
  const plan = planOf([{ id: 'c', kind: 'rate', rate: '0.1' }]);
  const base = { plan, member, period: JAN_2026, quota: usd('1'), credits: [] };
  it.each([
    ['a period that is not one plan period', { period: { start: '2026-01-01', end: '2026-02-28' } }, 'INVALID_PERIOD'],
    ['a quota in another currency', { quota: { amount: '1', currency: 'EUR' } }, 'CURRENCY_MISMATCH'],
    [
      'a credit in another currency',
      { credits: [credit('k', '1', '2026-01-02', { amount: { amount: '1', currency: 'EUR' } })] },
      'CURRENCY_MISMATCH',
    ],
    ['carriedIn for a component that is not yearToDate', { carriedIn: { c: '100' } }, 'INVALID_INPUT'],
    [
      'clawbacks without a clawback policy',
      {
        clawbacks: [
          {
            id: 'e',
            dealId: 'd',
            creditDate: '2026-01-01',
            knownDate: '2026-01-02',
            base: usd('1'),
            rate: '0.1',
            paid: usd('1'),
          },
        ],
      },
      'INVALID_OPTION',
    ],
    [
      'a deferred balance for a component that does not defer',
      { priorBalance: { deferred: { c: usd('5') } } },
      'INVALID_INPUT',
    ],
    ['a positive carried balance', { priorBalance: { carried: usd('5') } }, 'INVALID_AMOUNT'],
    ['no version in force', { asOf: '2000-01-01' }, 'INVALID_INPUT'],
  ])('%s', (_name, patch, code) => {
    expect(() => calculateStatement({ ...base, ...(patch as object) } as StatementInput)).toThrow(
      expect.objectContaining({ code }),
    );
  });
  it('a clawback known outside the period is refused (it is posted when it becomes known)', () => {
    const p = planOf([{ id: 'c', kind: 'rate', rate: '0.1' }], {
      version: { clawback: { schedule: [{ withinDays: 30, share: '1' }] } },
    });
    expect(() =>
      calculateStatement({
        ...base,
        plan: p,
        clawbacks: [
          {
            id: 'e',
            dealId: 'd',
            creditDate: '2026-01-01',
            knownDate: '2026-02-02',
            base: usd('1'),
            rate: '0.1',
            paid: usd('1'),
          },
        ],
      }),
    ).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });
});

describe('fiscal calendars and currencies', () => {
  it('a fiscal year starting in July: the quarter and the true-up range follow it', () => {
    const plan = planOf([{ id: 'c', kind: 'rate', rate: '0.1' }], { periodLength: 'quarter', fiscalYearStartMonth: 7 });
    const q2 = { start: '2025-10-01', end: '2025-12-31' }; // FY2026 Q2
    const credits = [credit('a', '1000', '2025-08-01'), credit('b', '2000', '2025-11-01')];
    // by hand: 10 % of 2,000
    expect(calculateStatement({ plan, member, period: q2, quota: usd('1'), credits }).payable.amount).toBe('200.00');
    const t = calculateStatement({ plan, member, period: q2, quota: usd('1'), credits, paidToDate: usd('100') });
    expect(t.range).toEqual({ start: '2025-07-01', end: '2025-12-31' });
    expect(t.payable.amount).toBe('200.00'); // by hand: 10 % of 3,000 − 100
    expect(() =>
      calculateStatement({
        plan,
        member,
        period: { start: '2025-09-01', end: '2025-11-30' },
        quota: usd('1'),
        credits,
      }),
    ).toThrow(expect.objectContaining({ code: 'INVALID_PERIOD' }));
  });
  it('rounds to each currency’s minor unit: JPY 0 digits, BHD 3', () => {
    const jpy = planOf([{ id: 'c', kind: 'rate', rate: '0.035' }], { currency: 'JPY' });
    const s = calculateStatement({
      plan: jpy,
      member,
      period: JAN_2026,
      quota: { amount: '1', currency: 'JPY' },
      credits: [credit('k', '12345', '2026-01-03', { amount: { amount: '12345', currency: 'JPY' } })],
    });
    expect(s.payable).toEqual({ amount: '432', currency: 'JPY' }); // 12,345 × 0.035 = 432.075 → 432
    const bhd = planOf([{ id: 'c', kind: 'rate', rate: '0.035' }], { currency: 'BHD' });
    const b = calculateStatement({
      plan: bhd,
      member,
      period: JAN_2026,
      quota: { amount: '1', currency: 'BHD' },
      credits: [credit('k', '12.345', '2026-01-03', { amount: { amount: '12.345', currency: 'BHD' } })],
    });
    expect(b.payable).toEqual({ amount: '0.432', currency: 'BHD' }); // 12.345 × 0.035 = 0.432075 → 0.432
  });
});

describe('published numbers that are wrong', () => {
  it('Xactly printer rate-table example (X1) calls $75,000 of a $1,500,000 quota "50% of quota": it is 5 %', () => {
    const s = calculateStatement({
      plan: planOf([{ id: 'c', kind: 'rate', rate: '0' }], { periodLength: 'year' }),
      member,
      period: { start: '2026-01-01', end: '2026-12-31' },
      quota: usd('1500000'),
      credits: [credit('k', '75000', '2026-05-01')],
    });
    expect(s.attainment).toBe(0.05); // 75,000 / 1,500,000 by hand
  });
});

describe('exact beyond safe integers and below the minor unit', () => {
  it('sums credits past 2^53 cents exactly and keeps sub-cent credit digits until the line is rounded', () => {
    const s = statement(
      [{ id: 'c', kind: 'rate', rate: '0.1' }],
      [credit('a', '90000000000000.00'), credit('b', '90000000000000.01'), credit('c', '0.005'), credit('d', '0.005')],
    );
    // by hand: Σ = 180,000,000,000,000.02 → × 0.1 = 18,000,000,000,000.002 → 18,000,000,000,000.00
    expect(s.credited.amount).toBe('180000000000000.02');
    expect(s.payable.amount).toBe('18000000000000.00');
  });
});
