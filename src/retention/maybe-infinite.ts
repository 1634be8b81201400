/**
 * A quantity that may be unbounded: lifetimes with zero churn, LTV with zero churn and no
 * discounting, payback that is never reached, the sBG mean lifetime with α ≤ 1.
 * @module
 */

/**
 * Either a finite value, or the statement that the quantity is infinite (`value: null`).
 * revops never returns `Infinity`, `NaN` or a sentinel large number for such a quantity:
 * the caller must branch on `finite`.
 */
export type MaybeInfinite<T> =
  | { readonly finite: true; readonly value: T }
  | { readonly finite: false; readonly value: null };
