/**
 * Customer acquisition cost from spend: blended and by channel, exact, ready for `ltvToCac`
 * and `cacPaybackMonths`.
 * @module
 */
import { describeValue, RevopsError, invalid } from '../core/errors.js';
import { EXACT_ZERO, exactAdd, exactDivRound, intSign, type Exact } from '../core/exact.js';
import { assertSameCurrency, fromExact, readMoneyExact, type Money } from '../core/money.js';
import { minorUnits, type CurrencyCode } from '../core/currency.js';
import { readInteger, readObject, readFailure } from '../core/read.js';
import { DEFAULT_ROUNDING, type RoundingMode } from '../core/rounding.js';
import { readRoundingMode } from '../core/money-arithmetic.js';

/** One acquisition channel's spend and the customers it won. */
export interface AcquisitionChannel {
  /** The channel's name (paid search, events, outbound SDRs, …); unique within a call. */
  readonly channel: string;
  /** Sales and marketing spend of the period on this channel (≥ 0). */
  readonly spend: Money;
  /** New customers the channel won in the period (an integer ≥ 0). */
  readonly newCustomers: number;
}

/**
 * The input of {@link customerAcquisitionCost}: either one blended figure (`spend`,
 * `newCustomers`) or a list of `channels` (the blended figure is then their total).
 */
export type AcquisitionSpend =
  | { readonly spend: Money; readonly newCustomers: number; readonly channels?: undefined }
  | { readonly channels: readonly AcquisitionChannel[]; readonly spend?: undefined; readonly newCustomers?: undefined };

/** Options of {@link customerAcquisitionCost}. */
export interface CustomerAcquisitionCostOptions {
  /** How each CAC is rounded to the currency's minor unit. Default `'halfAwayFromZero'`. */
  readonly rounding?: RoundingMode;
}

/** A channel's CAC. */
export interface ChannelAcquisitionCost {
  readonly channel: string;
  /** spend ÷ new customers, rounded once; `null` when the channel won no customer. */
  readonly cac: Money | null;
  readonly spend: Money;
  readonly newCustomers: number;
}

/** Result of {@link customerAcquisitionCost}. */
export interface CustomerAcquisitionCost {
  /** Blended CAC: total spend ÷ total new customers, rounded once to the minor unit. */
  readonly cac: Money;
  /** Total spend (exact, at the currency's minor unit or finer as given). */
  readonly spend: Money;
  /** Total new customers. */
  readonly newCustomers: number;
  /** One entry per channel, in input order; empty for blended input. */
  readonly channels: readonly ChannelAcquisitionCost[];
}

/**
 * Customer acquisition cost: what winning one new customer cost.
 *
 * Formula: `CAC = sales and marketing spend ÷ new customers` over the same period (David Skok,
 * "SaaS Metrics 2.0", forentrepreneurs.com: "total sales and marketing cost ÷ number of new
 * customers"), computed exactly and
 * rounded once to the currency's minor unit with `rounding`. Blended CAC is total spend ÷ total
 * customers — never the average of the channels' CACs, which would weigh a channel of 2
 * customers like one of 200. Feed `cac` to `ltvToCac` and `cacPaybackMonths`.
 *
 * Edge cases: zero new customers in total is refused (`DIVISION_BY_ZERO`: the spend bought no
 * customer and has no per-customer cost — never a silent 0 or an infinite CAC); a single
 * channel with no new customer (brand spend, a campaign still running) has `cac: null` and its
 * spend still counts in the blended figure. Spend of zero gives a CAC of zero.
 *
 * @param input - `{ spend, newCustomers }` (blended) or `{ channels: [{ channel, spend, newCustomers }] }`.
 * @param options - {@link CustomerAcquisitionCostOptions}: `rounding`.
 * @returns the blended CAC, total spend and customers, and each channel's CAC.
 * @throws {RevopsError} `INVALID_INPUT` for an input that is neither form, an empty channel list or a channel
 *   without a non-empty name.
 * @throws {RevopsError} `DIVISION_BY_ZERO` when there are no new customers in total.
 * @throws {RevopsError} `INVALID_COUNT` for new customers that are not a non-negative safe integer.
 * @throws {RevopsError} `INVALID_AMOUNT` for a negative or malformed spend; `UNKNOWN_CURRENCY`; `CURRENCY_MISMATCH`
 *   when channels spend in different currencies.
 * @throws {RevopsError} `DUPLICATE_ID` when a channel is named twice.
 * @throws {RevopsError} `INVALID_OPTION` for an unknown rounding mode.
 * @example
 * ```ts
 * import { customerAcquisitionCost, ltvToCac, cacPaybackMonths } from 'revops/retention';
 * const usd = (amount: string) => ({ amount, currency: 'USD' });
 * customerAcquisitionCost({ spend: usd('500'), newCustomers: 50 }).cac;
 * //=> { amount: '10.00', currency: 'USD' }
 * const q1 = customerAcquisitionCost({ channels: [
 *   { channel: 'paid-search', spend: usd('12000'), newCustomers: 40 },
 *   { channel: 'events', spend: usd('9000'), newCustomers: 7 },
 * ] });
 * [q1.cac.amount, q1.channels.map((c) => c.cac?.amount)];
 * //=> ['446.81', ['300.00', '1285.71']]
 * ltvToCac(usd('1340.43'), q1.cac);
 * //=> 3
 * cacPaybackMonths(q1.cac, usd('100'), { grossMargin: 0.8 }).value;
 * //=> 5.585125
 * customerAcquisitionCost({ spend: usd('500'), newCustomers: 0 });
 * //=> throws DIVISION_BY_ZERO
 * ```
 */
