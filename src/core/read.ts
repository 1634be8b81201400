/**
 * The light input readers every compute function uses: one place that decides what a count,
 * an integer option, a fraction, a string or an `asOf` is, and what its error says. They never
 * go through zod (zod stays for the `parseX` / `safeParseX` entity parsers), so a compute
 * function that uses them bundles without zod.
 *
 * Each reader returns the value it accepted, typed, or throws a {@link RevopsError} whose
 * message names the field and the value (`"options.horizon must be an integer from 1 to
 * 10000, got 4294967296"`). Numeric strings are never accepted by a reader: a spreadsheet's
 * text cell is converted by `revops/sheets`, not here.
 * @module
 */
import { instantToEpochMs, isInstant, isIsoDate, type Instant, type IsoDate } from './dates.js';
import { invalidBrief as invalid, RevopsError, type RevopsErrorCode, unreadableField } from './errors.js';

/**
 * The documented upper bounds of sizes a caller chooses. A request beyond them is refused
 * at once with a {@link RevopsError} instead of allocating an array the process cannot hold.
 */
export const LIMITS = {
  /** Most steps a forecast may look ahead (`horizon`). */
  horizon: 10_000,
  /** Most runs of a Monte Carlo simulation (`runs`). */
  runs: 10_000_000,
  /** Longest season (`seasonLength`, `period` of a seasonal method). */
  seasonLength: 1_000,
  /** Most digits of a decimal amount (integer and fraction digits together). */
  decimalDigits: 1_000,
  /** Largest decimal exponent accepted in scientific notation (`1e999`). */
  decimalExponent: 999,
  /**
   * Most elements of a list inside one entity or plan (a team's `memberIds`, a plan's `versions`
   * or a version's `components`, a deal's `history`, a pipeline's `stages` and `transitions`): an
   * entity is a record, not a table; a longer list is refused at once, before its elements are read.
   */
  listLength: 100_000,
  /** Most points of a payout curve (`payoutCurve`'s attainments). */
  curvePoints: 100_000,
} as const;

/** Options of {@link readInteger}. */
export interface ReadIntegerOptions {
  /** Smallest accepted value. Default `0`. */
  readonly min?: number;
  /** Largest accepted value. Default `Number.MAX_SAFE_INTEGER`. */
  readonly max?: number;
  /** Error code. Default `'INVALID_COUNT'`. */
  readonly code?: RevopsErrorCode;
}

/**
 * Reads a safe integer in `[min, max]` (a count, a unit count, an index, a horizon, a number
 * of runs or seasons). Rejects numeric strings, booleans, `NaN`, `±Infinity`, fractions and
 * `-0` is read as `0`.
 * @throws {RevopsError} `code` (default `INVALID_COUNT`) naming `field`.
 * @internal
 */
export function readInteger(value: unknown, field: string, options: ReadIntegerOptions = {}): number {
  const min = options.min ?? 0;
  const max = options.max ?? Number.MAX_SAFE_INTEGER;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `≥ ${min}` : `from ${min} to ${max}`;
    throw invalid(options.code ?? 'INVALID_COUNT', field, value, `must be an integer ${range}`);
  }
  return value === 0 ? 0 : value;
}

/** Options of {@link readNumber}. */
export interface ReadNumberOptions {
  /** Smallest accepted value (inclusive). Default `-Number.MAX_VALUE`. */
  readonly min?: number;
  /** Largest accepted value (inclusive). Default `Number.MAX_VALUE`. */
  readonly max?: number;
  /** Whether `min` itself is refused. Default `false`. */
  readonly exclusiveMin?: boolean;
  /** Error code. Default `'INVALID_INPUT'`. */
  readonly code?: RevopsErrorCode;
}

/**
 * Reads a finite number in a range. Rejects numeric strings, booleans, `NaN` and `±Infinity`;
 * `-0` is read as `0`.
 * @throws {RevopsError} `code` (default `INVALID_INPUT`) naming `field`.
 * @internal
 */
export function readNumber(value: unknown, field: string, options: ReadNumberOptions = {}): number {
  const min = options.min ?? -Number.MAX_VALUE;
  const max = options.max ?? Number.MAX_VALUE;
  if (
    typeof value !== 'number' ||
    !Number.isFinite(value) ||
    value > max ||
    value < min ||
    (options.exclusiveMin === true && value === min)
  ) {
    const lo = options.exclusiveMin === true ? `> ${min}` : `≥ ${min}`;
    const range =
      min === -Number.MAX_VALUE && max === Number.MAX_VALUE
        ? 'a finite number'
        : max === Number.MAX_VALUE
          ? `a finite number ${lo}`
          : `a finite number ${lo} and ≤ ${max}`;
    throw invalid(options.code ?? 'INVALID_INPUT', field, value, `must be ${range}`);
  }
  return value === 0 ? 0 : value;
}

