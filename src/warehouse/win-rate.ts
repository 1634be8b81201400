/**
 * Win rate and its Wilson interval over a table of deals, for a warehouse (by owner with
 * `GROUP BY owner_id`, or any other grouping the SQL chooses).
 * @module
 */
import { invalid } from '../core/errors.js';
import type { Period } from '../core/periods.js';
import {
  finalizeWinRate,
  mergeWinRate,
  summarizeWinRate,
  type WinRate,
  type WinRateSummary,
} from '../metrics/win-rate.js';
import { type RateInterval, wilsonInterval } from '../metrics/wilson-interval.js';
import type { KpiDeal } from '../metrics/deal-kpi.js';
import type { Pipeline } from '../model/pipeline.js';
import { optionsReader, type WarehouseComputation } from './computation.js';
import { amountText, optionalText, rowObject, text } from './values.js';

/** Options of the warehouse win rate (the call's options JSON). */
export interface WarehouseWinRateOptions {
  /** `'count'` (default) or `'value'`. */
  readonly by: 'count' | 'value';
  /** Confidence of the Wilson interval; default 0.95. */
  readonly confidence: number;
  /** Closed deals whose `closeDate` is in this period; default all. */
  readonly period?: Period;
  /** The deals' pipeline; default the default deal pipeline. */
  readonly pipeline?: Pipeline;
}

/** The warehouse win rate: `winRate` plus the Wilson interval of won among closed deals. */
export interface WarehouseWinRate {
  readonly winRate: WinRate;
  readonly interval: RateInterval;
}

/**
 * Reads one deal row: `id`, `stage`, `owner_id`, `amount`, `currency`, `close_date` (text
 * `YYYY-MM-DD`) and `created_at` (ISO-8601 text); NULLs allowed where the library allows them.
 * @internal
 */
export function readDealRow(value: unknown): KpiDeal {
  const r = rowObject(value, 'deal');
  const id = optionalText(r, 'id', 'deal');
  const closeDate = optionalText(r, 'close_date', 'deal');
  const createdAt = optionalText(r, 'created_at', 'deal');
  const amount = r['amount'] === null || r['amount'] === undefined ? undefined : amountText(r, 'amount', 'deal');
  return {
    ...(id === undefined ? {} : { id }),
    stage: text(r, 'stage', 'deal'),
    ownerId: text(r, 'owner_id', 'deal'),
    ...(amount === undefined ? {} : { amount: { amount, currency: text(r, 'currency', 'deal') } }),
    ...(closeDate === undefined ? {} : { closeDate }),
    ...(createdAt === undefined ? {} : { createdAt }),
  } as KpiDeal; // createdAt is read only for open deals in a period, which a win rate never counts
}

const readOptions = optionsReader((o): WarehouseWinRateOptions => {
  const by = o['by'] ?? 'count';
  if (by !== 'count' && by !== 'value') throw invalid('INVALID_OPTION', 'options.by', by, "must be 'count' or 'value'");
  const confidence = o['confidence'] ?? 0.95;
  if (typeof confidence !== 'number') {
    throw invalid('INVALID_OPTION', 'options.confidence', confidence, 'must be a number in (0, 1)');
  }
  return {
    by,
    confidence,
    ...(o['period'] === undefined ? {} : { period: o['period'] as Period }),
    ...(o['pipeline'] === undefined ? {} : { pipeline: o['pipeline'] as Pipeline }),
  };
});

/** The win-rate computation of the warehouse builds. @internal */
export const winRateComputation: WarehouseComputation<
  KpiDeal,
  WinRateSummary,
  WarehouseWinRateOptions,
  WarehouseWinRate
> = {
  name: 'win-rate',
  params: readOptions,
  rows: (value) => [readDealRow(value)],
  summarize: (rows, p) =>
    summarizeWinRate(rows, {
      by: p.by,
      ...(p.period === undefined ? {} : { period: p.period }),
      ...(p.pipeline === undefined ? {} : { pipeline: p.pipeline }),
    }),
  merge: mergeWinRate,
  finalize: (s, p) => warehouseWinRate(finalizeWinRate(s), p.confidence),
};

/** `winRate` with the Wilson interval of its counts. @internal */
export function warehouseWinRate(w: WinRate, confidence: number): WarehouseWinRate {
  const { groups: _groups, ...winRate } = w as WinRate & { groups?: unknown };
  return { winRate, interval: wilsonInterval(w.won, w.won + w.lost, { confidence }) };
}
