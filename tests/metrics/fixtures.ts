/** Shared test data for tests/metrics: a small deal pipeline and builders. */
import type { Pipeline } from '../../src/model/pipeline.js';
import type { StageEvent } from '../../src/model/stage-event.js';

const stage = (id: string, kind: 'open' | 'won' | 'lost', probability: number) => ({
  id,
  name: id,
  kind,
  probability,
  forecastCategory:
    kind === 'won' ? ('closed' as const) : kind === 'lost' ? ('omitted' as const) : ('pipeline' as const),
  requiredFields: [],
});

/** Steps a → b → c, then won / lost. */
export const pipeline: Pipeline = {
  id: 'deals',
  name: 'Deals',
  entity: 'deal',
  stages: [
    stage('a', 'open', 0.1),
    stage('b', 'open', 0.3),
    stage('c', 'open', 0.6),
    stage('won', 'won', 1),
    stage('lost', 'lost', 0),
  ],
  transitions: [],
  handoffStages: [],
};

export const ev = (from: string | null, to: string, at: string): StageEvent => ({
  from,
  to,
  at,
  actorId: 'ae1',
  roleId: 'account-executive',
});

/** A funnel entity that walks `path` one day apart from `created` (YYYY-MM-DD). */
export function walker(
  path: readonly string[],
  created: string,
  ownerId = 'ae1',
  extra: { teamId?: string; segment?: string; territoryId?: string } = {},
) {
  const t0 = Date.parse(`${created}T12:00:00Z`);
  const at = (i: number) => new Date(t0 + i * 86_400_000).toISOString().replace('.000Z', 'Z');
  return {
    createdAt: at(0),
    stage: path[path.length - 1] as string,
    ownerId,
    ...extra,
    history: path.map((to, i) => ev(i === 0 ? null : (path[i - 1] as string), to, at(i))),
  };
}

/** A deal for the KPI tests. */
export function deal(
  stage: string,
  amount: string,
  extra: {
    ownerId?: string;
    createdAt?: string;
    closeDate?: string;
    teamId?: string;
    segment?: 'b2b' | 'b2c' | 'enterprise' | 'saas';
    territoryId?: string;
    currency?: string;
  } = {},
) {
  const { currency = 'USD', ownerId = 'ae1', createdAt = '2026-01-05T10:00:00Z', ...rest } = extra;
  return { stage, ownerId, createdAt, amount: { amount, currency }, ...rest };
}
