/**
 * Hostile input to statements (issue 14's findings, each with its exact input): never a wrong
 * number in silence, never a raw TypeError / RangeError / SyntaxError.
 */
import { describe, expect, it } from 'vitest';
import {
  calculateStatement,
  creditDeals,
  definePlan,
  finalizeStatement,
  mergeStatement,
  summarizeStatement,
  type StatementContext,
} from '../../src/commission/index.js';
import { LIMITS } from '../../src/core/read.js';
import type { Credit } from '../../src/model/credit.js';
import type { Deal } from '../../src/model/deal.js';
import { credit, JAN_2026, member, planOf, usd } from './helpers.js';

// A per-unit component: 50.00 per unit. Two credits of 2 and 3 units pay 5 × 50.00 = 250.00.
const perUnit: StatementContext = {
  plan: planOf([{ id: 'u', kind: 'perUnit', amountPerUnit: '50' }]),
  member,
  period: JAN_2026,
  quota: usd('0'),
};
const unitCredits = (a: unknown, b: unknown): Credit[] =>
  [credit('q1', '0', '2026-01-05', { measure: 'units' }), credit('q2', '0', '2026-01-06', { measure: 'units' })].map(
    (c, i) => ({ ...c, units: i === 0 ? a : b }) as Credit,
  );

describe('credit units are integers, read once', () => {
  it('pays 250.00 for 2 + 3 units (the honest input)', () => {
    expect(calculateStatement({ ...perUnit, credits: unitCredits(2, 3) }).payable.amount).toBe('250.00');
  });
  it(
    'refuses the strings "2" and "3" (once concatenated into 23 units, 1150.00) with INVALID_COUNT naming the ' +
      'credit',
    () => {
      expect(() => calculateStatement({ ...perUnit, credits: unitCredits('2', '3') })).toThrow(
        expect.objectContaining({
          code: 'INVALID_COUNT',
          field: 'credits[0] (id "q1").units',
          message: 'credits[0] (id "q1").units must be an integer ≥ -9007199254740991, got "2"',
        }),
      );
    },
  );
  it.each([
    ['true (once counted as one unit)', true],
    ['1.5 (once a RangeError from BigInt)', 1.5],
    ['"1e3" (once a SyntaxError)', '1e3'],
    ['NaN', Number.NaN],
    ['2 ** 53', 2 ** 53],
  ])('refuses units %s', (_, units) => {
    expect(() => calculateStatement({ ...perUnit, credits: unitCredits(2, units) })).toThrow(
      expect.objectContaining({ code: 'INVALID_COUNT', field: 'credits[1] (id "q2").units' }),
    );
  });
  it('refuses bad units even on a credit no per-unit component counts', () => {
    const plan = planOf([{ id: 'c', kind: 'rate', rate: '0.1' }]);
    const credits = [{ ...credit('k1', '100'), units: '2' } as unknown as Credit];
    expect(() => calculateStatement({ ...perUnit, plan, credits })).toThrow(
      expect.objectContaining({ code: 'INVALID_COUNT', field: 'credits[0] (id "k1").units' }),
    );
  });
  it('refuses a summary whose units came back from JSON as a string (once merged into the same wrong total)', () => {
    const good = summarizeStatement(unitCredits(2, 3).slice(0, 1), perUnit);
    const json = JSON.parse(JSON.stringify(summarizeStatement(unitCredits(2, 3).slice(1), perUnit)));
    json.components.u.units = '3';
    expect(() => mergeStatement(good, json)).toThrow(
      expect.objectContaining({ code: 'INVALID_SUMMARY', field: 'b.components.u.units' }),
    );
    expect(() => finalizeStatement(json, perUnit)).toThrow(
      expect.objectContaining({ code: 'INVALID_SUMMARY', field: 'summary.components.u.units' }),
    );
  });
});

describe('the same credit twice', () => {
  // A 10 % rate on one credit of 1,000.00 pays 100.00; given twice (a retried import) it paid 200.00.
  const context: StatementContext = {
    plan: planOf([{ id: 'c', kind: 'rate', rate: '0.1' }]),
    member,
    period: JAN_2026,
    quota: usd('10000'),
  };
  it('is refused with DUPLICATE_ID naming both positions, never paid twice', () => {
    const k = credit('k1', '1000');
    expect(calculateStatement({ ...context, credits: [k] }).payable.amount).toBe('100.00');
    expect(() => calculateStatement({ ...context, credits: [k, credit('k0', '5'), k] })).toThrow(
      expect.objectContaining({
        code: 'DUPLICATE_ID',
        field: 'credits[2].id',
        details: { id: 'k1', first: 0, second: 2 },
      }),
    );
  });
  it('is refused when two chunks carry it, at the merge', () => {
    const a = summarizeStatement([credit('k1', '1000')], context);
    const b = summarizeStatement([credit('k1', '1000')], context);
    expect(() => mergeStatement(a, b)).toThrow(expect.objectContaining({ code: 'DUPLICATE_ID' }));
  });
});

