/**
 * The reverse funnel: how many leads, meetings and opportunities a bookings target needs, from
 * the measured conversion rates.
 * @module
 */
import { exactToNumber } from '../core/decimal-text.js';
import { invalid } from '../core/errors.js';
import { exactDivRound, intSign } from '../core/exact.js';
import { readMoneyExact } from '../core/money.js';
import type { Money } from '../core/money.js';
import { criticalValue } from '../core/normal.js';
import { readInteger, readNumber, readFailure } from '../core/read.js';

/** A rate given as a fraction, or as the counts it was measured from (which give it an interval). */
export type MeasuredRate = number | { readonly successes: number; readonly trials: number };

/** One step of the way from lead to opportunity, or from opportunity to won. */
export interface FunnelStep {
  /** The step's name, as the result reports it (`'meeting'`, `'proposal'`). */
  readonly name: string;
  /** The share of the previous step that reaches this one. */
  readonly rate: MeasuredRate;
}

/** Inputs of {@link reverseFunnel}. */
export interface ReverseFunnelInputs {
  /** Average value of a won deal, in the target's currency. */
  readonly averageDealSize: Money;
  /**
   * Opportunity → won. Give either this or `stageConversions` (whose product is the win rate).
   */
  readonly winRate?: MeasuredRate;
  /**
   * The opportunity stages, in order, each with the share of the previous step that reaches it;
   * the last one is the share that wins. Their product is the win rate.
   */
  readonly stageConversions?: readonly FunnelStep[];
  /**
   * Lead → opportunity: one rate, or the steps between (e.g. `[{ name: 'meeting', rate: 0.3 },
   * { name: 'opportunity', rate: 0.5 }]`, whose last step must lead to the opportunity).
   */
  readonly leadConversion: MeasuredRate | readonly FunnelStep[];
  /** The number of periods (months, quarters) the target spans: every count is also given per period. Default 1. */
  readonly periods?: number;
  /** Confidence of the intervals. Default 0.95. */
  readonly confidence?: number;
}

/** How many entries one step needs. */
export interface FunnelNeed {
  /** The step: `'leads'`, a lead step's name, `'opportunities'`, a stage's name, or `'wins'`. */
  readonly name: string;
  /** The expected number needed over all periods (a real number). */
  readonly expected: number;
  /** The whole number to plan for: `expected` rounded up. */
  readonly required: number;
  /** `expected ÷ periods`. */
  readonly perPeriod: number;
  /**
   * The interval of `expected` from the counts of the rates below it (log-scale delta method);
   * `null` when every rate below it was given as a plain fraction.
   */
  readonly interval: { readonly lower: number; readonly upper: number } | null;
}

/** The answer of {@link reverseFunnel}. */
export interface ReverseFunnel {
  /** Every step, from leads to wins. */
  readonly steps: readonly FunnelNeed[];
  /** Leads needed (the first step). */
  readonly leads: FunnelNeed;
  /** Opportunities needed. */
  readonly opportunities: FunnelNeed;
  /** Deals to win: target ÷ average deal size. */
  readonly wins: FunnelNeed;
  /** The win rate used (opportunity → won). */
  readonly winRate: number;
  /** The lead → opportunity rate used. */
  readonly leadConversion: number;
}

interface ReadRate {
  readonly name: string;
  /** Where the rate was given (named when the counts it makes overflow). */
  readonly field: string;
  readonly p: number;
  /** Variance of ln p̂ by the delta method, (1 − p̂)/(n p̂); 0 for a plain fraction. */
  readonly logVariance: number;
}

function readRate(value: unknown, field: string, name: string): ReadRate {
  if (typeof value === 'number') {
    const p = readNumber(value, field, { min: 0, max: 1, exclusiveMin: true, code: 'INVALID_RATE' });
    return { name, field, p, logVariance: 0 };
  }
  if (typeof value !== 'object' || value === null) {
    throw invalid('INVALID_RATE', field, value, 'must be a fraction in (0, 1] or { successes, trials }');
  }
  const v = value as { successes?: unknown; trials?: unknown };
  const n = readInteger(v.trials, `${field}.trials`, { min: 1 });
  const k = readInteger(v.successes, `${field}.successes`, { min: 1, max: n });
  const p = k / n;
  return { name, field, p, logVariance: (1 - p) / (n * p) };
}

function readSteps(value: unknown, field: string): ReadRate[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw invalid('INVALID_INPUT', field, value, 'must be a non-empty array of { name, rate }');
  }
  // an index loop: map would call an own `constructor` of the caller's array (ArraySpeciesCreate)
  const out: ReadRate[] = [];
  for (let i = 0; i < value.length; i++) {
    const s: unknown = value[i];
    const step = s as { name?: unknown; rate?: unknown };
    if (typeof s !== 'object' || s === null || typeof step.name !== 'string' || step.name.length === 0) {
      throw invalid('INVALID_INPUT', `${field}[${i}]`, s, 'must be { name, rate }');
    }
    out.push(readRate(step.rate, `${field}[${i}].rate`, step.name));
  }
  return out;
}

