/**
 * Unit economics: customer lifetime, lifetime value (plain and discounted), LTV:CAC and
 * CAC payback. LTV is computed exactly as a rational number and rounded once.
 * @module
 */
import { invalid } from '../core/errors.js';
import { exactFromNumber } from '../core/decimal-text.js';
import { exactMul, fromBig, intRoundDiv, intSign, pow10Big, toBig } from '../core/exact.js';
import { assertSameCurrency, fromExact, readMoneyExact } from '../core/money.js';
import type { Money } from '../core/money.js';
import type { RateValue } from '../core/ratio.js';
import { DEFAULT_ROUNDING, type RoundingMode } from '../core/rounding.js';
import { readRoundingMode } from '../core/money-arithmetic.js';
import { readObject, readFailure } from '../core/read.js';
import { exactRatio } from './exact-ratio.js';
import type { MaybeInfinite } from './maybe-infinite.js';

/** An exact fraction n/d (d > 0). */
type Rat = readonly [bigint, bigint];

function fraction(value: unknown, field: string, min: number, max: number): Rat {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    throw invalid('INVALID_RATE', field, value, `must be a fraction in [${min}, ${max}] (0.05 for 5%)`);
  }
  const f = exactFromNumber(value);
  return [toBig(f.int), pow10Big(f.scale)];
}

/**
 * Average customer lifetime under constant churn, in the churn rate's period unit.
 *
 * Formula: `lifetime = 1 / churn` (a16z; Baremetrics "Time to churn"): the mean of a
 * geometric lifetime when churn can happen at the end of every period, the first included.
 * Zero churn gives `{ finite: false, value: null }` (never `Infinity`).
 *
 * @param churn - churn rate per period as a fraction in [0, 1] (0.05 for 5 % a month).
 * @returns `{ finite: true, value: periods }` or `{ finite: false, value: null }`.
 * @throws {RevopsError} `INVALID_RATE` for a churn rate outside [0, 1] or not finite, or one so
 *   small (below about 5.6e-309) that `1 / churn` is beyond the largest number.
 * @example
 * ```ts
 * import { customerLifetime } from 'revops/retention';
 * customerLifetime(0.05);
 * //=> { finite: true, value: 20 }
 * customerLifetime(0);
 * //=> { finite: false, value: null }
 * ```
 */
export function customerLifetime(churn: number): MaybeInfinite<number> {
  try {
    fraction(churn, 'churn', 0, 1);
    if (churn === 0) return { finite: false, value: null };
    const value = 1 / churn;
    if (!Number.isFinite(value))
      throw invalid(
        'INVALID_RATE',
        'churn',
        churn,
        'is so small that 1/churn exceeds the largest number; pass 0 for no churn',
      );
    return { finite: true, value };
  } catch (thrown) {
    throw readFailure(thrown, { churn });
  }
}

/** Options of {@link lifetimeValue}. */
export interface LifetimeValueOptions {
  /** Gross (or contribution) margin, a fraction in [0, 1]. Default `1` (revenue LTV, as ChartMogul, Baremetrics). */
  readonly grossMargin?: number;
  /** Discount rate per period as a fraction ≥ 0. Default `0` (undiscounted, `ARPA × margin ÷ churn`). */
  readonly discountRate?: number;
  /** Whether the payment of period 0 (at acquisition) counts. Default `'included'`. */
  readonly firstPayment?: 'included' | 'excluded';
  /** Whether each period's cash arrives at its start or its end (end: discounted once more). Default `'start'`. */
  readonly cashflow?: 'start' | 'end';
  /** Rounding of the result to the currency's minor unit. Default `'halfAwayFromZero'`. */
  readonly rounding?: RoundingMode;
}

