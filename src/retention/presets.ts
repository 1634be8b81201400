/**
 * Provider conventions: the settings that make revops reproduce ChartMogul, Baremetrics,
 * Stripe Billing and ProfitWell (Paddle) definitions. Plain data.
 *
 * Sources (provider help centres): ChartMogul help articles 203359321 (customer churn), 203299912 (MRR movements),
 * 242 (churn recognition), 201244842 (lifecycle); Baremetrics help 5380347 and changelog
 * ("Churn Update", "New Quick Ratio Metric"); Stripe support "calculating churn rate in
 * Billing", Stripe Billing analytics glossary; Paddle/ProfitWell metrics help ("compare"
 * pages, "subscription retention / churn").
 * @module
 */
import { invalid } from '../core/errors.js';
import { readInteger, readObject, readOneOf } from '../core/read.js';

/**
 * How customers who join and leave inside the same window count in logo churn:
 * `'exclude'` — neither numerator nor denominator (ChartMogul B2B; ProfitWell ignores them
 * entirely); `'numerator'` — counted as churned over the starting base (Baremetrics);
 * `'both'` — in the numerator, and new customers are added to the denominator (Stripe).
 */
export type SameWindowRule = 'exclude' | 'numerator' | 'both';

/**
 * When a return after churn is a *reactivation* (otherwise the returner is *new* again):
 * `'any'` — any return of a customer who paid before (ChartMogul, ProfitWell, Stripe);
 * `{ withinDays: n }` — only if it comes at most `n` days after churn (Maxio: 90);
 * `{ minimumGapDays: n }` — only after at least `n` days without revenue (Recurly: one month).
 * The gap is counted on the month-end snapshot calendar: the days from the first day of the
 * month after the last active month to the first day of the month of the return (a customer
 * absent in February 2026 only has a 28-day gap).
 */
export type ReactivationRule = 'any' | { readonly withinDays: number } | { readonly minimumGapDays: number };

/**
 * When churn is recognised: `'periodEnd'` — when the last paid service period ends (the
 * subscription's revenue rows stop); `'cancellation'` — in the month the customer cancels
 * (rows whose `canceledAt` is on or before the month-end snapshot count as zero MRR).
 */
export type ChurnRecognition = 'periodEnd' | 'cancellation';

/**
 * Free plans: `'active'` — a customer on a free plan (row with `free: true`) stays a
 * customer, so moving to it is contraction and leaving it expansion (ChartMogul default);
 * `'churned'` — a free-plan customer is not a customer (Stripe: "excludes subscribers on
 * free plans"), so moving to it is churn.
 */
export type FreePlanRule = 'active' | 'churned';

/**
 * Discounts in MRR: `'all'` — MRR after every discount, the row's `mrr` (ChartMogul,
 * ProfitWell: "always subtracted"); `'foreverOnly'` — only permanent discounts reduce MRR:
 * rows marked `discount: 'limited'` count at `listMrr` (Stripe); `'none'` — list price,
 * `listMrr` whenever given.
 */
export type DiscountRule = 'all' | 'foreverOnly' | 'none';

/** Whether reactivation MRR counts in the quick ratio's numerator (Baremetrics: no). */
export type QuickRatioReactivation = 'numerator' | 'exclude';

/** A provider convention: every setting a preset fixes. */
export interface RetentionConvention {
  readonly sameWindow: SameWindowRule;
  readonly reactivation: ReactivationRule;
  readonly churnRecognition: ChurnRecognition;
  readonly freePlans: FreePlanRule;
  readonly discounts: DiscountRule;
  readonly quickRatioReactivation: QuickRatioReactivation;
}

/** The name of a preset. */
export type RetentionPresetName = 'chartmogul' | 'baremetrics' | 'stripe' | 'profitwell';

