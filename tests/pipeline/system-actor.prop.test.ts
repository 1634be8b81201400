import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { definePipeline, replayHistory, transition, type StagedEntity } from '../../src/pipeline/index.js';

const STAGES = ['s0', 's1', 's2', 's3'];

describe('system actor (law)', () => {
  it('a system move succeeds exactly where its transition allows system actors, is recorded, and replays', () => {
    fc.assert(
      fc.property(
        fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
        fc.array(fc.boolean(), { minLength: 1, maxLength: 6 }),
        (flags, systemMoves) => {
          const pipeline = definePipeline({
            id: 'p',
            name: 'P',
            entity: 'customer',
            stages: [
              ...STAGES.map((id) => ({
                id,
                name: id,
                kind: 'open' as const,
                probability: 0.5,
                forecastCategory: 'pipeline' as const,
              })),
              { id: 'done', name: 'Done', kind: 'won', probability: 1, forecastCategory: 'closed' },
            ],
            transitions: [
              ...flags.map((allowSystem, i) => ({ from: STAGES[i]!, to: STAGES[i + 1]!, roles: ['ops'], allowSystem })),
              { from: 's3', to: 'done', roles: ['ops'] },
              { from: 's1', to: 's0', roles: ['ops'] },
              { from: 's2', to: 's0', roles: ['ops'] },
            ],
          });
          const base: StagedEntity = { id: 'c', stage: 's0', history: [] };
          let e: StagedEntity = {
            ...base,
            history: [{ from: null, to: 's0', at: '2026-01-01T00:00:00Z', actorId: 'm', roleId: 'ops' }],
          };
          systemMoves.forEach((system, k) => {
            const i = STAGES.indexOf(e.stage);
            if (i >= 3) return;
            const actor = system ? { id: 'sync', roleId: 'integration', system: true } : { id: 'm', roleId: 'ops' };
            const r = transition(e, STAGES[i + 1]!, { pipeline, actor, at: `2026-01-0${k + 2}T00:00:00Z` });
            expect(r.ok).toBe(!system || flags[i] === true);
            if (!r.ok) expect(r.error.code).toBe('SYSTEM_NOT_PERMITTED');
            else {
              expect(r.value.history.at(-1)?.system).toBe(system ? true : undefined);
              e = r.value;
            }
          });
          const replayed = replayHistory(base, e.history, { pipeline });
          expect(replayed.ok && replayed.value).toEqual(e);
        },
      ),
    );
  });
});
