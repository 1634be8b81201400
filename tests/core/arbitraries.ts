/**
 * fast-check arbitraries for the core property tests, and an exact oracle: a private
 * decimal.js clone with 200 significant digits (never the global Decimal, never revops' own).
 */
import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { money, type Money } from '../../src/core/index.js';

/** A high-precision decimal.js clone used as an independent oracle for exact arithmetic. */
export const Exact = Decimal.clone({ precision: 200, toExpNeg: -300, toExpPos: 300 });

/** Currencies covering every ISO 4217 minor unit: 0 (JPY), 2 (USD, EUR), 3 (BHD), 4 (CLF). */
export const currencyArb = fc.constantFrom('USD', 'EUR', 'JPY', 'BHD', 'CLF');

/** Writes `int / 10^scale` as a plain decimal string (written here, not taken from src). */
export function decimalString(int: bigint, scale: number): string {
  const negative = int < 0n;
  let digits = (negative ? -int : int).toString().padStart(scale + 1, '0');
  if (scale > 0) digits = `${digits.slice(0, digits.length - scale)}.${digits.slice(digits.length - scale)}`;
  return negative ? `-${digits}` : digits;
}

/** Integers small enough for the safe-integer fast paths, and large ones for the BigInt paths. */
export const bigIntArb = fc.oneof(
  fc.bigInt({ min: -1000n, max: 1000n }),
  fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }),
  fc.bigInt({ min: -(10n ** 25n), max: 10n ** 25n }),
);

/** A decimal string with up to `maxScale` decimals. */
export const decimalStringArb = (maxScale = 6): fc.Arbitrary<string> =>
  fc.tuple(bigIntArb, fc.integer({ min: 0, max: maxScale })).map(([i, s]) => decimalString(i, s));

/** Money in `currency`, possibly with digits below the minor unit. */
export const moneyArb = (currency: string, maxScale = 6): fc.Arbitrary<Money> =>
  decimalStringArb(maxScale).map((a) => money(a, currency));

/** Money in whole minor units of `currency`. */
export const wholeMoneyArb = (currency: string, digits: number): fc.Arbitrary<Money> =>
  bigIntArb.map((i) => money(decimalString(i, digits), currency));

/** Minor digits of the currencies above (ISO 4217). */
export const DIGITS: Record<string, number> = { USD: 2, EUR: 2, JPY: 0, BHD: 3, CLF: 4 };

/** `n` amounts of one random currency. */
export const sameCurrency = (n: number, maxScale = 6): fc.Arbitrary<Money[]> =>
  currencyArb.chain((c) => fc.tuple(...Array.from({ length: n }, () => moneyArb(c, maxScale))));

/** Decimal value of a Money amount as an oracle number. */
export const exact = (m: Money | string): Decimal => new Exact(typeof m === 'string' ? m : m.amount);

const DAY = 86_400_000;
/** Days since 1970-01-01 of a calendar date, read as UTC (no local time zone involved). */
export const utcDays = (d: string): number => Date.parse(`${d}T00:00:00Z`) / DAY;
/** The calendar date `n` days after 1970-01-01, via UTC. */
export const fromUtcDays = (n: number): string => new Date(n * DAY).toISOString().slice(0, 10);
/** Calendar dates in years 1000–9000, written YYYY-MM-DD. */
export const isoDateArb = fc.integer({ min: utcDays('1000-01-01'), max: utcDays('9000-12-31') }).map(fromUtcDays);
