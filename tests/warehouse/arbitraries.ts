/**
 * Random warehouse tables, written as SQL values (text, decimal text, integers, NULL) — the
 * engines' encodings are the harness's business — together with the same data as the library's
 * entities, built independently of src/warehouse's row readers.
 */
import fc from 'fast-check';
import type { KpiDeal } from '../../src/metrics/deal-kpi.js';
import type { Credit } from '../../src/model/credit.js';
import type { Member } from '../../src/model/member.js';
import type { Subscription } from '../../src/model/subscription.js';
import type { SqlValue } from './harness.js';

type Row = { [k: string]: SqlValue };

/** An amount in cents as decimal text: small, and some beyond 2^53 cents (text in BigQuery too). */
const cents = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 0, max: 2_000_000 }).map(BigInt) },
  { weight: 1, arbitrary: fc.bigInt({ min: 0n, max: 10n ** 20n }) },
);
const money = cents.map((c) => `${c / 100n}.${String(c % 100n).padStart(2, '0')}`);
/** MRR: one customer's month stays within 2^53 − 1 cents (the library's documented limit for MRR). */
const mrrMoney = fc
  .oneof({ weight: 8, arbitrary: fc.integer({ min: 0, max: 2_000_000 }) }, { weight: 1, arbitrary: fc.nat(2 ** 49) })
  .map((c) => `${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`);
const day = (m: number, d: number) => `2026-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

export const STAGES = ['discovery', 'demo', 'proposal', 'negotiation', 'closed-won', 'closed-lost'] as const;

/** Deals: one table row and the deal the library reads. */
export const dealsArb = fc
  .array(
    fc.record({
      stage: fc.constantFrom(...STAGES),
      owner: fc.constantFrom('ann', 'bob', 'cy'),
      amount: money,
      month: fc.integer({ min: 1, max: 4 }),
      d: fc.integer({ min: 1, max: 28 }),
      closed: fc.boolean(),
      withId: fc.boolean(),
    }),
    { maxLength: 40 },
  )
  .map((rs) =>
    rs.map((x, i) => {
      const closeDate = x.closed ? day(x.month, x.d) : null;
      const row: Row = {
        id: x.withId ? `D-${i}` : null,
        stage: x.stage,
        owner_id: x.owner,
        amount: x.amount,
        currency: 'USD',
        close_date: closeDate,
        created_at: '2026-01-01T09:00:00Z',
      };
      const deal: KpiDeal = {
        ...(x.withId ? { id: `D-${i}` } : {}),
        stage: x.stage,
        ownerId: x.owner,
        amount: { amount: x.amount, currency: 'USD' },
        createdAt: '2026-01-01T09:00:00Z',
        ...(closeDate === null ? {} : { closeDate }),
      };
      return { row, deal };
    }),
  );

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const monthOf = (i: number) => {
  // i = 0 is 2025-11
  const y = 2025 + Math.floor((10 + i) / 12);
  const m = ((10 + i) % 12) + 1;
  const mm = String(m).padStart(2, '0');
  return { start: `${y}-${mm}-01`, end: `${y}-${mm}-${DAYS[m - 1]}` };
};

/** Subscription revenue rows: customers c0…c5 over 2025-11 … 2026-06, each row its own subscription. */
export const subscriptionsArb = fc
  .array(fc.record({ c: fc.integer({ min: 0, max: 5 }), m: fc.integer({ min: 0, max: 7 }), mrr: mrrMoney }), {
    maxLength: 30,
  })
  .map((rs) =>
    rs.map(({ c, m, mrr }, i) => {
      const period = monthOf(m);
      const row: Row = {
        customer_id: `c${c}`,
        subscription_id: `s${i}`,
        period_start: period.start,
        period_end: period.end,
        mrr,
        currency: 'EUR',
      };
      const subscription: Subscription = {
        customerId: `c${c}`,
        subscriptionId: `s${i}`,
        period,
        mrr: { amount: mrr, currency: 'EUR' },
      };
      return { row, subscription };
    }),
  );

/** The members of the credits table, with their quotas for the month. */
export const MEMBERS: readonly { member: Member; row: Row; quota: string }[] = [
  {
    member: { id: 'ae1', name: 'Ana', roleId: 'ae', territoryIds: [], startDate: '2020-01-01' },
    row: { id: 'ae1', name: 'Ana', role_id: 'ae', team_id: null, start_date: '2020-01-01', end_date: null },
    quota: '3000.00',
  },
  {
    member: { id: 'ae2', name: 'Ben', roleId: 'ae', teamId: 't1', territoryIds: [], startDate: '2026-01-10' },
    row: { id: 'ae2', name: 'Ben', role_id: 'ae', team_id: 't1', start_date: '2026-01-10', end_date: null },
    quota: '5000',
  },
  {
    member: { id: 'sdr1', name: 'Cy', roleId: 'sdr', territoryIds: [], startDate: '2019-05-01', endDate: '2026-01-20' },
    row: { id: 'sdr1', name: 'Cy', role_id: 'sdr', team_id: null, start_date: '2019-05-01', end_date: '2026-01-20' },
    quota: '0.5',
  },
];

/** Credits of January 2026 (some outside it, some negative), with units, deal types and new logos. */
export const creditsArb = fc
  .array(
    fc.record({
      who: fc.integer({ min: 0, max: 2 }),
      cents: fc.integer({ min: -50_000, max: 300_000 }),
      d: fc.integer({ min: 1, max: 31 }),
      outside: fc.boolean(),
      kind: fc.constantFrom('owner' as const, 'split' as const, 'overlay' as const),
      units: fc.option(fc.integer({ min: 0, max: 4 }), { nil: null }),
      type: fc.option(fc.constantFrom('new' as const, 'renewal' as const), { nil: null }),
      newLogo: fc.option(fc.boolean(), { nil: null }),
    }),
    { maxLength: 40 },
  )
  .map((rs) =>
    rs.map((x, i) => {
      const m = MEMBERS[x.who] as (typeof MEMBERS)[number];
      const amount = (x.cents / 100).toFixed(2);
      const date = x.outside ? `2026-02-${String(Math.min(x.d, 28)).padStart(2, '0')}` : day(1, x.d);
      const row: Row = {
        id: `k${i}`,
        deal_id: `d${i}`,
        member_id: m.member.id,
        kind: x.kind,
        amount,
        currency: 'USD',
        date,
        measure: null,
        units: x.units,
        deal_type: x.type,
        new_logo: x.newLogo,
        member: m.row,
        quota: m.quota,
      };
      const credit: Credit = {
        id: `k${i}`,
        dealId: `d${i}`,
        memberId: m.member.id,
        kind: x.kind,
        amount: { amount, currency: 'USD' },
        date,
        measure: 'bookings',
        ...(x.units === null ? {} : { units: x.units }),
        ...(x.type === null ? {} : { dealType: x.type }),
        ...(x.newLogo === null ? {} : { newLogo: x.newLogo }),
      };
      return { row, credit, member: m };
    }),
  );
