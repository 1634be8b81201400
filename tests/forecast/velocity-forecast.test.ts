import { describe, expect, it } from 'vitest';
import { velocityForecast } from '../../src/forecast/index.js';
import { money } from '../../src/core/index.js';
import { codeOf } from './helpers.js';

describe('velocityForecast (research E2)', () => {
  it('winsabove: 18 opportunities × $42,000 × 24 % ÷ 78 days', () => {
    // Oracle: winsabove glossary "Sales velocity": "= 181,440 / 78 = $2,326 per day"; "over a 90-day quarter
    // … $209,340" — the article multiplies the rounded 2,326 by 90; exact 181,440 × 90 / 78 = 209,353.846… (by hand).
    const v = velocityForecast(
      { opportunities: 18, winRate: 0.24, averageDealSize: money(42000, 'USD'), cycleDays: 78 },
      { days: 90 },
    );
    expect(Math.round(v.perDay)).toBe(2326);
    expect(v.perDay).toBeCloseTo(181_440 / 78, 9);
    expect(v.total).toBeCloseTo(16_329_600 / 78, 9);
    expect(Math.abs(v.total - 209_340)).toBeGreaterThan(10); // not the early-rounded figure
    expect(v.currency).toBe('USD');
    // Same article, 65-day cycle: "$2,790 per day, or $251,100 per quarter"; exact 2,791.3846… and 251,224.615… (by hand).
    const w = velocityForecast(
      { opportunities: 18, winRate: 0.24, averageDealSize: 42000, cycleDays: 65 },
      { days: 90 },
    );
    expect(w.perDay).toBeCloseTo(2791.3846153846155, 9);
    expect(w.total).toBeCloseTo(251_224.6153846154, 8);
  });

  it('pipelineroad: 100 × 25 % × $30,000 ÷ 60 days = $12,500 per day', () => {
    // Oracle: pipelineroad glossary.
    expect(velocityForecast({ opportunities: 100, winRate: 0.25, averageDealSize: 30000, cycleDays: 60 }).perDay).toBe(
      12_500,
    );
  });

  it('mavenlb: 40 × £25,000 × 25 % ÷ 90 days = £2,777/day, £83,333/month, ~£1M/year', () => {
    // Oracle: mavenlb "The sales velocity formula" (truncates 2,777.78); month × 30 = 83,333.33, year × 365 = 1,013,888.89 (by hand).
    const inputs = { opportunities: 40, winRate: 0.25, averageDealSize: money(25000, 'GBP'), cycleDays: 90 };
    expect(Math.trunc(velocityForecast(inputs).perDay)).toBe(2777);
    expect(velocityForecast(inputs, { days: 30 }).total).toBeCloseTo(83_333.333333, 5);
    expect(velocityForecast(inputs, { days: 365 }).total).toBeCloseTo(1_013_888.888889, 5);
    // Its lever table: a 20 % shorter cycle raises velocity by 25 % (1/0.8).
    expect(velocityForecast({ ...inputs, cycleDays: 72 }).perDay / velocityForecast(inputs).perDay).toBeCloseTo(
      1.25,
      12,
    );
  });

  it('rejects bad input', () => {
    expect(codeOf(() => velocityForecast({ opportunities: -1, winRate: 0.2, averageDealSize: 1, cycleDays: 1 }))).toBe(
      'INVALID_INPUT',
    );
    expect(codeOf(() => velocityForecast({ opportunities: 1, winRate: 20, averageDealSize: 1, cycleDays: 1 }))).toBe(
      'INVALID_RATE',
    );
    expect(codeOf(() => velocityForecast({ opportunities: 1, winRate: 0.2, averageDealSize: 1, cycleDays: 0 }))).toBe(
      'INVALID_INPUT',
    );
    expect(
      codeOf(() =>
        velocityForecast({ opportunities: 1, winRate: 0.2, averageDealSize: money(-5, 'USD'), cycleDays: 3 }),
      ),
    ).toBe('INVALID_AMOUNT');
    expect(codeOf(() => velocityForecast({ opportunities: 1, winRate: 0.2, averageDealSize: -5, cycleDays: 3 }))).toBe(
      'INVALID_AMOUNT',
    );
    expect(
      codeOf(() => velocityForecast({ opportunities: 1, winRate: 0.2, averageDealSize: Number.NaN, cycleDays: 3 })),
    ).toBe('INVALID_AMOUNT');
  });
});
