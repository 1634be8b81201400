/**
 * Options of revops/import: date formats (never guessed), decimal separators, probability
 * scales, column mappings (names, lists, functions), label mappings, and the streaming form
 * giving what the batch form gives. Expected values are read off the cells by hand.
 */
import { describe, expect, it } from 'vitest';
import { createImporter, importDeals, importStream } from '../../src/import/index.js';

const row = {
  id: 'D-1',
  name: 'Acme',
  accountId: 'acme',
  ownerId: 'ana',
  amount: '1000',
  currency: 'USD',
  stage: 'proposal',
  closeDate: '2026-03-31',
  createdAt: '2026-01-10',
};

describe('dates', () => {
  it.each([
    ['MM/DD/YYYY', '3/4/2026', '2026-03-04'],
    ['DD/MM/YYYY', '3/4/2026', '2026-04-03'],
    ['DD.MM.YYYY', '04.03.2026', '2026-03-04'],
    ['YYYY-MM-DD', '2026-03-04', '2026-03-04'],
  ] as const)('%s reads %s as %s', (dateFormat, cell, date) => {
    const r = importDeals([{ ...row, closeDate: cell, createdAt: cell }], { dateFormat });
    expect(r.records[0]?.expectedCloseDate).toBe(date);
    expect(r.records[0]?.createdAt).toBe(`${date}T00:00:00Z`);
  });

  it('never guesses: a US date under the default format is rejected, and so is 02/30', () => {
    expect(importDeals([{ ...row, closeDate: '3/31/2026' }]).rejected[0]?.code).toBe('INVALID_DATE');
    expect(importDeals([{ ...row, closeDate: '02/30/2026' }], { dateFormat: 'MM/DD/YYYY' }).rejected[0]?.code).toBe(
      'INVALID_DATE',
    );
  });

  it('date-times: 12-hour clock, no offset read as UTC, an offset kept, a Date object as its UTC instant', () => {
    const at = (createdAt: unknown, dateFormat: 'MM/DD/YYYY' | 'YYYY-MM-DD' = 'YYYY-MM-DD') =>
      importDeals([{ ...row, closeDate: dateFormat === 'YYYY-MM-DD' ? '2026-03-31' : '3/31/2026', createdAt }], {
        dateFormat,
      }).records[0]?.createdAt;
    expect(at('1/10/2026 12:05 AM', 'MM/DD/YYYY')).toBe('2026-01-10T00:05:00Z');
    expect(at('1/10/2026 1:05 PM', 'MM/DD/YYYY')).toBe('2026-01-10T13:05:00Z');
    expect(at('2026-01-10 09:15')).toBe('2026-01-10T09:15:00Z');
    expect(at('2026-01-10T09:15:00+0530')).toBe('2026-01-10T09:15:00+05:30');
    expect(at(new Date('2026-01-10T09:15:00Z'))).toBe('2026-01-10T09:15:00.000Z');
  });
});

describe('numbers', () => {
  it("decimalSeparator ',' reads 1.234,50 and 1 234,50; '.' reads 1,234.50; ungrouped digits too", () => {
    const amount = (cell: string, decimalSeparator: '.' | ',') =>
      importDeals([{ ...row, amount: cell }], { decimalSeparator }).records[0]?.amount.amount;
    expect([amount('1.234,50', ','), amount('1 234,50', ','), amount('1,234.50', '.'), amount('1234.5', '.')]).toEqual([
      '1234.50',
      '1234.50',
      '1234.50',
      '1234.50',
    ]);
    // 1,2345 is not a group of three: refused rather than read as 12345
    expect(importDeals([{ ...row, amount: '1,2345' }]).rejected[0]?.code).toBe('INVALID_AMOUNT');
  });

  it('an amount may carry its currency code; a code disagreeing with the currency column is refused', () => {
    const { currency: _c, ...noCurrency } = row;
    expect(
      importDeals([{ ...noCurrency, amount: 'EUR 1.000,00' }], { decimalSeparator: ',' }).records[0]?.amount,
    ).toEqual({
      amount: '1000.00',
      currency: 'EUR',
    });
    expect(importDeals([{ ...row, amount: '1000 EUR' }]).rejected[0]?.code).toBe('INVALID_AMOUNT');
    expect(importDeals([noCurrency]).rejected[0]?.problems[0]).toMatchObject({
      code: 'MISSING_VALUE',
      field: 'currency',
    });
    expect(importDeals([noCurrency], { currency: 'JPY' }).records[0]?.amount).toEqual({
      amount: '1000',
      currency: 'JPY',
    });
  });

  it("probabilities: 'fraction' 0–1, 'percent' 0–100 (exactly: 12.34 → 0.1234), a % sign always percent", () => {
    const p = (probability: unknown, probabilityScale?: 'fraction' | 'percent') =>
      importDeals([{ ...row, probability }], probabilityScale ? { probabilityScale } : {}).records[0]?.probability;
    expect([p('0.2'), p(0.2), p('20', 'percent'), p('12.34', 'percent'), p('20%'), p('0,5')]).toEqual([
      0.2,
      0.2,
      0.2,
      0.1234,
      0.2,
      undefined,
    ]);
    expect(importDeals([{ ...row, probability: '20' }]).rejected[0]?.code).toBe('INVALID_PROBABILITY');
  });
});

