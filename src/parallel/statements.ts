/**
 * Commission statements for many members at once, as one mergeable computation. Credits are
 * summed member by member as they arrive (commission's per-member accumulator: each credit read
 * and summed once, however many chunks a worker's range is read in); a worker gives back one
 * partial per member with its credit ids packed (id-lists.ts); partials merge member by member
 * (a credit in two of them is refused, as `calculateStatement` refuses it in one array); every
 * listed member gets a statement, built from the merged sums.
 *
 * The partials are internal to `revops/parallel` (they only travel between its threads): a
 * member's sums, not commission's JSON summary protocol, which reads and writes every amount as
 * text and validates every list at each merge — the same arithmetic (commission's own sums), less
 * work in between.
 * @module
 */
import { definePlan, type Statement, type StatementContext } from '../commission/index.js';
import { resolveContext, type ResolvedContext } from '../commission/context.js';
import { addFixed, type Fixed, ZERO } from '../commission/exact.js';
import { finalizeSums } from '../commission/statement.js';
import { type ComponentSums, type StatementSums, SumsAccumulator } from '../commission/sums.js';
import { describeValue, invalid, RevopsError } from '../core/errors.js';
import type { Money } from '../core/money.js';
import type { Period } from '../core/periods.js';
import type { Credit, Member, Plan, PlanInput } from '../model/index.js';
import { IdBytes, type IdList, mergeSortedIds, unpackIds } from './id-lists.js';
import { ByteIdStore } from './id-store.js';

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

/**
 * One member's partial statement: commission's sums (`StatementSums`), each list of credit ids
 * an index into `lists`, where a list several sums share (a plain component's ids are
 * attainment's, attainment's every credit's) is one entry. `lists[0]` holds every credit counted.
 * @internal
 */
export interface MemberPartial {
  readonly lists: readonly IdList[];
  readonly attainment: { readonly amount: Fixed; readonly ids: number };
  /** In the plan version's component order. */
  readonly components: readonly {
    readonly base: Fixed;
    readonly units: number;
    readonly ids: number;
    readonly tiers: readonly { readonly base: Fixed; readonly linear: Fixed; readonly ids: number }[] | null;
  }[];
  readonly deals: ReadonlyMap<string, Fixed> | null;
}

/** The partials of the members that had credits, by member id. @internal */
export type StatementsSummary = ReadonlyMap<string, MemberPartial>;

interface Prepared {
  readonly contexts: ReadonlyMap<string, StatementContext>;
  /** Each member's resolved context, made when first needed (in this thread). */
  readonly resolved: Map<string, ResolvedContext>;
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
  p = { contexts, resolved: new Map() };
  prepared.set(options, p);
  return p;
}

function resolvedOf(p: Prepared, memberId: string): ResolvedContext {
  let r = p.resolved.get(memberId);
  if (r === undefined) {
    r = resolveContext(p.contexts.get(memberId) as StatementContext);
    p.resolved.set(memberId, r);
  }
  return r;
}

function duplicate(memberId: string, id: string): RevopsError {
  return new RevopsError(
    'DUPLICATE_ID',
    `credits of member ${describeValue(memberId)}: id ${describeValue(id)} is given twice, a credit is counted once, ` +
      'never paid twice',
    { field: 'credits.id', value: id, details: { id, memberId } },
  );
}

/**
 * A member's sums as a partial, every distinct id list once, packed into `bytes` (it is about to be
 * moved to another thread).
 */
function toPartial(sums: StatementSums, bytes: IdBytes): MemberPartial {
  const lists: IdList[] = [];
  const index = new Map<readonly string[], number>();
  const at = (ids: readonly string[]): number => {
    let k = index.get(ids);
    if (k === undefined) {
      k = lists.length;
      index.set(ids, k);
      lists.push(bytes.pack(ids));
    }
    return k;
  };
  at(sums.creditIds);
  return {
    lists,
    attainment: { amount: sums.attainment.amount, ids: at(sums.attainment.creditIds) },
    components: sums.components.map((c) => ({
      base: c.base,
      units: c.units,
      ids: at(c.creditIds),
      tiers: c.tiers === null ? null : c.tiers.map((t) => ({ base: t.base, linear: t.linear, ids: at(t.creditIds) })),
    })),
    deals: sums.deals,
  };
}

