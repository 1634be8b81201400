/**
 * Retention (src/retention) against plain reference loops: MRR movements and cohort tables
 * over 1,000,000 subscription rows (50,000 customers, two years of monthly revenue with
 * expansions, contractions, churn and returns). The library is exact (integer minor units,
 * money strings built at the end); the reference uses floats and trusts its input.
 */
import { createRng } from '../src/core/index.js';
import type { Subscription } from '../src/model/subscription.js';
import {
  cohortRetention,
  finalizeMrrMovements,
  mergeMrrMovements,
  mrrMovements,
  summarizeMrrMovements,
} from '../src/retention/index.js';
import { keep, type BenchCase } from './harness.js';

const ROWS = 1_000_000;
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const MONTHS = Array.from({ length: 24 }, (_, i) => {
  const y = 2025 + Math.floor(i / 12);
  const m = (i % 12) + 1;
  const mm = String(m).padStart(2, '0');
  const last = m === 2 && y % 4 === 0 ? 29 : (DAYS[m - 1] as number);
  return { start: `${y}-${mm}-01`, end: `${y}-${mm}-${last}` };
});

let cached: Subscription[] | undefined;
/** 1,000,000 rows, built on first use (so that other bench files do not pay for them). */
function rows(): Subscription[] {
  if (cached !== undefined) return cached;
  const next = createRng(7).next;
  const out: Subscription[] = [];
  let c = 0;
  while (out.length < ROWS) {
    const id = `cus_${c++}`;
    let month = Math.floor(next() * 12);
    let cents = 1000 + Math.floor(next() * 50_000);
    while (month < 24 && out.length < ROWS) {
      out.push({
        customerId: id,
        period: MONTHS[month] as Subscription['period'],
        mrr: { amount: `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`, currency: 'USD' },
      });
      const r = next();
      if (r < 0.03)
        month += 2 + Math.floor(next() * 4); // churn, maybe return later
      else month += 1;
      if (r > 0.9) cents += Math.floor(next() * 5000);
      else if (r > 0.85) cents = Math.max(100, cents - Math.floor(next() * 5000));
    }
  }
  // a realistic export is not sorted by customer
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    const t = out[i] as Subscription;
    out[i] = out[j] as Subscription;
    out[j] = t;
  }
  cached = out;
  return out;
}

const FEB_2026 = { start: '2026-02-01', end: '2026-02-28' };
const YEAR_2026 = { start: '2026-01-01', end: '2026-12-31' };
const monthIndex = (date: string) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;

/** The smallest key of a month map, by a loop (never `Math.min(...keys)`: stack limits). */
function firstKey(m: Map<number, number>): number {
  let first = Number.POSITIVE_INFINITY;
  for (const k of m.keys()) if (k < first) first = k;
  return first;
}

/** Plain reference: float MRR per customer per month, then the month-over-month classification. */
function referenceMovements(data: Subscription[], from: number, to: number): number[] {
  const byCustomer = new Map<string, Map<number, number>>();
  for (const r of data) {
    let m = byCustomer.get(r.customerId);
    if (m === undefined) byCustomer.set(r.customerId, (m = new Map()));
    const k = monthIndex(r.period.start);
    m.set(k, (m.get(k) ?? 0) + Number(r.mrr.amount));
  }
  let starting = 0,
    nw = 0,
    expansion = 0,
    contraction = 0,
    churned = 0,
    reactivation = 0,
    ending = 0;
  for (const m of byCustomer.values()) {
    const first = firstKey(m);
    starting += m.get(from - 1) ?? 0;
    ending += m.get(to) ?? 0;
    for (let k = from; k <= to; k++) {
      const p = m.get(k - 1) ?? 0;
      const v = m.get(k) ?? 0;
      if (p === 0 && v > 0) {
        if (k > first) reactivation += v;
        else nw += v;
      } else if (p > 0 && v === 0) churned += p;
      else if (v > p) expansion += v - p;
      else contraction += p - v;
    }
  }
  return [starting, nw, expansion, contraction, churned, reactivation, ending];
}

/** Plain reference: logo and revenue cohort cells by month. */
function referenceCohorts(
  data: Subscription[],
): Map<number, { size: number; start: number; active: number[]; mrr: number[] }> {
  const byCustomer = new Map<string, Map<number, number>>();
  let last = 0;
  for (const r of data) {
    let m = byCustomer.get(r.customerId);
    if (m === undefined) byCustomer.set(r.customerId, (m = new Map()));
    const k = monthIndex(r.period.start);
    if (k > last) last = k;
    m.set(k, (m.get(k) ?? 0) + Number(r.mrr.amount));
  }
  const cohorts = new Map<number, { size: number; start: number; active: number[]; mrr: number[] }>();
  for (const m of byCustomer.values()) {
    const first = firstKey(m);
    let c = cohorts.get(first);
    if (c === undefined)
      cohorts.set(
        first,
        (c = {
          size: 0,
          start: 0,
          active: new Array<number>(last - first + 1).fill(0),
          mrr: new Array<number>(last - first + 1).fill(0),
        }),
      );
    c.size++;
    c.start += m.get(first) ?? 0;
    for (const [k, v] of m) {
      c.active[k - first] = (c.active[k - first] ?? 0) + 1;
      c.mrr[k - first] = (c.mrr[k - first] ?? 0) + v;
    }
  }
  return cohorts;
}

export const cases: BenchCase[] = [
  {
    name: '1,000,000 subscription rows → exact MRR movements of one month',
    size: ROWS,
    library: () => keep(mrrMovements(rows(), { period: FEB_2026 })),
    reference: () => keep(referenceMovements(rows(), monthIndex(FEB_2026.start), monthIndex(FEB_2026.start))),
  },
  {
    name: '1,000,000 subscription rows → exact MRR movements of a 12-month window',
    size: ROWS,
    library: () => keep(mrrMovements(rows(), { period: YEAR_2026 })),
    reference: () => keep(referenceMovements(rows(), monthIndex(YEAR_2026.start), monthIndex(YEAR_2026.end))),
  },
  {
    name: '1,000,000 subscription rows → MRR movements as 4 customer-chunk summaries, merged',
    size: ROWS,
    library: () => {
      const data = rows();
      const chunks: Subscription[][] = [[], [], [], []];
      for (const r of data) chunks[r.customerId.length % 4]?.push(r);
      keep(
        finalizeMrrMovements(
          chunks
            .map((ch) => summarizeMrrMovements(ch, { period: FEB_2026, currency: 'USD' }))
            .reduce(mergeMrrMovements),
        ),
      );
    },
    reference: () => keep(referenceMovements(rows(), monthIndex(FEB_2026.start), monthIndex(FEB_2026.start))),
  },
  {
    name: '1,000,000 subscription rows → monthly cohort table (logos and revenue)',
    size: ROWS,
    library: () => keep(cohortRetention(rows(), { basis: 'revenue' })),
    reference: () => keep(referenceCohorts(rows())),
  },
];
