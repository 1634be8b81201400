/**
 * A read of the caller's data that throws (a getter, a proxy trap) becomes a RevopsError naming
 * the field's path, with the caller's exception as `cause` (docs/conventions.md, "Errors and
 * refusals"; issue 14). Inputs: the @example of `summarizeStatement` / `finalizeStatement`
 * (src/commission/statement.ts) and of `creditDeals` (src/commission/credit-deals.ts), with one
 * field replaced.
 */
import { describe, expect, it } from 'vitest';
import {
  calculateStatement,
  creditDeals,
  definePlan,
  explainLine,
  explainStatement,
  finalizeStatement,
  mergeStatement,
  payoutCurve,
  planVersionAsOf,
  summarizeStatement,
} from '../../src/commission/index.js';
import { RevopsError } from '../../src/core/index.js';
import { thrown, throwingGetterAt, throwingProxyAt, unreadableFacts } from '../thrown.js';

const boom = new Error('locked');
const plan = {
  id: 'p',
  currency: 'USD',
  periodLength: 'month',
  versions: [{ id: 'v', effectiveFrom: '2026-01-01', components: [{ id: 'c', kind: 'rate', rate: '0.1' }] }],
} as const;
const member = { id: 'ae', name: 'Ana', roleId: 'ae', startDate: '2025-01-01', territoryIds: [] };
const credit = (id: string, amount: string) => ({
  id,
  dealId: id,
  memberId: 'ae',
  kind: 'owner' as const,
  measure: 'bookings' as const,
  date: '2026-01-10',
  amount: { amount, currency: 'USD' },
});
const context = {
  plan,
  member,
  period: { start: '2026-01-01', end: '2026-01-31' },
  quota: { amount: '10000', currency: 'USD' },
};
const deal = {
  id: 'd1',
  name: 'Deal',
  accountId: 'a',
  ownerId: 'ae1',
  type: 'new' as const,
  amount: { amount: '99.99', currency: 'EUR' },
  stage: 'closed-won',
  probability: 1,
  probabilitySource: 'stage' as const,
  forecastCategory: 'closed' as const,
  expectedCloseDate: '2026-03-01',
  closeDate: '2026-03-01',
  createdAt: '2026-01-01T00:00:00Z',
  history: [],
  splits: [{ memberId: 'ae2', share: '0.25', kind: 'revenue' as const }],
};

