/**
 * The fast path of the import builders (src/import/fast-verify.ts) against the schemas: every
 * import, given arbitrary and hostile rows, gives the same result — records (fields, their order,
 * -0 versus 0), record rows, rejections with their problems and messages, warnings — with the fast
 * path on and off (`importAll`'s internal `fast` switch; off, every candidate goes through its
 * zod schema as before).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTIVITIES } from '../../src/import/activities.js';
import { CREDITS } from '../../src/import/credits.js';
import { type KindSpec, importAll } from '../../src/import/engine.js';
import { LEADS } from '../../src/import/leads.js';
import { MEMBERS } from '../../src/import/members.js';
import { QUOTAS } from '../../src/import/quotas.js';
import { SUBSCRIPTIONS } from '../../src/import/subscriptions.js';
import { isInstant } from '../../src/core/index.js';
import { isInstantText } from '../../src/import/fast-verify.js';
import { importDeals } from '../../src/import/index.js';
import type { ImportOptions } from '../../src/import/types.js';
import { defaultDealPipelineSpec, parseDeal } from '../../src/model/index.js';

/** A value written out with its keys in order, -0 apart from 0, undefined and NaN apart from absent. */
function written(v: unknown): string {
  if (typeof v === 'number') return Object.is(v, -0) ? '-0' : String(v);
  if (typeof v !== 'object' || v === null) return `${typeof v}:${String(v)}`;
  if (Array.isArray(v)) return `[${v.map(written).join(',')}]`;
  return `{${Object.keys(v)
    .map((k) => `${JSON.stringify(k)}:${written((v as Record<string, unknown>)[k])}`)
    .join(',')}}`;
}

const long = 'x'.repeat(201);
/** Cells every kind may get: valid ones of each field type, and hostile ones. */
const COMMON = [
  'ae1',
  'C-1',
  ' ae2 ',
  long,
  '2026-01-24',
  '2026-02-30',
  '0001-01-01',
  '2024-02-29',
  '01/24/2026',
  '2026-01-24T09:30:00Z',
  '2026-01-24T09:30:00+01:00',
  '2026-01-24 09:30',
  '2026-01-24T25:00:00Z',
  '12000',
  '12000.5',
  '0.001',
  '-5',
  '+5',
  '-0',
  '007',
  'USD 150,000',
  '1.250,50',
  '1e999',
  '12,5',
  '__proto__',
  'constructor',
  'toString',
  'a@b.co',
  'not an email',
  'emea; apac',
  ';',
  'yes',
  'no',
  '1',
  '0',
  'x',
  '',
  ' ',
  0,
  -0,
  1,
  2.5,
  -3,
  24,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  2 ** 60,
  true,
  false,
  null,
  undefined,
  { a: 1 },
  ['a'],
];
const cellOf = (extra: readonly unknown[]) =>
  fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...COMMON, ...extra) },
    { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
    { weight: 1, arbitrary: fc.integer({ min: -3, max: 3 }) },
    { weight: 1, arbitrary: fc.double() },
  );

interface Case {
  readonly spec: KindSpec<unknown>;
  readonly fields: readonly string[];
  readonly extra: readonly unknown[];
  /** A row the kind imports (so that most rows are near a valid one). */
  readonly valid: Readonly<Record<string, unknown>>;
}

const CASES: Record<string, Case> = {
  credits: {
    spec: CREDITS as KindSpec<unknown>,
    fields: CREDITS.fields.map((f) => f.field),
    extra: ['owner', 'split', 'bookings', 'units', 'new', 'b2b', 'USD', 'JPY', 'BHD', 'EUR', 'XXX', '0.6'],
    valid: { id: 'C-1', dealId: 'D-1', memberId: 'ae1', kind: 'owner', amount: '12000', date: '2026-02-10' },
  },
  members: {
    spec: MEMBERS as KindSpec<unknown>,
    fields: MEMBERS.fields.map((f) => f.field),
    extra: ['account-executive', '2025-04-01', '2024-12-31'],
    valid: { id: 'ae1', name: 'Ana', roleId: 'account-executive', territoryIds: 'emea; apac', startDate: '2025-04-01' },
  },
  quotas: {
    spec: QUOTAS as KindSpec<unknown>,
    fields: QUOTAS.fields.map((f) => f.field),
    extra: ['bookings', 'revenue', 'USD', 'JPY', 'BHD', 'EUR', 'usd', '2026-03-31', '2025-12-31'],
    valid: { memberId: 'ae1', periodStart: '2026-01-01', periodEnd: '2026-03-31', amount: 'USD 150,000' },
  },
  subscriptions: {
    spec: SUBSCRIPTIONS as KindSpec<unknown>,
    fields: SUBSCRIPTIONS.fields.map((f) => f.field),
    extra: ['forever', 'limited', 'USD', 'JPY', 'BHD', '2026-01-31', '2025-12-31'],
    valid: { customerId: 'c1', periodStart: '2026-01-01', periodEnd: '2026-01-31', mrr: '1250.50' },
  },
  activities: {
    spec: ACTIVITIES as KindSpec<unknown>,
    fields: ACTIVITIES.fields.map((f) => f.field),
    extra: ['Call', 'email', 'meeting', 'demo', '300', '-300', '2026-01-24 09:30 PM'],
    valid: { id: 'A-1', kind: 'Call', memberId: 'sdr1', at: '2026-01-24 09:30', durationSeconds: '300' },
  },
  leads: {
    spec: LEADS as KindSpec<unknown>,
    fields: LEADS.fields.map((f) => f.field),
    extra: ['Web', 'inbound', 'referral', 'b2b', 'new', 'working', 'Working (contacted)', 'disqualified', 'Price'],
    valid: { id: 'L-1', name: 'Ada', source: 'inbound', ownerId: 'sdr1', stage: 'working', createdAt: '2026-01-24' },
  },
};

