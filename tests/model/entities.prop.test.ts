/**
 * Every entity round-trips through JSON (`parseX(JSON.parse(JSON.stringify(x)))` deep-equals
 * `x` for x = parseX(any valid input)), and parseX on arbitrary input — JSON values, objects,
 * any JavaScript value, or a valid input with one field broken — either returns a value or
 * throws RevopsError('INVALID_INPUT'), nothing else.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as model from '../../src/model/index.js';
import * as arb from './arbitraries.js';

interface Entity {
  readonly name: string;
  readonly input: fc.Arbitrary<Record<string, unknown>>;
  readonly parse: (input: unknown) => unknown;
  readonly safeParse: (input: unknown) => { ok: boolean };
}

const ENTITIES: readonly Entity[] = [
  { name: 'Role', input: arb.roleArb, parse: model.parseRole, safeParse: model.safeParseRole },
  { name: 'Member', input: arb.memberArb, parse: model.parseMember, safeParse: model.safeParseMember },
  { name: 'Team', input: arb.teamArb, parse: model.parseTeam, safeParse: model.safeParseTeam },
  { name: 'Territory', input: arb.territoryArb, parse: model.parseTerritory, safeParse: model.safeParseTerritory },
  { name: 'Account', input: arb.accountArb, parse: model.parseAccount, safeParse: model.safeParseAccount },
  { name: 'Lead', input: arb.leadArb, parse: model.parseLead, safeParse: model.safeParseLead },
  { name: 'Deal', input: arb.dealArb, parse: model.parseDeal, safeParse: model.safeParseDeal },
  { name: 'Activity', input: arb.activityArb, parse: model.parseActivity, safeParse: model.safeParseActivity },
  { name: 'Quota', input: arb.quotaArb, parse: model.parseQuota, safeParse: model.safeParseQuota },
  { name: 'Credit', input: arb.creditArb, parse: model.parseCredit, safeParse: model.safeParseCredit },
  {
    name: 'Subscription',
    input: arb.subscriptionArb,
    parse: model.parseSubscription,
    safeParse: model.safeParseSubscription,
  },
  { name: 'Pipeline', input: arb.pipelineArb, parse: model.parsePipeline, safeParse: model.safeParsePipeline },
  { name: 'Plan', input: arb.planArb, parse: model.parsePlan, safeParse: model.safeParsePlan },
];

/** Calls parse; returns 'ok' or checks that the throw is RevopsError('INVALID_INPUT') with issues. */
function parseOrRevopsError(e: Entity, input: unknown): 'ok' | 'refused' {
  try {
    e.parse(input);
    return 'ok';
  } catch (error) {
    const r = error as { name?: unknown; code?: unknown; issues?: unknown };
    expect(r.name).toBe('RevopsError');
    expect(r.code).toBe('INVALID_INPUT');
    expect(Array.isArray(r.issues) && r.issues.length > 0).toBe(true);
    return 'refused';
  }
}

const anythingArb = fc.anything({
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
});

describe.each(ENTITIES)('$name', (e) => {
  it('every valid input parses, and the result round-trips through JSON', () => {
    fc.assert(
      fc.property(e.input, (input) => {
        const x = e.parse(input);
        expect(e.parse(JSON.parse(JSON.stringify(x)))).toEqual(x);
        expect(e.parse(x)).toEqual(x);
      }),
      { numRuns: 150 },
    );
  });

  it('parse on arbitrary JSON (fc.jsonValue) returns a value or throws RevopsError(INVALID_INPUT)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (json) => {
        parseOrRevopsError(e, json);
        expect(typeof e.safeParse(json).ok).toBe('boolean');
      }),
      { numRuns: 150 },
    );
  });

  it('parse on arbitrary objects and any JavaScript value returns a value or throws RevopsError', () => {
    fc.assert(
      fc.property(fc.oneof(fc.object(), anythingArb), (value) => {
        parseOrRevopsError(e, value);
      }),
      { numRuns: 150 },
    );
  });

  it('a valid input with one field replaced, removed or added is parsed or refused with RevopsError', () => {
    const mutated = e.input.chain((input) => {
      const keys = Object.keys(input);
      return fc.oneof(
        fc.tuple(fc.constantFrom(...keys), fc.jsonValue()).map(([k, v]) => ({ ...input, [k]: v })),
        fc.constantFrom(...keys).map((k) => Object.fromEntries(Object.entries(input).filter(([key]) => key !== k))),
        fc.tuple(fc.string(), anythingArb).map(([k, v]) => ({ ...input, [k]: v })),
      );
    });
    let refused = 0;
    fc.assert(
      fc.property(mutated, (input) => {
        if (parseOrRevopsError(e, input) === 'refused') refused++;
      }),
      { numRuns: 150 },
    );
    expect(refused).toBeGreaterThan(0);
  });
});

describe('-0 in a numeric field', () => {
  // Regression: number fields (probability, score, custom fields, …) kept -0, and JSON.stringify
  // writes 0, so a parsed value did not deep-equal its round trip. The schemas now read -0 as 0.
  it('a deal with probability -0 round-trips through JSON', () => {
    const deal = model.parseDeal({
      id: 'd',
      name: 'D',
      accountId: 'a',
      ownerId: 'o',
      type: 'new',
      amount: { amount: '1', currency: 'USD' },
      stage: 's',
      probability: -0,
      forecastCategory: 'pipeline',
      expectedCloseDate: '2026-01-01',
      createdAt: '2026-01-01T00:00:00Z',
    });
    expect(model.parseDeal(JSON.parse(JSON.stringify(deal)))).toEqual(deal);
  });
});
