/**
 * Misuse across the metrics: every function answers bad input with a RevopsError whose code
 * is stable and whose field names the offending value (never a TypeError, never a silent
 * NaN, Infinity or out-of-range rate). Expectations are the house rules (DESIGN.md), not outputs.
 */
import { describe, expect, it } from 'vitest';
import * as M from '../../src/metrics/index.js';
import { deal, pipeline, walker } from './fixtures.js';

const usd = (amount: string, currency = 'USD') => ({ amount, currency });
const period = { start: '2026-01-01', end: '2026-03-31' };
const quota = (amount: string) => ({ memberId: 'ae1', period, amount: usd(amount), measure: 'bookings' as const });
const entity = walker(['a', 'b'], '2026-01-01');
const event = { from: null, to: 'a', actorId: 'ae1', roleId: 'account-executive' };

const CASES: [string, () => unknown, string, string][] = [
  ['funnel: entities not an array', () => M.funnel('x' as never, { pipeline }), 'INVALID_INPUT', 'entities'],
  ['funnel: a null entity', () => M.funnel([null as never], { pipeline }), 'INVALID_INPUT', 'entities[0]'],
  [
    'funnel: history not an array',
    () => M.funnel([{ ...entity, history: 'x' as never }], { pipeline }),
    'INVALID_INPUT',
    'entities[0].history',
  ],
  [
    'funnel: a null event',
    () => M.funnel([{ ...entity, history: [null as never] }], { pipeline }),
    'INVALID_INPUT',
    'entities[0].history[0]',
  ],
  [
    'funnel: malformed instant (cohort mode too)',
    () => M.funnel([{ ...entity, history: [{ ...event, at: 'x' }] }], { pipeline }),
    'INVALID_DATE',
    'entities[0].history[0].at',
  ],
  [
    'funnel: stages not an array',
    () => M.funnel([entity], { pipeline, stages: 'a' as never }),
    'INVALID_OPTION',
    'options.stages',
  ],
  [
    'funnel: unknown groupBy',
    () => M.funnel([entity], { pipeline, groupBy: 'planet' as never }),
    'INVALID_OPTION',
    'options.groupBy',
  ],
  ['winRate: deals not an array', () => M.winRate(5 as never), 'INVALID_INPUT', 'deals'],
  [
    'winRate by value: negative amount',
    () => M.winRate([deal('closed-won', '-5'), deal('closed-lost', '10')], { by: 'value' }),
    'INVALID_AMOUNT',
    'deals[0].amount.amount',
  ],
  [
    'winRate by value: mixed currencies',
    () => M.winRate([deal('closed-won', '1'), deal('closed-lost', '1', { currency: 'EUR' })], { by: 'value' }),
    'CURRENCY_MISMATCH',
    'deals[1].amount.currency',
  ],
  [
    'averageDealSize: Infinity',
    () => M.averageDealSize([deal('closed-won', 'Infinity')]),
    'INVALID_AMOUNT',
    'deals[0].amount.amount',
  ],
  ['salesCycleLength: deals not an array', () => M.salesCycleLength({} as never), 'INVALID_INPUT', 'deals'],
  [
    'averageCallDuration: NaN seconds',
    () =>
      M.averageCallDuration([
        { kind: 'call', memberId: 'ae1', at: '2026-01-05T10:00:00Z', durationSeconds: Number.NaN },
      ]),
    'INVALID_INPUT',
    'activities[0].durationSeconds',
  ],
  ['activityCounts: activities not an array', () => M.activityCounts('x' as never), 'INVALID_INPUT', 'activities'],
  [
    'quotaAttainment: negative quota',
    () => M.quotaAttainment([], [quota('-10')]),
    'INVALID_AMOUNT',
    'quotas[0].amount.amount',
  ],
  ['quotaAttainment: quotas not an array', () => M.quotaAttainment([], 'x' as never), 'INVALID_INPUT', 'quotas'],
  [
    'quotaAttainment: another measure',
    () => M.quotaAttainment([], [{ ...quota('10'), measure: 'revenue' }]),
    'INVALID_INPUT',
    'quotas[0].measure',
  ],
  [
    'revenuePerRep: members not an array',
    () => M.revenuePerRep([], 'x' as never, { period }),
    'INVALID_INPUT',
    'members',
  ],
  [
    'pipelineVelocity: overflowing product',
    () => M.pipelineVelocity({ opportunities: 2 ** 53 - 1, winRate: 0.5, averageDealSize: 1e300, cycleLengthDays: 1 }),
    'INVALID_INPUT',
    'inputs',
  ],
  [
    'territoryBalance: negative spend',
    () => M.territoryBalance([{ territoryId: 't', annualSpend: usd('-10') }], [{ id: 't' }]),
    'INVALID_AMOUNT',
    'accounts[0].annualSpend.amount',
  ],
  [
    'territoryBalance: accounts not an array',
    () => M.territoryBalance('x' as never, [{ id: 't' }]),
    'INVALID_INPUT',
    'accounts',
  ],
  [
    'assignAccountTiers: accounts not an array',
    () => M.assignAccountTiers('x' as never, [{ tier: 'A', minAnnualSpend: usd('1') }]),
    'INVALID_INPUT',
    'accounts',
  ],
  [
    'assignAccountTiers: thresholds not decreasing',
    () =>
      M.assignAccountTiers(
        [],
        [
          { tier: 'A', minAnnualSpend: usd('100.00') },
          { tier: 'B', minAnnualSpend: usd('250.00') },
        ],
      ),
    'INVALID_OPTION',
    'thresholds[1].minAnnualSpend',
  ],
];

