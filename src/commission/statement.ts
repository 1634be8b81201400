/**
 * Statements: attainment, one line per component and tier crossed, clawbacks, adjustments,
 * true-ups, draws and recoveries, each with its explanation; lines rounded to the minor unit;
 * totals are sums of rounded lines.
 * @module
 */
import { addMonths, daysBetween, assertIsoDate } from '../core/dates.js';
import { describeValue, invalid, RevopsError } from '../core/errors.js';
import { fromFixed, readMoney, type Money } from '../core/money.js';
import { entityPath, readArray, readInteger, readObject, readString, readFailure } from '../core/read.js';
import { invalidSummary } from '../core/summary.js';
import type { Credit } from '../model/credit.js';
import { componentLines, type ToDate } from './component-lines.js';
import { resolveContext, type ResolvedContext } from './context.js';
import { drawLines } from './draws.js';
import {
  addFixed,
  compareFixed,
  fixedToString,
  minFixed,
  multiplyFixed,
  negFixed,
  parseFixed,
  pow10,
  rat,
  ratioToNumber,
  subFixed,
  sumLines,
  ZERO,
  type Fixed,
} from './exact.js';
import { makeLine } from './line.js';
import { paymentLines } from './payments.js';
import { collectSums, type ComponentSums, type StatementSums } from './sums.js';
import { readStatementSummary } from './summary.js';
import type {
  Balances,
  ClawbackEvent,
  Statement,
  StatementContext,
  StatementInput,
  StatementLine,
  StatementSummary,
} from './types.js';

function readAmount(ctx: ResolvedContext, value: unknown, field: string): Fixed {
  const m = readMoney(value, field);
  if (m.currency !== ctx.currency)
    throw invalid('CURRENCY_MISMATCH', `${field}.currency`, m.currency, `must be the plan currency ${ctx.currency}`);
  return m.fixed;
}

/**
 * The clawback events, each read once with the position it was given at (its field names it,
 * whatever the order they are posted in): an object with a string `id` and `dealId` and a list of
 * credit ids. The same id twice is refused with `DUPLICATE_ID` naming both positions: a cancelled
 * deal is clawed back once, never twice.
 */
function readClawbacks(value: unknown): { e: ClawbackEvent; field: string; creditIds: string[] }[] {
  if (value === undefined) return [];
  const list = readArray(value, 'clawbacks');
  const out: { e: ClawbackEvent; field: string; creditIds: string[] }[] = [];
  const seen = new Map<string, number>();
  for (let i = 0; i < list.length; i++) {
    const e = list[i] as ClawbackEvent;
    const field = entityPath('clawbacks', i, e);
    readObject(e, field);
    const id = readString(e.id, `${field}.id`);
    const first = seen.get(id);
    if (first !== undefined)
      throw new RevopsError(
        'DUPLICATE_ID',
        `${field} repeats clawbacks[${first}]: a clawback is posted once, never twice`,
        { field: `${field}.id`, value: id, details: { id, first, second: i } },
      );
    seen.set(id, i);
    readString(e.dealId, `${field}.dealId`);
    const ids = e.creditIds === undefined ? [] : readArray(e.creditIds, `${field}.creditIds`);
    const creditIds: string[] = [];
    for (let k = 0; k < ids.length; k++) creditIds.push(readString(ids[k], `${field}.creditIds[${k}]`));
    out.push({ e, field, creditIds: creditIds.sort() });
  }
  return out;
}

