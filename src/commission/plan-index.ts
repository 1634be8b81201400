/**
 * What `definePlan` precomputes once per plan, held on the returned (frozen) plan under a
 * non-enumerable symbol — no module-level cache: each plan version's components with their
 * selectors resolved, and every plan decimal parsed once; and the contexts resolved from it.
 * `JSON.stringify` of a defined plan gives back the plain plan. Internal.
 * @module
 * @internal
 */
import type { CreditKind } from '../model/credit.js';
import type { CreditFilter, Plan, PlanComponent, PlanVersion } from '../model/plan.js';
import { parseFixed, type Fixed } from './exact.js';

/** A component with its selectors resolved. @internal */
export interface CompiledComponent {
  readonly c: PlanComponent;
  readonly kinds: ReadonlySet<CreditKind>;
  readonly measure: string | null;
  readonly filter: CreditFilter | undefined;
  readonly multipliers: readonly { readonly id: string; readonly factor: Fixed; readonly when: CreditFilter }[];
}

/** One plan version, compiled. @internal */
export interface VersionIndex {
  readonly components: readonly CompiledComponent[];
  /** A plan decimal (rate, bound, amount) of this version, parsed. */
  readonly dec: (text: string) => Fixed;
}

/** Everything a statement needs from a plan, precomputed by `definePlan`. @internal */
export interface PlanIndex {
  /** Per version object of the defined plan. */
  readonly versions: ReadonlyMap<PlanVersion, VersionIndex>;
  /**
   * Contexts resolved for a version, period and quota, reused across members (filled by the
   * statement functions, bounded there; never changes a result). Keyed by period, as-of date,
   * quota and whether the statement is a true-up.
   */
  readonly memo: Map<string, unknown>;
}

/** Key of the non-enumerable index on a defined plan (shared by the ESM and CJS builds). @internal */
export const PLAN_INDEX: unique symbol = Symbol.for('revops.commission.planIndex') as never;

/** Credit kinds counted toward revenue components and attainment by default. @internal */
export const REVENUE_KINDS: readonly CreditKind[] = ['owner', 'split', 'overlay'];
const ALL_KINDS: readonly CreditKind[] = ['owner', 'split', 'overlay', 'source', 'rollup'];
const DECIMAL_RE = /^-?\d+(\.\d+)?$/;

function compile(c: PlanComponent): CompiledComponent {
  const defaultKinds = c.kind === 'override' ? ['rollup' as const] : c.kind === 'perUnit' ? ALL_KINDS : REVENUE_KINDS;
  return {
    c,
    kinds: new Set(c.kinds ?? defaultKinds),
    measure: c.measure ?? (c.kind === 'perUnit' ? 'units' : 'bookings'),
    filter: c.filter,
    multipliers: (c.multipliers ?? []).map((m) => ({ id: m.id, factor: parseFixed(m.factor), when: m.when })),
  };
}

/** Every decimal string in a value (plan decimals are canonical strings after parsing). */
function collectDecimals(value: unknown, out: Set<string>): void {
  if (typeof value === 'string') {
    if (DECIMAL_RE.test(value)) out.add(value);
  } else if (Array.isArray(value)) {
    for (const v of value) collectDecimals(v, out);
  } else if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) collectDecimals(v, out);
  }
}

function indexVersion(v: PlanVersion): VersionIndex {
  const texts = new Set<string>();
  collectDecimals(v.components, texts);
  collectDecimals(v.draw, texts);
  const decs = new Map<string, Fixed>();
  for (const t of texts) decs.set(t, parseFixed(t));
  // Every decimal of the version is in the table; the fallback only keeps the function total.
  const dec = (text: string): Fixed => decs.get(text) ?? parseFixed(text);
  return { components: v.components.map(compile), dec };
}

/** Builds the index of a validated plan (called once by `definePlan`). @internal */
export function buildPlanIndex(plan: Plan): PlanIndex {
  return { versions: new Map(plan.versions.map((v) => [v, indexVersion(v)])), memo: new Map() };
}

/** The index a plan carries, or `undefined` for a plan that did not come from `definePlan`. @internal */
export function planIndexOf(plan: unknown): PlanIndex | undefined {
  if (typeof plan !== 'object' || plan === null) return undefined;
  let own: unknown;
  try {
    own = (plan as { readonly [PLAN_INDEX]?: unknown })[PLAN_INDEX];
  } catch {
    return undefined; // a getter or proxy of the caller's: the plan is read (and refused) as plain JSON
  }
  // only the index definePlan built (a proxy may answer anything for the symbol)
  if (typeof own !== 'object' || own === null) return undefined;
  const { versions, memo } = own as Partial<PlanIndex>;
  return versions instanceof Map && memo instanceof Map ? (own as PlanIndex) : undefined;
}
