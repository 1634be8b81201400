/**
 * Tiered components against published worked examples (research/commission.md §3, EX-3, EX-4)
 * and Oracle's boundary rule (O4). Every expected number says where it comes from.
 */
import { describe, expect, it } from 'vitest';
import { calculateStatement } from '../../src/commission/index.js';
import { credit, JAN_2026, member, planOf, tiered, usd } from './helpers.js';

function pay(
  components: Parameters<typeof planOf>[0],
  amounts: string[],
  options: { quota?: string; carriedIn?: Record<string, string> } = {},
) {
  const credits = amounts.map((a, i) => credit(`k${i + 1}`, a));
  return calculateStatement({
    plan: planOf(components),
    member,
    period: JAN_2026,
    quota: usd(options.quota ?? '100000'),
    credits,
    ...(options.carriedIn ? { carriedIn: options.carriedIn } : {}),
  });
}

describe('marginal vs retroactive on the same data', () => {
  const tiers = [
    { from: '0', to: '10000', rate: '0.05' },
    { from: '10000', rate: '0.07' },
  ];
  it('acebista/firebeat EXTENDED_COMPENSATION doc (EX-4a): sales 45,000 → slab 2,950, level 3,150', () => {
    const slab = pay([tiered('marginal', 'periodToDate', 'higher', tiers)], ['45000']);
    // published "Slab" = 10k×5% + 35k×7% = 500 + 2,450 = 2,950
    expect(slab.lines.map((l) => l.amount.amount)).toEqual(['500.00', '2450.00']);
    expect(slab.payable.amount).toBe('2950.00');
    const level = pay([tiered('retroactive', 'periodToDate', 'higher', tiers)], ['45000']);
    // published "Level" = 45k × 7% = 3,150
    expect(level.payable.amount).toBe('3150.00');
    expect(level.lines).toHaveLength(1);
    expect(level.lines[0]?.explanation.tier).toEqual({ index: 1, from: '10000.00', to: null, boundary: 'higher' });
  });

  it('TieredCommissionCalculator / bentega.io (EX-4b): 30,000 → marginal 2,050; retroactive (derived) 3,000', () => {
    const t = [
      { from: '0', to: '10000', rate: '0.05' },
      { from: '10000', to: '25000', rate: '0.07' },
      { from: '25000', rate: '0.10' },
    ];
    // published: 500 + 1,050 + 500 = 2,050
    expect(pay([tiered('marginal', 'periodToDate', 'higher', t)], ['30000']).payable.amount).toBe('2050.00');
    // derived in the research file (not published): 30,000 × 10% = 3,000
    expect(pay([tiered('retroactive', 'periodToDate', 'higher', t)], ['30000']).payable.amount).toBe('3000.00');
  });

  it('enable.com "retrospective tiers" (EX-4c): 110,000 → 3,300; nothing below the first tier at 100,000', () => {
    const t = [
      { from: '100000', to: '200000', rate: '0.03' },
      { from: '200000', to: '300000', rate: '0.04' },
      { from: '300000', rate: '0.05' },
    ];
    // published actual earnings 3% of 110,000 = 3,300
    expect(pay([tiered('retroactive', 'periodToDate', 'higher', t)], ['110000']).payable.amount).toBe('3300.00');
    // computed by hand: 99,999 is below the first tier → 0
    expect(pay([tiered('retroactive', 'periodToDate', 'higher', t)], ['99999']).payable.amount).toBe('0.00');
  });

  it('bonuspaycalc.com blended tiers (EX-4d): 180,000 → 10,600', () => {
    const t = [
      { from: '0', to: '100000', rate: '0.05' },
      { from: '100000', to: '250000', rate: '0.07' },
      { from: '250000', rate: '0.09' },
    ];
    // published 5,000 + 5,600 = 10,600
    expect(pay([tiered('marginal', 'periodToDate', 'higher', t)], ['180000']).payable.amount).toBe('10600.00');
  });

  it(
    'gist richardlawrence/1138036 (EX-4e): 6,000 → 620; 4,000 → 400; exactly 5,000 → 500 under both boundary ' +
      'rules',
    () => {
      const t = [
        { from: '0', to: '5000', rate: '0.10' },
        { from: '5000', rate: '0.12' },
      ];
      // published values; marginal tiers pay the same at a bound whichever tier owns it
      expect(pay([tiered('marginal', 'periodToDate', 'higher', t)], ['6000']).payable.amount).toBe('620.00');
      expect(pay([tiered('marginal', 'periodToDate', 'higher', t)], ['4000']).payable.amount).toBe('400.00');
      expect(pay([tiered('marginal', 'periodToDate', 'higher', t)], ['5000']).payable.amount).toBe('500.00');
      expect(pay([tiered('marginal', 'periodToDate', 'lower', t)], ['5000']).payable.amount).toBe('500.00');
    },
  );
});

