/**
 * A read of the caller's data that throws becomes a RevopsError naming the field's path, with
 * the caller's exception as `cause` (docs/conventions.md, "Errors and refusals"; issue 14).
 * Inputs: the @example of `summarizeMrrMovements` (src/retention/mrr-movements-summary.ts) and
 * of `cohortRetention` (src/retention/cohort-table.ts) with one field replaced.
 */
import { describe, expect, it } from 'vitest';
import { cohortRetention, mrrMovements, summarizeMrrMovements } from '../../src/retention/index.js';
import { throwingGetterAt, throwingProxyAt, unreadableFacts } from '../thrown.js';

const boom = new Error('locked');
const row = (customerId: string, start: string, end: string, amount: string) => ({
  customerId,
  period: { start, end },
  mrr: { amount, currency: 'USD' },
});
const february = { period: { start: '2026-02-01', end: '2026-02-28' } };

describe('retention: a throwing read of the caller’s data is named, with cause', () => {
  it('summarizeMrrMovements: subscriptions[1].mrr a getter that throws', () => {
    const rows = [row('a', '2026-01-01', '2026-01-31', '10.00'), row('b', '2026-01-01', '2026-02-28', '5.00')];
    rows[1] = throwingGetterAt(rows[1] as ReturnType<typeof row>, 'mrr', boom);
    expect(unreadableFacts(() => summarizeMrrMovements(rows as never, february))).toEqual([
      'INVALID_INPUT',
      'subscriptions[1].mrr could not be read (reading it threw Error: locked)',
      'subscriptions[1].mrr',
      boom,
    ]);
  });

  it('mrrMovements: a period behind a proxy that throws for end', () => {
    const r = row('a', '2026-01-01', '2026-01-31', '10.00');
    const rows = [{ ...r, period: throwingProxyAt(r.period, 'end', boom) }];
    expect(unreadableFacts(() => mrrMovements(rows as never, february))).toEqual([
      'INVALID_INPUT',
      'subscriptions[0].period.end could not be read (reading it threw Error: locked)',
      'subscriptions[0].period.end',
      boom,
    ]);
  });

  it('cohortRetention: subscriptions[2].customerId a getter that throws', () => {
    const rows = [
      row('a', '2026-01-01', '2026-03-31', '10'),
      row('b', '2026-01-01', '2026-01-31', '10'),
      throwingGetterAt(row('c', '2026-02-01', '2026-03-31', '20'), 'customerId', boom),
    ];
    expect(unreadableFacts(() => cohortRetention(rows as never))).toEqual([
      'INVALID_INPUT',
      'subscriptions[2].customerId could not be read (reading it threw Error: locked)',
      'subscriptions[2].customerId',
      boom,
    ]);
  });
});
