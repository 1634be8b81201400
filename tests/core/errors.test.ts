/** RevopsError and the helpers that build its messages. */
import { describe, expect, it } from 'vitest';
import { RevopsError } from '../../src/core/index.js';
import { describeValue, invalid } from '../../src/core/errors.js';

describe('RevopsError', () => {
  it('carries code, field, value, issues and cause', () => {
    const cause = new Error('inner');
    const issues = [{ path: ['amount'], message: 'bad', code: 'custom' }];
    const e = new RevopsError('INVALID_COUNT', 'total must be a non-negative integer, got -1', {
      field: 'total',
      value: -1,
      issues,
      cause,
    });
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('RevopsError');
    expect(e.code).toBe('INVALID_COUNT');
    expect(e.message).toBe('total must be a non-negative integer, got -1');
    expect(e.field).toBe('total');
    expect(e.value).toBe(-1);
    expect(e.issues).toEqual(issues);
    expect(e.cause).toBe(cause);
    expect(String(e)).toBe('RevopsError: total must be a non-negative integer, got -1');
  });

  it('defaults: no field, no value, no issues, no cause', () => {
    const e = new RevopsError('INVALID_INPUT', 'x');
    expect(e.field).toBeUndefined();
    expect(e.value).toBeUndefined();
    expect(e.issues).toEqual([]);
    expect('cause' in e).toBe(false);
  });
});

describe('invalid()', () => {
  it('names the field and the value: "<field> <expectation>, got <value>"', () => {
    const e = invalid('INVALID_RATE', 'probability', 40, 'must be a fraction in [0, 1]');
    expect(e.code).toBe('INVALID_RATE');
    expect(e.message).toBe('probability must be a fraction in [0, 1], got 40');
    expect(e.field).toBe('probability');
    expect(e.value).toBe(40);
    expect(invalid('INVALID_DATE', 'closeDate', '2025-02-29', 'must be a date').message).toBe(
      'closeDate must be a date, got "2025-02-29"',
    );
  });
});

describe('describeValue()', () => {
  it('renders every kind of value briefly and never throws', () => {
    expect(describeValue('abc')).toBe('"abc"');
    // 61 characters are cut to 57 plus "..."
    expect(describeValue('x'.repeat(61))).toBe(`"${'x'.repeat(57)}..."`);
    expect(describeValue('x'.repeat(60))).toBe(`"${'x'.repeat(60)}"`);
    expect(describeValue(1.5)).toBe('1.5');
    expect(describeValue(NaN)).toBe('NaN');
    expect(describeValue(true)).toBe('true');
    expect(describeValue(null)).toBe('null');
    expect(describeValue(undefined)).toBe('undefined');
    expect(describeValue(5n)).toBe('5n');
    expect(describeValue({ a: 1 })).toBe('{"a":1}');
    expect(describeValue([1, 2])).toBe('[1,2]');
    const long = describeValue({ k: 'y'.repeat(100) });
    expect(long.length).toBe(80);
    expect(long.endsWith('...')).toBe(true);
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(describeValue(circular)).toBe('object');
    expect(describeValue(() => 1)).toBe('function');
    expect(describeValue(Symbol('s'))).toBe('symbol');
    expect(describeValue({ big: 1n })).toBe('object');
  });
});