describe('a value exactly on a tier bound', () => {
  // Oracle "Equal Tier Values" (O4): 50,000 on a 25,000–50,000 (2 %) / 50,000–75,000 (3 %) table
  // uses the higher tier: 3 %, not 2 %. Spiff tier_payout (S2) uses the lower tier by default.
  // The 0–25,000 tier (1 %) is added to start the table at zero; it is not in the source.
  const t = [
    { from: '0', to: '25000', rate: '0.01' },
    { from: '25000', to: '50000', rate: '0.02' },
    { from: '50000', to: '75000', rate: '0.03' },
    { from: '75000', rate: '0.04' },
  ];
  it('boundary higher → 3 % (Oracle O4): 50,000 × 3 % = 1,500', () => {
    const s = pay([tiered('retroactive', 'periodToDate', 'higher', t)], ['50000']);
    expect(s.payable.amount).toBe('1500.00'); // computed by hand: 50,000 × 0.03
    expect(s.lines[0]?.explanation.rate).toBe('0.03');
  });
  it('boundary lower → 2 % (Spiff tier_payout default, S2): 50,000 × 2 % = 1,000', () => {
    const s = pay([tiered('retroactive', 'periodToDate', 'lower', t)], ['50000']);
    expect(s.payable.amount).toBe('1000.00'); // computed by hand: 50,000 × 0.02
    expect(s.lines[0]?.explanation.tier).toEqual({ index: 1, from: '25000.00', to: '50000.00', boundary: 'lower' });
  });
  it('one cent above the bound is in the higher tier under both rules', () => {
    // computed by hand: 50,000.01 × 0.03 = 1,500.0003 → 1,500.00
    expect(pay([tiered('retroactive', 'periodToDate', 'lower', t)], ['50000.01']).payable.amount).toBe('1500.00');
  });
  it('attainment tiers decide on exact decimals: 1/3 of quota is not 0.3333333333333333', () => {
    // quota 300.00, credited 100.00: attainment exactly 1/3; a tier starting at 0.3333333333333333
    // (the float) is reached, one starting at 0.33333333333333334 is not (computed by hand).
    const q = [
      { from: '0', to: '0.3333333333333333', rate: '0' },
      { from: '0.3333333333333333', rate: '0.1' },
    ];
    expect(
      pay([tiered('retroactive', 'periodToDate', 'higher', q, 'attainment')], ['100'], { quota: '300' }).payable.amount,
    ).toBe('10.00');
    const r = [
      { from: '0', to: '0.33333333333333334', rate: '0' },
      { from: '0.33333333333333334', rate: '0.1' },
    ];
    expect(
      pay([tiered('retroactive', 'periodToDate', 'higher', r, 'attainment')], ['100'], { quota: '300' }).payable.amount,
    ).toBe('0.00');
  });
});

