/**
 * How big the team must be: the reps to hire month by month so that the team's capacity meets
 * a bookings target, given ramp-up, attainment, attrition and the time it takes to hire.
 * @module
 */
import { minorUnits } from '../core/currency.js';
import { invalid } from '../core/errors.js';
import { fromMinorUnits } from '../core/money-arithmetic.js';
import { readMoney, type Money } from '../core/money.js';
import { plainArray, readFraction, readInteger, readNumber, readFailure } from '../core/read.js';

/** Inputs of {@link capacityPlan}. */
export interface CapacityPlanInputs {
  /** Bookings to reach in each month of the plan (one amount per month), or one amount for every month. */
  readonly target: Money | readonly Money[];
  /** Months in the plan when `target` is one amount (1 … 600). Default 12. */
  readonly months?: number;
  /** A fully ramped rep's quota per month. */
  readonly quota: Money;
  /** The share of quota a fully ramped rep attains on average (0.8 for 80 %). */
  readonly attainment: number;
  /**
   * Productivity by month since start, as a fraction of a ramped rep: `[0, 0.25, 0.5, 0.75]`
   * means nothing in the first month, a quarter in the second, …, and full productivity from the
   * fifth month on. Each value in [0, 1]. Default `[]` (productive from day one).
   */
  readonly ramp?: readonly number[];
  /** Probability that a rep leaves in a month (expected-value heads: 0.02 keeps 98 % each month). Default 0. */
  readonly attrition?: number;
  /** Months from opening a requisition to the hire's first month; reqs open from month 1. Default 0. */
  readonly hiringLeadTime?: number;
  /**
   * Fully ramped reps at the start (a count), or reps by months of tenure (`[2, 0, 1]`: two new,
   * one in their third month).
   */
  readonly startingTeam: number | readonly number[];
  /** With `opportunitiesPerWin` and `opportunitiesPerSdr`: the SDRs the plan implies. */
  readonly sdr?: {
    /** Opportunities one SDR sources per month. */
    readonly opportunitiesPerSdr: number;
    /** Opportunities needed per won deal (1 ÷ win rate, e.g. a reverse funnel's `opportunities ÷ wins`). */
    readonly opportunitiesPerWin: number;
    /** Average deal size, to turn bookings into wins. */
    readonly averageDealSize: Money;
  };
}

/** One month of the plan. */
export interface CapacityMonth {
  /** 1-based month of the plan. */
  readonly month: number;
  /** The target of this month. */
  readonly target: Money;
  /** Requisitions to open this month (they start `hiringLeadTime` months later). */
  readonly reqsOpened: number;
  /** New reps starting this month. */
  readonly starts: number;
  /** Expected heads this month (fractional: expected-value attrition). */
  readonly headcount: number;
  /** Ramped-rep equivalents: heads weighted by their ramp productivity. */
  readonly rampedReps: number;
  /** Expected bookings: rampedReps × quota × attainment, rounded to the minor unit. */
  readonly capacity: Money;
  /** Whether the expected bookings reach the target. */
  readonly meetsTarget: boolean;
  /** SDRs needed for this month's target, when `sdr` is given. */
  readonly sdrs?: number;
}

/** The answer of {@link capacityPlan}. */
export interface CapacityPlan {
  /** Every month. */
  readonly months: readonly CapacityMonth[];
  /** Reps hired over the plan. */
  readonly hires: number;
  /** Expected bookings of the plan: the sum of the months' capacity. */
  readonly expectedBookings: Money;
  /** Whether every month meets its target. */
  readonly reachesTarget: boolean;
  /** The months that cannot meet their target however many are hired (hires could not be productive in time). */
  readonly unreachableMonths: readonly number[];
  /** SDRs per ramped AE implied by the funnel (steady state, last month), when `sdr` is given. */
  readonly sdrToAeRatio?: number;
}

/** Most reps one month may need to hire; a month that would need more is unreachable. */
const MAX_HIRES = 1_000_000;

/** Tolerance for comparing ramped-rep equivalents (floating-point sums). */
const EPS = 1e-9;

