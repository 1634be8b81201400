/**
 * Regression tests for the model findings of the long fuzz run of 2026-12-04 (issue 14), each with
 * the input the run reported: a message stays under the fuzz suite's 2,000 characters, and a list of
 * 1,000,000 elements inside an entity is refused at once (it cost 2–4 s of CPU in zod issues).
 */
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/core/read.js';
import {
  dealOutcomeOf,
  parsePipeline,
  parsePlan,
  parseRole,
  parseTeam,
  safeParsePipeline,
  safeParsePlan,
} from '../../src/model/index.js';
import { thrown } from '../core/helpers.js';

/** The fuzz suite's bound on a message (tests/fuzz/harness.ts). */
const MESSAGE_LIMIT = 2000;
const ZEROS = Object.freeze(new Array(1e6).fill(0));
const HOLES = Object.freeze(new Array(1e6));

/** Runs `f`, expecting INVALID_INPUT naming `field` with the length in the message, within `ms`. */
function refusedAtOnce(f: () => unknown, field: string, ms = 500): void {
  const t0 = performance.now();
  const e = thrown(f, 'INVALID_INPUT');
  expect(performance.now() - t0).toBeLessThan(ms);
  expect(e.field).toBe(field);
  expect(e.issues).toHaveLength(1);
  expect(e.message).toContain(`${field}: must have at most ${LIMITS.listLength} elements (LIMITS.listLength), got`);
}

describe('parseRole messages stay short', () => {
  const role = { id: 'sdr', name: 'SDR', phase: 'leadGeneration', responsibilities: [] };

  for (const [label, bad] of [
    ['true', true],
    ['"2026-13-01"', '2026-13-01'],
    ['["1", "__proto__"]', ['1', '__proto__']],
    ['a long string', 'lead.qualify'.repeat(1000)],
  ] as const) {
    it(`50 copies of the permission ${label}: 50 issues, a message under ${MESSAGE_LIMIT} (was 2,071)`, () => {
      const permissions = Array.from({ length: 50 }, () => bad);
      const e = thrown(() => parseRole({ ...role, permissions }), 'INVALID_INPUT');
      expect(e.issues).toHaveLength(50);
      expect(e.message.length).toBeLessThan(MESSAGE_LIMIT);
      expect(e.message).toMatch(/^Invalid Role: permissions\[0\]: Invalid option: expected one of "lead\.create"/);
      expect(e.message).toMatch(/; and 40 more issues \(see error\.issues\)$/);
    });
  }

  it('permissions of 1e6 zeros or holes: refused at once naming permissions (was 2,075 characters and 6 s)', () => {
    refusedAtOnce(() => parseRole({ ...role, permissions: ZEROS }), 'permissions');
    refusedAtOnce(() => parseRole({ ...role, permissions: HOLES }), 'permissions');
  });

  it('responsibilities of 1e6 zeros or holes: refused at once (was 3.5–4 s)', () => {
    const withPermission = { ...role, permissions: ['lead.qualify'] };
    refusedAtOnce(() => parseRole({ ...withPermission, responsibilities: ZEROS }), 'responsibilities');
    refusedAtOnce(() => parseRole({ ...withPermission, responsibilities: HOLES }), 'responsibilities');
  });
});

describe('dealOutcomeOf(…)(deal, field) writes a long field bounded', () => {
  it('deal a Symbol, field "0.000…" of 2,003 characters: INVALID_INPUT, message under 300 (was 2,054)', () => {
    const field = `0.${'0'.repeat(2001)}`;
    const e = thrown(() => dealOutcomeOf()(Symbol('hostile') as never, field), 'INVALID_INPUT');
    expect(e.message).toBe(`${field.slice(0, 197)}....stage must be a stage id (a string), got undefined`);
    expect(e.field).toBe(`${field.slice(0, 197)}....stage`);
  });

  it('a null-prototype deal without a stage, field of 100,000 characters (was a message of 100,051)', () => {
    const deal = Object.assign(Object.create(null), { 'pn)6]': true, 'NK7,=t': false });
    const e = thrown(() => dealOutcomeOf()(deal, 'a'.repeat(100_000)), 'INVALID_INPUT');
    expect(e.message.length).toBeLessThan(300);
  });

  it('an unknown stage with a long field, and a field of 200 characters written whole', () => {
    const e = thrown(() => dealOutcomeOf()({ stage: 'maybe' }, 'd'.repeat(5000)), 'INVALID_INPUT');
    expect(e.message.length).toBeLessThan(1000);
    expect(e.message.startsWith(`${'d'.repeat(197)}....stage must be a stage of pipeline`)).toBe(true);
    const whole = 'f'.repeat(200);
    expect(thrown(() => dealOutcomeOf()({ stage: 'maybe' }, whole), 'INVALID_INPUT').field).toBe(`${whole}.stage`);
  });
});

