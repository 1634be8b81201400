/**
 * The exact sums a statement is computed from, over one member's credits: attainment, each
 * component's base and units, per-credit tier sums, and the (sorted) ids of the credits behind
 * each. Every credit the statement counts is read here, once: its id, kind, measure, date,
 * amount and units, each refused with the credit named by index and id.
 * @module
 * @internal
 */
import { describeValue, invalid, RevopsError } from '../core/errors.js';
import { parseDecimalText } from '../core/decimal-text.js';
import type { Exact } from '../core/exact.js';
import { ExactSum } from '../core/exact-sum.js';
import { fromFixedValue, toFixed } from '../core/fixed.js';
import { readMoney } from '../core/money.js';
import { entityPath, readInteger } from '../core/read.js';
import type { Credit, CreditKind } from '../model/credit.js';
import { CREDIT_KINDS, MEASURES as MEASURE_LIST } from '../model/vocabulary.js';
import type { CreditFilter } from '../model/plan.js';
import type { CompiledComponent, ResolvedContext } from './context.js';
import { addFixed, fixedToString, multiplyFixed, negFixed, parseFixed, subFixed, ZERO, type Fixed } from './exact.js';
import { marginalPortions, tierIndex, type AmountTier } from './tiers.js';

/** Per-tier sums of a per-credit tiered component. @internal */
export interface TierSums {
  readonly base: Fixed;
  readonly linear: Fixed;
  /** Sorted. */
  readonly creditIds: readonly string[];
}

/** Sums of one component. @internal */
export interface ComponentSums {
  readonly base: Fixed;
  readonly units: number;
  /** Sorted. */
  readonly creditIds: readonly string[];
  readonly tiers: readonly TierSums[] | null;
}

/** Sums of one member's credits, in the order of `ctx.components`. @internal */
export interface StatementSums {
  /** Every credit counted, sorted. */
  readonly creditIds: readonly string[];
  readonly attainment: { readonly amount: Fixed; readonly creditIds: readonly string[] };
  readonly components: readonly ComponentSums[];
  /** Cash-basis plans only: the attainment credits' amount per deal id; else `null`. */
  readonly deals: ReadonlyMap<string, Fixed> | null;
}

const KINDS: ReadonlySet<string> = new Set(CREDIT_KINDS);
const MEASURES: ReadonlySet<string> = new Set(MEASURE_LIST);

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

/** Whether `c` is the code of an ASCII digit. */
function digit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Whether `d` is written `YYYY-MM-DD` with a month 01–12 and a day 01–31 (the range check does the rest). */
function dateShaped(d: string): boolean {
  if (d.length !== 10 || d.charCodeAt(4) !== 45 || d.charCodeAt(7) !== 45) return false;
  if (!digit(d.charCodeAt(0)) || !digit(d.charCodeAt(1)) || !digit(d.charCodeAt(2)) || !digit(d.charCodeAt(3)))
    return false;
  const m1 = d.charCodeAt(5);
  const m2 = d.charCodeAt(6);
  const d1 = d.charCodeAt(8);
  const d2 = d.charCodeAt(9);
  if (!digit(m1) || !digit(m2) || !digit(d1) || !digit(d2)) return false;
  const m = (m1 - 48) * 10 + m2 - 48;
  const day = (d1 - 48) * 10 + d2 - 48;
  return m >= 1 && m <= 12 && day >= 1 && day <= 31;
}

/**
 * Where an accumulator keeps the ids of the credits it counts until {@link SumsAccumulator.sums}:
 * by default the id strings themselves; with a store, the number `put` gives for each, read back
 * with `get` when the sums are made. (A worker thread of `revops/parallel` keeps a range's ids as
 * bytes outside the JS heap: a million short strings held for the whole range grow the heap, and
 * the garbage collector copies and marks them again and again.)
 * @internal
 */
export interface IdStore {
  /** A number for `id` (a non-empty string) from which `get` gives `id` back. */
  put(id: string): number;
  /** The id `put` was given for `key`. */
  get(key: number): string;
}

