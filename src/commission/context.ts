/**
 * Resolving a statement's context: the validated plan, the version in force, the dates
 * evaluated, proration by days and the prorated quota. What does not depend on the member is
 * resolved once per plan version, period and quota and reused (see {@link resolveContext}).
 * @module
 * @internal
 */
import { minorUnits } from '../core/currency.js';
import { addDays, assertIsoDate } from '../core/dates.js';
import { prorate } from '../core/divide.js';
import { invalid } from '../core/errors.js';
import { fromFixed, readMoney } from '../core/money.js';
import {
  daysInPeriod,
  fiscalYear,
  monthOf,
  monthsOf,
  overlap,
  type Period,
  period,
  prorationFraction,
  quarterOf,
} from '../core/periods.js';
import { readAsOf, readObject } from '../core/read.js';
import type { RoundingMode } from '../core/rounding.js';
import type { CreditKind } from '../model/credit.js';
import type { Plan, PlanComponent, PlanVersion } from '../model/plan.js';
import { definePlan, planVersionAsOf } from './define-plan.js';
import { type Fixed, parseFixed, pow10, roundRationalTo, subFixed, ZERO } from './exact.js';
import { type CompiledComponent, type PlanIndex, planIndexOf, REVENUE_KINDS, type VersionIndex } from './plan-index.js';
import { amountTiers, type AmountTier } from './tiers.js';
import type { LimitDetail, StatementContext } from './types.js';

export type { CompiledComponent };

/**
 * The part of a period a member was on the plan: active days over the period's days, or whole
 * months over its months. `offset` (months only) is the number of the period's months before
 * the first month counted: amounts are allocated cumulatively (see {@link prorateAmount}).
 * @internal
 */
export interface Fraction {
  readonly numerator: number;
  readonly denominator: number;
  readonly unit: 'days' | 'months';
  readonly offset: number;
}

/** A statement's resolved context. @internal */
export interface ResolvedContext {
  readonly plan: Plan;
  readonly version: PlanVersion;
  readonly components: readonly CompiledComponent[];
  readonly attainmentKinds: ReadonlySet<CreditKind>;
  readonly attainmentMeasure: string;
  readonly digits: number;
  readonly mode: RoundingMode;
  readonly currency: string;
  /** Dates whose credits count. */
  readonly range: Period;
  readonly proration: Fraction;
  /** The statement period within the version's dates (equals `range` unless it is a true-up). */
  readonly period: Period;
  /** Proration of the period alone (for per-period amounts such as draws; equals `proration` unless a true-up). */
  readonly periodProration: Fraction;
  /** Prorated quota (rounded to the minor unit when prorated). */
  readonly quota: Fixed;
  /**
   * For per-period limits (cap, floor): Σ over the plan periods in `range` of each period's
   * active-days fraction, exact (one period's fraction unless a true-up), and how many periods.
   */
  readonly limits: { readonly num: bigint; readonly den: bigint; readonly periods: number };
  readonly trueUp: boolean;
  /** A plan decimal (rate, bound, amount) parsed once per plan version. */
  readonly dec: (text: string) => Fixed;
  /** The tiers of a tiered component in amounts (attainment bounds × the prorated quota), computed once. */
  readonly tiersOf: (c: Extract<PlanComponent, { kind: 'tiered' }>) => readonly AmountTier[];
  /**
   * The amount tiers a per-credit tiered component places each credit in, or `null` (not per credit, or zero quota).
   */
  readonly perCreditTiersOf: (cc: CompiledComponent) => readonly AmountTier[] | null;
  /** A value computed once per context (shared by every member the context serves). */
  readonly once: <T>(key: unknown, make: () => T) => T;
}

/**
 * The validated plan and its precomputed index. A plan from {@link definePlan} carries its
 * index (a non-enumerable symbol property), so this is a property read; any other plan object
 * is validated by `definePlan` again on every call.
 * @internal
 */
export function compiledPlan(plan: unknown): { readonly plan: Plan; readonly index: PlanIndex } {
  const own = planIndexOf(plan);
  if (own !== undefined) return { plan: plan as Plan, index: own };
  const defined = definePlan(plan as Plan);
  return { plan: defined, index: planIndexOf(defined) as PlanIndex };
}

