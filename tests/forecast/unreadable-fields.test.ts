/**
 * A read of the caller's data that throws becomes a RevopsError naming the field's path, with
 * the caller's exception as `cause` (docs/conventions.md, "Errors and refusals"; issue 14).
 * Input: the @example of `summarizeWeightedPipeline` (src/forecast/weighted-pipeline.ts) with
 * one field replaced.
 */
import { describe, expect, it } from 'vitest';
import { summarizeWeightedPipeline, weightedPipeline } from '../../src/forecast/index.js';
import { throwingGetterAt, throwingProxyAt, unreadableFacts } from '../thrown.js';

const boom = new Error('locked');
const deal = (id: string) => ({
  id,
  stage: 'proposal',
  probability: 0.3,
  amount: { amount: '1000.00', currency: 'USD' },
  expectedCloseDate: '2026-03-31',
});

describe('forecast: a throwing read of the caller’s data is named, with cause', () => {
  it('summarizeWeightedPipeline: deals[1].probability behind a proxy that throws', () => {
    const deals = [deal('D-1'), throwingProxyAt(deal('D-2'), 'probability', boom)];
    expect(unreadableFacts(() => summarizeWeightedPipeline(deals as never))).toEqual([
      'INVALID_INPUT',
      'deals[1] (id "D-2").probability could not be read (reading it threw Error: locked)',
      'deals[1] (id "D-2").probability',
      boom,
    ]);
  });

  it('weightedPipeline: deals[0].expectedCloseDate a getter that throws', () => {
    const deals = [throwingGetterAt(deal('D-1'), 'expectedCloseDate', boom)];
    expect(unreadableFacts(() => weightedPipeline(deals as never))).toEqual([
      'INVALID_INPUT',
      'deals[0] (id "D-1").expectedCloseDate could not be read (reading it threw Error: locked)',
      'deals[0] (id "D-1").expectedCloseDate',
      boom,
    ]);
  });
});