function clawbackLines(
  ctx: ResolvedContext,
  input: StatementContext,
): { lines: StatementLine[]; attainmentReduction: Fixed } {
  const events = readClawbacks(input.clawbacks);
  if (events.length === 0) return { lines: [], attainmentReduction: ZERO };
  const policy = ctx.version.clawback;
  if (policy === undefined)
    throw invalid(
      'INVALID_OPTION',
      'clawbacks',
      events.length,
      `given, but plan version ${JSON.stringify(ctx.version.id)} has no clawback policy`,
    );
  let reduction = ZERO;
  const lines = events
    .sort((a, b) => (a.e.id < b.e.id ? -1 : a.e.id > b.e.id ? 1 : 0))
    .map(({ e, field, creditIds }) => {
      assertIsoDate(e.creditDate, `${field}.creditDate`);
      assertIsoDate(e.knownDate, `${field}.knownDate`);
      if (e.knownDate < ctx.period.start || e.knownDate > ctx.period.end)
        throw invalid(
          'INVALID_INPUT',
          `${field}.knownDate`,
          e.knownDate,
          `must fall in the statement's period ${ctx.period.start}..${ctx.period.end} (a clawback is posted when ` +
            `it becomes known)`,
        );
      if (e.knownDate < e.creditDate)
        throw invalid(
          'INVALID_INPUT',
          `${field}.knownDate`,
          e.knownDate,
          `must not be before creditDate ${e.creditDate}`,
        );
      const base = readAmount(ctx, e.base, `${field}.base`);
      const paid = readAmount(ctx, e.paid, `${field}.paid`);
      if (base.int < 0n)
        throw invalid(
          'INVALID_AMOUNT',
          `${field}.base.amount`,
          e.base.amount,
          'must not be negative (the base being reversed)',
        );
      if (paid.int < 0n) throw invalid('INVALID_AMOUNT', `${field}.paid.amount`, e.paid.amount, 'must not be negative');
      const rate = parseFixed(e.rate, `${field}.rate`);
      if (policy.basis === 'unservedTerm') {
        const term = unservedTerm(e, field);
        const atRate = multiplyFixed(base, rate);
        // base × rate × unserved / term, exact; never more than was paid
        const value = {
          num: atRate.int * BigInt(term.months - term.served),
          den: pow10(atRate.scale) * BigInt(term.months),
        };
        const limited = value.num * pow10(paid.scale) > paid.int * value.den;
        const reversed = limited ? rat(paid) : value;
        if (policy.reducesAttainment && term.served < term.months) reduction = addFixed(reduction, base);
        return makeLine(
          ctx,
          'clawback',
          null,
          { num: -reversed.num, den: reversed.den },
          {
            ruleId: `clawback/${e.id}`,
            base,
            rate: fixedToString(rate),
            creditIds,
            detail: {
              rule: 'clawbackTerm',
              dealId: e.dealId,
              creditDate: e.creditDate,
              termStart: term.start,
              termMonths: term.months,
              servedMonths: term.served,
              paid: fromFixed(paid, ctx.currency).amount,
              limited,
            },
          },
        );
      }
      const schedule = policy.schedule ?? [];
      const days = daysBetween(e.creditDate, e.knownDate);
      const step = schedule.find((s) => days <= s.withinDays);
      const share = step === undefined ? ZERO : parseFixed(step.share);
      const atRate = multiplyFixed(multiplyFixed(base, rate), share);
      const amount = minFixed(atRate, paid);
      if (policy.reducesAttainment && share.int > 0n) reduction = addFixed(reduction, base);
      const last = (schedule[schedule.length - 1] as { withinDays: number }).withinDays;
      return makeLine(ctx, 'clawback', null, rat(negFixed(amount)), {
        ruleId: `clawback/${e.id}`,
        base,
        rate: fixedToString(rate),
        creditIds,
        detail: {
          rule: 'clawback',
          dealId: e.dealId,
          creditDate: e.creditDate,
          days,
          withinDays: step === undefined ? null : step.withinDays,
          lastWithinDays: last,
          share: fixedToString(share),
          paid: fromFixed(paid, ctx.currency).amount,
          limited: compareFixed(atRate, paid) > 0,
        },
      });
    });
  return { lines, attainmentReduction: reduction };
}

/** `credited ÷ quota` for display; refused when no double can hold it (an amount of 1e999 over 1). */
function attainmentOf(credited: Fixed, quota: Fixed): number {
  const a = ratioToNumber(credited, quota);
  if (a === null)
    throw invalid(
      'INVALID_AMOUNT',
      'credited',
      fixedToString(credited),
      `over the quota ${fixedToString(quota)} gives an attainment beyond the range of a number (±1.8e308)`,
    );
  return a;
}

/** Most months a contract term may have (100 years). */
const MAX_TERM_MONTHS = 1200;

/**
 * The term of a clawback event and the whole months served: the largest `n ≤ termMonths` with
 * `termStart + n months ≤ knownDate` (core's `addMonths`: the 31st + 1 month is the month's last day).
 */
