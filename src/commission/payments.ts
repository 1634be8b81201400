/**
 * Cash basis (`payableOn: 'payment'`): commission earned at booking is held per deal and
 * released as the customer pays — `earned × min(1, collected ÷ dealAmount)`, rounded once and
 * cumulatively, so a deal's releases add up to exactly what it earned once it is paid in full
 * and never more. Sources: QuotaPath "Payouts eligibility" (earnings released in proportion to
 * invoice collection, help.quotapath.com/en/articles/6457485-payouts-eligibility); Keystroke POS
 * "Weighted Cash" commissions ("If an On Account invoice has been 50% paid, the commission is 50%
 * of the entire commission").
 * @module
 * @internal
 */
import { allocate } from '../core/allocate.js';
import { assertIsoDate } from '../core/dates.js';
import { describeValue, invalid, RevopsError } from '../core/errors.js';
import { fromFixed, readMoney } from '../core/money.js';
import type { ResolvedContext } from './context.js';
import { addFixed, compareFixed, parseFixed, rat, roundRationalTo, subFixed, ZERO, type Fixed } from './exact.js';
import { makeLine } from './line.js';
import type { CustomerPayment, HeldCommission, StatementContext, StatementLine } from './types.js';

interface Ledger {
  earned: Fixed;
  released: Fixed;
  collected: Fixed;
  dealAmount: Fixed | null;
}

function amountOf(ctx: ResolvedContext, value: unknown, field: string, min: 'zero' | 'positive'): Fixed {
  const m = readMoney(value, field);
  if (m.currency !== ctx.currency)
    throw invalid('CURRENCY_MISMATCH', `${field}.currency`, m.currency, `must be the plan currency ${ctx.currency}`);
  if (min === 'zero' ? m.fixed.int < 0n : m.fixed.int <= 0n)
    throw invalid(
      'INVALID_AMOUNT',
      `${field}.amount`,
      (value as { amount?: unknown }).amount,
      `must be ${min === 'zero' ? 'zero or more' : 'positive'}`,
    );
  return m.fixed;
}

function readHeld(ctx: ResolvedContext, input: StatementContext): Map<string, Ledger> {
  const out = new Map<string, Ledger>();
  const held = input.priorBalance?.held;
  if (held === undefined) return out;
  if (typeof held !== 'object' || held === null)
    throw invalid('INVALID_INPUT', 'priorBalance.held', held, 'must be a record of held commission per deal id');
  for (const [dealId, h] of Object.entries(held)) {
    const f = `priorBalance.held.${dealId}`;
    if (typeof h !== 'object' || h === null) throw invalid('INVALID_INPUT', f, h, 'must be a held commission');
    const earned = amountOf(ctx, h.earned, `${f}.earned`, 'zero');
    const released = amountOf(ctx, h.released, `${f}.released`, 'zero');
    const collected = amountOf(ctx, h.collected, `${f}.collected`, 'zero');
    const dealAmount = h.dealAmount === null ? null : amountOf(ctx, h.dealAmount, `${f}.dealAmount`, 'positive');
    if (compareFixed(released, earned) > 0)
      throw invalid(
        'INVALID_AMOUNT',
        `${f}.released.amount`,
        h.released.amount,
        `must not exceed earned ${h.earned.amount}`,
      );
    out.set(dealId, { earned, released, collected, dealAmount });
  }
  return out;
}

/**
 * Hold and release lines of a cash-basis statement, and the commission still held per deal.
 * `earned` is the period's earned commission; `deals` the attainment credits' amount per deal.
 * @internal
 */