/**
 * Plans the hiring that lets a sales team's capacity meet a monthly bookings target.
 *
 * The model is the bookings-capacity model of Dave Kellogg ("How to Make and Use a Proper Sales
 * Bookings Productivity and Quota Capacity Model", Kellblog, 2020,
 * https://kellblog.com/2020/02/15/how-to-make-and-use-a-proper-sales-bookings-productivity-and-quota-capacity-model/)
 * and Insight Partners' monthly rep-by-rep model (https://www.insightpartners.com/ideas/capacity-planning-for-sales/):
 * in month m, a cohort of h reps that started in month s (age a = m − s) counts
 * h · (1 − attrition)^a heads and h · (1 − attrition)^a · ramp[a] ramped-rep equivalents (RRE;
 * ramp[a] = 1 past the ramp); the starting team ages from month 1 the same way. Capacity is
 * RRE × quota × attainment, and month m needs RRE ≥ target ÷ (quota × attainment).
 *
 * Hiring is planned month by month, earliest month first: when a month falls short, the
 * missing RRE is hired in the start month s (from 1 + hiringLeadTime, at most m) where one hire
 * contributes most to month m, the latest such month on a tie, and rounded up to whole reps;
 * their requisitions open `hiringLeadTime` months earlier. Hires only add capacity, so a month
 * once met stays met. A month that no start month can reach (before the first possible start,
 * or when the ramp gives nothing in time, or more than 1,000,000 hires in one month) is listed in
 * `unreachableMonths`.
 *
 * @param inputs - target, quota, attainment, ramp, attrition, hiring lead time, starting team.
 * @returns the plan month by month, the hires and the expected bookings.
 * @throws {RevopsError} `INVALID_AMOUNT` for a negative target or a quota that is not
 *   positive, or a target or quota so large (`1e999`) that the plan's minor units pass 1.8e308;
 *   `CURRENCY_MISMATCH`; `INVALID_RATE` for an attainment, ramp value or attrition out of range;
 *   `INVALID_COUNT` / `INVALID_OPTION` for counts and sizes.
 * @example
 * ```ts
 * import { capacityPlan } from 'revops/planning';
 * const usd = (amount: string) => ({ amount, currency: 'USD' });
 * // 12 reps' worth of bookings a month (12 × 50,000 × 80 %) from a team of 10 ramped reps
 * const plan = capacityPlan({ target: usd('480000.00'), months: 6, quota: usd('50000.00'), attainment: 0.8,
 *   ramp: [0, 0.5], startingTeam: 10 });
 * plan.months.map((m) => m.starts);
 * //=> [4, 0, 0, 0, 0, 0]
 * plan.unreachableMonths;
 * //=> [1]
 * plan.months[2]?.capacity.amount;
 * //=> '560000.00'
 * ```
 */
