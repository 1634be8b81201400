/**
 * ISO 4217 currency codes and their minor units.
 *
 * The table is committed rather than read from `Intl`, because `Intl` follows CLDR, which
 * differs from ISO 4217 for several currencies (CLDR shows 0 digits for HUF and IDR cash,
 * ISO 4217 says 2).
 * Source: ISO 4217 list one (SIX Group, amendment 179, 2025). Codes whose minor unit is
 * "N.A." (gold, SDR, test codes) are not money here.
 * @module
 */
import { invalid } from './errors.js';

/** An ISO 4217 alphabetic code such as `"USD"`. */
export type CurrencyCode = string;

const ZERO_DECIMALS = 'BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF';
const THREE_DECIMALS = 'BHD IQD JOD KWD LYD OMR TND';
const FOUR_DECIMALS = 'CLF UYW';
const TWO_DECIMALS =
  'AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BOV BRL BSD BTN BWP BYN BZD ' +
  'CAD CDF CHE CHF CHW CNY COP COU CRC CUC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL ' +
  'GHS GIP GMD GTQ GYD HKD HNL HRK HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT LAK LBP LKR ' +
  'LRD LSL MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD PAB ' +
  'PEN PGK PHP PKR PLN QAR RON RSD RUB SAR SBD SCR SDG SEK SGD SHP SLE SLL SOS SRD SSP STN SVC SYP ' +
  'SZL THB TJS TMT TOP TRY TTD TWD TZS UAH USD USN UYU UZS VED VES WST XCD XCG YER ZAR ZMW ZWG ZWL';

/** Code → minor digits. @internal */
export const MINOR_UNITS_TABLE: ReadonlyMap<string, number> = (() => {
  const table = new Map<string, number>();
  const put = (codes: string, digits: number): void => {
    for (const code of codes.split(' ')) table.set(code, digits);
  };
  put(TWO_DECIMALS, 2);
  put(ZERO_DECIMALS, 0);
  put(THREE_DECIMALS, 3);
  put(FOUR_DECIMALS, 4);
  return table;
})();

/**
 * Whether `code` is a known ISO 4217 currency code (upper case, with minor units).
 *
 * @example
 * ```ts
 * import { isCurrencyCode } from 'revops/core';
 * [isCurrencyCode('EUR'), isCurrencyCode('eur'), isCurrencyCode('XAU')];
 * //=> [true, false, false]
 * ```
 */
export function isCurrencyCode(code: unknown): code is CurrencyCode {
  return typeof code === 'string' && MINOR_UNITS_TABLE.has(code);
}

/**
 * The number of digits after the decimal point of a currency's minor unit (ISO 4217).
 *
 * @throws {RevopsError} `UNKNOWN_CURRENCY` for a code that is not in the table.
 * @example
 * ```ts
 * import { minorUnits } from 'revops/core';
 * [minorUnits('USD'), minorUnits('JPY'), minorUnits('BHD')];
 * //=> [2, 0, 3]
 * ```
 */
export function minorUnits(code: CurrencyCode): number {
  const digits = typeof code === 'string' ? MINOR_UNITS_TABLE.get(code) : undefined;
  if (digits === undefined) {
    throw invalid('UNKNOWN_CURRENCY', 'currency', code, 'must be an ISO 4217 code with minor units such as "USD"');
  }
  return digits;
}

/**
 * Every currency code revops knows, sorted.
 *
 * @example
 * ```ts
 * import { currencyCodes } from 'revops/core';
 * currencyCodes().includes('CHF');
 * //=> true
 * ```
 */
export function currencyCodes(): CurrencyCode[] {
  return [...MINOR_UNITS_TABLE.keys()].sort();
}
