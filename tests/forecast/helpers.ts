import type { Deal } from '../../src/model/deal.js';
import type { Pipeline } from '../../src/model/pipeline.js';

let counter = 0;

/** A complete, valid Deal with sensible defaults; `amount` is a decimal string in `currency`. */
export function deal(over: Partial<Omit<Deal, 'amount'>> & { amount?: string; currency?: string } = {}): Deal {
  counter++;
  const { amount = '1000.00', currency = 'USD', ...rest } = over;
  return {
    id: `d${counter}`,
    name: `Deal ${counter}`,
    accountId: 'acc1',
    ownerId: 'ae1',
    type: 'new',
    amount: { amount, currency },
    stage: 'proposal',
    probability: 0.5,
    probabilitySource: 'stage',
    forecastCategory: 'pipeline',
    expectedCloseDate: '2026-03-31',
    createdAt: '2026-01-05T09:00:00Z',
    history: [],
    ...rest,
  };
}

/** A four-stage deal pipeline (three open stages, won, lost). */
export const pipeline: Pipeline = {
  id: 'deals',
  name: 'Deals',
  entity: 'deal',
  handoffStages: [],
  transitions: [],
  stages: [
    {
      id: 'stage1',
      name: 'Stage 1',
      kind: 'open',
      probability: 0.25,
      forecastCategory: 'pipeline',
      requiredFields: [],
    },
    { id: 'stage2', name: 'Stage 2', kind: 'open', probability: 0.4, forecastCategory: 'bestCase', requiredFields: [] },
    { id: 'stage3', name: 'Stage 3', kind: 'open', probability: 0.65, forecastCategory: 'commit', requiredFields: [] },
    { id: 'won', name: 'Closed Won', kind: 'won', probability: 1, forecastCategory: 'closed', requiredFields: [] },
    { id: 'lost', name: 'Closed Lost', kind: 'lost', probability: 0, forecastCategory: 'omitted', requiredFields: [] },
  ],
};

/** A stage event at a given instant. */
export function ev(from: string | null, to: string, at = '2026-01-10T10:00:00Z'): Deal['history'][number] {
  return { from, to, at, actorId: 'ae1', roleId: 'account-executive' };
}

/** The RevopsError code thrown by `f`, or 'no error'. */
export function codeOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    return (e as { code?: string }).code ?? 'not a RevopsError';
  }
  return 'no error';
}
