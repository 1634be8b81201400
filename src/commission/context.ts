/**
 * Resolving a statement's context: the validated plan, the version in force, the dates
 * evaluated, proration by days and the prorated quota.
 * @module
 * @internal
 */
import { invalid } from '../core/errors.js';
import { minorUnits } from '../core/currency.js';
import { assertIsoDate } from '../core/dates.js';
import { fiscalYear, monthOf, quarterOf, type Period } from '../core/periods.js';
import { readMoney } from '../core/money.js';
import type { RoundingMode } from '../core/rounding.js';
import type { CreditKind } from '../model/credit.js';
import type { CreditFilter, Plan, PlanComponent, PlanVersion } from '../model/plan.js';
import { definePlan, planVersionAsOf } from './define-plan.js';
import { dayNumber, fixedToString, multiplyFixed, parseFixed, type Fixed, roundRationalTo, ZERO } from './exact.js';
import type { StatementContext } from './types.js';

/** A component with its selectors resolved. @internal */
export interface CompiledComponent {
  readonly c: PlanComponent;
  readonly kinds: ReadonlySet<CreditKind>;
  readonly measure: string | null;
  readonly filter: CreditFilter | undefined;
  readonly multipliers: readonly { readonly id: string; readonly factor: Fixed; readonly when: CreditFilter }[];
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
  readonly proration: { readonly numerator: number; readonly denominator: number };
  /** The statement period within the version's dates (equals `range` unless it is a true-up). */
  readonly period: Period;
  /** Proration of the period alone (for per-period amounts such as draws; equals `proration` unless a true-up). */
  readonly periodProration: { readonly numerator: number; readonly denominator: number };
  /** Prorated quota (rounded to the minor unit when prorated). */
  readonly quota: Fixed;
  readonly trueUp: boolean;
  /** A plan decimal (rate, bound, amount) parsed once per plan version. */
  readonly dec: (text: string) => Fixed;
  /** A plan rate as text, `"0.06 (6%)"`, formatted once per plan version. */
  readonly pct: (text: string) => string;
}

interface VersionMemo {
  readonly components: readonly CompiledComponent[];
  readonly dec: (text: string) => Fixed;
  readonly pct: (text: string) => string;
}

/** Per plan version: compiled components and parsed decimals (plans are immutable; results never depend on the memo). */
const versionMemos = new WeakMap<object, VersionMemo>();
/** Per plan: the plan period starting on a date. */
const periodMemos = new WeakMap<object, Map<string, Period>>();

function memoOf(version: PlanVersion): VersionMemo {
  let m = versionMemos.get(version);
  if (m === undefined) {
    const decs = new Map<string, Fixed>();
    const pcts = new Map<string, string>();
    const dec = (text: string): Fixed => {
      let f = decs.get(text);
      if (f === undefined) {
        f = parseFixed(text);
        decs.set(text, f);
      }
      return f;
    };
    const pct = (text: string): string => {
      let t = pcts.get(text);
      if (t === undefined) {
        t = `${fixedToString(dec(text))} (${fixedToString(multiplyFixed(dec(text), { int: 100n, scale: 0 }))}%)`;
        pcts.set(text, t);
      }
      return t;
    };
    m = { components: version.components.map(compile), dec, pct };
    versionMemos.set(version, m);
  }
  return m;
}

const REVENUE_KINDS: readonly CreditKind[] = ['owner', 'split', 'overlay'];
const ALL_KINDS: readonly CreditKind[] = ['owner', 'split', 'overlay', 'source', 'rollup'];

const definedPlans = new WeakMap<object, Plan>();

/**
 * The validated form of a plan, memoised per plan object (plans are treated as immutable; the
 * memo never changes a result, it only skips re-validation for the next member).
 * @internal
 */
export function validatedPlan(plan: object): Plan {
  let p = definedPlans.get(plan);
  if (p === undefined) {
    p = definePlan(plan as Plan);
    definedPlans.set(plan, p);
    definedPlans.set(p, p);
  }
  return p;
}

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