/** The plan period containing `date`. @internal */
export function planPeriodOf(plan: Plan, date: string): Period {
  const fiscal = { fiscalYearStartMonth: plan.fiscalYearStartMonth };
  if (plan.periodLength === 'month') return monthOf(date);
  if (plan.periodLength === 'quarter') {
    const q = quarterOf(date, fiscal);
    return { start: q.start, end: q.end };
  }
  const q = quarterOf(date, fiscal);
  return fiscalYear(q.fiscalYear, fiscal);
}

/** A resolved context for a member on the plan for the whole evaluated range, and that range. */
interface PeriodEntry {
  /** The full range evaluated (the period, or the fiscal year to date for a true-up). */
  readonly full: Period;
  /** The context of a member active over all of `full`. */
  readonly ctx: ResolvedContext;
}

/** Most period contexts a defined plan keeps (then it starts again): far more than one run needs. */
const MEMO_SIZE = 256;

function memoKey(input: StatementContext): string | null {
  const p = input.period as unknown;
  const q = input.quota as unknown;
  if (typeof p !== 'object' || p === null || typeof q !== 'object' || q === null) return null;
  const { start, end } = p as { start?: unknown; end?: unknown };
  const { amount, currency } = q as { amount?: unknown; currency?: unknown };
  const asOf = input.asOf as unknown;
  if (typeof start !== 'string' || typeof end !== 'string' || typeof amount !== 'string') return null;
  if (typeof currency !== 'string' || (asOf !== undefined && typeof asOf !== 'string')) return null;
  // JSON keeps every field apart: an asOf of '' is not the absent asOf (that one is the period's end)
  return JSON.stringify([start, end, asOf ?? null, amount, currency, input.paidToDate !== undefined]);
}

function readMember(input: StatementContext): { start: string; end: string | undefined } {
  const member = input.member as unknown;
  if (typeof member !== 'object' || member === null || typeof (member as { id?: unknown }).id !== 'string')
    throw invalid('INVALID_INPUT', 'member', member, 'must be a member');
  const { startDate, endDate } = member as { startDate?: unknown; endDate?: unknown };
  assertIsoDate(startDate, 'member.startDate');
  if (endDate !== undefined) assertIsoDate(endDate, 'member.endDate');
  if (endDate !== undefined && (endDate as string) < (startDate as string))
    throw invalid('INVALID_INPUT', 'member.endDate', endDate, `must not be before member.startDate ${startDate}`);
  return { start: startDate as string, end: endDate as string | undefined };
}

/**
 * Resolves a statement's context, validating the plan, period, member dates and quota.
 *
 * What does not depend on the member (version, dates, quota, amount tiers) is resolved once per
 * plan version, period and quota and kept on the defined plan's compiled index (at most
 * {@link MEMO_SIZE} entries), so computing the statements of many members of one plan resolves
 * it once; a member active over the whole range reuses it as is. The results never depend on
 * what was kept. @internal
 */
export function resolveContext(input: StatementContext): ResolvedContext {
  readObject(input, 'context');
  const { plan, index } = compiledPlan(input.plan);
  const member = readMember(input);
  const key = memoKey(input);
  let entry = key === null ? undefined : (index.memo.get(key) as PeriodEntry | undefined);
  if (entry === undefined) {
    entry = resolvePeriod(plan, index, input);
    if (key !== null) {
      if (index.memo.size >= MEMO_SIZE) index.memo.clear();
      index.memo.set(key, entry);
    }
  }
  const { full, ctx } = entry;
  if (member.start <= full.start && (member.end === undefined || member.end >= full.end)) return ctx;
  const base = (ctx as ResolvedContext & { [BASE]: Base })[BASE];
  return prorated(base, full, { start: member.start, end: member.end ?? '9999-12-31' });
}

