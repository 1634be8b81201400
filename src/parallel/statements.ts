/**
 * Commission statements for many members at once, as one mergeable computation: a chunk of
 * credits is split by member and summarised with each member's context (commission's
 * `summarizeStatement`); summaries merge member by member; every listed member gets a statement.
 * @module
 */
import {
  definePlan,
  finalizeStatement,
  mergeStatement,
  type Statement,
  type StatementContext,
  type StatementSummary,
  summarizeStatement,
} from '../commission/index.js';
import { invalid } from '../core/errors.js';
import type { Money } from '../core/money.js';
import type { Period } from '../core/periods.js';
import type { Credit, Member, Plan, PlanInput } from '../model/index.js';

/** Options of the `statements` computation: one plan and period, the members and their quotas. */
export interface ParallelStatementsOptions {
  /** The plan (JSON, or from `definePlan`); compiled once per worker. */
  readonly plan: PlanInput | Plan;
  /** One plan period. */
  readonly period: Period;
  /** The members to pay: each gets a statement, with or without credits. Credits of others are skipped. */
  readonly members: readonly Member[];
  /** Each member's quota for the full period (before proration), by member id. */
  readonly quotas: Readonly<Record<string, Money>>;
}

/** The summaries of the members that had credits in a chunk, by member id. @internal */
export type StatementsSummary = Readonly<Record<string, StatementSummary>>;

interface Prepared {
  readonly contexts: ReadonlyMap<string, StatementContext>;
}

const prepared = new WeakMap<object, Prepared>();

function contextsOf(options: ParallelStatementsOptions): Prepared {
  let p = prepared.get(options);
  if (p !== undefined) return p;
  if (typeof options !== 'object' || options === null || !Array.isArray(options.members)) {
    throw invalid('INVALID_OPTION', 'options.statements.members', options?.members, 'must be an array of members');
  }
  const plan = definePlan(options.plan);
  const contexts = new Map<string, StatementContext>();
  options.members.forEach((member, i) => {
    const quota = Object.hasOwn(options.quotas ?? {}, member?.id) ? options.quotas[member.id] : undefined;
    if (quota === undefined) {
      throw invalid('INVALID_OPTION', `options.statements.quotas[${JSON.stringify(member?.id)}]`, quota, 'is required');
    }
    if (contexts.has(member.id)) {
      throw invalid('INVALID_OPTION', `options.statements.members[${i}].id`, member.id, 'must be unique');
    }
    contexts.set(member.id, { plan, member, period: options.period, quota });
  });
  p = { contexts };
  prepared.set(options, p);
  return p;
}

/** Summarises a chunk of credits member by member. @internal */
export function summarizeStatements(credits: readonly Credit[], options: ParallelStatementsOptions): StatementsSummary {
  const { contexts } = contextsOf(options);
  const byMember = new Map<string, Credit[]>();
  for (const credit of credits) {
    if (!contexts.has(credit.memberId)) continue;
    const list = byMember.get(credit.memberId);
    if (list === undefined) byMember.set(credit.memberId, [credit]);
    else list.push(credit);
  }
  const out: Record<string, StatementSummary> = {};
  for (const id of [...byMember.keys()].sort()) {
    out[id] = summarizeStatement(byMember.get(id) as Credit[], contexts.get(id) as StatementContext);
  }
  return out;
}

/** Merges two chunks' summaries member by member. @internal */
export function mergeStatements(a: StatementsSummary, b: StatementsSummary): StatementsSummary {
  const out: Record<string, StatementSummary> = {};
  for (const id of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
    const x = Object.hasOwn(a, id) ? a[id] : undefined;
    const y = Object.hasOwn(b, id) ? b[id] : undefined;
    out[id] = x === undefined ? (y as StatementSummary) : y === undefined ? x : shareIds(mergeStatement(x, y), x, y);
  }
  return out;
}

/**
 * The merged summary with its id lists shared again where both parts shared them. A summary's
 * credit ids, attainment's and a plain component's are one list (`summarizeStatement` gives them
 * as one array), but a merge merges each apart into three equal arrays; a list merged from the
 * same two lists is the same list, so the merged summary can point to one array. It holds a third
 * of the ids, and a copy to another thread (structured clone, which copies a string for every
 * array it is in) carries a third.
 */
function shareIds(m: StatementSummary, x: StatementSummary, y: StatementSummary): StatementSummary {
  const all = m.creditIds;
  const same = (f: (s: StatementSummary) => readonly string[] | undefined) =>
    f(x) === x.creditIds && f(y) === y.creditIds;
  const attainment = same((s) => s.attainment.creditIds) ? { ...m.attainment, creditIds: all } : m.attainment;
  const components: Record<string, StatementSummary['components'][string]> = {};
  for (const [id, c] of Object.entries(m.components)) {
    const shared = same((s) => (Object.hasOwn(s.components, id) ? s.components[id]?.creditIds : undefined));
    Object.defineProperty(components, id, {
      value: shared ? { ...c, creditIds: all } : c,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return { ...m, attainment, components };
}

/** Every member's statement, by member id (sorted). @internal */
export function finalizeStatements(
  summary: StatementsSummary,
  options: ParallelStatementsOptions,
): Record<string, Statement> {
  const { contexts } = contextsOf(options);
  const out: Record<string, Statement> = {};
  for (const id of [...contexts.keys()].sort()) {
    const ctx = contexts.get(id) as StatementContext;
    const s = Object.hasOwn(summary, id) ? summary[id] : undefined;
    out[id] = finalizeStatement(s ?? summarizeStatement([], ctx), ctx);
  }
  return out;
}
