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