/** Resolves a statement's context, validating the plan, period, member dates and quota. @internal */
export function resolveContext(input: StatementContext): ResolvedContext {
  const plan = validatedPlan(input.plan as object);
  const { period } = input;
  if (typeof period !== 'object' || period === null) throw invalid('INVALID_PERIOD', 'period', period, 'must be a period { start, end }');
  let periods = periodMemos.get(plan);
  if (periods === undefined) {
    periods = new Map();
    periodMemos.set(plan, periods);
  }
  const start = typeof period.start === 'string' ? period.start : '';
  let expected = periods.get(start);
  if (expected === undefined) {
    expected = planPeriodOf(plan, period.start);
    periods.set(start, expected);
  }
  if (expected.start !== period.start || expected.end !== period.end) {
    throw invalid('INVALID_PERIOD', 'period', period, `must be one ${plan.periodLength} of plan "${plan.id}" (e.g. ${expected.start}..${expected.end})`);
  }
  const trueUp = input.paidToDate !== undefined;
  const fiscal = { fiscalYearStartMonth: plan.fiscalYearStartMonth };
  const fullStart = trueUp ? fiscalYear(quarterOf(period.start, fiscal).fiscalYear, fiscal).start : period.start;
  const full: Period = { start: fullStart, end: period.end };
  const asOf = input.asOf ?? period.end;
  const version = planVersionAsOf(plan, asOf);
  const range = meet(full, { start: version.effectiveFrom, end: version.effectiveTo ?? '9999-12-31' });
  if (range === null) throw invalid('INVALID_INPUT', 'asOf', asOf, `picks version "${version.id}", which is not in force during ${full.start}..${full.end}`);
  const member = input.member;
  if (typeof member !== 'object' || member === null || typeof member.id !== 'string') throw invalid('INVALID_INPUT', 'member', member, 'must be a member');
  assertIsoDate(member.startDate, 'member.startDate');
  if (member.endDate !== undefined) assertIsoDate(member.endDate, 'member.endDate');
  const active = meet(range, { start: member.startDate, end: member.endDate ?? '9999-12-31' });
  // Days inclusive at both ends, as core's prorationFraction counts them (tests check they agree).
  const denominator = dayNumber(full.end) - dayNumber(full.start) + 1;
  const numerator = version.prorate ? (active === null ? 0 : dayNumber(active.end) - dayNumber(active.start) + 1) : denominator;
  const periodRange = meet(period, range) ?? period;
  const periodActive = meet(periodRange, { start: member.startDate, end: member.endDate ?? '9999-12-31' });
  const periodDays = dayNumber(period.end) - dayNumber(period.start) + 1;
  const periodProration = trueUp
    ? { numerator: version.prorate ? (periodActive === null || meet(period, range) === null ? 0 : dayNumber(periodActive.end) - dayNumber(periodActive.start) + 1) : periodDays, denominator: periodDays }
    : { numerator, denominator };
  const q = readMoney(input.quota, 'quota');
  if (q.currency !== plan.currency) throw invalid('CURRENCY_MISMATCH', 'quota.currency', q.currency, `must be the plan currency ${plan.currency}`);
  if (q.fixed.int < 0n) throw invalid('INVALID_AMOUNT', 'quota.amount', input.quota.amount, 'must not be negative');
  const digits = minorUnits(plan.currency);
  const mode = plan.rounding;
  const quota = scaleBy(q.fixed, numerator, denominator, digits, mode);
  const att = version.attainment;
  const memo = memoOf(version);
  return {
    plan,
    version,
    components: memo.components,
    dec: memo.dec,
    pct: memo.pct,
    attainmentKinds: new Set(att?.kinds ?? REVENUE_KINDS),
    attainmentMeasure: att?.measure ?? 'bookings',
    digits,
    mode,
    currency: plan.currency,
    range,
    proration: { numerator, denominator },
    period: periodRange,
    periodProration,
    quota: quota.int === 0n ? ZERO : quota,
    trueUp,
  };
}

/** The days two valid periods share, or null (string comparison of ISO dates). */
function meet(a: Period, b: Period): Period | null {
  const start = a.start > b.start ? a.start : b.start;
  const end = a.end < b.end ? a.end : b.end;
  return start <= end ? { start, end } : null;
}

/** Scales a fixed plan amount (bonus, cap, floor, draw) by the proration fraction, rounded to the minor unit. @internal */
export function prorateAmount(ctx: ResolvedContext, amount: Fixed, per: 'range' | 'period' = 'range'): Fixed {
  const p = per === 'range' ? ctx.proration : ctx.periodProration;
  return scaleBy(amount, p.numerator, p.denominator, ctx.digits, ctx.mode);
}

function scaleBy(amount: Fixed, numerator: number, denominator: number, digits: number, mode: RoundingMode): Fixed {
  if (numerator === denominator) return amount;
  return roundRationalTo({ num: amount.int * BigInt(numerator), den: BigInt(denominator) * 10n ** BigInt(amount.scale) }, digits, mode);
}
