/**
 * Law of the duplicate-id memory of revops/import: an IdSet answers as a Map from id to the row
 * it was first added at, for any ids (any UTF-16 code units, lone surrogates included).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IdSet } from '../../src/import/id-set.js';

/** What a Map from id to the first row answers for each (id, row), in order: 0 when new. */
function mapAnswers(ids: readonly string[]): number[] {
  const first = new Map<string, number>();
  return ids.map((id, i) => {
    const seen = first.get(id);
    if (seen !== undefined) return seen;
    first.set(id, i + 2);
    return 0;
  });
}

describe('IdSet', () => {
  it('answers as a Map from id to first row, for any ids', () => {
    // short ids from a small alphabet repeat often; any code units (binary: lone surrogates too) rarely
    const id = fc.oneof(
      fc.string({ maxLength: 3, unit: fc.constantFrom('a', 'b', 'é', '€') }),
      fc.string({ unit: 'binary' }),
    );
    fc.assert(
      fc.property(fc.array(id, { maxLength: 3000 }), (ids) => {
        const seen = new IdSet();
        expect(ids.map((x, i) => seen.firstRowOrAdd(x, i + 2))).toEqual(mapAnswers(ids));
      }),
      { numRuns: 200 },
    );
  });
});
