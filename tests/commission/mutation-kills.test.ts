/**
 * Draw behaviour that StrykerJS found untested (docs/mutation.md), each with values worked out
 * by hand from the draw rules of src/commission/draws.ts (Xactly Plan Design › Draws; Oracle
 * Fusion IC "Example of Incentive Compensation Draw and Recovery"): the first and last day a draw
 * is in effect, the first day of recovery, recovery rounded down, no recovery line when nothing
 * is recovered, and the facts a recovery line carries.
 */
import { describe, expect, it } from 'vitest';
import { type Balances, calculateStatement, type Statement } from '../../src/commission/index.js';
import { month } from '../../src/core/index.js';
import { credit, member, planOf, usd } from './helpers.js';

type Draw = NonNullable<NonNullable<Parameters<typeof planOf>[1]>['version']>['draw'];

/** One month's statement of a 10 % rate plan with `draw`: credits of 10 × `earned`. */
function statement(draw: Draw, m: number, earned: string, prior: Partial<Balances> = {}): Statement {
  const plan = planOf([{ id: 'c', kind: 'rate', rate: '0.1' }], { version: { draw } });
  const period = month(2026, m);
  const credits = earned === '0' ? [] : [credit(`k${m}`, (Number(earned) * 10).toFixed(2), period.start)];
  return calculateStatement({ plan, member, period, quota: usd('10000'), credits, priorBalance: prior });
}

const line = (s: Statement, kind: string) => s.lines.find((l) => l.kind === kind);

describe('when a draw is in effect (inclusive dates)', () => {
  it('a draw that starts on the last day of the month is paid that month', () => {
    const s = statement({ type: 'nonRecoverable', amount: '500', start: '2026-01-31' }, 1, '300');
    // 300 earned + the 500 draw
    expect(line(s, 'draw')?.amount.amount).toBe('500.00');
    expect(s.payable.amount).toBe('800.00');
  });

  it('a draw that ends on the first day of the month is paid that month, and not the next', () => {
    const draw: Draw = { type: 'nonRecoverable', amount: '500', start: '2026-01-01', end: '2026-02-01' };
    expect(line(statement(draw, 2, '300'), 'draw')?.amount.amount).toBe('500.00');
    expect(line(statement(draw, 3, '300'), 'draw')).toBeUndefined();
  });

  it('a draw line of a whole period carries no proration', () => {
    const s = statement({ type: 'nonRecoverable', amount: '500', start: '2026-01-01' }, 1, '300');
    expect(line(s, 'draw')?.explanation.detail).toMatchObject({
      rule: 'draw',
      drawType: 'nonRecoverable',
      perPeriod: '500.00',
      proration: null,
    });
  });
});

describe('recovery', () => {
  const ended: Draw = { type: 'recoverable', amount: '500', start: '2025-01-01', end: '2025-12-31' };

  it('starts on recoveryStart itself: a recoveryStart on the last day of the month recovers that month', () => {
    const draw: Draw = { ...ended, recoveryStart: '2026-01-31' };
    const s = statement(draw, 1, '800', { draw: usd('500') });
    // the draw ended last year: all of the 800 is available, the balance 500 is recovered
    expect(line(s, 'recovery')?.amount.amount).toBe('-500.00');
    expect(s.payable.amount).toBe('300.00');
  });

  it('does not start before recoveryStart', () => {
    const s = statement({ ...ended, recoveryStart: '2026-02-01' }, 1, '800', { draw: usd('500') });
    expect(line(s, 'recovery')).toBeUndefined();
    expect(s.balances.draw.amount).toBe('500.00');
  });

  it('is rounded down to the cent: half of 1,000.01 recovers 500.00, not 500.01', () => {
    const s = statement({ ...ended, recoveryShare: '0.5' }, 1, '1000.01', { draw: usd('5000') });
    expect(line(s, 'recovery')?.amount.amount).toBe('-500.00');
    // balance 5,000 − 500.00
    expect(s.balances.draw.amount).toBe('4500.00');
  });

  it('a recovery with one decimal is written at the cent: half of 801 recovers 400.50', () => {
    const s = statement({ ...ended, recoveryShare: '0.5' }, 1, '801', { draw: usd('5000') });
    expect(line(s, 'recovery')?.amount.amount).toBe('-400.50');
    // balance 5,000 − 400.50; paid 801 − 400.50
    expect([s.balances.draw.amount, s.payable.amount]).toEqual(['4599.50', '400.50']);
  });

  it('writes no recovery line when nothing is available (pay at the guarantee)', () => {
    const draw: Draw = { type: 'recoverableGuarantee', amount: '1000', start: '2026-01-01' };
    // 400 earned, topped up by 600 to the 1,000 guarantee: nothing above the guarantee to recover
    const s = statement(draw, 1, '400', { draw: usd('800') });
    expect(line(s, 'recovery')).toBeUndefined();
    expect(s.lines.map((l) => l.kind)).toEqual(['commission', 'draw']);
    // balance 800 + the 600 top-up
    expect(s.balances.draw.amount).toBe('1400.00');
  });

  it('a recovery line names its rule and carries the balance, the draw and the cap', () => {
    const s = statement({ ...ended, recoveryCap: '250' }, 1, '800', { draw: usd('500') });
    const rec = line(s, 'recovery');
    expect(rec?.amount.amount).toBe('-250.00');
    expect(rec?.explanation.ruleId).toBe('draw/recovery');
    expect(rec?.explanation.detail).toEqual({ rule: 'recovery', balance: '500.00', draw: null, cap: '250.00' });
    const uncapped = line(statement(ended, 1, '800', { draw: usd('500') }), 'recovery');
    expect(uncapped?.explanation.detail).toEqual({ rule: 'recovery', balance: '500.00', draw: null, cap: null });
  });

  it('while the draw is in effect the line carries the draw, and recovery keeps pay at the draw', () => {
    const draw: Draw = { type: 'recoverableGuarantee', amount: '1000', start: '2026-01-01' };
    const s = statement(draw, 1, '1600', { draw: usd('800') });
    // 1,600 earned, 600 above the 1,000 guarantee: 600 recovered, paid 1,000, balance 200
    expect(line(s, 'recovery')?.explanation.detail).toEqual({
      rule: 'recovery',
      balance: '800.00',
      draw: '1000.00',
      cap: null,
    });
    expect([s.payable.amount, s.balances.draw.amount]).toEqual(['1000.00', '200.00']);
  });
});

describe('draws (C1 survivors)', () => {
  it('a draw that starts after the period is not paid in it', () => {
    const s = statement({ type: 'nonRecoverable', amount: '500', start: '2026-02-01' }, 1, '300');
    expect(line(s, 'draw')).toBeUndefined();
    expect(s.payable.amount).toBe('300.00');
  });

  it('a non-recoverable draw recovers nothing, whatever balance is carried in', () => {
    const s = statement({ type: 'nonRecoverable', amount: '500', start: '2026-01-01' }, 1, '800', {
      draw: usd('300'),
    });
    // 800 earned + the 500 draw; no recovery line
    expect(line(s, 'recovery')).toBeUndefined();
    expect(s.payable.amount).toBe('1300.00');
  });
});
