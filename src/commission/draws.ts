/**
 * Draws: the four published variants and their recovery.
 *
 * - `nonRecoverable`: the draw is paid on top of earnings every period it is in effect.
 * - `recoverable`: the same, and the draw is added to a balance recovered from later earnings.
 * - `nonRecoverableGuarantee`: pays `max(0, draw − earnings)` (a minimum pay).
 * - `recoverableGuarantee`: the same top-up, added to the balance (Oracle's example).
 *
 * Recovery (recoverable types, from `recoveryStart`): `min(balance, share × available, cap)`,
 * rounded down to the minor unit so it never over-recovers, where `available` is the pay before
 * recovery minus the draw amount while the draw is in effect (recovery never takes pay below
 * the draw) and the pay before recovery (if positive) after it ends.
 * Sources: Xactly draw types (helpcenter.xactlycorp.com, Plan Design › Draws); Oracle Fusion IC
 * "Example of Incentive Compensation Draw and Recovery".
 * @module
 * @internal
 */
import { fromFixed } from '../core/money.js';
import type { ResolvedContext } from './context.js';
import { prorateAmount } from './context.js';
import {
  addFixed,
  compareFixed,
  fixedToString,
  maxFixed,
  minFixed,
  multiplyFixed,
  rat,
  roundTo,
  subFixed,
  ZERO,
  type Fixed,
} from './exact.js';
import { makeLine } from './line.js';
import type { StatementLine } from './types.js';

/** Draw and recovery lines, and the draw balance after them. @internal */
export function drawLines(
  ctx: ResolvedContext,
  payBefore: Fixed,
  priorBalance: Fixed,
): { lines: StatementLine[]; balance: Fixed } {
  const d = ctx.version.draw;
  if (d === undefined) return { lines: [], balance: priorBalance };
  const lines: StatementLine[] = [];
  const money = (f: Fixed): string => fromFixed(f, ctx.currency).amount;
  const inEffect = d.start <= ctx.period.end && (d.end === undefined || d.end >= ctx.period.start);
  const amount = prorateAmount(ctx, ctx.dec(d.amount), 'period');
  const guarantee = d.type === 'recoverableGuarantee' || d.type === 'nonRecoverableGuarantee';
  const recoverable = d.type === 'recoverable' || d.type === 'recoverableGuarantee';
  let paid = ZERO;
  if (inEffect) {
    paid = guarantee ? maxFixed(ZERO, subFixed(amount, payBefore)) : amount;
    const pr = ctx.periodProration;
    lines.push(
      makeLine(ctx, 'draw', null, rat(paid), {
        ruleId: 'draw',
        base: payBefore,
        unitAmount: fixedToString(amount),
        detail: {
          rule: 'draw',
          drawType: d.type,
          perPeriod: fromFixed(ctx.dec(d.amount), ctx.currency).amount,
          proration:
            pr.numerator === pr.denominator
              ? null
              : { numerator: pr.numerator, denominator: pr.denominator, unit: pr.unit },
        },
      }),
    );
  }
  let balance = priorBalance;
  if (recoverable && priorBalance.int > 0n && ctx.period.end >= (d.recoveryStart ?? d.start)) {
    const pay = addFixed(payBefore, paid);
    const available = maxFixed(ZERO, inEffect ? subFixed(pay, amount) : pay);
    const share = ctx.dec(d.recoveryShare ?? '1');
    let rec = roundTo(multiplyFixed(available, share), ctx.digits, 'floor');
    rec = minFixed(rec, priorBalance);
    if (d.recoveryCap !== undefined) rec = minFixed(rec, ctx.dec(d.recoveryCap));
    if (rec.int > 0n) {
      lines.push(
        makeLine(ctx, 'recovery', null, rat({ int: -rec.int, scale: rec.scale }), {
          ruleId: 'draw/recovery',
          base: available,
          rate: fixedToString(share),
          detail: {
            rule: 'recovery',
            balance: money(priorBalance),
            draw: inEffect ? money(amount) : null,
            cap: d.recoveryCap === undefined ? null : money(ctx.dec(d.recoveryCap)),
          },
        }),
      );
      balance = subFixed(balance, rec);
    }
  }
  if (recoverable) balance = addFixed(balance, paid);
  if (compareFixed(balance, ZERO) < 0) balance = ZERO;
  return { lines, balance };
}
