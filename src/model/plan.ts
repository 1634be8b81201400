/**
 * Plan: an incentive (commission) plan as plain JSON — effective-dated versions of components,
 * modifiers, a draw and a clawback policy — so it can live in a database or a spreadsheet.
 *
 * The schema checks the *shape* only. Whether a plan contradicts itself (overlapping or gapped
 * tiers, a cap below a floor, two versions in force on one date…) is checked by
 * `definePlan` in `revops/commission`, which lists every problem at once.
 * @module
 */
import * as z from 'zod';
import type { Documented } from './input-form.js';
import { lazySchema } from './lazy-schema.js';
import type { RevopsError } from '../core/errors.js';
import type { Result } from '../core/result.js';
import { ROUNDING_MODES, type RoundingMode } from '../core/rounding.js';
import {
  CurrencyCodeSchema,
  DecimalStringSchema,
  IdSchema,
  IsoDateSchema,
  PeriodSchema,
  boundedList,
} from './common.js';
import type { Period } from '../core/periods.js';
import type { CreditKind, Measure } from './credit.js';
import { CREDIT_KINDS, DRAW_TYPES, MEASURES } from './vocabulary.js';
import { makeParsers } from './parse.js';
import { type DealType, DealTypeSchema, type Segment, SegmentSchema } from './segment.js';

const Dec = DecimalStringSchema;

/** Which credits a component (or attainment) counts: credit kinds and measure (built on first use). */
const selectorFields = () => ({
  /** Credit kinds counted. Default: `owner`, `split`, `overlay` (`rollup` for overrides, every kind for perUnit). */
  kinds: boundedList(z.array(z.enum(CREDIT_KINDS)).min(1)).optional(),
  /** Measure counted. Default `bookings` (`units` for perUnit). */
  measure: z.enum(MEASURES).optional(),
});

/** A filter on credit attributes; every given field must match. */
export const CreditFilterSchema = lazySchema(() =>
  z.strictObject({
    products: boundedList(z.array(z.string().min(1)).min(1)).optional(),
    dealTypes: boundedList(z.array(DealTypeSchema).min(1)).optional(),
    segments: boundedList(z.array(SegmentSchema).min(1)).optional(),
    newLogo: z.boolean().optional(),
    minTermMonths: z.number().int().positive().optional(),
    /** Credit `activity` values (per-unit plans: `demo`, `qualifiedLead`, …). */
    activities: boundedList(z.array(z.string().min(1)).min(1)).optional(),
  }),
);

/** A multiplier on the credited base of matching credits (multi-year, new logo). */
export const MultiplierSchema = lazySchema(() =>
  z.strictObject({
    id: IdSchema,
    /** Factor on the base, e.g. "1.2" (never on attainment). */
    factor: Dec,
    when: CreditFilterSchema,
  }),
);

/** What modifies a component's earning (built on first use). */
const modifierFields = () => ({
  /** Only credits matching this filter count toward the component. */
  filter: CreditFilterSchema.optional(),
  /** Maximum earning of the component per period; the excess is forfeited or deferred. */
  cap: z.strictObject({ amount: Dec, mode: z.enum(['forfeit', 'defer']) }).optional(),
  /** Minimum earning of the component per period (paid when its gate, if any, is met). */
  floor: Dec.optional(),
  /** Attainment (fraction of quota, "0.7") below which the component pays nothing. */
  gate: Dec.optional(),
  /**
   * Which attainment the gate is judged on: `period` (default) — the statement's; `toDate` — the
   * attainment of a longer span to date (the fiscal year or quarter), `(carriedIn + the period's
   * credited) ÷ quota` from the statement's `attainmentToDate` (e.g. no accelerator unless the
   * year to date reaches the annual quota).
   */
  gateOn: z.enum(['period', 'toDate']).optional(),
  multipliers: boundedList(z.array(MultiplierSchema)).optional(),
  /** Weight of the component in a multi-measure plan (its earning × weight). Default 1. */
  weight: Dec.optional(),
});

/** A tier: the half-open interval between `from` and `to` (open-ended when `to` is absent), with its rate. */
export const TierSchema = lazySchema(() => z.strictObject({ from: Dec, to: Dec.optional(), rate: Dec }));

/** The fields every component has (built on first use). */
const base = () => ({ id: IdSchema, name: z.string().min(1).optional(), ...selectorFields(), ...modifierFields() });

