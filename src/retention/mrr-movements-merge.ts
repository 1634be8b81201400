/**
 * Merging MRR movement summaries (see {@link summarizeMrrMovements}).
 * @module
 */
import { invalid } from '../core/errors.js';
import { invalidSummary, sameParameter } from '../core/summary.js';
import {
  readMovementsSummary,
  type MovementAmounts,
  type MovementCounts,
  type MrrMovementsSummary,
  type WindowChurnCounts,
} from './mrr-movements-summary.js';
import { exactCompare } from '../core/exact.js';
import { addAmounts, amountExact } from './summary-amounts.js';
import { readFailure } from '../core/read.js';

/**
 * Merges two movement summaries: over **disjoint customer sets** for the same period (every
 * field adds), or over **adjacent periods** (each summarised over all customers; the result
 * covers both periods, starting from the earlier and ending with the later, movements added,
 * `startCohort` and `churnCounts` then `null`). Exact; associative and commutative.
 *
 * Both summaries are read in full first (kind, version, every field's type, and the
 * roll-forward identities), so a summary that came back malformed from JSON is refused, never
 * merged into a wrong number.
 *
 * @param a - a summary.
 * @param b - another summary, same convention and currency.
 * @returns the merged summary.
 * @throws {RevopsError} `INVALID_SUMMARY` naming the field: not a version-1 `mrrMovements` summary, a field of the
 *   wrong type, different convention settings, periods that are neither equal nor adjacent, or adjacent summaries
 *   whose boundary MRR or customers disagree (they cover different customers).
 * @throws {RevopsError} `CURRENCY_MISMATCH` for different currencies.
 * @example
 * ```ts
 * import { summarizeMrrMovements, mergeMrrMovements } from 'revops/retention';
 * const feb = { start: '2026-02-01', end: '2026-02-28' };
 * const row = (id: string, amount: string) => ({ customerId: id, period: feb, mrr: { amount, currency: 'USD' } });
 * const a = summarizeMrrMovements([row('a', '10')], { period: feb });
 * mergeMrrMovements(a, summarizeMrrMovements([row('b', '5')], { period: feb })).amounts.new;
 * //=> '15.00'
 * ```
 */
export function mergeMrrMovements(a: MrrMovementsSummary, b: MrrMovementsSummary): MrrMovementsSummary {
  try {
    const [x, x1, xk] = readMovementsSummary(a, 'a');
    const [y, y1, yk] = readMovementsSummary(b, 'b');
    sameParameter(x.reactivation, y.reactivation, 'reactivation');
    sameParameter(x.churnRecognition, y.churnRecognition, 'churnRecognition');
    sameParameter(x.freePlans, y.freePlans, 'freePlans');
    sameParameter(x.discounts, y.discounts, 'discounts');
    if (x.currency !== null && y.currency !== null && x.currency !== y.currency)
      throw invalid('CURRENCY_MISMATCH', 'b.currency', y.currency, `must be ${x.currency} like a.currency`);
    const currency = x.currency ?? y.currency;
    if (x1 === y1 && xk === yk) return mergeSamePeriod(x, y, currency);
    const yFirst = yk + 1 === x1;
    const [first, second] = yFirst ? [y, x] : [x, y];
    if (!yFirst && xk + 1 !== y1)
      throw invalidSummary('b.period', y.period, `must equal or be adjacent to a.period ${JSON.stringify(x.period)}`);
    if (
      exactCompare(amountExact(first.amounts.ending), amountExact(second.amounts.starting)) !== 0 ||
      first.customers.ending !== second.customers.starting
    ) {
      throw invalidSummary(
        'b.amounts.starting',
        second.amounts.starting,
        `must equal the ending MRR and customers of the earlier period (${first.amounts.ending}, ` +
          `${first.customers.ending}): adjacent summaries must cover the same customers`,
      );
    }
    const add = (k: 'new' | 'expansion' | 'contraction' | 'churned' | 'reactivation'): string =>
      addAmounts(first.amounts[k], second.amounts[k]);
    return {
      ...first,
      period: { start: first.period.start, end: second.period.end },
      currency,
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
  } catch (thrown) {
    throw readFailure(thrown, { a, b }, 'INVALID_SUMMARY');
  }
}

function mergeSamePeriod(x: MrrMovementsSummary, y: MrrMovementsSummary, currency: string | null): MrrMovementsSummary {
  const sum = (k: keyof MovementAmounts): string => addAmounts(x.amounts[k], y.amounts[k]);
  const cnt = (k: keyof MovementCounts): number => x.customers[k] + y.customers[k];
  const xc = x.churnCounts;
  const yc = y.churnCounts;
  const churn = (k: keyof WindowChurnCounts): number => (xc as WindowChurnCounts)[k] + (yc as WindowChurnCounts)[k];
  return {
    ...x,
    currency,
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
      x.startCohort === null || y.startCohort === null
        ? null
        : {
            retained: addAmounts(x.startCohort.retained, y.startCohort.retained),
            ending: addAmounts(x.startCohort.ending, y.startCohort.ending),
          },
    churnCounts:
      xc === null || yc === null
        ? null
        : {
            start: churn('start'),
            churned: churn('churned'),
            acquired: churn('acquired'),
            acquiredAndChurned: churn('acquiredAndChurned'),
          },
  };
}