/**
 * Reads a fraction in `[0, 1]` (a probability, a rate, a share).
 * @throws {RevopsError} `INVALID_RATE` naming `field`.
 * @internal
 */
export function readFraction(value: unknown, field: string): number {
  if (typeof value !== 'number' || !(value >= 0 && value <= 1)) {
    throw invalid('INVALID_RATE', field, value, 'must be a fraction from 0 to 1');
  }
  return value === 0 ? 0 : value;
}

/**
 * Reads a string, non-empty unless `allowEmpty`.
 * @throws {RevopsError} `code` (default `INVALID_INPUT`) naming `field`.
 * @internal
 */
export function readString(
  value: unknown,
  field: string,
  options: { readonly allowEmpty?: boolean; readonly code?: RevopsErrorCode } = {},
): string {
  if (typeof value !== 'string' || (value.length === 0 && options.allowEmpty !== true)) {
    throw invalid(options.code ?? 'INVALID_INPUT', field, value, 'must be a non-empty string');
  }
  return value;
}

/**
 * Reads one of a fixed list of values (an enum option).
 * @throws {RevopsError} `code` (default `INVALID_OPTION`) naming `field` and the allowed values.
 * @internal
 */
export function readOneOf<const T extends string | number | boolean>(
  value: unknown,
  field: string,
  allowed: readonly T[],
  code: RevopsErrorCode = 'INVALID_OPTION',
): T {
  for (const a of allowed) if (value === a) return a;
  const list = allowed.map((a) => (typeof a === 'string' ? `'${a}'` : String(a))).join(', ');
  throw invalid(code, field, value, `must be one of ${list}`);
}

/**
 * Reads a plain object (not `null`, not an array). Its properties are read by the caller.
 * @throws {RevopsError} `code` (default `INVALID_INPUT`) naming `field`.
 * @internal
 */
export function readObject(
  value: unknown,
  field: string,
  code: RevopsErrorCode = 'INVALID_INPUT',
): Readonly<Record<string, unknown>> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalid(code, field, value, 'must be an object');
  }
  return value as Readonly<Record<string, unknown>>;
}

/**
 * Reads an array (its elements are read by the caller).
 * @throws {RevopsError} `code` (default `INVALID_INPUT`) naming `field`.
 * @internal
 */
export function readArray(value: unknown, field: string, code: RevopsErrorCode = 'INVALID_INPUT'): readonly unknown[] {
  if (!Array.isArray(value)) throw invalid(code, field, value, 'must be an array');
  return plainArray(value);
}

/**
 * The array itself when it is a plain array, else a plain copy of its elements: an array whose
 * own `constructor` property or prototype is not Array's would make `map`, `filter` or `slice`
 * call that constructor (ECMA-262, ArraySpeciesCreate), which throws a `TypeError` for
 * `constructor: 7`. The copy reads indices only (no iterator of the caller's).
 * @internal
 */
export function plainArray(value: readonly unknown[]): readonly unknown[] {
  if (Object.getPrototypeOf(value) === Array.prototype && !Object.hasOwn(value, 'constructor')) return value;
  const copy: unknown[] = new Array(value.length);
  for (let i = 0; i < value.length; i++) copy[i] = value[i];
  return copy;
}

/** An `asOf` read once: the business date it falls on (UTC) and its instant in epoch ms. */
export interface AsOf {
  /** The calendar date (`YYYY-MM-DD`, UTC) of the moment. */
  readonly date: IsoDate;
  /** The moment, in milliseconds since the epoch. */
  readonly epochMs: number;
}

/** Milliseconds in a day. */
const DAY_MS = 86_400_000;

/**
 * Reads an `asOf` option, which is an {@link IsoDate} or an {@link Instant} everywhere in the
 * library. A date means the end of that day in UTC (`'2026-03-31'` is
 * `2026-03-31T23:59:59.999Z`: "as of March 31" includes everything that happened on it); an
 * instant means that moment, and its business date is its UTC date.
 * @throws {RevopsError} `INVALID_DATE` naming `field`, also for an instant whose UTC date falls
 *   outside the years 0001–9999 (`'0001-01-01T00:29:00+00:30'`).
 * @internal
 */
