/**
 * Mergeable partial statements: per-member sums over a chunk of credits, so a year of credits
 * can be split across workers and merged to exactly the same statement.
 * @module
 */
import { invalid, RevopsError } from '../core/errors.js';
import { parseScaledSafe } from '../core/fast-exact.js';
import { readMoney } from '../core/money.js';
import type { Credit } from '../model/credit.js';
import type { CreditFilter } from '../model/plan.js';
import { resolveContext, type CompiledComponent, type ResolvedContext } from './context.js';
import { ExactAccumulator } from '../core/fast-exact.js';
import { addFixed, fixedToString, multiplyFixed, negFixed, parseFixed, subFixed, ZERO, type Fixed } from './exact.js';
import { amountTiers, marginalPortions, tierIndex, type AmountTier } from './tiers.js';
import type { ComponentSummary, StatementContext, StatementSummary, TierSummary } from './types.js';

/** Whether a credit matches a filter (every given field must match). @internal */
export function matchesFilter(cr: Credit, f: CreditFilter | undefined): boolean {
  if (f === undefined) return true;
  if (f.products !== undefined && !(cr.products ?? []).some((p) => (f.products as string[]).includes(p))) return false;
  if (f.dealTypes !== undefined && (cr.dealType === undefined || !f.dealTypes.includes(cr.dealType))) return false;
  if (f.segments !== undefined && (cr.segment === undefined || !f.segments.includes(cr.segment))) return false;
  if (f.newLogo !== undefined && (cr.newLogo ?? false) !== f.newLogo) return false;
  if (f.minTermMonths !== undefined && (cr.termMonths ?? 0) < f.minTermMonths) return false;
  if (f.activities !== undefined && (cr.activity === undefined || !f.activities.includes(cr.activity))) return false;
  return true;
}

interface TierAcc {
  base: Fixed;
  linear: Fixed;
  ids: string[];
}

interface CompAcc {
  readonly cc: CompiledComponent;
  readonly acc: ExactAccumulator;
  units: number;
  readonly ids: string[];
  readonly tiers: TierAcc[] | null;
  readonly amountTiers: AmountTier[] | null;
}

function perCreditTiers(ctx: ResolvedContext, cc: CompiledComponent): AmountTier[] | null {
  const c = cc.c;
  if (c.kind !== 'tiered' || c.scope !== 'perCredit') return null;
  if (c.basis === 'attainment' && ctx.quota.int === 0n) return null; // pays nothing; see statement
  return amountTiers(c.tiers, c.basis, ctx.quota, ctx.dec);
}

function addPerCredit(ca: CompAcc, base: Fixed, id: string): void {
  const c = ca.cc.c;
  const tiers = ca.amountTiers;
  const accs = ca.tiers;
  if (c.kind !== 'tiered' || tiers === null || accs === null) return;
  const negative = base.int < 0n;
  const size = negative ? negFixed(base) : base;
  if (c.split === 'marginal') {
    const portions = marginalPortions(tiers, ZERO, size);
    let used = false;
    portions.forEach((p, k) => {
      if (p.int === 0n) return;
      const t = accs[k + 1] as TierAcc;
      t.base = addFixed(t.base, negative ? negFixed(p) : p);
      t.ids.push(id);
      used = true;
    });
    if (!used) (accs[0] as TierAcc).ids.push(id);
    return;
  }
  const k = tierIndex(tiers, size, c.boundary);
  const t = accs[k + 1] as TierAcc;
  t.base = addFixed(t.base, base);
  if (k >= 0 && c.split === 'interpolated')
    t.linear = addFixed(t.linear, multiplyFixed(base, subFixed(size, (tiers[k] as AmountTier).from)));
  t.ids.push(id);
}

