/**
 * Mergeable partial statements (core's summary protocol): per-member exact sums over a chunk
 * of credits, so a year of credits can be split across workers and merged to exactly the same
 * statement. `summarizeStatement` → `mergeStatement` → `finalizeStatement` (in statement.ts).
 * @module
 */
import { describeValue, RevopsError } from '../core/errors.js';
import { isIsoDate } from '../core/dates.js';
import {
  invalidSummary,
  readSummary,
  sameParameter,
  summaryArray,
  summaryRecord,
  summaryString,
} from '../core/summary.js';
import type { Credit } from '../model/credit.js';
import { resolveContext, type ResolvedContext } from './context.js';
import { addFixed, fixedToString, parseFixed, ZERO, type Fixed } from './exact.js';
import { collectSums, type ComponentSums, type StatementSums } from './sums.js';
import type { ComponentSummary, StatementContext, StatementSummary, TierSummary } from './types.js';
import { readFailure } from '../core/read.js';

/** The summary kind and format version of a partial statement. @internal */
export const STATEMENT_SUMMARY = { kind: 'statement', version: 1 } as const;

/** Sets an own property, even one named `__proto__` (a component id is the user's). */
function setOwn<T>(record: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Per-deal sums as a record with sorted keys (exact decimal strings). */
function dealRecord(deals: ReadonlyMap<string, Fixed>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const id of [...deals.keys()].sort()) setOwn(out, id, fixedToString(deals.get(id) as Fixed));
  return out;
}

/** The JSON summary of sums computed with `ctx`. @internal */
export function toSummary(sums: StatementSums, ctx: ResolvedContext, memberId: string): StatementSummary {
  const components: Record<string, ComponentSummary> = {};
  ctx.components.forEach((cc, j) => {
    const c = sums.components[j] as ComponentSums;
    const s: ComponentSummary = { base: fixedToString(c.base), units: c.units, creditIds: c.creditIds };
    setOwn(
      components,
      cc.c.id,
      c.tiers === null
        ? s
        : {
            ...s,
            tiers: c.tiers.map(
              (t): TierSummary => ({
                base: fixedToString(t.base),
                linear: fixedToString(t.linear),
                creditIds: t.creditIds,
              }),
            ),
          },
    );
  });
  const summary: StatementSummary = {
    ...STATEMENT_SUMMARY,
    planId: ctx.plan.id,
    versionId: ctx.version.id,
    memberId,
    currency: ctx.currency,
    range: { start: ctx.range.start, end: ctx.range.end },
    quota: fixedToString(ctx.quota),
    creditIds: sums.creditIds,
    attainment: { amount: fixedToString(sums.attainment.amount), creditIds: sums.attainment.creditIds },
    components,
  };
  return sums.deals === null ? summary : { ...summary, deals: dealRecord(sums.deals) };
}

/**
 * Partial statement of one member over a chunk of credits: the exact sums every statement
 * line is computed from (attainment, each component's base and units, per-credit tier sums)
 * and the credit ids behind them, tagged `kind: 'statement'`, `version: 1`. JSON-serialisable
 * (amounts as exact decimal strings, id lists sorted). `mergeStatement` combines two chunks;
 * `finalizeStatement` turns the result into the same statement `calculateStatement` gives for
 * all the credits at once.
 *
 * @param credits - a chunk of credits (others' credits and credits outside the range are skipped).
 * @param context - the statement input without `credits`.
 * @returns the partial sums.
 * @throws {RevopsError} as `calculateStatement`: `INVALID_PLAN`, `INVALID_PERIOD`, `INVALID_INPUT`,
 *   `CURRENCY_MISMATCH`, `INVALID_AMOUNT`, `INVALID_DATE`, `INVALID_COUNT` and `DUPLICATE_ID` for
 *   the credits.
 * @example
 * ```ts
 * import { summarizeStatement } from 'revops/commission';
 * const plan = { id: 'p', currency: 'USD', periodLength: 'month',
 *   versions: [{ id: 'v', effectiveFrom: '2026-01-01', components: [{ id: 'c', kind: 'rate', rate: '0.1' }] }] };
 * const member = { id: 'ae', name: 'Ana', roleId: 'ae', startDate: '2025-01-01', territoryIds: [] };
 * const credit = { id: 'k1', dealId: 'd1', memberId: 'ae', kind: 'owner', measure: 'bookings', date: '2026-01-10',
 *   amount: { amount: '1000.00', currency: 'USD' } };
 * const period = { start: '2026-01-01', end: '2026-01-31' };
 * summarizeStatement([credit], { plan, member, period, quota: { amount: '10000', currency: 'USD' } }).components.c;
 * //=> { base: '1000', units: 0, creditIds: ['k1'] }
 * ```
 */
export function summarizeStatement(credits: readonly Credit[], context: StatementContext): StatementSummary {
  try {
    const ctx = resolveContext(context);
    return toSummary(collectSums(credits, ctx, context.member.id), ctx, context.member.id);
  } catch (thrown) {
    throw readFailure(thrown, { credits, context });
  }
}