function unservedTerm(e: ClawbackEvent, field: string): { start: string; months: number; served: number } {
  if (e.termMonths === undefined)
    throw invalid(
      'INVALID_INPUT',
      `${field}.termMonths`,
      undefined,
      "is required: the plan's clawback policy reverses the unserved part of the contract term",
    );
  const months = readInteger(e.termMonths, `${field}.termMonths`, { min: 1, max: MAX_TERM_MONTHS });
  const start = e.termStart === undefined ? e.creditDate : assertIsoDate(e.termStart, `${field}.termStart`);
  if (start > e.knownDate)
    throw invalid('INVALID_INPUT', `${field}.termStart`, start, `must not be after knownDate ${e.knownDate}`);
  const y = (d: string): number => Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7));
  let served = Math.min(months, y(e.knownDate) - y(start));
  while (served > 0 && addMonths(start, served) > e.knownDate) served--;
  return { start, months, served };
}

/** `attainmentToDate`, read when a gate of the version is judged on it (required then). */
function readToDate(ctx: ResolvedContext, input: StatementContext): ToDate | null {
  const given = input.attainmentToDate;
  const needs = ctx.components.find((cc) => cc.c.gateOn === 'toDate');
  if (given === undefined) {
    if (needs === undefined) return null;
    throw invalid(
      'INVALID_INPUT',
      'attainmentToDate',
      undefined,
      `is required: the gate of component "${needs.c.id}" is judged on the attainment to date (gateOn 'toDate')`,
    );
  }
  readObject(given, 'attainmentToDate');
  if (ctx.trueUp)
    throw invalid(
      'INVALID_OPTION',
      'attainmentToDate',
      given,
      'must not be given with paidToDate: a true-up already evaluates the fiscal year to date',
    );
  const carriedIn = readAmount(ctx, given.carriedIn, 'attainmentToDate.carriedIn');
  const quota = readAmount(ctx, given.quota, 'attainmentToDate.quota');
  if (quota.int < 0n)
    throw invalid('INVALID_AMOUNT', 'attainmentToDate.quota.amount', given.quota.amount, 'must not be negative');
  return { carriedIn, quota };
}

/**
 * Turns a (merged) partial statement into the statement: component lines, clawbacks,
 * adjustments, true-up, carried balances, draw and recovery, totals and balances.
 *
 * @param summary - from `summarizeStatement` / `mergeStatement` for the same context.
 * @param context - the statement input without `credits`.
 * @returns the statement (see `calculateStatement`).
 * @throws {RevopsError} as `calculateStatement`; `INVALID_INPUT` when the summary was made
 *   for another member, version, range or quota.
 * @example
 * ```ts
 * import { finalizeStatement, mergeStatement, summarizeStatement } from 'revops/commission';
 * const plan = { id: 'p', currency: 'USD', periodLength: 'month',
 *   versions: [{ id: 'v', effectiveFrom: '2026-01-01', components: [{ id: 'c', kind: 'rate', rate: '0.1' }] }] };
 * const member = { id: 'ae', name: 'Ana', roleId: 'ae', startDate: '2025-01-01', territoryIds: [] };
 * const credit = (id: string, amount: string) => ({ id, dealId: id, memberId: 'ae', kind: 'owner' as const,
 *   measure: 'bookings' as const, date: '2026-01-10', amount: { amount, currency: 'USD' } });
 * const context = { plan, member, period: { start: '2026-01-01', end: '2026-01-31' }, quota: { amount: '10000',
 *   currency: 'USD' } };
 * const merged = mergeStatement(summarizeStatement([credit('a', '100.05')], context),
 *   summarizeStatement([credit('b', '0.05')], context));
 * finalizeStatement(merged, context).payable;
 * //=> { amount: '10.01', currency: 'USD' }
 * ```
 */
