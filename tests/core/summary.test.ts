/**
 * core's summary readers (src/core/summary.ts), tested directly: every module's merge and
 * finalize reads a summary that came back from JSON, a queue or another machine through them, so
 * each accepts exactly its documented type and refuses anything else with `INVALID_SUMMARY`
 * naming the field (`"<field> <expectation>, got <value>"`).
 */
import { describe, expect, it } from 'vitest';
import {
  invalidSummary,
  readSummary,
  sameParameter,
  summaryArray,
  summaryInteger,
  summaryNumber,
  summaryRecord,
  summaryString,
} from '../../src/core/summary.js';
import { thrown } from './helpers.js';

describe('invalidSummary', () => {
  it('is INVALID_SUMMARY with the field, the value and a bounded message', () => {
    const e = invalidSummary('b.count', '1', 'must be a non-negative integer');
    expect(e).toMatchObject({ code: 'INVALID_SUMMARY', field: 'b.count', value: '1' });
    expect(e.message).toBe('b.count must be a non-negative integer, got "1"');
    expect(invalidSummary('x', 'y'.repeat(10_000), 'must be short').message.length).toBeLessThan(100);
  });
});

describe('readSummary', () => {
  const good = { kind: 'winRate', version: 1, total: 3 };
  it('returns the summary itself when kind and version match', () => {
    expect(readSummary(good, 'a', 'winRate', 1)).toBe(good);
  });
  it.each([
    ['null', null, 'a must be a winRate summary object, got null'],
    ['an array', [good], 'a must be a winRate summary object, got [{"kind":"winRate","version":1,"total":3}]'],
    ['a string', 'winRate', 'a must be a winRate summary object, got "winRate"'],
  ])('refuses %s', (_, value, message) => {
    expect(thrown(() => readSummary(value, 'a', 'winRate', 1), 'INVALID_SUMMARY').message).toBe(message);
  });
  it('refuses another kind and another version, naming the field', () => {
    const kind = thrown(() => readSummary({ ...good, kind: 'funnel' }, 'b', 'winRate', 1), 'INVALID_SUMMARY');
    expect(kind.field).toBe('b.kind');
    expect(kind.message).toBe(`b.kind must be 'winRate', got "funnel"`);
    const version = thrown(() => readSummary({ ...good, version: '1' }, 'b', 'winRate', 1), 'INVALID_SUMMARY');
    expect(version.field).toBe('b.version');
    expect(version.message).toBe('b.version must be 1, got "1"');
    expect(thrown(() => readSummary({ kind: 'winRate' }, 'b', 'winRate', 2), 'INVALID_SUMMARY').message).toBe(
      'b.version must be 2, got undefined',
    );
  });
});

describe('summaryInteger and summaryNumber', () => {
  it('summaryInteger accepts 0 … MAX_SAFE_INTEGER, -0 as +0', () => {
    expect(summaryInteger(0, 'n')).toBe(0);
    expect(Object.is(summaryInteger(-0, 'n'), 0)).toBe(true);
    expect(summaryInteger(Number.MAX_SAFE_INTEGER, 'n')).toBe(9_007_199_254_740_991);
  });
  it.each([
    ['-1', -1, '-1'],
    ['1.5', 1.5, '1.5'],
    ['2 ** 53', 2 ** 53, '9007199254740992'],
    ['the string "1" (JSON that travelled as text)', '1', '"1"'],
    ['true', true, 'true'],
    ['NaN', Number.NaN, 'NaN'],
  ])('summaryInteger refuses %s', (_, value, shown) => {
    expect(thrown(() => summaryInteger(value, 'b.count'), 'INVALID_SUMMARY').message).toBe(
      `b.count must be a non-negative integer, got ${shown}`,
    );
  });
  it('summaryNumber accepts every finite number, -0 as +0, and refuses the rest', () => {
    expect(summaryNumber(-1.5, 'x')).toBe(-1.5);
    expect(summaryNumber(Number.MAX_VALUE, 'x')).toBe(Number.MAX_VALUE);
    expect(Object.is(summaryNumber(-0, 'x'), 0)).toBe(true);
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, '1', null]) {
      expect(thrown(() => summaryNumber(bad, 'a.sum'), 'INVALID_SUMMARY').field).toBe('a.sum');
    }
    expect(thrown(() => summaryNumber('2', 'a.sum'), 'INVALID_SUMMARY').message).toBe(
      'a.sum must be a finite number, got "2"',
    );
  });
});

describe('summaryString, summaryArray, summaryRecord', () => {
  it('return the value itself when it has the type', () => {
    const list = [1];
    const record = { a: 1 };
    expect(summaryString('', 's')).toBe('');
    expect(summaryArray(list, 'l')).toBe(list);
    expect(summaryRecord(record, 'r')).toBe(record);
  });
  it('refuse any other type, naming the field', () => {
    expect(thrown(() => summaryString(1, 'a.currency'), 'INVALID_SUMMARY').message).toBe(
      'a.currency must be a string, got 1',
    );
    expect(thrown(() => summaryArray({ 0: 'x', length: 1 }, 'a.ids'), 'INVALID_SUMMARY').message).toBe(
      'a.ids must be an array, got {"0":"x","length":1}',
    );
    expect(thrown(() => summaryRecord(null, 'a.groups'), 'INVALID_SUMMARY').message).toBe(
      'a.groups must be an object, got null',
    );
    expect(thrown(() => summaryRecord([], 'a.groups'), 'INVALID_SUMMARY').field).toBe('a.groups');
    expect(thrown(() => summaryRecord('x', 'a.groups'), 'INVALID_SUMMARY').field).toBe('a.groups');
  });
});

describe('sameParameter', () => {
  it('accepts equal JSON and refuses a difference, naming b and showing a', () => {
    expect(() => sameParameter({ start: '2026-01-01' }, { start: '2026-01-01' }, 'period')).not.toThrow();
    const e = thrown(() => sameParameter('ownerId', 'teamId', 'groupBy'), 'INVALID_SUMMARY');
    expect(e.field).toBe('b.groupBy');
    expect(e.message).toBe('b.groupBy must equal a.groupBy ("ownerId"): summarise every part alike, got "teamId"');
  });
});
