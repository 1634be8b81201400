/**
 * A statement line: its exact value rounded once to the currency's minor unit with the plan's
 * rounding mode, and the data that explains it (no text: `explainStatement` words it).
 * @module
 * @internal
 */
import { formatDecimal } from '../core/decimal-text.js';
import { fromBig, roundDivNumber } from '../core/exact.js';
import { fromFixed } from '../core/money.js';
import { roundRational } from '../core/rounding.js';
import type { ResolvedContext } from './context.js';
import { pow10, type Fixed, type Rational } from './exact.js';
import type { LineDetail, LineExplanation, StatementLine, StatementLineKind } from './types.js';

/** What a line says beyond its amount; every field but `ruleId` and `detail` defaults to `null` / `[]`. @internal */
export interface LineFacts {
  readonly ruleId: string;
  readonly detail: LineDetail;
  readonly base?: Fixed | null;
  readonly rate?: string | null;
  readonly units?: number | null;
  readonly unitAmount?: string | null;
  readonly tier?: LineExplanation['tier'];
  /** Sorted. */
  readonly creditIds?: readonly string[];
}

const NO_IDS: readonly string[] = Object.freeze([]);

const MAX = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * `value` rounded once to the currency's minor unit with the plan's mode, as the amount's text:
 * through core's engine in safe integers while the numbers fit, in BigInt past them.
 */
function roundedAmount(value: Rational, ctx: ResolvedContext): string {
  const scaled = value.num * pow10(ctx.digits);
  if (scaled <= MAX && scaled >= -MAX && value.den <= MAX)
    return formatDecimal(roundDivNumber(Number(scaled), Number(value.den), ctx.mode), ctx.digits, ctx.digits);
  return formatDecimal(fromBig(roundRational(scaled, value.den, ctx.mode)), ctx.digits, ctx.digits);
}

/** Builds a statement line from its exact value, rounded to the minor unit. @internal */
export function makeLine(
  ctx: ResolvedContext,
  kind: StatementLineKind,
  componentId: string | null,
  value: Rational,
  facts: LineFacts,
): StatementLine {
  return {
    kind,
    componentId,
    amount: { amount: roundedAmount(value, ctx), currency: ctx.currency },
    explanation: {
      ruleId: facts.ruleId,
      base: facts.base == null ? null : fromFixed(facts.base, ctx.currency),
      rate: facts.rate ?? null,
      units: facts.units ?? null,
      unitAmount: facts.unitAmount ?? null,
      tier: facts.tier ?? null,
      creditIds: facts.creditIds ?? NO_IDS,
      detail: facts.detail,
    },
  };
}

/** The ids in code-unit order: the same array when it already is, else a sorted copy. @internal */
export function sortedIds(ids: readonly string[]): readonly string[] {
  for (let i = 1; i < ids.length; i++) if ((ids[i - 1] as string) > (ids[i] as string)) return [...ids].sort();
  return ids;
}
