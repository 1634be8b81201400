/**
 * Test helpers for tests/core and tests/model: catching a RevopsError and checking its code.
 */
import { expect } from 'vitest';
import type { RevopsError, RevopsErrorCode } from '../../src/core/index.js';

/** Runs `fn`, expects it to throw a RevopsError with `code`, and returns the error. */
export function thrown(fn: () => unknown, code: RevopsErrorCode): RevopsError {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught, 'expected a throw').toBeDefined();
  const e = caught as RevopsError;
  expect(e.name).toBe('RevopsError');
  expect(e.code).toBe(code);
  return e;
}

/** Runs `fn` with `process.env.TZ` set to `tz` (Node applies a change of TZ at once). */
export function inTimeZone<T>(tz: string, fn: () => T): T {
  const before = process.env.TZ;
  process.env.TZ = tz;
  try {
    return fn();
  } finally {
    if (before === undefined) delete process.env.TZ;
    else process.env.TZ = before;
  }
}