/** A statement summary read back: its parameters and its sums by component id. @internal */
export interface ReadSummary {
  readonly planId: string;
  readonly versionId: string;
  readonly memberId: string;
  readonly currency: string;
  readonly range: { readonly start: string; readonly end: string };
  readonly quota: string;
  readonly creditIds: readonly string[];
  readonly attainment: { readonly amount: Fixed; readonly creditIds: readonly string[] };
  readonly components: ReadonlyMap<string, ComponentSums>;
  readonly deals: ReadonlyMap<string, Fixed> | null;
}

function decimal(value: unknown, field: string): Fixed {
  const text = summaryString(value, field);
  try {
    return parseFixed(text, field);
  } catch {
    throw invalidSummary(field, value, 'must be an exact decimal string');
  }
}

function ids(value: unknown, field: string): readonly string[] {
  const list = summaryArray(value, field);
  for (let i = 0; i < list.length; i++) {
    const id = summaryString(list[i], `${field}[${i}]`);
    if (i > 0 && !((list[i - 1] as string) < id))
      throw invalidSummary(
        `${field}[${i}]`,
        id,
        `must sort after ${describeValue(list[i - 1])} (ids sorted, no repeats)`,
      );
  }
  return list as readonly string[];
}

function signedInteger(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value))
    throw invalidSummary(field, value, 'must be an integer');
  return value === 0 ? 0 : value;
}

/**
 * Reads a statement summary (from `summarizeStatement`, a merge, or JSON) and checks every field.
 * @throws {RevopsError} `INVALID_SUMMARY` naming the field.
 * @internal
 */
export function readStatementSummary(value: unknown, field: string): ReadSummary {
  const v = readSummary(value, field, STATEMENT_SUMMARY.kind, STATEMENT_SUMMARY.version);
  const range = summaryRecord(v['range'], `${field}.range`);
  for (const k of ['start', 'end'] as const)
    if (!isIsoDate(range[k])) throw invalidSummary(`${field}.range.${k}`, range[k], 'must be a date YYYY-MM-DD');
  const quota = summaryString(v['quota'], `${field}.quota`);
  decimal(quota, `${field}.quota`);
  const att = summaryRecord(v['attainment'], `${field}.attainment`);
  const components = new Map<string, ComponentSums>();
  for (const [id, raw] of Object.entries(summaryRecord(v['components'], `${field}.components`))) {
    const f = `${field}.components.${id}`;
    const c = summaryRecord(raw, f);
    let tiers: ComponentSums['tiers'] = null;
    if (c['tiers'] !== undefined) {
      tiers = summaryArray(c['tiers'], `${f}.tiers`).map((t, k) => {
        const tf = `${f}.tiers[${k}]`;
        const r = summaryRecord(t, tf);
        return {
          base: decimal(r['base'], `${tf}.base`),
          linear: decimal(r['linear'], `${tf}.linear`),
          creditIds: ids(r['creditIds'], `${tf}.creditIds`),
        };
      });
    }
    components.set(id, {
      base: decimal(c['base'], `${f}.base`),
      units: signedInteger(c['units'], `${f}.units`),
      creditIds: ids(c['creditIds'], `${f}.creditIds`),
      tiers,
    });
  }
  return {
    planId: summaryString(v['planId'], `${field}.planId`),
    versionId: summaryString(v['versionId'], `${field}.versionId`),
    memberId: summaryString(v['memberId'], `${field}.memberId`),
    currency: summaryString(v['currency'], `${field}.currency`),
    range: { start: range['start'] as string, end: range['end'] as string },
    quota,
    creditIds: ids(v['creditIds'], `${field}.creditIds`),
    attainment: {
      amount: decimal(att['amount'], `${field}.attainment.amount`),
      creditIds: ids(att['creditIds'], `${field}.attainment.creditIds`),
    },
    components,
    deals: readDeals(v['deals'], `${field}.deals`),
  };
}

function readDeals(value: unknown, field: string): ReadonlyMap<string, Fixed> | null {
  if (value === undefined) return null;
  const out = new Map<string, Fixed>();
  for (const [id, amount] of Object.entries(summaryRecord(value, field)))
    out.set(id, decimal(amount, `${field}.${id}`));
  return out;
}

/** Merges two sorted, disjoint id lists. */
function mergeIds(x: readonly string[], y: readonly string[]): readonly string[] {
  if (y.length === 0) return x;
  if (x.length === 0) return y;
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length)
    out.push((x[i] as string) < (y[j] as string) ? (x[i++] as string) : (y[j++] as string));
  while (i < x.length) out.push(x[i++] as string);
  while (j < y.length) out.push(y[j++] as string);
  return out;
}

function sum(a: Fixed, b: Fixed): string {
  return fixedToString(addFixed(a, b));
}

