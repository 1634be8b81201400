import { describe, expect, it } from 'vitest';
import { RevopsError } from '../../src/core/index.js';
import {
  defaultCustomerPipeline,
  defaultDealPipeline,
  defaultLeadPipeline,
  definePipeline,
  transition,
  type PipelineSpec,
} from '../../src/pipeline/index.js';

const good: PipelineSpec = {
  id: 'p',
  name: 'P',
  entity: 'deal',
  stages: [
    { id: 'a', name: 'A', kind: 'open', probability: 0.2, forecastCategory: 'pipeline' },
    { id: 'b', name: 'B', kind: 'open', probability: 0.6, forecastCategory: 'commit', requiredFields: ['amount'] },
    { id: 'won', name: 'Won', kind: 'won', probability: 1, forecastCategory: 'closed' },
    { id: 'lost', name: 'Lost', kind: 'lost', probability: 0, forecastCategory: 'omitted' },
  ],
  transitions: [
    { from: 'a', to: 'b', roles: ['ae'] },
    { from: 'b', to: 'won', roles: ['ae'], requiredFields: ['expectedCloseDate'] },
    { from: 'a', to: 'lost', roles: ['ae'], requiresReason: true },
    { from: 'b', to: 'lost', roles: ['ae'], requiresReason: true },
  ],
};

/** The issue codes `definePipeline` reports for a spec. */
function problems(spec: unknown): string[] {
  try {
    definePipeline(spec as PipelineSpec);
  } catch (e) {
    expect(e).toBeInstanceOf(RevopsError);
    expect((e as RevopsError).code).toBe('INVALID_PIPELINE');
    return (e as RevopsError).issues.map((i) => `${i.code}@${i.path.join('.')}`);
  }
  return [];
}

