/**
 * Issue 12's law, on the warehouse tests' random tables (tests/warehouse/arbitraries.ts): for
 * arbitrary data and arbitrary splits, revops/parallel = the single-thread library = the
 * warehouse harness (BigQuery UDAF and Snowflake UDTFs, tests/warehouse/harness.ts), exactly.
 *
 * - deals: funnel, win rate by owner and weighted pipeline in parallel = the one-call functions;
 *   the win rate of each owner also = both engines (the warehouse builds have no funnel or
 *   weighted pipeline function, so those two are checked against the library only).
 * - subscriptions (sorted by customer, split anywhere, a customer's months stitched back): MRR
 *   movements of a month and the cohort table = the one-call functions; the month's movements
 *   also = both engines' month-by-month MRR function.
 * - credits: every member's statement = `calculateStatement`; each member with credits also =
 *   both engines' commission function.
 *
 * The splits: `batchSize` 1 … 9 rows per chunk on the calling thread (`workers: 0`, many runs)
 * and on 1 or 2 worker threads (fewer runs: a pool per run), where chunks finish and merge in
 * whatever order the threads give.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calculateStatement, definePlan } from '../../src/commission/index.js';
import { weightedPipeline } from '../../src/forecast/index.js';
import { funnel, wilsonInterval, winRate } from '../../src/metrics/index.js';
import type { Deal, Subscription } from '../../src/model/index.js';
import { computeRowsWith } from '../../src/parallel/run.js';
import { defaultDealPipeline } from '../../src/pipeline/index.js';
import { cohortRetention, mrrMovements } from '../../src/retention/index.js';
import { bigQueryAggregate } from '../../src/warehouse/bigquery.js';
import { statementComputation } from '../../src/warehouse/commission.js';
import type { WarehouseComputation } from '../../src/warehouse/computation.js';
import { mrrMovementsComputation } from '../../src/warehouse/mrr-movements.js';
import { snowflakeFinal, snowflakeHandler, snowflakePartial } from '../../src/warehouse/snowflake.js';
import { winRateComputation } from '../../src/warehouse/win-rate.js';
import { creditsArb, dealsArb, MEMBERS, subscriptionsArb } from '../warehouse/arbitraries.js';
import type { SqlValue } from '../warehouse/harness.js';
import { type Case, onBigQuery, onSnowflake, PLAN, SCENARIOS, type Scenario } from '../warehouse/scenarios.js';
import { bundleWorker } from './workers.js';

let worker = { file: '', cleanup: () => {} };
beforeAll(async () => {
  worker = await bundleWorker();
}, 60_000);
afterAll(() => worker.cleanup());

type Computation = WarehouseComputation<unknown, unknown, unknown, unknown>;
const json = (v: unknown) => JSON.parse(JSON.stringify(v));
const scenario = (name: string) => SCENARIOS.find((s) => s.name === name) as Scenario;

/** Both engines on one case: each must give the case's expected answer. */
function engines(c: Computation, s: Scenario, kase: Case, seed: number, flushRows: number) {
  expect(onBigQuery(bigQueryAggregate(c, flushRows), s, kase, seed)).toEqual(kase.expected);
  const partial = () => snowflakeHandler(snowflakePartial(c, flushRows));
  const final = () => snowflakeHandler(snowflakeFinal(c));
  expect(onSnowflake(partial, final, s, kase, seed)).toEqual(kase.expected);
}

function groupBy<T>(xs: readonly T[], key: (x: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of xs) m.set(key(x), [...(m.get(key(x)) ?? []), x]);
  return m;
}

/** Calling thread for most runs; 1 or 2 worker threads for one run in eight. */
const splitArb = fc.record({
  batchSize: fc.integer({ min: 1, max: 9 }),
  workers: fc.oneof({ weight: 7, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 2 }) }),
  seed: fc.nat(),
  flushRows: fc.integer({ min: 1, max: 8 }),
});

/** A probability in percent for each of the (at most 40) deals of a table. */
const probabilitiesArb = fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 40, maxLength: 40 });

/** Runs on worker threads, by test (each property must have had some). */
const threaded: Record<string, number> = {};

const run = (
  rows: readonly unknown[],
  kind: string,
  compute: object,
  split: { batchSize: number; workers: number },
) => {
  if (split.workers > 0) threaded[kind] = (threaded[kind] ?? 0) + 1;
  return computeRowsWith(worker.file, rows, {
    kind: kind as never,
    entities: true,
    compute: compute as never,
    batchSize: split.batchSize,
    workers: split.workers,
  }) as unknown as Promise<{ results: Record<string, unknown>; workers: number }>;
};