/**
 * The published conventions. Where a provider's documentation is silent, the preset uses the
 * library default (the ChartMogul column) and says so:
 *
 * | setting | chartmogul | baremetrics | stripe | profitwell |
 * |---|---|---|---|---|
 * | sameWindow | exclude | numerator | both | exclude (ignored entirely) |
 * | reactivation | any | any (1) | any (a re-churn is a 2nd churn) | any ("within any period in time") |
 * | churnRecognition | periodEnd (2) | cancellation | periodEnd (3) | periodEnd ("end of paid billing cycle") |
 * | freePlans | active | churned (4) | churned | churned (4) |
 * | discounts | all | all (not documented: default) | foreverOnly | all |
 * | quick ratio reactivation | exclude | exclude (published formula) | exclude | exclude |
 *
 * (1) not documented: the default. (2) ChartMogul's recommended setting. (3) MRR goes to zero
 * when the subscription ends. (4) not documented: the provider counts paying customers.
 *
 * Sources, per preset:
 * - `chartmogul`: help.chartmogul.com "Metric: Customer Churn rate" (article 203359321: joined
 *   and churned in the interval excluded), "Data Table and MRR movements" (203299912),
 *   "Understanding MRR movements" (4416682609426), "Churn recognition" (article 242).
 * - `baremetrics`: help.baremetrics.com "User and revenue churn" (5380347: cancelled in the last
 *   30 days ÷ active 30 days ago) and changelog.baremetrics.com "Churn Update" (same-window
 *   churners included) and "New Quick Ratio Metric".
 * - `stripe`: support.stripe.com "Calculating churn rate in Billing" (new subscribers added to
 *   the denominator; a re-churn is a second churn) and docs.stripe.com Billing analytics
 *   glossary (MRR excludes free plans; only forever coupons reduce MRR).
 * - `profitwell`: paddle.com/help/profitwell-metrics "compare" pages (profitwell-vs-stripe,
 *   -chargify, -recurly, -recharge: same-month new + churn ignored, churn at the end of the paid
 *   cycle, discounts always subtracted, reactivation "within any period in time").
 *
 * @returns (a constant) the frozen table of conventions, keyed by preset name.
 * @example
 * ```ts
 * import { RETENTION_PRESETS } from 'revops/retention';
 * const { stripe, baremetrics } = RETENTION_PRESETS;
 * [stripe.sameWindow, stripe.discounts, baremetrics.churnRecognition];
 * //=> ['both', 'foreverOnly', 'cancellation']
 * ```
 */
export const RETENTION_PRESETS: Readonly<Record<RetentionPresetName, RetentionConvention>> = Object.freeze({
  chartmogul: Object.freeze({
    sameWindow: 'exclude',
    reactivation: 'any',
    churnRecognition: 'periodEnd',
    freePlans: 'active',
    discounts: 'all',
    quickRatioReactivation: 'exclude',
  }),
  baremetrics: Object.freeze({
    sameWindow: 'numerator',
    reactivation: 'any',
    churnRecognition: 'cancellation',
    freePlans: 'churned',
    discounts: 'all',
    quickRatioReactivation: 'exclude',
  }),
  stripe: Object.freeze({
    sameWindow: 'both',
    reactivation: 'any',
    churnRecognition: 'periodEnd',
    freePlans: 'churned',
    discounts: 'foreverOnly',
    quickRatioReactivation: 'exclude',
  }),
  profitwell: Object.freeze({
    sameWindow: 'exclude',
    reactivation: 'any',
    churnRecognition: 'periodEnd',
    freePlans: 'churned',
    discounts: 'all',
    quickRatioReactivation: 'exclude',
  }),
} satisfies Record<RetentionPresetName, RetentionConvention>);

const PRESET_NAMES: readonly RetentionPresetName[] = ['chartmogul', 'baremetrics', 'stripe', 'profitwell'];

/** The library defaults (= the ChartMogul convention). @internal */
export const DEFAULT_CONVENTION: RetentionConvention = RETENTION_PRESETS.chartmogul;

/**
 * The convention a function runs with: the named preset (default: the library defaults),
 * then any setting given explicitly on top.
 * @throws {RevopsError} `INVALID_OPTION` for options that are not an object, or an unknown preset name.
 * @internal
 */
export function resolveConvention(
  options: { readonly preset?: RetentionPresetName } & Partial<RetentionConvention>,
): RetentionConvention {
  readObject(options, 'options', 'INVALID_OPTION');
  let base = DEFAULT_CONVENTION;
  if (options.preset !== undefined) {
    base = RETENTION_PRESETS[readOneOf(options.preset, 'options.preset', PRESET_NAMES)];
  }
  return {
    sameWindow: options.sameWindow ?? base.sameWindow,
    reactivation: options.reactivation ?? base.reactivation,
    churnRecognition: options.churnRecognition ?? base.churnRecognition,
    freePlans: options.freePlans ?? base.freePlans,
    discounts: options.discounts ?? base.discounts,
    quickRatioReactivation: options.quickRatioReactivation ?? base.quickRatioReactivation,
  };
}