/** A rate component: `rate × credited base`. */
export const RateComponentSchema = lazySchema(() => z.strictObject({ ...base(), kind: z.literal('rate'), rate: Dec }));

/** A tiered component with its three explicit switches. */
export const TieredComponentSchema = lazySchema(() =>
  z.strictObject({
    ...base(),
    kind: z.literal('tiered'),
    /** Tier bounds are attainment fractions (× quota) or amounts. */
    basis: z.enum(['attainment', 'amount']),
    /**
     * `marginal`: each tier's rate on the part of the base inside it (step, slab; an amount per tier
     * split proportionally, as Oracle's amount tables do, is a marginal rate of amount ÷ width).
     * `retroactive`: the whole base at the rate of the tier reached (whole-tier, highest rate).
     * `interpolated`: the whole base at a rate that moves linearly from the tier's rate at its start
     * to the next tier's rate at its end (the last tier is flat).
     */
    split: z.enum(['marginal', 'retroactive', 'interpolated']),
    /**
     * `perCredit`: each credit walks the table from zero (Oracle "processed individually");
     * `periodToDate`: the period's total walks it; `yearToDate`: the period's credits walk it from
     * the year-to-date value carried in (`carriedIn`, Spiff `initial_value`).
     */
    scope: z.enum(['perCredit', 'periodToDate', 'yearToDate']),
    /** A value exactly on a bound belongs to the `lower` or the `higher` tier. */
    boundary: z.enum(['lower', 'higher']),
    tiers: boundedList(z.array(TierSchema).min(1)),
  }),
);

/**
 * A fixed amount per unit (qualified lead, meeting held, demo, converted lead): Σ `units` of the
 * matching credits (a credit without `units` counts 1) × `amountPerUnit`. By default it counts
 * credits of every kind in the measure `units`; to pay per deal sourced through `creditDeals`
 * (a `source` credit in the deal's measure, `units: 1`) set `kinds: ['source']` and
 * `measure: 'bookings'`.
 */
export const PerUnitComponentSchema = lazySchema(() =>
  z.strictObject({ ...base(), kind: z.literal('perUnit'), amountPerUnit: Dec }),
);

/** A bonus: the amount of the highest step whose attainment threshold is reached (one step = a gate bonus). */
export const BonusComponentSchema = lazySchema(() =>
  z.strictObject({
    ...base(),
    kind: z.literal('bonus'),
    steps: boundedList(z.array(z.strictObject({ atLeast: Dec, amount: Dec })).min(1)),
  }),
);

/** A SPIFF: a rate or a fixed amount per credit, on matching credits dated inside a window. */
export const SpiffComponentSchema = lazySchema(() =>
  z.strictObject({
    ...base(),
    kind: z.literal('spiff'),
    window: PeriodSchema,
    rate: Dec.optional(),
    amountPerCredit: Dec.optional(),
  }),
);

/**
 * A manager override: a rate on the rolled-up credits of the members who report to the manager,
 * optionally only above a team threshold. It counts `rollup` credits by default — what
 * `creditDeals` writes to each manager as of each credit's date (reporting history).
 */
export const OverrideComponentSchema = lazySchema(() =>
  z.strictObject({
    ...base(),
    kind: z.literal('override'),
    rate: Dec,
    /** Team credited amount per plan period the override starts at (prorated by active days, like caps and floors). */
    teamThreshold: Dec.optional(),
    /**
     * `excess` (default): the rate applies to the amount above the threshold; `all`: to everything
     * once it is reached.
     */
    thresholdMode: z.enum(['excess', 'all']).optional(),
  }),
);

/** Any plan component. */
export const PlanComponentSchema = lazySchema(() =>
  z.discriminatedUnion('kind', [
    RateComponentSchema,
    TieredComponentSchema,
    PerUnitComponentSchema,
    BonusComponentSchema,
    SpiffComponentSchema,
    OverrideComponentSchema,
  ]),
);

export { DRAW_TYPES };
/** A draw variant. */
export type DrawType = (typeof DRAW_TYPES)[number];

