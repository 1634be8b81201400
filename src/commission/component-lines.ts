/**
 * Statement lines of each plan component, from the component's exact partial sums: rate,
 * tiered (marginal / retroactive / interpolated × perCredit / periodToDate / yearToDate ×
 * lower / higher boundary), perUnit, bonus, spiff, override, then gate, cap and floor.
 * @module
 * @internal
 */
import { fromFixed, type Money } from '../core/money.js';
import { roundRational } from '../core/rounding.js';
import { pow10 } from '../core/fixed.js';
import type { PlanComponent } from '../model/plan.js';
import { limitAmount, prorateAmount, type ResolvedContext } from './context.js';
import {
  sumAmounts,
  addFixed,
  compareFixed,
  divFixed,
  fixedToString,
  multiplyFixed,
  negFixed,
  parseFixed,
  subFixed,
  ZERO,
  type Fixed,
  type Rational,
} from './exact.js';
import { amountTiers, marginalPortions, tierIndex, tierWidth, type AmountTier } from './tiers.js';
import type { ComponentSummary, LineExplanation, StatementLine, StatementLineKind } from './types.js';

/** Exact value of a line before rounding. @internal */
export function rat(f: Fixed): Rational {
  return { num: f.int, den: pow10(f.scale) };
}

/** The ids in code-unit order: the same array when it already is (the usual case), else a sorted copy. @internal */
export function sortedIds(ids: readonly string[]): readonly string[] {
  for (let i = 1; i < ids.length; i++) if ((ids[i - 1] as string) > (ids[i] as string)) return [...ids].sort();
  return ids;
}

/** Builds a rounded statement line. @internal */
export function makeLine(
  ctx: ResolvedContext,
  kind: StatementLineKind,
  componentId: string | null,
  value: Rational,
  explanation: Omit<LineExplanation, 'text' | 'creditIds' | 'base'> & {
    text: (amount: string) => string;
    base?: Fixed | null;
    creditIds?: readonly string[];
  },
): StatementLine {
  const units = roundRational(value.num * pow10(ctx.digits), value.den, ctx.mode);
  const amount: Money = fromFixed({ int: units, scale: ctx.digits }, ctx.currency);
  return {
    kind,
    componentId,
    amount,
    explanation: {
      text: explanation.text(amount.amount),
      ruleId: explanation.ruleId,
      base: explanation.base == null ? null : fromFixed(explanation.base, ctx.currency),
      rate: explanation.rate,
      units: explanation.units,
      unitAmount: explanation.unitAmount,
      tier: explanation.tier,
      creditIds: sortedIds(explanation.creditIds ?? []),
    },
  };
}

/** A rate as text: `"0.06 (6%)"`. @internal */
export function pct(rate: Fixed): string {
  return `${fixedToString(rate)} (${fixedToString(multiplyFixed(rate, { int: 100n, scale: 0 }))}%)`;
}

/** `" prorated 79/90 days"` when the amount was prorated, else `""`. @internal */
export function prorated(ctx: ResolvedContext, per: 'range' | 'period'): string {
  const p = per === 'range' ? ctx.proration : ctx.periodProration;
  return p.numerator === p.denominator ? '' : ` prorated ${p.numerator}/${p.denominator} days`;
}

/** How a per-period limit was scaled: `""`, `" (100.00 prorated 15/31 days)"` or `" (100.00 per month over 3 months to date, prorated by active days)"`. */
function limitText(ctx: ResolvedContext, amount: string): string {
  const { num, den, periods } = ctx.limits;
  if (!ctx.trueUp) return num === den ? '' : ` (${money(ctx, ctx.dec(amount))}${prorated(ctx, 'range')})`;
  const unit = ctx.plan.periodLength === 'year' ? 'year' : ctx.plan.periodLength;
  const whole = num === den * BigInt(periods);
  return ` (${money(ctx, ctx.dec(amount))} per ${unit} over ${periods} ${unit}${periods === 1 ? '' : 's'} to date${whole ? '' : ', prorated by active days'})`;
}

