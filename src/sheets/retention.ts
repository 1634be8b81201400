/**
 * Retention in a formula: MRR movements, NRR and GRR from a range of customer-month rows, and
 * the unit economics LTV and CAC payback from amounts in cells.
 * @module
 */
import type { CurrencyCode } from '../core/currency.js';
import { money, toNumber } from '../core/money.js';
import { period as periodOf, type Period } from '../core/periods.js';
import type { Subscription } from '../model/subscription.js';
import { type MrrMovements, mrrMovements } from '../retention/mrr-movements.js';
import { grossRevenueRetention, netRevenueRetention } from '../retention/revenue-retention.js';
import { cacPaybackMonths, lifetimeValue } from '../retention/unit-economics.js';
import {
  type Cell,
  type CellRange,
  isBlank,
  readCurrencyCell,
  readMonthCell,
  readNumberCell,
  readOptionalNumber,
  readTable,
  readTextCell,
} from './cells.js';
import { type SheetMatrix, type SheetNumber, sheetMatrix, sheetNumber } from './errors.js';

/** The subscription rows of a range of rows `customer, month, mrr`: one row per customer-month. @internal */
export function subscriptionsOfRange(range: CellRange, field: string, currency: CurrencyCode): Subscription[] {
  return readTable(range, field, { min: 3, numeric: [2] }).map(({ cells, row }) => {
    const at = `${field} row ${row}`;
    return {
      customerId: readTextCell(cells[0], `${at} customer`),
      period: readMonthCell(cells[1], `${at} month`),
      mrr: money(readNumberCell(cells[2], `${at} mrr`), currency),
    };
  });
}

/** The months from the month of `from` to the month of `to` (that of `from` when blank). */
function monthsOf(from: Cell, to: Cell): Period {
  const first = readMonthCell(from, 'month');
  return isBlank(to) ? first : periodOf(first.start, readMonthCell(to, 'toMonth').end);
}

function movementsOf(range: CellRange, from: Cell, to: Cell, currency: Cell): MrrMovements {
  const code = readCurrencyCell(currency, 'currency') as CurrencyCode;
  return mrrMovements(subscriptionsOfRange(range, 'range', code), { period: monthsOf(from, to), currency: code });
}

/** The labels of the rows {@link MRR_MOVEMENTS} returns, in order. */
export const MRR_MOVEMENT_LABELS = [
  'starting',
  'new',
  'expansion',
  'contraction',
  'churned',
  'reactivation',
  'ending',
] as const;

/**
 * `=MRR_MOVEMENTS(range, month, [toMonth], [currency])`: the MRR bridge of a month (or of the
 * months from `month` to `toMonth`), a 2-D range of 7 rows `label, amount`: starting, new,
 * expansion, contraction, churned, reactivation, ending (starting + new + expansion −
 * contraction − churned + reactivation = ending). revops/retention `mrrMovements`.
 *
 * The range is rows `customer, month, mrr`: one row per customer and month of revenue (a month
 * is a date cell or `YYYY-MM` text: the calendar month that holds it; several rows of one
 * customer and month add up); a month with no row means no revenue. A header row and blank
 * rows are skipped. Amounts in major units, exact, each movement rounded to the minor unit.
 *
 * @param range - customer-month revenue rows.
 * @param month - the (first) month measured.
 * @param toMonth - the last month measured; blank or omitted: `month`.
 * @param currency - ISO 4217 code; blank or omitted: `USD`.
 * @returns 7 rows of `[label, amount]`; `#VALUE!` for a malformed row, date or currency.
 * @example
 * ```ts
 * import { MRR_MOVEMENTS } from 'revops/sheets';
 * // a: 100 → 120 (expansion 20), b: 50 → gone (churned), c: new at 30
 * const rows = [['Customer', 'Month', 'MRR'], ['a', '2026-01', 100], ['a', '2026-02', 120], ['b', '2026-01', 50],
 *   ['c', '2026-02-01', 30]];
 * const bridge = MRR_MOVEMENTS(rows, '2026-02') as (string | number)[][];
 * bridge.map(([label]) => label).join(' ');
 * //=> 'starting new expansion contraction churned reactivation ending'
 * bridge.map(([, amount]) => amount);
 * //=> [150, 30, 20, 0, 50, 0, 150]
 * ```
 */
export function MRR_MOVEMENTS(range: CellRange, month: Cell, toMonth?: Cell, currency?: Cell): SheetMatrix {
  return sheetMatrix(() => {
    const m = movementsOf(range, month, toMonth, currency);
    return MRR_MOVEMENT_LABELS.map((label) => [label, toNumber(m[label])]);
  });
}

/**
 * `=NRR(range, month, [toMonth], [currency])`: net revenue retention, a fraction (1.15 is
 * 115 %): what the customers active just before `month` pay at the end of the period over
 * what they paid then, expansion counted. revops/retention `netRevenueRetention(mrrMovements(
 * rows, { period }))` on its default start-cohort basis: Σᵢ endᵢ ÷ Σᵢ startᵢ. Pass twelve
 * months for an annual NRR; a monthly one is never annualised.
 *
 * @param range - customer-month revenue rows, as for {@link MRR_MOVEMENTS}.
 * @param month - the first month of the period.
 * @param toMonth - its last month; blank or omitted: `month`.
 * @param currency - ISO 4217 code; blank or omitted: `USD`.
 * @returns the fraction; `#DIV/0!` when no customer paid just before the period; `#VALUE!`
 *   for malformed rows.
 * @example
 * ```ts
 * import { NRR } from 'revops/sheets';
 * // a: 100 → 150, b: 100 → 80: (150 + 80) / 200 = 1.15
 * NRR([['a', '2026-01', 100], ['a', '2026-02', 150], ['b', '2026-01', 100], ['b', '2026-02', 80]], '2026-02');
 * //=> 1.15
 * NRR([['a', '2026-02', 100]], '2026-02');
 * //=> '#DIV/0!'
 * ```
 */