export function finalizeStatement(summary: StatementSummary, context: StatementContext): Statement {
  try {
    const ctx = resolveContext(context);
    const read = readStatementSummary(summary, 'summary');
    const expected = {
      planId: ctx.plan.id,
      versionId: ctx.version.id,
      memberId: context.member.id,
      currency: ctx.currency,
      quota: fixedToString(ctx.quota),
    };
    for (const k of ['planId', 'versionId', 'memberId', 'currency', 'quota'] as const)
      if (read[k] !== expected[k])
        throw invalidSummary(`summary.${k}`, read[k], `must be ${describeValue(expected[k])}, as the context gives`);
    if (read.range.start !== ctx.range.start || read.range.end !== ctx.range.end)
      throw invalidSummary(
        'summary.range',
        read.range,
        `must be ${ctx.range.start}..${ctx.range.end}, as the context gives`,
      );
    const components = ctx.components.map((cc): ComponentSums => {
      const c = read.components.get(cc.c.id);
      if (c === undefined) throw invalidSummary(`summary.components.${cc.c.id}`, undefined, 'is missing');
      const perCredit = ctx.perCreditTiersOf(cc);
      const want = perCredit === null ? 0 : perCredit.length + 1;
      if ((c.tiers?.length ?? 0) !== want)
        throw invalidSummary(`summary.components.${cc.c.id}.tiers`, c.tiers?.length, `must have ${want} entries`);
      return c;
    });
    if (read.components.size !== components.length) {
      const extra = [...read.components.keys()].find((id) => !ctx.components.some((cc) => cc.c.id === id));
      throw invalidSummary(`summary.components.${extra}`, extra, 'is not a component of the plan version');
    }
    if (ctx.version.payableOn === 'payment' && read.deals === null)
      throw invalidSummary('summary.deals', undefined, 'is missing: the plan version pays on customer payment');
    return finalizeSums(
      { creditIds: read.creditIds, attainment: read.attainment, components, deals: read.deals },
      ctx,
      context,
    );
  } catch (thrown) {
    throw readFailure(thrown, { summary, context }, { summary: 'INVALID_SUMMARY' });
  }
}

/**
 * The statement from a member's sums (from `collectSums`, or sums merged in the same context's
 * component order): what `finalizeStatement` does after reading a summary, without reading one.
 * @internal
 */