/**
 * Customer lifetime value under constant churn, exact and rounded once to the minor unit.
 *
 * With margin per period `m = ARPA × grossMargin`, retention `r = 1 − churn` and discount
 * rate `d`, the customer pays `m` in periods `t = 0, 1, 2, …` while alive (probability
 * `r^t`); cash at the period start is discounted by `(1 + d)^t`, at the end by `(1 + d)^{t+1}`:
 *
 * | firstPayment | cashflow | LTV | named in Fader & Hardie (2012, note 024) |
 * |---|---|---|---|
 * | included | start | `m (1 + d) / (1 + d − r)` | Blattberg et al. 2008 |
 * | included | end | `m / (1 + d − r)` | Ofek 2002 |
 * | excluded | start | `m r / (1 + d − r)` | Gupta & Lehmann, Kotler & Keller |
 * | excluded | end | `m r / ((1 + d)(1 + d − r))` | — |
 *
 * With `d = 0` the included forms are the vendors' `ARPA × margin ÷ churn` (ChartMogul,
 * Baremetrics, Skok). Zero churn with `d = 0` has no finite value: `{ finite: false }`.
 *
 * @param arpa - average revenue per account per period (money, ≥ 0).
 * @param churn - churn rate per period as a fraction in [0, 1].
 * @param options - see {@link LifetimeValueOptions}.
 * @returns `{ finite: true, value: Money }` or `{ finite: false, value: null }`.
 * @throws {RevopsError} `INVALID_RATE` for a churn, margin or discount rate out of range.
 * @throws {RevopsError} `INVALID_AMOUNT` for a negative or malformed ARPA.
 * @throws {RevopsError} `INVALID_INPUT` for an ARPA that is not a money object.
 * @throws {RevopsError} `UNKNOWN_CURRENCY` for an unknown currency.
 * @throws {RevopsError} `INVALID_OPTION` for options that are not an object, or an unknown timing or rounding
 *   option.
 * @example
 * ```ts
 * import { lifetimeValue } from 'revops/retention';
 * lifetimeValue({ amount: '100', currency: 'USD' }, 0.05);
 * //=> { finite: true, value: { amount: '2000.00', currency: 'USD' } }
 * lifetimeValue({ amount: '100', currency: 'USD' }, 0.2, { discountRate: 0.1 });
 * //=> { finite: true, value: { amount: '366.67', currency: 'USD' } }
 * lifetimeValue({ amount: '100', currency: 'USD' }, 0);
 * //=> { finite: false, value: null }
 * ```
 */
export function lifetimeValue(arpa: Money, churn: number, options: LifetimeValueOptions = {}): MaybeInfinite<Money> {
  try {
    const { x, currency, digits } = readMoneyExact(arpa, 'arpa');
    if (intSign(x.int) < 0) throw invalid('INVALID_AMOUNT', 'arpa.amount', arpa.amount, 'must not be negative');
    const [cn, cd] = fraction(churn, 'churn', 0, 1);
    readObject(options, 'options', 'INVALID_OPTION');
    const [gn, gd] = fraction(options.grossMargin ?? 1, 'options.grossMargin', 0, 1);
    const [dn, dd] = fraction(options.discountRate ?? 0, 'options.discountRate', 0, Number.MAX_VALUE);
    const first = options.firstPayment ?? 'included';
    const cash = options.cashflow ?? 'start';
    if (first !== 'included' && first !== 'excluded')
      throw invalid('INVALID_OPTION', 'options.firstPayment', first, "must be 'included' or 'excluded'");
    if (cash !== 'start' && cash !== 'end')
      throw invalid('INVALID_OPTION', 'options.cashflow', cash, "must be 'start' or 'end'");
    const mode = readRoundingMode(options.rounding ?? DEFAULT_ROUNDING, 'options.rounding');
    // 1 + d − r = d + churn = dn/dd + cn/cd
    const baseN = dn * cd + cn * dd;
    const baseD = dd * cd;
    if (baseN === 0n) return { finite: false, value: null };
    // factor = numerator fraction / (baseN/baseD)
    let fn = baseD; // 1 / (d + c) = baseD / baseN
    let fd = baseN;
    const onePlusD: Rat = [dd + dn, dd];
    if (first === 'included' && cash === 'start') {
      fn *= onePlusD[0];
      fd *= onePlusD[1];
    } else if (first === 'excluded') {
      fn *= cd - cn; // r = (cd − cn)/cd
      fd *= cd;
      if (cash === 'end') {
        fn *= onePlusD[1];
        fd *= onePlusD[0];
      }
    }
    const num = toBig(x.int) * gn * fn * pow10Big(digits);
    const den = pow10Big(x.scale) * gd * fd;
    const int = intRoundDiv(fromBig(num), fromBig(den), mode);
    return { finite: true, value: fromExact({ int, scale: digits }, currency, digits) };
  } catch (thrown) {
    throw readFailure(thrown, { arpa, churn, options });
  }
}

/**
 * The LTV:CAC ratio (ChartMogul's rule of thumb: at least 3).
 *
 * Formula: `ltv / cac`, a plain number; `null` when CAC is zero (empty denominator).
 *
 * @param ltv - lifetime value (money, e.g. the `value` of a finite {@link lifetimeValue}).
 * @param cac - customer acquisition cost (money, ≥ 0, same currency).
 * @returns the ratio, or `null` for zero CAC.
 * @throws {RevopsError} `INVALID_AMOUNT` for a negative or malformed amount, or a CAC so small
 *   against the LTV that the ratio is beyond the largest number (never `Infinity`).
 * @throws {RevopsError} `INVALID_INPUT` for an argument that is not a money object.
 * @throws {RevopsError} `CURRENCY_MISMATCH` when the currencies differ.
 * @throws {RevopsError} `UNKNOWN_CURRENCY` for an unknown currency.
 * @example
 * ```ts
 * import { ltvToCac } from 'revops/retention';
 * ltvToCac({ amount: '2000', currency: 'USD' }, { amount: '500', currency: 'USD' });
 * //=> 4
 * ltvToCac({ amount: '2000', currency: 'USD' }, { amount: '0', currency: 'USD' });
 * //=> null
 * ```
 */
