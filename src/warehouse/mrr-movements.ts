/**
 * MRR movements month by month over a table of subscription revenue rows, for a warehouse.
 *
 * A summary of MRR movements must see the whole history of each of its customers (new vs
 * reactivation depends on earlier months), so the rows of one customer travel together:
 * BigQuery receives each customer's rows as one `ARRAY_AGG` argument; Snowflake receives
 * rows partitioned by a hash of the customer and ordered by customer, and never summarises
 * part of a customer.
 * @module
 */
import { invalid } from '../core/errors.js';
import { month } from '../core/periods.js';
import type { Subscription } from '../model/subscription.js';
import { finalizeMrrMovements, type MrrMovements } from '../retention/mrr-movements.js';
import { mergeMrrMovements } from '../retention/mrr-movements-merge.js';
import {
  type MrrMovementsOptions,
  type MrrMovementsSummary,
  summarizeMrrMovements,
} from '../retention/mrr-movements-summary.js';
import { optionsReader, type WarehouseComputation } from './computation.js';
import { amountText, optionalText, rowObject, text } from './values.js';

/** Options of the warehouse MRR movements (the call's options JSON). */
export interface WarehouseMrrOptions {
  /** The months, each measured on its own: `YYYY-MM` of the first and of the last. */
  readonly months: readonly MrrMovementsOptions['period'][];
  /** The convention options of `mrrMovements` (`preset`, `reactivation`, …) without `period`. */
  readonly convention: Omit<MrrMovementsOptions, 'period'>;
}

/** One month's movements. */
export interface WarehouseMrrMonth extends MrrMovements {
  /** `YYYY-MM`. */
  readonly month: string;
}

/** The summaries of each month, in order. */
export interface WarehouseMrrSummary {
  readonly months: readonly MrrMovementsSummary[];
}

const YM = /^(\d{4})-(0[1-9]|1[0-2])$/;

function readMonth(v: unknown, field: string): [number, number] {
  const m = typeof v === 'string' ? YM.exec(v) : null;
  if (m === null) throw invalid('INVALID_OPTION', field, v, "must be a month 'YYYY-MM'");
  return [Number(m[1]), Number(m[2])];
}

const readOptions = optionsReader((o): WarehouseMrrOptions => {
  const { from, to, ...convention } = o;
  const [y1, m1] = readMonth(from, 'options.from');
  const [y2, m2] = readMonth(to, 'options.to');
  const count = (y2 - y1) * 12 + (m2 - m1) + 1;
  if (count < 1 || count > 120) {
    throw invalid('INVALID_OPTION', 'options.to', to, `must be from options.from to 120 months after it`);
  }
  const months = Array.from({ length: count }, (_, i) =>
    month(y1 + Math.floor((m1 - 1 + i) / 12), ((m1 - 1 + i) % 12) + 1),
  );
  return { months, convention: convention as Omit<MrrMovementsOptions, 'period'> };
});

/**
 * Reads one subscription row: `customer_id`, `subscription_id`, `period_start`,
 * `period_end` (text `YYYY-MM-DD`), `mrr` and `currency`.
 * @internal
 */
export function readSubscriptionRow(value: unknown): Subscription {
  const r = rowObject(value, 'subscription');
  const subscriptionId = optionalText(r, 'subscription_id', 'subscription');
  return {
    customerId: text(r, 'customer_id', 'subscription'),
    ...(subscriptionId === undefined ? {} : { subscriptionId }),
    period: { start: text(r, 'period_start', 'subscription'), end: text(r, 'period_end', 'subscription') },
    mrr: { amount: amountText(r, 'mrr', 'subscription'), currency: text(r, 'currency', 'subscription') },
  };
}

/** The MRR-movements-by-month computation of the warehouse builds. @internal */
export const mrrMovementsComputation: WarehouseComputation<
  Subscription,
  WarehouseMrrSummary,
  WarehouseMrrOptions,
  WarehouseMrrMonth[]
> = {
  name: 'mrr-movements',
  params: readOptions,
  rows: (value) => (Array.isArray(value) ? value.map(readSubscriptionRow) : [readSubscriptionRow(value)]),
  unitOf: (row) => row.customerId,
  summarize: (rows, p) => ({
    months: p.months.map((period) => summarizeMrrMovements(rows, { ...p.convention, period })),
  }),
  merge: (a, b) => {
    if (a.months.length !== b.months.length) {
      throw invalid('INVALID_SUMMARY', 'b.months', b.months.length, `must hold ${a.months.length} months`);
    }
    return { months: a.months.map((s, i) => mergeMrrMovements(s, b.months[i] as MrrMovementsSummary)) };
  },
  finalize: (s) => s.months.map((m) => ({ month: m.period.start.slice(0, 7), ...finalizeMrrMovements(m) })),
};
