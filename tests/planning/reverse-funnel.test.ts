import { describe, expect, it } from 'vitest';
import { reverseFunnel } from '../../src/planning/index.js';

const usd = (amount: string) => ({ amount, currency: 'USD' });

describe('reverseFunnel', () => {
  it('reproduces TREW Marketing’s worked example', () => {
    // TREW Marketing, "Calculate leads to revenue in 3 steps": $500,000 ÷ $10,000 = 50 customers; at a
    // 2 % lead-to-customer rate, 2,500 leads. (Lead → opportunity 2 %, opportunity → won 100 %.)
    const f = reverseFunnel(usd('500000.00'), { averageDealSize: usd('10000.00'), winRate: 1, leadConversion: 0.02 });
    expect(f.wins.expected).toBe(50);
    expect(f.leads.expected).toBeCloseTo(2500, 9);
    expect(f.leads.required).toBe(2500);
  });

  it('works a yearly target back per month (by hand: 480,000 / (20,000 × 0.25 × 0.10) = 960 leads)', () => {
    const f = reverseFunnel(usd('480000.00'), {
      averageDealSize: usd('20000.00'),
      winRate: 0.25,
      leadConversion: 0.1,
      periods: 12,
    });
    expect(f.steps.map((s) => [s.name, s.expected, s.perPeriod])).toEqual([
      ['leads', 960, 80],
      ['opportunities', 96, 8],
      ['wins', 24, 2],
    ]);
    expect(f.leads.interval).toBeNull();
  });

  it('carries the uncertainty of measured counts up the funnel (log-scale delta method, by hand)', () => {
    // win 25 of 100, lead → opportunity 10 of 100. Var(ln p̂) = (1 − p̂)/(n p̂): 0.03 and 0.09.
    // Opportunities 96 · exp(±1.959964 · √0.03) = [68.3658, 134.8043]; leads 960 · exp(±1.959964 · √0.12)
    // = [486.8625, 1892.9367] (Python's math module).
    const f = reverseFunnel(usd('480000.00'), {
      averageDealSize: usd('20000.00'),
      winRate: { successes: 25, trials: 100 },
      leadConversion: { successes: 10, trials: 100 },
    });
    expect(f.opportunities.interval?.lower).toBeCloseTo(68.36578438922936, 8);
    expect(f.opportunities.interval?.upper).toBeCloseTo(134.80427500882922, 8);
    expect(f.leads.interval?.lower).toBeCloseTo(486.8625494952706, 7);
    expect(f.leads.interval?.upper).toBeCloseTo(1892.9367250683395, 7);
    expect(f.wins.interval).toBeNull();
  });

  it('walks stage by stage and through meetings', () => {
    // 24 wins; negotiation → won 0.8: 30 in negotiation; proposal → negotiation 0.6: 50 proposals;
    // opportunity → proposal 0.5: 100 opportunities; meeting → opportunity 0.5: 200 meetings;
    // lead → meeting 0.25: 800 leads (by hand).
    const f = reverseFunnel(usd('480000.00'), {
      averageDealSize: usd('20000.00'),
      stageConversions: [
        { name: 'proposal', rate: 0.5 },
        { name: 'negotiation', rate: 0.6 },
        { name: 'won', rate: 0.8 },
      ],
      leadConversion: [
        { name: 'meeting', rate: 0.25 },
        { name: 'opportunity', rate: 0.5 },
      ],
    });
    expect(f.steps.map((s) => [s.name, Math.round(s.expected * 1e9) / 1e9])).toEqual([
      ['leads', 800],
      ['meeting', 200],
      ['opportunities', 100],
      ['proposal', 50],
      ['negotiation', 30],
      ['wins', 24],
    ]);
    expect(f.winRate).toBeCloseTo(0.24, 12);
    expect(f.leadConversion).toBeCloseTo(0.125, 12);
  });

  it('rounds up what must be planned, and refuses what cannot be', () => {
    const f = reverseFunnel(usd('100000.00'), { averageDealSize: usd('30000.00'), winRate: 0.3, leadConversion: 0.5 });
    // 3.33… wins, 11.11… opportunities, 22.22… leads
    expect([f.wins.required, f.opportunities.required, f.leads.required]).toEqual([4, 12, 23]);
    const base = { averageDealSize: usd('1.00'), leadConversion: 0.5 };
    expect(() => reverseFunnel(usd('1.00'), base)).toThrow(/winRate must be given, or stageConversions/);
    expect(() => reverseFunnel(usd('1.00'), { ...base, winRate: 0 })).toThrow(
      expect.objectContaining({ code: 'INVALID_RATE' }),
    );
    expect(() => reverseFunnel(usd('1.00'), { ...base, winRate: { successes: 0, trials: 5 } })).toThrow(
      /inputs.winRate.successes must be an integer from 1 to 5, got 0/,
    );
    expect(() => reverseFunnel(usd('0.00'), { ...base, winRate: 0.5 })).toThrow(/target.amount must be positive/);
    expect(() =>
      reverseFunnel(usd('1.00'), { ...base, averageDealSize: { amount: '1.00', currency: 'EUR' }, winRate: 0.5 }),
    ).toThrow(expect.objectContaining({ code: 'CURRENCY_MISMATCH' }));
  });
});
