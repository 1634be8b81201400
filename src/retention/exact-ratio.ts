/**
 * The quotient of two exact decimals as a plain number, for rates of money (GRR, NRR, cohort
 * revenue rates): core's exact division rounded once at 20 decimals, then the nearest double,
 * so neither operand is rounded to a double first and nothing overflows.
 * @module
 */
import { exactToNumber } from '../core/decimal-text.js';
import { exactDivRound, exactIsZero, type Exact } from '../core/exact.js';
import type { RateValue } from '../core/ratio.js';

/** `n / d` of two exact decimals, `null` when `d` is zero (the library's empty denominator). @internal */
export function exactRatio(n: Exact, d: Exact): RateValue {
  return exactIsZero(d) ? null : exactToNumber(exactDivRound(n, d, 20, 'halfEven'));
}
