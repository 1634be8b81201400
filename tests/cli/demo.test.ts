/**
 * `revops demo`: the report on the sample organisation, read from its JSON files. Numbers are
 * checked against sums computed here by hand from the sample data (integer cents).
 */
import { describe, expect, it } from 'vitest';
import { loadSample } from '../../src/cli/sample.js';
import { revops } from './helpers.js';

/** Whole cents of a decimal amount string, by hand (no library code). */
const cents = (amount: string): number => {
  const [i = '0', f = ''] = amount.split('.');
  return Number(i) * 100 + Number(`${f}00`.slice(0, 2));
};
const usd = (c: number): string => `${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`;

describe('revops demo', async () => {
  const org = loadSample();
  const q3 = await revops('demo', '--period', '2026-Q3', '--json');
  const json = JSON.parse(q3.stdout);

  it('runs the whole report on the sample organisation', () => {
    expect(q3.code).toBe(0);
    expect(json.title).toContain('Northwind Cloud');
    expect(json.asOf).toBe('2026-10-15');
    expect(Object.keys(json)).toEqual(
      expect.arrayContaining(['pipeline', 'funnel', 'winRates', 'team', 'retention', 'commission']),
    );
    expect(json.data.files.find((f: { kind: string }) => f.kind === 'deals').imported).toBe(org.deals.length);
  });

  it('pays the SDR plan as written: 1% of sourced bookings won plus 150 per sourced deal won', () => {
    // by hand from data/sample: the SDR plan has no tiers, so
    // pay = 0.01 × Σ sourced + 150 × count (+ 1000 at 100% of quota)
    const inQ3 = (d: string | undefined): boolean => d !== undefined && d >= '2026-07-01' && d <= '2026-09-30';
    const sourced = org.deals.filter(
      (d) => d.stage === 'closed-won' && d.sourceMemberId === 'm-jamie' && inQ3(d.closeDate),
    );
    const credited = sourced.reduce((s, d) => s + cents(d.amount.amount), 0);
    const quota = cents(
      org.quotas.find((q) => q.memberId === 'm-jamie' && q.period.start === '2026-07-01')?.amount.amount ?? '',
    );
    const pay = Math.round(credited / 100) + 150_00 * sourced.length + (credited >= quota ? 1000_00 : 0);
    const jamie = json.commission.statements.find((s: { memberId: string }) => s.memberId === 'm-jamie');
    expect(jamie.statement.credited.amount).toBe(usd(credited));
    expect(jamie.statement.payable.amount).toBe(usd(pay));
  });

  it('counts closed won bookings of the quarter as a by-hand sum does', () => {
    const won = org.deals.filter(
      (d) =>
        d.stage === 'closed-won' &&
        d.closeDate !== undefined &&
        d.closeDate >= '2026-07-01' &&
        d.closeDate <= '2026-09-30',
    );
    expect(json.pipeline.categories.closed.count).toBe(won.length);
    expect(json.pipeline.categories.closed.amount.amount).toBe(
      usd(won.reduce((s, d) => s + cents(d.amount.amount), 0)),
    );
  });

  it('counts the activities and calls of the quarter as a by-hand count does', () => {
    const inQ3 = org.activities.filter((a) => a.at >= '2026-07-01' && a.at < '2026-10-01');
    for (const row of json.team.rows) {
      const mine = inQ3.filter((a) => a.memberId === row.memberId);
      expect([row.activities, row.calls]).toEqual([mine.length, mine.filter((a) => a.kind === 'call').length]);
    }
    expect(json.team.rows.reduce((n: number, r: { activities: number }) => n + r.activities, 0)).toBeGreaterThan(0);
  });

  it('prints the text report, each statement explained, with no build log', async () => {
    const r = await revops('demo');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(/^Northwind Cloud \(sample organisation\) — 2026-Q4/);
    expect(r.stdout).toMatch(/how the statement was computed\n\s+Statement for /);
    expect(r.stdout).not.toMatch(/ESM|CJS|DTS|Build success/);
    expect(r.stderr).toBe('');
  });
});