describe('definePipeline', () => {
  it('fills the defaults, freezes deeply, and serialises to the plain definition', () => {
    const p = definePipeline(good);
    expect(p.startStages).toEqual(['a']);
    expect(p.handoffStages).toEqual([]);
    expect(p.transitions[0]).toEqual({ from: 'a', to: 'b', roles: ['ae'], requiredFields: [], requiresReason: false });
    expect(p.stages[0]?.requiredFields).toEqual([]);
    expect(Object.isFrozen(p) && Object.isFrozen(p.stages) && Object.isFrozen(p.transitions[0]!.roles)).toBe(true);
    const json = JSON.parse(JSON.stringify(p)) as Record<string, unknown>;
    expect(Object.keys(json).sort()).toEqual([
      'entity',
      'handoffStages',
      'id',
      'name',
      'stages',
      'startStages',
      'transitions',
    ]);
    // the caller's spec is not frozen or changed
    expect(Object.isFrozen(good.stages)).toBe(false);
    // a defined pipeline can be defined again (idempotent)
    expect(JSON.stringify(definePipeline(p))).toBe(JSON.stringify(p));
  });

  it('a defined pipeline sent through JSON defines the same pipeline again', () => {
    for (const p of [defaultLeadPipeline, defaultDealPipeline, defaultCustomerPipeline, definePipeline(good)]) {
      const again = definePipeline(JSON.parse(JSON.stringify(p)) as PipelineSpec);
      expect(again).toEqual(p);
      // and it works the same: the default deal pipeline's discovery → demo is open to sales specialists
      if (p === defaultDealPipeline) {
        const e = { id: 'x', stage: 'discovery', history: [] };
        expect(
          transition(e, 'demo', {
            pipeline: again,
            actor: { id: 's', roleId: 'sales-specialist' },
            at: '2026-01-01T00:00:00Z',
          }).ok,
        ).toBe(true);
      }
    }
  });

  it('fills reopen defaults: a reason required, every closed stage reopenable', () => {
    const p = definePipeline({ ...good, reopen: { roles: ['mgr'], toStage: 'a' } });
    expect(p.reopen).toEqual({ roles: ['mgr'], toStage: 'a', requiresReason: true, fromStages: ['won', 'lost'] });
  });

  it('reports every shape problem at once', () => {
    expect(problems({ id: '', name: 'x', entity: 'opportunity', stages: [], transitions: {}, colour: 'red' })).toEqual([
      'unrecognized_keys@colour',
      'too_small@stages',
      'invalid_type@id',
      'invalid_value@entity',
      'invalid_type@transitions',
    ]);
    expect(problems(null)).toEqual([
      'invalid_type@',
      'invalid_type@stages',
      'invalid_type@id',
      'invalid_type@name',
      'invalid_value@entity',
      'invalid_type@transitions',
    ]);
    expect(
      problems({
        ...good,
        stages: [{ ...good.stages[0], probability: 20, kind: 'closed' }, ...good.stages.slice(1)],
        transitions: [{ ...good.transitions[0], roles: [], requiresReason: 'yes' }, ...good.transitions.slice(1)],
      }),
    ).toEqual([
      'invalid_value@stages.0.kind',
      'invalid_type@stages.0.probability',
      'too_small@transitions.0.roles',
      'invalid_type@transitions.0.requiresReason',
    ]);
  });

  it('reports every problem of meaning at once', () => {
    const bad = {
      ...good,
      stages: [
        ...good.stages,
        { id: 'a', name: 'A again', kind: 'open', probability: 0.1, forecastCategory: 'pipeline' },
        { id: 'won2', name: 'Almost won', kind: 'won', probability: 0.9, forecastCategory: 'commit' },
        { id: 'lost2', name: 'Lost', kind: 'lost', probability: 0.1, forecastCategory: 'pipeline' },
        { id: 'island', name: 'Island', kind: 'open', probability: 0.5, forecastCategory: 'closed' },
      ],
      transitions: [
        ...good.transitions,
        { from: 'a', to: 'nowhere', roles: ['ae'] },
        { from: 'a', to: 'a', roles: ['ae'] },
        { from: 'a', to: 'b', roles: ['ae'] },
        { from: 'won', to: 'a', roles: ['ae'] },
        { from: 'b', to: 'lost2', roles: ['ae'] },
        { from: 'island', to: 'won2', roles: ['ae'] },
      ],
      handoffStages: ['b'],
      reopen: { roles: ['mgr'], toStage: 'won', fromStages: ['a'] },
    };
    expect(problems(bad)).toEqual([
      'duplicate_stage@stages.4.id',
      'won_probability@stages.5.probability',
      'won_category@stages.5.forecastCategory',
      'lost_probability@stages.6.probability',
      'lost_category@stages.6.forecastCategory',
      'open_category@stages.7.forecastCategory',
      'unknown_stage@transitions.4.to',
      'self_transition@transitions.5',
      'duplicate_transition@transitions.6',
      'closed_source@transitions.7.from',
      'lost_without_reason@transitions.8.requiresReason',
      'handoff_kind@handoffStages.0',
      'reopen_target@reopen.toStage',
      'reopen_source@reopen.fromStages.0',
      'unreachable_stage@stages.5',
      'unreachable_stage@stages.7',
    ]);
  });

  it('no start stage, unknown start stage, closed start stage, stuck open stage, reopen with nothing to reopen', () => {
    expect(problems({ ...good, startStages: [] })).toEqual([
      'no_start_stage@startStages',
      // nothing is reachable without a start stage, but that follows from the first problem
    ]);
    expect(problems({ ...good, startStages: ['zz', 'won'] })).toEqual([
      'unknown_stage@startStages.0',
      'closed_start@startStages.1',
    ]);
    const stuck = { ...good, transitions: good.transitions.filter((t) => t.from !== 'b') };
    expect(problems(stuck)).toEqual(['dead_end@stages.1', 'unreachable_stage@stages.2']);
    const open = {
      ...good,
      stages: good.stages.slice(0, 2),
      transitions: [
        { from: 'a', to: 'b', roles: ['x'] },
        { from: 'b', to: 'a', roles: ['x'] },
      ],
      reopen: { roles: ['m'], toStage: 'a' },
    };
    expect(problems(open)).toEqual(['reopen_source@reopen.fromStages']);
  });

  it('ids as the model: at most 200 characters; "__proto__" is no stage id', () => {
    const long = 'x'.repeat(201);
    expect(
      problems({
        ...good,
        id: long,
        transitions: [...good.transitions.slice(0, 3), { ...good.transitions[3]!, roles: [long] }],
      }),
    ).toEqual(['too_big@id', 'too_big@transitions.3.roles.0']);
    const proto = {
      ...good,
      stages: [
        ...good.stages,
        { id: '__proto__', name: 'P', kind: 'lost', probability: 0, forecastCategory: 'omitted' },
      ],
      transitions: [...good.transitions, { from: 'a', to: '__proto__', roles: ['ae'], requiresReason: true }],
    };
    expect(problems(proto)).toEqual(['reserved_id@stages.4.id']);
  });

  it('the message names every problem', () => {
    expect(() =>
      definePipeline({
        ...good,
        stages: [
          { ...good.stages[0]!, probability: 1 },
          ...good.stages.slice(1).map((s) => (s.kind === 'won' ? { ...s, probability: 0.95 } : s)),
        ],
      }),
    ).toThrow('Invalid pipeline "p": stages.2.probability: won stage "won" must have probability 1, got 0.95');
  });

  it('reopen makes a stage reachable', () => {
    // "c" is entered only by reopening
    const spec = {
      ...good,
      stages: [
        ...good.stages,
        { id: 'c', name: 'C', kind: 'open' as const, probability: 0.3, forecastCategory: 'pipeline' as const },
      ],
      transitions: [...good.transitions, { from: 'c', to: 'b', roles: ['ae'] }],
      reopen: { roles: ['mgr'], toStage: 'c' },
    };
    expect(definePipeline(spec).stages).toHaveLength(5);
  });

  it('checks guard fields at dotted paths and ignores empty values', () => {
    const p = definePipeline({
      ...good,
      transitions: good.transitions.map((t) =>
        t.to === 'b' ? { ...t, requiredFields: ['fields.budget', 'tags'] } : t,
      ),
    });
    const e = { id: 'x', stage: 'a', history: [], amount: 1 };
    const at = '2026-01-01T00:00:00Z';
    const r1 = transition({ ...e, fields: { budget: '' }, tags: [] }, 'b', {
      pipeline: p,
      actor: { id: 'u', roleId: 'ae' },
      at,
    });
    expect(r1.ok ? null : r1.error.details.missingFields).toEqual(['fields.budget', 'tags']);
    const r2 = transition({ ...e, fields: { budget: 0 }, tags: ['x'] }, 'b', {
      pipeline: p,
      actor: { id: 'u', roleId: 'ae' },
      at,
    });
    expect(r2.ok).toBe(true);
  });
});
