/**
 * revops/parallel over streams of rows: MRR movements and cohorts (rows sorted by customer,
 * customers cut between chunks stitched back), commission statements for many members, raw
 * rows imported in the workers; the refusals (ids seen twice across chunks, unsorted
 * subscription rows, options that cannot reach a thread) — each against the one-call functions.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calculateStatement, definePlan } from '../../src/commission/index.js';
import { winRate } from '../../src/metrics/index.js';
import type { Credit, Member, Subscription } from '../../src/model/index.js';
import { computeRowsWith } from '../../src/parallel/run.js';
import { cohortRetention, mrrMovements } from '../../src/retention/index.js';
import { PLAN } from '../warehouse/scenarios.js';
import { bundleWorker } from './workers.js';

let worker = { file: '', cleanup: () => {} };
beforeAll(async () => {
  worker = await bundleWorker();
}, 60_000);
afterAll(() => worker.cleanup());

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const monthPeriod = (m: number) => {
  const mm = String(m + 1).padStart(2, '0');
  return { start: `2026-${mm}-01`, end: `2026-${mm}-${DAYS[m]}` };
};
/** Subscription rows sorted by customer (c0 < c1 < …), several months each, cents of EUR. */
const subsArb = fc
  .array(fc.record({ c: fc.integer({ min: 0, max: 7 }), m: fc.integer({ min: 0, max: 7 }), cents: fc.nat(500_000) }), {
    maxLength: 50,
  })
  .map((rs) =>
    rs
      .map(
        ({ c, m, cents }, i): Subscription => ({
          customerId: `c${c}`,
          subscriptionId: `s${i}`,
          period: monthPeriod(m),
          mrr: { amount: (cents / 100).toFixed(2), currency: 'EUR' },
        }),
      )
      .sort((a, b) => (a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : 0)),
  );

const go = <C extends object>(rows: unknown[], o: C) => computeRowsWith(worker.file, rows, o as never);

describe('computeRows: subscriptions sorted by customer', () => {
  it('mrrMovements and cohortRetention equal the one-call functions for any batch size', async () => {
    const compute = {
      mrrMovements: { period: { start: '2026-03-01', end: '2026-05-31' }, currency: 'EUR' },
      cohortRetention: { basis: 'revenue' as const },
    };
    await fc.assert(
      fc.asyncProperty(subsArb, fc.integer({ min: 1, max: 12 }), async (subs, batchSize) => {
        fc.pre(subs.length > 0); // no rows: both refuse (a cohort table needs a currency)
        const run = (await go(subs, {
          kind: 'subscriptions',
          entities: true,
          compute,
          batchSize,
          workers: 0,
        })) as unknown as { results: Record<string, unknown> };
        expect(run.results['mrrMovements']).toEqual(mrrMovements(subs, compute.mrrMovements));
        expect(run.results['cohortRetention']).toEqual(cohortRetention(subs, compute.cohortRetention));
      }),
      { seed: 5, numRuns: 150 },
    );
  });

  it('refuses rows not sorted by customer (within a chunk and across chunks)', async () => {
    const row = (c: string, i: number): Subscription => ({
      customerId: c,
      subscriptionId: `s${i}`,
      period: monthPeriod(0),
      mrr: { amount: '1.00', currency: 'EUR' },
    });
    const o = { kind: 'subscriptions', entities: true, compute: { cohortRetention: {} }, workers: 0 };
    for (const batchSize of [10, 1]) {
      await expect(go([row('b', 0), row('a', 1)], { ...o, batchSize })).rejects.toMatchObject({
        code: 'INVALID_INPUT',
      });
    }
  });
});

const MEMBERS: Member[] = Array.from({ length: 5 }, (_, i) => ({
  id: `m${i}`,
  name: `Member ${i}`,
  roleId: 'ae',
  territoryIds: [],
  startDate: i === 3 ? '2026-01-12' : '2020-01-01',
}));
const QUOTAS = Object.fromEntries(MEMBERS.map((m, i) => [m.id, { amount: `${(i + 1) * 1000}.00`, currency: 'USD' }]));
const PERIOD = { start: '2026-01-01', end: '2026-01-31' };
const creditsArb = fc
  .array(
    fc.record({
      who: fc.integer({ min: 0, max: 6 }), // 5 and 6: not a listed member
      cents: fc.integer({ min: -20_000, max: 400_000 }),
      d: fc.integer({ min: 1, max: 31 }),
      units: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
      type: fc.constantFrom('new' as const, 'renewal' as const),
    }),
    { maxLength: 50 },
  )
  .map((rs) =>
    rs.map(
      (r, i): Credit => ({
        id: `k${i}`,
        dealId: `d${i}`,
        memberId: `m${r.who}`,
        kind: 'owner',
        measure: 'bookings',
        date: `2026-01-${String(r.d).padStart(2, '0')}`,
        amount: { amount: (r.cents / 100).toFixed(2), currency: 'USD' },
        dealType: r.type,
        ...(r.units === undefined ? {} : { units: r.units }),
      }),
    ),
  );

