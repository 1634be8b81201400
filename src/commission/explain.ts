/**
 * Rendering a statement as text a rep can check by hand.
 * @module
 */
import type { Statement } from './types.js';

/**
 * Renders a statement as plain text: header (member, plan version, period, proration),
 * quota, credited amount and attainment (percent, for reading), then one numbered line per
 * statement line with its amount, explanation, rule id and the credits it used, then earned,
 * payable and the balances carried forward.
 *
 * @param statement - from `calculateStatement` or `finalizeStatement`.
 * @returns multi-line text: amounts as exact decimal strings with the currency code, attainment
 *   as a percent with two decimals (display only).
 * @throws nothing for a statement made by this module (it only formats).
 * @example
 * ```ts
 * import { calculateStatement, explainStatement } from 'revops/commission';
 * const plan = { id: 'p', currency: 'USD', periodLength: 'month',
 *   versions: [{ id: 'v', effectiveFrom: '2026-01-01', components: [{ id: 'c', kind: 'rate', rate: '0.1' }] }] };
 * const member = { id: 'ae', name: 'Ana', roleId: 'ae', startDate: '2025-01-01', territoryIds: [] };
 * const credits = [{ id: 'k1', dealId: 'd1', memberId: 'ae', kind: 'owner' as const, measure: 'bookings' as const, date: '2026-01-10', amount: { amount: '1000', currency: 'USD' } }];
 * const text = explainStatement(calculateStatement({ plan, member, period: { start: '2026-01-01', end: '2026-01-31' }, quota: { amount: '10000', currency: 'USD' }, credits }));
 * text.split('\n')[3];
 * //=> '  1. commission c: 100.00 USD — 1000.00 credited at 0.1 (10%) = 100.00 [rule v/c; credits k1]'
 * ```
 */
export function explainStatement(statement: Statement): string {
  const s = statement;
  const cur = s.currency;
  const att = s.attainment === null ? 'n/a (zero quota)' : `${(s.attainment * 100).toFixed(2)}%`;
  const pr =
    s.proration.numerator === s.proration.denominator
      ? ''
      : ` (prorated: active ${s.proration.numerator} of ${s.proration.denominator} days)`;
  const out = [
    `Statement for ${s.memberId} — plan ${s.planId}, version ${s.versionId}, period ${s.period.start}..${s.period.end}${s.range.start !== s.period.start || s.range.end !== s.period.end ? ` (evaluated ${s.range.start}..${s.range.end})` : ''}`,
    `Quota ${s.quota.amount} ${cur}${pr}; credited ${s.credited.amount} ${cur}; attainment ${att}`,
    'Lines:',
  ];
  s.lines.forEach((l, i) => {
    const ids = l.explanation.creditIds.length === 0 ? '' : `; credits ${l.explanation.creditIds.join(', ')}`;
    out.push(
      `  ${i + 1}. ${l.kind}${l.componentId === null ? '' : ` ${l.componentId}`}: ${l.amount.amount} ${cur} — ${l.explanation.text} [rule ${l.explanation.ruleId}${ids}]`,
    );
  });
  out.push(`Earned ${s.earned.amount} ${cur}; payable ${s.payable.amount} ${cur}`);
  const deferred = Object.entries(s.balances.deferred).map(([k, v]) => `${k} ${v.amount}`);
  out.push(
    `Carried forward: draw balance ${s.balances.draw.amount} ${cur}; deferred ${deferred.length === 0 ? 'none' : deferred.join(', ')}; negative balance ${s.balances.carried.amount} ${cur}`,
  );
  return out.join('\n');
}
