/**
 * The three warehouse examples as test scenarios: random tables with options, the answer of
 * the single-thread library for each group, and how each engine is called on them (the SQL of
 * examples/warehouse/, run by the harness).
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { calculateStatement, definePlan } from '../../src/commission/index.js';
import { winRate, wilsonInterval } from '../../src/metrics/index.js';
import type { PlanInput } from '../../src/model/plan.js';
import { mrrMovements } from '../../src/retention/index.js';
import { WAREHOUSE_FUNCTIONS } from '../../scripts/warehouse.mjs';
import { creditsArb, dealsArb, MEMBERS, subscriptionsArb } from './arbitraries.js';
import {
  type BigQueryModule,
  bigQueryValue,
  bucket,
  runBigQuery,
  runSnowflake,
  type SnowflakeInput,
  type SnowflakeObject,
  type SqlType,
  type SqlValue,
  snowflakeObject,
} from './harness.js';

const json = (v: unknown) => JSON.parse(JSON.stringify(v));

/** A table as the engines see it, and what the library answers for each group. */
export interface Case {
  readonly options: string;
  /** BigQuery: the aggregated argument of each row, per `GROUP BY` group. */
  readonly groups: ReadonlyMap<string, SqlValue[]>;
  /** Snowflake: each row's OBJECT, its group and its unit (partition bucket, ORDER BY key). */
  readonly rows: readonly { group: string; unit: string; row: { [k: string]: SqlValue } }[];
  readonly expected: Record<string, unknown>;
}

/** A warehouse function under test. */
export interface Scenario {
  readonly name: string;
  readonly type: SqlType;
  /** Snowflake: rows ordered by unit within a partition (`ORDER BY customer_id`). */
  readonly ordered: boolean;
  readonly cases: fc.Arbitrary<Case>;
}

function groupBy<T>(xs: readonly T[], key: (x: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of xs) {
    const g = m.get(key(x));
    if (g === undefined) m.set(key(x), [x]);
    else g.push(x);
  }
  return m;
}

const typeOf = (name: string) => WAREHOUSE_FUNCTIONS.find((f) => f.name === name)?.bigquery.type as SqlType;

const winRateCases = fc
  .tuple(
    dealsArb,
    fc.record({
      by: fc.constantFrom('count' as const, 'value' as const),
      confidence: fc.constantFrom(0.8, 0.95),
      period: fc.option(fc.constant({ start: '2026-02-01', end: '2026-03-31' }), { nil: undefined }),
    }),
  )
  .map(([table, o]): Case => {
    const opts = json(o) as { by: 'count' | 'value'; confidence: number; period?: { start: string; end: string } };
    const byOwner = groupBy(table, (x) => x.deal.ownerId);
    const expected: Record<string, unknown> = {};
    for (const [owner, xs] of byOwner) {
      const w = winRate(
        xs.map((x) => x.deal),
        { by: opts.by, ...(opts.period === undefined ? {} : { period: opts.period }) },
      );
      expected[owner] = json({ winRate: w, interval: wilsonInterval(w.won, w.won + w.lost, opts) });
    }
    return {
      options: JSON.stringify(opts),
      groups: new Map([...byOwner].map(([k, xs]) => [k, xs.map((x) => x.row)])),
      rows: table.map((x, i) => ({ group: x.deal.ownerId, unit: `r${i}`, row: x.row })),
      expected,
    };
  });

const MONTHS = ['01', '02', '03', '04'].map((m) => ({
  start: `2026-${m}-01`,
  end: `2026-${m}-${m === '02' ? 28 : m === '04' ? 30 : 31}`,
}));

const mrrCases = fc
  .tuple(
    subscriptionsArb.filter((t) => t.length > 0),
    fc.record({
      preset: fc.constantFrom(undefined, 'chartmogul', 'stripe'),
      reactivation: fc.constantFrom(undefined, 'any', { withinDays: 40 }),
    }),
  )
  .map(([table, o]): Case => {
    const convention = json(o) as object;
    const subs = table.map((x) => x.subscription);
    const expected = {
      all: json(
        MONTHS.map((period) => ({ month: period.start.slice(0, 7), ...mrrMovements(subs, { ...convention, period }) })),
      ),
    };
    const customers = groupBy(table, (x) => x.subscription.customerId);
    return {
      options: JSON.stringify({ from: '2026-01', to: '2026-04', ...convention }),
      groups: new Map([['all', [...customers.values()].map((xs) => xs.map((x) => x.row))]]),
      rows: table.map((x) => ({ group: 'all', unit: x.subscription.customerId, row: x.row })),
      expected,
    };
  });

