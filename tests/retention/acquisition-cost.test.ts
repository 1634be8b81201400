import { describe, expect, it } from 'vitest';
import { money } from '../../src/core/money.js';
import { cacPaybackMonths, customerAcquisitionCost, ltvToCac } from '../../src/retention/index.js';

const usd = (a: string) => money(a, 'USD');
const codeOf = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    return (e as { code?: string }).code ?? String(e);
  }
  return 'no error';
};

describe('customerAcquisitionCost', () => {
  it('published example: $100,000 of marketing for 2,000 new customers is $50 each', () => {
    // Oracle: https://geniegoals.co.uk/glossary/cac-customer-acquisition-cost — "$100,000 / 2,000 = $50".
    const r = customerAcquisitionCost({ spend: usd('100000'), newCustomers: 2000 });
    expect(r.cac).toEqual(usd('50.00'));
    expect(r.spend).toEqual(usd('100000.00'));
    expect(r.newCustomers).toBe(2000);
    expect(r.channels).toEqual([]);
  });

  it('by channel: blended is total spend ÷ total customers, each rounded once', () => {
    // By hand: paid search 12,000 / 40 = 300.00; events 9,000 / 7 = 1,285.714… → 1,285.71; brand 3,000 / 0 → null;
    // blended (12,000 + 9,000 + 3,000) / 47 = 510.638… → 510.64 (not the mean of the channel CACs, 792.86).
    const r = customerAcquisitionCost({
      channels: [
        { channel: 'paid-search', spend: usd('12000'), newCustomers: 40 },
        { channel: 'events', spend: usd('9000'), newCustomers: 7 },
        { channel: 'brand', spend: usd('3000'), newCustomers: 0 },
      ],
    });
    expect(r.cac).toEqual(usd('510.64'));
    expect(r.spend).toEqual(usd('24000.00'));
    expect(r.newCustomers).toBe(47);
    expect(r.channels.map((c) => [c.channel, c.cac?.amount ?? null, c.newCustomers])).toEqual([
      ['paid-search', '300.00', 40],
      ['events', '1285.71', 7],
      ['brand', null, 0],
    ]);
  });

  it('exact money in, rounding mode honoured, JPY has no minor unit', () => {
    // By hand: 100.00 / 3 = 33.333… → 33.33 half away from zero, 33.34 with 'ceiling'; ¥10,000 / 3 = 3,333.33 → ¥3,333.
    expect(customerAcquisitionCost({ spend: usd('100'), newCustomers: 3 }).cac).toEqual(usd('33.33'));
    expect(customerAcquisitionCost({ spend: usd('100'), newCustomers: 3 }, { rounding: 'ceiling' }).cac).toEqual(
      usd('33.34'),
    );
    expect(customerAcquisitionCost({ spend: money('10000', 'JPY'), newCustomers: 3 }).cac).toEqual(
      money('3333', 'JPY'),
    );
    // 2^53 + 1 cents of spend stays exact: 90071992547409.93 / 1.
    expect(customerAcquisitionCost({ spend: usd('90071992547409.93'), newCustomers: 1 }).cac.amount).toBe(
      '90071992547409.93',
    );
  });

  it('feeds LTV:CAC and CAC payback', () => {
    // By hand: blended 21,000 / 47 = 446.81; LTV 1,340.43 / 446.81 = 3; payback 446.81 / (100 × 0.8) = 5.585125 months.
    const { cac } = customerAcquisitionCost({
      channels: [
        { channel: 'paid-search', spend: usd('12000'), newCustomers: 40 },
        { channel: 'events', spend: usd('9000'), newCustomers: 7 },
      ],
    });
    expect(ltvToCac(usd('1340.43'), cac)).toBe(3);
    expect(cacPaybackMonths(cac, usd('100'), { grossMargin: 0.8 })).toEqual({ finite: true, value: 5.585125 });
  });

  it('refuses zero new customers, bad counts, negative spend, mixed currencies, repeated channels', () => {
    expect(codeOf(() => customerAcquisitionCost({ spend: usd('500'), newCustomers: 0 }))).toBe('DIVISION_BY_ZERO');
    expect(
      codeOf(() => customerAcquisitionCost({ channels: [{ channel: 'a', spend: usd('5'), newCustomers: 0 }] })),
    ).toBe('DIVISION_BY_ZERO');
    expect(codeOf(() => customerAcquisitionCost({ spend: usd('500'), newCustomers: 1.5 }))).toBe('INVALID_COUNT');
    expect(codeOf(() => customerAcquisitionCost({ spend: usd('500'), newCustomers: '5' as never }))).toBe(
      'INVALID_COUNT',
    );
    expect(codeOf(() => customerAcquisitionCost({ spend: usd('-1'), newCustomers: 5 }))).toBe('INVALID_AMOUNT');
    expect(
      codeOf(() =>
        customerAcquisitionCost({
          channels: [
            { channel: 'a', spend: usd('5'), newCustomers: 1 },
            { channel: 'b', spend: money('5', 'EUR'), newCustomers: 1 },
          ],
        }),
      ),
    ).toBe('CURRENCY_MISMATCH');
    const a = { channel: 'a', spend: usd('5'), newCustomers: 1 };
    expect(codeOf(() => customerAcquisitionCost({ channels: [a, a] }))).toBe('DUPLICATE_ID');
    expect(codeOf(() => customerAcquisitionCost({ channels: [] }))).toBe('INVALID_INPUT');
    expect(codeOf(() => customerAcquisitionCost(null as never))).toBe('INVALID_INPUT');
    expect(
      codeOf(() => customerAcquisitionCost({ spend: usd('5'), newCustomers: 1 }, { rounding: 'up' as never })),
    ).toBe('INVALID_OPTION');
  });
});