export function customerAcquisitionCost(
  input: AcquisitionSpend,
  options: CustomerAcquisitionCostOptions = {},
): CustomerAcquisitionCost {
  try {
    const o = readObject(input, 'input');
    const opts = options === null ? {} : readObject(options, 'options', 'INVALID_OPTION');
    const rounding =
      opts['rounding'] === undefined ? DEFAULT_ROUNDING : readRoundingMode(opts['rounding'], 'options.rounding');
    const rows: { channel: string; x: Exact; currency: CurrencyCode; digits: number; n: number }[] = [];
    const blended = o['channels'] === undefined;
    if (blended) {
      const m = readSpend(o['spend'], 'input.spend');
      rows.push({ channel: '', ...m, n: readInteger(o['newCustomers'], 'input.newCustomers') });
    } else {
      if (o['spend'] !== undefined || o['newCustomers'] !== undefined)
        throw invalid(
          'INVALID_INPUT',
          'input',
          input,
          'must give either { spend, newCustomers } or { channels }, not both',
        );
      const list = o['channels'];
      if (!Array.isArray(list) || list.length === 0)
        throw invalid('INVALID_INPUT', 'input.channels', list, 'must be a non-empty array of channels');
      const seen = new Map<string, number>();
      for (let i = 0; i < list.length; i++) {
        const field = `input.channels[${i}]`;
        const c = readObject(list[i], field);
        const name = c['channel'];
        if (typeof name !== 'string' || name === '')
          throw invalid('INVALID_INPUT', `${field}.channel`, name, 'must be a non-empty string');
        const first = seen.get(name);
        if (first !== undefined)
          throw new RevopsError(
            'DUPLICATE_ID',
            `${field}.channel repeats input.channels[${first}]: ${describeValue(name)}`,
            {
              field: `${field}.channel`,
              value: name,
              details: { id: name, first, second: i },
            },
          );
        seen.set(name, i);
        const m = readSpend(c['spend'], `${field}.spend`);
        if (rows.length > 0)
          assertSameCurrency((rows[0] as { currency: CurrencyCode }).currency, m.currency, `${field}.spend`);
        rows.push({ channel: name, ...m, n: readInteger(c['newCustomers'], `${field}.newCustomers`) });
      }
    }
    const currency = (rows[0] as { currency: CurrencyCode }).currency;
    let total: Exact = EXACT_ZERO;
    let customers = 0;
    let digits = 0;
    for (const r of rows) {
      total = exactAdd(total, r.x);
      customers += r.n;
      if (r.digits > digits) digits = r.digits;
    }
    if (!Number.isSafeInteger(customers))
      throw invalid('INVALID_COUNT', 'input.channels', customers, 'must add up to a safe integer of new customers');
    const minor = minorUnits(currency);
    if (customers === 0)
      throw new RevopsError(
        'DIVISION_BY_ZERO',
        `${blended ? 'input.newCustomers' : 'input.channels[].newCustomers'} ` +
          'must add up to at least 1 customer, got 0 (spend that won no customer has no cost per customer)',
        { field: blended ? 'input.newCustomers' : 'input.channels', value: 0 },
      );
    const perCustomer = (x: Exact, n: number): Money =>
      fromExact(exactDivRound(x, { int: n, scale: 0 }, minor, rounding), currency);
    const channels: ChannelAcquisitionCost[] = [];
    if (!blended)
      for (const r of rows)
        channels.push({
          channel: r.channel,
          cac: r.n === 0 ? null : perCustomer(r.x, r.n),
          spend: fromExact(r.x, currency, Math.max(minor, r.digits)),
          newCustomers: r.n,
        });
    return {
      cac: perCustomer(total, customers),
      spend: fromExact(total, currency, Math.max(minor, digits)),
      newCustomers: customers,
      channels,
    };
  } catch (thrown) {
    throw readFailure(thrown, { input, options });
  }
}

/** A spend amount: money, not negative. */
function readSpend(value: unknown, field: string): { x: Exact; currency: CurrencyCode; digits: number } {
  const m = readMoneyExact(value, field);
  if (intSign(m.x.int) < 0)
    throw invalid('INVALID_AMOUNT', `${field}.amount`, (value as Money).amount, 'must not be negative');
  return m;
}
