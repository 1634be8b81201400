/**
 * House rules as properties, over wide inputs: (1) no function mutates its arguments — every
 * input (rows, periods, money, options, summaries) is deep-frozen, so a write would throw in
 * strict mode, and it is compared with a JSON copy afterwards; (2) no output holds NaN or
 * ±Infinity (an infinite quantity is `{ finite: false, value: null }`, an empty rate `null`);
 * (3) a refusal is a RevopsError, never a TypeError or RangeError.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RevopsError } from '../../src/core/errors.js';
import type { Subscription } from '../../src/model/subscription.js';
import {
  cacPaybackMonths,
  churnRate,
  cohortRetention,
  compoundChurn,
  compoundRetention,
  customerLifetime,
  customerRetentionRate,
  finalizeCohortRetention,
  finalizeMrrMovements,
  fitShiftedBetaGeometric,
  grossRevenueRetention,
  lifetimeValue,
  ltvToCac,
  mergeCohortRetention,
  mergeMrrMovements,
  mrrMovements,
  netRevenueRetention,
  quickRatio,
  retentionProfitImpact,
  sbgDel,
  sbgDerl,
  sbgExpectedLifetime,
  sbgProject,
  sbgRetentionRate,
  sbgSurvival,
  summarizeCohortRetention,
  summarizeMrrMovements,
} from '../../src/retention/index.js';

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** Every number reachable from `value` is finite. */
function assertFinite(value: unknown, path = 'result'): void {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`${path} is ${value}`);
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) assertFinite(v, `${path}.${k}`);
  }
}

/** Runs `f` on frozen `args`, checks they did not change and the output is finite; a throw must be a RevopsError. */
function check<A extends unknown[]>(f: (...args: A) => unknown, ...args: A): void {
  const before = JSON.stringify(args);
  deepFreeze(args);
  let out: unknown;
  try {
    out = f(...args);
  } catch (e) {
    expect(e).toBeInstanceOf(RevopsError);
    return;
  } finally {
    expect(JSON.stringify(args)).toBe(before);
  }
  assertFinite(out);
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const monthPeriod = (m: number) => {
  const y = 2025 + Math.floor(m / 12);
  const mm = m % 12;
  const leap = y % 4 === 0 && mm === 1 ? 29 : DAYS[mm];
  return {
    start: `${y}-${String(mm + 1).padStart(2, '0')}-01`,
    end: `${y}-${String(mm + 1).padStart(2, '0')}-${leap}`,
  };
};

const rowArb: fc.Arbitrary<Subscription> = fc
  .record({
    c: fc.integer({ min: 0, max: 6 }),
    m: fc.integer({ min: 0, max: 23 }),
    len: fc.integer({ min: 0, max: 13 }),
    cents: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 10_000_000 })),
    free: fc.boolean(),
    limited: fc.boolean(),
    cancel: fc.option(fc.integer({ min: 0, max: 27 }), { nil: undefined }),
  })
  .map(({ c, m, len, cents, free, limited, cancel }) => ({
    customerId: `c${c}`,
    subscriptionId: `s${c}-${m}`,
    period: { start: monthPeriod(m).start, end: monthPeriod(Math.min(35, m + len)).end },
    mrr: { amount: (free ? 0 : cents / 100).toFixed(2), currency: 'USD' },
    listMrr: { amount: (cents / 100 + 5).toFixed(2), currency: 'USD' },
    quantity: 1 + (c % 3),
    ...(free ? { free: true } : {}),
    ...(limited ? { discount: 'limited' as const } : {}),
    ...(cancel === undefined ? {} : { canceledAt: monthPeriod(m + cancel).start }),
  }));

/** Rows with one subscription id each (rows of one id that share a month end are refused with DUPLICATE_ID). */
const rowsArb = (maxLength: number) =>
  fc.array(rowArb, { maxLength }).map((rows) => rows.map((r, i) => ({ ...r, subscriptionId: `s${i}` })));

const optionsArb = fc.record({
  preset: fc.constantFrom('chartmogul' as const, 'baremetrics' as const, 'stripe' as const, 'profitwell' as const),
  reactivation: fc.constantFrom('any' as const, { withinDays: 45 }, { minimumGapDays: 45 }),
  currency: fc.constant('USD'),
});
const windowArb = fc
  .tuple(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 12 }))
  .map(([a, len]) => ({ start: monthPeriod(a).start, end: monthPeriod(Math.min(35, a + len)).end }));
const money = (n: number) => ({ amount: (n / 100).toFixed(2), currency: 'USD' });
const wideDouble = (min: number, max: number) => fc.double({ min, max, noNaN: true });