/** A plan-level draw. */
export const DrawSchema = lazySchema(() =>
  z.strictObject({
    type: z.enum(DRAW_TYPES),
    /** Draw per period (a guarantee: the minimum pay per period). */
    amount: Dec,
    start: IsoDateSchema,
    end: IsoDateSchema.optional(),
    /** First day recovery may happen; default `start`. */
    recoveryStart: IsoDateSchema.optional(),
    /** Share of available earnings taken for recovery; default "1". */
    recoveryShare: Dec.optional(),
    /** Most recovered in one period. */
    recoveryCap: Dec.optional(),
  }),
);

/**
 * A clawback policy: the share of a cancelled deal's commission that is reversed, by a schedule
 * of (days since the credit date → share), or in proportion to the unserved part of the
 * contract term.
 */
export const ClawbackPolicySchema = lazySchema(() =>
  z.strictObject({
    /**
     * `schedule` (default): the share of the first step of `schedule` whose `withinDays` the
     * cancellation falls in. `unservedTerm`: the share of the contract term not served —
     * `(termMonths − whole months served) ÷ termMonths`, from the event's `termMonths` and
     * `termStart` (default its `creditDate`) to its `knownDate`; nothing once the term is served.
     */
    basis: z.enum(['schedule', 'unservedTerm']).optional(),
    /**
     * e.g. `[{ withinDays: 90, share: "1" }, { withinDays: 180, share: "0.5" }]`; later than the last step:
     * nothing. Required with basis `schedule`; not used with `unservedTerm`.
     */
    schedule: z
      .array(z.strictObject({ withinDays: z.number().int().positive(), share: Dec }))
      .min(1)
      .optional(),
    /** Whether a reversed credit also reduces attainment (QuotaPath) or not (Spiff, default). */
    reducesAttainment: z.boolean().default(false),
  }),
);

/** One effective-dated version of a plan. */
export const PlanVersionSchema = lazySchema(() =>
  z.strictObject({
    id: IdSchema,
    effectiveFrom: IsoDateSchema,
    /** Last day in force (inclusive); open-ended when absent. */
    effectiveTo: IsoDateSchema.optional(),
    /** Credits counted for attainment; default kinds owner/split/overlay, measure bookings. */
    attainment: z.strictObject(selectorFields()).optional(),
    components: boundedList(z.array(PlanComponentSchema)),
    draw: DrawSchema.optional(),
    clawback: ClawbackPolicySchema.optional(),
    /** Prorate quota and fixed amounts for partial periods; default true. */
    prorate: z.boolean().default(true),
    /**
     * How a partial period is prorated: `days` (default) — active days over the period's days,
     * inclusive; `months` — whole calendar months on the plan over the period's months (a month
     * counts when the member is on the plan every day of it), the amounts allocated so that the
     * months of a period add up exactly to the full amount.
     */
    proration: z.enum(['days', 'months']).optional(),
    /**
     * When earned commission becomes payable: `booking` (default) — in the statement that earns
     * it; `payment` (cash basis) — earned at booking, held per deal and released as the customer
     * pays (the statement's `payments`), in proportion to the deal's amount collected.
     */
    payableOn: z.enum(['booking', 'payment']).optional(),
  }),
);

/** An incentive plan: one currency, one period length, rounding mode, effective-dated versions. */
export const PlanSchema = lazySchema(() =>
  z.strictObject({
    id: IdSchema,
    name: z.string().min(1).optional(),
    currency: CurrencyCodeSchema,
    periodLength: z.enum(['month', 'quarter', 'year']),
    /** First month (1–12) of the fiscal year; default 1. */
    fiscalYearStartMonth: z.number().int().min(1).max(12).default(1),
    /** Rounding of each statement line to the minor unit; default half away from zero. */
    rounding: z.enum(ROUNDING_MODES as readonly [RoundingMode, ...RoundingMode[]]).default('halfAwayFromZero'),
    versions: boundedList(z.array(PlanVersionSchema).min(1)),
  }),
);

/** Which credits a component (or attainment) counts: credit kinds and measure. */
export interface CreditSelector {
  /** Credit kinds counted. Absent: `owner`, `split`, `overlay` (`rollup` for overrides, every kind for perUnit). */
  kinds?: CreditKind[] | undefined;
  /** Measure counted. Absent: `bookings` (`units` for perUnit). */
  measure?: Measure | undefined;
}

