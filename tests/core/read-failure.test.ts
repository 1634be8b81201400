/**
 * core's readFailure: the one rule for the caller's exceptions (docs/conventions.md, "Errors and
 * refusals"; issue 14). A read that throws is named by its path, with `cause`; a callback's own
 * exception, and a RevopsError, come back unchanged.
 */
import { describe, expect, it } from 'vitest';
import { RevopsError } from '../../src/core/errors.js';
import { fiscalYear } from '../../src/core/index.js';
import { readFailure } from '../../src/core/read.js';
import { throwingGetterAt, throwingProxyAt, unreadableFacts } from '../thrown.js';

const boom = new Error('locked');

describe('readFailure', () => {
  it('names an entity in an array by index and id, then the field', () => {
    const credits = [{ id: 'c0', amount: 1 }, throwingGetterAt({ id: 'C-4', amount: 2 }, 'amount', boom)];
    const e = readFailure(boom, { '': { plan: {}, credits } }) as RevopsError;
    expect([e.code, e.message, e.field, e.cause]).toEqual([
      'INVALID_INPUT',
      'credits[1] (id "C-4").amount could not be read (reading it threw Error: locked)',
      'credits[1] (id "C-4").amount',
      boom,
    ]);
  });

  it('gives each argument its own code (a summary’s INVALID_SUMMARY)', () => {
    const summary = throwingProxyAt({ kind: 'x', total: 1 }, 'total', boom);
    const e = readFailure(boom, { summary, options: {} }, { summary: 'INVALID_SUMMARY' }) as RevopsError;
    expect([e.code, e.message]).toEqual([
      'INVALID_SUMMARY',
      'summary.total could not be read (reading it threw Error: locked)',
    ]);
  });

  it('finds an Error of the same class and message thrown afresh by each read', () => {
    const o = Object.defineProperty({}, 'rate', {
      get: () => {
        throw new RangeError('fresh');
      },
      enumerable: true,
    });
    const first = new RangeError('fresh');
    const e = readFailure(first, { options: o }) as RevopsError;
    expect([e.message, e.cause]).toEqual([
      'options.rate could not be read (reading it threw RangeError: fresh)',
      first,
    ]);
  });

  it('returns a RevopsError, a callback’s exception and anything no read repeats unchanged', () => {
    const refusal = new RevopsError('INVALID_INPUT', 'x must be y, got z');
    expect(readFailure(refusal, { x: throwingGetterAt({ a: 1 }, 'a', refusal) })).toBe(refusal);
    const mine = new Error('mine');
    expect(readFailure(mine, { options: { groupBy: () => 1 }, deals: [{ id: 'a' }] })).toBe(mine);
    expect(readFailure(boom, { deals: [throwingGetterAt({ id: 'a' }, 'id', new Error('other'))] })).toBe(boom);
  });

  it('names an argument whose keys cannot even be listed, and stops at cycles', () => {
    const whole = new Proxy(
      {},
      {
        ownKeys: () => {
          throw boom;
        },
      },
    );
    expect((readFailure(boom, { deals: whole }) as RevopsError).message).toBe(
      'deals could not be read (reading it threw Error: locked)',
    );
    const cyclic: Record<string, unknown> = { id: 'c' };
    cyclic['self'] = cyclic;
    expect(readFailure(boom, { deals: [cyclic] })).toBe(boom);
  });

  it('fiscalYear: options.fiscalYearStartMonth a getter that throws', () => {
    const options = throwingGetterAt({ fiscalYearStartMonth: 7 }, 'fiscalYearStartMonth', boom);
    expect(unreadableFacts(() => fiscalYear(2026, options))).toEqual([
      'INVALID_INPUT',
      'options.fiscalYearStartMonth could not be read (reading it threw Error: locked)',
      'options.fiscalYearStartMonth',
      boom,
    ]);
  });
});
