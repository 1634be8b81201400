/**
 * Numbers as the plain-language lines of a diagnosis print them: amounts with thousands
 * separators and the currency's digits, percentages with no decimals, p-values with two
 * significant digits.
 * @module
 */

/**
 * Formats an integer number of minor units as a signed amount with `,` thousands separators:
 * `-3800000` with 2 digits → `'-38,000.00'`.
 * @internal
 */
export function formatMinor(units: bigint | number, digits: number, signed = false): string {
  const u = typeof units === 'bigint' ? units : BigInt(Math.round(units));
  const negative = u < 0n;
  const abs = (negative ? -u : u).toString().padStart(digits + 1, '0');
  const int = abs.slice(0, abs.length - digits).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const text = digits > 0 ? `${int}.${abs.slice(abs.length - digits)}` : int;
  return negative ? `−${text}` : signed && u > 0n ? `+${text}` : text;
}

/**
 * Formats a fraction as a whole percentage: `0.4166` → `'42 %'`.
 * @internal
 */
export function formatRatePercent(rate: number): string {
  return `${Math.round(rate * 100)} %`;
}

/**
 * Formats a p-value: `p = 0.013`, `p < 0.001`.
 * @internal
 */
export function formatPValue(p: number): string {
  if (p < 0.001) return 'p < 0.001';
  return `p = ${p.toPrecision(2).replace(/^0\.(\d)0$/, '0.$1')}`;
}

/**
 * Formats a plain quantity with up to one decimal: `412` → `'412'`, `37.25` → `'37.3'`.
 * @internal
 */
export function formatQuantity(x: number): string {
  const r = Math.round(x * 10) / 10;
  return Number.isInteger(r) ? r.toLocaleString('en-US') : r.toLocaleString('en-US', { minimumFractionDigits: 1 });
}
