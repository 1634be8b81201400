/**
 * One row per rejection and warning code of revops/import, each checked for its code, row
 * number (header = row 1, so the n-th record is row n + 1), column, field and sentence.
 */
import { describe, expect, it } from 'vitest';
import { REJECTION_CODES, WARNING_CODES, importDeals, importLeads } from '../../src/import/index.js';
import { defaultDealPipelineSpec, parseMember } from '../../src/model/index.js';

const good = {
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

/** Imports `good` followed by `row`, and returns the second row's rejection. */
function rejectionOf(row: Record<string, unknown>) {
  const r = importDeals([good, { ...good, id: 'D-2', ...row }]);
  expect(r.records).toHaveLength(1);
  expect(r.rejected).toHaveLength(1);
  return r.rejected[0];
}

const REJECTIONS: readonly [string, Record<string, unknown>, Partial<Record<string, unknown>>][] = [
  [
    'MISSING_VALUE',
    { name: '' },
    { field: 'name', message: 'row 3, column "name": name is required: no value in column "name"' },
  ],
  ['INVALID_VALUE', { type: 'Upsell' }, { field: 'type', column: 'type' }],
  ['INVALID_ID', { accountId: 'a'.repeat(201) }, { field: 'accountId' }],
  [
    'INVALID_DATE',
    { closeDate: '31/03/2026' },
    { field: 'closeDate', message: 'row 3, column "closeDate": closeDate must be a date YYYY-MM-DD, got "31/03/2026"' },
  ],
  ['INVALID_NUMBER', { termMonths: 'twelve' }, { field: 'termMonths' }],
  ['INVALID_AMOUNT', { amount: '12k' }, { field: 'amount', value: '12k' }],
  ['INVALID_PROBABILITY', { probability: 1.5 }, { field: 'probability', value: 1.5 }],
  ['UNKNOWN_CURRENCY', { currency: 'XYZ' }, { field: 'currency' }],
  [
    'UNKNOWN_STAGE',
    { stage: 'Verbal Commit' },
    {
      field: 'stage',
      message:
        'row 3, column "stage": stage must be a stage of pipeline "deal" (discovery, demo, proposal, negotiation, ' +
        'closed-won, closed-lost) or a label in options.stages, got "Verbal Commit"',
    },
  ],
  [
    'CLOSED_STAGE_CONFLICT',
    { stage: 'closed-won', probability: 0.2 },
    {
      field: 'probability',
      message: 'row 3, column "probability": probability must be 1 in the won stage "closed-won", got 0.2',
    },
  ],
  [
    'CLOSE_BEFORE_CREATED',
    { stage: 'closed-won', closeDate: '2026-01-05' },
    {
      field: 'closeDate',
      message: 'row 3, column "closeDate": closeDate must not be before the created date 2026-01-10, got "2026-01-05"',
    },
  ],
  [
    'NEGATIVE_AMOUNT',
    { amount: '-5000' },
    { field: 'amount', message: 'row 3, column "amount": amount must not be negative (a deal amount), got "-5000"' },
  ],
  [
    'DUPLICATE_ID',
    { id: 'D-1' },
    { field: 'id', message: 'row 3, column "id": id must be unique: the same id is in row 2, got "D-1"' },
  ],
];

describe('rejections', () => {
  it.each(REJECTIONS)('%s', (code, row, expected) => {
    const r = rejectionOf(row);
    expect(r).toMatchObject({ row: 3, code, ...expected });
    expect(r?.problems[0]).toMatchObject({ code, row: 3 });
  });

  it('INVALID_ROW: a row that is not a record, and a row whose getter throws', () => {
    const hostile = Object.defineProperty({}, 'id', {
      enumerable: true,
      get() {
        throw new Error('no');
      },
    });
    const r = importDeals([good, 42, hostile]);
    expect(r.rejected.map((x) => [x.row, x.code])).toEqual([
      [3, 'INVALID_ROW'],
      [4, 'INVALID_ROW'],
    ]);
    expect(r.rejected[0]?.message).toBe('row 3: the row must be a record of column → cell, got 42');
    expect(r.rejected[1]?.message).toBe('row 4: the row could not be read (reading it threw Error: no)');
  });

  it('EMPTY_ROW: a 2-D row with empty cells only', () => {
    const r = importDeals([Object.keys(good), Object.values(good), ['', ' ', null]]);
    expect(r.rejected).toMatchObject([{ row: 3, code: 'EMPTY_ROW', column: null, field: null }]);
  });

  it('lists every problem of a row, the first at the top level', () => {
    const r = rejectionOf({ amount: '-1', stage: 'closed-lost', probability: 0.5 });
    expect(r?.problems.map((p) => p.code)).toEqual(['NEGATIVE_AMOUNT', 'CLOSED_STAGE_CONFLICT']);
  });

  it('each rejection keeps its own problems: the next rows neither empty nor extend them', () => {
    const r = importDeals([
      { ...good, amount: '-1', stage: 'closed-lost', probability: 0.5 },
      { ...good, id: 'D-2', createdAt: 'soon' },
      42,
    ]);
    expect(r.rejected.map((x) => x.problems.map((p) => p.code))).toEqual([
      ['NEGATIVE_AMOUNT', 'CLOSED_STAGE_CONFLICT'],
      ['INVALID_DATE'],
      ['INVALID_ROW'],
    ]);
    for (const x of r.rejected) {
      const { problems, ...top } = x;
      expect(problems[0]).toEqual(top); // the first problem, repeated at the top level
    }
  });

  it("UNKNOWN_LOST_REASON: a lost-reason code outside the pipeline's catalogue (more in lost-reasons.test.ts)", () => {
    const pipeline = { ...defaultDealPipelineSpec, id: 'coded', lostReasons: [{ code: 'price', label: 'Price' }] };
    const r = importDeals([good, { ...good, id: 'D-2', stage: 'closed-lost', lostReasonCode: 'budget' }], { pipeline });
    expect(r.rejected).toMatchObject([
      { row: 3, code: 'UNKNOWN_LOST_REASON', field: 'lostReasonCode', value: 'budget' },
    ]);
  });

  it('covers every rejection code', () => {
    const tested = new Set([...REJECTIONS.map((x) => x[0]), 'INVALID_ROW', 'EMPTY_ROW', 'UNKNOWN_LOST_REASON']);
    expect([...REJECTION_CODES].filter((c) => !tested.has(c))).toEqual([]);
  });
});

describe('warnings (the row is imported)', () => {
  it('MISSING_CLOSE_DATE: a won deal without a close date (only an expected one)', () => {
    const r = importDeals([{ ...good, stage: 'closed-won', closeDate: '', expectedCloseDate: '2026-03-31' }]);
    expect(r.records).toHaveLength(1);
    expect(r.warnings).toMatchObject([{ row: 2, code: 'MISSING_CLOSE_DATE', field: 'closeDate' }]);
  });

  it('MISSING_LOST_REASON: a lost deal without a reason, which the default pipeline requires', () => {
    const r = importDeals([{ ...good, stage: 'closed-lost' }]);
    expect(r.warnings).toMatchObject([
      {
        row: 2,
        code: 'MISSING_LOST_REASON',
        message: 'row 2, column "lostReason": the lost deal has no lost reason, which pipeline "deal" requires',
      },
    ]);
    const lead = importLeads([
      { id: 'L', name: 'L', source: 'inbound', ownerId: 's', stage: 'disqualified', createdAt: '2026-01-02' },
    ]);
    expect(lead.warnings.map((w) => w.code)).toEqual(['MISSING_LOST_REASON']);
  });

  it('UNKNOWN_OWNER: an owner that is neither the id nor the name of a member; a name becomes the id', () => {
    const members = [
      parseMember({ id: 'ana', name: 'Ana Ortiz', roleId: 'account-executive', startDate: '2025-01-01' }),
    ];
    const r = importDeals(
      [good, { ...good, id: 'D-2', ownerId: 'Ana Ortiz' }, { ...good, id: 'D-3', ownerId: 'zed' }],
      {
        members,
      },
    );
    expect(r.records.map((d) => d.ownerId)).toEqual(['ana', 'ana', 'zed']);
    expect(r.warnings).toMatchObject([
      {
        row: 4,
        code: 'UNKNOWN_OWNER',
        value: 'zed',
        message: 'row 4, column "ownerId": ownerId "zed" is neither the id nor the name of a member in options.members',
      },
    ]);
  });

  it('SEVERAL_CURRENCIES: one warning per currency, with its count and first row', () => {
    const r = importDeals([good, { ...good, id: 'D-2', currency: 'EUR' }, { ...good, id: 'D-3' }]);
    expect(r.records).toHaveLength(3);
    expect(r.warnings.map((w) => [w.code, w.value, w.row])).toEqual([
      ['SEVERAL_CURRENCIES', 'USD', 2],
      ['SEVERAL_CURRENCIES', 'EUR', 3],
    ]);
    expect(r.warnings[1]?.message).toBe(
      'row 3: 1 row in EUR (first in row 3); ' +
        'the file holds several currencies (2 in USD, 1 in EUR): totals must be per currency',
    );
  });

  it('covers every warning code', () => {
    expect(WARNING_CODES).toEqual(['MISSING_CLOSE_DATE', 'MISSING_LOST_REASON', 'UNKNOWN_OWNER', 'SEVERAL_CURRENCIES']);
  });
});
