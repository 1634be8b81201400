/** What a test calls to catch an error without `expect(...).toThrow`, to assert on its fields. */
import { RevopsError } from '../src/core/index.js';

/** The value `f` throws, or `undefined` when it returns. */
export function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  return undefined;
}

/** The `RevopsError` `f` throws; any other error is rethrown, and returning fails the test. */
export function thrownRevopsError(f: () => unknown): RevopsError {
  try {
    f();
  } catch (e) {
    if (e instanceof RevopsError) return e;
    throw e;
  }
  throw new Error('did not throw');
}

/** A copy of `entity` whose field `key` is a getter that throws `error` (the other fields as they are). */
export function throwingGetterAt<T extends object>(entity: T, key: string, error: unknown): T {
  return Object.defineProperty({ ...entity }, key, {
    get: () => {
      throw error;
    },
    enumerable: true,
  });
}

/** A copy of `entity` behind a proxy whose `get` trap throws `error` for `key` only. */
export function throwingProxyAt<T extends object>(entity: T, key: string, error: unknown): T {
  return new Proxy(
    { ...entity },
    {
      get: (t, k, r) => {
        if (k === key) throw error;
        return Reflect.get(t, k, r);
      },
    },
  );
}

/**
 * What a test asserts of the RevopsError for a read of the caller's data that threw
 * (docs/conventions.md, "Errors and refusals"): `[code, message, field, cause]`.
 */
export function unreadableFacts(f: () => unknown): [string, string, string | undefined, unknown] {
  const e = thrownRevopsError(f);
  return [e.code, e.message, e.field, e.cause];
}