export function readAsOf(value: unknown, field = 'asOf'): AsOf {
  if (isIsoDate(value)) {
    // setUTCFullYear, not Date.UTC: Date.UTC reads the years 0–99 as 1900–1999
    const day = new Date(0);
    day.setUTCFullYear(Number(value.slice(0, 4)), Number(value.slice(5, 7)) - 1, Number(value.slice(8, 10)));
    return { date: value, epochMs: day.getTime() + DAY_MS - 1 };
  }
  if (isInstant(value)) {
    const epochMs = instantToEpochMs(value as Instant, field);
    const date = new Date(epochMs).toISOString().slice(0, 10);
    // an offset can move the first or last minutes of the calendar out of it ('0000-12-31', '+010000-01')
    if (!isIsoDate(date)) throw invalid('INVALID_DATE', field, value, 'must fall in the years 0001–9999 (UTC)');
    return { date, epochMs };
  }
  throw invalid('INVALID_DATE', field, value, 'must be a YYYY-MM-DD date or an ISO-8601 instant with an offset');
}

/**
 * The path that names an entity in an error message: its index and, when it has a string id,
 * the id (`deals[3] (id "D-17")`), so that a user finds the row in their own data.
 * @internal
 */
export function entityPath(collection: string, index: number, entity: unknown): string {
  let id: unknown;
  try {
    id = typeof entity === 'object' && entity !== null ? (entity as { id?: unknown }).id : undefined;
  } catch {
    id = undefined;
  }
  if (typeof id === 'string' && id.length > 0) {
    return `${collection}[${index}] (id ${JSON.stringify(id.length > 40 ? `${id.slice(0, 37)}...` : id)})`;
  }
  return `${collection}[${index}]`;
}

/** Most property reads {@link readFailure} makes to find the read that threw. */
const PROBE_READS = 2_000_000;
/** Most prototypes below `Object.prototype` whose keys {@link readFailure} reads, per object. */
const PROBE_PROTOTYPES = 8;

/** One object {@link readFailure} is reading: its keys (`null`: an array's indices) and the next one. */
interface ProbeFrame {
  readonly node: object;
  readonly keys: readonly string[] | null;
  readonly length: number;
  i: number;
  readonly parent: ProbeFrame | null;
  readonly key: string | number;
}

/**
 * What a public function throws for an exception it caught: the error that says which read of
 * the caller's data threw. This is the library's one rule for the caller's exceptions
 * (docs/conventions.md, "Errors and refusals"):
 *
 * - a {@link RevopsError} is returned unchanged;
 * - an exception thrown by reading the caller's data (a getter, a proxy trap) becomes
 *   `INVALID_INPUT` naming the field's path, `"credits[3] (id \"C-4\").amount could not be read
 *   (reading it threw Error: …)"`, with `cause` the caller's exception;
 * - anything else, the exception of the caller's own callback (a `groupBy` function) first, is
 *   returned unchanged: it passes through, as it passes through `Array.prototype.map`.
 *
 * Which read threw is found here, on the error path only, so that the reading loops keep no
 * per-field bookkeeping: `roots` is read again, depth first in key order (own keys, then those of
 * each prototype below `Object.prototype` / `Array.prototype`; functions are not entered, typed
 * arrays not read, each object once, at most 2,000,000 reads), and the first read that throws
 * the same exception (the same value, or an Error of the same class and message) is the one
 * named. A getter that throws only once, or an exception no read repeats, is returned unchanged.
 * @param roots - the arguments by the names messages give them (`{ deals, options }`); an
 *   argument named `''` has its fields named alone (`calculateStatement`'s input: `credits[3]`).
 * @param code - the code: `INVALID_INPUT`, or the code the conventions give the argument's
 *   refusals (`INVALID_SUMMARY` for the summaries of `mergeX` / `finalizeX`, `INVALID_PLAN` for a
 *   plan); one for every argument, or one per argument name (the others `INVALID_INPUT`).
 * @internal
 */
export function readFailure(
  thrown: unknown,
  roots: Readonly<Record<string, unknown>>,
  code: RevopsErrorCode | Readonly<Record<string, RevopsErrorCode>> = 'INVALID_INPUT',
): unknown {
  if (thrown instanceof RevopsError) return thrown;
  const found = throwingRead(roots, thrown);
  if (found === null) return thrown;
  return unreadableField(found.path, thrown, typeof code === 'string' ? code : (code[found.root] ?? 'INVALID_INPUT'));
}