export function finalizeSums(sums: StatementSums, ctx: ResolvedContext, input: StatementContext): Statement {
  const memberId = input.member.id;
  const prior = input.priorBalance ?? {};
  const priorDeferred = prior.deferred ?? {};
  for (const id of Object.keys(priorDeferred)) {
    if (!ctx.components.some((c) => c.c.id === id))
      throw invalid('INVALID_INPUT', `priorBalance.deferred.${id}`, id, 'is not a component of the plan version');
  }
  const carriedIn = input.carriedIn ?? {};
  for (const [id, v] of Object.entries(carriedIn)) {
    const c = ctx.components.find((x) => x.c.id === id)?.c;
    if (c === undefined || c.kind !== 'tiered' || c.scope !== 'yearToDate')
      throw invalid(
        'INVALID_INPUT',
        `carriedIn.${id}`,
        v,
        'must name a yearToDate tiered component of the plan version',
      );
    if (ctx.trueUp)
      throw invalid(
        'INVALID_OPTION',
        `carriedIn.${id}`,
        v,
        'must not be given with paidToDate: a true-up already evaluates from the start of the fiscal year',
      );
  }
  const toDate = readToDate(ctx, input);
  const claw = clawbackLines(ctx, input);
  const credited = subFixed(sums.attainment.amount, claw.attainmentReduction);
  const lines: StatementLine[] = [];
  const deferredOut: Record<string, Money> = {};
  for (let j = 0; j < ctx.components.length; j++) {
    const c = (ctx.components[j] as (typeof ctx.components)[number]).c;
    const s = sums.components[j] as ComponentSums;
    const carried = carriedIn[c.id] === undefined ? ZERO : parseFixed(carriedIn[c.id], `carriedIn.${c.id}`);
    const pd =
      priorDeferred[c.id] === undefined ? ZERO : readAmount(ctx, priorDeferred[c.id], `priorBalance.deferred.${c.id}`);
    if (pd.int < 0n)
      throw invalid(
        'INVALID_AMOUNT',
        `priorBalance.deferred.${c.id}.amount`,
        priorDeferred[c.id]?.amount,
        'must not be negative',
      );
    if (pd.int !== 0n && c.cap?.mode !== 'defer')
      throw invalid(
        'INVALID_INPUT',
        `priorBalance.deferred.${c.id}`,
        priorDeferred[c.id]?.amount,
        'is set but the component does not defer its cap excess',
      );
    const r = componentLines(ctx, c, s, credited, carried, pd, toDate);
    for (const line of r.lines) lines.push(line);
    if (r.deferred !== null) deferredOut[c.id] = fromFixed(r.deferred, ctx.currency);
  }
  const earned = sumLines(lines, ctx.digits);
  let held: Balances['held'];
  if (ctx.version.payableOn === 'payment') {
    if (ctx.trueUp)
      throw invalid(
        'INVALID_OPTION',
        'paidToDate',
        input.paidToDate,
        `must not be given: plan version "${ctx.version.id}" pays on customer payment (no year-to-date true-up)`,
      );
    const cash = paymentLines(ctx, earned, sums.deals ?? new Map(), input);
    for (const line of cash.lines) lines.push(line);
    held = cash.held;
  } else {
    if (input.payments !== undefined && (!Array.isArray(input.payments) || input.payments.length > 0))
      throw invalid(
        'INVALID_OPTION',
        'payments',
        input.payments,
        `given, but plan version "${ctx.version.id}" pays on booking (payableOn 'payment' holds commission until paid)`,
      );
    if (prior.held !== undefined)
      throw invalid('INVALID_INPUT', 'priorBalance.held', prior.held, 'is set but the plan version pays on booking');
  }
  for (const line of claw.lines) lines.push(line);
  for (const [i, adj] of (input.adjustments ?? []).entries()) {
    const amt = readAmount(ctx, adj.amount, `adjustments[${i}].amount`);
    lines.push(
      makeLine(ctx, 'adjustment', null, rat(amt), {
        ruleId: `adjustment/${adj.id}`,
        detail: { rule: 'adjustment', id: adj.id, reason: adj.reason },
      }),
    );
  }
  if (input.paidToDate !== undefined) {
    const paid = readAmount(ctx, input.paidToDate, 'paidToDate');
    lines.push(
      makeLine(ctx, 'trueUp', null, rat(negFixed(paid)), {
        ruleId: 'trueUp',
        base: earned,
        detail: { rule: 'trueUp', paid: fromFixed(paid, ctx.currency).amount },
      }),
    );
  }
  const carried = prior.carried === undefined ? ZERO : readAmount(ctx, prior.carried, 'priorBalance.carried');
  if (carried.int > 0n)
    throw invalid(
      'INVALID_AMOUNT',
      'priorBalance.carried.amount',
      prior.carried?.amount,
      'must not be positive (it is a negative total carried forward)',
    );
  if (carried.int !== 0n) {
    lines.push(
      makeLine(ctx, 'priorBalance', null, rat(carried), { ruleId: 'carried', detail: { rule: 'priorBalance' } }),
    );
  }
  const payBefore = sumLines(lines, ctx.digits);
  const drawPrior = prior.draw === undefined ? ZERO : readAmount(ctx, prior.draw, 'priorBalance.draw');
  if (drawPrior.int < 0n)
    throw invalid('INVALID_AMOUNT', 'priorBalance.draw.amount', prior.draw?.amount, 'must not be negative');
  const draw = drawLines(ctx, payBefore, drawPrior);
  for (const line of draw.lines) lines.push(line);
  let payable = sumLines(lines, ctx.digits);
  let carriedOut = ZERO;
  if (payable.int < 0n) {
    carriedOut = payable;
    lines.push(
      makeLine(ctx, 'carryForward', null, rat(negFixed(payable)), {
        ruleId: 'carried',
        detail: { rule: 'carryForward' },
      }),
    );
    payable = ZERO;
  }
  const quotaZero = ctx.quota.int === 0n;
  const balances: Balances = {
    draw: fromFixed(draw.balance, ctx.currency),
    deferred: deferredOut,
    carried: fromFixed(carriedOut, ctx.currency),
    ...(held === undefined ? {} : { held }),
  };
  return {
    planId: ctx.plan.id,
    versionId: ctx.version.id,
    memberId,
    period: { start: input.period.start, end: input.period.end },
    range: ctx.range,
    currency: ctx.currency,
    proration: {
      numerator: ctx.proration.numerator,
      denominator: ctx.proration.denominator,
      unit: ctx.proration.unit,
    },
    quota: fromFixed(ctx.quota, ctx.currency),
    credited: fromFixed(credited, ctx.currency),
    attainment: quotaZero ? null : attainmentOf(credited, ctx.quota),
    lines,
    earned: fromFixed(earned, ctx.currency),
    payable: fromFixed(payable, ctx.currency),
    balances,
  };
}

