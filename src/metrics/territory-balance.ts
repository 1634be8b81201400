/**
 * Territory balance: how unevenly account potential and workload spread across territories.
 * @module
 */
import { invalid } from '../core/errors.js';
import type { Money } from '../core/money.js';
import { entityPath, readObject, readFailure } from '../core/read.js';
import {
  invalidSummary,
  readSummary as readTagged,
  sameParameter,
  summaryArray,
  summaryInteger,
  summaryNumber,
  summaryRecord,
  summaryString,
} from '../core/summary.js';
import type { Account } from '../model/account.js';
import type { Territory } from '../model/territory.js';
import { filterList, mapList, readList } from './counts.js';
import { SeenIds } from './deal-kpi.js';
import { summaryAmount, summaryCurrency } from './grouped-summary.js';
import { addAmounts, amountRatio, MoneyTotal, moneyOf, rejectNegative, sameCurrency } from './money-total.js';

/** The fields of an account that territory balance reads. */
export type BalanceAccount = Pick<Account, 'annualSpend' | 'territoryId'> & { readonly id?: string };

/** Options of {@link territoryBalance}. */
export interface TerritoryBalanceOptions {
  /**
   * A territory is over-loaded when its value exceeds the mean by more than this fraction,
   * under-loaded when it falls short of the mean by more than it. Default 0.2 (±20% of the
   * mean, a common rule of thumb for territory design).
   */
  readonly threshold?: number;
}

/** Dispersion of one measure across territories. */
export interface Dispersion {
  /** Mean per territory; `null` with no territories. */
  readonly mean: number | null;
  /** Coefficient of variation: population standard deviation ÷ mean; `null` when the mean is 0. */
  readonly cv: number | null;
  /** Gini coefficient Σᵢ Σⱼ |xᵢ − xⱼ| ÷ (2n²·mean), in [0, 1 − 1/n]; `null` when the mean is 0. */
  readonly gini: number | null;
  /** Territory ids above mean × (1 + threshold), in input order. */
  readonly over: readonly string[];
  /** Territory ids below mean × (1 − threshold), in input order. */
  readonly under: readonly string[];
}

/** One territory's load. */
export interface TerritoryLoad {
  readonly territoryId: string;
  /** Exact Σ annualSpend of its accounts (`null` when no account has a currency yet). */
  readonly potential: Money | null;
  /** Number of accounts (the workload). */
  readonly accounts: number;
}

/** The result of {@link territoryBalance}. */
export interface TerritoryBalance {
  readonly territories: readonly TerritoryLoad[];
  /** Dispersion of account potential (annual spend). */
  readonly potential: Dispersion;
  /** Dispersion of workload (number of accounts). */
  readonly workload: Dispersion;
  /** Accounts without a territory (not in the statistics). */
  readonly unassignedAccounts: number;
  readonly threshold: number;
}

/** A mergeable territory-balance summary (JSON): `{ kind: 'territoryBalance', version: 1, threshold, … }`. */
export interface TerritoryBalanceSummary {
  readonly kind: 'territoryBalance';
  readonly version: 1;
  readonly threshold: number;
  readonly currency: string | null;
  /** Per territory id, in the order of `territories`: exact potential and account count. */
  readonly territories: readonly { territoryId: string; potential: string; accounts: number }[];
  readonly unassignedAccounts: number;
}