/** A plan with something of everything a statement sums: rates, tiers on attainment, bonus, units, spiff. */
export const PLAN: PlanInput = {
  id: 'plan',
  currency: 'USD',
  periodLength: 'month',
  versions: [
    {
      id: 'v1',
      effectiveFrom: '2020-01-01',
      components: [
        { id: 'rate', kind: 'rate', rate: '0.0333' },
        {
          id: 'ptd',
          kind: 'tiered',
          basis: 'attainment',
          split: 'interpolated',
          scope: 'periodToDate',
          boundary: 'higher',
          tiers: [
            { from: '0', to: '1', rate: '0.05' },
            { from: '1', rate: '0.1' },
          ],
        },
        {
          id: 'pc',
          kind: 'tiered',
          basis: 'amount',
          split: 'marginal',
          scope: 'perCredit',
          boundary: 'lower',
          tiers: [
            { from: '0', to: '500', rate: '0.01' },
            { from: '500', rate: '0.02' },
          ],
        },
        {
          id: 'bonus',
          kind: 'bonus',
          steps: [
            { atLeast: '0.5', amount: '100' },
            { atLeast: '1', amount: '250' },
          ],
        },
        { id: 'units', kind: 'perUnit', amountPerUnit: '7.5' },
        {
          id: 'spiff',
          kind: 'spiff',
          window: { start: '2026-01-05', end: '2026-01-25' },
          filter: { dealTypes: ['new'] },
          rate: '0.015',
        },
        {
          id: 'multi',
          kind: 'rate',
          rate: '0.001',
          multipliers: [{ id: 'nl', factor: '1.5', when: { newLogo: true } }],
        },
      ],
    },
  ],
};
const COMPILED = definePlan(PLAN);
const PERIOD = { start: '2026-01-01', end: '2026-01-31' };

const commissionCases = creditsArb.map((table): Case => {
  const byMember = groupBy(table, (x) => x.member.member.id);
  const expected: Record<string, unknown> = {};
  for (const [id, xs] of byMember) {
    const m = MEMBERS.find((x) => x.member.id === id) as (typeof MEMBERS)[number];
    expected[id] = json(
      calculateStatement({
        plan: COMPILED,
        member: m.member,
        period: PERIOD,
        quota: { amount: m.quota, currency: 'USD' },
        credits: xs.map((x) => x.credit),
      }),
    );
  }
  return {
    options: JSON.stringify({ plan: PLAN, period: PERIOD }),
    groups: new Map([...byMember].map(([k, xs]) => [k, xs.map((x) => x.row)])),
    rows: table.map((x) => ({ group: x.member.member.id, unit: x.row['id'] as string, row: x.row })),
    expected,
  };
});

/** The scenarios, by function name. */
export const SCENARIOS: readonly Scenario[] = [
  { name: 'win-rate', type: typeOf('win-rate'), ordered: false, cases: winRateCases },
  { name: 'mrr-movements', type: typeOf('mrr-movements'), ordered: true, cases: mrrCases },
  { name: 'commission', type: typeOf('commission'), ordered: false, cases: commissionCases },
];

/** Runs a case on BigQuery: one UDAF call per `GROUP BY` group; results parsed from their JSON text. */
export function onBigQuery(udaf: BigQueryModule, s: Scenario, c: Case, seed: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, values] of c.groups) {
    const r = runBigQuery(
      udaf,
      values.map((v) => bigQueryValue(v, s.type)),
      c.options,
      seed + k.length,
    );
    out[k] = r === null ? null : JSON.parse(r as string);
  }
  return out;
}

/**
 * Runs a case on Snowflake: `PARTIAL(row, options) OVER (PARTITION BY group, MOD(HASH(unit), n)
 * [ORDER BY unit])`, then `FINAL(summary, options) OVER (PARTITION BY group)`.
 */
export function onSnowflake(
  partial: () => SnowflakeObject,
  final: () => SnowflakeObject,
  s: Scenario,
  c: Case,
  seed: number,
): Record<string, unknown> {
  const buckets = 1 + (seed % 4);
  const input: SnowflakeInput[] = c.rows.map((x) => ({
    args: { ROW: snowflakeObject(x.row), OPTIONS: c.options },
    partition: JSON.stringify([x.group, bucket(x.unit, buckets)]),
    ...(s.ordered ? { order: x.unit } : {}),
  }));
  const second: SnowflakeInput[] = runSnowflake(partial, input, seed).map((p) => ({
    args: { SUMMARY: p.row['SUMMARY'], OPTIONS: c.options },
    partition: (JSON.parse(p.partition) as [string, number])[0],
  }));
  const out: Record<string, unknown> = {};
  for (const f of runSnowflake(final, second, seed + 1)) {
    expect(out[f.partition]).toBeUndefined(); // one result per group
    out[f.partition] = f.row['RESULT'];
  }
  return out;
}