export function NRR(range: CellRange, month: Cell, toMonth?: Cell, currency?: Cell): SheetNumber {
  return sheetNumber(() => netRevenueRetention(movementsOf(range, month, toMonth, currency)).rate);
}

/**
 * `=GRR(range, month, [toMonth], [currency])`: gross revenue retention, a fraction never above
 * 1: of what the customers active just before `month` paid, the share they still pay, expansion
 * not counted. revops/retention `grossRevenueRetention(mrrMovements(rows, { period }))` on its
 * default start-cohort basis: Σᵢ min(endᵢ, startᵢ) ÷ Σᵢ startᵢ.
 *
 * @param range - customer-month revenue rows, as for {@link MRR_MOVEMENTS}.
 * @param month - the first month of the period.
 * @param toMonth - its last month; blank or omitted: `month`.
 * @param currency - ISO 4217 code; blank or omitted: `USD`.
 * @returns the fraction; `#DIV/0!` when no customer paid just before the period; `#VALUE!`
 *   for malformed rows.
 * @example
 * ```ts
 * import { GRR } from 'revops/sheets';
 * // a: 100 → 150 (counted as 100), b: 100 → 80: (100 + 80) / 200 = 0.9
 * GRR([['a', '2026-01', 100], ['a', '2026-02', 150], ['b', '2026-01', 100], ['b', '2026-02', 80]], '2026-02');
 * //=> 0.9
 * ```
 */
export function GRR(range: CellRange, month: Cell, toMonth?: Cell, currency?: Cell): SheetNumber {
  return sheetNumber(() => grossRevenueRetention(movementsOf(range, month, toMonth, currency)).rate);
}

/**
 * `=LTV(arpa, churn, [grossMargin], [currency])`: customer lifetime value in major units,
 * rounded to the minor unit. revops/retention `lifetimeValue(arpa, churn, { grossMargin })`.
 *
 * Formula: `arpa × grossMargin ÷ churn` (the first payment included, no discounting).
 *
 * @param arpa - average revenue per account per period (a month), in major units.
 * @param churn - churn per period, a fraction in [0, 1] (`"5%"` as text is 0.05).
 * @param grossMargin - a fraction in [0, 1]; blank or omitted: 1.
 * @param currency - ISO 4217 code; blank or omitted: `USD`.
 * @returns the value; `#DIV/0!` when churn is 0 (an infinite lifetime); `#NUM!` for a churn or
 *   margin outside [0, 1]; `#VALUE!` for text that is not a number.
 * @example
 * ```ts
 * import { LTV } from 'revops/sheets';
 * // 100 a month, 5 % monthly churn: 100 / 0.05 = 2,000; at 80 % margin 1,600
 * [LTV(100, 0.05), LTV(100, '5%', 0.8)];
 * //=> [2000, 1600]
 * LTV(100, 0);
 * //=> '#DIV/0!'
 * ```
 */
export function LTV(arpa: Cell, churn: Cell, grossMargin?: Cell, currency?: Cell): SheetNumber {
  return sheetNumber(() => {
    const code = readCurrencyCell(currency, 'currency') as CurrencyCode;
    const margin = readOptionalNumber(grossMargin, 'grossMargin');
    const ltv = lifetimeValue(
      money(readNumberCell(arpa, 'arpa'), code),
      readNumberCell(churn, 'churn'),
      margin === undefined ? {} : { grossMargin: margin },
    );
    return ltv.finite ? toNumber(ltv.value) : null;
  });
}

/**
 * `=CAC_PAYBACK(cac, newMrr, [grossMargin], [currency])`: months of new MRR (after gross
 * margin) it takes to earn back the acquisition cost. revops/retention `cacPaybackMonths(cac,
 * newMrr, { grossMargin })`.
 *
 * Formula: `cac ÷ (newMrr × grossMargin)`.
 *
 * @param cac - acquisition cost (sales and marketing spend), in major units.
 * @param newMrr - the new MRR it bought, in major units.
 * @param grossMargin - a fraction in [0, 1]; blank or omitted: 1.
 * @param currency - ISO 4217 code; blank or omitted: `USD`.
 * @returns months; `#DIV/0!` when new MRR (after margin) is 0; `#NUM!` for a margin outside
 *   [0, 1]; `#VALUE!` for text that is not a number or a negative amount.
 * @example
 * ```ts
 * import { CAC_PAYBACK } from 'revops/sheets';
 * // 770,000 / (100,000 × 0.7) = 11 months
 * CAC_PAYBACK(770000, 100000, 0.7);
 * //=> 11
 * CAC_PAYBACK(100, 0);
 * //=> '#DIV/0!'
 * ```
 */
export function CAC_PAYBACK(cac: Cell, newMrr: Cell, grossMargin?: Cell, currency?: Cell): SheetNumber {
  return sheetNumber(() => {
    const code = readCurrencyCell(currency, 'currency') as CurrencyCode;
    const margin = readOptionalNumber(grossMargin, 'grossMargin');
    const months = cacPaybackMonths(
      money(readNumberCell(cac, 'cac'), code),
      money(readNumberCell(newMrr, 'newMrr'), code),
      margin === undefined ? {} : { grossMargin: margin },
    );
    return months.finite ? months.value : null;
  });
}
