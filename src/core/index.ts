/**
 * `revops/core`: exact money, calendar dates and periods, errors, `Result`, the library's
 * Decimal clone and a seeded random generator. Everything else builds on these.
 * @module core
 */
export { RevopsError, type RevopsErrorCode, type RevopsErrorOptions, type RevopsIssue } from './errors.js';
export { ok, err, type Ok, type Err, type Result } from './result.js';
export { ROUNDING_MODES, DEFAULT_ROUNDING, type RoundingMode } from './rounding.js';
export type { DecimalInput } from './fixed.js';
export { isCurrencyCode, minorUnits, currencyCodes, type CurrencyCode } from './currency.js';
export { money, zero, parseMoney, isMoney, toNumber, type Money } from './money.js';
export {
  add,
  subtract,
  multiply,
  negate,
  abs,
  sum,
  type SumOptions,
  roundMoney,
  toMinorUnits,
  fromMinorUnits,
} from './money-arithmetic.js';
export { compare, equals, greaterThan, lessThan, sign, isZero, minMoney, maxMoney } from './money-compare.js';
export { allocate } from './allocate.js';
export { sumProducts, type SumProductsOptions } from './sum-products.js';
export { compileRate, type CompiledRate, type Factor } from './compiled-rate.js';
export {
  sumProductsColumn,
  toMinorUnitsColumn,
  toRateColumn,
  type MinorUnitsColumn,
  type RateColumn,
  type SumProductsColumnOptions,
} from './money-column.js';
export { divide, prorate } from './divide.js';
export { RevopsDecimal, toDecimal } from './decimal.js';
export {
  isIsoDate,
  assertIsoDate,
  daysInMonth,
  addDays,
  addMonths,
  daysBetween,
  compareDates,
  isInstant,
  instantToEpochMs,
  instantToDate,
  type IsoDate,
  type Instant,
} from './dates.js';
export {
  period,
  month,
  quarter,
  fiscalYear,
  monthOf,
  quarterOf,
  daysInPeriod,
  periodContains,
  overlap,
  prorationFraction,
  monthsOf,
  type Period,
  type FiscalYearOptions,
  type ProrationFraction,
} from './periods.js';
export { ratio, type RateValue, type RateWithCounts } from './ratio.js';
export { createRng, type Rng } from './random.js';
export { normalCdf, normalQuantile } from './normal.js';
export { LIMITS, type AsOf } from './read.js';
export type { Summary } from './summary.js';
export {
  weekCalendarYear,
  weekCalendarPositionOf,
  type WeekCalendarOptions,
  type WeekCalendarYear,
  type WeekCalendarPosition,
} from './week-calendar.js';
export { formatMoney, formatPercent, type FormatMoneyOptions, type FormatPercentOptions } from './format.js';
