/**
 * Statement types: inputs, lines with their explanations, balances, and the mergeable summary.
 * @module
 */
import type { Money } from '../core/money.js';
import type { DecimalInput } from '../core/fixed.js';
import type { IsoDate } from '../core/dates.js';
import type { Period } from '../core/periods.js';
import type { Summary } from '../core/summary.js';
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
  | 'carryForward'
  | 'hold'
  | 'release';

/**
 * The part of the period a member was on the plan, in the unit of the plan version's
 * `proration`: active days over the period's days (inclusive), or whole calendar months on the
 * plan over the period's months.
 */
export interface Proration {
  readonly numerator: number;
  readonly denominator: number;
  readonly unit: 'days' | 'months';
}

/** How a per-period limit (cap, floor, override threshold) was scaled to the statement's range. */
export interface LimitDetail {
  /** The plan's amount per plan period. */
  readonly perPeriod: string;
  /** The plan's period length. */
  readonly per: 'month' | 'quarter' | 'year';
  /** Plan periods added up (a true-up over the fiscal year to date), or `null` for one period. */
  readonly periods: number | null;
  /** Whether active days scaled the amount (a partial period of the member). */
  readonly prorated: boolean;
}

/**
 * What decided a line beyond its base, rate, units and tier, as data: the rule variant and its
 * numbers (plan decimals and amounts as exact decimal strings). `explainStatement` words it;
 * no text is built while a statement is computed.
 */