/** A partial's sums, each distinct list unpacked once (so the statement's lines share their arrays as before). */
function toSums(p: MemberPartial): StatementSums {
  const lists = p.lists.map(unpackIds);
  const ids = (k: number) => lists[k] as readonly string[];
  return {
    creditIds: ids(0),
    attainment: { amount: p.attainment.amount, creditIds: ids(p.attainment.ids) },
    components: p.components.map(
      (c): ComponentSums => ({
        base: c.base,
        units: c.units,
        creditIds: ids(c.ids),
        tiers:
          c.tiers === null ? null : c.tiers.map((t) => ({ base: t.base, linear: t.linear, creditIds: ids(t.ids) })),
      }),
    ),
    deals: p.deals,
  };
}

/**
 * Credits summed member by member as they come (a worker's range, chunk after chunk): one
 * commission accumulator per member that has credits.
 * @internal
 */
export class StatementsAccumulator {
  private readonly p: Prepared;
  private readonly members = new Map<string, SumsAccumulator>();
  /** Every member's credit ids, as bytes outside the heap until `result` (id-store.ts). */
  private readonly ids = new ByteIdStore();

  constructor(options: ParallelStatementsOptions) {
    this.p = contextsOf(options);
  }

  /** Adds a chunk of credits (credits of members not listed are skipped). */
  add(credits: readonly unknown[]): void {
    const { contexts } = this.p;
    for (let i = 0; i < credits.length; i++) {
      const credit = credits[i] as Credit;
      if (typeof credit !== 'object' || credit === null)
        throw invalid('INVALID_INPUT', `credits[${i}]`, credit, 'must be a credit object');
      const memberId = credit.memberId;
      let acc = this.members.get(memberId);
      if (acc === undefined) {
        if (!contexts.has(memberId)) continue;
        acc = new SumsAccumulator(resolvedOf(this.p, memberId), memberId, this.ids);
        this.members.set(memberId, acc);
      }
      acc.add(credit, i);
    }
  }

  /** The partial of every member that had credits (in range or not), by member id. Ends the accumulator. */
  result(): StatementsSummary {
    const out = new Map<string, MemberPartial>();
    const bytes = new IdBytes();
    for (const id of [...this.members.keys()].sort()) {
      const sums = (this.members.get(id) as SumsAccumulator).sums((x) => duplicate(id, x));
      this.members.delete(id); // its ids are packed: the arrays go
      out.set(id, toPartial(sums, bytes));
    }
    // a small summary's few bytes in one block of their size, not in a 64 KiB block each of its lists keeps alive
    const remap = bytes.compact();
    if (remap !== null) for (const [id, p] of out) out.set(id, { ...p, lists: p.lists.map(remap) });
    return out;
  }
}

/**
 * The blocks that hold a summary's packed id lists: a worker thread moves them to the main
 * thread with the summary (a transfer, not a copy). @internal
 */
export function statementBuffers(summary: StatementsSummary): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  for (const partial of summary.values()) {
    for (const list of partial.lists) if (list instanceof Uint8Array) out.add(list.buffer as ArrayBuffer);
  }
  return [...out];
}

/** Summarises a chunk of credits member by member. @internal */
export function summarizeStatements(credits: readonly Credit[], options: ParallelStatementsOptions): StatementsSummary {
  const acc = new StatementsAccumulator(options);
  acc.add(credits);
  return acc.result();
}

