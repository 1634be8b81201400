/**
 * The quotient of two exact decimals as a plain number, for rates of money (GRR, NRR, cohort
 * revenue rates, LTV:CAC, payback): exact integer division, then the remainder to 20 decimals,
 * so neither operand is rounded to a double first and nothing overflows.
 * @module
 */
import { pow10, type Fixed } from '../core/fixed.js';
import type { RateValue } from '../core/ratio.js';

/** `n / d` for bigints (`d > 0`) as a double: integer part plus the remainder to 20 decimals. @internal */
export function ratioToNumber(n: bigint, d: bigint): number {
  const q = n / d;
  const r = n % d;
  return Number(q) + Number((r * 10n ** 20n) / d) / 1e20;
}

/** `n / d` of two exact decimals, `null` when `d` is zero (the library's empty denominator). @internal */
export function fixedRatio(n: Fixed, d: Fixed): RateValue {
  if (d.int === 0n) return null;
  const num = n.int * pow10(d.scale);
  const den = d.int * pow10(n.scale);
  return den < 0n ? ratioToNumber(-num, -den) : ratioToNumber(num, den);
}