export function capacityPlan(inputs: CapacityPlanInputs): CapacityPlan {
  try {
    if (typeof inputs !== 'object' || inputs === null) {
      throw invalid('INVALID_INPUT', 'inputs', inputs, 'must be an object');
    }
    const quota = readMoney(inputs.quota, 'inputs.quota');
    const currency = quota.currency;
    const digits = minorUnits(currency);
    const quotaAmount = Number(inputs.quota.amount);
    if (!(quotaAmount > 0))
      throw invalid('INVALID_AMOUNT', 'inputs.quota.amount', inputs.quota.amount, 'must be positive');
    const scale = 10 ** digits;
    if (!Number.isFinite(quotaAmount * 10 * scale))
      throw invalid('INVALID_AMOUNT', 'inputs.quota.amount', inputs.quota.amount, TOO_LARGE);
    const targets = readTargets(inputs, currency, scale);
    const months = targets.length;
    const attainment = readNumber(inputs.attainment, 'inputs.attainment', {
      min: 0,
      max: 10,
      exclusiveMin: true,
      code: 'INVALID_RATE',
    });
    const rampInput: unknown = inputs.ramp ?? [];
    if (!Array.isArray(rampInput) || rampInput.length > 600) {
      throw invalid('INVALID_INPUT', 'inputs.ramp', inputs.ramp, 'must be an array of at most 600 fractions');
    }
    const rampList = plainArray(rampInput);
    const ramp: number[] = [];
    for (let i = 0; i < rampList.length; i++) ramp.push(readFraction(rampList[i], `inputs.ramp[${i}]`));
    const attrition = readNumber(inputs.attrition ?? 0, 'inputs.attrition', { min: 0, max: 1, code: 'INVALID_RATE' });
    if (attrition >= 1) throw invalid('INVALID_RATE', 'inputs.attrition', attrition, 'must be below 1');
    const lead = readInteger(inputs.hiringLeadTime ?? 0, 'inputs.hiringLeadTime', { max: 120, code: 'INVALID_OPTION' });
    const startTenure = readStartingTeam(inputs.startingTeam);
    const keep = 1 - attrition;
    const productivity = (age: number): number => (age < ramp.length ? (ramp[age] as number) : 1);
    const perRep = quotaAmount * attainment;

    // Heads and RRE of month m (1-based) from the starting team and the starts so far.
    const starts = new Array<number>(months + 1).fill(0);
    const teamAt = (m: number): { heads: number; rre: number } => {
      let heads = 0;
      let rre = 0;
      startTenure.forEach((count, tenure) => {
        if (count === 0) return;
        const h = count * keep ** (m - 1);
        heads += h;
        rre += h * productivity(tenure + m - 1);
      });
      for (let s = 1; s <= m; s++) {
        if (starts[s] === 0) continue;
        const h = (starts[s] as number) * keep ** (m - s);
        heads += h;
        rre += h * productivity(m - s);
      }
      return { heads, rre };
    };

    const unreachable: number[] = [];
    const first = 1 + lead;
    for (let m = 1; m <= months; m++) {
      const needed = (targets[m - 1] as number) / perRep;
      const have = teamAt(m).rre;
      if (have + EPS >= needed) continue;
      let best = 0;
      let bestStart = -1;
      for (let s = first; s <= m; s++) {
        const c = keep ** (m - s) * productivity(m - s);
        if (c >= best - EPS && c > 0) {
          best = c;
          bestStart = s;
        }
      }
      const hires = bestStart < 0 ? Number.POSITIVE_INFINITY : Math.ceil((needed - have) / best - EPS);
      if (hires > MAX_HIRES) {
        unreachable.push(m);
        continue;
      }
      starts[bestStart] = (starts[bestStart] as number) + hires;
    }

    // a plan counts in numbers (estimates): minor units past 2^53 are formatted from the double's integer value
    const moneyOfMinor = (n: number): Money => {
      if (!Number.isFinite(n)) throw invalid('INVALID_AMOUNT', 'inputs.quota.amount', inputs.quota.amount, TOO_LARGE);
      return fromMinorUnits(Number.isSafeInteger(n) ? n : BigInt(n), currency);
    };
    const out: CapacityMonth[] = [];
    let total = 0;
    for (let m = 1; m <= months; m++) {
      const { heads, rre } = teamAt(m);
      const capacityMinor = Math.round(rre * perRep * scale);
      const targetMinor = Math.round((targets[m - 1] as number) * scale);
      total += capacityMinor;
      const month: CapacityMonth = {
        month: m,
        target: moneyOfMinor(targetMinor),
        reqsOpened: m + lead <= months ? (starts[m + lead] as number) : 0,
        starts: starts[m] as number,
        headcount: heads,
        rampedReps: rre,
        capacity: moneyOfMinor(capacityMinor),
        meetsTarget: rre * perRep + EPS * perRep >= (targets[m - 1] as number),
      };
      out.push(
        inputs.sdr === undefined ? month : { ...month, sdrs: sdrsFor(inputs.sdr, targets[m - 1] as number, currency) },
      );
    }
    // Requisitions for starts in months 1 … lead would have been opened before the plan: month 1 carries them.
    const early = starts.slice(1, first).reduce((a, b) => a + b, 0);
    if (early > 0 && out.length > 0)
      out[0] = { ...(out[0] as CapacityMonth), reqsOpened: (out[0] as CapacityMonth).reqsOpened + early };
    const result: CapacityPlan = {
      months: out,
      hires: starts.reduce((a, b) => a + b, 0),
      expectedBookings: moneyOfMinor(total),
      reachesTarget: out.every((m) => m.meetsTarget),
      unreachableMonths: unreachable,
    };
    if (inputs.sdr === undefined || out.length === 0) return result;
    const last = out[out.length - 1] as CapacityMonth;
    return { ...result, sdrToAeRatio: last.rampedReps === 0 ? 0 : (last.sdrs as number) / last.rampedReps };
  } catch (thrown) {
    throw readFailure(thrown, { inputs });
  }
}