/** An id as an accumulator keeps it: the string, or its number in the accumulator's {@link IdStore}. */
type IdKey = string | number;

interface TierAcc {
  base: Fixed;
  linear: Fixed;
  readonly ids: IdKey[];
}

interface CompAcc {
  readonly cc: CompiledComponent;
  readonly acc: ExactSum;
  units: number;
  /** Ids counted, or `null` while every credit so far was counted (then the list is all the ids). */
  ids: IdKey[] | null;
  readonly tiers: TierAcc[] | null;
  readonly amountTiers: readonly AmountTier[] | null;
}

function addPerCredit(ca: CompAcc, base: Fixed, id: IdKey): void {
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

/** The credit's id, checked (a non-empty string). */
function creditId(cr: Credit, i: number): string {
  const id = (cr as { id?: unknown }).id;
  if (typeof id !== 'string' || id.length === 0)
    throw invalid('INVALID_INPUT', `credits[${i}].id`, id, 'must be a non-empty string');
  return id;
}

function duplicateError(credits: readonly Credit[], memberId: string, range: ResolvedContext['range'], id: string) {
  const at: number[] = [];
  for (let i = 0; i < credits.length && at.length < 2; i++) {
    const cr = credits[i] as Credit;
    if (cr.memberId === memberId && cr.date >= range.start && cr.date <= range.end && cr.id === id) at.push(i);
  }
  const [a = -1, b = -1] = at;
  return new RevopsError(
    'DUPLICATE_ID',
    `credits[${b}] (id ${describeValue(id)}) repeats credits[${a}]: a credit is counted once, never paid twice`,
    { field: `credits[${b}].id`, value: id, details: { id, first: a, second: b } },
  );
}

/**
 * Sums one member's credits dated in the statement's range (others' credits and credits
 * outside the range are skipped without being read further). @internal
 */
export function collectSums(credits: readonly Credit[], ctx: ResolvedContext, memberId: string): StatementSums {
  if (!Array.isArray(credits)) throw invalid('INVALID_INPUT', 'credits', credits, 'must be an array of credits');
  const acc = new SumsAccumulator(ctx, memberId);
  for (let i = 0; i < credits.length; i++) acc.add(credits[i] as Credit, i);
  return acc.sums((id) => duplicateError(credits, memberId, ctx.range, id));
}

/**
 * One member's sums, credit by credit: {@link collectSums} as a running total, so that credits
 * arriving in many chunks (a worker reading a file) are read once each and summed once, never
 * re-summarised per chunk. `add` reads a credit exactly as `collectSums` does (the same checks,
 * the same errors, naming the credit by the index it is given); `sums` ends it.
 * @internal
 */
export class SumsAccumulator {
  private readonly att: ExactSum;
  /** Attainment's ids, or `null` while every credit so far counted for attainment (then they are `ids`). */
  private attIds: IdKey[] | null = null;
  /**
   * A component that counts exactly the credits attainment counts, with nothing of its own
   * (no filter, multiplier, window, units or per-credit tiers), has attainment's sums: it is not
   * summed again per credit.
   */
  private readonly shared: readonly boolean[];
  private readonly comps: readonly CompAcc[];
  private readonly ids: IdKey[] = [];
  private readonly deals: Map<string, Fixed> | null;
  private done = false;

  /** `store`: where the ids are kept until `sums` (default: the id strings, in arrays). */
  constructor(
    private readonly ctx: ResolvedContext,
    private readonly memberId: string,
    private readonly store?: IdStore,
  ) {
    const digits = ctx.digits;
    this.att = new ExactSum(digits);
    this.shared = ctx.components.map((cc) => sameAsAttainment(cc, ctx));
    this.comps = ctx.components.flatMap((cc, j) => {
      if (this.shared[j]) return [];
      const at = ctx.perCreditTiersOf(cc);
      return {
        cc,
        acc: new ExactSum(digits),
        units: 0,
        ids: null,
        amountTiers: at,
        tiers:
          at === null
            ? null
            : [{ base: ZERO, linear: ZERO, ids: [] }, ...at.map(() => ({ base: ZERO, linear: ZERO, ids: [] }))],
      };
    });
    this.deals = ctx.version.payableOn === 'payment' ? new Map<string, Fixed>() : null;
  }

  /** Credits counted so far. */
  get count(): number {
    return this.ids.length;
  }

  /** Adds credit `cr`, named `credits[i]` in errors (another member's credit, or one outside the range, is skipped). */
  add(cr: Credit, i: number): void {
    if (this.done) throw new Error('SumsAccumulator: add after sums');
    const ctx = this.ctx;
    if (typeof cr !== 'object' || cr === null)
      throw invalid('INVALID_INPUT', `credits[${i}]`, cr, 'must be a credit object');
    if (cr.memberId !== this.memberId) return;
    const date = cr.date;
    if (typeof date !== 'string' || !dateShaped(date))
      throw invalid('INVALID_DATE', `${entityPath('credits', i, cr)}.date`, date, 'must be a calendar date YYYY-MM-DD');
    if (date < ctx.range.start || date > ctx.range.end) return;
    const ids = this.ids;
    const n = ids.length;
    const given = creditId(cr, i);
    const id = this.store === undefined ? given : this.store.put(given);
    ids.push(id);
    const kind = cr.kind;
    if (!KINDS.has(kind))
      throw invalid(
        'INVALID_INPUT',
        `${entityPath('credits', i, cr)}.kind`,
        kind,
        `must be one of ${CREDIT_KINDS.join(', ')}`,
      );
    const measure = cr.measure ?? 'bookings';
    if (!MEASURES.has(measure))
      throw invalid('INVALID_INPUT', `${entityPath('credits', i, cr)}.measure`, measure, 'must be a known measure');
    const amount = cr.amount;
    const currency = ctx.currency;
    let text: string;
    if (
      amount !== null &&
      typeof amount === 'object' &&
      amount.currency === currency &&
      typeof amount.amount === 'string'
    )
      text = amount.amount;
    else {
      const field = `${entityPath('credits', i, cr)}.amount`;
      const m = readMoney(amount, field);
      if (m.currency !== currency)
        throw invalid('CURRENCY_MISMATCH', `${field}.currency`, m.currency, `must be the plan currency ${currency}`);
      text = fixedToString(m.fixed);
    }
    // core's one text reader: the amount as an exact decimal, read once; a malformed one is
    // refused by parseFixed with the credit named
    const parsed = parseDecimalText(text);
    const x: Exact =
      typeof parsed === 'string'
        ? { int: 0, scale: 0 } // never used: parseFixed below throws
        : parsed;
    let fixed: Fixed | null = null;
    const exact = (): Fixed => (fixed ??= parseFixed(text, `${entityPath('credits', i, cr)}.amount.amount`));
    if (typeof parsed === 'string') exact();
    if (ctx.attainmentKinds.has(kind as CreditKind) && measure === ctx.attainmentMeasure) {
      this.att.addExact(x);
      if (this.attIds !== null) this.attIds.push(id);
      const deals = this.deals;
      if (deals !== null) {
        const dealId = cr.dealId;
        if (typeof dealId !== 'string' || dealId.length === 0)
          throw invalid(
            'INVALID_INPUT',
            `${entityPath('credits', i, cr)}.dealId`,
            dealId,
            'must be a non-empty string',
          );
        deals.set(dealId, addFixed(deals.get(dealId) ?? ZERO, exact()));
      }
    } else if (this.attIds === null) this.attIds = ids.slice(0, n);
    let credited: number | null = null;
    const comps = this.comps;
    for (let j = 0; j < comps.length; j++) {
      const ca = comps[j] as CompAcc;
      const cc = ca.cc;
      const c = cc.c;
      if (
        !cc.kinds.has(kind as CreditKind) ||
        measure !== cc.measure ||
        (cc.filter !== undefined && !matchesFilter(cr, cc.filter)) ||
        (c.kind === 'spiff' && (date < c.window.start || date > c.window.end))
      ) {
        if (ca.ids === null) ca.ids = ids.slice(0, n);
        continue;
      }
      let base: Fixed | null = null;
      const ms = cc.multipliers;
      for (let k = 0; k < ms.length; k++) {
        const m = ms[k] as (typeof ms)[number];
        if (matchesFilter(cr, m.when)) base = multiplyFixed(base ?? exact(), m.factor);
      }
      if (base !== null) ca.acc.addExact(fromFixedValue(base));
      else ca.acc.addExact(x);
      if (c.kind === 'perUnit') {
        credited ??=
          cr.units === undefined
            ? 1
            : readInteger(cr.units, `${entityPath('credits', i, cr)}.units`, { min: -Number.MAX_SAFE_INTEGER });
        ca.units += credited;
        if (!Number.isSafeInteger(ca.units))
          throw invalid(
            'INVALID_COUNT',
            `${entityPath('credits', i, cr)}.units`,
            cr.units,
            'takes the total past 2^53',
          );
      } else if (c.kind === 'spiff') ca.units += text.charCodeAt(0) === 45 ? -1 : 1;
      if (ca.ids !== null) ca.ids.push(id);
      if (ca.tiers !== null) addPerCredit(ca, base ?? exact(), id);
    }
    if (cr.units !== undefined && credited === null)
      readInteger(cr.units, `${entityPath('credits', i, cr)}.units`, { min: -Number.MAX_SAFE_INTEGER });
  }

  /**
   * The sums of every credit added (id lists sorted; a list equal to the credit ids is the same
   * array). Ends the accumulator.
   * @throws {RevopsError} `duplicate(id)` for an id counted twice.
   */
  sums(duplicate: (id: string) => RevopsError): StatementSums {
    if (this.done) throw new Error('SumsAccumulator: sums twice');
    this.done = true;
    // Credit ids were collected in input order; sort them once (the result does not depend on the
    // order of the credits) and refuse an id given twice.
    const store = this.store;
    const strings = (list: IdKey[]): string[] =>
      store === undefined ? (list as string[]) : list.map((k) => store.get(k as number));
    const ids = strings(this.ids);
    const sorted = ids.length > 1 ? ids.sort() : ids;
    for (let k = 1; k < sorted.length; k++) if (sorted[k] === sorted[k - 1]) throw duplicate(sorted[k] as string);
    const sortIds = (list: IdKey[] | null): readonly string[] => (list === null ? sorted : strings(list).sort());
    const attainment = { amount: toFixed(this.att.value()), creditIds: sortIds(this.attIds) };
    let next = 0;
    return {
      creditIds: sorted,
      deals: this.deals,
      attainment,
      components: this.shared.map((same): ComponentSums => {
        if (same) return { base: attainment.amount, units: 0, creditIds: attainment.creditIds, tiers: null };
        const ca = this.comps[next++] as CompAcc;
        return {
          base: toFixed(ca.acc.value()),
          units: ca.units,
          creditIds: sortIds(ca.ids),
          tiers:
            ca.tiers === null
              ? null
              : ca.tiers.map((t) => ({ base: t.base, linear: t.linear, creditIds: strings(t.ids).sort() })),
        };
      }),
    };
  }
}

/** Whether a component's sums are attainment's (see {@link collectSums}). */
function sameAsAttainment(cc: CompiledComponent, ctx: ResolvedContext): boolean {
  const c = cc.c;
  if (c.kind === 'perUnit' || c.kind === 'spiff' || cc.filter !== undefined || cc.multipliers.length > 0) return false;
  if (ctx.perCreditTiersOf(cc) !== null || cc.measure !== ctx.attainmentMeasure) return false;
  if (cc.kinds.size !== ctx.attainmentKinds.size) return false;
  for (const k of cc.kinds) if (!ctx.attainmentKinds.has(k)) return false;
  return true;
}
