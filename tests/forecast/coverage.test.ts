import { describe, expect, it } from 'vitest';
import { pipelineCoverage } from '../../src/forecast/index.js';
import { money } from '../../src/core/index.js';
import { codeOf } from './helpers.js';

const usd = (a: number | string) => money(a, 'USD');

describe('pipelineCoverage (research E3)', () => {
  it('winsabove: $4.8M pipeline, $1.6M remaining, 22 % win rate', () => {
    // Oracle: winsabove glossary "Pipeline coverage ratio": "3.0x"; required "1 / 0.22 = 4.5x";
    // expected "4.8M × 0.22 = $1.06M … 66 % of the remaining number" (exact: 1,056,000 and 0.66).
    const c = pipelineCoverage(usd(4_800_000), usd(1_600_000), usd(0), { winRate: 0.22 });
    expect(c.coverage).toBe(3);
    expect(c.requiredCoverage).toBeCloseTo(4.545454545454545, 12);
    expect(c.expectedBookings).toEqual(usd('1056000'));
    expect(c.expectedShareOfRemaining).toBe(0.66);
    expect(c.quotaMet).toBe(false);
  });

  it('contextawareanalytics: $7.5M against a $2M target at 28 % → 3.75x, $2.1M expected', () => {
    // Oracle: contextawareanalytics "How to calculate pipeline coverage".
    const c = pipelineCoverage(usd(7_500_000), usd(2_000_000), usd(0), { winRate: 0.28 });
    expect(c.coverage).toBe(3.75);
    expect(c.expectedBookings?.amount).toBe('2100000.00');
  });

  it('getgangly: team B $2.64M / $800K = 3.3x, needs 1/0.18 ≈ 5.6x; team C $1.26M / $450K = 2.8x', () => {
    // Oracle: getgangly "Pipeline coverage ratio" (5.6x is 5.5556 rounded).
    const b = pipelineCoverage(usd(2_640_000), usd(800_000), usd(0), { winRate: 0.18 });
    expect(b.coverage).toBeCloseTo(3.3, 12);
    expect(b.requiredCoverage).toBeCloseTo(5.5556, 4);
    expect(pipelineCoverage(usd(1_260_000), usd(450_000), usd(0)).coverage).toBeCloseTo(2.8, 12);
  });

  it('subtracts closed bookings from the quota', () => {
    // By hand: quota 1,000,000 − closed 600,000 = 400,000 remaining; 1,200,000 / 400,000 = 3.
    const c = pipelineCoverage(usd(1_200_000), usd(1_000_000), usd(600_000));
    expect(c.remainingQuota).toEqual(usd(400_000));
    expect(c.coverage).toBe(3);
    expect(c.requiredCoverage).toBeUndefined();
  });

  it('remaining quota ≤ 0: coverage is null and quotaMet is true (never Infinity)', () => {
    // By hand: 1000 − 1000 = 0 remaining (and 1000 − 1500 = −500): an empty denominator is null, the library rule.
    const met = pipelineCoverage(usd(500), usd(1000), usd(1000), { winRate: 0.3 });
    expect(met.coverage).toBeNull();
    expect(met.quotaMet).toBe(true);
    expect(met.expectedShareOfRemaining).toBeNull();
    expect(pipelineCoverage(usd(500), usd(1000), usd(1500)).remainingQuota).toEqual(usd(-500));
    expect(pipelineCoverage(usd(1), usd(1), usd(0), { winRate: 0 }).requiredCoverage).toBeNull();
  });

  it('rejects bad input', () => {
    expect(codeOf(() => pipelineCoverage(usd(-1), usd(1), usd(0)))).toBe('INVALID_AMOUNT');
    expect(codeOf(() => pipelineCoverage(usd(1), money(1, 'EUR'), usd(0)))).toBe('CURRENCY_MISMATCH');
    expect(codeOf(() => pipelineCoverage(usd(1), usd(1), usd(0), { winRate: 22 }))).toBe('INVALID_RATE');
  });
});
