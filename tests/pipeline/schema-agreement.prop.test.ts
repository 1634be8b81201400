import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PipelineSchema } from '../../src/model/index.js';
import { readPipeline } from '../../src/pipeline/validate-pipeline.js';

/**
 * Issue 10: one definition of a pipeline's shape. revops/pipeline reads definitions with its light reader (no zod on
 * compute paths); revops/model offers `PipelineSchema` for users who compose schemas. The reader is the truth the
 * compute functions use, and this law holds the schema to it: for any value, the reader finds no problem exactly when
 * the schema accepts it, and both give the same definition (the reader also fills `startStages` and
 * `reopen.fromStages`, which the schema leaves optional).
 */
const base = {
  id: 'p',
  name: 'Deals',
  entity: 'deal',
  stages: [
    { id: 'open', name: 'Open', kind: 'open', probability: 0.3, forecastCategory: 'pipeline', requiredFields: ['x'] },
    { id: 'won', name: 'Won', kind: 'won', probability: 1, forecastCategory: 'closed' },
    { id: 'lost', name: 'Lost', kind: 'lost', probability: 0, forecastCategory: 'omitted' },
  ],
  transitions: [
    { from: 'open', to: 'won', roles: ['ae'], allowSystem: true },
    { from: 'open', to: 'lost', roles: ['ae'], requiresReason: true, requiredFields: ['note'] },
  ],
  startStages: ['open'],
  handoffStages: [],
  allowSystemStart: false,
  lostReasons: [{ code: 'price', label: 'Price' }],
  reopen: { roles: ['manager'], toStage: 'open', requiresReason: true, fromStages: ['lost'], allowSystem: false },
};

const PATHS: readonly (readonly (string | number)[])[] = [
  ['id'],
  ['name'],
  ['entity'],
  ['stages'],
  ['stages', 0],
  ['stages', 0, 'id'],
  ['stages', 0, 'name'],
  ['stages', 1, 'kind'],
  ['stages', 0, 'probability'],
  ['stages', 2, 'forecastCategory'],
  ['stages', 0, 'requiredFields'],
  ['stages', 0, 'requiredFields', 0],
  ['stages', 1, 'extra'],
  ['transitions'],
  ['transitions', 0, 'from'],
  ['transitions', 0, 'roles'],
  ['transitions', 0, 'roles', 0],
  ['transitions', 1, 'requiresReason'],
  ['transitions', 0, 'allowSystem'],
  ['transitions', 1, 'requiredFields'],
  ['startStages'],
  ['startStages', 0],
  ['handoffStages'],
  ['allowSystemStart'],
  ['lostReasons'],
  ['lostReasons', 0, 'code'],
  ['lostReasons', 0, 'label'],
  ['lostReasons', 0, 'other'],
  ['reopen'],
  ['reopen', 'roles'],
  ['reopen', 'toStage'],
  ['reopen', 'requiresReason'],
  ['reopen', 'fromStages'],
  ['reopen', 'allowSystem'],
  ['unknownKey'],
];

const DELETE = Symbol('delete');
const arbValue = fc.oneof(
  fc.constant(DELETE),
  fc.constantFrom('', 'x', 'open', 'won', 'deal', 'lead', 'pipeline', 'closed', 'x'.repeat(200), 'x'.repeat(201)),
  fc.constantFrom(0, -0, 1, 0.5, -0.1, 1.1, Number.NaN, Number.POSITIVE_INFINITY),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.constantFrom([], ['open'], [''], [1], {}, { code: 'c', label: 'L' }),
);

function mutate(value: unknown, path: readonly (string | number)[], v: unknown): unknown {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let o: Record<string | number, unknown> = copy;
  for (let i = 0; i < path.length - 1; i++) {
    const next = o[path[i] as string];
    if (typeof next !== 'object' || next === null) return copy;
    o = next as Record<string | number, unknown>;
  }
  const key = path[path.length - 1] as string;
  if (v === DELETE) delete o[key];
  else o[key] = v;
  return copy;
}

describe('PipelineSchema agrees with the light reader of definePipeline (issue 10)', () => {
  it('accepts and rejects the same values, and reads accepted ones the same', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...PATHS), arbValue), { maxLength: 3 }), (edits) => {
        let spec: unknown = base;
        for (const [path, v] of edits) spec = mutate(spec, path, v);
        const light = readPipeline(spec);
        const zod = PipelineSchema.safeParse(spec);
        expect(light.issues.length === 0).toBe(zod.success);
        if (zod.success) {
          const p = zod.data;
          const expected = {
            ...p,
            startStages: p.startStages ?? p.stages.slice(0, 1).map((s) => s.id),
            ...(p.reopen === undefined
              ? {}
              : {
                  reopen: {
                    ...p.reopen,
                    fromStages: p.reopen.fromStages ?? p.stages.filter((s) => s.kind !== 'open').map((s) => s.id),
                  },
                }),
          };
          expect(light.pipeline).toEqual(expected);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('the agreement law is not vacuous', () => {
  it('the base definition is accepted by both, a wrong-typed field refused by both', () => {
    expect(readPipeline(base).issues).toEqual([]);
    expect(PipelineSchema.safeParse(base).success).toBe(true);
    const bad = mutate(base, ['transitions', 0, 'allowSystem'], 'yes');
    expect(readPipeline(bad).issues.map((i) => i.path.join('.'))).toEqual(['transitions.0.allowSystem']);
    expect(PipelineSchema.safeParse(bad).success).toBe(false);
  });
});
