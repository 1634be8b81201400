/**
 * Resolving a statement's context: the validated plan, the version in force, the dates
 * evaluated, proration by days and the prorated quota.
 * @module
 * @internal
 */
import { invalid } from '../core/errors.js';
import { minorUnits } from '../core/currency.js';
import { addDays, assertIsoDate } from '../core/dates.js';
import { prorate } from '../core/divide.js';
import {
  daysInPeriod,
  fiscalYear,
  monthOf,
  overlap,
  period,
  prorationFraction,
  quarterOf,
  type Period,
} from '../core/periods.js';
import { fromFixed, readMoney } from '../core/money.js';
import type { RoundingMode } from '../core/rounding.js';
import type { CreditKind } from '../model/credit.js';
import type { Plan, PlanVersion } from '../model/plan.js';
import { definePlan, planVersionAsOf } from './define-plan.js';
import { parseFixed, pow10, roundRationalTo, type Fixed, ZERO } from './exact.js';
import { planIndexOf, REVENUE_KINDS, type CompiledComponent, type PlanIndex, type VersionIndex } from './plan-index.js';
import type { StatementContext } from './types.js';

export type { CompiledComponent };

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
  /**
   * For per-period limits (cap, floor): Σ over the plan periods in `range` of each period's
   * active-days fraction, exact (one period's fraction unless a true-up), and how many periods.
   */
  readonly limits: { readonly num: bigint; readonly den: bigint; readonly periods: number };
  readonly trueUp: boolean;
  /** A plan decimal (rate, bound, amount) parsed once per plan version. */
  readonly dec: (text: string) => Fixed;
  /** A plan rate as text, `"0.06 (6%)"`, formatted once per plan version. */
  readonly pct: (text: string) => string;
}

/**
 * The validated plan and its precomputed index. A plan from {@link definePlan} carries its
 * index (a non-enumerable symbol property), so this is a property read; any other plan object
 * is validated by `definePlan` again on every call (no module-level cache: define the plan
 * once and pass the result when computing many statements).
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

/** Resolves a statement's context, validating the plan, period, member dates and quota. @internal */
export function resolveContext(input: StatementContext): ResolvedContext {
  const { plan, index } = compiledPlan(input.plan);
  const { period: p } = input;
  if (typeof p !== 'object' || p === null)
    throw invalid('INVALID_PERIOD', 'period', p, 'must be a period { start, end }');
  assertIsoDate(p.start, 'period.start');
  assertIsoDate(p.end, 'period.end');
  const expected = planPeriodOf(plan, p.start);
  if (expected.start !== p.start || expected.end !== p.end) {
    throw invalid(
      'INVALID_PERIOD',
      'period',
      p,
      `must be exactly one plan period, one ${plan.periodLength} of plan "${plan.id}" (e.g. ${expected.start}..${expected.end}); a statement never covers part of a period or several (for the fiscal year to date, pass paidToDate for a true-up)`,
    );
  }
  const trueUp = input.paidToDate !== undefined;
  const fiscal = { fiscalYearStartMonth: plan.fiscalYearStartMonth };
  const full = period(trueUp ? fiscalYear(quarterOf(p.start, fiscal).fiscalYear, fiscal).start : p.start, p.end);
  const asOf = input.asOf ?? p.end;
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
  const member = input.member;
  if (typeof member !== 'object' || member === null || typeof member.id !== 'string')
    throw invalid('INVALID_INPUT', 'member', member, 'must be a member');
  assertIsoDate(member.startDate, 'member.startDate');
  if (member.endDate !== undefined) assertIsoDate(member.endDate, 'member.endDate');
  if (member.endDate !== undefined && member.endDate < member.startDate)
    throw invalid(
      'INVALID_INPUT',
      'member.endDate',
      member.endDate,
      `must not be before member.startDate ${member.startDate}`,
    );
  // The days the member is on this plan version; proration counts them inclusive at both ends
  // (core's prorationFraction): over the full range, and over the statement period alone.
  const onPlan = overlap(period(member.startDate, member.endDate ?? '9999-12-31'), inForce);
  const fraction = (whole: Period): Fraction => {
    const f =
      !version.prorate || onPlan === null
        ? { numerator: version.prorate ? 0 : daysInPeriod(whole), denominator: daysInPeriod(whole) }
        : prorationFraction(onPlan, whole);
    return { numerator: f.numerator, denominator: f.denominator };
  };
  const proration = fraction(full);
  const periodProration = trueUp ? fraction(p) : proration;
  let limits = { num: BigInt(proration.numerator), den: BigInt(proration.denominator), periods: 1 };
  if (trueUp) {
    limits = { num: 0n, den: 1n, periods: 0 };
    for (let day = range.start; day <= range.end; ) {
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
  const q = readMoney(input.quota, 'quota');
  if (q.currency !== plan.currency)
    throw invalid('CURRENCY_MISMATCH', 'quota.currency', q.currency, `must be the plan currency ${plan.currency}`);
  if (q.fixed.int < 0n) throw invalid('INVALID_AMOUNT', 'quota.amount', input.quota.amount, 'must not be negative');
  const digits = minorUnits(plan.currency);
  const mode = plan.rounding;
  const quota = scaleBy(q.fixed, proration, plan.currency, mode);
  const att = version.attainment;
  const vi = index.versions.get(version) as VersionIndex;
  return {
    plan,
    version,
    components: vi.components,
    dec: vi.dec,
    pct: vi.pct,
    attainmentKinds: new Set(att?.kinds ?? REVENUE_KINDS),
    attainmentMeasure: att?.measure ?? 'bookings',
    digits,
    mode,
    currency: plan.currency,
    range,
    proration,
    period: overlap(p, range) ?? p,
    periodProration,
    quota: quota.int === 0n ? ZERO : quota,
    limits,
    trueUp,
  };
}

interface Fraction {
  readonly numerator: number;
  readonly denominator: number;
}

/**
 * Scales a fixed plan amount (bonus, cap, floor, draw) by the proration fraction with core's
 * `prorate` (rounded once to the minor unit by the plan's mode); unchanged when not prorated.
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
  return roundRationalTo({ num: amount.int * num, den: den * pow10(amount.scale) }, ctx.digits, ctx.mode);
}

function scaleBy(amount: Fixed, f: Fraction, currency: string, mode: RoundingMode): Fixed {
  if (f.numerator === f.denominator) return amount;
  return parseFixed(prorate(fromFixed(amount, currency), f.numerator, f.denominator, mode).amount);
}