describe('computeRows: statements for many members', () => {
  const plan = definePlan(PLAN);
  it('every member gets calculateStatement over all the credits, for any batch size', async () => {
    await fc.assert(
      fc.asyncProperty(creditsArb, fc.integer({ min: 1, max: 9 }), async (credits, batchSize) => {
        const run = (await go(credits, {
          kind: 'credits',
          entities: true,
          compute: { statements: { plan: PLAN, period: PERIOD, members: MEMBERS, quotas: QUOTAS } },
          batchSize,
          workers: 0,
        })) as unknown as { results: { statements: Record<string, unknown> } };
        const expected = Object.fromEntries(
          MEMBERS.map((member) => [
            member.id,
            calculateStatement({ plan, member, period: PERIOD, quota: QUOTAS[member.id] as never, credits }),
          ]),
        );
        expect(run.results.statements).toEqual(expected);
      }),
      { seed: 6, numRuns: 100 },
    );
  });
});

describe('computeRows: rows imported in the workers, threads, refusals', () => {
  const header = ['id', 'name', 'accountId', 'stage', 'ownerId', 'createdAt', 'amount', 'currency', 'closeDate'];
  const raw = (i: number, stage: string) => [
    `D-${i}`,
    `Deal ${i}`,
    'A-1',
    stage,
    i % 2 === 0 ? 'ann' : 'bob',
    '2026-01-02T09:00:00Z',
    i === 4 ? 'oops' : '100.00',
    'USD',
    '2026-02-01',
  ];
  const rows = [header, ...Array.from({ length: 9 }, (_, i) => raw(i, i % 3 === 0 ? 'closed-lost' : 'closed-won'))];

  it('imports arrays after a header row on 2 threads; rejections numbered as in the whole input', async () => {
    const run = await go(rows, {
      kind: 'deals',
      compute: { winRate: { groupBy: 'ownerId' } },
      batchSize: 2,
      workers: 2,
    });
    // rows 2…10 are D-0…D-8; D-4 (row 6) has amount "oops"; of the 8 left, D-0, D-3, D-6 are lost
    expect(run.rows).toEqual({ read: 9, imported: 8, rejected: 1 });
    expect(run.rejections.map((r) => [r.row, r.code])).toEqual([[6, 'INVALID_AMOUNT']]);
    const deals = rows.slice(1).filter((_, i) => i !== 4);
    expect(run.results.winRate.won).toBe(5);
    expect(run.results.winRate.lost).toBe(3);
    expect(deals.length).toBe(8);
  });

  it('refuses an id seen in two chunks with DUPLICATE_ID, as winRate refuses it in one array', async () => {
    const twice = [...rows, raw(1, 'closed-won')];
    const o = { kind: 'deals', compute: { winRate: {} }, batchSize: 3, workers: 0 };
    await expect(go(twice, o)).rejects.toMatchObject({ code: 'DUPLICATE_ID' });
    expect(() =>
      winRate([
        { id: 'D-1', stage: 'closed-won', ownerId: 'a', createdAt: '2026-01-02T09:00:00Z' },
        { id: 'D-1', stage: 'closed-won', ownerId: 'a', createdAt: '2026-01-02T09:00:00Z' },
      ] as never),
    ).toThrow(expect.objectContaining({ code: 'DUPLICATE_ID' }));
    const unchecked = await go(twice, { ...o, checkDuplicates: false });
    expect(unchecked.rows.imported).toBe(9);
  });

  it('refuses bad options at once with INVALID_OPTION naming them', () => {
    expect(() => go([], { kind: 'deals', compute: { mrrMovements: {} }, workers: 0 })).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTION', field: 'options.compute.mrrMovements' }),
    );
    expect(() => go([], { kind: 'deals', compute: { nope: {} }, workers: 0 })).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTION', field: 'options.compute.nope' }),
    );
    expect(() => go([], { kind: 'deals', compute: {}, workers: 0 })).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTION', field: 'options.compute' }),
    );
    expect(() => go([], { kind: 'deals', compute: { winRate: {} }, workers: 65 })).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTION', field: 'options.workers' }),
    );
    const byFunction = { kind: 'deals', compute: { winRate: { groupBy: () => 'x' } }, workers: 1 };
    expect(() => go([], byFunction)).toThrow(expect.objectContaining({ code: 'INVALID_OPTION' }));
    expect(() => go(42 as never, { kind: 'deals', compute: { winRate: {} } })).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT', field: 'rows' }),
    );
  });
});
