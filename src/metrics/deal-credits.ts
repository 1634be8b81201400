/**
 * Who is credited with a won deal, and how much: the owner's remainder and revenue splits
 * share the amount; overlay splits are credited in addition. Exact.
 * @module
 */
import { invalid } from '../core/errors.js';
import { multiplyFixed, parseFixed, type Fixed } from '../core/fixed.js';
import { fromFixed, type Money } from '../core/money.js';
import { readArray, readObject, readString } from '../core/read.js';
import type { DealSplit } from '../model/deal.js';

/** One credit of a deal: a member and the exact amount credited. @internal */
export interface DealCredit {
  readonly memberId: string;
  readonly amount: Money;
}

const ONE: Fixed = { int: 1n, scale: 0 };

/**
 * The credits of a deal: each `revenue` split gets amount × share, the owner gets
 * amount × (1 − Σ revenue shares), each `overlay` split gets amount × share in addition.
 * @throws {RevopsError} `INVALID_INPUT` when revenue shares exceed 1, or for an owner, amount or split that is
 *   not one (named by `field`).
 * @internal
 */
export function dealCredits(
  deal: { ownerId: string; amount: Money; splits?: readonly DealSplit[] | undefined },
  field: string,
): DealCredit[] {
  const ownerId = readString(deal.ownerId, `${field}.ownerId`);
  // the amount's currency is checked by the caller against its quota or total (CURRENCY_MISMATCH)
  const money = readObject(deal.amount, `${field}.amount`) as unknown as Money;
  const splits = deal.splits === undefined ? [] : readArray(deal.splits, `${field}.splits`);
  if (splits.length === 0) return [{ memberId: ownerId, amount: deal.amount }];
  const amount = parseFixed(money.amount, `${field}.amount.amount`);
  const currency = money.currency;
  const credits: DealCredit[] = [];
  let remainder = ONE;
  splits.forEach((value, j) => {
    const s = readObject(value, `${field}.splits[${j}]`) as Partial<DealSplit>;
    const memberId = readString(s.memberId, `${field}.splits[${j}].memberId`);
    const share = parseFixed(s.share, `${field}.splits[${j}].share`);
    if (share.int < 0n) throw invalid('INVALID_INPUT', `${field}.splits[${j}].share`, s.share, 'must not be negative');
    credits.push({ memberId, amount: fromFixed(multiplyFixed(amount, share), currency) });
    if (s.kind === 'revenue') {
      const scale = Math.max(remainder.scale, share.scale);
      remainder = {
        int: remainder.int * 10n ** BigInt(scale - remainder.scale) - share.int * 10n ** BigInt(scale - share.scale),
        scale,
      };
    }
  });
  if (remainder.int < 0n)
    throw invalid('INVALID_INPUT', `${field}.splits`, splits, 'must have revenue shares summing to at most 1');
  if (remainder.int > 0n)
    credits.unshift({
      memberId: ownerId,
      amount: fromFixed(multiplyFixed(amount, remainder), currency),
    });
  return credits;
}
