import { describe, expect, it } from 'vitest';
import { pipelineVelocity } from '../../src/metrics/pipeline-velocity.js';

const close = (actual: number, expected: number) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-12 * Math.abs(expected));

// published worked examples (winsabove, pipelineroad and mavenlb sales-velocity articles)
describe('pipelineVelocity', () => {
  // the article's 209,340 multiplies the rounded 2,326
  it('(a) winsabove: 18 × 42,000 × 24% ÷ 78 days = 2,326.153846…/day; 90-day quarter 209,353.846…', () => {
    const v = pipelineVelocity(
      { opportunities: 18, winRate: 0.24, averageDealSize: 42000, cycleLengthDays: 78 },
      { periodDays: 90 },
    );
    close(v.expectedValue, 181440);
    close(v.perDay, 181440 / 78);
    close(v.perPeriod, (181440 * 90) / 78);
    expect(Math.round(v.perDay)).toBe(2326);
  });
  // published 2,790 and 251,100 rounded early
  it('(a) with a 65-day cycle: 2,791.384615…/day and 251,224.615… per quarter', () => {
    const v = pipelineVelocity({
      opportunities: 18,
      winRate: 0.24,
      averageDealSize: { amount: '42000.00', currency: 'USD' },
      cycleLengthDays: 65,
    });
    // Money in, Money out, each rounded once: 181,440 ÷ 65 = 2,791.3846… → 2,791.38;
    // 181,440 × 90 ÷ 65 = 251,224.6153… → 251,224.62 (not 2,791.38 × 90 = 251,224.20)
    expect(v.expectedValue).toEqual({ amount: '181440.00', currency: 'USD' });
    expect(v.perDay).toEqual({ amount: '2791.38', currency: 'USD' });
    expect(v.perPeriod).toEqual({ amount: '251224.62', currency: 'USD' });
    expect(v.periodDays).toBe(90);
  });
  it('(b) pipelineroad: 100 × 25% × 30,000 ÷ 60 = 12,500 per day exactly', () => {
    expect(
      pipelineVelocity({ opportunities: 100, winRate: 0.25, averageDealSize: 30000, cycleLengthDays: 60 }).perDay,
    ).toBe(12500);
  });
  it('(c) mavenlb: 40 × £25,000 × 25% ÷ 90 = 2,777.77…/day, × 30 = 83,333.33/month, × 365 = 1,013,888.89/year', () => {
    const i = { opportunities: 40, winRate: 0.25, averageDealSize: 25000, cycleLengthDays: 90 };
    close(pipelineVelocity(i).perDay, 250000 / 90);
    close(pipelineVelocity(i, { periodDays: 30 }).perPeriod, 250000 / 3);
    close(pipelineVelocity(i, { periodDays: 365 }).perPeriod, (250000 * 365) / 90);
    // lever table: a 20% shorter cycle raises velocity by 25% (1 / 0.8)
    close(pipelineVelocity({ ...i, cycleLengthDays: 72 }).perDay / pipelineVelocity(i).perDay, 1.25);
  });
  it('throws on bad input', () => {
    const ok = { opportunities: 1, winRate: 0.5, averageDealSize: 10, cycleLengthDays: 10 };
    expect(() => pipelineVelocity({ ...ok, cycleLengthDays: 0 })).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT', field: 'inputs.cycleLengthDays' }),
    );
    expect(() => pipelineVelocity({ ...ok, opportunities: -1 })).toThrow(
      expect.objectContaining({ code: 'INVALID_COUNT', field: 'inputs.opportunities' }),
    );
    // a count is an integer: 2.5 opportunities, or the string "3", are refused
    expect(() => pipelineVelocity({ ...ok, opportunities: 2.5 })).toThrow(
      expect.objectContaining({ code: 'INVALID_COUNT', field: 'inputs.opportunities' }),
    );
    expect(() => pipelineVelocity({ ...ok, opportunities: '3' as never })).toThrow(
      expect.objectContaining({ code: 'INVALID_COUNT', field: 'inputs.opportunities' }),
    );
    expect(() => pipelineVelocity({ ...ok, averageDealSize: Number.NaN })).toThrow(
      expect.objectContaining({ code: 'INVALID_AMOUNT', field: 'inputs.averageDealSize' }),
    );
    expect(() => pipelineVelocity({ ...ok, averageDealSize: { amount: '-1.00', currency: 'USD' } })).toThrow(
      expect.objectContaining({ code: 'INVALID_AMOUNT', field: 'inputs.averageDealSize.amount' }),
    );
    expect(() => pipelineVelocity({ ...ok, winRate: 25 })).toThrow(
      expect.objectContaining({ code: 'INVALID_RATE', field: 'inputs.winRate' }),
    );
    expect(() => pipelineVelocity(ok, { periodDays: 0 })).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTION', field: 'options.periodDays' }),
    );
    expect(() => pipelineVelocity(null as never)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });
});