export type LineDetail =
  /** A rate component (`base × rate`), or a spiff paid at a rate (`window` set) or per credit. */
  | { readonly rule: 'rate'; readonly weight: string | null; readonly window: Period | null }
  /** A perUnit component, or a spiff paid per credit (`window` set): `units × unitAmount`. */
  | { readonly rule: 'perUnit'; readonly weight: string | null; readonly window: Period | null }
  /** A manager override on the team's credits, above a threshold when there is one. */
  | {
      readonly rule: 'override';
      readonly weight: string | null;
      /** The team credits counted before the threshold. */
      readonly teamCredits: string;
      readonly threshold: {
        readonly amount: string;
        readonly limit: LimitDetail;
        readonly met: boolean;
        readonly mode: 'excess' | 'all';
      } | null;
    }
  /** A bonus step reached (the highest): `stepAmount`, prorated by the statement's proration. */
  | { readonly rule: 'bonus'; readonly weight: string | null; readonly atLeast: string; readonly stepAmount: string }
  /** No bonus step reached; `firstStep` is `null` when the quota is zero. */
  | { readonly rule: 'bonusNotReached'; readonly firstStep: string | null }
  /**
   * A gate (attainment fraction) not met: the component pays nothing. `on: 'toDate'`: judged on
   * the attainment to date (`toDate`: carried in, the period's credited, their sum and the quota).
   */
  | {
      readonly rule: 'gateNotMet';
      readonly gate: string;
      readonly on: 'period' | 'toDate';
      readonly toDate: {
        readonly carriedIn: string;
        readonly credited: string;
        readonly total: string;
        readonly quota: string;
      } | null;
    }
  /** A tier line. */
  | {
      readonly rule: 'tier';
      readonly weight: string | null;
      /**
       * `perCreditMarginal`: the part of each credit inside the tier; `perCreditWhole`: credits whose
       * amount lands in the tier; `partOfTotal`: the part of the total inside the tier; `totalReached`:
       * the total reached the tier and the whole amount is paid at its rate.
       */
      readonly how: 'perCreditMarginal' | 'perCreditWhole' | 'partOfTotal' | 'totalReached';
      readonly scope: 'perCredit' | 'periodToDate' | 'yearToDate';
      /** The period (or year-to-date) total after the period's credits; `null` per credit. */
      readonly total: string | null;
      /** Year to date: the total carried in before the period. */
      readonly carriedIn: string | null;
      /** Attainment bounds of the tier as plan fractions (`basis: 'attainment'`), else `null`. */
      readonly ofQuota: { readonly from: string; readonly to: string | null } | null;
      /** Interpolated tiers: the next tier's rate and the total the rate was taken at (`null`: at each credit). */
      readonly interpolation: { readonly nextRate: string; readonly at: string | null } | null;
    }
  /** A tiered component that pays nothing: below the first tier, per credit or in total, or a zero quota. */
  | {
      readonly rule: 'noTier';
      readonly reason: 'belowFirstTierPerCredit' | 'belowFirstTier' | 'quotaZero';
      readonly scope: 'perCredit' | 'periodToDate' | 'yearToDate';
      readonly total: string | null;
      readonly carriedIn: string | null;
    }
  /** The cap: `base` earned, `unitAmount` the cap, the excess forfeited or deferred. */
  | { readonly rule: 'cap'; readonly mode: 'forfeit' | 'defer'; readonly limit: LimitDetail }
  /** Released from the deferred balance (`base`) up to the cap (`unitAmount`). */
  | { readonly rule: 'deferredRelease' }
  /** The floor (`unitAmount`) topping up what was earned (`base`). */
  | { readonly rule: 'floor'; readonly limit: LimitDetail }
  /** A clawback posted in the period. */
  | {
      readonly rule: 'clawback';
      readonly dealId: string;
      readonly creditDate: string;
      /** Days from the credit date to the day the cancellation became known. */
      readonly days: number;
      /** The schedule step applied, or `null` outside the window (`lastWithinDays` days). */
      readonly withinDays: number | null;
      readonly lastWithinDays: number;
      /** Share reversed. */
      readonly share: string;
      /** What was paid on the deal: the reversal never exceeds it. */
      readonly paid: string;
      /** Whether the reversal was limited to `paid`. */
      readonly limited: boolean;
    }
  /**
   * A clawback in proportion to the unserved part of the contract term (policy basis
   * `unservedTerm`): `base × rate × (termMonths − servedMonths) ÷ termMonths`, never more than `paid`.
   */
  | {
      readonly rule: 'clawbackTerm';
      readonly dealId: string;
      readonly creditDate: string;
      /** The first day of the term (the event's `termStart`, default `creditDate`). */
      readonly termStart: string;
      readonly termMonths: number;
      /** Whole months from `termStart` to the day the cancellation became known, at most `termMonths`. */
      readonly servedMonths: number;
      readonly paid: string;
      readonly limited: boolean;
    }
  /**
   * Cash basis (`payableOn: 'payment'`): the period's earned commission held until customers pay,
   * attributed to the deals credited in the period in proportion to their credited amount.
   */
  | { readonly rule: 'hold'; readonly deals: readonly { readonly dealId: string; readonly amount: string }[] }
  /**
   * Cash basis: commission of one deal released as the customer paid: `earned × min(1, collected ÷
   * dealAmount)`, rounded, minus what was released before.
   */
  | {
      readonly rule: 'release';
      readonly dealId: string;
      readonly earned: string;
      readonly collected: string;
      readonly dealAmount: string;
      readonly releasedBefore: string;
      /** Ids of the payments received in the period. */
      readonly paymentIds: readonly string[];
    }
  | { readonly rule: 'adjustment'; readonly id: string; readonly reason: string }
  /** `base` is the year-to-date entitlement; the line is minus `paid`. */
  | { readonly rule: 'trueUp'; readonly paid: string }
  | { readonly rule: 'priorBalance' }
  | { readonly rule: 'carryForward' }
  /** A draw or guarantee (`base`: earned before it; `unitAmount`: the draw for this period). */
  | {
      readonly rule: 'draw';
      readonly drawType: 'recoverable' | 'nonRecoverable' | 'recoverableGuarantee' | 'nonRecoverableGuarantee';
      /** The plan's draw per period, before proration. */
      readonly perPeriod: string;
      /** Active days (or whole months) over the period's, when the draw was prorated. */
      readonly proration: Proration | null;
    }
  /** Recovery of the draw balance: `rate` × `base` (available), rounded down, limited by the balance and cap. */
  | {
      readonly rule: 'recovery';
      readonly balance: string;
      /** The draw in effect this period (recovery leaves it), or `null` after the draw ended. */
      readonly draw: string | null;
      readonly cap: string | null;
    };

/** Everything needed to check a line by hand (`explainStatement` renders it as text). */
export interface LineExplanation {
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
  /** What else decided the line, as data. */
  readonly detail: LineDetail;
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
  /** The contract term in months (1–1200); required by a policy with basis `unservedTerm`. */
  readonly termMonths?: number;
  /** The first day of the term; default `creditDate` (basis `unservedTerm`). */
  readonly termStart?: IsoDate;
}

