/**
 * A read of the caller's data that throws becomes a RevopsError naming the field's path, with
 * the caller's exception as `cause` (docs/conventions.md, "Errors and refusals"; issue 14).
 * Input: the @example of `diagnosePerformance` (src/planning/diagnose-performance.ts) with one
 * field replaced.
 */
import { describe, expect, it } from 'vitest';
import { defaultDealPipeline } from '../../src/pipeline/index.js';
import { diagnosePerformance } from '../../src/planning/index.js';
import { throwingGetterAt, unreadableFacts } from '../thrown.js';

const boom = new Error('locked');
const won = (id: string, ownerId: string, amount: string) => ({
  id,
  ownerId,
  stage: 'closed-won',
  amount: { amount, currency: 'USD' },
  closeDate: '2026-05-10',
});
const lost = (id: string, ownerId: string) => ({
  id,
  ownerId,
  stage: 'closed-lost',
  amount: { amount: '1000.00', currency: 'USD' },
  closeDate: '2026-05-12',
  history: [{ to: 'discovery' }],
});

describe('planning: a throwing read of the caller’s data is named, with cause', () => {
  it('diagnosePerformance: data.deals[4].amount a getter that throws', () => {
    const deals: object[] = [won('a1', 'ana', '30000.00'), lost('a2', 'ana'), lost('a3', 'ana'), lost('a4', 'ana')];
    deals.push(throwingGetterAt(won('b1', 'ben', '20000.00'), 'amount', boom), won('b2', 'ben', '20000.00'));
    const options = {
      member: 'ana',
      against: ['ben'],
      period: { start: '2026-04-01', end: '2026-06-30' },
      pipeline: defaultDealPipeline,
    };
    expect(unreadableFacts(() => diagnosePerformance({ deals } as never, options))).toEqual([
      'INVALID_INPUT',
      'data.deals[4] (id "b1").amount could not be read (reading it threw Error: locked)',
      'data.deals[4] (id "b1").amount',
      boom,
    ]);
  });
});
