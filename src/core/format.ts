/**
 * Money and rates as people read them, through `Intl.NumberFormat`, exactly: the decimal string
 * itself is formatted (ECMA-402's string input), never a float made from it, and no digit of an
 * amount is rounded away.
 * @module
 */
import { minorUnits } from './currency.js';
import { invalid } from './errors.js';
import { readInteger, readObject, readFailure } from './read.js';
import { isMoney, type Money } from './money.js';

/** Options of {@link formatMoney}. */
export interface FormatMoneyOptions {
  /** How the currency is shown: `'symbol'` (default, `$`), `'narrowSymbol'`, `'code'` (`USD`) or `'name'`. */
  readonly currencyDisplay?: 'symbol' | 'narrowSymbol' | 'code' | 'name';
  /** `'standard'` (default, `-$5.00`) or `'accounting'` (`($5.00)` where the locale says so). */
  readonly currencySign?: 'standard' | 'accounting';
}

/** Options of {@link formatPercent}. */
export interface FormatPercentOptions {
  /** Most fraction digits of the percentage (rounded half-expand), an integer 0–20. Default 1. */
  readonly maximumFractionDigits?: number;
  /** Fewest fraction digits of the percentage, an integer 0–20. Default 0. */
  readonly minimumFractionDigits?: number;
}

function readLocale(locale: unknown): string | string[] {
  if (typeof locale === 'string') return locale;
  if (Array.isArray(locale) && locale.every((l) => typeof l === 'string')) return locale as string[];
  throw invalid('INVALID_OPTION', 'locale', locale, 'must be a BCP 47 language tag or an array of them');
}

function numberFormat(locale: string | string[], options: Intl.NumberFormatOptions, field: string): Intl.NumberFormat {
  try {
    return new Intl.NumberFormat(locale, options);
  } catch (cause) {
    throw invalid(
      'INVALID_OPTION',
      field,
      locale,
      `is not usable by Intl.NumberFormat (${String(cause).slice(0, 120)})`,
    );
  }
}

/**
 * Formats money for people, in a locale, with every digit of the amount: the currency's minor
 * unit at least (`$5.00`), and more when the amount has more (`$0.125` stays `$0.125`, never
 * silently `$0.13`). The amount string goes to `Intl.NumberFormat` as a string (exact decimal
 * formatting, ECMA-402 since 2023), not through a float.
 *
 * The locale is an argument, default `'en-US'`: the library never reads the machine's locale.
 *
 * @param value - the money.
 * @param locale - a BCP 47 tag (`'de-DE'`) or a list of them. Default `'en-US'`.
 * @param options - how to show the currency and negative amounts.
 * @returns the formatted text.
 * @throws {RevopsError} `INVALID_INPUT` for a value that is not money; `INVALID_OPTION` for a
 *   locale or option that `Intl` rejects.
 * @example
 * ```ts
 * import { formatMoney, money } from 'revops/core';
 * formatMoney(money('1234567.5', 'USD'));
 * //=> '$1,234,567.50'
 * // Intl separates with a no-break space where the locale does
 * formatMoney(money('1234.5', 'EUR'), 'de-DE').replace('\u00a0', ' ');
 * //=> '1.234,50 €'
 * formatMoney({ amount: '0.125', currency: 'USD' });
 * //=> '$0.125'
 * const big = money('12345678901234567.89', 'USD');
 * formatMoney(big, 'en-US', { currencyDisplay: 'code' }).replace('\u00a0', ' ');
 * //=> 'USD 12,345,678,901,234,567.89'
 * ```
 */
export function formatMoney(
  value: Money,
  locale: string | readonly string[] = 'en-US',
  options: FormatMoneyOptions = {},
): string {
  try {
    if (!isMoney(value)) throw invalid('INVALID_INPUT', 'value', value, 'must be money { amount, currency }');
    readObject(options, 'options', 'INVALID_OPTION');
    const digits = minorUnits(value.currency);
    const dot = value.amount.indexOf('.');
    const decimals = dot < 0 ? 0 : value.amount.length - dot - 1;
    const fmt = numberFormat(
      readLocale(locale),
      {
        style: 'currency',
        currency: value.currency,
        currencyDisplay: options.currencyDisplay ?? 'symbol',
        currencySign: options.currencySign ?? 'standard',
        minimumFractionDigits: digits,
        maximumFractionDigits: Math.min(100, Math.max(digits, decimals)),
      },
      'options',
    );
    return fmt.format(value.amount as unknown as number);
  } catch (thrown) {
    throw readFailure(thrown, { value, locale, options });
  }
}

/**
 * Formats a fraction as a percentage for people: `0.1234` → `'12.3%'` in `en-US`. Rates are
 * fractions everywhere in the library; this is where percent appears, labelled as such. A rate
 * given as a decimal string is formatted exactly.
 *
 * @param rate - a finite number or a decimal string (`'0.125'`).
 * @param locale - a BCP 47 tag or a list of them. Default `'en-US'`.
 * @param options - fraction digits of the percentage (default 0 to 1).
 * @throws {RevopsError} `INVALID_RATE` for a non-finite number or a string that is not a
 *   decimal; `INVALID_OPTION` for a locale `Intl` rejects, or fraction digits that are not an
 *   integer from 0 to 20.
 * @example
 * ```ts
 * import { formatPercent } from 'revops/core';
 * formatPercent(0.1234);
 * //=> '12.3%'
 * formatPercent('1.2', 'ja-JP');
 * //=> '120%'
 * formatPercent(0.5, 'en-US', { minimumFractionDigits: 2 });
 * //=> '50.00%'
 * ```
 */
export function formatPercent(
  rate: number | string,
  locale: string | readonly string[] = 'en-US',
  options: FormatPercentOptions = {},
): string {
  try {
    const ok =
      (typeof rate === 'number' && Number.isFinite(rate)) ||
      (typeof rate === 'string' && /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(rate) && rate.length <= 100);
    if (!ok) throw invalid('INVALID_RATE', 'rate', rate, 'must be a finite number or a decimal string');
    readObject(options, 'options', 'INVALID_OPTION');
    // integers 0–20, what Intl.NumberFormat takes on every supported Node
    // (a BigInt or an object never reaches Math.max)
    const digits = { min: 0, max: 20, code: 'INVALID_OPTION' } as const;
    const max = readInteger(options.maximumFractionDigits ?? 1, 'options.maximumFractionDigits', digits);
    const min = readInteger(options.minimumFractionDigits ?? 0, 'options.minimumFractionDigits', digits);
    const fmt = numberFormat(
      readLocale(locale),
      { style: 'percent', minimumFractionDigits: min, maximumFractionDigits: Math.max(min, max) },
      'options',
    );
    return fmt.format(rate as number);
  } catch (thrown) {
    throw readFailure(thrown, { rate, locale, options });
  }
}
