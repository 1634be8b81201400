/**
 * dealOutcome / dealOutcomeOf: the outcome is the stage's kind in the pipeline; closeDate plays
 * no part; an unknown stage is an error naming the deal and the pipeline. The default pipeline
 * data in revops/model is the same as revops/pipeline's defined defaults.
 */
import { describe, expect, it } from 'vitest';
import { entityPath } from '../../src/core/read.js';
import {
  dealOutcome,
  dealOutcomeOf,
  defaultCustomerPipelineSpec,
  defaultDealPipelineSpec,
  defaultLeadPipelineSpec,
  type Pipeline,
} from '../../src/model/index.js';
import { defaultCustomerPipeline, defaultDealPipeline, defaultLeadPipeline } from '../../src/pipeline/index.js';

// A pipeline whose closed stages are named unlike the default's (HubSpot's default deal stages).
const hubspot: Pipeline = {
  id: 'default',
  name: 'Sales pipeline',
  entity: 'deal',
  stages: [
    {
      id: 'appointmentscheduled',
      name: 'Appointment',
      kind: 'open',
      probability: 0.2,
      forecastCategory: 'pipeline',
      requiredFields: [],
    },
    {
      id: 'closedwon',
      name: 'Closed won',
      kind: 'won',
      probability: 1,
      forecastCategory: 'closed',
      requiredFields: [],
    },
    {
      id: 'closedlost',
      name: 'Closed lost',
      kind: 'lost',
      probability: 0,
      forecastCategory: 'omitted',
      requiredFields: [],
    },
  ],
  transitions: [],
  handoffStages: [],
};

function caught(f: () => unknown): { code?: unknown; message?: unknown; field?: unknown } {
  try {
    f();
  } catch (e) {
    return e as { code?: unknown; message?: unknown; field?: unknown };
  }
  throw new Error('expected a throw');
}

describe('dealOutcome', () => {
  it('reads the default deal pipeline: four open stages, closed-won won, closed-lost lost', () => {
    const stages = ['discovery', 'demo', 'proposal', 'negotiation', 'closed-won', 'closed-lost'];
    expect(stages.map((stage) => dealOutcome({ stage }))).toEqual(['open', 'open', 'open', 'open', 'won', 'lost']);
  });

  it('closeDate says when, never whether: a won deal without one is won, an open deal with one is open', () => {
    const won = { id: 'd1', stage: 'closed-won' };
    const openWithDate = { id: 'd2', stage: 'proposal', closeDate: '2026-03-31' };
    expect([dealOutcome(won), dealOutcome(openWithDate)]).toEqual(['won', 'open']);
  });

  it('follows the given pipeline, whatever its stage ids', () => {
    const outcomes = ['appointmentscheduled', 'closedwon', 'closedlost'].map((stage) =>
      dealOutcome({ stage }, { pipeline: hubspot }),
    );
    expect(outcomes).toEqual(['open', 'won', 'lost']);
    // the default pipeline's ids mean nothing in another pipeline
    expect(caught(() => dealOutcome({ stage: 'closed-won' }, { pipeline: hubspot })).code).toBe('INVALID_INPUT');
  });

  it('refuses an unknown stage, naming the deal, the stage and the pipeline', () => {
    const e = caught(() => dealOutcome({ id: 'D-17', stage: 'Verbal Commit' }));
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.field).toBe('deal (id "D-17").stage');
    expect(e.message).toBe(
      'deal (id "D-17").stage must be a stage of pipeline "deal" ' +
        '(discovery, demo, proposal, negotiation, closed-won, closed-lost), got "Verbal Commit"',
    );
  });

  it('refuses a stage that is not a string, and a non-object, with RevopsError only', () => {
    expect(caught(() => dealOutcome({ stage: 3 } as never)).message).toBe(
      'deal.stage must be a stage id (a string), got 3',
    );
    expect(caught(() => dealOutcome(null as never)).code).toBe('INVALID_INPUT');
    const hostile = {
      get id(): string {
        throw new TypeError('getter');
      },
      get stage(): string {
        throw new TypeError('getter');
      },
    };
    expect(caught(() => dealOutcome(hostile)).code).toBe('INVALID_INPUT');
  });
});

describe('dealOutcomeOf', () => {
  it('agrees with dealOutcome and names the deal by the field it is given', () => {
    const outcome = dealOutcomeOf({ pipeline: hubspot });
    expect(outcome({ stage: 'closedwon' })).toBe(dealOutcome({ stage: 'closedwon' }, { pipeline: hubspot }));
    const deal = { id: 'D-9', stage: 'Closed Won' };
    const e = caught(() => outcome(deal, entityPath('deals', 3, deal)));
    expect(e.field).toBe('deals[3] (id "D-9").stage');
    expect(caught(() => outcome(deal)).field).toBe('deal (id "D-9").stage');
  });

  it('does not read the stage through the prototype chain of the index', () => {
    // 'constructor' and '__proto__' are not stages (a Map, not an object, holds the kinds)
    const outcome = dealOutcomeOf();
    expect(caught(() => outcome({ stage: 'constructor' })).code).toBe('INVALID_INPUT');
    expect(caught(() => outcome({ stage: '__proto__' })).code).toBe('INVALID_INPUT');
  });
});

describe('default pipeline data', () => {
  it("is revops/pipeline's defined default pipelines, field for field", () => {
    expect(JSON.parse(JSON.stringify(defaultLeadPipeline))).toEqual(defaultLeadPipelineSpec);
    expect(JSON.parse(JSON.stringify(defaultDealPipeline))).toEqual({
      ...defaultDealPipelineSpec,
      // definePipeline fills in the default: every closed stage may be reopened
      reopen: { ...defaultDealPipelineSpec.reopen, fromStages: ['closed-won', 'closed-lost'] },
    });
    expect(JSON.parse(JSON.stringify(defaultCustomerPipeline))).toEqual(defaultCustomerPipelineSpec);
  });

  it('is deeply frozen', () => {
    expect(Object.isFrozen(defaultDealPipelineSpec)).toBe(true);
    expect(Object.isFrozen(defaultDealPipelineSpec.stages[0])).toBe(true);
    expect(Object.isFrozen(defaultDealPipelineSpec.transitions[0]?.roles)).toBe(true);
  });
});

describe('bad options and roles', () => {
  it('dealOutcomeOf(null) and a pipeline without stages are INVALID_OPTION, not a TypeError', () => {
    expect(caught(() => dealOutcomeOf(null as never)).code).toBe('INVALID_OPTION');
    expect(caught(() => dealOutcome({ stage: 'demo' }, { pipeline: {} as never })).code).toBe('INVALID_OPTION');
  });

  it('roleHasPermission on a non-role is INVALID_INPUT', async () => {
    const { roleHasPermission } = await import('../../src/model/index.js');
    expect(caught(() => roleHasPermission(null as never, 'deal.advance')).code).toBe('INVALID_INPUT');
  });
});