/**
 * Partial statement of one member over a chunk of credits: the exact sums every statement
 * line is computed from (attainment, each component's base and units, per-credit tier sums)
 * and the credit ids behind them. JSON-serialisable (amounts as decimal strings).
 * `mergeStatement` combines two chunks; `finalizeStatement` turns the result into the same
 * statement `calculateStatement` gives for all the credits at once.
 *
 * @param credits - a chunk of credits (others' credits and credits outside the range are skipped).
 * @param context - the statement input without `credits`.
 * @returns the partial sums.
 * @throws {RevopsError} `INVALID_PLAN`, `INVALID_PERIOD`, `INVALID_INPUT`, `CURRENCY_MISMATCH`
 *   as `calculateStatement`; `INVALID_AMOUNT` for a malformed credit amount.
 * @example
 * ```ts
 * import { summarizeStatement } from 'revops/commission';
 * const plan = { id: 'p', currency: 'USD', periodLength: 'month',
 *   versions: [{ id: 'v', effectiveFrom: '2026-01-01', components: [{ id: 'c', kind: 'rate', rate: '0.1' }] }] };
 * const member = { id: 'ae', name: 'Ana', roleId: 'ae', startDate: '2025-01-01', territoryIds: [] };
 * const credit = { id: 'k1', dealId: 'd1', memberId: 'ae', kind: 'owner', measure: 'bookings', date: '2026-01-10', amount: { amount: '1000.00', currency: 'USD' } };
 * summarizeStatement([credit], { plan, member, period: { start: '2026-01-01', end: '2026-01-31' }, quota: { amount: '10000', currency: 'USD' } }).components.c;
 * //=> { base: '1000', units: 0, creditIds: ['k1'] }
 * ```
 */
export function summarizeStatement(credits: readonly Credit[], context: StatementContext): StatementSummary {
  const ctx = resolveContext(context);
  return summarizeResolved(credits, ctx, context.member.id);
}

/** {@link summarizeStatement} with a resolved context. @internal */
export function summarizeResolved(
  credits: readonly Credit[],
  ctx: ResolvedContext,
  memberId: string,
): StatementSummary {
  if (!Array.isArray(credits)) throw invalid('INVALID_INPUT', 'credits', credits, 'must be an array of credits');
  const { digits, currency, range } = ctx;
  const att = new ExactAccumulator(digits);
  const attIds: string[] = [];
  const comps: CompAcc[] = ctx.components.map((cc) => {
    const at = perCreditTiers(ctx, cc);
    return {
      cc,
      acc: new ExactAccumulator(digits),
      units: 0,
      ids: [],
      amountTiers: at,
      tiers:
        at === null
          ? null
          : [{ base: ZERO, linear: ZERO, ids: [] }, ...at.map(() => ({ base: ZERO, linear: ZERO, ids: [] }))],
    };
  });
  const start = range.start;
  const end = range.end;
  // The member's credits in range, in id order: every list of credit ids built below is then
  // already sorted, and the result does not depend on the input order.
  const selected: number[] = [];
  for (let i = 0; i < credits.length; i++) {
    const cr = credits[i] as Credit;
    if (cr.memberId === memberId && cr.date >= start && cr.date <= end) selected.push(i);
  }
  selected.sort((a, b) => {
    const x = (credits[a] as Credit).id;
    const y = (credits[b] as Credit).id;
    return x < y ? -1 : x > y ? 1 : a - b;
  });
  for (let n = 0; n < selected.length; n++) {
    const i = selected[n] as number;
    const cr = credits[i] as Credit;
    const amount = cr.amount;
    let text: string;
    if (
      amount !== null &&
      typeof amount === 'object' &&
      amount.currency === currency &&
      typeof amount.amount === 'string'
    )
      text = amount.amount;
    else {
      const m = readMoney(amount, `credits[${i}].amount`);
      if (m.currency !== currency)
        throw new RevopsError(
          'CURRENCY_MISMATCH',
          `credits[${i}].amount.currency must be the plan currency ${currency}, got "${m.currency}"`,
          { field: `credits[${i}].amount.currency`, value: m.currency },
        );
      text = fixedToString(m.fixed);
    }
    const units = parseScaledSafe(text, digits);
    let fixed: Fixed | null = null;
    const measure = cr.measure ?? 'bookings';
    if (ctx.attainmentKinds.has(cr.kind) && measure === ctx.attainmentMeasure) {
      if (units === units) att.addUnits(units);
      else att.addFixed((fixed ??= parseFixed(text, `credits[${i}].amount.amount`)));
      attIds.push(cr.id);
    }
    for (let j = 0; j < comps.length; j++) {
      const ca = comps[j] as CompAcc;
      const cc = ca.cc;
      if (!cc.kinds.has(cr.kind) || measure !== cc.measure) continue;
      if (cc.filter !== undefined && !matchesFilter(cr, cc.filter)) continue;
      const c = cc.c;
      if (c.kind === 'spiff' && (cr.date < c.window.start || cr.date > c.window.end)) continue;
      let base: Fixed | null = null;
      for (const m of cc.multipliers)
        if (matchesFilter(cr, m.when))
          base = multiplyFixed(base ?? (fixed ??= parseFixed(text, `credits[${i}].amount.amount`)), m.factor);
      if (base !== null) ca.acc.addFixed(base);
      else if (units === units) ca.acc.addUnits(units);
      else ca.acc.addFixed((fixed ??= parseFixed(text, `credits[${i}].amount.amount`)));
      if (c.kind === 'perUnit') ca.units += cr.units ?? 1;
      else if (c.kind === 'spiff') ca.units += text.charCodeAt(0) === 45 ? -1 : 1;
      ca.ids.push(cr.id);
      if (ca.tiers !== null)
        addPerCredit(ca, base ?? (fixed ??= parseFixed(text, `credits[${i}].amount.amount`)), cr.id);
    }
  }
  const components: Record<string, ComponentSummary> = {};
  for (const ca of comps) {
    const s: ComponentSummary = { base: fixedToString(ca.acc.value()), units: ca.units, creditIds: ca.ids };
    components[ca.cc.c.id] =
      ca.tiers === null
        ? s
        : {
            ...s,
            tiers: ca.tiers.map(
              (t): TierSummary => ({ base: fixedToString(t.base), linear: fixedToString(t.linear), creditIds: t.ids }),
            ),
          };
  }
  return {
    planId: ctx.plan.id,
    versionId: ctx.version.id,
    memberId,
    currency,
    range,
    quota: fixedToString(ctx.quota),
    attainment: { amount: fixedToString(att.value()), creditIds: attIds },
    components,
  };
}