describe('errors name the credit by index and id', () => {
  const context: StatementContext = {
    plan: planOf([{ id: 'c', kind: 'rate', rate: '0.1' }]),
    member,
    period: JAN_2026,
    quota: usd('10000'),
  };
  it.each([
    [
      'an amount in another currency',
      { amount: { amount: '5', currency: 'EUR' } },
      'CURRENCY_MISMATCH',
      'credits[1] (id "k2").amount.currency',
    ],
    [
      'a malformed amount',
      { amount: { amount: '12,50', currency: 'USD' } },
      'INVALID_AMOUNT',
      'credits[1] (id "k2").amount.amount',
    ],
    ['an unknown kind', { kind: 'bribe' }, 'INVALID_INPUT', 'credits[1] (id "k2").kind'],
    ['a date that is not a date', { date: '2026-01-5' }, 'INVALID_DATE', 'credits[1] (id "k2").date'],
  ])('%s', (_, patch, code, field) => {
    const credits = [credit('k1', '1'), { ...credit('k2', '2'), ...patch } as Credit];
    expect(() => calculateStatement({ ...context, credits })).toThrow(expect.objectContaining({ code, field }));
  });
  it('a credit that is not an object', () => {
    expect(() => calculateStatement({ ...context, credits: [null as unknown as Credit] })).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT', field: 'credits[0]' }),
    );
  });
});

describe('long-run fuzz findings (issue 14), each with its exact input', () => {
  const rate: StatementContext = {
    plan: planOf([{ id: 'c', kind: 'rate', rate: '0.1' }]),
    member,
    period: JAN_2026,
    quota: usd('10000'),
  };

  it('finalizeStatement(<summary, attainment.amount "1e999">, ctx): refused, never an attainment of Infinity', () => {
    const summary = summarizeStatement([credit('k', '1000')], rate);
    const hostile = { ...summary, attainment: { ...summary.attainment, amount: '1e999' } };
    let error: unknown;
    try {
      finalizeStatement(hostile, rate);
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code: 'INVALID_AMOUNT', field: 'credited' });
    expect((error as Error).message.length).toBeLessThan(500); // the 1,000-digit amount is not echoed whole
    // an amount that large over a quota as large is exact: 1e999 / 1e999 = 1, not NaN
    const huge = { ...rate, quota: usd('1e999') };
    const s = finalizeStatement(
      { ...summarizeStatement([], huge), attainment: { amount: '1e999', creditIds: [] } },
      huge,
    );
    expect(s.attainment).toBe(1);
  });

  it('finalizeStatement(summary, { plan: <Proxy answering 1 to every get> }): RevopsError, not a TypeError', () => {
    const summary = summarizeStatement([credit('k', '1000')], rate);
    const proxy = new Proxy({}, { get: () => 1 });
    expect(() => finalizeStatement(summary, { ...rate, plan: proxy as never })).toThrow(
      expect.objectContaining({ code: 'INVALID_PLAN' }),
    );
  });

  // the message was 6,021 characters
  it('an INVALID_PLAN message for 50 bad versions lists the first five and how many more', () => {
    const versions = Array.from({ length: 50 }, (_, i) => ({
      id: `v${i}`,
      effectiveFrom: '2026-01-01',
      components: [{ id: 'c', kind: 'rate' as const, rate: '-0.1' }],
    }));
    let error: unknown;
    try {
      definePlan({ id: 'p', currency: 'USD', periodLength: 'month', versions });
    } catch (e) {
      error = e;
    }
    const e = error as { code: string; message: string; issues: unknown[] };
    expect(e.code).toBe('INVALID_PLAN');
    expect(e.issues.length).toBe(99); // 50 negative rates + 49 overlapping versions: all kept in issues
    expect(e.message).toMatch(/; and 94 more \(see error\.issues\)$/);
    expect(e.message.length).toBeLessThan(600);
  });
});

