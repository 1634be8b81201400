/**
 * Partial statements of many members in one pass over a chunk of credits, and their merge.
 * @module
 */
import { invalid } from '../core/errors.js';
import type { Credit } from '../model/credit.js';
import type { Plan } from '../model/plan.js';
import { compiledPlan } from './context.js';
import { mergeStatement, summarizeStatement } from './summary.js';
import type { StatementContext, StatementSummary } from './types.js';

/**
 * Partial statements of many members over one chunk of credits, in one pass over the chunk:
 * credits are grouped by `memberId`, then each member is summarised as by
 * {@link summarizeStatement}. The result is keyed by member id (JSON-serialisable; merge with
 * {@link mergeStatements}, finalize each entry with `finalizeStatement`).
 *
 * @param credits - a chunk of credits of any members.
 * @param contexts - one statement context per member (members without one are skipped).
 * @returns member id → partial statement.
 * @throws {RevopsError} `INVALID_INPUT` when two contexts name the same member; as
 *   {@link summarizeStatement} otherwise.
 * @example
 * ```ts
 * import { summarizeStatements, mergeStatements, finalizeStatement } from 'revops/commission';
 * const plan = { id: 'p', currency: 'USD', periodLength: 'month',
 *   versions: [{ id: 'v', effectiveFrom: '2026-01-01', components: [{ id: 'c', kind: 'rate', rate: '0.1' }] }] };
 * const period = { start: '2026-01-01', end: '2026-01-31' };
 * const ctx = (id: string) => ({ plan, period, quota: { amount: '1000', currency: 'USD' }, member: { id, name: id, roleId: 'ae', startDate: '2025-01-01', territoryIds: [] } });
 * const cr = (id: string, memberId: string, amount: string) => ({ id, dealId: id, memberId, kind: 'owner' as const, measure: 'bookings' as const, date: '2026-01-05', amount: { amount, currency: 'USD' } });
 * const contexts = [ctx('ana'), ctx('bo')];
 * const merged = mergeStatements(summarizeStatements([cr('1', 'ana', '100'), cr('2', 'bo', '50')], contexts), summarizeStatements([cr('3', 'ana', '0.10')], contexts));
 * finalizeStatement(merged.ana, contexts[0]).payable.amount;
 * //=> '10.01'
 * ```
 */
export function summarizeStatements(
  credits: readonly Credit[],
  contexts: readonly StatementContext[],
): Record<string, StatementSummary> {
  if (!Array.isArray(credits)) throw invalid('INVALID_INPUT', 'credits', credits, 'must be an array of credits');
  const byMember = new Map<string, Credit[]>();
  for (const c of credits) {
    const list = byMember.get(c.memberId);
    if (list === undefined) byMember.set(c.memberId, [c]);
    else list.push(c);
  }
  const out = new Map<string, StatementSummary>();
  // A plain plan shared by many contexts is validated once for this call (nothing is kept after it).
  const defined = new Map<unknown, Plan>();
  contexts.forEach((ctx, i) => {
    const id = ctx.member.id;
    if (out.has(id)) throw invalid('INVALID_INPUT', `contexts[${i}].member.id`, id, 'must not repeat a member');
    let plan = defined.get(ctx.plan);
    if (plan === undefined) {
      plan = compiledPlan(ctx.plan).plan;
      defined.set(ctx.plan, plan);
    }
    out.set(id, summarizeStatement(byMember.get(id) ?? [], { ...ctx, plan }));
  });
  return Object.fromEntries(out);
}

/**
 * Merges two results of {@link summarizeStatements} member by member (a member in only one
 * of them is kept as is).
 *
 * @param a - member id → partial statement (from `summarizeStatements`).
 * @param b - another such map, over other credits.
 * @returns a new map member id → merged partial statement.
 * @throws {RevopsError} `INVALID_INPUT` as {@link mergeStatement}.
 * @example
 * ```ts
 * import { mergeStatements } from 'revops/commission';
 * Object.keys(mergeStatements({}, {}));
 * //=> []
 * ```
 */
export function mergeStatements(
  a: Readonly<Record<string, StatementSummary>>,
  b: Readonly<Record<string, StatementSummary>>,
): Record<string, StatementSummary> {
  const out = new Map<string, StatementSummary>(Object.entries(a));
  for (const [id, s] of Object.entries(b)) {
    const prev = out.get(id);
    out.set(id, prev === undefined ? s : mergeStatement(prev, s));
  }
  return Object.fromEntries(out);
}
