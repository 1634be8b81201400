/** ok() and err(): the Result channel. */
import { describe, expect, it } from 'vitest';
import { err, ok, type Result } from '../../src/core/index.js';

describe('Result', () => {
  it('ok wraps a value, err wraps an error, and `ok` narrows', () => {
    expect(ok(42)).toEqual({ ok: true, value: 42 });
    expect(err({ code: 'CLOSED' })).toEqual({ ok: false, error: { code: 'CLOSED' } });
    const r: Result<number, string> = Math.abs(-1) === 1 ? ok(1) : err('no');
    expect(r.ok ? r.value : r.error).toBe(1);
  });
});