/** Two partials of one member merged: sums added, id lists merged (a credit in both is refused). */
function mergeMember(memberId: string, x: MemberPartial, y: MemberPartial): MemberPartial {
  // a member has a few lists (usually one): plain arrays, not maps, for the pairs merged. A member's only list is
  // merged as it is unpacked, straight into the merged array; several are unpacked first, once each (a list may be
  // merged with two of the other's)
  const xs = x.lists.length > 1 ? x.lists.map(unpackIds) : x.lists;
  const ys = y.lists.length > 1 ? y.lists.map(unpackIds) : y.lists;
  const lists: IdList[] = [];
  const pairs: number[] = []; // i, j of each merged list
  const list = (i: number, j: number): number => {
    for (let k = 0; k < lists.length; k++) if (pairs[2 * k] === i && pairs[2 * k + 1] === j) return k;
    const k = lists.length;
    pairs.push(i, j);
    const refuse =
      k === 0
        ? (id: string): never => {
            throw duplicate(memberId, id);
          }
        : undefined;
    lists.push(mergeSortedIds(xs[i] as IdList, ys[j] as IdList, refuse));
    return k;
  };
  list(0, 0); // every credit counted: a credit in both parts is counted twice
  const components = x.components.map((c, n) => {
    const d = y.components[n] as (typeof y.components)[number];
    const units = c.units + d.units;
    if (!Number.isSafeInteger(units)) {
      throw invalid(
        'INVALID_COUNT',
        'credits.units',
        d.units,
        `of member ${describeValue(memberId)} take the total past 2^53`,
      );
    }
    const ct = c.tiers;
    const dt = d.tiers;
    return {
      base: addFixed(c.base, d.base),
      units,
      ids: list(c.ids, d.ids),
      tiers:
        ct === null || dt === null
          ? null
          : ct.map((t, k) => {
              const u = dt[k] as (typeof dt)[number];
              return { base: addFixed(t.base, u.base), linear: addFixed(t.linear, u.linear), ids: list(t.ids, u.ids) };
            }),
    };
  });
  let deals: Map<string, Fixed> | null = null;
  if (x.deals !== null && y.deals !== null) {
    deals = new Map(x.deals);
    for (const [id, amount] of y.deals) deals.set(id, addFixed(deals.get(id) ?? ZERO, amount));
  }
  return {
    lists,
    attainment: {
      amount: addFixed(x.attainment.amount, y.attainment.amount),
      ids: list(x.attainment.ids, y.attainment.ids),
    },
    components,
    deals,
  };
}

/**
 * A worker's partials readied on the main thread while other workers still read: every listed
 * member's context resolved (finalising needs them all). The id lists stay packed: they are
 * unpacked once, by the merge or the finalising, after the worker threads have ended (unpacked
 * here, a million ids would sit on this thread's heap beside the heaps of the threads that are
 * still ending, and be copied again by the merge).
 * @internal
 */
export function prepareStatements(summary: StatementsSummary, options: ParallelStatementsOptions): StatementsSummary {
  const p = contextsOf(options);
  for (const id of p.contexts.keys()) resolvedOf(p, id);
  return summary;
}

/** Merges two partials member by member (the merged id lists are arrays: they stay on this thread). @internal */
export function mergeStatements(a: StatementsSummary, b: StatementsSummary): StatementsSummary {
  const out = new Map(a);
  for (const [id, y] of b) {
    const x = out.get(id);
    out.set(id, x === undefined ? y : mergeMember(id, x, y));
  }
  return out;
}

/** Every member's statement, by member id (sorted). @internal */
export function finalizeStatements(
  summary: StatementsSummary,
  options: ParallelStatementsOptions,
): Record<string, Statement> {
  const p = contextsOf(options);
  const out: Record<string, Statement> = {};
  for (const id of [...p.contexts.keys()].sort()) {
    const ctx = p.contexts.get(id) as StatementContext;
    const resolved = resolvedOf(p, id);
    const partial = summary.get(id);
    const sums =
      partial === undefined ? new SumsAccumulator(resolved, id).sums((x) => duplicate(id, x)) : toSums(partial);
    // an own property even for a member id such as "__proto__"
    Object.defineProperty(out, id, {
      value: finalizeSums(sums, resolved, ctx),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}
