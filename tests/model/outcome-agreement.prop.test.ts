/**
 * One meaning for open, won and lost (issue: "one function in the model decides it and every
 * module calls it"): the same deals give the same open, won and lost sets in revops/model's
 * dealOutcome, revops/metrics' winRate (won and lost counts) and revops/forecast's
 * weightedPipeline (open deals), whatever the close dates say — an open deal with an expected
 * close date in closeDate's place, a won deal without a close date — and under a pipeline whose
 * closed stages are not named like the default's.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { weightedPipeline } from '../../src/forecast/index.js';
import { winRate } from '../../src/metrics/index.js';
import { type Deal, type Pipeline, dealOutcome, defaultDealPipelineSpec, parseDeal } from '../../src/model/index.js';

const hubspot: Pipeline = {
  id: 'default',
  name: 'Sales pipeline',
  entity: 'deal',
  stages: [
    {
      id: 'appointmentscheduled',
      name: 'A',
      kind: 'open',
      probability: 0.2,
      forecastCategory: 'pipeline',
      requiredFields: [],
    },
    { id: 'contractsent', name: 'C', kind: 'open', probability: 0.9, forecastCategory: 'commit', requiredFields: [] },
    { id: 'closedwon', name: 'W', kind: 'won', probability: 1, forecastCategory: 'closed', requiredFields: [] },
    { id: 'closedlost', name: 'L', kind: 'lost', probability: 0, forecastCategory: 'omitted', requiredFields: [] },
  ],
  transitions: [],
  handoffStages: [],
};

const dealsIn = (pipeline: Pipeline) =>
  fc
    .array(
      fc.record({
        stage: fc.constantFrom(...pipeline.stages.map((s) => s.id)),
        amount: fc.integer({ min: 1, max: 1_000_000 }),
        // a close date on any deal: for an open one it is what an export wrote (the expected date)
        closeDate: fc.option(fc.constantFrom('2026-02-10', '2026-03-31'), { nil: undefined }),
      }),
      { maxLength: 30 },
    )
    .map((rows) =>
      rows.map((r, i) =>
        parseDeal(
          {
            id: `D-${i}`,
            name: `Deal ${i}`,
            accountId: 'a',
            ownerId: 'ae',
            type: 'new',
            amount: { amount: r.amount, currency: 'USD' },
            stage: r.stage,
            expectedCloseDate: '2026-03-31',
            createdAt: '2026-01-05',
            ...(r.closeDate === undefined ? {} : { closeDate: r.closeDate }),
          },
          { pipeline },
        ),
      ),
    );

function sets(deals: readonly Deal[], pipeline: Pipeline) {
  const out = { open: 0, won: 0, lost: 0 };
  for (const d of deals) out[dealOutcome(d, { pipeline })]++;
  return out;
}

describe('open, won and lost agree across modules', () => {
  it.each([
    ['the default deal pipeline', defaultDealPipelineSpec],
    ['a HubSpot-style pipeline', hubspot],
  ] as const)('%s', (_, pipeline) => {
    fc.assert(
      fc.property(dealsIn(pipeline), (deals) => {
        const model = sets(deals, pipeline);
        const metrics = winRate(deals, { pipeline });
        expect([metrics.won, metrics.lost]).toEqual([model.won, model.lost]);
        const forecast = weightedPipeline(deals, { pipeline, currency: 'USD' });
        expect(forecast.count).toBe(model.open);
      }),
      { seed: 5, numRuns: 100 },
    );
  });
});
