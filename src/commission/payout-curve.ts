/**
 * Payout against attainment, for what-if modelling and plots.
 * @module
 */
import { invalid } from '../core/errors.js';
import type { DecimalInput } from '../core/fixed.js';
import { fromFixed, readMoney, type Money } from '../core/money.js';
import { assertIsoDate, type IsoDate } from '../core/dates.js';
import { LIMITS, readArray, readFailure } from '../core/read.js';
import type { Credit } from '../model/credit.js';
import type { Member } from '../model/member.js';
import type { Plan, PlanInput } from '../model/plan.js';
import { compiledPlan, planPeriodOf } from './context.js';
import { planVersionAsOf } from './define-plan.js';
import { fixedToString, multiplyFixed, parseFixed, ZERO } from './exact.js';
import { calculateStatement } from './statement.js';

/** Options of {@link payoutCurve}. */
export interface PayoutCurveOptions {
  /** The quota attainment is measured against (required). */
  readonly quota: Money;
  /** The date whose plan version and period are modelled; default the latest version's `effectiveFrom`. */
  readonly asOf?: IsoDate;
}

/** One point of a payout curve. */
export interface PayoutPoint {
  /** The attainment as an exact decimal string (a fraction: `'1.2'` for 120%), whether given as a number or text. */
  readonly attainment: string;
  /** Credited amount modelled: `attainment × quota`, exact. */
  readonly credited: Money;
  /** Earned for the period (the sum of component lines: no draws, clawbacks or adjustments). */
  readonly payout: Money;
}

/**
 * Earnings of a plan as a function of attainment: for each attainment `a`, the `earned`
 * amount of a full-period statement whose only credit is `a × quota` (an owner credit in the
 * plan's attainment measure). Components that need other credits (perUnit, spiff, override)
 * earn nothing here; a gate judged to date (`gateOn: 'toDate'`) is judged as if the period were
 * the whole span (nothing carried in, the same quota). Attainments are exact decimals, so a point
 * exactly on a tier bound is
 * decided by the plan's boundary rule.
 *
 * @param plan - the plan (JSON or from `definePlan`).
 * @param attainments - fractions (1 = 100 %), numbers or decimal strings; at most `LIMITS.curvePoints` (100,000).
 * @param options - `quota` (required), `asOf`.
 * @returns one point per attainment, in input order.
 * @throws {RevopsError} `INVALID_PLAN` for a contradictory plan; `INVALID_AMOUNT` for an
 *   attainment that is not a finite decimal; `INVALID_RATE` for a negative attainment;
 *   `INVALID_INPUT` for attainments that are not an array or more than `LIMITS.curvePoints`
 *   (100,000) of them.
 * @example
 * ```ts
 * import { payoutCurve } from 'revops/commission';
 * const plan = { id: 'acc', currency: 'USD', periodLength: 'quarter', versions: [{ id: 'v',
 *   effectiveFrom: '2026-01-01', components: [
 *   { id: 'c', kind: 'tiered', basis: 'attainment', split: 'marginal', scope: 'periodToDate', boundary: 'higher',
 *     tiers: [{ from: 0, to: 1, rate: 0.1 }, { from: 1, rate: 0.2 }] }] }] };
 * payoutCurve(plan, [0.5, 1, 1.5], { quota: { amount: '100000', currency: 'USD' } }).map((p) => p.payout.amount);
 * //=> ['5000.00', '10000.00', '20000.00']
 * ```
 */
export function payoutCurve(
  plan: Plan | PlanInput,
  attainments: readonly DecimalInput[],
  options: PayoutCurveOptions,
): PayoutPoint[] {
  try {
    const p = compiledPlan(plan).plan;
    const points = readArray(attainments, 'attainments');
    if (points.length > LIMITS.curvePoints) {
      const why = `must have at most ${LIMITS.curvePoints} points (LIMITS.curvePoints)`;
      throw invalid('INVALID_INPUT', 'attainments.length', points.length, why);
    }
    if (typeof options !== 'object' || options === null)
      throw invalid('INVALID_INPUT', 'options.quota', undefined, 'is required');
    // read once: a Set, a cyclic object or a getter answers here, named, never deep inside a statement
    const { fixed: quota, currency: quotaCurrency } = readMoney(options.quota, 'options.quota');
    if (quotaCurrency !== p.currency)
      throw invalid(
        'CURRENCY_MISMATCH',
        'options.quota.currency',
        quotaCurrency,
        `must be the plan currency ${p.currency}`,
      );
    const quotaMoney = fromFixed(quota, p.currency);
    if (options.asOf !== undefined) assertIsoDate(options.asOf, 'options.asOf');
    const latest = p.versions.reduce(
      (a, v) => (v.effectiveFrom > a ? v.effectiveFrom : a),
      (p.versions[0] as { effectiveFrom: string }).effectiveFrom,
    );
    const asOf = options.asOf ?? latest;
    const version = planVersionAsOf(p, asOf);
    const period = planPeriodOf(p, asOf);
    const member: Member = {
      id: '__curve',
      name: 'payout curve',
      roleId: 'model',
      startDate: '0001-01-01',
      territoryIds: [],
    };
    const measure = (version.attainment?.measure ?? 'bookings') as Credit['measure'];
    const kind = version.attainment?.kinds?.[0] ?? 'owner';
    return points.map((a, i) => {
      const f = parseFixed(a as DecimalInput, `attainments[${i}]`);
      if (f.int < 0n) throw invalid('INVALID_RATE', `attainments[${i}]`, a, 'must not be negative');
      const credited = fromFixed(multiplyFixed(f, quota), p.currency);
      const credit: Credit = {
        id: 'curve',
        dealId: 'curve',
        memberId: member.id,
        kind,
        amount: credited,
        date: asOf,
        measure,
      };
      // a gate judged to date is judged as if the period were the whole span: nothing carried in, the same quota
      const toDate = version.components.some((c) => c.gateOn === 'toDate')
        ? { attainmentToDate: { carriedIn: fromFixed(ZERO, p.currency), quota: quotaMoney } }
        : {};
      const s = calculateStatement({ plan: p, member, period, quota: quotaMoney, credits: [credit], asOf, ...toDate });
      return { attainment: fixedToString(f), credited, payout: s.earned };
    });
  } catch (thrown) {
    throw readFailure(thrown, { plan, attainments, options });
  }
}