// The long fuzz run of 2026-12-03 (19:00–19:37 UTC, src of main at 18:35): creditDeals let TypeErrors and
// RangeErrors out, or echoed non-string ids into the credits. The deal is creditDeals' worked example
// (moneyphp/money PR #492: €99.99 at 75 % / 25 % → 74.99 / 25.00).
const fuzzDeal = (patch: Record<string, unknown> = {}): Deal =>
  ({
    id: 'd1',
    name: 'Deal',
    accountId: 'a',
    ownerId: 'ae1',
    type: 'new',
    amount: { amount: '99.99', currency: 'EUR' },
    stage: 'closed-won',
    probability: 1,
    probabilitySource: 'stage',
    forecastCategory: 'closed',
    expectedCloseDate: '2026-03-01',
    closeDate: '2026-03-01',
    createdAt: '2026-01-01T00:00:00Z',
    history: [],
    splits: [{ memberId: 'ae2', share: '0.25', kind: 'revenue' }],
    ...patch,
  }) as Deal;

/** The error `fn` throws. */
function errorOf(fn: () => unknown): {
  code?: string;
  field?: string;
  message: string;
  details?: unknown;
  issues?: { path: unknown[] }[];
} {
  try {
    fn();
  } catch (e) {
    return e as { code?: string; field?: string; message: string };
  }
  throw new Error('expected a throw');
}

describe('creditDeals: long-run fuzz findings, each with its exact input', () => {
  it('the worked example still credits 74.99 / 25.00', () => {
    expect(creditDeals([fuzzDeal()], {}).map((c) => [c.memberId, c.kind, c.amount.amount])).toEqual([
      ['ae1', 'owner', '74.99'],
      ['ae2', 'split', '25.00'],
    ]);
  });

  it('creditDeals(deals, null) → INVALID_OPTION (was a TypeError reading "rollup")', () => {
    expect(errorOf(() => creditDeals([fuzzDeal()], null as never))).toMatchObject({
      name: 'RevopsError',
      code: 'INVALID_OPTION',
      field: 'rules',
      message: 'rules must be an object, got null',
    });
  });

  it.each([
    ['the string "null"', 'null'],
    ['1e300', 1e300],
    ['a function', () => 1],
    ['Object.create(null)', Object.create(null)],
  ])('splits that are %s → INVALID_INPUT naming deals[0].splits (was a TypeError: splits.forEach)', (_, splits) => {
    expect(errorOf(() => creditDeals([fuzzDeal({ splits })]))).toMatchObject({
      name: 'RevopsError',
      code: 'INVALID_INPUT',
      field: 'deals[0] (id "d1").splits',
    });
  });

  it.each([
    ['[null]', [null]],
    ['[undefined]', [undefined]],
  ])('splits %s → INVALID_INPUT naming the split (was a TypeError reading "share")', (_, splits) => {
    expect(errorOf(() => creditDeals([fuzzDeal({ splits })]))).toMatchObject({
      name: 'RevopsError',
      code: 'INVALID_INPUT',
      field: 'deals[0] (id "d1").splits[0]',
    });
  });

  it('a splits array with its own `constructor` key credits as the plain array (was a TypeError: species)', () => {
    const splits = Object.defineProperty([{ memberId: 'ae2', share: '0.25', kind: 'revenue' }], 'constructor', {
      value: 7,
    });
    expect(creditDeals([fuzzDeal({ splits })])).toEqual(creditDeals([fuzzDeal()]));
  });

  it.each([
    ['id -Infinity', { id: Number.NEGATIVE_INFINITY }, 'deals[0].id'],
    ['id a Symbol', { id: Symbol('hostile') }, 'deals[0].id'],
    ['ownerId -Infinity', { ownerId: Number.NEGATIVE_INFINITY }, 'deals[0] (id "d1").ownerId'],
    ['ownerId Float64Array [1, NaN]', { ownerId: new Float64Array([1, Number.NaN]) }, 'deals[0] (id "d1").ownerId'],
  ])('%s → INVALID_INPUT (ids are strings: it was echoed into the credits, or threw)', (_, patch, field) => {
    expect(errorOf(() => creditDeals([fuzzDeal(patch)]))).toMatchObject({
      name: 'RevopsError',
      code: 'INVALID_INPUT',
      field,
    });
  });

  it('an id nested 10,000 arrays deep → INVALID_INPUT with a short message (was a RangeError)', () => {
    let id: unknown = 'x';
    for (let k = 0; k < 10_000; k++) id = [id];
    const e = errorOf(() => creditDeals([fuzzDeal({ id })]));
    expect(e).toMatchObject({ name: 'RevopsError', code: 'INVALID_INPUT', field: 'deals[0].id' });
    expect(e.message).toBe('deals[0].id must be a non-empty string, got array(1)');
  });

  it("closeDate Infinity → INVALID_DATE (it was echoed as the credits' date)", () => {
    expect(errorOf(() => creditDeals([fuzzDeal({ closeDate: Number.POSITIVE_INFINITY })]))).toMatchObject({
      code: 'INVALID_DATE',
      field: 'deals[0] (id "d1").closeDate',
    });
  });

  it('the same deal twice → DUPLICATE_ID naming both positions (its credits would be paid twice)', () => {
    const other = fuzzDeal({ id: 'd2' });
    expect(errorOf(() => creditDeals([fuzzDeal(), other, fuzzDeal()]))).toMatchObject({
      code: 'DUPLICATE_ID',
      field: 'deals[2] (id "d1").id',
      details: { id: 'd1', first: 0, second: 2 },
    });
  });

  it.each([
    ['type', { type: 'gift' }, 'deals[0] (id "d1").type'],
    ['segment', { segment: 7 }, 'deals[0] (id "d1").segment'],
    ['products', { products: 'abc' }, 'deals[0] (id "d1").products'],
    ['termMonths', { termMonths: '12' }, 'deals[0] (id "d1").termMonths'],
    ['sourceMemberId', { sourceMemberId: ['sdr'] }, 'deals[0] (id "d1").sourceMemberId'],
  ])('a malformed %s, copied onto every credit, is refused', (_, patch, field) => {
    expect(errorOf(() => creditDeals([fuzzDeal(patch)]))).toMatchObject({ name: 'RevopsError', field });
  });

  it('rules are read once: members, measure, source and rollup', () => {
    expect(errorOf(() => creditDeals([fuzzDeal()], { rollup: 'manager', members: [null] as never }))).toMatchObject({
      code: 'INVALID_OPTION',
      field: 'rules.members[0]',
    });
    expect(errorOf(() => creditDeals([fuzzDeal()], { measure: 'vibes' as never }))).toMatchObject({
      code: 'INVALID_OPTION',
      field: 'rules.measure',
    });
    expect(errorOf(() => creditDeals([fuzzDeal()], { source: 'no' as never }))).toMatchObject({
      code: 'INVALID_OPTION',
      field: 'rules.source',
    });
  });
});

