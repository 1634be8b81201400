/**
 * One meaning for open, won and lost (issue 11: "one function in the model decides it and every
 * module calls it"): the same deals give the same open, won and lost **sets** (by deal id) in
 * revops/model's dealOutcome, revops/metrics' winRate (won and lost, grouped by deal id),
 * revops/forecast's weightedPipeline (open deals, grouped by deal id) and stageProbabilities
 * (closed deals used, open ones ignored), revops/commission's creditDeals (a deal is credited
 * exactly when it is won) and revops/pipeline (a deal can be reopened exactly when it is closed:
 * `reopen` answers NOT_CLOSED for an open one) — whatever the close dates say (an open deal with
 * an expected close date in closeDate's place, a won deal without one) and under a pipeline
 * whose closed stages are not named like the default's.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { creditDeals } from '../../src/commission/index.js';
import { stageProbabilities, weightedPipeline } from '../../src/forecast/index.js';
import { winRate } from '../../src/metrics/index.js';
import { type Deal, type Pipeline, dealOutcome, defaultDealPipelineSpec, parseDeal } from '../../src/model/index.js';
import { defaultDealPipeline, definePipeline, type DefinedPipeline, reopen } from '../../src/pipeline/index.js';

const hubspotSpec: Pipeline = {
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
  transitions: [
    { from: 'appointmentscheduled', to: 'contractsent', roles: ['ae'], requiredFields: [], requiresReason: false },
    { from: 'contractsent', to: 'closedwon', roles: ['ae'], requiredFields: [], requiresReason: false },
    { from: 'contractsent', to: 'closedlost', roles: ['ae'], requiredFields: [], requiresReason: true },
    { from: 'appointmentscheduled', to: 'closedlost', roles: ['ae'], requiredFields: [], requiresReason: true },
  ],
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

type Sets = { open: string[]; won: string[]; lost: string[] };
const sorted = (ids: Iterable<string>): string[] => [...ids].sort();

function modelSets(deals: readonly Deal[], pipeline: Pipeline): Sets {
  const out: Sets = { open: [], won: [], lost: [] };
  for (const d of deals) out[dealOutcome(d, { pipeline })].push(d.id);
  return { open: sorted(out.open), won: sorted(out.won), lost: sorted(out.lost) };
}

/** revops/commission: a deal is credited exactly when it is won (an open or lost deal is refused, naming its stage). */
function creditedIds(deals: readonly Deal[], pipeline: Pipeline): string[] {
  const ids: string[] = [];
  for (const d of deals) {
    // Crediting dates a won deal by its close date; give every deal one (the date never decides the outcome).
    const dated = { ...d, closeDate: d.closeDate ?? '2026-03-31' };
    try {
      creditDeals([dated], { pipeline });
      ids.push(d.id);
    } catch (e) {
      expect((e as { code?: string; field?: string }).field).toBe(`deals[0] (id "${d.id}").stage`);
    }
  }
  return sorted(ids);
}

/** revops/pipeline: `reopen` refuses an open deal with NOT_CLOSED and goes past that check for a closed one. */
function pipelineOpenIds(deals: readonly Deal[], pipeline: DefinedPipeline): string[] {
  const ids: string[] = [];
  for (const d of deals) {
    const r = reopen(
      { ...d, history: [] },
      { pipeline, actor: { id: 'm', roleId: 'sales-manager' }, at: '2026-04-01T00:00:00Z', reason: 'check' },
    );
    if (!r.ok && r.error.code === 'NOT_CLOSED') ids.push(d.id);
  }
  return sorted(ids);
}

describe('open, won and lost agree across modules (issue 11)', () => {
  it.each([
    ['the default deal pipeline', defaultDealPipelineSpec, defaultDealPipeline],
    ['a HubSpot-style pipeline', hubspotSpec, definePipeline(hubspotSpec)],
  ] as const)('%s', (_, pipeline, defined) => {
    fc.assert(
      fc.property(dealsIn(pipeline), (deals) => {
        const model = modelSets(deals, pipeline);
        const byId = { groupBy: (d: { readonly id?: string }) => String(d.id) };

        // metrics: won and lost per deal id
        const metrics = winRate(deals, { pipeline, ...byId });
        const groups = Object.entries(metrics.groups ?? {});
        expect(sorted(groups.filter(([, g]) => g.won === 1).map(([id]) => id))).toEqual(model.won);
        expect(sorted(groups.filter(([, g]) => g.lost === 1).map(([id]) => id))).toEqual(model.lost);
        expect([metrics.won, metrics.lost]).toEqual([model.won.length, model.lost.length]);

        // forecast: the open deals are the weighted pipeline's; stageProbabilities uses the closed, ignores the open
        const forecast = weightedPipeline(deals, { pipeline, currency: 'USD', ...byId });
        expect(sorted(Object.keys(forecast.groups ?? {}))).toEqual(model.open);
        expect(forecast.count).toBe(model.open.length);
        const learned = stageProbabilities(deals, { pipeline });
        expect([learned.closedDeals, learned.ignoredDeals]).toEqual([
          model.won.length + model.lost.length,
          model.open.length,
        ]);

        // commission: credited exactly when won
        expect(creditedIds(deals, pipeline)).toEqual(model.won);

        // pipeline: open exactly when reopen says NOT_CLOSED
        expect(pipelineOpenIds(deals, defined)).toEqual(model.open);
      }),
      { seed: 5, numRuns: 100 },
    );
  });
});