/**
 * The commission statement of one member for one plan period.
 *
 * Steps: pick the plan version in force on `asOf` (default the period's last day); evaluate
 * the period (or, when `paidToDate` is given, the fiscal year to date) within the version's
 * dates; prorate quota and fixed amounts by active days, inclusive (`member.startDate`,
 * `member.endDate`), or by whole months when the version says `proration: 'months'` (amounts
 * allocated cumulatively, so the months of a period add up exactly to the full amount); sum
 * credits exactly (attainment = credited ÷ prorated quota; tier and gate decisions compare
 * exact decimals); compute each component's lines — one per tier crossed —
 * then gate, cap (forfeit or defer), floor; post clawbacks known in the period at the original
 * rate, never more than was paid; adjustments; the true-up (`−paidToDate`); a negative
 * balance carried in; the draw and its recovery. Each line is rounded to the currency's minor
 * unit with the plan's rounding mode; `earned` and `payable` are sums of rounded lines. A
 * negative total is carried forward (`balances.carried`) and the payable is zero.
 * The result does not depend on the order of `credits`; no argument is modified.
 *
 * Rules revops sets where no published source fixes one:
 * - `period` must be exactly one plan period (one month, quarter or fiscal year per the plan's
 *   `periodLength` and `fiscalYearStartMonth`), never a part of one or several: tiers, gates,
 *   caps and quota are per plan period. A year-to-date view is a true-up (`paidToDate`).
 * - Draw recovery is rounded down to the minor unit, so a recovery never takes a fraction of a
 *   cent more than the recovery share allows (see the draw line's explanation).
 * - In a true-up (`paidToDate`), the plan is evaluated once over the fiscal year to date
 *   against the year-to-date `quota`: caps and floors are per-period limits, so the limits of
 *   the plan periods to date are added up (each prorated by active days); a bonus step is
 *   judged once on year-to-date attainment and paid once (prorated) — use true-ups for plans
 *   whose bonuses are annual, not for per-period bonuses already paid.
 * - Interpolated tiers, open-ended last tiers and year-to-date scope: see `definePlan`.
 *
 * Speed: pass a plan returned by `definePlan`; it carries its compiled form. A plain plan
 * object is validated (by `definePlan`) on every call, since revops keeps no cache between
 * calls — fine for one statement, wasteful for thousands.
 *
 * @param input - `{ plan, member, period, quota, credits, paidToDate?, adjustments?, clawbacks?, priorBalance?,
 *   carriedIn?, asOf? }`.
 * @returns the statement with every line explained.
 * @throws {RevopsError} `INVALID_PLAN` for a contradictory plan or two versions in force;
 *   `INVALID_PERIOD` for a period that is not exactly one plan period; `INVALID_INPUT` when no
 *   version is in force, for a clawback outside the period, or a deferred balance for a
 *   component that does not defer; `INVALID_OPTION` for clawbacks without a policy;
 *   `CURRENCY_MISMATCH` for money in another currency; `INVALID_AMOUNT` for malformed amounts;
 *   `INVALID_DATE` for malformed dates; `DUPLICATE_ID` for a credit, payment or clawback id given
 *   twice (naming both positions: it would be paid or clawed back twice).
 * @example
 * ```ts
 * import { calculateStatement } from 'revops/commission';
 * // acebista/firebeat design doc: tiers 0–10,000 at 5 %, above at 7 %; sales 45,000 → "slab" 2,950.
 * const plan = { id: 'slab', currency: 'USD', periodLength: 'month', versions: [{ id: 'v1',
 *   effectiveFrom: '2026-01-01', components: [
 *   { id: 'c', kind: 'tiered', basis: 'amount', split: 'marginal', scope: 'periodToDate', boundary: 'higher',
 *     tiers: [{ from: 0, to: 10000, rate: 0.05 }, { from: 10000, rate: 0.07 }] }] }] };
 * const member = { id: 'ae', name: 'Ana', roleId: 'ae', startDate: '2025-01-01', territoryIds: [] };
 * const credits = [{ id: 'k1', dealId: 'd1', memberId: 'ae', kind: 'owner' as const, measure: 'bookings' as const,
 *   date: '2026-01-15', amount: { amount: '45000', currency: 'USD' } }];
 * const s = calculateStatement({ plan, member, period: { start: '2026-01-01', end: '2026-01-31' },
 *   quota: { amount: '40000', currency: 'USD' }, credits });
 * s.lines.map((l) => l.amount.amount);
 * //=> ['500.00', '2450.00']
 * [s.payable.amount, s.attainment];
 * //=> ['2950.00', 1.125]
 * ```
 */
export function calculateStatement(input: StatementInput): Statement {
  try {
    if (typeof input !== 'object' || input === null)
      throw invalid('INVALID_INPUT', 'input', input, 'must be an object');
    const ctx = resolveContext(input);
    return finalizeSums(collectSums(input.credits as readonly Credit[], ctx, input.member.id), ctx, input);
  } catch (thrown) {
    throw readFailure(thrown, { '': input });
  }
}