/** A filter on credit attributes, as parsed by {@link CreditFilterSchema}; every given field must match. */
export interface CreditFilter {
  /** The credit must list one of these products. Absent: any product. */
  products?: string[] | undefined;
  /** The credit's deal type must be one of these. Absent: any. */
  dealTypes?: DealType[] | undefined;
  /** The credit's segment must be one of these. Absent: any. */
  segments?: Segment[] | undefined;
  /** The credit's `newLogo` must equal this. Absent: either. */
  newLogo?: boolean | undefined;
  /** The credit's `termMonths` must be at least this many whole months. Absent: any term. */
  minTermMonths?: number | undefined;
  /** The credit's `activity` must be one of these (per-unit plans: `demo`, `qualifiedLead`, …). Absent: any. */
  activities?: string[] | undefined;
}

/** A multiplier on the credited base of matching credits (multi-year, new logo). */
export interface Multiplier {
  /** Identifier of the multiplier, shown in statement lines. */
  id: string;
  /** Factor on the base, an exact decimal string such as `"1.2"` (never on attainment). */
  factor: string;
  /** The credits it applies to. */
  when: CreditFilter;
}

/** The most a component earns per period (see `ComponentModifiers.cap`). */
export interface ComponentCap {
  /** Maximum earning per period, an exact decimal string in the plan currency. */
  amount: string;
  /** What happens to the excess: `'forfeit'` (lost) or `'defer'` (paid in a later period). */
  mode: 'forfeit' | 'defer';
}

/** What every plan component has: an id, the credits it counts and its modifiers. */
export interface ComponentBase extends CreditSelector {
  /** Identifier of the component, unique in the version, shown in statement lines. */
  id: string;
  /** Display name. Absent: the id. */
  name?: string | undefined;
  /** Only credits matching this filter count toward the component. Absent: every credit selected. */
  filter?: CreditFilter | undefined;
  /** Maximum earning of the component per period; the excess is forfeited or deferred. Absent: uncapped. */
  cap?: ComponentCap | undefined;
  /** Minimum earning of the component per period (an exact decimal string), paid when its gate, if any, is met. */
  floor?: string | undefined;
  /** Attainment (a fraction of quota, an exact decimal string: `"0.7"`) below which it pays nothing. Absent: none. */
  gate?: string | undefined;
  /**
   * Which attainment the gate is judged on: `'period'` (the statement's; the default when absent) or
   * `'toDate'` (the attainment of a longer span to date, from the statement's `attainmentToDate`).
   */
  gateOn?: 'period' | 'toDate' | undefined;
  /** Multipliers on the credited base of matching credits. Absent: none. */
  multipliers?: Multiplier[] | undefined;
  /** Weight of the component in a multi-measure plan (its earning × weight), an exact decimal string. Absent: 1. */
  weight?: string | undefined;
}

/** A rate component: `rate × credited base`. */
export interface RateComponent extends ComponentBase {
  /** The component kind. */
  kind: 'rate';
  /** Commission rate, an exact decimal fraction as a string (`"0.1"` for 10 %). */
  rate: string;
}

/** A tier of a tiered component: the half-open interval from `from` to `to`, with its rate. */
export interface Tier {
  /** Lower bound, an exact decimal string: an attainment fraction or an amount, per the component's `basis`. */
  from: string;
  /** Upper bound, an exact decimal string. Absent: open-ended (the last tier). */
  to?: string | undefined;
  /** Rate in the tier, an exact decimal fraction as a string (`"0.05"`). */
  rate: string;
}

/** A tiered component with its three explicit switches. */
export interface TieredComponent extends ComponentBase {
  /** The component kind. */
  kind: 'tiered';
  /** Whether tier bounds are attainment fractions (× quota) or amounts. */
  basis: 'attainment' | 'amount';
  /**
   * `marginal`: each tier's rate on the part of the base inside it (step, slab). `retroactive`: the
   * whole base at the rate of the tier reached. `interpolated`: the whole base at a rate that moves
   * linearly from the tier's rate at its start to the next tier's at its end (the last tier is flat).
   */
  split: 'marginal' | 'retroactive' | 'interpolated';
  /**
   * `perCredit`: each credit walks the table from zero; `periodToDate`: the period's total walks it;
   * `yearToDate`: the period's credits walk it from the year-to-date value carried in.
   */
  scope: 'perCredit' | 'periodToDate' | 'yearToDate';
  /** Whether a value exactly on a bound belongs to the `lower` or the `higher` tier. */
  boundary: 'lower' | 'higher';
  /** The tiers, in order (at least one). */
  tiers: Tier[];
}