describe('parallel = single-thread = warehouse harness', () => {
  it('deals: funnel, win rate by owner, weighted pipeline', async () => {
    const s = scenario('win-rate');
    await fc.assert(
      fc.asyncProperty(dealsArb, probabilitiesArb, splitArb, async (table, percents, split) => {
        // ids for every deal (the weighted pipeline counts open deals by id), as the warehouse rows carry them;
        // a probability for every deal (the weighted pipeline reads it on the open ones)
        const deals = table.map((x, i) => ({
          ...x.deal,
          id: `D-${i}`,
          probability: (percents[i] as number) / 100,
        })) as unknown as Deal[];
        const period = { start: '2026-02-01', end: '2026-03-31' };
        const compute = {
          funnel: { pipeline: defaultDealPipeline, source: 'snapshot' as const },
          winRate: { groupBy: 'ownerId' as const, period },
          weightedPipeline: { currency: 'USD' },
        };
        const parallel = await run(deals, 'deals', compute, split);
        expect(parallel.workers).toBe(split.workers);
        const single = {
          funnel: funnel(deals, compute.funnel),
          winRate: winRate(deals, compute.winRate),
          weightedPipeline: weightedPipeline(deals, compute.weightedPipeline),
        };
        expect(parallel.results).toEqual(single);
        // the warehouse: GROUP BY owner (every owner with a row), the same period; its answer = parallel's group, with
        // its Wilson interval (an owner with no deal closed in the period has no group: the empty win rate)
        const options = { by: 'count' as const, confidence: 0.95, period };
        const expected: Record<string, unknown> = {};
        for (const owner of new Set(deals.map((d) => d.ownerId))) {
          const w = single.winRate.groups?.[owner] ?? winRate([], { period });
          expected[owner] = json({ winRate: w, interval: wilsonInterval(w.won, w.won + w.lost, options) });
        }
        const rows: { [k: string]: SqlValue }[] = table.map((x, i) => ({ ...x.row, id: `D-${i}` }));
        const kase: Case = {
          options: JSON.stringify(options),
          groups: new Map([...groupBy(rows, (r) => r['owner_id'] as string)]),
          rows: rows.map((row, i) => ({ group: row['owner_id'] as string, unit: `r${i}`, row })),
          expected,
        };
        engines(winRateComputation as Computation, s, kase, split.seed, split.flushRows);
      }),
      { seed: 1203, numRuns: 120 },
    );
    expect(threaded['deals']).toBeGreaterThan(0);
  }, 120_000);

  it('subscriptions: MRR movements of a month and the cohort table', async () => {
    const s = scenario('mrr-movements');
    const MONTHS = [
      { start: '2026-01-01', end: '2026-01-31' },
      { start: '2026-02-01', end: '2026-02-28' },
      { start: '2026-03-01', end: '2026-03-31' },
      { start: '2026-04-01', end: '2026-04-30' },
    ];
    await fc.assert(
      fc.asyncProperty(
        subscriptionsArb.filter((t) => t.length > 0),
        fc.integer({ min: 0, max: 3 }),
        splitArb,
        async (table, m, split) => {
          const period = MONTHS[m] as (typeof MONTHS)[number];
          // sorted by customer (stable), as revops/parallel needs them; every chunk boundary is a possible cut
          const sorted = [...table].sort((a, b) =>
            a.subscription.customerId < b.subscription.customerId
              ? -1
              : a.subscription.customerId > b.subscription.customerId
                ? 1
                : 0,
          );
          const subs: Subscription[] = sorted.map((x) => x.subscription);
          const compute = { mrrMovements: { period }, cohortRetention: { basis: 'revenue' as const } };
          const parallel = await run(subs, 'subscriptions', compute, split);
          const single = {
            mrrMovements: mrrMovements(subs, compute.mrrMovements),
            cohortRetention: cohortRetention(subs, compute.cohortRetention),
          };
          expect(parallel.results).toEqual(single);
          // the warehouse: one call over all customers, January to April, month by month; its month m = parallel's
          const all = MONTHS.map((p) => ({ month: p.start.slice(0, 7), ...json(mrrMovements(subs, { period: p })) }));
          expect(all[m]).toEqual({ month: period.start.slice(0, 7), ...json(parallel.results['mrrMovements']) });
          const customers = groupBy(sorted, (x) => x.subscription.customerId);
          const kase: Case = {
            options: JSON.stringify({ from: '2026-01', to: '2026-04' }),
            groups: new Map([['all', [...customers.values()].map((xs) => xs.map((x) => x.row) as SqlValue)]]),
            rows: sorted.map((x) => ({ group: 'all', unit: x.subscription.customerId, row: x.row })),
            expected: { all },
          };
          engines(mrrMovementsComputation as Computation, s, kase, split.seed, split.flushRows);
        },
      ),
      { seed: 1204, numRuns: 100 },
    );
    expect(threaded['subscriptions']).toBeGreaterThan(0);
  }, 120_000);

  it('credits: a statement for every member', async () => {
    const s = scenario('commission');
    const plan = definePlan(PLAN);
    const period = { start: '2026-01-01', end: '2026-01-31' };
    const members = MEMBERS.map((m) => m.member);
    const quotas = Object.fromEntries(MEMBERS.map((m) => [m.member.id, { amount: m.quota, currency: 'USD' }]));
    await fc.assert(
      fc.asyncProperty(creditsArb, splitArb, async (table, split) => {
        const credits = table.map((x) => x.credit);
        const parallel = await run(credits, 'credits', { statements: { plan: PLAN, period, members, quotas } }, split);
        const single = Object.fromEntries(
          members.map((member) => [
            member.id,
            calculateStatement({ plan, member, period, quota: quotas[member.id] as never, credits }),
          ]),
        );
        expect(parallel.results['statements']).toEqual(single);
        // the warehouse: GROUP BY member over the credits table; a member without credits has no group
        const byMember = groupBy(table, (x) => x.member.member.id);
        const expected = Object.fromEntries([...byMember.keys()].map((id) => [id, json(single[id])]));
        const kase: Case = {
          options: JSON.stringify({ plan: PLAN, period }),
          groups: new Map([...byMember].map(([k, xs]) => [k, xs.map((x) => x.row)])),
          rows: table.map((x) => ({ group: x.member.member.id, unit: x.row['id'] as string, row: x.row })),
          expected,
        };
        engines(statementComputation as Computation, s, kase, split.seed, split.flushRows);
      }),
      { seed: 1205, numRuns: 100 },
    );
    expect(threaded['credits']).toBeGreaterThan(0);
  }, 120_000);
});
