/**
 * Commission statements over a table of credits, for a warehouse: one statement per member
 * (`GROUP BY member_id`), each row carrying its member and the member's quota.
 * @module
 */
import { invalid } from '../core/errors.js';
import type { Money } from '../core/money.js';
import type { Period } from '../core/periods.js';
import { definePlan } from '../commission/define-plan.js';
import { finalizeStatement } from '../commission/statement.js';
import { mergeStatement, summarizeStatement } from '../commission/summary.js';
import type { Statement, StatementSummary } from '../commission/types.js';
import type { Credit, CreditKind } from '../model/credit.js';
import type { Member } from '../model/member.js';
import type { Plan, PlanInput } from '../model/plan.js';
import { optionsReader, type WarehouseComputation } from './computation.js';
import { amountText, field, optionalBoolean, optionalInteger, optionalText, rowObject, text } from './values.js';

/** Options of the warehouse statements (the call's options JSON): `{ plan, period }`. */
export interface WarehouseStatementOptions {
  /** The plan, compiled once per call. */
  readonly plan: Plan;
  /** The plan period of the statements. */
  readonly period: Period;
}

/** A credit row with the member it belongs to and the member's quota for the period. */
export interface WarehouseCreditRow {
  readonly credit: Credit;
  readonly member: Member;
  readonly quota: Money;
}

/** A partial statement with the member and quota it needs to be finalised. */
export interface WarehouseStatementSummary {
  readonly summary: StatementSummary;
  readonly member: Member;
  readonly quota: Money;
}

const readOptions = optionsReader((o): WarehouseStatementOptions => {
  if (o['period'] === undefined) throw invalid('INVALID_OPTION', 'options.period', undefined, 'is required');
  return { plan: definePlan(o['plan'] as PlanInput), period: o['period'] as Period };
});

function readMember(value: unknown): Member {
  const r = rowObject(value, 'credit.member');
  const endDate = optionalText(r, 'end_date', 'credit.member');
  const teamId = optionalText(r, 'team_id', 'credit.member');
  return {
    id: text(r, 'id', 'credit.member'),
    name: text(r, 'name', 'credit.member'),
    roleId: text(r, 'role_id', 'credit.member'),
    ...(teamId === undefined ? {} : { teamId }),
    territoryIds: [],
    startDate: text(r, 'start_date', 'credit.member'),
    ...(endDate === undefined ? {} : { endDate }),
  };
}

/**
 * Reads one credit row: `id`, `deal_id`, `member_id`, `kind`, `amount`, `currency`, `date`
 * (text `YYYY-MM-DD`), optional `measure`, `units`, `deal_type`, `new_logo`, and the nested
 * `member` (`id`, `name`, `role_id`, `start_date`, `end_date`, `team_id`) and `quota` (an amount
 * in the credit's currency).
 * @internal
 */
export function readCreditRow(value: unknown): WarehouseCreditRow {
  const r = rowObject(value, 'credit');
  const currency = text(r, 'currency', 'credit');
  const units = optionalInteger(r, 'units', 'credit');
  const dealType = optionalText(r, 'deal_type', 'credit');
  const newLogo = optionalBoolean(r, 'new_logo', 'credit');
  const credit = {
    id: text(r, 'id', 'credit'),
    dealId: text(r, 'deal_id', 'credit'),
    memberId: text(r, 'member_id', 'credit'),
    kind: text(r, 'kind', 'credit') as CreditKind,
    amount: { amount: amountText(r, 'amount', 'credit'), currency },
    date: text(r, 'date', 'credit'),
    measure: (optionalText(r, 'measure', 'credit') ?? 'bookings') as Credit['measure'],
    ...(units === undefined ? {} : { units }),
    ...(dealType === undefined ? {} : { dealType: dealType as NonNullable<Credit['dealType']> }),
    ...(newLogo === undefined ? {} : { newLogo }),
  };
  return {
    credit,
    member: readMember(field(r, 'member')),
    quota: { amount: amountText(r, 'quota', 'credit'), currency },
  };
}

function sameContext(a: WarehouseCreditRow | WarehouseStatementSummary, b: typeof a, where: string): void {
  if (JSON.stringify(a.member) !== JSON.stringify(b.member)) {
    throw invalid('INVALID_INPUT', `${where}.member`, b.member, `must be the group's one member (${a.member.id})`);
  }
  if (a.quota.amount !== b.quota.amount || a.quota.currency !== b.quota.currency) {
    throw invalid('INVALID_INPUT', `${where}.quota`, b.quota, `must be the member's one quota (${a.quota.amount})`);
  }
}

/** The statement computation of the warehouse builds. @internal */
export const statementComputation: WarehouseComputation<
  WarehouseCreditRow,
  WarehouseStatementSummary,
  WarehouseStatementOptions,
  Statement
> = {
  name: 'commission',
  params: readOptions,
  rows: (value) => [readCreditRow(value)],
  summarize: (rows, p) => {
    const first = rows[0] as WarehouseCreditRow;
    for (const r of rows) sameContext(first, r, 'credit');
    const context = { plan: p.plan, member: first.member, period: p.period, quota: first.quota };
    return {
      summary: summarizeStatement(
        rows.map((r) => r.credit),
        context,
      ),
      member: first.member,
      quota: first.quota,
    };
  },
  merge: (a, b) => {
    sameContext(a, b, 'b');
    return { summary: mergeStatement(a.summary, b.summary), member: a.member, quota: a.quota };
  },
  finalize: (s, p) =>
    finalizeStatement(s.summary, { plan: p.plan, member: s.member, period: p.period, quota: s.quota }),
};