describe('commission: a throwing read of the caller’s data is INVALID_INPUT naming the field, cause set', () => {
  it('calculateStatement: credits[3].amount a getter that throws (the issue’s case)', () => {
    const credits = [credit('a', '1.00'), credit('b', '2.00'), credit('c', '3.00'), credit('d', '4.00')];
    credits[3] = throwingGetterAt(credits[3] as ReturnType<typeof credit>, 'amount', boom);
    expect(unreadableFacts(() => calculateStatement({ ...context, credits } as never))).toEqual([
      'INVALID_INPUT',
      'credits[3] (id "d").amount could not be read (reading it threw Error: locked)',
      'credits[3] (id "d").amount',
      boom,
    ]);
  });

  it('calculateStatement: the id itself throwing names the credit by index alone', () => {
    const credits = [throwingGetterAt(credit('a', '1.00'), 'id', boom)];
    expect(unreadableFacts(() => calculateStatement({ ...context, credits } as never))).toEqual([
      'INVALID_INPUT',
      'credits[0].id could not be read (reading it threw Error: locked)',
      'credits[0].id',
      boom,
    ]);
  });

  it('summarizeStatement: a credit behind a proxy whose get trap throws for date', () => {
    const credits = [credit('a', '100.05'), throwingProxyAt(credit('b', '0.05'), 'date', boom)];
    expect(unreadableFacts(() => summarizeStatement(credits as never, context as never))).toEqual([
      'INVALID_INPUT',
      'credits[1] (id "b").date could not be read (reading it threw Error: locked)',
      'credits[1] (id "b").date',
      boom,
    ]);
  });

  it('finalizeStatement: a summary field that throws is INVALID_SUMMARY, the context’s INVALID_INPUT', () => {
    const summary = summarizeStatement([credit('a', '100.05')] as never, context as never);
    const bad = throwingGetterAt(summary, 'memberId', boom);
    expect(unreadableFacts(() => finalizeStatement(bad, context as never))).toEqual([
      'INVALID_SUMMARY',
      'summary.memberId could not be read (reading it threw Error: locked)',
      'summary.memberId',
      boom,
    ]);
    const period = throwingGetterAt(context.period, 'end', boom);
    expect(unreadableFacts(() => finalizeStatement(summary, { ...context, period } as never))).toEqual([
      'INVALID_INPUT',
      'context.period.end could not be read (reading it threw Error: locked)',
      'context.period.end',
      boom,
    ]);
  });

  it('creditDeals: a split’s share that throws is named inside its deal', () => {
    const splits = [throwingGetterAt(deal.splits[0] as (typeof deal.splits)[number], 'share', boom)];
    expect(unreadableFacts(() => creditDeals([{ ...deal, splits }] as never))).toEqual([
      'INVALID_INPUT',
      'deals[0] (id "d1").splits[0].share could not be read (reading it threw Error: locked)',
      'deals[0] (id "d1").splits[0].share',
      boom,
    ]);
  });

  it('explainStatement: a line whose kind throws is named, not refused as "not a statement"', () => {
    const s = calculateStatement({ ...context, credits: [credit('a', '100.05')] } as never);
    const lines = [throwingGetterAt(s.lines[0] as object, 'kind', boom)];
    const [code, message, , cause] = unreadableFacts(() => explainStatement({ ...s, lines } as never));
    expect([code, message, cause]).toEqual([
      'INVALID_INPUT',
      'statement.lines[0].kind could not be read (reading it threw Error: locked)',
      boom,
    ]);
  });

  it('payoutCurve: an attainment whose element getter throws is named by its index', () => {
    const attainments = Object.defineProperty(['0.5', '1'], 1, {
      get: () => {
        throw boom;
      },
      enumerable: true,
    });
    const facts = unreadableFacts(() => payoutCurve(plan as never, attainments, { quota: context.quota }));
    expect(facts).toEqual([
      'INVALID_INPUT',
      'attainments[1] could not be read (reading it threw Error: locked)',
      'attainments[1]',
      boom,
    ]);
  });

  it('mergeStatement: a field of b that throws is INVALID_SUMMARY naming b’s field', () => {
    const a = summarizeStatement([credit('a', '1.00')] as never, context as never);
    const b = throwingGetterAt(summarizeStatement([credit('b', '2.00')] as never, context as never), 'quota', boom);
    expect(unreadableFacts(() => mergeStatement(a, b))).toEqual([
      'INVALID_SUMMARY',
      'b.quota could not be read (reading it threw Error: locked)',
      'b.quota',
      boom,
    ]);
  });

  it('explainLine: a field of the statement (not the line) that throws is named under statement', () => {
    const s = calculateStatement({ ...context, credits: [credit('a', '100.05')] } as never);
    const statement = throwingGetterAt(s, 'currency', boom);
    expect(unreadableFacts(() => explainLine(s.lines[0] as never, statement))).toEqual([
      'INVALID_INPUT',
      'statement.currency could not be read (reading it threw Error: locked)',
      'statement.currency',
      boom,
    ]);
  });

  it('a getter that throws only once is not found again: its exception passes through unchanged', () => {
    let calls = 0;
    const once = Object.defineProperty({ ...credit('a', '1.00') }, 'amount', {
      get: () => {
        calls++;
        if (calls === 1) throw boom;
        return { amount: '1.00', currency: 'USD' };
      },
      enumerable: true,
    });
    expect(thrown(() => calculateStatement({ ...context, credits: [once] } as never))).toBe(boom);
  });

  it('planVersionAsOf: plan.versions whose getter throws is named under plan', () => {
    const bad = throwingGetterAt(plan, 'versions', boom);
    expect(unreadableFacts(() => planVersionAsOf(bad as never, '2026-01-15'))).toEqual([
      'INVALID_INPUT',
      'plan.versions could not be read (reading it threw Error: locked)',
      'plan.versions',
      boom,
    ]);
  });
});

describe('definePlan: an exception its search cannot name is still INVALID_PLAN on the plan, cause set', () => {
  it('a getter that throws only once: "it could not be read", field plan', () => {
    let calls = 0;
    const once = Object.defineProperty({ ...plan }, 'id', {
      get: () => {
        calls++;
        if (calls === 1) throw boom;
        return 'p';
      },
      enumerable: true,
    });
    expect(unreadableFacts(() => definePlan(once as never))).toEqual([
      'INVALID_PLAN',
      'Invalid plan: it could not be read (reading it threw Error: locked)',
      'plan',
      boom,
    ]);
  });

  it('a getter that throws a RevopsError of its own: wrapped the same way, not passed through', () => {
    const mine = new RevopsError('INVALID_INPUT', 'mine');
    const bad = throwingGetterAt(plan, 'currency', mine);
    expect(unreadableFacts(() => definePlan(bad as never))).toEqual([
      'INVALID_PLAN',
      'Invalid plan: it could not be read (reading it threw RevopsError: mine)',
      'plan',
      mine,
    ]);
  });
});
