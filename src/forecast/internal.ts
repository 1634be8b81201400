/**
 * Shared helpers of `revops/forecast` (not exported from the module): reading probabilities,
 * the pipeline that decides open, won and lost, duplicate deal ids, whether a deal belongs to
 * a period, and exact decimals in summaries.
 * @module
 */
import type { Deal } from '../model/deal.js';
import { dealOutcomeOf, type DealOutcomeOf } from '../model/deal-outcome.js';
import type { Pipeline } from '../model/pipeline.js';
import { describeValue, invalid, RevopsError } from '../core/errors.js';
import { entityPath } from '../core/read.js';
import { invalidSummary, summaryString } from '../core/summary.js';
import { minorUnits, type CurrencyCode } from '../core/currency.js';
import { parseDecimalText } from '../core/decimal-text.js';
import { EXACT_ZERO, exactRound, type Exact } from '../core/exact.js';
import { assertSameCurrency, readMoneyExact } from '../core/money.js';
import type { Period } from '../core/periods.js';
import { period as makePeriod } from '../core/periods.js';
import { assertIsoDate } from '../core/dates.js';
import { DEFAULT_ROUNDING, ROUNDING_MODES, type RoundingMode } from '../core/rounding.js';
import { checkFraction } from './checks.js';

export { checkFraction, readPositiveInteger } from './checks.js';

/** Exact zero. @internal */
export const ZERO: Exact = EXACT_ZERO;

/** Validates an optional stage → probability map. @internal */
export function readProbabilityMap(
  map: Readonly<Record<string, number>> | undefined,
  field: string,
): Readonly<Record<string, number>> | undefined {
  if (map === undefined) return undefined;
  if (typeof map !== 'object' || map === null || Array.isArray(map)) {
    throw invalid('INVALID_OPTION', field, map, 'must be an object mapping stage ids to fractions');
  }
  for (const [stage, p] of Object.entries(map)) checkFraction(p, `${field}.${stage}`);
  return map;
}

/**
 * The probability a forecast uses for a deal: the stage's entry in `map` when there is one,
 * else the deal's own `probability`.
 * @internal
 */
export function dealProbability(deal: Deal, map: Readonly<Record<string, number>> | undefined, field: string): number {
  if (map !== undefined && Object.hasOwn(map, deal.stage)) return map[deal.stage] as number;
  return checkFraction(deal.probability, `${field}.probability`);
}

/** Validates a period (throws `INVALID_PERIOD` / `INVALID_DATE`). @internal */
export function readPeriod(p: Period | undefined, field: string): Period | undefined {
  if (p === undefined) return undefined;
  if (typeof p !== 'object' || p === null) throw invalid('INVALID_PERIOD', field, p, 'must be a period { start, end }');
  return makePeriod(p.start, p.end);
}

/**
 * Whether `date` lies in the inclusive period; `undefined` means every date. With a period the
 * date must be a valid YYYY-MM-DD (throws `INVALID_DATE` naming `field`): a malformed date would
 * otherwise be included or dropped silently by string comparison. @internal
 */
export function inPeriod(p: Period | undefined, date: string, field: string): boolean {
  if (p === undefined) return true;
  assertIsoDate(date, field);
  return date >= p.start && date <= p.end;
}

/**
 * Reads the `pipeline` option once and returns the outcome of a deal (`'open'`, `'won'`,
 * `'lost'`: the kind of its stage, revops/model's one definition). Default: the default deal
 * pipeline. A deal whose stage the pipeline lacks is `INVALID_INPUT` naming the deal.
 * @internal
 */
export function readOutcome(pipeline: Pipeline | undefined, field = 'options.pipeline'): DealOutcomeOf {
  if (pipeline !== undefined) {
    if (typeof pipeline !== 'object' || pipeline === null || !Array.isArray(pipeline.stages)) {
      throw invalid('INVALID_OPTION', field, pipeline, 'must be a pipeline (definePipeline or a default)');
    }
  }
  return dealOutcomeOf(pipeline === undefined ? {} : { pipeline });
}

/** The name of a deal in error messages: index and id (`deals[3] (id "D-17")`). @internal */
export function dealPath(index: number, deal: unknown): string {
  return entityPath('deals', index, deal);
}

/**
 * Remembers the ids of the deals a sum counts; a second deal with the same id throws
 * `DUPLICATE_ID` naming both positions (a deal is counted once, never twice). Deals without a
 * string id are not checked. Returns the ids seen, in first-seen order, through `ids()`.
 * @internal
 */
export function duplicateCheck(): {
  readonly check: (deal: Deal, index: number) => void;
  readonly ids: () => string[];
} {
  const seen = new Map<string, number>();
  return {
    check: (deal, index) => {
      const id: unknown = deal.id;
      if (typeof id !== 'string') return;
      const first = seen.get(id);
      if (first !== undefined) {
        throw new RevopsError(
          'DUPLICATE_ID',
          `${dealPath(index, deal)} repeats deals[${first}]: a deal is counted once, never twice`,
          { field: `deals[${index}].id`, value: id, details: { id, first, second: index } },
        );
      }
      seen.set(id, index);
    },
    ids: () => [...seen.keys()],
  };
}