function addStr(a: string, b: string): string {
  return fixedToString(addFixed(parseFixed(a), parseFixed(b)));
}

/**
 * Merges two partial statements of the same member, plan version, range and quota (any split
 * of the credits merges to the sums of the whole). Associative and commutative up to the order
 * of credit ids, which `finalizeStatement` sorts.
 *
 * @param a - a partial statement (from `summarizeStatement` or an earlier merge).
 * @param b - another partial statement of the same member, plan version, range and quota.
 * @returns a new partial statement with the sums of both (neither argument is modified).
 * @throws {RevopsError} `INVALID_INPUT` when the two summaries are of different members,
 *   versions, ranges or quotas.
 * @example
 * ```ts
 * import { mergeStatement } from 'revops/commission';
 * const part = (base: string, id: string) => ({ planId: 'p', versionId: 'v', memberId: 'ae', currency: 'USD',
 *   range: { start: '2026-01-01', end: '2026-01-31' }, quota: '10000',
 *   attainment: { amount: base, creditIds: [id] }, components: { c: { base, units: 0, creditIds: [id] } } });
 * mergeStatement(part('0.10', 'a'), part('0.20', 'b')).components.c;
 * //=> { base: '0.3', units: 0, creditIds: ['a', 'b'] }
 * ```
 */
export function mergeStatement(a: StatementSummary, b: StatementSummary): StatementSummary {
  for (const k of ['planId', 'versionId', 'memberId', 'currency', 'quota'] as const) {
    if (a[k] !== b[k]) throw invalid('INVALID_INPUT', `b.${k}`, b[k], `must equal a.${k} "${a[k]}" to merge`);
  }
  if (a.range.start !== b.range.start || a.range.end !== b.range.end)
    throw invalid('INVALID_INPUT', 'b.range', b.range, 'must equal a.range to merge');
  const components: Record<string, ComponentSummary> = {};
  for (const [id, x] of Object.entries(a.components)) {
    const y = b.components[id];
    if (y === undefined) throw invalid('INVALID_INPUT', `b.components.${id}`, undefined, 'is missing');
    const merged: ComponentSummary = {
      base: addStr(x.base, y.base),
      units: x.units + y.units,
      creditIds: [...x.creditIds, ...y.creditIds],
    };
    const xt = x.tiers;
    const yt = y.tiers;
    components[id] =
      xt === undefined || yt === undefined
        ? merged
        : {
            ...merged,
            tiers: xt.map((t, k) => {
              const u = yt[k] as TierSummary;
              return {
                base: addStr(t.base, u.base),
                linear: addStr(t.linear, u.linear),
                creditIds: [...t.creditIds, ...u.creditIds],
              };
            }),
          };
  }
  return {
    ...a,
    attainment: {
      amount: addStr(a.attainment.amount, b.attainment.amount),
      creditIds: [...a.attainment.creditIds, ...b.attainment.creditIds],
    },
    components,
  };
}
