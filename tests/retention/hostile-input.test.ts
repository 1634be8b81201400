/**
 * Hostile input, each case with its exact input: a refusal with a stable code naming the field,
 * never a wrong number, never NaN or Infinity, never a process-sized allocation.
 */
import { describe, expect, it } from 'vitest';
import {
  churnRate,
  cohortRetention,
  customerAcquisitionCost,
  customerRetentionRate,
  finalizeCohortRetention,
  finalizeMrrMovements,
  fitShiftedBetaGeometric,
  mergeMrrMovements,
  mrrMovements,
  retentionProfitImpact,
  sbgDerl,
  sbgExpectedLifetime,
  sbgProject,
  summarizeCohortRetention,
  summarizeMrrMovements,
} from '../../src/retention/index.js';

const JAN = { start: '2026-01-01', end: '2026-01-31' };
const FEB = { start: '2026-02-01', end: '2026-02-28' };
const usd = (amount: string) => ({ amount, currency: 'USD' });
const code = (c: string, field?: string) =>
  expect.objectContaining(field === undefined ? { code: c } : { code: c, field });

describe('counts are read by one reader: never a numeric string, a boolean or a fraction', () => {
  it('churnRate and customerRetentionRate', () => {
    expect(() => churnRate({ start: '10' as never, churned: 1 })).toThrow(code('INVALID_COUNT', 'start'));
    expect(() => churnRate({ start: 10, churned: true as never })).toThrow(code('INVALID_COUNT', 'churned'));
    expect(() => customerRetentionRate({ start: 10, end: 9.5, acquired: 0 })).toThrow(code('INVALID_COUNT', 'end'));
  });
  it('reactivation days, sBG periods, profit-impact horizons', () => {
    expect(() =>
      mrrMovements([], { period: FEB, currency: 'USD', reactivation: { withinDays: '30' as never } }),
    ).toThrow(code('INVALID_OPTION', 'options.reactivation.withinDays'));
    expect(() => sbgDerl({ alpha: 1, beta: 1 }, { discountRate: 0.1, renewals: '7' as never })).toThrow(
      code('INVALID_COUNT', 'options.renewals'),
    );
    const input = { retentionRate: 0.8, defectionCut: 0.05, margin: 100, discountRate: 0.1 };
    expect(() => retentionProfitImpact({ ...input, horizon: '5' as never })).toThrow(code('INVALID_COUNT', 'horizon'));
    expect(() => retentionProfitImpact({ ...input, horizon: 5, cohortSize: 1.5 })).toThrow(
      code('INVALID_COUNT', 'cohortSize'),
    );
  });
});

describe('sizes are bounded: refused at once instead of allocating what the process cannot hold', () => {
  it('sbgProject through 2^32 periods', () => {
    expect(() => sbgProject({ alpha: 1, beta: 1 }, { through: 2 ** 32 })).toThrow(
      code('INVALID_COUNT', 'options.through'),
    );
    expect(sbgProject({ alpha: 1, beta: 1 }, { through: 9_999 })).toHaveLength(10_000);
  });
  it('fitShiftedBetaGeometric on a million periods or with a billion iterations', () => {
    const long = Array.from({ length: 1_000_001 }, (_, i) => 1_000_001 - i);
    expect(() => fitShiftedBetaGeometric(long)).toThrow(code('INVALID_INPUT', 'survivors'));
    expect(() => fitShiftedBetaGeometric([100, 50], { maxIterations: 1e9 })).toThrow(
      code('INVALID_OPTION', 'options.maxIterations'),
    );
  });
});

