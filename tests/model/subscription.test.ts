/**
 * The Subscription schema's newer fields: `discount` ('forever' | 'limited'), `canceledAt`
 * (a calendar date) and `quantity` (a non-negative integer, `-0` read as `0` like every other
 * number field of the model — see `plusZero` in src/model/common.ts).
 */
import { describe, expect, it } from 'vitest';
import { parseSubscription, safeParseSubscription, SubscriptionSchema } from '../../src/model/index.js';
import { RevopsError } from '../../src/core/errors.js';

const base = {
  customerId: 'c1',
  period: { start: '2026-01-01', end: '2026-01-31' },
  mrr: { amount: '80', currency: 'EUR' },
};

function pathsOf(input: unknown): string[] {
  const r = safeParseSubscription(input);
  expect(r.ok).toBe(false);
  if (r.ok) return [];
  expect(r.error).toBeInstanceOf(RevopsError);
  expect(r.error.code).toBe('INVALID_INPUT');
  return (r.error.issues ?? []).map((i) => i.path.join('.'));
}

describe('Subscription.discount', () => {
  it.each(['forever', 'limited'] as const)('accepts %s', (discount) => {
    // computed by hand: the enum value is kept verbatim
    expect(parseSubscription({ ...base, listMrr: { amount: '100', currency: 'EUR' }, discount }).discount).toBe(
      discount,
    );
  });
  it('is optional (absent stays absent)', () => {
    expect('discount' in parseSubscription(base)).toBe(false);
  });
  it.each(['once', 'Forever', '', 1, null, true])('rejects %j naming the field', (discount) => {
    expect(pathsOf({ ...base, discount })).toEqual(['discount']);
  });
});

describe('Subscription.canceledAt', () => {
  it('accepts a calendar date, including 29 February in a leap year', () => {
    expect(parseSubscription({ ...base, canceledAt: '2026-01-15' }).canceledAt).toBe('2026-01-15');
    expect(parseSubscription({ ...base, canceledAt: '2028-02-29' }).canceledAt).toBe('2028-02-29');
  });
  it.each(['2026-02-30', '2027-02-29', '2026-1-15', '2026-01-15T10:00:00Z', '', 20260115, null])(
    'rejects %j naming the field',
    (canceledAt) => {
      expect(pathsOf({ ...base, canceledAt })).toEqual(['canceledAt']);
    },
  );
  it('the error message names the field and the value', () => {
    expect(() => parseSubscription({ ...base, canceledAt: '2026-02-30' })).toThrow(/canceledAt/);
  });
});

describe('Subscription.quantity', () => {
  it('accepts non-negative integers', () => {
    expect(parseSubscription({ ...base, quantity: 0 }).quantity).toBe(0);
    expect(parseSubscription({ ...base, quantity: 12 }).quantity).toBe(12);
  });
  it('reads -0 as +0 (like every number field of the model)', () => {
    const q = parseSubscription({ ...base, quantity: -0 }).quantity;
    expect(Object.is(q, 0)).toBe(true);
    expect(Object.is(SubscriptionSchema.parse({ ...base, quantity: -0 }).quantity, -0)).toBe(false);
  });
  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '3'])('rejects %j naming the field', (quantity) => {
    expect(pathsOf({ ...base, quantity })).toEqual(['quantity']);
  });
});

describe('JSON round trip', () => {
  it('a parsed row with every new field survives JSON.stringify → parse unchanged', () => {
    const row = parseSubscription({
      ...base,
      subscriptionId: 's1',
      planId: 'pro',
      listMrr: { amount: 100, currency: 'EUR' },
      quantity: -0,
      free: false,
      discount: 'limited',
      canceledAt: '2026-01-20',
    });
    const again = parseSubscription(JSON.parse(JSON.stringify(row)));
    expect(again).toEqual(row);
    // computed by hand: EUR has 2 minor digits, so 100 → '100.00'; -0 → 0
    expect(again).toEqual({
      customerId: 'c1',
      subscriptionId: 's1',
      planId: 'pro',
      period: { start: '2026-01-01', end: '2026-01-31' },
      mrr: { amount: '80.00', currency: 'EUR' },
      listMrr: { amount: '100.00', currency: 'EUR' },
      quantity: 0,
      free: false,
      discount: 'limited',
      canceledAt: '2026-01-20',
    });
    expect(Object.is(again.quantity, 0)).toBe(true);
  });
  it('unknown keys are still rejected next to the new ones', () => {
    expect(pathsOf({ ...base, discount: 'forever', cancelledAt: '2026-01-20' })).toEqual(['']);
  });
});