function resolvePeriod(plan: Plan, index: PlanIndex, input: StatementContext): PeriodEntry {
  const p = input.period as unknown;
  if (typeof p !== 'object' || p === null)
    throw invalid('INVALID_PERIOD', 'period', p, 'must be a period { start, end }');
  const { start, end } = p as { start?: unknown; end?: unknown };
  assertIsoDate(start, 'period.start');
  assertIsoDate(end, 'period.end');
  const expected = planPeriodOf(plan, start as string);
  if (expected.start !== start || expected.end !== end) {
    throw invalid(
      'INVALID_PERIOD',
      'period',
      p,
      `must be exactly one plan period, one ${plan.periodLength} of plan "${plan.id}" (e.g. ` +
        `${expected.start}..${expected.end}); a statement never covers part of a period or several (for the fiscal ` +
        `year to date, pass paidToDate for a true-up)`,
    );
  }
  const trueUp = input.paidToDate !== undefined;
  const fiscal = { fiscalYearStartMonth: plan.fiscalYearStartMonth };
  const full = period(
    trueUp ? fiscalYear(quarterOf(expected.start, fiscal).fiscalYear, fiscal).start : expected.start,
    expected.end,
  );
  const asOf = input.asOf === undefined ? expected.end : readAsOf(input.asOf).date;
  const version = planVersionAsOf(plan, asOf);
  const inForce = period(version.effectiveFrom, version.effectiveTo ?? '9999-12-31');
  const range = overlap(full, inForce);
  if (range === null)
    throw invalid(
      'INVALID_INPUT',
      'asOf',
      asOf,
      `picks version "${version.id}", which is not in force during ${full.start}..${full.end}`,
    );
  const q = readMoney(input.quota, 'quota');
  if (q.currency !== plan.currency)
    throw invalid('CURRENCY_MISMATCH', 'quota.currency', q.currency, `must be the plan currency ${plan.currency}`);
  if (q.fixed.int < 0n) throw invalid('INVALID_AMOUNT', 'quota.amount', input.quota.amount, 'must not be negative');
  const att = version.attainment;
  const vi = index.versions.get(version) as VersionIndex;
  const base: Base = {
    plan,
    version,
    vi,
    attainmentKinds: new Set(att?.kinds ?? REVENUE_KINDS),
    attainmentMeasure: att?.measure ?? 'bookings',
    digits: minorUnits(plan.currency),
    mode: plan.rounding,
    currency: plan.currency,
    range,
    inForce,
    period: overlap(expected, range) ?? expected,
    statementPeriod: expected,
    quota: q.fixed,
    trueUp,
  };
  return { full, ctx: prorated(base, full, { start: '0001-01-01', end: '9999-12-31' }) };
}

/** What a context holds before the member's proration. */
interface Base {
  readonly plan: Plan;
  readonly version: PlanVersion;
  readonly vi: VersionIndex;
  readonly attainmentKinds: ReadonlySet<CreditKind>;
  readonly attainmentMeasure: string;
  readonly digits: number;
  readonly mode: RoundingMode;
  readonly currency: string;
  readonly range: Period;
  readonly inForce: Period;
  readonly period: Period;
  readonly statementPeriod: Period;
  /** The quota before proration. */
  readonly quota: Fixed;
  readonly trueUp: boolean;
}

const BASE = Symbol('base');

/** The context of a member on the plan during `span`. */
function prorated(b: Base, full: Period, span: Period): ResolvedContext {
  const { version, plan } = b;
  // The days the member is on this plan version; proration counts them inclusive at both ends
  // (core's prorationFraction): over the full range, and over the statement period alone.
  const onPlan = overlap(span, b.inForce);
  const fraction = (whole: Period): Fraction => {
    if (version.proration === 'months') return monthFraction(version.prorate ? onPlan : whole, whole);
    const f =
      !version.prorate || onPlan === null
        ? { numerator: version.prorate ? 0 : daysInPeriod(whole), denominator: daysInPeriod(whole) }
        : prorationFraction(onPlan, whole);
    return { numerator: f.numerator, denominator: f.denominator, unit: 'days', offset: 0 };
  };
  const proration = fraction(full);
  const periodProration = b.trueUp ? fraction(b.statementPeriod) : proration;
  let limits = { num: BigInt(proration.numerator), den: BigInt(proration.denominator), periods: 1 };
  if (b.trueUp) {
    limits = { num: 0n, den: 1n, periods: 0 };
    for (let day = b.range.start; day <= b.range.end; ) {
      const one = planPeriodOf(plan, day);
      const f = fraction(one);
      limits = {
        num: limits.num * BigInt(f.denominator) + BigInt(f.numerator) * limits.den,
        den: limits.den * BigInt(f.denominator),
        periods: limits.periods + 1,
      };
      day = addDays(one.end, 1);
    }
  }
  const quota = scaleBy(b.quota, proration, b.currency, b.mode);
  const tiers = new Map<PlanComponent, readonly AmountTier[]>();
  const tiersOf = (c: Extract<PlanComponent, { kind: 'tiered' }>): readonly AmountTier[] => {
    let t = tiers.get(c);
    if (t === undefined) {
      t = amountTiers(c.tiers, c.basis, ctx.quota, b.vi.dec);
      tiers.set(c, t);
    }
    return t;
  };
  const kept = new Map<unknown, unknown>();
  const ctx: ResolvedContext & { [BASE]: Base } = {
    [BASE]: b,
    plan,
    version,
    components: b.vi.components,
    dec: b.vi.dec,
    attainmentKinds: b.attainmentKinds,
    attainmentMeasure: b.attainmentMeasure,
    digits: b.digits,
    mode: b.mode,
    currency: b.currency,
    range: b.range,
    proration,
    period: b.period,
    periodProration,
    quota: quota.int === 0n ? ZERO : quota,
    limits,
    trueUp: b.trueUp,
    tiersOf,
    once: <T>(key: unknown, make: () => T): T => {
      if (kept.has(key)) return kept.get(key) as T;
      const value = make();
      kept.set(key, value);
      return value;
    },
    perCreditTiersOf: (cc) => {
      const c = cc.c;
      if (c.kind !== 'tiered' || c.scope !== 'perCredit') return null;
      if (c.basis === 'attainment' && ctx.quota.int === 0n) return null; // pays nothing; see the statement
      return tiersOf(c);
    },
  };
  return ctx;
}