describe('bad input gives a RevopsError naming the field', () => {
  it.each(CASES)('%s', (_name, call, code, field) => {
    expect(call).toThrow(expect.objectContaining({ name: 'RevopsError', code, field }));
  });
  it('names the threshold by its amount, not by internal scaled units', () => {
    expect(() =>
      M.assignAccountTiers(
        [],
        [
          { tier: 'A', minAnnualSpend: usd('100.00') },
          { tier: 'B', minAnnualSpend: usd('250.00') },
        ],
      ),
    ).toThrow(/got "250.00"/);
  });
  it('the velocity of a tiny cycle that would overflow per day is refused, not Infinity', () => {
    expect(() =>
      M.pipelineVelocity(
        { opportunities: 10, winRate: 0.5, averageDealSize: 1e300, cycleLengthDays: 1e-300 },
        { periodDays: 1e-300 },
      ),
    ).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });
  it('default won/lost stage ids are those of revops/pipeline defaultDealPipeline', async () => {
    // read, not imported by src/metrics (sibling modules do not import each other); this test guards drift
    const { defaultDealPipeline } = await import('../../src/pipeline/default-pipelines.js');
    const won = defaultDealPipeline.stages.filter((s) => s.kind === 'won').map((s) => s.id);
    const lost = defaultDealPipeline.stages.filter((s) => s.kind === 'lost').map((s) => s.id);
    expect([won, lost]).toEqual([['closed-won'], ['closed-lost']]);
    const noPipeline = M.winRate([deal('closed-won', '1'), deal('closed-lost', '1'), deal('negotiation', '1')]);
    const withPipeline = M.winRate([deal('closed-won', '1'), deal('closed-lost', '1'), deal('negotiation', '1')], {
      pipeline: defaultDealPipeline,
    });
    expect(noPipeline).toEqual(withPipeline);
  });
  it('UNASSIGNED is exported once from the root barrel (forecast no longer has UNASSIGNED_GROUP)', async () => {
    const root = await import('../../src/index.js');
    expect(root.UNASSIGNED).toBe(M.UNASSIGNED);
    expect('UNASSIGNED_GROUP' in root).toBe(false);
  });
});