describe('no NaN or Infinity for finite input', () => {
  it('sBG parameters so large that α + β overflows', () => {
    expect(() => sbgExpectedLifetime({ alpha: 1e308, beta: 1e308 })).toThrow(code('INVALID_INPUT', 'params.alpha'));
  });
  it('retentionProfitImpact whose NPV would overflow a double', () => {
    const input = { retentionRate: 0.9, defectionCut: 0.05, discountRate: 0, horizon: 'lifetime' as const };
    expect(() => retentionProfitImpact({ ...input, margin: 1e308 })).toThrow(code('INVALID_INPUT', 'margin'));
    expect(() => retentionProfitImpact({ ...input, margin: 1e300, cohortSize: 2 ** 52 })).toThrow(
      code('INVALID_INPUT', 'cohortSize'),
    );
  });
  it('finalize on a malformed summary is refused, never NaN', () => {
    const s = summarizeMrrMovements([{ customerId: 'a', period: FEB, mrr: usd('10') }], { period: FEB });
    expect(() => finalizeMrrMovements({ ...s, amounts: { ...s.amounts, new: 'NaN' } })).toThrow(
      code('INVALID_SUMMARY', 'summary.amounts.new'),
    );
    const c = summarizeCohortRetention([{ customerId: 'a', period: JAN, mrr: usd('10') }], { asOf: '2026-01-31' });
    const row = c.cohorts['2026-01'];
    const bad = { ...c, cohorts: { '2026-01': { ...row, size: 0 } } } as typeof c;
    expect(() => finalizeCohortRetention(bad)).toThrow(
      code('INVALID_SUMMARY', 'summary.cohorts["2026-01"].customers[0]'),
    );
  });
});

describe('summaries that came back from JSON with the wrong types are refused, never merged', () => {
  // the counts of a movement summary as strings ("1" + "1" would concatenate to "11")
  it('customers as strings', () => {
    const rows = [{ customerId: 'a', period: FEB, mrr: usd('10') }];
    const s = summarizeMrrMovements(rows, { period: FEB });
    const json = JSON.parse(JSON.stringify(s).replace('"new":1', '"new":"1"'));
    expect(() => mergeMrrMovements(s, json)).toThrow(code('INVALID_SUMMARY', 'b.customers.new'));
  });
  it('a count changed to another integer that breaks the roll-forward', () => {
    const rows = [{ customerId: 'a', period: FEB, mrr: usd('10') }];
    const s = summarizeMrrMovements(rows, { period: FEB });
    expect(() => finalizeMrrMovements({ ...s, customers: { ...s.customers, ending: 5 } })).toThrow(
      code('INVALID_SUMMARY', 'summary.customers.ending'),
    );
    expect(() => finalizeMrrMovements({ ...s, amounts: { ...s.amounts, ending: '11.00' } })).toThrow(
      code('INVALID_SUMMARY', 'summary.amounts.ending'),
    );
  });
});

describe('revenue rows', () => {
  it('an amount in scientific notation is read exactly (0.001 USD), a non-string amount refused', () => {
    expect(mrrMovements([{ customerId: 'a', period: FEB, mrr: usd('1e-3') }], { period: FEB }).new.amount).toBe(
      '0.001',
    );
    expect(() =>
      mrrMovements([{ customerId: 'a', period: FEB, mrr: { amount: 5, currency: 'USD' } } as never], { period: FEB }),
    ).toThrow(code('INVALID_AMOUNT', 'subscriptions[0] (id "a").mrr'));
  });
  it('a null row, a null options object', () => {
    expect(() => cohortRetention([null as never])).toThrow(code('INVALID_INPUT', 'subscriptions[0]'));
    expect(() => mrrMovements([], null as never)).toThrow(code('INVALID_OPTION', 'options'));
  });
  it('a period of 9,999 years is clamped to the months read, not expanded month by month', () => {
    // computed by hand: 10 a month in every month of 0001–9999 → February 2026 starts and ends at 10
    const rows = [{ customerId: 'a', period: { start: '0001-01-01', end: '9999-12-31' }, mrr: usd('10') }];
    const m = mrrMovements(rows, { period: FEB });
    expect([m.starting.amount, m.ending.amount]).toEqual(['10.00', '10.00']);
  });
});

describe('DUPLICATE_ID messages stay bounded (a channel name of 10,000 characters)', () => {
  it('customerAcquisitionCost given one channel twice names it cut to 60 characters', () => {
    const channel = { channel: 'c'.repeat(10_000), spend: { amount: '100', currency: 'USD' }, newCustomers: 2 };
    let error: { code?: string; message: string } = { message: '' };
    try {
      customerAcquisitionCost({ channels: [channel, channel] });
    } catch (e) {
      error = e as { code?: string; message: string };
    }
    expect(error.code).toBe('DUPLICATE_ID');
    expect(error.message).toBe(`input.channels[1].channel repeats input.channels[0]: "${'c'.repeat(57)}..."`);
  });
});