describe('entity lists of 1e6 elements are refused before their elements are read', () => {
  const stages = [
    { id: 'open', name: 'Open', kind: 'open', probability: 0.2, forecastCategory: 'pipeline' },
    { id: 'won', name: 'Won', kind: 'won', probability: 1, forecastCategory: 'closed' },
  ];
  const transitions = [{ from: 'open', to: 'won', roles: ['account-executive'] }];
  const pipeline = { id: 'p', name: 'Simple', entity: 'deal', stages, transitions };

  it('parseTeam memberIds of 1e6 zeros or holes (was 3.5–3.7 s)', () => {
    refusedAtOnce(() => parseTeam({ id: 't1', name: 'West', memberIds: ZEROS }), 'memberIds');
    refusedAtOnce(() => parseTeam({ id: 't1', name: 'West', memberIds: HOLES }), 'memberIds');
  });

  it('parsePipeline / safeParsePipeline transitions or stages of 1e6 zeros or holes (was 2.9–4 s)', () => {
    for (const many of [ZEROS, HOLES]) {
      refusedAtOnce(() => parsePipeline({ ...pipeline, transitions: many }), 'transitions');
      refusedAtOnce(() => parsePipeline({ ...pipeline, stages: many }), 'stages');
      const empty = { id: 'p', name: 'Empty', entity: 'deal', stages: [], transitions: [] };
      for (const key of ['stages', 'transitions']) {
        const t0 = performance.now();
        const r = safeParsePipeline({ ...empty, [key]: many });
        expect(performance.now() - t0).toBeLessThan(500);
        expect(r.ok).toBe(false);
        if (!r.ok) {
          const issue = r.error.issues.find((i) => i.path.join('.') === key);
          expect(issue?.message).toBe('must have at most 100000 elements (LIMITS.listLength), got 1000000');
          // the fuzz run's "Empty" pipeline has no stage either: with 1e6 transitions that is its other issue
          expect(r.error.issues).toHaveLength(key === 'stages' ? 1 : 2);
        }
      }
    }
  });

  it('parsePlan / safeParsePlan versions of 1e6 zeros, holes or copies of a valid version (was 3.1–4.2 s)', () => {
    const version = {
      id: 'v1',
      effectiveFrom: '2026-01-01',
      components: [{ id: 'c', kind: 'rate', rate: '0.1' }],
    };
    const copies = Object.freeze(new Array(1e6).fill(Object.freeze(version)));
    for (const versions of [ZEROS, HOLES, copies]) {
      refusedAtOnce(() => parsePlan({ id: 'ae', currency: 'USD', periodLength: 'quarter', versions }), 'versions');
      const r = safeParsePlan({ id: 'p', currency: 'USD', periodLength: 'week', versions });
      expect(r.ok).toBe(false);
    }
  });

  it('a list of exactly LIMITS.listLength elements is read as before: 100,000 valid member ids parse', () => {
    const memberIds = Array.from({ length: LIMITS.listLength }, (_, i) => `m${i}`);
    expect(parseTeam({ id: 't1', name: 'West', memberIds }).memberIds).toHaveLength(LIMITS.listLength);
    // one more is refused, naming the list and its length
    const e = thrown(() => parseTeam({ id: 't1', name: 'West', memberIds: [...memberIds, 'x'] }), 'INVALID_INPUT');
    expect(e.message).toBe(
      'Invalid Team: memberIds: must have at most 100000 elements (LIMITS.listLength), got 100001',
    );
  });
});