describe('per-credit vs period-to-date scope', () => {
  // Oracle Fusion IC "Examples of Calculating Earnings Using Step Rates" (O1, EX-1): 0–1,000 at 1 %,
  // 1,000–3,000 at 2 %, 3,000–8,000 at 3 %, 8,000–20,000 at 5 % (modelled open-ended from 8,000:
  // no total here reaches 20,000). Six transactions in the quarter.
  const oracle = [
    { from: '0', to: '1000', rate: '0.01' },
    { from: '1000', to: '3000', rate: '0.02' },
    { from: '3000', to: '8000', rate: '0.03' },
    { from: '8000', rate: '0.05' },
  ];
  const six = ['200', '300', '1500', '1200', '2000', '4500'];
  it('Oracle step rates, transactions processed individually: 2 + 3 + 20 + 14 + 30 + 95 = 164 USD', () => {
    const s = pay([tiered('marginal', 'perCredit', 'higher', oracle)], six);
    expect(s.payable.amount).toBe('164.00'); // published total 164 USD
    // per-tier lines (by hand from the published per-transaction splits): tier 1 200 + 300 + 4 × 1,000 = 4,500 at 1 %
    // = 45;
    // tier 2 500 + 200 + 1,000 + 2,000 = 3,700 at 2 % = 74; tier 3 1,500 at 3 % = 45
    expect(s.lines.map((l) => [l.explanation.base?.amount, l.amount.amount])).toEqual([
      ['4500.00', '45.00'],
      ['3700.00', '74.00'],
      ['1500.00', '45.00'],
    ]);
  });
  it('Oracle step rates, cumulative over the interval: the same six transactions pay 285 USD', () => {
    // research/commission.md §0 (EX-1): 285 USD; by hand 1,000 × 1 % + 2,000 × 2 % + 5,000 × 3 % + 1,700 × 5 % = 10 +
    // 40 + 150 + 85
    expect(pay([tiered('marginal', 'periodToDate', 'higher', oracle)], six).payable.amount).toBe('285.00');
  });
  it(
    'Spiff accelerator functions (S3, EX-3 family): 102,000 on 0–50,000 / 50,000–100,000 / 100,000+ splits 50,000 ' +
      '/ 50,000 / 2,000',
    () => {
      const t3 = [
        { from: '0', to: '50000', rate: '0.05' },
        { from: '50000', to: '100000', rate: '0.06' },
        { from: '100000', rate: '0.07' },
      ];
      const s = pay([tiered('marginal', 'periodToDate', 'higher', t3)], ['102000']);
      // published allocation per tier; amounts derived in the research file: 2,500 + 3,000 + 140 = 5,640
      expect(s.lines.map((l) => [l.explanation.base?.amount, l.amount.amount])).toEqual([
        ['50000.00', '2500.00'],
        ['50000.00', '3000.00'],
        ['2000.00', '140.00'],
      ]);
      expect(s.payable.amount).toBe('5640.00');
    },
  );
  it(
    'Oracle interpolated amount table, processed individually: 149 USD (an amount per tier split proportionally ' +
      'is a marginal rate of amount ÷ width)',
    () => {
      // Oracle "Examples of Calculating Earnings Using Interpolated Rates" (O2): tier amounts 10 (0–1,000), 40
      // (1,000–3,000),
      // 100 (3,000–8,000); T6 4,500 → 10 + 40 + 1,500/5,000 × 100 = 80; published total 149 USD.
      // As rates: 10/1,000 = 1 %, 40/2,000 = 2 %, 100/5,000 = 2 %.
      const t = [
        { from: '0', to: '1000', rate: '0.01' },
        { from: '1000', to: '3000', rate: '0.02' },
        { from: '3000', to: '8000', rate: '0.02' },
        { from: '8000', rate: '0.02' },
      ];
      expect(pay([tiered('marginal', 'perCredit', 'higher', t)], six).payable.amount).toBe('149.00');
    },
  );
  const t = [
    { from: '0', to: '150000', rate: '0.04' },
    { from: '150000', to: '250000', rate: '0.06' },
    { from: '250000', rate: '0.08' },
  ];
  it(
    'Spiff mamount Trailhead example (EX-3): 145,000 carried in, a 20,000 deal → 1,100 (5,000 at 4 %, 15,000 at 6 ' +
      '%)',
    () => {
      const s = pay([tiered('marginal', 'yearToDate', 'higher', t)], ['20000'], { carriedIn: { t: '145000' } });
      // published: 5,000 in tier 1 at 4 % (200) and 15,000 in tier 2 at 6 % (900); mamount = 1,100
      expect(s.lines.map((l) => [l.explanation.base?.amount, l.explanation.rate, l.amount.amount])).toEqual([
        ['5000.00', '0.04', '200.00'],
        ['15000.00', '0.06', '900.00'],
      ]);
      expect(s.payable.amount).toBe('1100.00');
    },
  );
  it('the same deal processed individually walks from zero: 20,000 × 4 % = 800 (derived contrast)', () => {
    // derived, not published: per-credit scope ignores the running total (Oracle "processed individually")
    expect(pay([tiered('marginal', 'perCredit', 'higher', t)], ['20000']).payable.amount).toBe('800.00');
  });
  it(
    'Oracle "Defining Revenue Non Quota": after 10,000, a 5,000 transaction is rated at 15,000 cumulative or ' +
      '5,000 alone',
    () => {
      // Rate table: 0–10,000 at 5 %, from 10,000 at 10 % (hypothetical rates; Oracle's text gives only the two lookup
      // values).
      const r = [
        { from: '0', to: '10000', rate: '0.05' },
        { from: '10000', rate: '0.10' },
      ];
      // period to date, retroactive: the rate at 15,000 (10 %) on the whole 15,000 = 1,500 (computed by hand)
      expect(pay([tiered('retroactive', 'periodToDate', 'higher', r)], ['10000', '5000']).payable.amount).toBe(
        '1500.00',
      );
      // per credit, retroactive: 10,000 sits on the bound → 10 % (higher) = 1,000; 5,000 → 5 % = 250; total 1,250 (by
      // hand)
      const perCredit = pay([tiered('retroactive', 'perCredit', 'higher', r)], ['10000', '5000']);
      expect(perCredit.payable.amount).toBe('1250.00');
      expect(perCredit.lines.map((l) => [l.explanation.tier?.index, l.explanation.creditIds])).toEqual([
        [0, ['k2']],
        [1, ['k1']],
      ]);
    },
  );
  it(
    'per-credit marginal: two 100,000 deals each walk 0–150,000 → 2 × 4,000 = 8,000; PTD 200,000 → 6,000 + 3,000 ' +
      '= 9,000',
    () => {
      // computed by hand
      expect(pay([tiered('marginal', 'perCredit', 'higher', t)], ['100000', '100000']).payable.amount).toBe('8000.00');
      expect(pay([tiered('marginal', 'periodToDate', 'higher', t)], ['100000', '100000']).payable.amount).toBe(
        '9000.00',
      );
    },
  );
});

