/**
 * Worked numbers for each sheets function, from the same sources as the library functions they
 * wrap (each noted), and the error value of each kind of bad input.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/modules.mjs';
import * as sheets from '../../src/sheets/index.js';
import {
  CAC_PAYBACK,
  COMMISSION_TIERED,
  CONVERSION_RATE,
  GRR,
  HOLT_WINTERS_FORECAST,
  LINEAR_TREND_FORECAST,
  LTV,
  MRR_MOVEMENTS,
  NRR,
  PIPELINE_P10,
  PIPELINE_P50,
  PIPELINE_P90,
  WEIGHTED_PIPELINE,
  WILSON_LOWER,
  WILSON_UPPER,
  WIN_RATE,
} from '../../src/sheets/index.js';

describe('rates', () => {
  it('CONVERSION_RATE: 20 sales from 100 prospects = 20 % (the design brief), from text cells', () => {
    expect(CONVERSION_RATE('20', '100')).toBe(0.2);
    expect(CONVERSION_RATE(null, 10)).toBe(0);
    expect(CONVERSION_RATE(1.5, 10)).toBe('#NUM!');
    expect(CONVERSION_RATE(true as never, 10)).toBe('#VALUE!');
  });

  it('WIN_RATE: 3 won, 1 lost = 0.75; nothing closed is #DIV/0!', () => {
    expect(WIN_RATE('3', '1')).toBe(0.75);
    expect(WIN_RATE(0, null)).toBe('#DIV/0!');
    expect(WIN_RATE(2.5, 1)).toBe('#NUM!');
  });

  it('WILSON_LOWER / WILSON_UPPER: R prop.test(18, 20, correct = FALSE) → 0.6989664 0.9721335', () => {
    expect(WILSON_LOWER(18, 20)).toBeCloseTo(0.6989663547715128, 12);
    expect(WILSON_UPPER(18, 20)).toBeCloseTo(0.9721335187862319, 12);
    // confidence blank (Excel's web: null; Apps Script: '') is the default 0.95
    expect(WILSON_LOWER(18, 20, null)).toBe(WILSON_LOWER(18, 20));
    expect(WILSON_LOWER(18, 20, '')).toBe(WILSON_LOWER(18, 20));
    expect(WILSON_LOWER(0, 20)).toBe(0);
    expect(WILSON_UPPER(0, 0)).toBe('#DIV/0!');
    expect(WILSON_UPPER(21, 20)).toBe('#NUM!');
  });
});

describe('pipeline', () => {
  it('WEIGHTED_PIPELINE: Freshworks, six Negotiation deals at 70 % of 12,285 = 8,599.50', () => {
    const rows = [3950, 3060, 1460, 1340, 1285, 1190].map((a) => [a, 0.7]);
    expect(WEIGHTED_PIPELINE(rows)).toBe(8599.5);
    expect(WEIGHTED_PIPELINE(rows, 'eur')).toBe(8599.5);
    expect(WEIGHTED_PIPELINE([])).toBe(0);
    expect(WEIGHTED_PIPELINE(rows, 'XYZ')).toBe('#VALUE!');
    expect(WEIGHTED_PIPELINE([[100, 0.5, 'nowhere']])).toBe('#VALUE!');
    expect(WEIGHTED_PIPELINE([[100, '']])).toBe('#VALUE!');
    expect(WEIGHTED_PIPELINE([[100]])).toBe('#VALUE!');
  });

  it('PIPELINE_P10/P50/P90: deals of 100,000 at 50 %, 50,000 at 80 %, 20,000 at 30 %', () => {
    // the outcomes and their probabilities, by hand: 0 (0.07), 20k (0.03), 50k (0.28), 70k (0.12),
    // 100k (0.07), 120k (0.03), 150k (0.28), 170k (0.12); cumulative 0.07 0.10 0.38 0.50 0.57 0.60 0.88 1
    // → exact P10 = 20,000 (F = 0.10, on the edge), P50 = 70,000 (on the edge), P90 = 170,000
    const range = [
      [100000, 0.5],
      [50000, 0.8],
      [20000, 0.3],
    ];
    const p10 = PIPELINE_P10(range, 20000, 7) as number;
    const p50 = PIPELINE_P50(range, 20000, 7) as number;
    expect([0, 20000, 50000]).toContain(p10);
    expect([50000, 70000, 100000]).toContain(p50);
    expect(PIPELINE_P90(range, 20000, 7)).toBe(170000);
    expect(PIPELINE_P50(range, 0)).toBe('#VALUE!');
    expect(PIPELINE_P50(range, 100, 'seed')).toBe('#VALUE!');
  });
});

describe('COMMISSION_TIERED', () => {
  const table = [
    [0, 0.05],
    [10000, 0.07],
  ];

  it('marginal tiers on amounts: 45,000 → 5 % of 10,000 + 7 % of 35,000 = 2,950 (by hand; the README)', () => {
    expect(COMMISSION_TIERED(45000, table)).toBe(2950);
    expect(COMMISSION_TIERED(8000, table)).toBe(400);
    expect(COMMISSION_TIERED(0, table)).toBe(0);
  });

  it('retroactive: the whole amount at the tier reached, 7 % × 45,000 = 3,150', () => {
    expect(COMMISSION_TIERED(45000, table, null, 'Retroactive')).toBe(3150);
    // boundary 'higher': exactly 10,000 is in the 7 % tier
    expect(COMMISSION_TIERED(10000, table, '', 'retroactive')).toBe(700);
  });

  it('attainment tiers against a quota: 5 % up to 100 % of quota, 8 % above', () => {
    // quota 100,000, bookings 120,000, tiers [0, 1) 5 %, [1, ∞) 8 %: 100,000 × 5 % + 20,000 × 8 % = 6,600
    expect(
      COMMISSION_TIERED(
        120000,
        [
          ['From', 'To', 'Rate'],
          [0, 1, '5%'],
          ['100%', '', '8%'],
        ],
        100000,
      ),
    ).toBe(6600);
  });

  it('refuses malformed tables and options with #VALUE!', () => {
    expect(
      COMMISSION_TIERED(45000, [
        [0, 1000, 0.05],
        [2000, '', 0.07],
      ]),
    ).toBe('#VALUE!'); // a gap
    expect(
      COMMISSION_TIERED(45000, [
        [0, 0.05],
        [0, 0.07],
      ]),
    ).toBe('#VALUE!'); // an empty tier
    expect(COMMISSION_TIERED(45000, [])).toBe('#VALUE!');
    expect(COMMISSION_TIERED(45000, table, null, 'stepwise')).toBe('#VALUE!');
    expect(COMMISSION_TIERED('lots', table)).toBe('#VALUE!');
  });
});

describe('retention', () => {
  // revops/retention's own worked example: a 100 → 150, b 100 → 80
  const rows = [
    ['a', '2026-01', 100],
    ['a', '2026-02', 150],
    ['b', '2026-01', 100],
    ['b', '2026-02', 80],
  ];

  it('NRR = 230 / 200 = 1.15, GRR = 180 / 200 = 0.9', () => {
    expect(NRR(rows, '2026-02')).toBe(1.15);
    expect(GRR(rows, '2026-02')).toBe(0.9);
    expect(NRR(rows, '2026-02', '2026-02')).toBe(1.15);
    expect(NRR(rows, '2026-01')).toBe('#DIV/0!');
    expect(NRR(rows, 'February')).toBe('#VALUE!');
  });

  it('MRR_MOVEMENTS: the bridge adds up (starting + new + expansion − contraction − churned + reactivation)', () => {
    const m = MRR_MOVEMENTS([...rows, ['c', '2026-02', '30.5']], '2026-02') as [string, number][];
    expect(m).toEqual([
      ['starting', 200],
      ['new', 30.5],
      ['expansion', 50],
      ['contraction', 20],
      ['churned', 0],
      ['reactivation', 0],
      ['ending', 260.5],
    ]);
    expect(MRR_MOVEMENTS([['a', '2026-01', -5]], '2026-01')).toBe('#VALUE!');
  });

  it('LTV: 100 / 0.05 = 2,000; with margin 0.8, 80 / 0.05 = 1,600 (by hand)', () => {
    expect(LTV(100, 0.05)).toBe(2000);
    expect(LTV('100', '5%', '80%')).toBe(1600);
    expect(LTV(100, 0)).toBe('#DIV/0!');
    expect(LTV(100, 1.5)).toBe('#NUM!');
  });

  it('CAC_PAYBACK: 770,000 / (100,000 × 0.7) = 11 months (the library example)', () => {
    expect(CAC_PAYBACK(770000, 100000, 0.7)).toBe(11);
    expect(CAC_PAYBACK(1200, 100)).toBe(12);
    expect(CAC_PAYBACK(1200, 0)).toBe('#DIV/0!');
  });
});

describe('forecast', () => {
  it('HOLT_WINTERS_FORECAST: a straight line is forecast along itself', () => {
    // y = 10t: level and trend track a line exactly whatever the estimated α and β (Holt 1957)
    const line = [[10], [20], [30], [40], [50], [60], [70], [80]];
    const f = HOLT_WINTERS_FORECAST(line, 3) as number[][];
    expect(f.map(([v]) => Math.round(v as number))).toEqual([90, 100, 110]);
    expect(HOLT_WINTERS_FORECAST(line, 0)).toBe('#VALUE!');
    expect(HOLT_WINTERS_FORECAST([[1], [2]], 2, 4)).toBe('#N/A');
  });

  it('LINEAR_TREND_FORECAST: 1, 3, 5, 7 → 9, 11 (y = 2t − 1)', () => {
    expect(LINEAR_TREND_FORECAST([[1], [3], [5], [7]], 2)).toEqual([[9], [11]]);
    expect(LINEAR_TREND_FORECAST([[1]], 2)).toBe('#N/A');
    expect(LINEAR_TREND_FORECAST([['x'], ['y']], 2)).toBe('#VALUE!');
  });
});

describe('the sheets module', () => {
  const names = Object.entries(sheets)
    .filter(([, v]) => typeof v === 'function')
    .map(([k]) => k);

  it('never throws: every function returns an error value for hostile arguments', () => {
    const hostile: unknown[] = [undefined, null, {}, [], [[]], Symbol('s'), () => 1, new Proxy({}, { get: () => 1 })];
    for (const name of names.filter((n) => /^[A-Z]/.test(n))) {
      const fn = (sheets as unknown as Record<string, (...a: unknown[]) => unknown>)[name] as (
        ...a: unknown[]
      ) => unknown;
      for (const h of hostile) {
        expect(() => fn(h, h, h, h), name).not.toThrow();
      }
    }
  });

  it('every formula function is documented with an @example (api-examples skips capitalised names)', () => {
    const text = ['rates', 'pipeline', 'commission', 'retention', 'forecast', 'errors']
      .map((f) => readFileSync(join(ROOT, 'src/sheets', `${f}.ts`), 'utf8'))
      .join('\n');
    for (const name of names) {
      const at = text.search(new RegExp(`export function ${name}\\(`));
      expect(at, name).toBeGreaterThan(0);
      const doc = text.slice(text.lastIndexOf('/**', at), at);
      expect(doc, name).toContain('@example');
      expect(doc, name).toContain('@returns');
    }
  });
});
