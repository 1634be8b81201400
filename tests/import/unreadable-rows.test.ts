/**
 * A rows argument whose reads throw (a proxy of an array whose traps throw) is refused with a
 * RevopsError naming `rows`, with the caller's exception as `cause` (docs/conventions.md,
 * "Errors and refusals"; issue 14); a row that cannot be read stays a rejected row.
 */
import { describe, expect, it } from 'vitest';
import { importActivities, importDeals } from '../../src/import/index.js';
import { unreadableFacts } from '../thrown.js';

const boom = new Error('locked');
const throwingRows = (): unknown[] =>
  new Proxy([], {
    get: () => {
      throw boom;
    },
  });

describe('import: rows that cannot be read', () => {
  it('importDeals and importActivities name rows, with cause', () => {
    const facts = ['INVALID_INPUT', 'rows could not be read (reading it threw Error: locked)', 'rows', boom];
    expect(unreadableFacts(() => importDeals(throwingRows(), { currency: 'USD' }))).toEqual(facts);
    expect(unreadableFacts(() => importActivities(throwingRows()))).toEqual(facts);
  });
});
