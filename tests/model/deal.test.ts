/**
 * parseDeal: probability and forecast category from the stage when absent, a date-only
 * createdAt, strict types, and the contradictions it refuses. Expected values are read off the
 * default deal pipeline's stage table (defaultDealPipelineSpec: proposal 0.5 bestCase,
 * closed-won 1 closed, closed-lost 0 omitted).
 */
import { describe, expect, it } from 'vitest';
import { type Pipeline, parseDeal, parseLead, safeParseDeal } from '../../src/model/index.js';

const base = {
  id: 'D-1',
  name: 'Acme',
  accountId: 'a1',
  ownerId: 'ae1',
  type: 'new',
  amount: { amount: '5000', currency: 'USD' },
  expectedCloseDate: '2026-03-31',
  createdAt: '2026-01-24T09:00:00Z',
};

const custom: Pipeline = {
  id: 'custom',
  name: 'Custom',
  entity: 'deal',
  stages: [
    {
      id: 'Verbal Commit',
      name: 'Verbal',
      kind: 'open',
      probability: 0.9,
      forecastCategory: 'commit',
      requiredFields: [],
    },
    { id: 'Signed', name: 'Signed', kind: 'won', probability: 1, forecastCategory: 'closed', requiredFields: [] },
  ],
  transitions: [],
  handoffStages: [],
};

function errorOf(input: unknown, options?: { pipeline: Pipeline }): { code: string; message: string } {
  const r = safeParseDeal(input, options);
  if (r.ok) throw new Error('expected a refusal');
  return r.error;
}

describe('parseDeal defaults from the stage', () => {
  it('an open stage gives its probability (source stage) and its forecast category', () => {
    const d = parseDeal({ ...base, stage: 'proposal' });
    expect([d.probability, d.probabilitySource, d.forecastCategory]).toEqual([0.5, 'stage', 'bestCase']);
  });

  it("a won stage gives 1 and 'closed'; a lost stage 0 and 'omitted'", () => {
    const won = parseDeal({ ...base, stage: 'closed-won', closeDate: '2026-02-10' });
    const lost = parseDeal({ ...base, stage: 'closed-lost', closeDate: '2026-02-10', lostReason: 'price' });
    expect([won.probability, won.forecastCategory, lost.probability, lost.forecastCategory]).toEqual([
      1,
      'closed',
      0,
      'omitted',
    ]);
  });

  it('a given probability or category is kept (a manual judgement)', () => {
    const d = parseDeal({ ...base, stage: 'proposal', probability: 0.35, probabilitySource: 'manual' });
    expect([d.probability, d.probabilitySource, d.forecastCategory]).toEqual([0.35, 'manual', 'bestCase']);
  });

  it("uses the given pipeline's stages", () => {
    const d = parseDeal({ ...base, stage: 'Verbal Commit' }, { pipeline: custom });
    expect([d.probability, d.forecastCategory]).toEqual([0.9, 'commit']);
  });

  it('with a pipeline, a stage it lacks is refused, naming the stages', () => {
    expect(errorOf({ ...base, stage: 'proposal' }, { pipeline: custom }).message).toBe(
      'Invalid Deal: stage: must be a stage of pipeline "custom" (Verbal Commit, Signed), got "proposal"',
    );
  });

  it('without one, a stage the default pipeline lacks needs probability and category', () => {
    expect(safeParseDeal({ ...base, stage: 'Verbal Commit' }).ok).toBe(false);
    const d = parseDeal({ ...base, stage: 'Verbal Commit', probability: 0.9, forecastCategory: 'commit' });
    expect(d.stage).toBe('Verbal Commit');
  });

  it('works as a map callback (the index is not an option)', () => {
    const deals = [{ ...base, stage: 'demo' }].map(parseDeal);
    expect(deals[0]?.probability).toBe(0.2);
  });
});

describe('parseDeal createdAt', () => {
  it('a date-only createdAt is the start of that day in UTC', () => {
    expect(parseDeal({ ...base, stage: 'demo', createdAt: '2026-01-24' }).createdAt).toBe('2026-01-24T00:00:00Z');
    expect(
      parseLead({ id: 'l', name: 'L', source: 'inbound', ownerId: 's', stage: 'new', createdAt: '2026-01-24' }),
    ).toMatchObject({ createdAt: '2026-01-24T00:00:00Z' });
  });

  it('an instant is kept as written; anything else is refused', () => {
    expect(parseDeal({ ...base, stage: 'demo', createdAt: '2026-01-24T09:00:00+01:00' }).createdAt).toBe(
      '2026-01-24T09:00:00+01:00',
    );
    expect(safeParseDeal({ ...base, stage: 'demo', createdAt: '01/24/2026' }).ok).toBe(false);
  });
});

describe('parseDeal stays strict on types', () => {
  it('a probability written as text or as a percent is refused (revops/import converts text)', () => {
    expect(errorOf({ ...base, stage: 'demo', probability: '0.2' }).code).toBe('INVALID_INPUT');
    expect(errorOf({ ...base, stage: 'demo', probability: 20 }).message).toContain('fractions, not percent');
  });
});

describe('parseDeal refuses contradictions', () => {
  it('a won deal at probability 0.2', () => {
    expect(errorOf({ ...base, stage: 'closed-won', probability: 0.2 }).message).toBe(
      'Invalid Deal: probability: must be 1 for a deal in won stage "closed-won", got 0.2',
    );
  });

  it("a lost deal whose category is not 'omitted'", () => {
    expect(errorOf({ ...base, stage: 'closed-lost', forecastCategory: 'commit' }).message).toBe(
      "Invalid Deal: forecastCategory: must be 'omitted' for a deal in lost stage \"closed-lost\", got 'commit'",
    );
  });

  it('a close date before the created date, and lists every contradiction', () => {
    const e = errorOf({ ...base, stage: 'closed-won', probability: 0.2, closeDate: '2026-01-20' });
    expect(e.message).toBe(
      'Invalid Deal: probability: must be 1 for a deal in won stage "closed-won", got 0.2; ' +
        'closeDate: must not be before the date of createdAt (2026-01-24), got "2026-01-20"',
    );
  });

  it('a close date on the created date is fine (the date as written, whatever the offset)', () => {
    const d = parseDeal({
      ...base,
      stage: 'closed-won',
      createdAt: '2026-01-24T20:00:00-05:00',
      closeDate: '2026-01-24',
    });
    expect(d.closeDate).toBe('2026-01-24');
  });
});