export function paymentLines(
  ctx: ResolvedContext,
  earned: Fixed,
  deals: ReadonlyMap<string, Fixed>,
  input: StatementContext,
): { lines: StatementLine[]; held: Record<string, HeldCommission> } {
  const ledger = readHeld(ctx, input);
  const lines: StatementLine[] = [];
  const money = (f: Fixed): string => fromFixed(f, ctx.currency).amount;
  // 1. hold the period's earned commission, attributed to its deals by their credited amount
  const booked = [...deals.entries()].filter(([, a]) => a.int > 0n).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (earned.int > 0n && booked.length > 0) {
    const parts = allocate(
      fromFixed(earned, ctx.currency),
      booked.map(([, a]) => fromFixed(a, ctx.currency).amount),
    );
    const attributed = booked.map(([dealId], k) => ({ dealId, amount: (parts[k] as { amount: string }).amount }));
    for (const { dealId, amount } of attributed) {
      const prior = ledger.get(dealId);
      const part = parseFixed(amount);
      if (prior === undefined) ledger.set(dealId, { earned: part, released: ZERO, collected: ZERO, dealAmount: null });
      else prior.earned = addFixed(prior.earned, part);
    }
    lines.push(
      makeLine(ctx, 'hold', null, rat({ int: -earned.int, scale: earned.scale }), {
        ruleId: 'hold',
        base: earned,
        detail: { rule: 'hold', deals: attributed },
      }),
    );
  }
  // 2. release what the customers' payments in the period cover
  const payments = (input.payments ?? []) as readonly CustomerPayment[];
  if (!Array.isArray(payments)) throw invalid('INVALID_INPUT', 'payments', payments, 'must be an array of payments');
  const byDeal = new Map<string, { ids: string[]; amount: Fixed; dealAmount: Fixed; first: number }>();
  const seen = new Map<string, number>();
  payments.forEach((p, i) => {
    const f = `payments[${i}]`;
    if (typeof p !== 'object' || p === null) throw invalid('INVALID_INPUT', f, p, 'must be a payment');
    if (typeof p.id !== 'string' || p.id.length === 0)
      throw invalid('INVALID_INPUT', `${f}.id`, p.id, 'must be a non-empty string');
    const before = seen.get(p.id);
    if (before !== undefined)
      throw new RevopsError(
        'DUPLICATE_ID',
        `${f}.id ${describeValue(p.id)} repeats payments[${before}]: a payment is counted once`,
        {
          field: `${f}.id`,
          value: p.id,
          details: { id: p.id, first: before, second: i },
        },
      );
    seen.set(p.id, i);
    if (typeof p.dealId !== 'string' || !ledger.has(p.dealId))
      throw invalid(
        'INVALID_INPUT',
        `${f}.dealId`,
        p.dealId,
        'must be a deal whose commission is held (booked now or carried in priorBalance.held)',
      );
    const date = assertIsoDate(p.date, `${f}.date`);
    if (date < ctx.period.start || date > ctx.period.end)
      throw invalid(
        'INVALID_INPUT',
        `${f}.date`,
        date,
        `must fall in the statement's period ${ctx.period.start}..${ctx.period.end}`,
      );
    const amount = amountOf(ctx, p.amount, `${f}.amount`, 'positive');
    const dealAmount = amountOf(ctx, p.dealAmount, `${f}.dealAmount`, 'positive');
    const known = byDeal.get(p.dealId)?.dealAmount ?? (ledger.get(p.dealId) as Ledger).dealAmount;
    if (known !== null && compareFixed(known, dealAmount) !== 0)
      throw invalid(
        'INVALID_INPUT',
        `${f}.dealAmount`,
        p.dealAmount.amount,
        `must be the deal's amount ${money(known)}, as before`,
      );
    const g = byDeal.get(p.dealId);
    if (g === undefined) byDeal.set(p.dealId, { ids: [p.id], amount, dealAmount, first: i });
    else {
      g.ids.push(p.id);
      g.amount = addFixed(g.amount, amount);
    }
  });
  for (const dealId of [...byDeal.keys()].sort()) {
    const g = byDeal.get(dealId) as { ids: string[]; amount: Fixed; dealAmount: Fixed };
    const l = ledger.get(dealId) as Ledger;
    const collected = addFixed(l.collected, g.amount);
    const full = compareFixed(collected, g.dealAmount) >= 0;
    // earned × collected / dealAmount, rounded once; all of it once the deal is paid in full
    const target = full
      ? l.earned
      : roundRationalTo(
          {
            num: l.earned.int * collected.int * 10n ** BigInt(g.dealAmount.scale),
            den: g.dealAmount.int * 10n ** BigInt(l.earned.scale + collected.scale),
          },
          ctx.digits,
          ctx.mode,
        );
    const release = subFixed(target, l.released);
    lines.push(
      makeLine(ctx, 'release', null, rat(release), {
        ruleId: `release/${dealId}`,
        base: l.earned,
        detail: {
          rule: 'release',
          dealId,
          earned: money(l.earned),
          collected: money(collected),
          dealAmount: money(g.dealAmount),
          releasedBefore: money(l.released),
          paymentIds: [...g.ids].sort(),
        },
      }),
    );
    l.released = target;
    l.collected = collected;
    l.dealAmount = g.dealAmount;
  }
  // 3. what is still held, per deal (a deal leaves once all it earned is released)
  const held: Record<string, HeldCommission> = {};
  for (const dealId of [...ledger.keys()].sort()) {
    const l = ledger.get(dealId) as Ledger;
    if (
      compareFixed(l.released, l.earned) >= 0 &&
      l.dealAmount !== null &&
      compareFixed(l.collected, l.dealAmount) >= 0
    )
      continue;
    Object.defineProperty(held, dealId, {
      value: {
        earned: fromFixed(l.earned, ctx.currency),
        released: fromFixed(l.released, ctx.currency),
        collected: fromFixed(l.collected, ctx.currency),
        dealAmount: l.dealAmount === null ? null : fromFixed(l.dealAmount, ctx.currency),
      },
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return { lines, held };
}