describe('calculateStatement: the same clawback twice (long-run fuzz, silent)', () => {
  // Spiff clawback (S4), as in statement.test.ts: 5 % of 10,000.00 paid 500.00 in June, known in August → −500.00.
  const plan = planOf([{ id: 'c', kind: 'rate', rate: '0.05' }], {
    version: { clawback: { schedule: [{ withinDays: 90, share: '1' }] } },
  });
  const event = {
    id: 'cb1',
    dealId: 'd-k1',
    creditDate: '2026-06-15',
    knownDate: '2026-08-05',
    base: usd('10000'),
    rate: '0.05',
    paid: usd('500'),
    creditIds: ['k1'],
  };
  const context: StatementContext = {
    plan,
    member,
    period: { start: '2026-08-01', end: '2026-08-31' },
    quota: usd('100000'),
  };
  const credits = [credit('k9', '20000', '2026-08-10')];

  it('once: 1,000.00 commission − 500.00 clawed back = 500.00', () => {
    expect(calculateStatement({ ...context, credits, clawbacks: [event] }).payable.amount).toBe('500.00');
  });

  it('twice (it paid 0.00: the clawback posted twice) → DUPLICATE_ID naming both positions', () => {
    expect(errorOf(() => calculateStatement({ ...context, credits, clawbacks: [event, event] }))).toMatchObject({
      code: 'DUPLICATE_ID',
      field: 'clawbacks[1] (id "cb1").id',
      details: { id: 'cb1', first: 0, second: 1 },
      message: 'clawbacks[1] (id "cb1") repeats clawbacks[0]: a clawback is posted once, never twice',
    });
  });

  it('an error in a clawback names the position it was given at, not its place in id order', () => {
    const bad = { ...event, id: 'cb0', knownDate: '2026-09-01' };
    expect(errorOf(() => calculateStatement({ ...context, credits, clawbacks: [event, bad] }))).toMatchObject({
      code: 'INVALID_INPUT',
      field: 'clawbacks[1] (id "cb0").knownDate',
    });
    expect(errorOf(() => calculateStatement({ ...context, credits, clawbacks: 'cb1' as never }))).toMatchObject({
      code: 'INVALID_INPUT',
      field: 'clawbacks',
    });
  });
});

