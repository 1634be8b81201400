import { describe, expect, it } from 'vitest';
import { availableTransitions, defaultDealPipeline, definePipeline, stageDurations } from '../../src/pipeline/index.js';

/** The error thrown by `f` (it must throw). */
function thrown(f: () => unknown): { code?: string; field?: string; name?: string; message?: string } {
  try {
    f();
  } catch (e) {
    return e as { code?: string; field?: string; name?: string };
  }
  throw new Error('did not throw');
}

/** A proxy that answers `answer` to every property read (the long fuzz run's hostile pipeline). */
const answering = (answer: unknown): object => new Proxy({}, { get: () => answer });

const deal = { id: 'd1', stage: 'proposal', history: [] };
const ae = { id: 'ae1', roleId: 'account-executive' };

describe('issue 14: hostile pipelines are refused with a RevopsError', () => {
  it('availableTransitions(deal, { pipeline: <proxy answering "1">, … }) is INVALID_PIPELINE (was a TypeError)', () => {
    expect(thrown(() => availableTransitions(deal, { pipeline: answering('1') as never, actor: ae }))).toMatchObject({
      name: 'RevopsError',
      code: 'INVALID_PIPELINE',
      field: 'pipeline',
    });
  });

  it('stageDurations with a pipeline that is a proxy answering 1 to every read is INVALID_PIPELINE', () => {
    expect(thrown(() => stageDurations([deal], { pipeline: answering(1) as never }))).toMatchObject({
      name: 'RevopsError',
      code: 'INVALID_PIPELINE',
    });
  });

  it('a pipeline whose getter throws is refused, not the getter error', () => {
    const throwing = new Proxy(
      {},
      {
        get: () => {
          throw new Error('boom');
        },
      },
    );
    expect(thrown(() => availableTransitions(deal, { pipeline: throwing as never, actor: ae }))).toMatchObject({
      code: 'INVALID_PIPELINE',
    });
  });

  it('definePipeline reads lists with index loops: a stages array with its own constructor key is read', () => {
    const stages = [...JSON.parse(JSON.stringify(defaultDealPipeline.stages))] as unknown[] & { constructor?: unknown };
    stages.constructor = 5;
    const transitions = JSON.parse(JSON.stringify(defaultDealPipeline.transitions)) as unknown[];
    (transitions as unknown as { constructor: unknown }).constructor = 'x';
    const p = definePipeline({ ...JSON.parse(JSON.stringify(defaultDealPipeline)), stages, transitions });
    expect(p.stages.map((s) => s.id)).toEqual(defaultDealPipeline.stages.map((s) => s.id));
  });

  it('an INVALID_PIPELINE message lists at most 20 problems; issues holds them all', () => {
    const stages = Array.from({ length: 1000 }, (_, i) => ({ id: `s${i}`, name: '', kind: 'open' }));
    const e = thrown(() =>
      definePipeline({ id: 'big', name: 'Big', entity: 'deal', stages, transitions: [] } as never),
    ) as {
      message: string;
      issues: unknown[];
    };
    expect(e.issues.length).toBe(1000); // reading stops at 1,000 problems (3 per stage here)
    expect(e.message.length).toBeLessThan(4000);
    expect(e.message).toContain('more problems (see issues)');
  });

  it('definePipeline with 1,000,000 non-object stages or transitions is refused at once (was 30–48 s)', () => {
    for (const key of ['stages', 'transitions'] as const) {
      const spec = { ...JSON.parse(JSON.stringify(defaultDealPipeline)), [key]: new Array(1e6).fill(0) };
      const start = performance.now();
      const e = thrown(() => definePipeline(spec)) as { code?: string; issues: unknown[] };
      expect(performance.now() - start).toBeLessThan(1000);
      expect(e.code).toBe('INVALID_PIPELINE');
      // past LIMITS.listLength (100,000) the list is refused before its elements are read
      expect(e.issues).toHaveLength(1);
      expect(e.issues[0]).toMatchObject({ path: [key], code: 'too_big' });
    }
  });

  it('definePipeline with 1,000,000 copies of a valid transition is refused at once (was 2.4 s)', () => {
    const spec = JSON.parse(JSON.stringify(defaultDealPipeline));
    spec.transitions = new Array(1e6).fill(spec.transitions[0]);
    const start = performance.now();
    const e = thrown(() => definePipeline(spec)) as { code?: string; message: string };
    expect(performance.now() - start).toBeLessThan(1000);
    expect(e.code).toBe('INVALID_PIPELINE');
    expect(e.message).toContain('transitions: must have at most 100000 elements (LIMITS.listLength), got 1000000');
  });
});

describe('INVALID_PIPELINE messages stay bounded whatever the keys and ids (issue 14)', () => {
  it('stages and transitions with an unknown key of 10,000 characters: message under 1,800 characters', () => {
    const key = 'k'.repeat(10_000);
    const spec = JSON.parse(JSON.stringify(defaultDealPipeline));
    spec.stages = spec.stages.map((st: object) => ({ ...st, [key]: 1 }));
    spec.transitions = [...spec.transitions, ...spec.transitions.map((t: object) => ({ ...t, [key]: 1 }))];
    const e = thrown(() => definePipeline(spec)) as { code?: string; message: string; issues: { path: unknown[] }[] };
    expect(e.code).toBe('INVALID_PIPELINE');
    expect(e.issues.length).toBeGreaterThan(10);
    expect(e.issues[0]?.path).toEqual(['stages', 0, key]);
    // every listed problem is cut to 200 characters, and listing stops at about 1,500
    expect(e.message.length).toBeLessThan(1800);
    expect(e.message).toMatch(/more problems \(see issues\)$/);
  });
});
