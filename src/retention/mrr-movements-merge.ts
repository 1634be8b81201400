/**
 * Merging and finalising MRR movement summaries (see {@link summarizeMrrMovements}).
 * @module
 */
import { invalid, RevopsError } from '../core/errors.js';
import { MINOR_UNITS_TABLE } from '../core/currency.js';
import { formatFixed, normalizeFixed, parseFixed } from '../core/fixed.js';
import type { Money } from '../core/money.js';
import type { MovementCounts, MrrMovements, MrrMovementsSummary } from './mrr-movements.js';
import { addDecimalStrings, readWindow } from './timeline.js';

function sameDecimal(a: string, b: string): boolean {
  return formatFixed(normalizeFixed(parseFixed(a))) === formatFixed(normalizeFixed(parseFixed(b)));
}

function readSummary(s: MrrMovementsSummary, field: string): [number, number] {
  if (s === null || typeof s !== 'object' || s.kind !== 'revops/retention/mrrMovements') {
    throw invalid('INVALID_INPUT', field, s, 'must be a summary from summarizeMrrMovements');
  }
  return readWindow(s.window, `${field}.window`);
}

/**
 * Merges two movement summaries: over **disjoint customer sets** for the same window (every
 * field adds), or over **adjacent windows** (each summarised over all customers; the result
 * covers both windows, starting from the earlier and ending with the later, movements added,
 * `startCohort` and `churnCounts` then `null`). Exact; order-independent.
 *
 * @param a - a summary.
 * @param b - another summary, same convention and currency.
 * @returns the merged summary.
 * @throws {RevopsError} `INVALID_INPUT` for windows that are neither equal nor adjacent, or adjacent
 *   summaries whose boundary MRR or counts disagree (they cover different customers).
 * @throws {RevopsError} `INVALID_OPTION` for summaries computed with different conventions.
 * @throws {RevopsError} `CURRENCY_MISMATCH` for different currencies.
 * @example
 * ```ts
 * import { summarizeMrrMovements, mergeMrrMovements } from 'revops/retention';
 * const row = (id: string, amount: string) => ({ customerId: id, period: { start: '2026-02-01', end: '2026-02-28' }, mrr: { amount, currency: 'USD' } });
 * const feb = { start: '2026-02-01', end: '2026-02-28' };
 * mergeMrrMovements(summarizeMrrMovements([row('a', '10')], feb), summarizeMrrMovements([row('b', '5')], feb)).amounts.new;
 * //=> '15.00'
 * ```
 */