describe('accelerators, decelerators and interpolation', () => {
  it('Sales Cookie KB cumulative vs non-cumulative tiers: 110 % of a 100,000 quota', () => {
    // published tiers: under 100 % → 6 %, 100–150 % → 8 %, above 150 % → 10 %; amounts computed by hand:
    // marginal 100,000 × 6 % + 10,000 × 8 % = 6,800; non-cumulative 110,000 × 8 % = 8,800.
    const t = [
      { from: '0', to: '1', rate: '0.06' },
      { from: '1', to: '1.5', rate: '0.08' },
      { from: '1.5', rate: '0.10' },
    ];
    const m = pay([tiered('marginal', 'periodToDate', 'higher', t, 'attainment')], ['110000']);
    expect(m.payable.amount).toBe('6800.00');
    expect(m.attainment).toBe(1.1);
    expect(pay([tiered('retroactive', 'periodToDate', 'higher', t, 'attainment')], ['110000']).payable.amount).toBe(
      '8800.00',
    );
  });
  it('decelerator: half rate below 50 % of quota (QuotaPath Q1 pattern), 40 % attainment', () => {
    // computed by hand: 40,000 × 5 % = 2,000 (retroactive), vs 10 % once 50 % is reached
    const t = [
      { from: '0', to: '0.5', rate: '0.05' },
      { from: '0.5', rate: '0.10' },
    ];
    expect(pay([tiered('retroactive', 'periodToDate', 'higher', t, 'attainment')], ['40000']).payable.amount).toBe(
      '2000.00',
    );
    expect(pay([tiered('retroactive', 'periodToDate', 'higher', t, 'attainment')], ['50000']).payable.amount).toBe(
      '5000.00',
    );
  });
  it('interpolated: the rate moves linearly from 5 % at 0 to 10 % at 100,000', () => {
    // computed by hand: at 40,000 the rate is 5 % + 5 % × 0.4 = 7 %; 40,000 × 7 % = 2,800
    const t = [
      { from: '0', to: '100000', rate: '0.05' },
      { from: '100000', rate: '0.10' },
    ];
    expect(pay([tiered('interpolated', 'periodToDate', 'higher', t)], ['40000']).payable.amount).toBe('2800.00');
    // per credit: 40,000 → 2,800 and 20,000 → 20,000 × 6 % = 1,200; total 4,000 (by hand)
    expect(pay([tiered('interpolated', 'perCredit', 'higher', t)], ['40000', '20000']).payable.amount).toBe('4000.00');
    // non-terminating: 1/3 of the way (33,333.33) → 33,333.33 × (0.05 + 0.05 × 0.3333333) = 2,222.221… → 2,222.22
    // (Python Fraction)
    expect(pay([tiered('interpolated', 'periodToDate', 'higher', t)], ['33333.33']).payable.amount).toBe('2222.22');
  });
  it('credit notes reduce the base: 45,000 sold, 5,000 refunded → 40,000 on the slab table = 2,600', () => {
    // computed by hand: 500 + 30,000 × 7 % = 2,600
    const t = [
      { from: '0', to: '10000', rate: '0.05' },
      { from: '10000', rate: '0.07' },
    ];
    expect(pay([tiered('marginal', 'periodToDate', 'higher', t)], ['45000', '-5000']).payable.amount).toBe('2600.00');
  });
});