describe('inputs are never mutated; outputs never hold NaN or Infinity', () => {
  it('mrrMovements, its summaries, GRR, NRR and the quick ratio', () => {
    fc.assert(
      fc.property(rowsArb(40), windowArb, optionsArb, (rows, window, options) => {
        check(mrrMovements, rows, { period: window, ...options });
        check(summarizeMrrMovements, rows, { period: window, ...options });
        const s = summarizeMrrMovements(rows, { period: window, ...options });
        check(mergeMrrMovements, s, summarizeMrrMovements([], { period: window, ...options }));
        check(finalizeMrrMovements, s);
        const m = mrrMovements(rows, { period: window, ...options });
        check(grossRevenueRetention, m, {});
        check(netRevenueRetention, m, {});
        check(netRevenueRetention, m, { basis: 'movements', reactivation: 'include' });
        check(quickRatio, m, { preset: options.preset });
        const grr = grossRevenueRetention(m);
        if (grr.rate !== null) expect(grr.rate).toBeLessThanOrEqual(1);
        if (m.churnCounts !== null) {
          check(churnRate, m.churnCounts, { preset: options.preset });
        }
      }),
      { numRuns: 150 },
    );
  });

  it('cohortRetention and its summaries', () => {
    fc.assert(
      fc.property(
        rowsArb(40),
        fc.constantFrom('month' as const, 'quarter' as const, 'year' as const),
        fc.constantFrom('logos' as const, 'revenue' as const),
        (rows, granularity, basis) => {
          check(cohortRetention, rows, { granularity, basis, currency: 'USD' });
          const s = summarizeCohortRetention(rows, { granularity, currency: 'USD' });
          check(mergeCohortRetention, s, summarizeCohortRetention(rows.slice(0, 3), { granularity, currency: 'USD' }));
          check(finalizeCohortRetention, s, { basis });
        },
      ),
      { numRuns: 100 },
    );
  });

  it('rates and unit economics over their whole domain (and beyond it: refusals)', () => {
    fc.assert(
      fc.property(
        fc.nat(1e6),
        fc.nat(1e6),
        fc.nat(1e6),
        wideDouble(-0.5, 1.5),
        wideDouble(-1, 1e3),
        fc.nat(1e12),
        fc.nat(1e12),
        (a, b, c, churn, d, x, y) => {
          check(customerRetentionRate, { start: a, end: b, acquired: c });
          check(
            churnRate,
            { start: a, churned: b, acquired: c, acquiredAndChurned: Math.min(b, c) },
            { sameWindow: 'both' },
          );
          check(customerLifetime, churn);
          check(lifetimeValue, money(x), churn, {
            discountRate: d,
            grossMargin: 0.7,
            firstPayment: 'excluded',
            cashflow: 'end',
          });
          check(lifetimeValue, money(x), churn, { discountRate: d });
          check(ltvToCac, money(x), money(y));
          check(cacPaybackMonths, money(x), money(y), { grossMargin: churn });
          check(compoundRetention, churn, a % 1000);
          check(compoundChurn, churn, a % 1000);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('retentionProfitImpact', () => {
    fc.assert(
      fc.property(
        wideDouble(0, 1),
        wideDouble(0, 1),
        fc.array(wideDouble(-1e6, 1e6), { minLength: 1, maxLength: 5 }),
        wideDouble(0, 10),
        fc.oneof(fc.integer({ min: 1, max: 10_000 }), fc.constant('lifetime' as const)),
        (r, cut, margin, d, horizon) => {
          check(retentionProfitImpact, {
            retentionRate: r,
            defectionCut: cut * (1 - r),
            margin,
            discountRate: d,
            horizon,
            cohortSize: 1000,
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('the sBG model at extreme parameters, long horizons and tiny discount rates', () => {
    const p = fc.record({ alpha: wideDouble(1e-3, 1e3), beta: wideDouble(1e-3, 1e3) });
    fc.assert(
      fc.property(
        p,
        fc.integer({ min: 0, max: 1_000_000 }),
        wideDouble(1e-5, 10),
        fc.integer({ min: 0, max: 500 }),
        (params, t, d, n) => {
          check(sbgSurvival, t, params);
          check(sbgRetentionRate, Math.max(1, t), params);
          check(sbgExpectedLifetime, params);
          check(sbgDel, params, { discountRate: d });
          check(sbgDerl, params, { discountRate: d, renewals: n });
          check(sbgProject, params, { through: Math.min(60, t), cohortSize: 1000 });
        },
      ),
      { numRuns: 200 },
    );
  });

  it('fitShiftedBetaGeometric on any non-increasing survivor counts', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }),
        fc.array(wideDouble(0, 1), { minLength: 1, maxLength: 12 }),
        (n0, keep) => {
          const counts = [n0];
          for (const k of keep) counts.push(Math.floor((counts[counts.length - 1] as number) * k));
          check(fitShiftedBetaGeometric, counts, {});
          check(
            fitShiftedBetaGeometric,
            counts.map((v) => v / n0),
            { input: 'rates' as const },
          );
        },
      ),
      { numRuns: 150 },
    );
  });
});