export function mergeMrrMovements(a: MrrMovementsSummary, b: MrrMovementsSummary): MrrMovementsSummary {
  let [a1, ak] = readSummary(a, 'a');
  let [b1, bk] = readSummary(b, 'b');
  if (JSON.stringify(a.convention) !== JSON.stringify(b.convention)) {
    throw invalid(
      'INVALID_OPTION',
      'b.convention',
      b.convention,
      `must equal the other summary's ${JSON.stringify(a.convention)}`,
    );
  }
  if (a.currency !== null && b.currency !== null && a.currency !== b.currency) {
    throw invalid('CURRENCY_MISMATCH', 'b.currency', b.currency, `must be ${a.currency} like the other summary`);
  }
  const currency = a.currency ?? b.currency;
  if (a1 === b1 && ak === bk) {
    const sum = (k: keyof MrrMovementsSummary['amounts']): string =>
      addDecimalStrings(a.amounts[k], b.amounts[k], `amounts.${k}`);
    const cnt = (k: keyof MovementCounts): number => a.customers[k] + b.customers[k];
    return {
      kind: a.kind,
      window: a.window,
      currency,
      convention: a.convention,
      amounts: {
        starting: sum('starting'),
        new: sum('new'),
        expansion: sum('expansion'),
        contraction: sum('contraction'),
        churned: sum('churned'),
        reactivation: sum('reactivation'),
        ending: sum('ending'),
      },
      customers: {
        starting: cnt('starting'),
        new: cnt('new'),
        reactivated: cnt('reactivated'),
        churned: cnt('churned'),
        ending: cnt('ending'),
      },
      startCohort:
        a.startCohort === null || b.startCohort === null
          ? null
          : {
              retained: addDecimalStrings(a.startCohort.retained, b.startCohort.retained, 'retained'),
              ending: addDecimalStrings(a.startCohort.ending, b.startCohort.ending, 'ending'),
            },
      churnCounts:
        a.churnCounts === null || b.churnCounts === null
          ? null
          : {
              start: a.churnCounts.start + b.churnCounts.start,
              churned: a.churnCounts.churned + b.churnCounts.churned,
              acquired: a.churnCounts.acquired + b.churnCounts.acquired,
              acquiredAndChurned: a.churnCounts.acquiredAndChurned + b.churnCounts.acquiredAndChurned,
            },
    };
  }
  let first = a;
  let second = b;
  if (bk + 1 === a1) {
    first = b;
    second = a;
    [a1, ak, b1, bk] = [b1, bk, a1, ak];
  }
  if (ak + 1 !== b1)
    throw invalid('INVALID_INPUT', 'b.window', b.window, `must equal or be adjacent to ${JSON.stringify(a.window)}`);
  if (
    !sameDecimal(first.amounts.ending, second.amounts.starting) ||
    first.customers.ending !== second.customers.starting
  ) {
    throw new RevopsError(
      'INVALID_INPUT',
      'adjacent summaries disagree at their boundary (ending MRR or customers of the first ≠ starting of the second): they cover different customers',
      { field: 'b', value: second.window },
    );
  }
  const add = (k: 'new' | 'expansion' | 'contraction' | 'churned' | 'reactivation'): string =>
    addDecimalStrings(first.amounts[k], second.amounts[k], `amounts.${k}`);
  return {
    kind: a.kind,
    window: { start: first.window.start, end: second.window.end },
    currency,
    convention: a.convention,
    amounts: {
      starting: first.amounts.starting,
      new: add('new'),
      expansion: add('expansion'),
      contraction: add('contraction'),
      churned: add('churned'),
      reactivation: add('reactivation'),
      ending: second.amounts.ending,
    },
    customers: {
      starting: first.customers.starting,
      new: first.customers.new + second.customers.new,
      reactivated: first.customers.reactivated + second.customers.reactivated,
      churned: first.customers.churned + second.customers.churned,
      ending: second.customers.ending,
    },
    startCohort: null,
    churnCounts: null,
  };
}

/**
 * Turns a movement summary into {@link MrrMovements} with exact money.
 *
 * @param summary - from {@link summarizeMrrMovements} or {@link mergeMrrMovements}.
 * @returns the movements.
 * @throws {RevopsError} `INSUFFICIENT_DATA` for a summary without rows and without a currency.
 * @throws {RevopsError} `UNKNOWN_CURRENCY` for a summary whose currency is not an ISO 4217 code.
 * @throws {RevopsError} `INVALID_INPUT` for something that is not a movement summary.
 * @example
 * ```ts
 * import { summarizeMrrMovements, finalizeMrrMovements } from 'revops/retention';
 * finalizeMrrMovements(summarizeMrrMovements([], { start: '2026-01-01', end: '2026-01-31' }, { currency: 'EUR' })).ending;
 * //=> { amount: '0.00', currency: 'EUR' }
 * ```
 */
export function finalizeMrrMovements(summary: MrrMovementsSummary): MrrMovements {
  const [w1, wk] = readSummary(summary, 'summary');
  const currency = summary.currency;
  if (currency === null)
    throw new RevopsError(
      'INSUFFICIENT_DATA',
      'the summary has no rows and no currency: pass options.currency to summarise an empty chunk',
      { field: 'summary.currency', value: null },
    );
  const digits = MINOR_UNITS_TABLE.get(currency);
  if (digits === undefined) throw invalid('UNKNOWN_CURRENCY', 'summary.currency', currency, 'must be an ISO 4217 code');
  const m = (amount: string): Money => ({
    amount: formatFixed(normalizeFixed(parseFixed(amount, 'summary.amounts')), digits),
    currency,
  });
  const x = summary.amounts;
  return {
    window: summary.window,
    months: wk - w1 + 1,
    starting: m(x.starting),
    new: m(x.new),
    expansion: m(x.expansion),
    contraction: m(x.contraction),
    churned: m(x.churned),
    reactivation: m(x.reactivation),
    ending: m(x.ending),
    customers: { ...summary.customers },
    startCohort:
      summary.startCohort === null
        ? null
        : { starting: m(x.starting), retained: m(summary.startCohort.retained), ending: m(summary.startCohort.ending) },
    churnCounts: summary.churnCounts === null ? null : { ...summary.churnCounts },
  };
}