/** Whether `e` is the exception `thrown` again: the same value, or an Error of the same class and message. */
function sameThrown(e: unknown, thrown: unknown): boolean {
  if (e === thrown) return true;
  try {
    return (
      e instanceof Error &&
      thrown instanceof Error &&
      Object.getPrototypeOf(e) === Object.getPrototypeOf(thrown) &&
      e.message === thrown.message
    );
  } catch {
    return false;
  }
}

/** The string keys of `v` and of its prototypes below `Object.prototype` / `Array.prototype`. */
function probeKeys(v: object): readonly string[] {
  const keys = new Set<string>();
  let o: object | null = v;
  for (let depth = 0; o !== null && o !== Object.prototype && o !== Array.prototype; depth++) {
    if (depth > PROBE_PROTOTYPES) break;
    for (const k of Reflect.ownKeys(o)) if (typeof k === 'string') keys.add(k);
    o = Reflect.getPrototypeOf(o);
  }
  return [...keys];
}

/** Where {@link readFailure} found the read that threw. */
export interface ThrowingRead {
  /** The path as messages write it (`credits[3] (id "C-4").amount`). */
  readonly path: string;
  /** The keys from the argument down (`['credits', 3, 'amount']`), as `RevopsIssue.path` has them. */
  readonly keys: readonly (string | number)[];
  /** The name of the argument it is in. */
  readonly root: string;
}

/** The path of the read of `key` in frame `f` and the name of the argument it is in. */
function found(f: ProbeFrame, key: string | number): ThrowingRead {
  const keys: (string | number)[] = [key];
  for (let g: ProbeFrame = f; g.parent !== null; g = g.parent) keys.unshift(g.key);
  const root = String(keys.shift());
  return { path: probePath(f, key), keys: root === '' ? keys : [root, ...keys], root };
}

/**
 * The read of `roots` that throws `thrown` again, found as {@link readFailure} finds it, or
 * `null`: for a caller, such as the `parseX` functions, that words its own error.
 * @internal
 */
export function findThrowingRead(roots: Readonly<Record<string, unknown>>, thrown: unknown): ThrowingRead | null {
  return thrown instanceof RevopsError ? null : throwingRead(roots, thrown);
}

/** The path of the read of `key` in frame `f`, as messages write it (an array element by index and id). */
function probePath(f: ProbeFrame, key: string | number): string {
  const steps: { frame: ProbeFrame; key: string | number; child: unknown }[] = [];
  let child: unknown;
  for (let g: ProbeFrame | null = f, k = key; g !== null; k = g.key, g = g.parent) {
    steps.push({ frame: g, key: k, child });
    child = g.node;
  }
  let path = '';
  for (let i = steps.length - 1; i >= 0; i--) {
    const { frame, key: k, child: element } = steps[i] as (typeof steps)[number];
    if (frame.keys === null) path = element === undefined ? `${path}[${k}]` : entityPath(path, k as number, element);
    else path = path === '' ? String(k) : `${path}.${String(k)}`;
  }
  return path;
}

/** The path of the first read under `roots` that throws `thrown` again, or `null` (see {@link readFailure}). */
function throwingRead(roots: Readonly<Record<string, unknown>>, thrown: unknown): ThrowingRead | null {
  const seen = new Set<object>();
  const stack: ProbeFrame[] = [{ node: roots, keys: Object.keys(roots), length: 0, i: 0, parent: null, key: '' }];
  let reads = 0;
  while (stack.length > 0) {
    const f = stack[stack.length - 1] as ProbeFrame;
    if (f.i >= (f.keys === null ? f.length : f.keys.length)) {
      stack.pop();
      continue;
    }
    const key = f.keys === null ? f.i : (f.keys[f.i] as string);
    f.i++;
    if (++reads > PROBE_READS) return null;
    let v: unknown;
    try {
      v = Reflect.get(f.node, key);
    } catch (e) {
      if (sameThrown(e, thrown)) return found(f, key);
      continue;
    }
    if (typeof v !== 'object' || v === null || seen.has(v)) continue;
    seen.add(v);
    let keys: readonly string[] | null = null;
    let length = 0;
    try {
      if (ArrayBuffer.isView(v)) continue;
      if (Array.isArray(v)) length = Math.min(Number(v.length), PROBE_READS);
      else keys = probeKeys(v);
    } catch (e) {
      if (sameThrown(e, thrown)) return found(f, key);
      continue;
    }
    stack.push({ node: v, keys, length, i: 0, parent: f, key });
  }
  return null;
}
