/**
 * Chunk results combined in input order: counts added, issues renumbered to the whole input,
 * summaries merged, and (for by-customer computations) the customers cut between chunks joined
 * and summarised. A worker combines the chunks of its byte range with it and returns one result;
 * the main thread combines the ranges' (or, for rows, the chunks') results the same way.
 * @module
 */
import { RevopsError } from '../core/errors.js';
import type { ImportIssue, ImportRejection } from '../import/index.js';
import { COMPUTATIONS, type ParallelComputation } from './computations.js';
import { type EdgeRows, KEEP_ISSUES, summarizeAll, type TaskConfig, type TaskResult } from './task.js';

/** Two sets of summaries (by computation name) merged name by name. @internal */
export function mergeSets(
  a: Readonly<Record<string, unknown>>,
  b: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...a };
  for (const [name, s] of Object.entries(b)) {
    out[name] = Object.hasOwn(out, name) ? COMPUTATIONS[name as ParallelComputation].merge(out[name], s) : s;
  }
  return out;
}

/**
 * Summaries merged as they come, as a binary counter: entry i merges 2^i parts' worth, a new
 * part merges with the last entry while their ranks are equal. A summary that grows with its
 * rows (ids, statements' credits) is thus merged O(log parts) times, not once per part:
 * O(n log k) work instead of O(n k).
 * @internal
 */
export class SummaryMerger {
  private readonly pending: { rank: number; summaries: Record<string, unknown> }[] = [];

  /** Adds one part's summaries (by computation name). */
  add(summaries: Readonly<Record<string, unknown>>): void {
    let entry = { rank: 0, summaries: { ...summaries } };
    for (let top = this.pending.at(-1); top !== undefined && top.rank === entry.rank; top = this.pending.at(-1)) {
      this.pending.pop();
      entry = { rank: entry.rank + 1, summaries: mergeSets(top.summaries, entry.summaries) };
    }
    this.pending.push(entry);
  }

  /** Everything added, merged into one summary per computation. */
  merged(): Record<string, unknown> {
    let out: Record<string, unknown> = {};
    for (const entry of this.pending) out = mergeSets(out, entry.summaries);
    return out;
  }
}

/** An issue renumbered from its part (first data row 2) to the whole input. @internal */
export function renumber<T extends ImportIssue>(issue: T, offset: number): T {
  if (offset === 0) return issue;
  const move = (i: ImportIssue): ImportIssue => ({
    ...i,
    row: i.row + offset,
    message: i.message.replace(/^row \d+/, `row ${i.row + offset}`),
  });
  const out = move(issue) as T;
  const problems = (issue as Partial<ImportRejection>).problems;
  return problems === undefined ? out : ({ ...out, problems: problems.map(move) } as T);
}

function unsorted(id: string, after: string): RevopsError {
  return new RevopsError(
    'INVALID_INPUT',
    `rows must be sorted by customerId for a parallel MRR or cohort computation, got ` +
      `${JSON.stringify(id)} after ${JSON.stringify(after)}`,
    { field: 'customerId', value: id },
  );
}

/**
 * Chunk (or range) results added in input order and combined into one. Summaries may also be
 * added on their own, in any order ({@link Accumulator.addSummaries}: they merge commutatively),
 * with the rest of each result added in order ({@link Accumulator.addOrdered}).
 * @internal
 */
export class Accumulator {
  private read = 0;
  private imported = 0;
  private rejected = 0;
  private chunks = 0;
  private readonly rejections: ImportRejection[] = [];
  private readonly warnings: ImportIssue[] = [];
  private readonly merger = new SummaryMerger();
  private readonly ids: string[] | null;
  /** The first customer's rows, once another customer follows (they may continue an earlier part). */
  private lead: EdgeRows | null = null;
  /** The current customer's rows (they may continue in the next part). */
  private carry: { customerId: string; rows: unknown[] } | null = null;
  private leadSeen = false;

  /** `collectIds`: keep the ids of the results added (to return them for the check across parts). */
  constructor(
    private readonly config: TaskConfig,
    collectIds: boolean,
  ) {
    this.ids = collectIds ? [] : null;
  }

  /** Adds a whole result (summaries, counts, issues, ids, edges), the next one in input order. */
  add(r: TaskResult): void {
    this.addSummaries(r.summaries);
    this.addOrdered(r);
  }

  /** Adds a result's summaries (any order). */
  addSummaries(summaries: Readonly<Record<string, unknown>>): void {
    if (Object.keys(summaries).length > 0) this.merger.add(summaries);
  }

  /** Adds a result's counts, issues, ids and edge customers (input order), not its summaries. */
  addOrdered(r: TaskResult): void {
    for (const x of r.rejections)
      if (this.rejections.length < KEEP_ISSUES) this.rejections.push(renumber(x, this.read));
    for (const x of r.warnings) if (this.warnings.length < KEEP_ISSUES) this.warnings.push(renumber(x, this.read));
    this.read += r.read;
    this.imported += r.imported;
    this.rejected += r.rejected;
    this.chunks += r.chunks;
    if (this.ids !== null && r.ids !== null) for (const id of r.ids) this.ids.push(id);
    for (const e of r.edges ?? []) this.edge(e);
  }

  private edge(e: EdgeRows): void {
    const carry = this.carry;
    if (carry !== null && e.customerId === carry.customerId) {
      for (const row of e.rows) carry.rows.push(row);
      return;
    }
    if (carry !== null && e.customerId < carry.customerId) throw unsorted(e.customerId, carry.customerId);
    this.close();
    this.carry = { customerId: e.customerId, rows: [...e.rows] };
  }

  /** The current customer is complete: the first one is kept as the lead edge, the others summarised. */
  private close(): void {
    const carry = this.carry;
    if (carry === null) return;
    this.carry = null;
    if (!this.leadSeen) {
      this.leadSeen = true;
      this.lead = carry;
    } else if (carry.rows.length > 0) this.merger.add(summarizeAll(this.config, carry.rows));
  }

  /** The combined result, with the first and the last customer's rows as edges (a part of a larger input). */
  result(): TaskResult {
    const edges: EdgeRows[] = [];
    if (this.lead !== null) edges.push(this.lead);
    if (this.carry !== null) edges.push(this.carry);
    return {
      read: this.read,
      imported: this.imported,
      rejected: this.rejected,
      chunks: this.chunks,
      rejections: this.rejections,
      warnings: this.warnings,
      summaries: this.merger.merged(),
      ids: this.ids,
      edges: this.lead === null && this.carry === null && !this.leadSeen ? null : edges,
    };
  }

  /** The whole input's result: the edge customers summarised too, every summary merged. */
  complete(): TaskResult {
    this.close();
    if (this.lead !== null && this.lead.rows.length > 0) this.merger.add(summarizeAll(this.config, this.lead.rows));
    this.lead = null;
    return { ...this.result(), edges: null };
  }
}