function money(ctx: ResolvedContext, f: Fixed): string {
  return fromFixed(f, ctx.currency).amount;
}

function bounds(ctx: ResolvedContext, t: AmountTier, boundary: 'lower' | 'higher'): string {
  const to = t.to === null ? '∞' : money(ctx, t.to);
  return boundary === 'higher' ? `[${money(ctx, t.from)}, ${to})` : `(${money(ctx, t.from)}, ${to}]`;
}

const NONE = { rate: null, units: null, unitAmount: null, tier: null } as const;

/** The exact rate at `x` inside tier `t` (interpolated), as a rational. */
function interpolatedValue(base: Fixed, t: AmountTier, x: Fixed): Rational {
  const w = tierWidth(t);
  if (w === null || t.nextRate === null) return rat(multiplyFixed(base, t.rate));
  // base × (rate + (next − rate) × (x − from) / w)  =  (base·rate·w + base·(next−rate)·(x−from)) / w
  const numFixed = addFixed(
    multiplyFixed(multiplyFixed(base, t.rate), w),
    multiplyFixed(multiplyFixed(base, subFixed(t.nextRate, t.rate)), subFixed(x, t.from)),
  );
  return divFixed(numFixed, w);
}

/** Lines of one tiered component. */
function tieredLines(
  ctx: ResolvedContext,
  c: Extract<PlanComponent, { kind: 'tiered' }>,
  s: ComponentSummary,
  ruleId: string,
  carried: Fixed,
  weight: (r: Rational) => Rational,
  wText: string,
): StatementLine[] {
  const tiers = amountTiers(c.tiers, c.basis, ctx.quota, ctx.dec);
  const lines: StatementLine[] = [];
  const tierInfo = (k: number): LineExplanation['tier'] => {
    const t = tiers[k] as AmountTier;
    return { index: k, from: money(ctx, t.from), to: t.to === null ? null : money(ctx, t.to), boundary: c.boundary };
  };
  const ofQuota = (k: number): string => {
    if (c.basis !== 'attainment') return '';
    const t = c.tiers[k] as { from: string; to?: string };
    const p = (x: string): string => `${fixedToString(multiplyFixed(ctx.dec(x), { int: 100n, scale: 0 }))}%`;
    return t.to === undefined ? ` (${p(t.from)} of quota and above)` : ` (${p(t.from)}–${p(t.to)} of quota)`;
  };
  const rateText = (t: AmountTier, at: Fixed | null): string =>
    c.split !== 'interpolated' || t.nextRate === null
      ? pct(t.rate)
      : `a rate moving from ${pct(t.rate)} to ${pct(t.nextRate)} across the tier${at === null ? ', taken at each credit' : `, taken at ${money(ctx, at)}`}`;
  const push = (
    k: number,
    value: Rational,
    base: Fixed,
    ids: readonly string[],
    how: string,
    at: Fixed | null,
  ): void => {
    const t = tiers[k] as AmountTier;
    lines.push(
      makeLine(ctx, 'tier', c.id, weight(value), {
        ruleId,
        base,
        rate: fixedToString(t.rate),
        units: null,
        unitAmount: null,
        tier: tierInfo(k),
        creditIds: ids,
        text: (a) =>
          `tier ${k + 1} ${bounds(ctx, t, c.boundary)}${ofQuota(k)}: ${how}, ${money(ctx, base)} at ${rateText(t, at)}${wText} = ${a}`,
      }),
    );
  };
  if (c.scope === 'perCredit') {
    const ts = s.tiers ?? [];
    ts.forEach((t, i) => {
      const base = parseFixed(t.base);
      if (t.creditIds.length === 0 && base.int === 0n) return;
      if (i === 0) {
        lines.push(
          makeLine(
            ctx,
            'tier',
            c.id,
            { num: 0n, den: 1n },
            {
              ...NONE,
              ruleId,
              base,
              creditIds: t.creditIds,
              text: (a) => `credits below the first tier pay nothing: ${a}`,
            },
          ),
        );
        return;
      }
      const k = i - 1;
      const tier = tiers[k] as AmountTier;
      const w = tierWidth(tier);
      const value =
        c.split === 'interpolated' && w !== null && tier.nextRate !== null
          ? divFixed(
              addFixed(
                multiplyFixed(multiplyFixed(base, tier.rate), w),
                multiplyFixed(parseFixed(t.linear), subFixed(tier.nextRate, tier.rate)),
              ),
              w,
            )
          : rat(multiplyFixed(base, tier.rate));
      push(
        k,
        value,
        base,
        t.creditIds,
        c.split === 'marginal'
          ? 'the part of each credit inside this tier (each credit starts from 0)'
          : 'credits whose amount lands in this tier, whole amounts',
        null,
      );
    });
    return lines;
  }
  const base = parseFixed(s.base);
  const x0 = c.scope === 'yearToDate' ? carried : ZERO;
  const x1 = addFixed(x0, base);
  const total =
    c.scope === 'yearToDate'
      ? `the year-to-date total (${money(ctx, x0)} carried in, ${money(ctx, x1)} now)`
      : `the period total ${money(ctx, x1)}`;
  if (c.split === 'marginal') {
    const neg = base.int < 0n;
    const portions = marginalPortions(tiers, neg ? x1 : x0, neg ? x0 : x1);
    portions.forEach((p, k) => {
      if (p.int === 0n) return;
      const part = neg ? negFixed(p) : p;
      push(
        k,
        rat(multiplyFixed(part, (tiers[k] as AmountTier).rate)),
        part,
        s.creditIds,
        `the part of ${total} inside this tier`,
        null,
      );
    });
  } else {
    const k = tierIndex(tiers, x1, c.boundary);
    if (k >= 0) {
      const t = tiers[k] as AmountTier;
      const value = c.split === 'retroactive' ? rat(multiplyFixed(base, t.rate)) : interpolatedValue(base, t, x1);
      push(
        k,
        value,
        base,
        s.creditIds,
        `${total} reached this tier, so the whole ${c.scope === 'yearToDate' ? "period's amount" : 'amount'} is paid at its rate`,
        x1,
      );
    }
  }
  if (lines.length === 0) {
    lines.push(
      makeLine(
        ctx,
        'tier',
        c.id,
        { num: 0n, den: 1n },
        { ...NONE, ruleId, base, creditIds: s.creditIds, text: (a) => `${total} is below the first tier: ${a}` },
      ),
    );
  }
  return lines;
}

