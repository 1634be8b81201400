/**
 * Statement lines of each plan component, from the component's exact partial sums: rate,
 * tiered (marginal / retroactive / interpolated × perCredit / periodToDate / yearToDate ×
 * lower / higher boundary), perUnit, bonus, spiff, override, then gate, cap and floor.
 * @module
 * @internal
 */
import { fromFixed } from '../core/money.js';
import type { PlanComponent } from '../model/plan.js';
import { limitAmount, limitDetail, prorateAmount, type ResolvedContext } from './context.js';
import {
  addFixed,
  compareFixed,
  divFixed,
  fixedToString,
  multiplyFixed,
  negFixed,
  pow10,
  rat,
  subFixed,
  sumLines,
  ZERO,
  type Fixed,
  type Rational,
} from './exact.js';
import { makeLine } from './line.js';
import type { ComponentSums } from './sums.js';
import { marginalPortions, tierIndex, tierWidth, type AmountTier } from './tiers.js';
import type { LineDetail, LineExplanation, StatementLine, StatementLineKind } from './types.js';

const ZERO_RATIO: Rational = { num: 0n, den: 1n };

function money(ctx: ResolvedContext, f: Fixed): string {
  return fromFixed(f, ctx.currency).amount;
}

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
  s: ComponentSums,
  ruleId: string,
  carried: Fixed,
  weight: (r: Rational) => Rational,
  w: string | null,
): StatementLine[] {
  const tiers = ctx.tiersOf(c);
  const lines: StatementLine[] = [];
  // What a tier line says that depends only on the context: formatted once per context.
  const facts = ctx.once(c, () =>
    tiers.map((t, k) => {
      const bounds = c.tiers[k] as { from: string; to?: string };
      return {
        tier: Object.freeze({
          index: k,
          from: money(ctx, t.from),
          to: t.to === null ? null : money(ctx, t.to),
          boundary: c.boundary,
        }) as LineExplanation['tier'],
        rate: fixedToString(t.rate),
        ofQuota: c.basis === 'attainment' ? Object.freeze({ from: bounds.from, to: bounds.to ?? null }) : null,
        nextRate: c.split !== 'interpolated' || t.nextRate === null ? null : fixedToString(t.nextRate),
      };
    }),
  );
  const push = (
    k: number,
    value: Rational,
    base: Fixed,
    ids: readonly string[],
    how: 'perCreditMarginal' | 'perCreditWhole' | 'partOfTotal' | 'totalReached',
    total: string | null,
    carriedIn: string | null,
    at: string | null,
  ): void => {
    const f = facts[k] as (typeof facts)[number];
    lines.push(
      makeLine(ctx, 'tier', c.id, weight(value), {
        ruleId,
        base,
        rate: f.rate,
        tier: f.tier,
        creditIds: ids,
        detail: {
          rule: 'tier',
          weight: w,
          how,
          scope: c.scope,
          total,
          carriedIn,
          ofQuota: f.ofQuota,
          interpolation: f.nextRate === null ? null : { nextRate: f.nextRate, at },
        },
      }),
    );
  };
  if (c.scope === 'perCredit') {
    const ts = s.tiers ?? [];
    ts.forEach((t, i) => {
      const base = t.base;
      if (t.creditIds.length === 0 && base.int === 0n) return;
      if (i === 0) {
        lines.push(
          makeLine(ctx, 'tier', c.id, ZERO_RATIO, {
            ruleId,
            base,
            creditIds: t.creditIds,
            detail: { rule: 'noTier', reason: 'belowFirstTierPerCredit', scope: c.scope, total: null, carriedIn: null },
          }),
        );
        return;
      }
      const k = i - 1;
      const tier = tiers[k] as AmountTier;
      const tw = tierWidth(tier);
      const value =
        c.split === 'interpolated' && tw !== null && tier.nextRate !== null
          ? divFixed(
              addFixed(
                multiplyFixed(multiplyFixed(base, tier.rate), tw),
                multiplyFixed(t.linear, subFixed(tier.nextRate, tier.rate)),
              ),
              tw,
            )
          : rat(multiplyFixed(base, tier.rate));
      push(
        k,
        value,
        base,
        t.creditIds,
        c.split === 'marginal' ? 'perCreditMarginal' : 'perCreditWhole',
        null,
        null,
        null,
      );
    });
    return lines;
  }
  const base = s.base;
  const x0 = c.scope === 'yearToDate' ? carried : ZERO;
  const x1 = addFixed(x0, base);
  const total = money(ctx, x1);
  const carriedIn = c.scope === 'yearToDate' ? money(ctx, x0) : null;
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
        'partOfTotal',
        total,
        carriedIn,
        null,
      );
    });
  } else {
    const k = tierIndex(tiers, x1, c.boundary);
    if (k >= 0) {
      const t = tiers[k] as AmountTier;
      const value = c.split === 'retroactive' ? rat(multiplyFixed(base, t.rate)) : interpolatedValue(base, t, x1);
      push(k, value, base, s.creditIds, 'totalReached', total, carriedIn, total);
    }
  }
  if (lines.length === 0) {
    lines.push(
      makeLine(ctx, 'tier', c.id, ZERO_RATIO, {
        ruleId,
        base,
        creditIds: s.creditIds,
        detail: { rule: 'noTier', reason: 'belowFirstTier', scope: c.scope, total, carriedIn },
      }),
    );
  }
  return lines;
}

