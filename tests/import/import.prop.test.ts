/**
 * Laws of revops/import: arbitrary rows (records or 2-D arrays of arbitrary strings, numbers,
 * empty cells) never throw; every data row ends in exactly one of records and rejected; every
 * imported deal is what parseDeal returns for it; and importing what the records serialise
 * back to gives the same records.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { money } from '../../src/core/index.js';
import { IMPORT_KINDS, createImporter, importCredits, importDeals } from '../../src/import/index.js';
import { type Deal, defaultDealPipelineSpec, parseDeal } from '../../src/model/index.js';

const FIELDS = [
  'id',
  'name',
  'accountId',
  'ownerId',
  'type',
  'amount',
  'currency',
  'stage',
  'status',
  'probability',
  'forecastCategory',
  'expectedCloseDate',
  'closeDate',
  'createdAt',
  'lostReason',
  'termMonths',
  'products',
  'customerId',
  'periodStart',
  'periodEnd',
  'mrr',
  'kind',
  'memberId',
  'at',
  'dealId',
  'date',
  'roleId',
  'startDate',
  'source',
];

const cell = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.integer(),
  fc.double(),
  fc.constantFrom('', ' ', null, undefined, true, '2026-02-30', '1e999', '-0', '12,5', '__proto__', 'closed-won'),
);
const recordRow = fc.dictionary(fc.constantFrom(...FIELDS, '__proto__', 'constructor'), cell, { maxKeys: 12 });
const anyRow = fc.oneof(recordRow, cell, fc.array(cell, { maxLength: 4 }));

const dateArb = fc
  .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const stageIds = defaultDealPipelineSpec.stages.map((s) => s.id);
const optional = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: '' as const });

/** Rows that mostly import: plausible values, with some bad ones mixed in. */
const dealRow = fc.record({
  id: fc.string({ minLength: 1, maxLength: 4 }),
  name: fc.string({ minLength: 1, maxLength: 8 }),
  accountId: fc.constantFrom('acme', 'globex', ''),
  ownerId: fc.constantFrom('ana', 'ben'),
  type: optional(fc.constantFrom('new', 'Renewal', 'New Business', 'upsell')),
  amount: fc.oneof(fc.integer({ min: -10, max: 10_000_000 }).map(String), fc.double({ min: 0, max: 1e9, noNaN: true })),
  currency: fc.constantFrom('USD', 'EUR', 'JPY', 'BHD', 'XYZ', ''),
  stage: fc.constantFrom(...stageIds, 'Verbal Commit', ''),
  probability: optional(fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom('0.2', '20%', 1.5))),
  closeDate: dateArb,
  expectedCloseDate: optional(dateArb),
  createdAt: fc.oneof(
    dateArb,
    dateArb.map((d) => `${d}T09:30:00+02:00`),
  ),
  lostReason: optional(fc.constantFrom('Price', 'Timing')),
  termMonths: optional(fc.integer({ min: 0, max: 60 })),
  products: optional(
    fc.array(fc.constantFrom('core', 'analytics'), { minLength: 1, maxLength: 2 }).map((p) => p.join(';')),
  ),
});

/** A deal written back as a flat row with the importer's own column names. */
function toRow(d: Deal): Record<string, unknown> {
  const { amount, history: _history, products, ...rest } = d;
  return {
    ...rest,
    amount: amount.amount,
    currency: amount.currency,
    ...(products === undefined ? {} : { products: products.join(';') }),
  };
}

describe('import laws', () => {
  it.each(IMPORT_KINDS)('%s: arbitrary rows never throw, and every data row is accounted for once', (kind) => {
    fc.assert(
      fc.property(fc.boolean(), fc.array(anyRow, { maxLength: 12 }), (asArrays, rows) => {
        const importer = createImporter(kind);
        let data = rows.length;
        if (asArrays) {
          importer.push(FIELDS);
          for (const r of rows) importer.push(Array.isArray(r) ? r : [r]);
        } else {
          for (const r of rows) importer.push(r);
          if (Array.isArray(rows[0])) data--; // the first array pushed is the header
        }
        const out = importer.finish();
        expect(out.records.length + out.rejected.length).toBe(data);
        expect(out.recordRows).toHaveLength(out.records.length);
        const numbers = [...out.recordRows, ...out.rejected.map((r) => r.row)].sort((a, b) => a - b);
        // row numbers: the header is row 1, data rows 2, 3, …
        expect(numbers).toEqual(Array.from({ length: data }, (_, i) => i + 2));
      }),
      { seed: 11, numRuns: 150 },
    );
  });

  it('plausible deal rows: counts add up, and each record is a valid Deal (parseDeal returns it unchanged)', () => {
    fc.assert(
      fc.property(fc.array(dealRow, { maxLength: 15 }), (rows) => {
        const out = importDeals(rows);
        expect(out.records.length + out.rejected.length).toBe(rows.length);
        for (const d of out.records) expect(parseDeal(d)).toEqual(d);
      }),
      { seed: 12, numRuns: 200 },
    );
  });

  it('importing what the records serialise back to (records or 2-D, via JSON) gives the same records', () => {
    fc.assert(
      fc.property(fc.array(dealRow, { maxLength: 15 }), (rows) => {
        const { records } = importDeals(rows);
        const back = JSON.parse(JSON.stringify(records.map(toRow))) as Record<string, unknown>[];
        expect(importDeals(back).records).toEqual(records);
        const columns = [...new Set(back.flatMap((r) => Object.keys(r)))];
        const grid = [columns, ...back.map((r) => columns.map((c) => r[c] ?? ''))];
        expect(importDeals(grid).records).toEqual(records);
      }),
      { seed: 13, numRuns: 200 },
    );
  });
  it('an amount cell imports as core money() writes it (the char-code fast path agrees with the exact engine)', () => {
    const digits = (min: number, max: number) =>
      fc.array(fc.constantFrom(...'0123456789'), { minLength: min, maxLength: max }).map((d) => d.join(''));
    const text = fc
      .tuple(
        fc.constantFrom('', '-', '+'),
        digits(0, 3).map((z) => z.replace(/./g, '0')),
        digits(1, 18),
        fc.option(digits(1, 18)),
      )
      .map(([sign, zeros, int, frac]) => `${sign}${zeros}${int}${frac === null ? '' : `.${frac}`}`);
    fc.assert(
      fc.property(text, fc.constantFrom('USD', 'JPY', 'BHD', 'CLF'), (amount, currency) => {
        // credits take negative amounts (clawbacks): every sign reaches the money reader
        const { records, rejected } = importCredits([
          { id: 'K-1', dealId: 'D-1', memberId: 'ana', kind: 'owner', amount, currency, date: '2026-01-20' },
        ]);
        let expected: string | undefined;
        try {
          expected = money(amount, currency).amount;
        } catch {
          expected = undefined;
        }
        if (expected === undefined) expect(rejected.map((r) => r.code)).toEqual(['INVALID_AMOUNT']);
        else expect(records[0]?.amount).toEqual({ amount: expected, currency });
      }),
      { seed: 14, numRuns: 500 },
    );
  });
});