/** Output of {@link componentLines}: its lines and the deferred cap balance to carry. @internal */
export interface ComponentResult {
  readonly lines: StatementLine[];
  readonly deferred: Fixed | null;
}

/** Lines of one component, including gate, cap (forfeit/defer, release) and floor. @internal */
export function componentLines(
  ctx: ResolvedContext,
  c: PlanComponent,
  s: ComponentSummary,
  credited: Fixed,
  carriedIn: Fixed,
  priorDeferred: Fixed,
): ComponentResult {
  const ruleId = `${ctx.version.id}/${c.id}`;
  const base = parseFixed(s.base);
  const w = c.weight === undefined ? null : ctx.dec(c.weight);
  const weight = (r: Rational): Rational => (w === null ? r : { num: r.num * w.int, den: r.den * pow10(w.scale) });
  const wText = w === null ? '' : ` × weight ${fixedToString(w)}`;
  const quotaZero = ctx.quota.int === 0n;
  const reached = (fraction: string): boolean =>
    !quotaZero && compareFixed(credited, multiplyFixed(ctx.dec(fraction), ctx.quota)) >= 0;
  const zero = (text: string, kind: StatementLineKind = 'gate'): StatementLine =>
    makeLine(
      ctx,
      kind,
      c.id,
      { num: 0n, den: 1n },
      { ...NONE, ruleId, base, creditIds: s.creditIds, text: () => text },
    );
  if (c.gate !== undefined && !reached(c.gate)) {
    const need = multiplyFixed(ctx.dec(c.gate), ctx.quota);
    return {
      lines: [
        zero(
          `gate ${ctx.pct(c.gate)} of quota not met: credited ${money(ctx, credited)} < ${money(ctx, need)}; pays 0.00`,
        ),
      ],
      deferred: priorDeferred.int === 0n ? null : priorDeferred,
    };
  }
  let lines: StatementLine[];
  switch (c.kind) {
    case 'rate': {
      const r = ctx.dec(c.rate);
      lines = [
        makeLine(ctx, 'commission', c.id, weight(rat(multiplyFixed(base, r))), {
          ...NONE,
          ruleId,
          base,
          rate: c.rate,
          creditIds: s.creditIds,
          text: (a) => `${money(ctx, base)} credited at ${ctx.pct(c.rate)}${wText} = ${a}`,
        }),
      ];
      break;
    }
    case 'perUnit': {
      const u = ctx.dec(c.amountPerUnit);
      lines = [
        makeLine(ctx, 'perUnit', c.id, weight(rat(multiplyFixed(u, { int: BigInt(s.units), scale: 0 }))), {
          ...NONE,
          ruleId,
          units: s.units,
          unitAmount: c.amountPerUnit,
          creditIds: s.creditIds,
          text: (a) => `${s.units} units × ${money(ctx, u)}${wText} = ${a}`,
        }),
      ];
      break;
    }
    case 'spiff': {
      if (c.rate !== undefined) {
        const r = ctx.dec(c.rate);
        lines = [
          makeLine(ctx, 'spiff', c.id, weight(rat(multiplyFixed(base, r))), {
            ...NONE,
            ruleId,
            base,
            rate: c.rate,
            creditIds: s.creditIds,
            text: (a) =>
              `${money(ctx, base)} of matching credits in ${c.window.start}..${c.window.end} at ${ctx.pct(c.rate as string)}${wText} = ${a}`,
          }),
        ];
      } else {
        const u = ctx.dec(c.amountPerCredit as string);
        lines = [
          makeLine(ctx, 'spiff', c.id, weight(rat(multiplyFixed(u, { int: BigInt(s.units), scale: 0 }))), {
            ...NONE,
            ruleId,
            units: s.units,
            unitAmount: c.amountPerCredit as string,
            creditIds: s.creditIds,
            text: (a) =>
              `${s.units} matching credits in ${c.window.start}..${c.window.end} × ${money(ctx, u)}${wText} = ${a}`,
          }),
        ];
      }
      break;
    }
    case 'override': {
      const r = ctx.dec(c.rate);
      let on = base;
      let how = `team credits ${money(ctx, base)}`;
      if (c.teamThreshold !== undefined) {
        const thr = limitAmount(ctx, ctx.dec(c.teamThreshold));
        const met = compareFixed(base, thr) >= 0;
        on = !met ? ZERO : (c.thresholdMode ?? 'excess') === 'excess' ? subFixed(base, thr) : base;
        how = !met
          ? `team credits ${money(ctx, base)} below threshold ${money(ctx, thr)}${limitText(ctx, c.teamThreshold as string)}`
          : (c.thresholdMode ?? 'excess') === 'excess'
            ? `team credits ${money(ctx, base)} above threshold ${money(ctx, thr)}${limitText(ctx, c.teamThreshold as string)}: ${money(ctx, on)}`
            : `team credits ${money(ctx, base)} (threshold ${money(ctx, thr)}${limitText(ctx, c.teamThreshold as string)} reached)`;
      }
      lines = [
        makeLine(ctx, 'override', c.id, weight(rat(multiplyFixed(on, r))), {
          ...NONE,
          ruleId,
          base: on,
          rate: c.rate,
          creditIds: s.creditIds,
          text: (a) => `${how} at ${ctx.pct(c.rate)}${wText} = ${a}`,
        }),
      ];
      break;
    }
    case 'bonus': {
      let step = -1;
      c.steps.forEach((st, i) => {
        if (reached(st.atLeast)) step = i;
      });
      if (step < 0) {
        lines = [
          zero(
            quotaZero
              ? 'quota is zero: no bonus step can be reached; pays 0.00'
              : `no bonus step reached (first at ${ctx.pct((c.steps[0] as { atLeast: string }).atLeast)} of quota); pays 0.00`,
            'bonus',
          ),
        ];
      } else {
        const st = c.steps[step] as { atLeast: string; amount: string };
        const amt = prorateAmount(ctx, ctx.dec(st.amount));
        lines = [
          makeLine(ctx, 'bonus', c.id, weight(rat(amt)), {
            ...NONE,
            ruleId,
            unitAmount: fixedToString(amt),
            creditIds: s.creditIds,
            text: (a) =>
              `credited ${money(ctx, credited)} reached the step at ${ctx.pct(st.atLeast)} of quota (${money(ctx, multiplyFixed(ctx.dec(st.atLeast), ctx.quota))}): bonus ${money(ctx, ctx.dec(st.amount))}${prorated(ctx, 'range')}${wText} = ${a}`,
          }),
        ];
      }
      break;
    }
    case 'tiered': {
      if (c.basis === 'attainment' && quotaZero)
        lines = [zero('quota is zero: attainment tiers pay nothing; pays 0.00', 'tier')];
      else lines = tieredLines(ctx, c, s, ruleId, carriedIn, weight, wText);
      break;
    }
  }
  return applyCapFloor(ctx, c, lines, ruleId, priorDeferred);
}