/** Dispersion statistics of `values` (exported for tests). @internal */
export function dispersion(ids: readonly string[], values: readonly number[], threshold: number): Dispersion {
  const n = values.length;
  if (n === 0) return { mean: null, cv: null, gini: null, over: [], under: [] };
  // CV, Gini and the over/under tests do not change when every value is divided by the same
  // number: values past 2^400 are divided by a power of two (exactly) near the largest, so sums
  // of values near 1e308 and their squares do not overflow to Infinity (and NaN); only the mean
  // is scaled back.
  let max = 0;
  for (let i = 0; i < n; i++) max = Math.max(max, Math.abs(values[i] as number));
  const scale = max > 2 ** 400 ? 2 ** Math.floor(Math.log2(max)) : 1;
  const x = mapList(values, (v) => v / scale);
  let sum = 0;
  for (const v of x) sum += v;
  const m = sum / n;
  let ss = 0;
  for (const v of x) ss += (v - m) ** 2;
  const sorted = [...x].sort((a, b) => a - b);
  // Σᵢ Σⱼ |xᵢ − xⱼ| = 2 Σᵢ (2i − n + 1)·x₍ᵢ₎ over the sorted values (i from 0)
  let weighted = 0;
  sorted.forEach((v, i) => {
    weighted += (2 * i - n + 1) * v;
  });
  const over = filterList(ids, (_, i) => (x[i] as number) > m * (1 + threshold));
  const under = filterList(ids, (_, i) => (x[i] as number) < m * (1 - threshold));
  return {
    mean: m * scale,
    cv: m === 0 ? null : Math.sqrt(ss / n) / m,
    gini: m === 0 ? null : (2 * weighted) / (2 * n * n * m),
    over,
    under,
  };
}

/**
 * Summarises a chunk of accounts for {@link territoryBalance}.
 *
 * @param accounts - accounts with `territoryId` and `annualSpend`.
 * @param territories - every territory (empty ones count as zero load).
 * @param options - {@link TerritoryBalanceOptions}.
 * @returns a JSON-serialisable summary.
 * @throws {RevopsError} as {@link territoryBalance}.
 * @example
 * ```ts
 * import { summarizeTerritoryBalance } from 'revops/metrics';
 * summarizeTerritoryBalance([], [{ id: 't1', name: 'North', ownerIds: [] }]).territories;
 * //=> [{ territoryId: 't1', potential: '0', accounts: 0 }]
 * ```
 */
export function summarizeTerritoryBalance(
  accounts: readonly BalanceAccount[],
  territories: readonly Pick<Territory, 'id'>[],
  options: TerritoryBalanceOptions = {},
): TerritoryBalanceSummary {
  try {
    // index loops over the arrays read (a plain copy of an array with its own constructor): forEach would skip holes
    const accountList = readList(accounts, 'accounts');
    const territoryList = readList(territories, 'territories');
    readObject(options, 'options', 'INVALID_OPTION');
    const threshold = options.threshold ?? 0.2;
    if (typeof threshold !== 'number' || !(threshold >= 0 && threshold < 1))
      throw invalid('INVALID_OPTION', 'options.threshold', threshold, 'must be a fraction in [0, 1) (0.2 for ±20%)');
    const index = new Map<string, number>();
    const seenTerritories = new SeenIds('territories');
    for (let i = 0; i < territoryList.length; i++) {
      const t = territoryList[i] as Pick<Territory, 'id'>;
      readObject(t, entityPath('territories', i, t));
      if (typeof t.id !== 'string') throw invalid('INVALID_INPUT', `territories[${i}].id`, t.id, 'must be a string');
      seenTerritories.check(t, i);
      index.set(t.id, i);
    }
    const totals = mapList(territoryList, () => new MoneyTotal());
    const counts = mapList(territoryList, () => 0);
    const all = new MoneyTotal();
    let unassigned = 0;
    const seen = new SeenIds('accounts');
    for (let i = 0; i < accountList.length; i++) {
      const a = accountList[i] as BalanceAccount;
      const path = entityPath('accounts', i, a);
      readObject(a, path);
      seen.check(a, i);
      if (a.territoryId === undefined) {
        unassigned++;
        continue;
      }
      const k = index.get(a.territoryId);
      if (k === undefined)
        throw invalid('INVALID_INPUT', `${path}.territoryId`, a.territoryId, 'must be one of the territories');
      all.add(a.annualSpend, `${path}.annualSpend`);
      rejectNegative(a.annualSpend, `${path}.annualSpend`, '(CV and Gini measure non-negative loads)');
      (totals[k] as MoneyTotal).add(a.annualSpend, `${path}.annualSpend`);
      counts[k] = (counts[k] as number) + 1;
    }
    return {
      kind: 'territoryBalance',
      version: 1,
      threshold,
      currency: all.currency,
      territories: mapList(territoryList, (t, k) => ({
        territoryId: t.id,
        potential: (totals[k] as MoneyTotal).amount(),
        accounts: counts[k] as number,
      })),
      unassignedAccounts: unassigned,
    };
  } catch (thrown) {
    throw readFailure(thrown, { accounts, territories, options });
  }
}

