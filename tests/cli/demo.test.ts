import { describe, expect, it } from 'vitest';
import { runDemo } from '../../src/cli/demo.js';
import { loadSample } from '../../src/cli/sample.js';

/** Whole cents of a decimal amount string, by hand (no library code). */
const cents = (amount: string): number => {
  const [i = '0', f = ''] = amount.split('.');
  return Number(i) * 100 + Math.sign(Number(i) || 1) * Number((f + '00').slice(0, 2));
};
const usd = (c: number): string =>
  `USD ${Math.floor(c / 100).toLocaleString('en-US')}.${String(c % 100).padStart(2, '0')}`;

describe('revops demo', () => {
  const org = loadSample();
  const lines: string[] = [];
  runDemo(org, (l) => lines.push(l));
  const text = lines.join('\n');

  it('reports on the embedded sample organisation, every member under their role', () => {
    expect(text).toContain('Northwind Cloud');
    expect(text).toContain(`Deals: ${org.deals.length}`);
    for (const m of org.members) expect(lines.some((l) => l.includes(m.roleId) && l.includes(m.name))).toBe(true);
  });

  it('prints stage totals that match a by-hand sum of the sample deals', () => {
    // computed here with integer cents, independently of revops' money code
    for (const stage of ['closed-won', 'closed-lost', 'discovery']) {
      const total = org.deals.filter((d) => d.stage === stage).reduce((s, d) => s + cents(d.amount.amount), 0);
      const line = lines.find((l) => l.trim().startsWith(stage));
      expect(line).toBeDefined();
      expect(line).toContain(usd(total));
    }
  });

  it('pays the SDR plan as written: 1% of sourced bookings won plus 150 per sourced deal won', () => {
    // by hand from data/sample: the SDR plan has no tiers, so pay = 0.01 × Σ sourced + 150 × count (+ 1000 at 100% of quota)
    const q3 = (d: string | undefined): boolean => d !== undefined && d >= '2026-07-01' && d <= '2026-09-30';
    const sourced = org.deals.filter(
      (d) => d.stage === 'closed-won' && d.sourceMemberId === 'm-jamie' && q3(d.closeDate),
    );
    const credited = sourced.reduce((s, d) => s + cents(d.amount.amount), 0);
    const quota = cents(
      org.quotas.find((q) => q.memberId === 'm-jamie' && q.period.start === '2026-07-01')!.amount.amount,
    );
    const pay = Math.round(credited / 100) + 150_00 * sourced.length + (credited >= quota ? 1000_00 : 0);
    const line = lines.find((l) => l.includes('Jamie Chen') && l.includes('payable'));
    expect(line).toContain(usd(credited));
    expect(line).toContain(usd(pay));
  });

  it('explains one statement line by line', () => {
    expect(text).toContain('How one statement was computed');
    expect(text).toMatch(/Lines:\n\s+1\. /);
  });
});