/**
 * Merges two partial statements of the same member, plan version, range and quota: any split
 * of the credits merges to the summary of the whole (`mergeStatement(summarizeStatement(a, ctx),
 * summarizeStatement(b, ctx))` equals `summarizeStatement([...a, ...b], ctx)`). Associative and
 * commutative. Both arguments are validated first, so a summary that travelled through JSON is
 * accepted exactly or refused.
 *
 * @param a - a partial statement (from `summarizeStatement` or an earlier merge).
 * @param b - another partial statement of the same member, plan version, range and quota.
 * @returns a new partial statement with the sums of both (neither argument is modified).
 * @throws {RevopsError} `INVALID_SUMMARY` naming the field for a malformed summary, another kind
 *   or version, or a summary of another member, plan version, range, quota or components;
 *   `DUPLICATE_ID` when a credit is in both (it would be paid twice).
 * @example
 * ```ts
 * import { mergeStatement } from 'revops/commission';
 * const part = (base: string, id: string) => ({ kind: 'statement' as const, version: 1 as const, planId: 'p',
 *   versionId: 'v', memberId: 'ae', currency: 'USD', range: { start: '2026-01-01', end: '2026-01-31' },
 *   quota: '10000', creditIds: [id], attainment: { amount: base, creditIds: [id] },
 *   components: { c: { base, units: 0, creditIds: [id] } } });
 * mergeStatement(part('0.10', 'b'), part('0.20', 'a')).components.c;
 * //=> { base: '0.3', units: 0, creditIds: ['a', 'b'] }
 * mergeStatement(part('0.10', 'a'), part('0.20', 'a'));
 * //=> throws DUPLICATE_ID
 * ```
 */
export function mergeStatement(a: StatementSummary, b: StatementSummary): StatementSummary {
  try {
    const x = readStatementSummary(a, 'a');
    const y = readStatementSummary(b, 'b');
    for (const k of ['planId', 'versionId', 'memberId', 'currency', 'range', 'quota'] as const)
      sameParameter(x[k], y[k], k);
    for (let i = 0, j = 0; i < x.creditIds.length && j < y.creditIds.length; ) {
      const p = x.creditIds[i] as string;
      const q = y.creditIds[j] as string;
      if (p === q)
        throw new RevopsError(
          'DUPLICATE_ID',
          `b.creditIds[${j}] ${describeValue(q)} is also a.creditIds[${i}]: the two summaries share a credit, which ` +
            `would be paid twice`,
          { field: `b.creditIds[${j}]`, value: q, details: { id: q, a: i, b: j } },
        );
      if (p < q) i++;
      else j++;
    }
    if (x.components.size !== y.components.size)
      sameParameter([...x.components.keys()], [...y.components.keys()], 'components');
    const components: Record<string, ComponentSummary> = {};
    for (const [id, c] of x.components) {
      const d = y.components.get(id);
      if (d === undefined)
        throw invalidSummary(`b.components.${id}`, undefined, 'is missing (summarise every part alike)');
      const units = c.units + d.units;
      if (!Number.isSafeInteger(units))
        throw invalidSummary(`b.components.${id}.units`, d.units, 'takes the total past 2^53');
      const merged: ComponentSummary = {
        base: sum(c.base, d.base),
        units,
        creditIds: mergeIds(c.creditIds, d.creditIds),
      };
      if (c.tiers === null && d.tiers === null) {
        setOwn(components, id, merged);
        continue;
      }
      const ct = c.tiers ?? [];
      const dt = d.tiers ?? [];
      if (ct.length !== dt.length)
        throw invalidSummary(`b.components.${id}.tiers`, dt.length, `must have ${ct.length} entries like a's`);
      const tiers = ct.map((t, k) => {
        const u = dt[k] as (typeof dt)[number];
        return {
          base: sum(t.base, u.base),
          linear: sum(t.linear, u.linear),
          creditIds: mergeIds(t.creditIds, u.creditIds),
        };
      });
      setOwn(components, id, { ...merged, tiers });
    }
    if ((x.deals === null) !== (y.deals === null))
      throw invalidSummary(
        'b.deals',
        y.deals === null ? undefined : 'present',
        `must be ${x.deals === null ? 'absent' : 'present'} like a's`,
      );
    let deals: Map<string, Fixed> | null = null;
    if (x.deals !== null && y.deals !== null) {
      deals = new Map(x.deals);
      for (const [id, amount] of y.deals) deals.set(id, addFixed(deals.get(id) ?? ZERO, amount));
    }
    const merged: StatementSummary = {
      ...STATEMENT_SUMMARY,
      planId: x.planId,
      versionId: x.versionId,
      memberId: x.memberId,
      currency: x.currency,
      range: { start: x.range.start, end: x.range.end },
      quota: x.quota,
      creditIds: mergeIds(x.creditIds, y.creditIds),
      attainment: {
        amount: sum(x.attainment.amount, y.attainment.amount),
        creditIds: mergeIds(x.attainment.creditIds, y.attainment.creditIds),
      },
      components,
    };
    return deals === null ? merged : { ...merged, deals: dealRecord(deals) };
  } catch (thrown) {
    throw readFailure(thrown, { a, b }, 'INVALID_SUMMARY');
  }
}