/** Output of {@link componentLines}: its lines and the deferred cap balance to carry. @internal */
export interface ComponentResult {
  readonly lines: StatementLine[];
  readonly deferred: Fixed | null;
}

/** Attainment to date for gates judged on it, read once per statement. @internal */
export interface ToDate {
  readonly carriedIn: Fixed;
  readonly quota: Fixed;
}

/** Lines of one component, including gate, cap (forfeit/defer, release) and floor. @internal */
export function componentLines(
  ctx: ResolvedContext,
  c: PlanComponent,
  s: ComponentSums,
  credited: Fixed,
  carriedIn: Fixed,
  priorDeferred: Fixed,
  toDate: ToDate | null = null,
): ComponentResult {
  const ruleId = ctx.once(`rule:${c.id}`, () => `${ctx.version.id}/${c.id}`);
  const base = s.base;
  const wf = c.weight === undefined ? null : ctx.dec(c.weight);
  const w = c.weight ?? null;
  const weight = (r: Rational): Rational => (wf === null ? r : { num: r.num * wf.int, den: r.den * pow10(wf.scale) });
  const quotaZero = ctx.quota.int === 0n;
  const reached = (fraction: string): boolean =>
    !quotaZero &&
    compareFixed(
      credited,
      ctx.once(`share:${fraction}`, () => multiplyFixed(ctx.dec(fraction), ctx.quota)),
    ) >= 0;
  const zero = (detail: LineDetail, kind: StatementLineKind = 'gate'): StatementLine =>
    makeLine(ctx, kind, c.id, ZERO_RATIO, { ruleId, base, creditIds: s.creditIds, detail });
  if (c.gate !== undefined && c.gateOn === 'toDate') {
    // judged on the longer span to date: carried in + the period's credited against gate × its quota
    const t = toDate as ToDate;
    const total = addFixed(t.carriedIn, credited);
    const met = t.quota.int !== 0n && compareFixed(total, multiplyFixed(ctx.dec(c.gate), t.quota)) >= 0;
    if (!met) {
      const detail: LineDetail = {
        rule: 'gateNotMet',
        gate: c.gate,
        on: 'toDate',
        toDate: {
          carriedIn: money(ctx, t.carriedIn),
          credited: money(ctx, credited),
          total: money(ctx, total),
          quota: money(ctx, t.quota),
        },
      };
      return { lines: [zero(detail)], deferred: priorDeferred.int === 0n ? null : priorDeferred };
    }
  } else if (c.gate !== undefined && !reached(c.gate)) {
    return {
      lines: [zero({ rule: 'gateNotMet', gate: c.gate, on: 'period', toDate: null })],
      deferred: priorDeferred.int === 0n ? null : priorDeferred,
    };
  }
  let lines: StatementLine[];
  switch (c.kind) {
    case 'rate': {
      const r = ctx.dec(c.rate);
      lines = [
        makeLine(ctx, 'commission', c.id, weight(rat(multiplyFixed(base, r))), {
          ruleId,
          base,
          rate: c.rate,
          creditIds: s.creditIds,
          detail: { rule: 'rate', weight: w, window: null },
        }),
      ];
      break;
    }
    case 'perUnit': {
      const u = ctx.dec(c.amountPerUnit);
      lines = [
        makeLine(ctx, 'perUnit', c.id, weight(rat(multiplyFixed(u, { int: BigInt(s.units), scale: 0 }))), {
          ruleId,
          units: s.units,
          unitAmount: c.amountPerUnit,
          creditIds: s.creditIds,
          detail: { rule: 'perUnit', weight: w, window: null },
        }),
      ];
      break;
    }
    case 'spiff': {
      const window = { start: c.window.start, end: c.window.end };
      if (c.rate !== undefined) {
        const r = ctx.dec(c.rate);
        lines = [
          makeLine(ctx, 'spiff', c.id, weight(rat(multiplyFixed(base, r))), {
            ruleId,
            base,
            rate: c.rate,
            creditIds: s.creditIds,
            detail: { rule: 'rate', weight: w, window },
          }),
        ];
      } else {
        const u = ctx.dec(c.amountPerCredit as string);
        lines = [
          makeLine(ctx, 'spiff', c.id, weight(rat(multiplyFixed(u, { int: BigInt(s.units), scale: 0 }))), {
            ruleId,
            units: s.units,
            unitAmount: c.amountPerCredit as string,
            creditIds: s.creditIds,
            detail: { rule: 'perUnit', weight: w, window },
          }),
        ];
      }
      break;
    }
    case 'override': {
      const r = ctx.dec(c.rate);
      let on = base;
      let threshold: Extract<LineDetail, { rule: 'override' }>['threshold'] = null;
      if (c.teamThreshold !== undefined) {
        const thr = limitAmount(ctx, ctx.dec(c.teamThreshold));
        const met = compareFixed(base, thr) >= 0;
        const mode = c.thresholdMode ?? 'excess';
        on = !met ? ZERO : mode === 'excess' ? subFixed(base, thr) : base;
        threshold = { amount: money(ctx, thr), limit: limitDetail(ctx, c.teamThreshold), met, mode };
      }
      lines = [
        makeLine(ctx, 'override', c.id, weight(rat(multiplyFixed(on, r))), {
          ruleId,
          base: on,
          rate: c.rate,
          creditIds: s.creditIds,
          detail: { rule: 'override', weight: w, teamCredits: money(ctx, base), threshold },
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
        const first = (c.steps[0] as { atLeast: string }).atLeast;
        lines = [zero({ rule: 'bonusNotReached', firstStep: quotaZero ? null : first }, 'bonus')];
      } else {
        const st = c.steps[step] as { atLeast: string; amount: string };
        const amt = prorateAmount(ctx, ctx.dec(st.amount));
        lines = [
          makeLine(ctx, 'bonus', c.id, weight(rat(amt)), {
            ruleId,
            unitAmount: fixedToString(amt),
            creditIds: s.creditIds,
            detail: { rule: 'bonus', weight: w, atLeast: st.atLeast, stepAmount: st.amount },
          }),
        ];
      }
      break;
    }
    case 'tiered': {
      if (c.basis === 'attainment' && quotaZero)
        lines = [zero({ rule: 'noTier', reason: 'quotaZero', scope: c.scope, total: null, carriedIn: null }, 'tier')];
      else lines = tieredLines(ctx, c, s, ruleId, carriedIn, weight, w);
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
  if (c.cap === undefined && c.floor === undefined)
    return { lines, deferred: priorDeferred.int === 0n ? null : priorDeferred };
  let total = sumLines(lines, ctx.digits);
  let deferred: Fixed | null = priorDeferred.int === 0n ? null : priorDeferred;
  const out = [...lines];
  if (c.cap !== undefined) {
    const cap = limitAmount(ctx, ctx.dec(c.cap.amount));
    const excess = subFixed(total, cap);
    if (excess.int > 0n) {
      const mode = c.cap.mode;
      out.push(
        makeLine(ctx, 'cap', c.id, rat(negFixed(excess)), {
          ruleId,
          base: total,
          unitAmount: fixedToString(cap),
          detail: { rule: 'cap', mode, limit: limitDetail(ctx, c.cap.amount) },
        }),
      );
      total = cap;
      if (mode === 'defer') deferred = addFixed(deferred ?? ZERO, excess);
    } else if (c.cap.mode === 'defer' && priorDeferred.int > 0n && excess.int < 0n) {
      const room = negFixed(excess);
      const release = compareFixed(room, priorDeferred) < 0 ? room : priorDeferred;
      out.push(
        makeLine(ctx, 'deferredRelease', c.id, rat(release), {
          ruleId,
          base: priorDeferred,
          unitAmount: fixedToString(cap),
          detail: { rule: 'deferredRelease' },
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
          ruleId,
          base: total,
          unitAmount: fixedToString(floor),
          detail: { rule: 'floor', limit: limitDetail(ctx, c.floor) },
        }),
      );
    }
  }
  if (deferred !== null && deferred.int === 0n) deferred = null;
  return { lines: out, deferred };
}
