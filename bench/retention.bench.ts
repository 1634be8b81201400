/**
 * Retention (src/retention) against the leanest plain loops: MRR movements and cohort tables
 * over 1,000,000 subscription rows (50,000 customers, two years of monthly revenue with
 * expansions, contractions, churn and returns). The library is exact (amounts parsed once into
 * integer minor units, money strings built at the end) and validates every row; the reference
 * reads the rows once into a dense customer × month matrix of floats (one id map, no
 * per-customer maps) and trusts its input. `details` records the float reference's error.
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
import type { BenchCase } from './harness.js';

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
/** Month index of a `YYYY-MM-DD` date, by character codes. */
const monthIndex = (date: string) =>
  ((date.charCodeAt(0) - 48) * 1000 +
    (date.charCodeAt(1) - 48) * 100 +
    (date.charCodeAt(2) - 48) * 10 +
    (date.charCodeAt(3) - 48)) *
    12 +
  (date.charCodeAt(5) - 48) * 10 +
  (date.charCodeAt(6) - 48) -
  1;

/**
 * Rows read once into a dense customer × month matrix of float MRR: a customer index per id (one
 * map), the month of each row from its start date, no per-customer maps. The leanest plain
 * layout for month-over-month classification.
 */
function denseMrr(data: readonly Subscription[]): {
  mrr: Float64Array;
  customers: number;
  first: number;
  width: number;
} {
  const ids = new Map<string, number>();
  const n = data.length;
  const cust = new Int32Array(n);
  const mon = new Int32Array(n);
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const r = data[i] as Subscription;
    let c = ids.get(r.customerId);
    if (c === undefined) {
      c = ids.size;
      ids.set(r.customerId, c);
    }
    cust[i] = c;
    const m = monthIndex(r.period.start);
    mon[i] = m;
    if (m < first) first = m;
    if (m > last) last = m;
  }
  const width = n === 0 ? 0 : last - first + 1;
  const mrr = new Float64Array(ids.size * width);
  for (let i = 0; i < n; i++) {
    const cell = (cust[i] as number) * width + (mon[i] as number) - first;
    mrr[cell] = (mrr[cell] as number) + Number((data[i] as Subscription).mrr.amount);
  }
  return { mrr, customers: ids.size, first, width };
}

/** Plain reference: the dense matrix, then the month-over-month classification per customer. */
function referenceMovements(data: readonly Subscription[], from: number, to: number): number[] {
  const { mrr, customers, first, width } = denseMrr(data);
  let starting = 0;
  let nw = 0;
  let expansion = 0;
  let contraction = 0;
  let churned = 0;
  let reactivation = 0;
  let ending = 0;
  const at = (base: number, k: number): number =>
    k < first || k >= first + width ? 0 : (mrr[base + k - first] as number);
  for (let c = 0; c < customers; c++) {
    const base = c * width;
    let firstActive = 0;
    while (firstActive < width && mrr[base + firstActive] === 0) firstActive++;
    firstActive += first;
    starting += at(base, from - 1);
    ending += at(base, to);
    for (let k = from; k <= to; k++) {
      const p = at(base, k - 1);
      const v = at(base, k);
      if (p === 0 && v > 0) {
        if (k > firstActive) reactivation += v;
        else nw += v;
      } else if (p > 0 && v === 0) churned += p;
      else if (v > p) expansion += v - p;
      else contraction += p - v;
    }
  }
  return [starting, nw, expansion, contraction, churned, reactivation, ending];
}

/** Plain reference: logo and revenue cohort cells by month, from the dense matrix. */
function referenceCohorts(data: readonly Subscription[]): {
  size: Int32Array;
  start: Float64Array;
  active: Int32Array;
  mrr: Float64Array;
} {
  const { mrr, customers, width } = denseMrr(data);
  // cohort × age, both at most `width`
  const size = new Int32Array(width);
  const start = new Float64Array(width);
  const active = new Int32Array(width * width);
  const cells = new Float64Array(width * width);
  for (let c = 0; c < customers; c++) {
    const base = c * width;
    let f = 0;
    while (f < width && mrr[base + f] === 0) f++;
    if (f === width) continue;
    size[f] = (size[f] as number) + 1;
    start[f] = (start[f] as number) + (mrr[base + f] as number);
    for (let k = f; k < width; k++) {
      const v = mrr[base + k] as number;
      if (v > 0) {
        const cell = f * width + k - f;
        active[cell] = (active[cell] as number) + 1;
        cells[cell] = (cells[cell] as number) + v;
      }
    }
  }
  return { size, start, active, mrr: cells };
}

/** The float reference's error against the exact movements, in cents, per amount. */
function movementError(period: { start: string; end: string }): Record<string, number> {
  const m = mrrMovements(rows(), { period });
  const r = referenceMovements(rows(), monthIndex(period.start), monthIndex(period.end));
  const exact = [m.starting, m.new, m.expansion, m.contraction, m.churned, m.reactivation, m.ending];
  const names = ['starting', 'new', 'expansion', 'contraction', 'churned', 'reactivation', 'ending'];
  const out: Record<string, number> = {};
  exact.forEach((x, i) => {
    out[`${names[i]}FloatErrorCents`] = Math.round((Number(x.amount) - (r[i] as number)) * 100);
  });
  return out;
}

export const cases: BenchCase[] = [
  {
    name: '1,000,000 subscription rows → exact MRR movements of one month',
    size: ROWS,
    library: () => mrrMovements(rows(), { period: FEB_2026 }),
    reference: () => referenceMovements(rows(), monthIndex(FEB_2026.start), monthIndex(FEB_2026.start)),
    details: () => movementError(FEB_2026),
  },
  {
    name: '1,000,000 subscription rows → exact MRR movements of a 12-month window',
    size: ROWS,
    library: () => mrrMovements(rows(), { period: YEAR_2026 }),
    reference: () => referenceMovements(rows(), monthIndex(YEAR_2026.start), monthIndex(YEAR_2026.end)),
    details: () => movementError(YEAR_2026),
  },
  {
    name: '1,000,000 subscription rows → MRR movements as 4 customer-chunk summaries, merged',
    size: ROWS,
    library: () => {
      const data = rows();
      const chunks: Subscription[][] = [[], [], [], []];
      for (const r of data) chunks[r.customerId.length % 4]?.push(r);
      return finalizeMrrMovements(
        chunks.map((ch) => summarizeMrrMovements(ch, { period: FEB_2026, currency: 'USD' })).reduce(mergeMrrMovements),
      );
    },
    reference: () => referenceMovements(rows(), monthIndex(FEB_2026.start), monthIndex(FEB_2026.start)),
  },
  {
    name: '1,000,000 subscription rows → monthly cohort table (logos and revenue)',
    size: ROWS,
    library: () => cohortRetention(rows(), { basis: 'revenue' }),
    reference: () => referenceCohorts(rows()),
  },
];