/**
 * Whole calendar months of `whole` that the member is on the plan every day of (`onPlan`), over
 * the months of `whole`; they are contiguous, `offset` months after the first. @internal
 */
export function monthFraction(onPlan: Period | null, whole: Period): Fraction {
  const months = monthsOf(whole);
  let first = -1;
  let count = 0;
  months.forEach((m, i) => {
    if (onPlan !== null && onPlan.start <= m.start && onPlan.end >= m.end) {
      if (first < 0) first = i;
      count++;
    }
  });
  return { numerator: count, denominator: months.length, unit: 'months', offset: first < 0 ? 0 : first };
}

/**
 * Scales a fixed plan amount (quota, bonus, cap, floor, draw) by the proration fraction with
 * core's `prorate`, rounded to the minor unit by the plan's mode; unchanged when not prorated.
 * By days: `round(amount × active / days)`, rounded once. By months, cumulatively:
 * `round(amount × (offset + months) / n) − round(amount × offset / n)` — the amount through the
 * last month counted minus the amount through the month before the first — so the months of a
 * period, prorated one by one (or in any contiguous pieces), add up exactly to the amount.
 * @internal
 */
export function prorateAmount(ctx: ResolvedContext, amount: Fixed, per: 'range' | 'period' = 'range'): Fixed {
  return scaleBy(amount, per === 'range' ? ctx.proration : ctx.periodProration, ctx.currency, ctx.mode);
}

/**
 * A per-period limit (cap, floor) for the statement's range: `amount × Σ active fraction of each
 * plan period in the range`, rounded once to the minor unit by the plan's mode — in a true-up
 * the limits of the periods to date add up. @internal
 */
export function limitAmount(ctx: ResolvedContext, amount: Fixed): Fixed {
  const { num, den } = ctx.limits;
  if (num === den) return amount;
  if (!ctx.trueUp) return scaleBy(amount, ctx.proration, ctx.currency, ctx.mode);
  return roundRationalTo({ num: amount.int * num, den: den * pow10(amount.scale) }, ctx.digits, ctx.mode);
}

/** How {@link limitAmount} scaled a plan amount, as data for the explanation. @internal */
export function limitDetail(ctx: ResolvedContext, perPeriod: string): LimitDetail {
  const { num, den, periods } = ctx.limits;
  return {
    perPeriod: fromFixed(ctx.dec(perPeriod), ctx.currency).amount,
    per: ctx.plan.periodLength,
    periods: ctx.trueUp ? periods : null,
    prorated: ctx.trueUp ? num !== den * BigInt(periods) : num !== den,
  };
}

function scaleBy(amount: Fixed, f: Fraction, currency: string, mode: RoundingMode): Fixed {
  if (f.numerator === f.denominator) return amount;
  const through = (months: number): Fixed =>
    parseFixed(prorate(fromFixed(amount, currency), months, f.denominator, mode).amount);
  if (f.unit === 'days' || f.offset === 0) return through(f.numerator);
  return subFixed(through(f.offset + f.numerator), through(f.offset));
}