function readSummary(value: unknown, field: string): TerritoryBalanceSummary {
  const v = readTagged(value, field, 'territoryBalance', 1);
  const threshold = summaryNumber(v['threshold'], `${field}.threshold`);
  if (!(threshold >= 0 && threshold < 1)) throw invalidSummary(`${field}.threshold`, threshold, 'must be in [0, 1)');
  const territories = mapList(summaryArray(v['territories'], `${field}.territories`), (t, i) => {
    const f = `${field}.territories[${i}]`;
    const r = summaryRecord(t, f);
    return {
      territoryId: summaryString(r['territoryId'], `${f}.territoryId`),
      potential: summaryAmount(r['potential'], `${f}.potential`),
      accounts: summaryInteger(r['accounts'], `${f}.accounts`),
    };
  });
  return {
    kind: 'territoryBalance',
    version: 1,
    threshold,
    currency: summaryCurrency(v['currency'], `${field}.currency`),
    territories,
    unassignedAccounts: summaryInteger(v['unassignedAccounts'], `${field}.unassignedAccounts`),
  };
}

/**
 * Merges two territory-balance summaries over the same territories and threshold.
 *
 * @param a - a summary.
 * @param b - another one.
 * @returns both together.
 * @throws {RevopsError} `INVALID_SUMMARY` naming the field for a malformed summary, or one of other territories
 *   or threshold.
 * @throws {RevopsError} `CURRENCY_MISMATCH` for two currencies.
 * @example
 * ```ts
 * import { mergeTerritoryBalance, summarizeTerritoryBalance } from 'revops/metrics';
 * const t = [{ id: 't1', name: 'North', ownerIds: [] }];
 * mergeTerritoryBalance(summarizeTerritoryBalance([], t), summarizeTerritoryBalance([{ territoryId: 't1',
 *   annualSpend: { amount: '5.00', currency: 'USD' } }], t)).territories;
 * //=> [{ territoryId: 't1', potential: '5', accounts: 1 }]
 * ```
 */
export function mergeTerritoryBalance(a: TerritoryBalanceSummary, b: TerritoryBalanceSummary): TerritoryBalanceSummary {
  try {
    const x = readSummary(a, 'a');
    const y = readSummary(b, 'b');
    sameParameter(x.threshold, y.threshold, 'threshold');
    const ids = (s: TerritoryBalanceSummary): string[] => s.territories.map((t) => t.territoryId);
    sameParameter(ids(x), ids(y), 'territories');
    return {
      kind: 'territoryBalance',
      version: 1,
      threshold: x.threshold,
      currency: sameCurrency(x.currency, y.currency),
      territories: x.territories.map((t, i) => {
        const u = y.territories[i] as (typeof y.territories)[number];
        return {
          territoryId: t.territoryId,
          potential: addAmounts(t.potential, u.potential),
          accounts: t.accounts + u.accounts,
        };
      }),
      unassignedAccounts: x.unassignedAccounts + y.unassignedAccounts,
    };
  } catch (thrown) {
    throw readFailure(thrown, { a, b }, 'INVALID_SUMMARY');
  }
}