describe('INVALID_PLAN messages stay bounded whatever the keys and ids (issue 14)', () => {
  it('a version with an unknown key of 10,000 characters: the message lists it cut to 200 characters', () => {
    const key = 'k'.repeat(10_000);
    const version = { id: 'v', effectiveFrom: '2026-01-01', components: [{ id: 'c', kind: 'rate', rate: '0.1' }] };
    const e = errorOf(() =>
      definePlan({ id: 'p', currency: 'USD', periodLength: 'month', versions: [{ ...version, [key]: 1 }] } as never),
    ) as { code?: string; message: string; field?: string };
    expect(e.code).toBe('INVALID_PLAN');
    expect(e.message.length).toBeLessThan(300);
    expect(e.field?.length).toBe(200);
  });

  it('two versions with 200-character ids (the longest) in force on one day: the ids are cut', () => {
    const v = (id: string) => ({
      id,
      effectiveFrom: '2026-01-01',
      components: [{ id: 'c', kind: 'rate' as const, rate: '0.1' }],
    });
    const e = errorOf(() =>
      definePlan({
        id: 'p',
        currency: 'USD',
        periodLength: 'month',
        versions: [v('a'.repeat(200)), v('b'.repeat(200))],
      }),
    );
    expect(e.code).toBe('INVALID_PLAN');
    expect(e.message).toBe(
      `Invalid plan: versions.1.effectiveFrom: versions "${'a'.repeat(57)}..." and "${'b'.repeat(57)}..." are both ` +
        'in force on 2026-01-01',
    );
  });
});

const valid = { id: '2026', effectiveFrom: '2026-01-01', components: [{ id: 'c', kind: 'rate', rate: '0.1' }] };

describe('definePlan stops reading at 1,000 problems (long fuzz run: 1e6 versions took 4.6–54 s)', () => {
  // since session 13 a list longer than LIMITS.listLength (100,000) is refused before its elements are read
  // (tests/commission/fuzz-findings.test.ts); the issue limit still bounds a list up to that length
  it('versions = 100,000 zeros → INVALID_PLAN with 1,000 issues, in well under the fuzz limit of 2 s', () => {
    const spec = { id: 'ae', currency: 'USD', periodLength: 'quarter', versions: new Array(LIMITS.listLength).fill(0) };
    const start = performance.now();
    const e = errorOf(() => definePlan(spec as never));
    expect(performance.now() - start).toBeLessThan(2000);
    expect(e.code).toBe('INVALID_PLAN');
    expect(e.issues).toHaveLength(1000);
  });

  it('versions = 100,000 copies of one valid version → the first 1,000 repeats, not 200,000 issues', () => {
    // each copy repeats the id of the first (and overlaps it): the repeats are found before any version is checked
    // in depth; what is left is reading the shape of the versions, linear (about 2 µs each here, half of it garbage
    // collection)
    const versions = new Array(LIMITS.listLength).fill(valid);
    const spec = { id: 'ae', currency: 'USD', periodLength: 'quarter', versions };
    const e = errorOf(() => definePlan(spec as never));
    expect(e.code).toBe('INVALID_PLAN');
    expect(e.issues).toHaveLength(1000);
    expect(e.issues?.[0]?.path).toEqual(['versions', 1, 'id']);
    expect(e.issues?.[999]?.path).toEqual(['versions', 1000, 'id']);
  });

  it('versions = 1e6 zeros → one issue naming versions, its length past LIMITS.listLength', () => {
    const spec = { id: 'ae', currency: 'USD', periodLength: 'quarter', versions: new Array(1e6).fill(0) };
    const e = errorOf(() => definePlan(spec as never));
    expect(e.code).toBe('INVALID_PLAN');
    expect(e.issues).toEqual([
      {
        path: ['versions'],
        message: 'must have at most 100000 items (LIMITS.listLength), got 1000000',
        code: 'INVALID_PLAN',
      },
    ]);
  });
});

describe('DUPLICATE_ID messages write the id cut to 60 characters (an id of 10,000 characters)', () => {
  const context: StatementContext = {
    plan: planOf([{ id: 'c', kind: 'rate', rate: '0.1' }]),
    member,
    period: JAN_2026,
    quota: usd('10000'),
  };
  it('the same credit twice', () => {
    const k = credit('k'.repeat(10_000), '1000');
    const e = errorOf(() => calculateStatement({ ...context, credits: [k, k] }));
    expect(e.code).toBe('DUPLICATE_ID');
    expect(e.message).toBe(
      `credits[1] (id "${'k'.repeat(57)}...") repeats credits[0]: a credit is counted once, never paid twice`,
    );
  });
});
