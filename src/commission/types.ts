/**
 * Statement types: inputs, lines with their explanations, balances, and the mergeable summary.
 * @module
 */
import type { Money } from '../core/money.js';
import type { DecimalInput } from '../core/fixed.js';
import type { IsoDate } from '../core/dates.js';
import type { Period } from '../core/periods.js';
import type { Credit } from '../model/credit.js';
import type { Member } from '../model/member.js';
import type { Plan, PlanInput } from '../model/plan.js';

/** What a statement line is. */
export type StatementLineKind =
  | 'commission'
  | 'tier'
  | 'perUnit'
  | 'bonus'
  | 'spiff'
  | 'override'
  | 'gate'
  | 'cap'
  | 'floor'
  | 'deferredRelease'
  | 'clawback'
  | 'adjustment'
  | 'trueUp'
  | 'priorBalance'
  | 'draw'
  | 'recovery'
  | 'carryForward';

/** Everything needed to check a line by hand. */
export interface LineExplanation {
  /** The line in words, e.g. `"tier 2 [150000.00, 250000.00): the part of the period total 165000.00 inside this tier, 15000.00 at 0.06 (6%) = 900.00"`. */
  readonly text: string;
  /** The rule it came from: `"<versionId>/<componentId>"`, `"draw"`, `"clawback/<eventId>"`, … */
  readonly ruleId: string;
  /** The amount the rate or share applied to, when there is one. */
  readonly base: Money | null;
  /** The rate, share or factor applied, as an exact decimal string (a fraction, not percent). */
  readonly rate: string | null;
  /** Units counted (perUnit) or credits counted (spiff per credit). */
  readonly units: number | null;
  /** Amount per unit, for perUnit and fixed-amount lines. */
  readonly unitAmount: string | null;
  /** The tier, for tier lines: index, bounds in amount terms, boundary rule. */
  readonly tier: {
    readonly index: number;
    readonly from: string;
    readonly to: string | null;
    readonly boundary: 'lower' | 'higher';
  } | null;
  /** Ids of the credits (or events) the line used, sorted. */
  readonly creditIds: readonly string[];
}

/** One line of a statement; `amount` is rounded to the currency's minor unit. */
export interface StatementLine {
  readonly kind: StatementLineKind;
  /** The plan component the line belongs to, or `null` for plan-level lines. */
  readonly componentId: string | null;
  readonly amount: Money;
  readonly explanation: LineExplanation;
}

/** A manual adjustment; it never counts toward attainment (as in Spiff). */
export interface Adjustment {
  readonly id: string;
  readonly amount: Money;
  readonly reason: string;
}

/** A cancelled or refunded deal whose commission is reversed (posted in the period it becomes known). */
export interface ClawbackEvent {
  readonly id: string;
  readonly dealId: string;
  /** The date of the original credit (start of the clawback window). */
  readonly creditDate: IsoDate;
  /** The date the cancellation became known; must fall in the statement's range. */
  readonly knownDate: IsoDate;
  /** The credited base being reversed (positive). */
  readonly base: Money;
  /** The original calculation rate on that base. */
  readonly rate: DecimalInput;
  /** What was actually paid on that deal: the reversal never exceeds it. */
  readonly paid: Money;
  /** Credit ids reversed, for the explanation. */
  readonly creditIds?: readonly string[];
}

/** Balances carried between statements. */
export interface Balances {
  /** Unrecovered draw the member owes (≥ 0). */
  readonly draw: Money;
  /** Cap excess deferred to later periods, per component. */
  readonly deferred: Readonly<Record<string, Money>>;
  /** A negative total carried forward (≤ 0), deducted from the next statement. */
  readonly carried: Money;
}

/** Input of a statement (see `calculateStatement`). */
export interface StatementInput {
  /** The plan: from `definePlan` (compiled once), or plain JSON (validated on every call). */
  readonly plan: Plan | PlanInput;
  readonly member: Member;
  /** One plan period (a month, quarter or fiscal year, per the plan's `periodLength`). */
  readonly period: Period;
  /** The member's quota for the full period (before proration); for a true-up, for the year to date. */
  readonly quota: Money;
  /** Credits; those of other members or dated outside the statement's range are ignored. */
  readonly credits: readonly Credit[];
  /** Paid so far this fiscal year: turns the statement into a year-to-date true-up. */
  readonly paidToDate?: Money;
  readonly adjustments?: readonly Adjustment[];
  readonly clawbacks?: readonly ClawbackEvent[];
  /** Balances carried in from the previous statement; default all zero. */
  readonly priorBalance?: Partial<Balances>;
  /** For `yearToDate` tiers: the base accumulated this year before the period, per component id. */
  readonly carriedIn?: Readonly<Record<string, DecimalInput>>;
  /** The date that picks the plan version; default the period's last day. */
  readonly asOf?: IsoDate;
}

/** The context of a statement without its credits (what `summarizeStatement` needs). */
export type StatementContext = Omit<StatementInput, 'credits'>;

/** A statement for one member and period. */
export interface Statement {
  readonly planId: string;
  readonly versionId: string;
  readonly memberId: string;
  readonly period: Period;
  /** The dates evaluated: the period (or the year to date for a true-up) within the version's dates. */
  readonly range: Period;
  readonly currency: string;
  /** Days the member was active on the plan in `range`, over the days of the full range. */
  readonly proration: { readonly numerator: number; readonly denominator: number };
  /** The quota after proration. */
  readonly quota: Money;
  /** The credited amount counted for attainment. */
  readonly credited: Money;
  /** `credited ÷ quota` for display (tier decisions use exact decimals); `null` for a zero quota. */
  readonly attainment: number | null;
  readonly lines: readonly StatementLine[];
  /** Sum of the component lines (commissions, tiers, bonuses, spiffs, overrides, gates, caps, floors, releases). */
  readonly earned: Money;
  /** Sum of all lines: what is paid. */
  readonly payable: Money;
  readonly balances: Balances;
}

/** Per-tier partial sums of a per-credit tiered component. */
export interface TierSummary {
  /** Σ portion in the tier (marginal) or Σ base of credits landing in it (retroactive, interpolated). */
  readonly base: string;
  /** Interpolated only: Σ base × (value − tier start). */
  readonly linear: string;
  readonly creditIds: readonly string[];
}

/** Partial sums of one component over a chunk of credits. */
export interface ComponentSummary {
  /** Σ counted base (after multipliers), exact decimal string. */
  readonly base: string;
  /** Σ units (perUnit), or the signed count of credits (spiff per credit). */
  readonly units: number;
  readonly creditIds: readonly string[];
  /** Per-credit tiered components only: one entry per tier, plus one for credits below the table first. */
  readonly tiers?: readonly TierSummary[];
}

/** The JSON-serialisable partial statement of one member over a chunk of credits. */
export interface StatementSummary {
  readonly planId: string;
  readonly versionId: string;
  readonly memberId: string;
  readonly currency: string;
  readonly range: Period;
  /** The prorated quota the per-credit tiers were placed with. */
  readonly quota: string;
  readonly attainment: { readonly amount: string; readonly creditIds: readonly string[] };
  readonly components: Readonly<Record<string, ComponentSummary>>;
}
