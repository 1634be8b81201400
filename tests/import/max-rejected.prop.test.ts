/**
 * The law of `maxRejected`: a limit never changes what an import returns, it only decides
 * whether it returns. With limit L, an import whose unlimited run rejects at most L rows returns
 * exactly the unlimited result; otherwise it throws TOO_MANY_REJECTED counting L + 1 rejected
 * rows, at the row of the (L + 1)-th rejection.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importCredits, importDeals } from '../../src/import/index.js';
import { thrown } from '../thrown.js';

const dealRow = fc.record({
  id: fc.constantFrom('D-1', 'D-2', 'D-3', 'D-4', ''),
  name: fc.constantFrom('Acme', ''),
  accountId: fc.constantFrom('acme', 'globex'),
  ownerId: fc.constantFrom('ana', 'ben'),
  amount: fc.constantFrom('100', '2,500.50', 'n/a', '', '-3'),
  currency: fc.constantFrom('USD', 'EUR', 'XYZ'),
  stage: fc.constantFrom('proposal', 'closed-won', 'Verbal Commit'),
  closeDate: fc.constantFrom('2026-03-31', '2026-02-30'),
  createdAt: fc.constantFrom('2026-01-10', 'yesterday'),
});
const creditRow = fc.record({
  id: fc.constantFrom('C-1', 'C-2', 'C-3', ''),
  memberId: fc.constantFrom('ana', ''),
  date: fc.constantFrom('2026-01-31', '31/01/2026'),
  amount: fc.constantFrom('100', 'x', '0.5'),
  currency: fc.constantFrom('USD', ''),
});

describe('maxRejected law', () => {
  it.each([
    ['importDeals', importDeals, dealRow],
    ['importCredits', importCredits, creditRow],
  ] as const)(
    '%s: under the limit the result is the unlimited one; over it, the refusal names the (L+1)-th rejection',
    (_, fn, row) => {
      fc.assert(
        fc.property(
          fc.array(row as fc.Arbitrary<Record<string, string>>, { maxLength: 12 }),
          fc.nat(12),
          (rows, limit) => {
            const full = fn(rows, { maxRejected: Number.POSITIVE_INFINITY });
            const e = thrown(() => fn(rows, { maxRejected: limit }));
            if (full.rejected.length <= limit) {
              expect(e).toBeUndefined();
              expect(fn(rows, { maxRejected: limit })).toEqual(full);
            } else {
              const at = full.rejected[limit]?.row;
              expect(e).toMatchObject({
                name: 'RevopsError',
                code: 'TOO_MANY_REJECTED',
                field: 'rows',
                value: limit + 1,
              });
              expect((e as Error).message).toContain(
                `by row ${at}, more than options.maxRejected allows (${limit} row`,
              );
              expect((e as { details: { row: number } }).details.row).toBe(at);
              expect((e as Error).message).toContain(`the first, ${full.rejected[0]?.message}`);
            }
          },
        ),
        { seed: 31, numRuns: 300 },
      );
    },
  );
});