/**
 * Merges the sorted id lists of two summaries; an id in both throws `DUPLICATE_ID` (the same
 * deal summarised in two chunks would be counted twice).
 * @internal
 */
export function mergeIds(a: readonly string[], b: readonly string[]): string[] {
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = a[i];
    const y = b[j];
    if (y === undefined || (x !== undefined && x < y)) {
      out.push(x as string);
      i++;
    } else if (x === undefined || y < x) {
      out.push(y);
      j++;
    } else {
      throw new RevopsError(
        'DUPLICATE_ID',
        `b.ids[${j}] (id ${describeValue(y)}) repeats a.ids[${i}]: ` +
          'a deal summarised in two chunks would be counted twice',
        { field: `b.ids[${j}]`, value: y, details: { id: y, first: i, second: j } },
      );
    }
  }
  return out;
}

/**
 * Reads the sorted, distinct id list of a summary.
 * @throws {RevopsError} `INVALID_SUMMARY` naming the field.
 * @internal
 */
export function summaryIds(value: unknown, field: string): readonly string[] {
  if (!Array.isArray(value)) throw invalidSummary(field, value, 'must be an array of deal ids');
  for (let i = 0; i < value.length; i++) {
    const id = summaryString(value[i], `${field}[${i}]`);
    if (i > 0 && !((value[i - 1] as string) < id))
      throw invalidSummary(`${field}[${i}]`, id, 'must be sorted and distinct');
  }
  return value as readonly string[];
}

/**
 * Reads an exact decimal string of a summary.
 * @throws {RevopsError} `INVALID_SUMMARY` naming the field.
 * @internal
 */
export function summaryDecimal(value: unknown, field: string): Exact {
  const text = summaryString(value, field);
  const x = parseDecimalText(text);
  if (typeof x === 'string') throw invalidSummary(field, text, 'must be a plain decimal string within LIMITS');
  return x;
}

/**
 * Sets `record[key]` as an own enumerable property: a key taken from data (a stage, team or
 * deal id such as `__proto__`) must never reach the object's prototype. @internal
 */
export function setOwn<T>(record: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * Merges the per-group states of two summaries key by key (keys sorted; a key on one side only is
 * merged with `undefined`); `null` when either summary is ungrouped. @internal
 */
export function mergeGroupStates<S, P>(
  xs: ReadonlyMap<string, S> | null,
  ys: ReadonlyMap<string, S> | null,
  merge: (x: S | undefined, y: S | undefined) => P,
): Record<string, P> | null {
  if (xs === null || ys === null) return null;
  const groups: Record<string, P> = {};
  for (const key of [...new Set([...xs.keys(), ...ys.keys()])].sort())
    setOwn(groups, key, merge(xs.get(key), ys.get(key)));
  return groups;
}

/** Own-property lookup in a record keyed by data (`constructor` or `__proto__` are not inherited). @internal */
export function getOwn<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Reads an array argument, throwing `INVALID_INPUT` otherwise. @internal */
export function readArray<T>(value: readonly T[], field: string): readonly T[] {
  if (!Array.isArray(value)) throw invalid('INVALID_INPUT', field, value, 'must be an array');
  return value;
}

/** Reads a deal's amount and checks its currency against `currency` (when known). @internal */
export function dealAmount(
  deal: Deal,
  field: string,
  currency: CurrencyCode | undefined,
): { x: Exact; currency: CurrencyCode } {
  const m = readMoneyExact(deal.amount, `${field}.amount`);
  if (currency !== undefined) assertSameCurrency(currency, m.currency, `${field}.amount`);
  return m;
}

/** Rounds an exact decimal once to the currency's minor unit. @internal */
export function roundToMinor(f: Exact, currency: CurrencyCode, mode: RoundingMode): Exact {
  return exactRound(f, minorUnits(currency), mode);
}

/** Reads an optional rounding mode. @internal */
export function readRounding(mode: RoundingMode | undefined, field: string): RoundingMode {
  if (mode === undefined) return DEFAULT_ROUNDING;
  if (!ROUNDING_MODES.includes(mode))
    throw invalid('INVALID_OPTION', field, mode, `must be one of ${ROUNDING_MODES.join(', ')}`);
  return mode;
}

/** Reads an optional currency option. @internal */
export function readCurrency(c: string | undefined, field: string): CurrencyCode | undefined {
  if (c === undefined) return undefined;
  if (typeof c !== 'string') throw invalid('UNKNOWN_CURRENCY', field, c, 'must be an ISO 4217 code such as "USD"');
  minorUnits(c);
  return c;
}