/** A customer payment on a deal (cash-basis plans): what was collected of the deal's amount. */
export interface CustomerPayment {
  readonly id: string;
  readonly dealId: string;
  /** The day the payment was received; must fall in the statement's period. */
  readonly date: IsoDate;
  /** Collected (positive). */
  readonly amount: Money;
  /** The deal's whole amount (the invoices' total) the payments are a part of. */
  readonly dealAmount: Money;
}

/** Commission of one deal held until the customer pays (cash-basis plans). */
export interface HeldCommission {
  /** Commission earned on the deal at booking. */
  readonly earned: Money;
  /** Released so far (≤ `earned`). */
  readonly released: Money;
  /** Collected from the customer so far. */
  readonly collected: Money;
  /** The deal's amount, from its first payment; `null` before any. */
  readonly dealAmount: Money | null;
}

/** Balances carried between statements. */
export interface Balances {
  /** Unrecovered draw the member owes (≥ 0). */
  readonly draw: Money;
  /** Cap excess deferred to later periods, per component. */
  readonly deferred: Readonly<Record<string, Money>>;
  /** A negative total carried forward (≤ 0), deducted from the next statement. */
  readonly carried: Money;
  /** Cash-basis plans only: commission held per deal id until the customer pays. */
  readonly held?: Readonly<Record<string, HeldCommission>>;
}

/**
 * Attainment over a longer span to date (the fiscal year or quarter), for gates judged on it
 * (`gateOn: 'toDate'`): what was credited toward attainment in the span before the statement's
 * period, and the span's quota (e.g. the annual quota).
 */
export interface AttainmentToDate {
  /** Credited toward attainment in the span before this period (the period's own credits are added). */
  readonly carriedIn: Money;
  /** The quota of the span the gate is judged against; a zero quota meets no gate. */
  readonly quota: Money;
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
  /** Cash-basis plans (`payableOn: 'payment'`): customer payments received in the period. */
  readonly payments?: readonly CustomerPayment[];
  /** Balances carried in from the previous statement; default all zero. */
  readonly priorBalance?: Partial<Balances>;
  /**
   * For gates judged `toDate` (`gateOn: 'toDate'`): the attainment credited in the longer span (fiscal
   * year or quarter to date) before this period, and that span's quota. The gate compares
   * `carriedIn + credited` with `gate × quota`.
   */
  readonly attainmentToDate?: AttainmentToDate;
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
  /** Days (or whole months) the member was active on the plan in `range`, over those of the full range. */
  readonly proration: Proration;
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
  /** Sorted. */
  readonly creditIds: readonly string[];
}

/** Partial sums of one component over a chunk of credits. */
export interface ComponentSummary {
  /** Σ counted base (after multipliers), exact decimal string. */
  readonly base: string;
  /** Σ units (perUnit), or the signed count of credits (spiff per credit); a safe integer. */
  readonly units: number;
  /** Sorted. */
  readonly creditIds: readonly string[];
  /** Per-credit tiered components only: one entry per tier, plus one for credits below the table first. */
  readonly tiers?: readonly TierSummary[];
}

/**
 * The JSON-serialisable partial statement of one member over a chunk of credits (core's
 * summary protocol: `kind: 'statement'`, `version: 1`). Amounts are exact decimal strings;
 * every list of credit ids is sorted.
 */
export interface StatementSummary extends Summary<'statement'> {
  readonly kind: 'statement';
  readonly version: 1;
  readonly planId: string;
  readonly versionId: string;
  readonly memberId: string;
  readonly currency: string;
  readonly range: Period;
  /** The prorated quota the per-credit tiers were placed with. */
  readonly quota: string;
  /** Every credit counted in this summary (sorted): a credit id in two merged summaries is refused. */
  readonly creditIds: readonly string[];
  readonly attainment: { readonly amount: string; readonly creditIds: readonly string[] };
  readonly components: Readonly<Record<string, ComponentSummary>>;
  /** Cash-basis plans only: the attainment credits' amount per deal id (exact decimal strings). */
  readonly deals?: Readonly<Record<string, string>>;
}
