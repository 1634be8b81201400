/**
 * Clawback in proportion to the unserved part of a contract term (policy basis `unservedTerm`).
 */
import { describe, expect, it } from 'vitest';
import { calculateStatement, definePlan, explainLine } from '../../src/commission/index.js';
import { month } from '../../src/core/index.js';
import type { ClawbackEvent } from '../../src/commission/index.js';
import { member, planOf, usd } from './helpers.js';

const plan = planOf([{ id: 'c', kind: 'rate', rate: '0.1' }], {
  version: { clawback: { basis: 'unservedTerm' } },
});

function clawback(event: { [K in keyof ClawbackEvent]?: ClawbackEvent[K] | undefined }, period = month(2026, 5)) {
  const e = {
    id: 'x',
    dealId: 'D-1',
    creditDate: '2026-01-01',
    knownDate: '2026-05-01',
    base: usd('12000'),
    rate: '0.1',
    paid: usd('1200'),
    termMonths: 12,
    ...event,
  } as ClawbackEvent;
  const s = calculateStatement({ plan, member, period, quota: usd('10000'), credits: [], clawbacks: [e] });
  return { s, line: s.lines.find((l) => l.kind === 'clawback') as (typeof s.lines)[number] };
}

describe("clawback basis 'unservedTerm'", () => {
  it('a customer who churns after 4 of 12 months: 8/12 of the commission is clawed back', () => {
    // 12,000 × 10 % = 1,200 paid; 2026-01-01 + 4 months = 2026-05-01 → 4 served, 8 unserved:
    // 1,200 × 8/12 = 800.00 (by hand)
    const { s, line } = clawback({});
    expect(line.amount.amount).toBe('-800.00');
    expect(line.explanation.detail).toEqual({
      rule: 'clawbackTerm',
      dealId: 'D-1',
      creditDate: '2026-01-01',
      termStart: '2026-01-01',
      termMonths: 12,
      servedMonths: 4,
      paid: '1200.00',
      limited: false,
    });
    expect(explainLine(line, s)).toBe(
      'deal D-1 cancelled after 4 of 12 months of its term from 2026-01-01: the unserved 8/12 of 12000.00 at the ' +
        'original 0.1 (10%) is reversed = -800.00',
    );
  });

  // zepys, "How to handle refunds and clawbacks with agents"
  it('a 12-month contract cancelled after 6 months → 50 % clawed back', () => {
    // https://staging.zepys.com/learn/how-to-handle-refunds-and-clawbacks-with-agents — "if a customer on a 12 month
    // contract cancels after 6 months, you might claw back 50% of the commission rather than 100%".
    const { line } = clawback({ knownDate: '2026-07-01' }, month(2026, 7));
    expect(line.amount.amount).toBe('-600.00'); // 1,200 × 6/12
  });

  it('whole months only: a day short of the 5th month counts 4; the term served claws nothing back', () => {
    expect(clawback({ knownDate: '2026-05-31' }).line.amount.amount).toBe('-800.00'); // 4 served (June 1 is 5)
    expect(clawback({ knownDate: '2026-04-30' }, month(2026, 4)).line.amount.amount).toBe('-900.00'); // 3 served
    expect(clawback({ knownDate: '2027-01-01' }, month(2027, 1)).line.amount.amount).toBe('0.00'); // 12 served
    // the 31st + 1 month is the month's last day (core addMonths): Jan 31 → Feb 28 is one month served
    expect(
      clawback({ creditDate: '2026-01-31', knownDate: '2026-02-28' }, month(2026, 2)).line.explanation.detail,
    ).toMatchObject({ servedMonths: 1 });
  });

  it('non-terminating shares are rounded once, and never more than was paid', () => {
    // 1,000 × 10 % = 100 × 5/7 = 71.428… → 71.43 (7-month term, 2 served)
    expect(
      clawback({ base: usd('1000'), paid: usd('100'), termMonths: 7, knownDate: '2026-03-01' }, month(2026, 3)).line
        .amount.amount,
    ).toBe('-71.43');
    const { line } = clawback({ paid: usd('500') });
    expect(line.amount.amount).toBe('-500.00'); // 800 at the original rate, but only 500 was paid
    expect(line.explanation.detail).toMatchObject({ limited: true });
  });

  it('termStart moves the start of the term', () => {
    // the service started 2026-03-01 although the credit is dated 2026-01-01: 2 months served to 2026-05-01 → 10/12
    expect(clawback({ termStart: '2026-03-01' }).line.amount.amount).toBe('-1000.00');
  });

  it('refuses an event without termMonths, a bad term, and a policy that mixes the two bases', () => {
    expect(() => clawback({ termMonths: undefined })).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT', field: 'clawbacks[0] (id "x").termMonths' }),
    );
    expect(() => clawback({ termMonths: 0 })).toThrow(
      expect.objectContaining({ field: 'clawbacks[0] (id "x").termMonths' }),
    );
    expect(() => clawback({ termStart: '2026-06-01' })).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT', field: 'clawbacks[0] (id "x").termStart' }),
    );
    expect(() =>
      definePlan(
        planOf([], {
          version: { clawback: { basis: 'unservedTerm', schedule: [{ withinDays: 30, share: '1' }] } },
        }),
      ),
    ).toThrow(expect.objectContaining({ code: 'INVALID_PLAN' }));
    expect(() => definePlan(planOf([], { version: { clawback: {} } }))).toThrow(
      expect.objectContaining({ code: 'INVALID_PLAN', message: expect.stringContaining('clawback.schedule') }),
    );
  });
});
