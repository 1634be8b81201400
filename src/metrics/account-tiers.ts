/**
 * Account tiers by annual spend, for account list management.
 * @module
 */
import { invalid } from '../core/errors.js';
import { compareFixed, type Fixed } from '../core/fixed.js';
import { readMoney, type Money } from '../core/money.js';
import { readObject, readFailure } from '../core/read.js';
import type { Account } from '../model/account.js';
import { mapList, readList } from './counts.js';
import { SeenIds } from './deal-kpi.js';

/** A tier and the smallest annual spend that earns it. */
export interface TierThreshold {
  readonly tier: string;
  /** Accounts with annualSpend ≥ this get the tier (unless a higher tier takes them). */
  readonly minAnnualSpend: Money;
}

/** Options of {@link assignAccountTiers}. */
export interface AssignAccountTiersOptions {
  /** Tier of accounts below every threshold; default none (their `tier` is removed). */
  readonly defaultTier?: string;
}

/** The result of {@link assignAccountTiers}. */
export interface AccountTiers<A> {
  /** New account objects with `tier` set (or removed), in input order; the inputs are not changed. */
  readonly accounts: readonly A[];
  /** Accounts per tier (every tier listed, 0 when none; the default tier too when given). */
  readonly counts: Readonly<Record<string, number>>;
  /** Accounts below every threshold without a default tier. */
  readonly untiered: number;
}

/**
 * Assigns each account the highest tier whose `minAnnualSpend` its `annualSpend` reaches
 * (exact comparison): with thresholds A ≥ 100,000, B ≥ 25,000, C ≥ 0, an account spending
 * 25,000.00 is B. Thresholds are listed from the highest down.
 *
 * Per account, not an aggregate: each account's tier depends on that account alone, so there
 * is no summarize/merge/finalize form — tier each chunk on its own; the chunks' `counts` and
 * `untiered` add up to the whole list's.
 *
 * @param accounts - accounts with `annualSpend`.
 * @param thresholds - tiers from the highest minimum down, strictly decreasing, one currency.
 * @param options - {@link AssignAccountTiersOptions}.
 * @returns the re-tiered accounts (new objects), counts per tier and the untiered count.
 * @throws {RevopsError} `INVALID_OPTION` for thresholds that are empty, not strictly decreasing or repeat a tier.
 * @throws {RevopsError} `CURRENCY_MISMATCH` for an account or threshold in another currency.
 * @throws {RevopsError} `INVALID_INPUT` for accounts that are not an array or an account that is not an object.
 * @throws {RevopsError} `INVALID_AMOUNT` for a malformed annual spend or threshold.
 * @throws {RevopsError} `DUPLICATE_ID` for two accounts with the same id (each account counts once).
 * @example
 * ```ts
 * import { assignAccountTiers } from 'revops/metrics';
 * const usd = (amount) => ({ amount, currency: 'USD' });
 * const tiers = [{ tier: 'A', minAnnualSpend: usd('100000') }, { tier: 'B', minAnnualSpend: usd('25000') }];
 * const r = assignAccountTiers([{ id: 'x', annualSpend: usd('25000.00') }, { id: 'y', annualSpend: usd('999.99'),
 *   tier: 'A' }], tiers, { defaultTier: 'C' });
 * [r.accounts.map((a) => a.tier), r.counts];
 * //=> [['B', 'C'], { A: 0, B: 1, C: 1 }]
 * ```
 */
export function assignAccountTiers<A extends Pick<Account, 'annualSpend'> & { readonly tier?: string }>(
  accounts: readonly A[],
  thresholds: readonly TierThreshold[],
  options: AssignAccountTiersOptions = {},
): AccountTiers<A> {
  try {
    readList(accounts, 'accounts');
    if (!Array.isArray(thresholds) || thresholds.length === 0)
      throw invalid('INVALID_OPTION', 'thresholds', thresholds, 'must list at least one tier');
    const read: { tier: string; min: Fixed; currency: string }[] = mapList(thresholds, (t, i) => {
      if (typeof t !== 'object' || t === null || typeof t.tier !== 'string' || t.tier === '')
        throw invalid('INVALID_OPTION', `thresholds[${i}]`, t, 'must be { tier, minAnnualSpend }');
      const { fixed, currency } = readMoney(t.minAnnualSpend, `thresholds[${i}].minAnnualSpend`);
      return { tier: t.tier, min: fixed, currency };
    });
    const currency = (read[0] as (typeof read)[number]).currency;
    const defaultTier = readObject(options, 'options', 'INVALID_OPTION')['defaultTier'];
    if (defaultTier !== undefined && (typeof defaultTier !== 'string' || defaultTier === ''))
      throw invalid('INVALID_OPTION', 'defaultTier', defaultTier, 'must be a non-empty string');
    const tiers = new Set<string>();
    read.forEach((t, i) => {
      if (t.currency !== currency)
        throw invalid(
          'CURRENCY_MISMATCH',
          `thresholds[${i}].minAnnualSpend.currency`,
          t.currency,
          `must be ${currency}`,
        );
      if (tiers.has(t.tier) || t.tier === defaultTier)
        throw invalid('INVALID_OPTION', `thresholds[${i}].tier`, t.tier, 'must not repeat a tier');
      tiers.add(t.tier);
      const prev = read[i - 1];
      if (prev !== undefined && compareFixed(t.min, prev.min) >= 0)
        throw invalid(
          'INVALID_OPTION',
          `thresholds[${i}].minAnnualSpend`,
          (thresholds[i] as TierThreshold).minAnnualSpend.amount,
          'must be strictly below the previous threshold',
        );
    });
    const counts: Record<string, number> = Object.fromEntries([
      ...read.map((t) => [t.tier, 0] as const),
      ...(defaultTier === undefined ? [] : [[defaultTier, 0] as const]),
    ]);
    let untiered = 0;
    const seen = new SeenIds('accounts');
    const out = mapList(accounts, (a, i) => {
      if (typeof a !== 'object' || a === null)
        throw invalid('INVALID_INPUT', `accounts[${i}]`, a, 'must be an account');
      const id = (a as { readonly id?: unknown }).id;
      if (id !== undefined && typeof id !== 'string')
        throw invalid('INVALID_INPUT', `accounts[${i}].id`, id, 'must be a string');
      seen.check(a as { readonly id?: unknown }, i);
      const { fixed, currency: c } = readMoney(a.annualSpend, `accounts[${i}].annualSpend`);
      if (c !== currency)
        throw invalid('CURRENCY_MISMATCH', `accounts[${i}].annualSpend.currency`, c, `must be ${currency}`);
      const tier = read.find((t) => compareFixed(fixed, t.min) >= 0)?.tier ?? defaultTier;
      const { tier: _old, ...rest } = a;
      if (tier === undefined) {
        untiered++;
        return rest as A;
      }
      counts[tier] = (counts[tier] as number) + 1;
      return { ...rest, tier } as A;
    });
    return { accounts: out, counts, untiered };
  } catch (thrown) {
    throw readFailure(thrown, { accounts, thresholds, options });
  }
}