/** A fixed amount per unit: Σ `units` of the matching credits (a credit without `units` counts 1) × `amountPerUnit`. */
export interface PerUnitComponent extends ComponentBase {
  /** The component kind. */
  kind: 'perUnit';
  /** Amount paid per unit, an exact decimal string in the plan currency. */
  amountPerUnit: string;
}

/** One step of a bonus: the amount paid once attainment reaches `atLeast`. */
export interface BonusStep {
  /** Attainment threshold, a fraction of quota as an exact decimal string (`"1"` for 100 %). */
  atLeast: string;
  /** Amount paid, an exact decimal string in the plan currency. */
  amount: string;
}

/** A bonus: the amount of the highest step whose attainment threshold is reached. */
export interface BonusComponent extends ComponentBase {
  /** The component kind. */
  kind: 'bonus';
  /** The steps (at least one; one step is a gate bonus). */
  steps: BonusStep[];
}

/** A SPIFF: a rate or a fixed amount per credit, on matching credits dated inside a window. */
export interface SpiffComponent extends ComponentBase {
  /** The component kind. */
  kind: 'spiff';
  /** The dates (inclusive `YYYY-MM-DD`) a credit must fall in to count. */
  window: Period;
  /** Rate on each matching credit, an exact decimal fraction as a string. Absent: `amountPerCredit` applies. */
  rate?: string | undefined;
  /** Fixed amount per matching credit, an exact decimal string. Absent: `rate` applies. */
  amountPerCredit?: string | undefined;
}

/** A manager override: a rate on the rolled-up credits of the members who report to the manager. */
export interface OverrideComponent extends ComponentBase {
  /** The component kind. */
  kind: 'override';
  /** Override rate, an exact decimal fraction as a string. */
  rate: string;
  /** Team credited amount per plan period the override starts at (an exact decimal string, prorated). Absent: none. */
  teamThreshold?: string | undefined;
  /** `'excess'` (default): the rate applies above the threshold; `'all'`: to everything once it is reached. */
  thresholdMode?: 'excess' | 'all' | undefined;
}

/** Any plan component, told apart by `kind`. */
export type PlanComponent =
  | RateComponent
  | TieredComponent
  | PerUnitComponent
  | BonusComponent
  | SpiffComponent
  | OverrideComponent;

/** A plan-level draw, as parsed by {@link DrawSchema}. */
export interface Draw {
  /** `'recoverable'`, `'nonRecoverable'`, `'recoverableGuarantee'` or `'nonRecoverableGuarantee'` (Xactly's four). */
  type: DrawType;
  /** Draw per period (for a guarantee: the minimum pay per period), an exact decimal string in the plan currency. */
  amount: string;
  /** First day of the draw, `YYYY-MM-DD`. */
  start: string;
  /** Last day of the draw, `YYYY-MM-DD`, inclusive. Absent: open-ended. */
  end?: string | undefined;
  /** First day recovery may happen, `YYYY-MM-DD`. Absent: `start`. */
  recoveryStart?: string | undefined;
  /** Share of available earnings taken for recovery, an exact decimal fraction string. Absent: `"1"`. */
  recoveryShare?: string | undefined;
  /** Most recovered in one period, an exact decimal string. Absent: no cap. */
  recoveryCap?: string | undefined;
}

/** One step of a clawback schedule. */
export interface ClawbackStep {
  /** Days since the credit date (a positive integer) within which this step applies. */
  withinDays: number;
  /** Share of the credit's commission reversed, an exact decimal fraction string (`"0.5"`). */
  share: string;
}

/** A clawback policy, as parsed by {@link ClawbackPolicySchema}. */
export interface ClawbackPolicy {
  /**
   * `'schedule'` (the default when absent): the share of the first step of `schedule` whose
   * `withinDays` the cancellation falls in. `'unservedTerm'`: the share of the contract term not
   * served, `(termMonths − whole months served) ÷ termMonths`; nothing once the term is served.
   */
  basis?: 'schedule' | 'unservedTerm' | undefined;
  /**
   * e.g. `[{ withinDays: 90, share: "1" }, { withinDays: 180, share: "0.5" }]`; later than the last
   * step: nothing. Required with basis `'schedule'`; not used with `'unservedTerm'`.
   */
  schedule?: ClawbackStep[] | undefined;
  /** Whether a reversed credit also reduces attainment (QuotaPath) or not (Spiff). Default `false`. */
  reducesAttainment: boolean;
}