/**
 * Works a bookings target back through the funnel:
 *
 * wins = target ÷ averageDealSize; opportunities = wins ÷ winRate;
 * leads = opportunities ÷ leadConversion,
 *
 * step by step when the stages or the lead steps are given (each step needs the next one's
 * count divided by its rate). Every count is a real number (`expected`), rounded up for the
 * plan (`required`), and divided by `periods`.
 *
 * A rate given as counts `{ successes, trials }` carries its sampling uncertainty into every
 * step above it: ln(needed) = ln(wins) − Σ ln p̂ₖ, with Var(ln p̂) ≈ (1 − p̂)/(n p̂) (the delta
 * method, counts independent), so the interval is needed · exp(± z · √Σ Var). A rate given as a
 * plain fraction is taken as exact. Worked example: TREW Marketing, "Calculate leads to revenue
 * in 3 steps",
 * https://www.trewmarketing.com/blog/marketing-for-engineers/calculate-leads-to-revenue-3-steps/ :
 * $500,000 ÷ $10,000 = 50 customers; at 2 % lead → customer, 2,500 leads.
 *
 * @param target - the bookings to reach (positive).
 * @param inputs - deal size, win rate or stage conversions, lead conversion, periods.
 * @returns the needs of every step, from leads to wins.
 * @throws {RevopsError} `INVALID_AMOUNT` for a target or deal size that is not positive;
 *   `CURRENCY_MISMATCH`; `INVALID_RATE` for a rate outside (0, 1] or counts with no success;
 *   `INVALID_INPUT` for neither or both of `winRate` and `stageConversions`, or (naming `target.amount` or the
 *   rate) a target so large, or rates so small, that a count needed exceeds the largest number (1.8e308).
 * @example
 * ```ts
 * import { reverseFunnel } from 'revops/planning';
 * const usd = (amount: string) => ({ amount, currency: 'USD' });
 * const f = reverseFunnel(usd('480000.00'), { averageDealSize: usd('20000.00'), winRate: 0.25,
 *   leadConversion: 0.1, periods: 12 });
 * [f.wins.expected, f.opportunities.expected, f.leads.expected, f.leads.perPeriod];
 * //=> [24, 96, 960, 80]
 * ```
 */
export function reverseFunnel(target: Money, inputs: ReverseFunnelInputs): ReverseFunnel {
  try {
    const t = readMoneyExact(target, 'target');
    if (typeof inputs !== 'object' || inputs === null) {
      throw invalid('INVALID_INPUT', 'inputs', inputs, 'must be an object');
    }
    const size = readMoneyExact(inputs.averageDealSize, 'inputs.averageDealSize');
    if (size.currency !== t.currency) {
      throw invalid('CURRENCY_MISMATCH', 'inputs.averageDealSize.currency', size.currency, `must be ${t.currency}`);
    }
    if (intSign(t.x.int) <= 0) throw invalid('INVALID_AMOUNT', 'target.amount', target.amount, 'must be positive');
    if (intSign(size.x.int) <= 0) {
      throw invalid(
        'INVALID_AMOUNT',
        'inputs.averageDealSize.amount',
        inputs.averageDealSize.amount,
        'must be positive',
      );
    }
    const periods = readInteger(inputs.periods ?? 1, 'inputs.periods', { min: 1, max: 10_000, code: 'INVALID_OPTION' });
    const confidence = readNumber(inputs.confidence ?? 0.95, 'inputs.confidence', {
      min: 0,
      max: 1,
      exclusiveMin: true,
      code: 'INVALID_RATE',
    });
    if (confidence >= 1) throw invalid('INVALID_RATE', 'inputs.confidence', confidence, 'must be below 1');
    const z = criticalValue(confidence);

    if ((inputs.winRate === undefined) === (inputs.stageConversions === undefined)) {
      throw invalid('INVALID_INPUT', 'inputs.winRate', inputs.winRate, 'must be given, or stageConversions, not both');
    }
    const stages =
      inputs.stageConversions !== undefined
        ? readSteps(inputs.stageConversions, 'inputs.stageConversions')
        : [readRate(inputs.winRate, 'inputs.winRate', 'wins')];
    const leadSteps = Array.isArray(inputs.leadConversion)
      ? readSteps(inputs.leadConversion, 'inputs.leadConversion')
      : [readRate(inputs.leadConversion, 'inputs.leadConversion', 'opportunities')];

    // From the top: leads, then each lead step, then each stage; the needs are computed from wins down.
    // wins: the exact quotient rounded once (amounts past 1.8e308 are money too), then the nearest double
    const wins = exactToNumber(exactDivRound(t.x, size.x, 20, 'halfEven'));
    const chain = [...leadSteps, ...stages];
    const needs: FunnelNeed[] = [];
    let expected = wins;
    let logVar = 0;
    // a count past the largest double (a target of 1e999, a rate of 5e-324) is refused, naming what made it
    const need = (name: string, field: string, value: unknown): FunnelNeed => {
      const sd = Math.sqrt(logVar);
      const upper = expected * Math.exp(z * sd);
      if (!Number.isFinite(upper)) {
        throw invalid('INVALID_INPUT', field, value, `makes the ${name} needed exceed the largest number (1.8e308)`);
      }
      return {
        name,
        expected,
        required: Math.ceil(expected - 1e-9 * Math.max(1, expected)),
        perPeriod: expected / periods,
        interval: logVar === 0 ? null : { lower: expected * Math.exp(-z * sd), upper },
      };
    };
    needs.push(need('wins', 'target.amount', target.amount));
    for (let i = chain.length - 1; i >= 0; i--) {
      const r = chain[i] as ReadRate;
      expected /= r.p;
      logVar += r.logVariance;
      const isFirstStage = i === leadSteps.length;
      const name = i === 0 ? 'leads' : isFirstStage ? 'opportunities' : (chain[i - 1] as ReadRate).name;
      needs.push(need(name, r.field, r.p));
    }
    needs.reverse();
    const steps = needs;
    const winRate = stages.reduce((a, s) => a * s.p, 1);
    const leadConversion = leadSteps.reduce((a, s) => a * s.p, 1);
    return {
      steps,
      leads: steps[0] as FunnelNeed,
      opportunities: steps[leadSteps.length] as FunnelNeed,
      wins: steps[steps.length - 1] as FunnelNeed,
      winRate,
      leadConversion,
    };
  } catch (thrown) {
    throw readFailure(thrown, { target, inputs });
  }
}