describe('columns and labels', () => {
  it('a list of columns takes the first non-empty; a function computes the cell from the row', () => {
    const r = importDeals(
      [
        ['Ref', 'Title', 'Org', 'Rep', 'Value', 'Expected', 'Won on', 'Lost on', 'Created', 'Stage'],
        ['7', 'Acme', 'acme', 'ana', '10', '2026-03-31', '', '2026-03-02', '2026-01-10', 'closed-lost'],
      ],
      {
        currency: 'USD',
        columns: {
          id: (r) => `D-${String(r.Ref)}`,
          name: 'Title',
          accountId: 'Org',
          ownerId: 'Rep',
          amount: 'Value',
          expectedCloseDate: 'Expected',
          closeDate: ['Won on', 'Lost on'],
          createdAt: 'Created',
          stage: 'Stage',
        },
      },
    );
    expect(r.records[0]).toMatchObject({ id: 'D-7', closeDate: '2026-03-02', expectedCloseDate: '2026-03-31' });
  });

  it('stage names and options.stages labels; options.values for enumerations; unknown options refused', () => {
    const r = importDeals([{ ...row, stage: 'Negotiation', type: 'Upsell' }], {
      values: { type: { Upsell: 'expansion' } },
    });
    expect([r.records[0]?.stage, r.records[0]?.type]).toEqual(['negotiation', 'expansion']);
    expect(() => importDeals([row], { stages: { Won: 'won' } })).toThrow(/options.stages\["Won"\]/);
    expect(() => importDeals([row], { dateFormat: 'M/D/YY' as never })).toThrow(/options.dateFormat/);
  });

  it('an open deal with a close date: the date is the expected close date (Salesforce, HubSpot), never a close', () => {
    const d = importDeals([row]).records[0];
    expect([d?.expectedCloseDate, d?.closeDate]).toEqual(['2026-03-31', undefined]);
  });
});

describe('streaming', () => {
  const rows = Array.from({ length: 25 }, (_, i) => ({
    ...row,
    id: `D-${i % 20}`,
    currency: i === 24 ? 'EUR' : 'USD',
  }));

  it('createImporter in batches gives what importDeals gives, and keeps nothing it handed over', () => {
    const whole = importDeals(rows);
    const importer = createImporter('deals');
    const batches = [];
    rows.forEach((r, i) => {
      importer.push(r);
      if (i % 10 === 9) batches.push(importer.take());
    });
    batches.push(importer.finish());
    expect(batches.flatMap((b) => b.records)).toEqual(whole.records);
    expect(batches.flatMap((b) => b.rejected)).toEqual(whole.rejected);
    expect(batches.flatMap((b) => b.warnings)).toEqual(whole.warnings);
    expect(whole.rejected.map((r) => r.row)).toEqual([22, 23, 24, 25, 26]); // ids D-0 … D-4 again
    expect(() => importer.push(row)).toThrow(/after finish/);
  });

  it('importStream yields batches of batchSize from an async iterable', async () => {
    async function* source() {
      yield* rows;
    }
    const sizes: number[] = [];
    const records = [];
    for await (const b of importStream('deals', source(), { batchSize: 10 })) {
      sizes.push(b.records.length + b.rejected.length);
      records.push(...b.records);
    }
    expect(sizes).toEqual([10, 10, 5]);
    expect(records).toEqual(importDeals(rows).records);
  });

  it('importStream yields 1,000 rows a batch by default (a batch small enough to be collected young)', async () => {
    const many = Array.from({ length: 2_500 }, (_, i) => ({ ...rows[0], id: `S-${i}` }));
    const sizes: number[] = [];
    for await (const b of importStream('deals', many)) sizes.push(b.records.length + b.rejected.length);
    expect(sizes).toEqual([1_000, 1_000, 500]);
  });
});