const optionsArb: fc.Arbitrary<ImportOptions> = fc.record(
  {
    currency: fc.constantFrom('USD', 'JPY', 'BHD', 'EUR'),
    checkDuplicates: fc.boolean(),
    dateFormat: fc.constantFrom('YYYY-MM-DD', 'MM/DD/YYYY'),
    decimalSeparator: fc.constantFrom('.', ','),
    values: fc.constantFrom(
      {},
      { kind: { Call: 'call', x: 'nope' }, source: { Web: 'inbound', x: 'nope' }, measure: { q: 'quota' } },
    ),
    members: fc.constantFrom([{ id: 'ae1', name: 'Ana' }], [{ id: 'sdr1', name: 'x' }]),
  },
  { requiredKeys: [] },
) as unknown as fc.Arbitrary<ImportOptions>;

describe('import fast path: the same results and issues as the schemas', () => {
  for (const [name, c] of Object.entries(CASES)) {
    it(`${name}: arbitrary and hostile rows`, () => {
      const cell = cellOf(c.extra);
      const field = fc.constantFrom(...c.fields, '__proto__', 'extra');
      const edited = fc
        .tuple(fc.dictionary(field, cell, { maxKeys: 3 }), fc.subarray([...c.fields], { maxLength: 2 }))
        .map(([changes, dropped]) => {
          const row: Record<string, unknown> = { ...c.valid };
          for (const f of dropped) delete row[f];
          for (const k of Object.keys(changes)) row[k] = changes[k];
          return row;
        });
      const row = fc.oneof(
        { weight: 4, arbitrary: edited },
        { weight: 2, arbitrary: fc.dictionary(field, cell, { maxKeys: 10 }) },
        { weight: 1, arbitrary: fc.constant(c.valid) },
      );
      fc.assert(
        fc.property(fc.array(row, { maxLength: 12 }), optionsArb, (rows, options) => {
          const fast = importAll(c.spec, rows, options, true);
          const slow = importAll(c.spec, rows, options, false);
          expect(written(fast)).toBe(written(slow));
          expect(fast).toStrictEqual(slow);
        }),
        { numRuns: 1000 },
      );
    });

    it(`${name}: the valid row takes the fast path and matches`, () => {
      // the fuzz suite's 1e6 copies of a worked example's row, in small
      const rows = Array.from({ length: 3 }, () => c.valid);
      const fast = importAll(c.spec, rows, { currency: 'USD' }, true);
      expect(fast.records.length).toBeGreaterThan(0);
      expect(written(fast)).toBe(written(importAll(c.spec, rows, { currency: 'USD' }, false)));
    });
  }
});

describe('importDeals: each record is parseDeal of itself, fields in the same order', () => {
  const fields = ['id', 'name', 'accountId', 'ownerId', 'amount', 'currency', 'stage', 'closeDate', 'createdAt'];
  const optional = ['lostReason', 'lostReasonCode', 'segment', 'teamId', 'products', 'termMonths', 'leadId', 'type'];
  const stages = defaultDealPipelineSpec.stages.map((s) => s.id);
  const value = fc.constantFrom('x', 'Price', 'b2b', 'new', 'renewal', '12', '0', 'a; b', '2026-02-01', '', undefined);
  it('common and uncommon rows', () => {
    const row = fc.record({
      base: fc.tuple(fc.constantFrom(...stages), fc.constantFrom('2026-03-31', '2025-01-01', ''), fc.nat(99)),
      extra: fc.dictionary(fc.constantFrom(...optional), value, { maxKeys: 3 }),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 8 }), (rows) => {
        const records = rows.map(({ base: [stage, closeDate, n], extra }, i) => ({
          ...Object.fromEntries(fields.map((f) => [f, `${f}-${i}`])),
          amount: String(n),
          currency: 'USD',
          stage,
          closeDate,
          createdAt: '2025-06-01',
          ...extra,
        }));
        for (const d of importDeals(records).records) expect(written(d)).toBe(written(parseDeal(d)));
      }),
      { numRuns: 300 },
    );
  });
});

describe('isInstantText', () => {
  it('is core isInstant on YYYY-MM-DDTHH:MM:SSZ with any digits, and on arbitrary text', () => {
    // each part near its bounds (month 0-13, day 0-32, hour 0-29, minute and second 0-69), as written digits
    const two = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, '0'));
    const year = fc.oneof(fc.constantFrom('0000', '0001', '1900', '2000', '2024', '2100', '9999'), fc.nat(9999));
    const text = fc
      .tuple(year, two(13), two(32), two(29), two(69), two(69))
      .map(([y, mo, d, h, mi, s]) => `${String(y).padStart(4, '0')}-${mo}-${d}T${h}:${mi}:${s}Z`);
    fc.assert(
      fc.property(fc.oneof(text, fc.string()), (t) => {
        expect(isInstantText(t)).toBe(isInstant(t));
      }),
      { numRuns: 3000 },
    );
  });
});
