/**
 * Shared helpers of `revops/forecast` (not exported from the module): reading probabilities,
 * deciding whether a deal belongs to a period, exact money accumulators.
 * @module
 */
import type { Deal } from '../model/deal.js';
import { invalid } from '../core/errors.js';
import { minorUnits, type CurrencyCode } from '../core/currency.js';
import { addFixed, formatFixed, normalizeFixed, parseFixed, roundFixed, type Fixed } from '../core/fixed.js';
import { assertSameCurrency, readMoney } from '../core/money.js';
import type { Period } from '../core/periods.js';
import { period as makePeriod } from '../core/periods.js';
import { assertIsoDate } from '../core/dates.js';
import { DEFAULT_ROUNDING, ROUNDING_MODES, type RoundingMode } from '../core/rounding.js';
import { checkFraction } from './checks.js';

export { checkFraction, positiveInteger } from './checks.js';

/** Exact zero. @internal */
export const ZERO: Fixed = { int: 0n, scale: 0 };

/** Validates an optional stage → probability map. @internal */
export function readProbabilityMap(
  map: Readonly<Record<string, number>> | undefined,
  field: string,
): Readonly<Record<string, number>> | undefined {
  if (map === undefined) return undefined;
  if (typeof map !== 'object' || map === null || Array.isArray(map)) {
    throw invalid('INVALID_OPTION', field, map, 'must be an object mapping stage ids to fractions');
  }
  for (const [stage, p] of Object.entries(map)) checkFraction(p, `${field}.${stage}`);
  return map;
}

/**
 * The probability a forecast uses for a deal: the stage's entry in `map` when there is one,
 * else the deal's own `probability`.
 * @internal
 */
export function dealProbability(deal: Deal, map: Readonly<Record<string, number>> | undefined, field: string): number {
  if (map !== undefined && Object.hasOwn(map, deal.stage)) return map[deal.stage] as number;
  return checkFraction(deal.probability, `${field}.probability`);
}

/** Validates a period (throws `INVALID_PERIOD` / `INVALID_DATE`). @internal */
export function readPeriod(p: Period | undefined, field: string): Period | undefined {
  if (p === undefined) return undefined;
  if (typeof p !== 'object' || p === null) throw invalid('INVALID_PERIOD', field, p, 'must be a period { start, end }');
  return makePeriod(p.start, p.end);
}

/**
 * Whether `date` lies in the inclusive period; `undefined` means every date. With a period the
 * date must be a valid YYYY-MM-DD (throws `INVALID_DATE` naming `field`): a malformed date would
 * otherwise be included or dropped silently by string comparison. @internal
 */
export function inPeriod(p: Period | undefined, date: string, field: string): boolean {
  if (p === undefined) return true;
  assertIsoDate(date, field);
  return date >= p.start && date <= p.end;
}

/** An open deal: one without a `closeDate` (won and lost deals carry the date they closed). @internal */
export function isOpen(deal: Deal): boolean {
  return deal.closeDate === undefined;
}

/**
 * Sets `record[key]` as an own enumerable property: a key taken from data (a stage, team or
 * deal id such as `__proto__`) must never reach the object's prototype. @internal
 */
export function setOwn<T>(record: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Own-property lookup in a record keyed by data (`constructor` or `__proto__` are not inherited). @internal */
export function getOwn<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Reads an array argument, throwing `INVALID_INPUT` otherwise. @internal */
export function readArray<T>(value: readonly T[], field: string): readonly T[] {
  if (!Array.isArray(value)) throw invalid('INVALID_INPUT', field, value, 'must be an array');
  return value;
}

/** Reads a deal's amount and checks its currency against `currency` (when known). @internal */
export function dealAmount(
  deal: Deal,
  field: string,
  currency: CurrencyCode | undefined,
): { fixed: Fixed; currency: CurrencyCode } {
  if (typeof deal !== 'object' || deal === null) throw invalid('INVALID_INPUT', field, deal, 'must be a deal');
  const m = readMoney(deal.amount, `${field}.amount`);
  if (currency !== undefined) assertSameCurrency(currency, m.currency, `${field}.amount`);
  return m;
}

/** Parses an exact decimal string written by a summary. @internal */
export function readExact(value: unknown, field: string): Fixed {
  if (typeof value !== 'string') throw invalid('INVALID_INPUT', field, value, 'must be a decimal string');
  return parseFixed(value, field);
}

/** Exact sum of two decimal strings, as a decimal string. @internal */
export function addExact(a: string, b: string, field: string): string {
  return formatFixed(normalizeFixed(addFixed(readExact(a, `${field} (a)`), readExact(b, `${field} (b)`))));
}

/** Rounds an exact decimal once to the currency's minor unit. @internal */
export function roundToMinor(f: Fixed, currency: CurrencyCode, mode: RoundingMode): Fixed {
  return roundFixed(f, minorUnits(currency), mode);
}

/** Reads an optional rounding mode. @internal */
export function readRounding(mode: RoundingMode | undefined, field: string): RoundingMode {
  if (mode === undefined) return DEFAULT_ROUNDING;
  if (!ROUNDING_MODES.includes(mode))
    throw invalid('INVALID_OPTION', field, mode, `must be one of ${ROUNDING_MODES.join(', ')}`);
  return mode;
}

/** Reads an optional currency option. @internal */
export function readCurrency(c: string | undefined, field: string): CurrencyCode | undefined {
  if (c === undefined) return undefined;
  if (typeof c !== 'string') throw invalid('UNKNOWN_CURRENCY', field, c, 'must be an ISO 4217 code such as "USD"');
  minorUnits(c);
  return c;
}
