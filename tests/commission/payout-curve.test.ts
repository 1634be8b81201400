/**
 * `payoutCurve`'s arguments and its choice of plan version, credit kind and measure. Payouts are
 * worked out by hand: a 10 % (or 20 %) rate on `attainment × quota`.
 */
import { describe, expect, it } from 'vitest';
import { payoutCurve } from '../../src/commission/index.js';
import type { PayoutCurveOptions } from '../../src/commission/index.js';
import { LIMITS } from '../../src/core/index.js';
import { planOf, usd } from './helpers.js';
import { thrownRevopsError as thrown } from '../thrown.js';

const rate = planOf([{ id: 'c', kind: 'rate', rate: '0.1' }]);
const quota = usd('1000');

describe('payoutCurve arguments', () => {
  it('takes exactly LIMITS.curvePoints attainments, and refuses one more', () => {
    const at = (n: number) => new Array<number>(n).fill(1);
    const points = payoutCurve(rate, at(LIMITS.curvePoints), { quota });
    // by hand: each point is 100 % of the 1,000 quota at 10 %: 100.00
    expect([points.length, points[0]?.payout.amount, points[LIMITS.curvePoints - 1]?.payout.amount]).toEqual([
      LIMITS.curvePoints,
      '100.00',
      '100.00',
    ]);
    expect(thrown(() => payoutCurve(rate, at(LIMITS.curvePoints + 1), { quota })).field).toBe('attainments.length');
  });

  it('attainments that are not an array are refused, named', () => {
    const e = thrown(() => payoutCurve(rate, 'abc' as unknown as string[], { quota }));
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.message).toMatch(/^attainments must be an array, got /);
  });

  it('options missing, null or a primitive: options.quota is required', () => {
    for (const options of [undefined, null, 5, 'q']) {
      const e = thrown(() => payoutCurve(rate, [1], options as unknown as PayoutCurveOptions));
      expect(e.code).toBe('INVALID_INPUT');
      expect(e.message).toMatch(/^options\.quota is required, got /);
    }
  });

  it('a quota that is not money is refused as options.quota', () => {
    const e = thrown(() => payoutCurve(rate, [1], { quota: { amount: 'x', currency: 'USD' } }));
    expect(e.message).toMatch(/^options\.quota/);
  });

  it('a quota in another currency is refused, naming the plan currency', () => {
    const e = thrown(() => payoutCurve(rate, [1], { quota: { amount: '1000', currency: 'EUR' } }));
    expect(e.code).toBe('CURRENCY_MISMATCH');
    expect(e.message).toMatch(/^options\.quota\.currency must be the plan currency USD, got /);
  });

  it('an asOf that is not a date is refused, named', () => {
    const e = thrown(() => payoutCurve(rate, [1], { quota, asOf: '2026-02-30' }));
    expect(e.message).toMatch(/^options\.asOf /);
  });

  it('a negative attainment is refused, named by its position', () => {
    const e = thrown(() => payoutCurve(rate, [1, '-0.5'], { quota }));
    expect(e.code).toBe('INVALID_RATE');
    expect(e.message).toMatch(/^attainments\[1\] must not be negative, got /);
  });

  it('an attainment that is not a decimal is refused, named by its position', () => {
    const e = thrown(() => payoutCurve(rate, [1, 2, 'x'], { quota }));
    expect(e.message).toMatch(/^attainments\[2\] /);
  });
});

describe('payoutCurve picks', () => {
  const twoVersions = planOf([], {
    versions: [
      {
        id: 'v1',
        effectiveFrom: '2025-01-01',
        effectiveTo: '2025-12-31',
        components: [{ id: 'c', kind: 'rate', rate: '0.1' }],
      },
      { id: 'v2', effectiveFrom: '2026-01-01', components: [{ id: 'c', kind: 'rate', rate: '0.2' }] },
    ],
  });

  it('the latest version by default, the version of asOf when given', () => {
    // 1.5 × 1,000 credited: 20 % → 300.00 under v2, 10 % → 150.00 under v1
    expect(payoutCurve(twoVersions, ['1.5'], { quota })[0]?.payout.amount).toBe('300.00');
    expect(payoutCurve(twoVersions, ['1.5'], { quota, asOf: '2025-06-30' })[0]?.payout.amount).toBe('150.00');
    // listed latest first: still the latest
    const reversed = { ...twoVersions, versions: [...twoVersions.versions].reverse() };
    expect(payoutCurve(reversed, ['1.5'], { quota })[0]?.payout.amount).toBe('300.00');
  });

  it('the first kind of the plan’s attainment selector, and owner when it names measure only', () => {
    // a component counting only split credits pays 10 % when attainment is measured on split credits
    const split = planOf([{ id: 'c', kind: 'rate', rate: '0.1', kinds: ['split'] }], {
      version: { attainment: { kinds: ['split', 'owner'] } },
    });
    expect(payoutCurve(split, ['2'], { quota })[0]?.payout.amount).toBe('200.00');
    // measure only: the credit is an owner credit in that measure (10 % of 2 × 1,000)
    const measureOnly = planOf([{ id: 'c', kind: 'rate', rate: '0.1', measure: 'acv' }], {
      version: { attainment: { measure: 'acv' } },
    });
    expect(payoutCurve(measureOnly, ['2'], { quota })[0]?.payout.amount).toBe('200.00');
  });

  it('a gate judged to date is judged on the curve’s own attainment (below the 0.8 gate nothing)', () => {
    const gated = planOf([{ id: 'c', kind: 'rate', rate: '0.1', gate: '0.8', gateOn: 'toDate' }]);
    const points = payoutCurve(gated, ['0.5', '1'], { quota });
    // 0.5 < 0.8: nothing; 1 ≥ 0.8: 10 % of 1,000
    expect(points.map((p) => [p.attainment, p.credited.amount, p.payout.amount])).toEqual([
      ['0.5', '500.00', '0.00'],
      ['1', '1000.00', '100.00'],
    ]);
  });
});