const TOO_LARGE = 'is too large for a capacity plan (its amounts in minor units must stay below 1.8e308)';

function readTargets(inputs: CapacityPlanInputs, currency: string, scale: number): number[] {
  const one = (value: unknown, field: string): number => {
    const m = readMoney(value, field);
    if (m.currency !== currency)
      throw invalid('CURRENCY_MISMATCH', `${field}.currency`, m.currency, `must be ${currency}`);
    const amount = Number((value as Money).amount);
    if (amount < 0) throw invalid('INVALID_AMOUNT', `${field}.amount`, (value as Money).amount, 'must not be negative');
    if (!Number.isFinite(amount * scale))
      throw invalid('INVALID_AMOUNT', `${field}.amount`, (value as Money).amount, TOO_LARGE);
    return amount;
  };
  if (Array.isArray(inputs.target)) {
    readInteger(inputs.target.length, 'inputs.target.length', { min: 1, max: 600, code: 'INVALID_OPTION' });
    // index loops here and below: map would skip holes and call an own `constructor` of the array
    const list = inputs.target as readonly unknown[];
    const out: number[] = [];
    for (let i = 0; i < list.length; i++) out.push(one(list[i], `inputs.target[${i}]`));
    return out;
  }
  const months = readInteger(inputs.months ?? 12, 'inputs.months', { min: 1, max: 600, code: 'INVALID_OPTION' });
  const t = one(inputs.target, 'inputs.target');
  return new Array<number>(months).fill(t);
}

function readStartingTeam(value: unknown): number[] {
  if (typeof value === 'number') {
    // A plain count: reps past any ramp.
    return [...new Array<number>(600).fill(0), readInteger(value, 'inputs.startingTeam', { max: 1_000_000 })];
  }
  if (!Array.isArray(value) || value.length > 10_000) {
    throw invalid('INVALID_INPUT', 'inputs.startingTeam', value, 'must be a count or an array of counts by tenure');
  }
  const out: number[] = [];
  for (let i = 0; i < value.length; i++)
    out.push(readInteger(value[i], `inputs.startingTeam[${i}]`, { max: 1_000_000 }));
  return out;
}

function sdrsFor(sdr: NonNullable<CapacityPlanInputs['sdr']>, target: number, currency: string): number {
  const size = readMoney(sdr.averageDealSize, 'inputs.sdr.averageDealSize');
  if (size.currency !== currency) {
    throw invalid('CURRENCY_MISMATCH', 'inputs.sdr.averageDealSize.currency', size.currency, `must be ${currency}`);
  }
  const dealSize = Number(sdr.averageDealSize.amount);
  if (!(dealSize > 0)) {
    throw invalid(
      'INVALID_AMOUNT',
      'inputs.sdr.averageDealSize.amount',
      sdr.averageDealSize.amount,
      'must be positive',
    );
  }
  const perSdr = readNumber(sdr.opportunitiesPerSdr, 'inputs.sdr.opportunitiesPerSdr', { min: 0, exclusiveMin: true });
  const perWin = readNumber(sdr.opportunitiesPerWin, 'inputs.sdr.opportunitiesPerWin', { min: 1 });
  return ((target / dealSize) * perWin) / perSdr;
}