export function ltvToCac(ltv: Money, cac: Money): RateValue {
  try {
    const a = readMoneyExact(ltv, 'ltv');
    const b = readMoneyExact(cac, 'cac');
    assertSameCurrency(a.currency, b.currency, 'cac');
    if (intSign(b.x.int) < 0) throw invalid('INVALID_AMOUNT', 'cac.amount', cac.amount, 'must not be negative');
    const ratio = exactRatio(a.x, b.x);
    if (ratio === null) return null;
    if (!Number.isFinite(ratio))
      throw invalid(
        'INVALID_AMOUNT',
        'cac.amount',
        cac.amount,
        'is so small against the LTV that the ratio exceeds the largest number',
      );
    return ratio;
  } catch (thrown) {
    throw readFailure(thrown, { ltv, cac });
  }
}

/** Options of {@link cacPaybackMonths}. */
export interface CacPaybackOptions {
  /** Gross margin as a fraction in [0, 1]. Default `1`. */
  readonly grossMargin?: number;
}

/**
 * CAC payback in months: how many months of gross-margin MRR repay acquisition spend.
 *
 * Formula: `months = cac / (newMrr × grossMargin)` — per customer (CAC ÷ (MRR per customer ×
 * GM), Skok) or per period (S&M spend ÷ (new MRR added × GM), Bessemer's Law #6 example:
 * $770k ÷ ($100k × 0.7) = 11 months). When `newMrr × grossMargin` is zero the spend is
 * never repaid: `{ finite: false, value: null }`.
 *
 * @param cac - acquisition cost or S&M spend (money, ≥ 0).
 * @param newMrr - monthly recurring revenue it bought (money, ≥ 0, same currency).
 * @param options - see {@link CacPaybackOptions}.
 * @returns `{ finite: true, value: months }` or `{ finite: false, value: null }`.
 * @throws {RevopsError} `INVALID_AMOUNT` for a negative or malformed amount, or a positive
 *   `newMrr × grossMargin` so small that the months are beyond the largest number (never `Infinity`).
 * @throws {RevopsError} `INVALID_INPUT` for an argument that is not a money object.
 * @throws {RevopsError} `CURRENCY_MISMATCH` when the currencies differ.
 * @throws {RevopsError} `UNKNOWN_CURRENCY` for an unknown currency.
 * @throws {RevopsError} `INVALID_RATE` for a gross margin outside [0, 1].
 * @throws {RevopsError} `INVALID_OPTION` for options that are not an object.
 * @example
 * ```ts
 * import { cacPaybackMonths } from 'revops/retention';
 * cacPaybackMonths({ amount: '770000', currency: 'USD' }, { amount: '100000', currency: 'USD' }, { grossMargin: 0.7 });
 * //=> { finite: true, value: 11 }
 * cacPaybackMonths({ amount: '100', currency: 'USD' }, { amount: '0', currency: 'USD' });
 * //=> { finite: false, value: null }
 * ```
 */
export function cacPaybackMonths(cac: Money, newMrr: Money, options: CacPaybackOptions = {}): MaybeInfinite<number> {
  try {
    const a = readMoneyExact(cac, 'cac');
    const b = readMoneyExact(newMrr, 'newMrr');
    assertSameCurrency(a.currency, b.currency, 'newMrr');
    if (intSign(a.x.int) < 0) throw invalid('INVALID_AMOUNT', 'cac.amount', cac.amount, 'must not be negative');
    if (intSign(b.x.int) < 0) throw invalid('INVALID_AMOUNT', 'newMrr.amount', newMrr.amount, 'must not be negative');
    readObject(options, 'options', 'INVALID_OPTION');
    fraction(options.grossMargin ?? 1, 'options.grossMargin', 0, 1);
    const months = exactRatio(a.x, exactMul(b.x, exactFromNumber(options.grossMargin ?? 1)));
    if (months === null) return { finite: false, value: null };
    if (!Number.isFinite(months))
      throw invalid(
        'INVALID_AMOUNT',
        'newMrr.amount',
        newMrr.amount,
        'times the gross margin is so small that the payback exceeds the largest number',
      );
    return { finite: true, value: months };
  } catch (thrown) {
    throw readFailure(thrown, { cac, newMrr, options });
  }
}
