/**
 * `Result`: the channel for expected outcomes that are not allowed (a refused transition,
 * a failed `safeParse`). Misuse throws a {@link RevopsError} instead.
 * @module
 */

/** A success carrying a value. */
export interface Ok<T> {
  readonly ok: true;
  readonly value: T;
}

/** A refusal carrying an error. */
export interface Err<E> {
  readonly ok: false;
  readonly error: E;
}

/** Either a value or an error; test `ok` to narrow. */
export type Result<T, E> = Ok<T> | Err<E>;

/**
 * Wraps a value as a success.
 *
 * @example
 * ```ts
 * import { ok } from 'revops/core';
 * ok(42);
 * //=> { ok: true, value: 42 }
 * ```
 */
export function ok<T>(value: T): Ok<T> {
  return { ok: true, value };
}

/**
 * Wraps an error as a refusal.
 *
 * @example
 * ```ts
 * import { err } from 'revops/core';
 * err({ code: 'CLOSED' });
 * //=> { ok: false, error: { code: 'CLOSED' } }
 * ```
 */
export function err<E>(error: E): Err<E> {
  return { ok: false, error };
}
