/**
 * Commission in a formula: one amount against a tiered rate table (and optionally a quota) in
 * one call.
 * @module
 */
import { calculateStatement } from '../commission/statement.js';
import type { CurrencyCode } from '../core/currency.js';
import { invalid } from '../core/errors.js';
import { money, toNumber } from '../core/money.js';
import {
  type Cell,
  type CellRange,
  isBlank,
  readCurrencyCell,
  readNumberCell,
  readOptionalNumber,
  readOptionalText,
  readTable,
} from './cells.js';
import { type SheetNumber, sheetNumber } from './errors.js';

const SPLITS = ['marginal', 'retroactive', 'interpolated'] as const;

/** The tiers of a range of rows `from, rate` or `from, to, rate`. @internal */
export function tiersOfRange(range: CellRange, field: string): { from: number; to?: number; rate: number }[] {
  const rows = readTable(range, field, { min: 2, numeric: [0] });
  if (rows.length === 0) throw invalid('INVALID_INPUT', field, range, 'must have at least one tier row');
  const threeColumns = rows.some((r) => r.cells.length > 2 && !isBlank(r.cells[2]));
  const tiers = rows.map(({ cells, row }) => {
    const at = `${field} row ${row}`;
    const from = readNumberCell(cells[0], `${at} from`);
    const to = threeColumns ? readOptionalNumber(cells[1], `${at} to`) : undefined;
    const rate = readNumberCell(threeColumns ? cells[2] : cells[1], `${at} rate`);
    return to === undefined ? { from, rate } : { from, to, rate };
  });
  if (threeColumns) return tiers;
  // two columns: each tier ends where the next begins
  return tiers.map((t, i) => {
    const next = tiers[i + 1];
    return next === undefined ? t : { ...t, to: next.from };
  });
}

/**
 * `=COMMISSION_TIERED(amount, tiers, [quota], [split], [currency])`: the commission on one
 * credited amount (a rep's bookings for the period) from a tiered rate table, in major units,
 * rounded to the currency's minor unit (half away from zero). revops/commission
 * `calculateStatement(...).earned` for a one-component plan (`kind: 'tiered'`, `scope:
 * 'periodToDate'`, `boundary: 'higher'`) and one owner credit of `amount`.
 *
 * The tier table is a range of rows `from, rate` (each tier ends where the next begins, the
 * last is open) or `from, to, rate` (a blank `to` is open); rates are fractions (5 % is 0.05 or
 * the text `"5%"`), a header row is skipped. Without a quota the bounds are amounts; with a
 * quota they are attainment fractions (1 = 100 % of quota; `"100%"` as text is 1).
 *
 * Formula, marginal split: Σ rateₜ × (the part of the base inside tier t), the base being the
 * amount (or the attainment × quota); retroactive: the whole base at the rate of the tier it
 * reaches (a value on a bound is in the higher tier); interpolated: the whole base at a rate
 * moving linearly from the tier's rate at its start to the next tier's rate at its end.
 *
 * @param amount - the credited amount, in major units (a number or numeric text).
 * @param tiers - the rate table.
 * @param quota - the period's quota; blank or omitted: none (bounds are amounts).
 * @param split - `marginal` (default), `retroactive` or `interpolated`.
 * @param currency - ISO 4217 code; blank or omitted: `USD`.
 * @returns the commission; `#VALUE!` for a malformed table (gaps, overlaps, a first tier not at
 *   0), an unknown split or currency, or text that is not a number.
 * @example
 * ```ts
 * import { COMMISSION_TIERED } from 'revops/sheets';
 * // 45,000 of bookings, 5 % up to 10,000 then 7 %: 500 + 2,450 = 2,950 (computed by hand)
 * COMMISSION_TIERED(45000, [['From', 'Rate'], [0, '5%'], [10000, 0.07]]);
 * //=> 2950
 * // against a 40,000 quota, 5 % to 100 % attainment, 7 % above: 2,000 + 350 = 2,350
 * COMMISSION_TIERED('45,000', [[0, 0.05], [1, 0.07]], 40000);
 * //=> 2350
 * // retroactive: all 45,000 at the tier reached, 7 % = 3,150
 * COMMISSION_TIERED(45000, [[0, 1, 0.05], [1, '', 0.07]], 40000, 'retroactive');
 * //=> 3150
 * COMMISSION_TIERED(45000, [[0, 0.05]], '', 'stepwise');
 * //=> '#VALUE!'
 * ```
 */
export function COMMISSION_TIERED(
  amount: Cell,
  tiers: CellRange,
  quota?: Cell,
  split?: Cell,
  currency?: Cell,
): SheetNumber {
  return sheetNumber(() => {
    const code = readCurrencyCell(currency, 'currency') as CurrencyCode;
    const how = (readOptionalText(split, 'split') ?? 'marginal').toLowerCase();
    if (!(SPLITS as readonly string[]).includes(how)) {
      throw invalid('INVALID_OPTION', 'split', split, `must be one of ${SPLITS.join(', ')}`);
    }
    const q = readOptionalNumber(quota, 'quota');
    const credited = money(readNumberCell(amount, 'amount'), code);
    const plan = {
      id: 'sheet',
      currency: code,
      periodLength: 'month' as const,
      versions: [
        {
          id: 'v1',
          effectiveFrom: '2000-01-01',
          components: [
            {
              id: 'tiers',
              kind: 'tiered' as const,
              basis: q === undefined ? ('amount' as const) : ('attainment' as const),
              split: how as (typeof SPLITS)[number],
              scope: 'periodToDate' as const,
              boundary: 'higher' as const,
              tiers: tiersOfRange(tiers, 'tiers'),
            },
          ],
        },
      ],
    };
    const statement = calculateStatement({
      plan,
      member: { id: 'rep', name: 'Rep', roleId: 'account-executive', startDate: '2000-01-01', territoryIds: [] },
      period: { start: '2026-01-01', end: '2026-01-31' },
      quota: money(q ?? 0, code),
      credits: [
        {
          id: 'c1',
          dealId: 'd1',
          memberId: 'rep',
          kind: 'owner',
          measure: 'bookings',
          date: '2026-01-15',
          amount: credited,
        },
      ],
    });
    return toNumber(statement.earned);
  });
}