/** The settings a movement summary was computed with (summaries merge only when equal). */
export interface MovementConvention {
  readonly reactivation: ReactivationRule;
  readonly churnRecognition: ChurnRecognition;
  readonly freePlans: FreePlanRule;
  readonly discounts: DiscountRule;
}

/** The convention options shared by the movement and cohort functions: a preset, then settings on top. */
export interface ConventionOptions {
  /** Provider convention to start from. Default: the library defaults (= `'chartmogul'`). */
  readonly preset?: RetentionPresetName;
  /** When churn is recognised. Default `'periodEnd'`. */
  readonly churnRecognition?: ChurnRecognition;
  /** Whether free-plan customers are customers. Default `'active'`. */
  readonly freePlans?: FreePlanRule;
  /** Which discounts reduce MRR. Default `'all'`. */
  readonly discounts?: DiscountRule;
}

/**
 * Reads a reactivation rule: `'any'`, `{ withinDays: n }` or `{ minimumGapDays: n }` with an
 * integer `n` from 0 to 36,500 (a century). `code` is `INVALID_OPTION` for an option,
 * `INVALID_SUMMARY` for a summary's field.
 * @internal
 */
export function readReactivationRule(
  r: unknown,
  field: string,
  code: 'INVALID_OPTION' | 'INVALID_SUMMARY' = 'INVALID_OPTION',
): ReactivationRule {
  if (r === 'any') return r;
  if (r !== null && typeof r === 'object' && !Array.isArray(r) && Object.keys(r).length === 1) {
    const o = r as Record<string, unknown>;
    const key = Object.hasOwn(o, 'withinDays')
      ? 'withinDays'
      : Object.hasOwn(o, 'minimumGapDays')
        ? 'minimumGapDays'
        : null;
    if (key !== null) {
      const n = readInteger(o[key], `${field}.${key}`, { min: 0, max: 36_500, code });
      return key === 'withinDays' ? { withinDays: n } : { minimumGapDays: n };
    }
  }
  throw invalid(code, field, r, "must be 'any', { withinDays: n } or { minimumGapDays: n } with an integer n ≥ 0");
}

/**
 * Reads the churn, free-plan and discount settings of a convention (options or a summary's fields).
 * @throws {RevopsError} `code` naming the field.
 * @internal
 */
export function readConventionSettings(
  c: { readonly churnRecognition?: unknown; readonly freePlans?: unknown; readonly discounts?: unknown },
  prefix: string,
  code: 'INVALID_OPTION' | 'INVALID_SUMMARY' = 'INVALID_OPTION',
): Pick<MovementConvention, 'churnRecognition' | 'freePlans' | 'discounts'> {
  const { churnRecognition, freePlans, discounts } = c;
  if (churnRecognition !== 'periodEnd' && churnRecognition !== 'cancellation')
    throw invalid(code, `${prefix}churnRecognition`, churnRecognition, "must be 'periodEnd' or 'cancellation'");
  if (freePlans !== 'active' && freePlans !== 'churned')
    throw invalid(code, `${prefix}freePlans`, freePlans, "must be 'active' or 'churned'");
  if (discounts !== 'all' && discounts !== 'foreverOnly' && discounts !== 'none')
    throw invalid(code, `${prefix}discounts`, discounts, "must be 'all', 'foreverOnly' or 'none'");
  return { churnRecognition, freePlans, discounts };
}

/**
 * The movement settings of `options` (a preset, then explicit settings), validated.
 * @throws {RevopsError} `INVALID_OPTION` for a non-object, an unknown preset or a malformed setting.
 * @internal
 */
export function readMovementConvention(
  options: ConventionOptions & { readonly reactivation?: ReactivationRule },
): MovementConvention {
  if (options === null || typeof options !== 'object')
    throw invalid('INVALID_OPTION', 'options', options, 'must be an object');
  const c = resolveConvention(options);
  const reactivation = readReactivationRule(c.reactivation, 'options.reactivation');
  return { reactivation, ...readConventionSettings(c, 'options.') };
}

/** Whether a return after `gapDays` days without revenue is a reactivation under `rule` (else new). @internal */
export function isReactivation(rule: ReactivationRule, gapDays: number): boolean {
  if (rule === 'any') return true;
  return 'withinDays' in rule ? gapDays <= rule.withinDays : gapDays >= rule.minimumGapDays;
}