/**
 * Reads the balance from a summary.
 *
 * @param summary - from {@link summarizeTerritoryBalance} or {@link mergeTerritoryBalance}.
 * @returns the {@link TerritoryBalance}.
 * @throws {RevopsError} `INVALID_SUMMARY` naming the field for anything but a valid territory-balance summary.
 * @example
 * ```ts
 * import { finalizeTerritoryBalance } from 'revops/metrics';
 * finalizeTerritoryBalance({ kind: 'territoryBalance', version: 1, threshold: 0.2, currency: 'USD',
 *   unassignedAccounts: 0,
 *   territories: [{ territoryId: 'a', potential: '100', accounts: 1 }, { territoryId: 'b', potential: '300',
 *     accounts: 3 }] }).workload;
 * //=> { mean: 2, cv: 0.5, gini: 0.25, over: ['b'], under: ['a'] }
 * ```
 */
export function finalizeTerritoryBalance(summary: TerritoryBalanceSummary): TerritoryBalance {
  try {
    const s = readSummary(summary, 'summary');
    const ids = s.territories.map((t) => t.territoryId);
    return {
      territories: s.territories.map((t) => ({
        territoryId: t.territoryId,
        potential: moneyOf(t.potential, s.currency),
        accounts: t.accounts,
      })),
      potential: dispersion(
        ids,
        s.territories.map((t) => amountRatio(t.potential, '1') as number),
        s.threshold,
      ),
      workload: dispersion(
        ids,
        s.territories.map((t) => t.accounts),
        s.threshold,
      ),
      unassignedAccounts: s.unassignedAccounts,
      threshold: s.threshold,
    };
  } catch (thrown) {
    throw readFailure(thrown, { summary }, 'INVALID_SUMMARY');
  }
}

/**
 * How evenly account potential (Σ annual spend, exact) and workload (number of accounts)
 * are spread across territories: for each, the mean per territory, the coefficient of
 * variation (population standard deviation ÷ mean), the Gini coefficient
 * (Σᵢ Σⱼ |xᵢ − xⱼ| ÷ 2n²·mean: 0 when equal, approaching 1 when one territory has all) and
 * the territories over- and under-loaded — more than `threshold` (default 20%) above or below
 * the mean. Territories without accounts count as zero load; accounts without a territory
 * are reported, not counted.
 *
 * @param accounts - accounts with `territoryId` and `annualSpend`.
 * @param territories - every territory.
 * @param options - {@link TerritoryBalanceOptions}.
 * @returns loads per territory, dispersion of potential and workload.
 * @throws {RevopsError} `INVALID_INPUT` for an account in an unknown territory, a non-object or lists that are
 *   not arrays.
 * @throws {RevopsError} `DUPLICATE_ID` for a repeated territory id or account id (naming both positions).
 * @throws {RevopsError} `INVALID_OPTION` for a threshold outside [0, 1).
 * @throws {RevopsError} `CURRENCY_MISMATCH` for annual spends in two currencies.
 * @throws {RevopsError} `INVALID_AMOUNT` for a malformed or negative annual spend.
 * @example
 * ```ts
 * import { territoryBalance } from 'revops/metrics';
 * const acc = (territoryId, amount) => ({ territoryId, annualSpend: { amount, currency: 'USD' } });
 * const t = [{ id: 'north', name: 'N', ownerIds: [] }, { id: 'south', name: 'S', ownerIds: [] }];
 * territoryBalance([acc('north', '100000'), acc('north', '200000'), acc('south', '100000')], t).potential;
 * //=> { mean: 200000, cv: 0.5, gini: 0.25, over: ['north'], under: ['south'] }
 * ```
 */
export function territoryBalance(
  accounts: readonly BalanceAccount[],
  territories: readonly Pick<Territory, 'id'>[],
  options: TerritoryBalanceOptions = {},
): TerritoryBalance {
  try {
    return finalizeTerritoryBalance(summarizeTerritoryBalance(accounts, territories, options));
  } catch (thrown) {
    throw readFailure(thrown, { accounts, territories, options });
  }
}