function applyCapFloor(
  ctx: ResolvedContext,
  c: PlanComponent,
  lines: StatementLine[],
  ruleId: string,
  priorDeferred: Fixed,
): ComponentResult {
  let total = sumAmounts(lines, ctx.digits);
  let deferred: Fixed | null = priorDeferred.int === 0n ? null : priorDeferred;
  const out = [...lines];
  if (c.cap !== undefined) {
    const cap = limitAmount(ctx, ctx.dec(c.cap.amount));
    const excess = subFixed(total, cap);
    if (excess.int > 0n) {
      const defer = c.cap.mode === 'defer';
      out.push(
        makeLine(ctx, 'cap', c.id, rat(negFixed(excess)), {
          ...NONE,
          ruleId,
          base: total,
          unitAmount: fixedToString(cap),
          text: (a) =>
            `capped at ${money(ctx, cap)}${limitText(ctx, (c.cap as { amount: string }).amount)}: ${money(ctx, total)} earned, ${a} ${defer ? 'deferred to later periods' : 'forfeited'}`,
        }),
      );
      total = cap;
      if (defer) deferred = addFixed(deferred ?? ZERO, excess);
    } else if (c.cap.mode === 'defer' && priorDeferred.int > 0n && excess.int < 0n) {
      const room = negFixed(excess);
      const release = compareFixed(room, priorDeferred) < 0 ? room : priorDeferred;
      out.push(
        makeLine(ctx, 'deferredRelease', c.id, rat(release), {
          ...NONE,
          ruleId,
          base: priorDeferred,
          unitAmount: fixedToString(cap),
          text: (a) =>
            `released from ${money(ctx, priorDeferred)} deferred by the cap, up to the cap ${money(ctx, cap)}: ${a}`,
        }),
      );
      total = addFixed(total, release);
      deferred = subFixed(priorDeferred, release);
    }
  }
  if (c.floor !== undefined) {
    const floor = limitAmount(ctx, ctx.dec(c.floor));
    if (compareFixed(total, floor) < 0) {
      const top = subFixed(floor, total);
      out.push(
        makeLine(ctx, 'floor', c.id, rat(top), {
          ...NONE,
          ruleId,
          base: total,
          unitAmount: fixedToString(floor),
          text: (a) =>
            `floor ${money(ctx, floor)}${limitText(ctx, c.floor as string)}: earned ${money(ctx, total)}, topped up by ${a}`,
        }),
      );
    }
  }
  if (deferred !== null && deferred.int === 0n) deferred = null;
  return { lines: out, deferred };
}