/** One effective-dated version of a plan, as parsed by {@link PlanVersionSchema}. */
export interface PlanVersion {
  /** Identifier of the version, unique in the plan. */
  id: string;
  /** First day in force, `YYYY-MM-DD`. */
  effectiveFrom: string;
  /** Last day in force, `YYYY-MM-DD`, inclusive. Absent: open-ended. */
  effectiveTo?: string | undefined;
  /** Credits counted for attainment. Absent: kinds owner/split/overlay, measure bookings. */
  attainment?: CreditSelector | undefined;
  /** The components, each paying its part. */
  components: PlanComponent[];
  /** A draw paid with the plan. Absent: none. */
  draw?: Draw | undefined;
  /** How commission is reversed when a deal is cancelled. Absent: no clawback. */
  clawback?: ClawbackPolicy | undefined;
  /** Whether quota and fixed amounts are prorated for partial periods. Default `true`. */
  prorate: boolean;
  /**
   * How a partial period is prorated: `'days'` (active days over the period's days, inclusive; the
   * default when absent) or `'months'` (whole calendar months on the plan over the period's months).
   */
  proration?: 'days' | 'months' | undefined;
  /**
   * When earned commission becomes payable: `'booking'` (the default when absent) or `'payment'`
   * (cash basis: held per deal and released as the customer pays).
   */
  payableOn?: 'booking' | 'payment' | undefined;
}

/** An incentive plan, as parsed by {@link PlanSchema} (decimals as canonical strings, defaults applied). */
export interface Plan {
  /** Stable identifier of the plan (1–200 characters). */
  id: string;
  /** Display name. Absent: the id. */
  name?: string | undefined;
  /** The plan currency (ISO 4217), in which every amount of the plan is written. */
  currency: string;
  /** Length of a plan period: `'month'`, `'quarter'` or `'year'`. */
  periodLength: 'month' | 'quarter' | 'year';
  /** First month (1–12) of the fiscal year. Default `1`. */
  fiscalYearStartMonth: number;
  /** Rounding of each statement line to the currency's minor unit. Default `'halfAwayFromZero'`. */
  rounding: RoundingMode;
  /** The effective-dated versions (at least one). */
  versions: PlanVersion[];
}
/** The input form of a plan (decimals may be numbers; defaults not applied). */
export interface PlanInput extends Documented<Plan, z.input<typeof PlanSchema>> {}

const parsers = makeParsers('Plan', PlanSchema);

/**
 * Parses a plan from unknown input (JSON, a database row), throwing on any shape problem.
 * Unknown keys are rejected. For the plan's internal consistency use `definePlan`.
 *
 * @throws {RevopsError} `INVALID_INPUT` listing every problem with its path.
 * @example
 * ```ts
 * import { parsePlan } from 'revops/model';
 * const plan = parsePlan({
 *   id: 'ae', currency: 'USD', periodLength: 'quarter',
 *   versions: [{ id: 'v1', effectiveFrom: '2026-01-01', components: [{ id: 'c', kind: 'rate', rate: 0.1 }] }],
 * });
 * [plan.rounding, plan.fiscalYearStartMonth, plan.versions[0].components[0]];
 * //=> ['halfAwayFromZero', 1, { id: 'c', kind: 'rate', rate: '0.1' }]
 * ```
 */
export function parsePlan(input: unknown): Plan {
  return parsers.parse(input);
}

/**
 * Parses a plan, returning `{ ok: true, value }` or `{ ok: false, error }` instead of throwing.
 *
 * @example
 * ```ts
 * import { safeParsePlan } from 'revops/model';
 * const r = safeParsePlan({ id: 'p', currency: 'USD', periodLength: 'week', versions: [] });
 * r.ok ? 'parsed' : r.error.code;
 * //=> 'INVALID_INPUT'
 * ```
 */
export function safeParsePlan(input: unknown): Result<Plan, RevopsError> {
  return parsers.safeParse(input);
}
